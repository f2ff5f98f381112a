/* test-widget-snippet.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestWidgetSnippet"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "govorun-widget-snippet.h"

#define HOSTILE "Клиника \"Здоровье\" & <b>'сын'</b> </elevenlabs-convai><script>alert(1)</script>\n\t😀"

/* Reads the element's attributes back as a browser would: name="value"
 * pairs with the five references we write and numeric ones undone. Fails
 * the test on anything outside that grammar. */
static GHashTable *
parse_element (const char *snippet)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *p = snippet;

  g_assert_true (g_str_has_prefix (p, "<elevenlabs-convai"));
  p += strlen ("<elevenlabs-convai");

  for (;;)
    {
      const char *name_start;
      g_autofree char *name = NULL;
      g_autoptr(GString) value = g_string_new (NULL);

      while (*p == ' ' || *p == '\n')
        p++;
      if (*p == '>')
        break;

      name_start = p;
      while (g_ascii_isalnum (*p) || *p == '-')
        p++;
      g_assert_cmpint (p - name_start, >, 0);
      name = g_strndup (name_start, p - name_start);
      g_assert_cmpint (*p++, ==, '=');
      g_assert_cmpint (*p++, ==, '"');
      while (*p != '"')
        {
          g_assert_cmpint (*p, !=, '\0');
          g_assert_cmpint (*p, !=, '<');
          g_assert_cmpint (*p, !=, '>');
          g_assert_cmpint (*p, !=, '\'');
          g_assert_cmpint ((guchar) *p, >=, 0x20);
          if (*p == '&')
            {
              const char *end = strchr (p, ';');
              g_autofree char *ref = NULL;

              g_assert_nonnull (end);
              ref = g_strndup (p + 1, end - p - 1);
              if (g_str_equal (ref, "amp"))
                g_string_append_c (value, '&');
              else if (g_str_equal (ref, "quot"))
                g_string_append_c (value, '"');
              else if (g_str_equal (ref, "lt"))
                g_string_append_c (value, '<');
              else if (g_str_equal (ref, "gt"))
                g_string_append_c (value, '>');
              else if (ref[0] == '#')
                g_string_append_unichar (value, (gunichar) g_ascii_strtoull (ref + 1, NULL, 10));
              else
                g_assert_not_reached ();
              p = end + 1;
            }
          else
            {
              g_string_append_c (value, *p++);
            }
        }
      p++;
      g_assert_false (g_hash_table_contains (attributes, name));
      g_hash_table_insert (attributes, g_steal_pointer (&name), g_string_free (g_steal_pointer (&value), FALSE));
    }

  g_assert_true (g_str_has_prefix (p, "></elevenlabs-convai>\n<script src=\"" GOVORUN_WIDGET_SCRIPT_URL
                                   "\" async type=\"text/javascript\"></script>\n"));
  g_assert_cmpuint (strlen (p), ==, strlen ("></elevenlabs-convai>\n<script src=\"" GOVORUN_WIDGET_SCRIPT_URL
                                             "\" async type=\"text/javascript\"></script>\n"));
  return attributes;
}

static JsonObject *
parse_json_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (text);
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_defaults (void)
{
  g_autoptr(GovorunWidgetChoices) choices = govorun_widget_choices_new ("agent_abc", "en");
  g_autofree char *snippet = govorun_widget_snippet_generate (choices);

  g_assert_cmpstr (snippet, ==,
                   "<elevenlabs-convai\n"
                   "  agent-id=\"agent_abc\"\n"
                   "  variant=\"full\"\n"
                   "  always-expanded=\"true\"\n"
                   "  placement=\"bottom-right\"\n"
                   "  avatar-orb-color-1=\"#2792dc\"\n"
                   "  avatar-orb-color-2=\"#9ce6e6\"\n"
                   "></elevenlabs-convai>\n"
                   "<script src=\"https://unpkg.com/@elevenlabs/convai-widget-embed\" async "
                   "type=\"text/javascript\"></script>\n");
}

static void
test_choices (void)
{
  g_autoptr(GovorunWidgetChoices) choices = govorun_widget_choices_new ("agent_abc", "en");
  g_autofree char *snippet = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  govorun_widget_choices_set_variant (choices, GOVORUN_WIDGET_VARIANT_COMPACT);
  govorun_widget_choices_set_placement (choices, GOVORUN_WIDGET_PLACEMENT_TOP_LEFT);
  g_assert_true (govorun_widget_choices_set_color (choices, GOVORUN_WIDGET_COLOR_ORB_1, "#FF0000"));
  g_assert_false (govorun_widget_choices_set_color (choices, GOVORUN_WIDGET_COLOR_ORB_2, "red\" onload=\"x"));
  govorun_widget_choices_set_language_override (choices, "de");
  govorun_widget_choices_set_server_location (choices, "eu-residency");
  snippet = govorun_widget_snippet_generate (choices);
  attributes = parse_element (snippet);

  g_assert_cmpstr (g_hash_table_lookup (attributes, "variant"), ==, "compact");
  g_assert_false (g_hash_table_contains (attributes, "always-expanded"));
  g_assert_cmpstr (g_hash_table_lookup (attributes, "placement"), ==, "top-left");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "avatar-orb-color-1"), ==, "#ff0000");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "avatar-orb-color-2"), ==, "#9ce6e6");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "override-language"), ==, "de");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "server-location"), ==, "eu-residency");
  g_assert_false (g_hash_table_contains (attributes, "text-contents"));
  g_assert_false (g_hash_table_contains (attributes, "dynamic-variables"));
  /* The fixed order: identity, layout, avatar, runtime. */
  g_assert_true (strstr (snippet, "agent-id") < strstr (snippet, "server-location"));
  g_assert_true (strstr (snippet, "server-location") < strstr (snippet, "variant"));
  g_assert_true (strstr (snippet, "placement") < strstr (snippet, "avatar-orb-color-1"));
  g_assert_true (strstr (snippet, "avatar-orb-color-2") < strstr (snippet, "override-language"));

  /* An image replaces the orb; expandable is the full widget collapsed. */
  govorun_widget_choices_set_avatar_url (choices, "https://example.com/a.png?x=1&y=2");
  govorun_widget_choices_set_variant (choices, GOVORUN_WIDGET_VARIANT_EXPANDABLE);
  g_free (snippet);
  snippet = govorun_widget_snippet_generate (choices);
  g_hash_table_unref (attributes);
  attributes = parse_element (snippet);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "avatar-image-url"), ==, "https://example.com/a.png?x=1&y=2");
  g_assert_nonnull (strstr (snippet, "x=1&amp;y=2"));
  g_assert_false (g_hash_table_contains (attributes, "avatar-orb-color-1"));
  g_assert_cmpstr (g_hash_table_lookup (attributes, "variant"), ==, "full");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "default-expanded"), ==, "false");
}

static void
test_russian_texts (void)
{
  g_autoptr(GovorunWidgetChoices) choices = govorun_widget_choices_new ("agent_ru", "ru");
  g_autofree char *snippet = govorun_widget_snippet_generate (choices);
  g_autoptr(GHashTable) attributes = parse_element (snippet);
  g_autoptr(JsonObject) texts = parse_json_object (g_hash_table_lookup (attributes, "text-contents"));

  g_assert_cmpuint (json_object_get_size (texts), ==, GOVORUN_WIDGET_N_TEXTS);
  g_assert_cmpstr (json_object_get_string_member (texts, "main_label"), ==, "Нужна помощь?");
  g_assert_cmpstr (json_object_get_string_member (texts, "start_call"), ==, "Позвонить");
  /* Cyrillic stays UTF-8, not \u escapes or references. */
  g_assert_nonnull (strstr (snippet, "Нужна помощь?"));

  /* An English agent shows the widget's own texts: nothing to send. */
  govorun_widget_choices_set_text (choices, GOVORUN_WIDGET_TEXT_MAIN_LABEL, NULL);
  g_assert_cmpstr (govorun_widget_choices_get_shown_text (choices, GOVORUN_WIDGET_TEXT_MAIN_LABEL), ==,
                   "Нужна помощь?");
}

static void
test_hostile (void)
{
  g_autoptr(GovorunWidgetChoices) choices = govorun_widget_choices_new ("agent_\"><script>x</script>&", "en");
  g_autofree char *snippet = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(JsonObject) variables = NULL;
  g_autoptr(JsonObject) texts = NULL;

  govorun_widget_choices_set_text (choices, GOVORUN_WIDGET_TEXT_START_CALL, HOSTILE);
  govorun_widget_choices_set_variable (choices, "client_name", HOSTILE);
  govorun_widget_choices_set_variable (choices, "a\"b<c>&", "\\ \" \x01 }");
  govorun_widget_choices_set_avatar_url (choices, "javascript:alert(\"x\")'><img src=x onerror=y>");
  govorun_widget_choices_set_language_override (choices, "ru\" onclick=\"evil()");
  snippet = govorun_widget_snippet_generate (choices);

  g_assert_true (g_utf8_validate (snippet, -1, NULL));
  /* Only the element's own tag and the script's are markup. */
  g_assert_null (strstr (snippet, "<script>"));
  g_assert_null (strstr (snippet, "<img"));
  g_assert_null (strstr (snippet, "onclick=\""));
  attributes = parse_element (snippet);

  g_assert_cmpstr (g_hash_table_lookup (attributes, "agent-id"), ==, "agent_\"><script>x</script>&");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "avatar-image-url"), ==,
                   "javascript:alert(\"x\")'><img src=x onerror=y>");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "override-language"), ==, "ru\" onclick=\"evil()");

  variables = parse_json_object (g_hash_table_lookup (attributes, "dynamic-variables"));
  g_assert_cmpuint (json_object_get_size (variables), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (variables, "client_name"), ==, HOSTILE);
  g_assert_cmpstr (json_object_get_string_member (variables, "a\"b<c>&"), ==, "\\ \" \x01 }");

  texts = parse_json_object (g_hash_table_lookup (attributes, "text-contents"));
  g_assert_cmpuint (json_object_get_size (texts), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (texts, "start_call"), ==, HOSTILE);
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GovorunWidgetChoices) choices = govorun_widget_choices_new ("agent_x", "en");
  g_autofree char *snippet = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  govorun_widget_choices_set_text (choices, GOVORUN_WIDGET_TEXT_END_CALL, "bad \xff\xfe end");
  snippet = govorun_widget_snippet_generate (choices);
  g_assert_true (g_utf8_validate (snippet, -1, NULL));
  attributes = parse_element (snippet);
  g_assert_nonnull (g_hash_table_lookup (attributes, "text-contents"));
}

static void
test_deterministic (void)
{
  g_autoptr(GovorunWidgetChoices) a = govorun_widget_choices_new ("agent_d", "ru");
  g_autoptr(GovorunWidgetChoices) b = govorun_widget_choices_new ("agent_d", "ru");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *again = NULL;
  const char *names[] = { "zeta", "alpha", "имя", "mid", "Beta" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *value = g_strdup_printf ("value %u", i);
      govorun_widget_choices_set_variable (a, names[i], value);
    }
  for (guint i = G_N_ELEMENTS (names); i > 0; i--)
    {
      g_autofree char *value = g_strdup_printf ("value %u", i - 1);
      govorun_widget_choices_set_variable (b, names[i - 1], value);
    }
  govorun_widget_choices_set_text (b, GOVORUN_WIDGET_TEXT_EXPAND, "x");
  govorun_widget_choices_set_text (b, GOVORUN_WIDGET_TEXT_EXPAND, NULL);
  govorun_widget_choices_set_text (b, GOVORUN_WIDGET_TEXT_EXPAND, "Развернуть");

  first = govorun_widget_snippet_generate (a);
  second = govorun_widget_snippet_generate (b);
  again = govorun_widget_snippet_generate (a);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpstr (first, ==, again);
  /* Sorted members: "Beta" < "alpha" < "mid" < "zeta" < "имя" in bytes. */
  g_assert_nonnull (strstr (first, "{&quot;Beta&quot;:&quot;value 4&quot;,&quot;alpha&quot;:&quot;value 1&quot;,"));
}

static void
count_change (guint *count)
{
  (*count)++;
}

static void
test_changed_signal (void)
{
  g_autoptr(GovorunWidgetChoices) choices = govorun_widget_choices_new ("agent_s", "en");
  guint count = 0;

  g_signal_connect_swapped (choices, "changed", G_CALLBACK (count_change), &count);
  govorun_widget_choices_set_variant (choices, GOVORUN_WIDGET_VARIANT_FULL);
  g_assert_cmpuint (count, ==, 0);
  govorun_widget_choices_set_variant (choices, GOVORUN_WIDGET_VARIANT_COMPACT);
  govorun_widget_choices_set_color (choices, GOVORUN_WIDGET_COLOR_BUTTON, "#123456");
  govorun_widget_choices_set_color (choices, GOVORUN_WIDGET_COLOR_BUTTON, "#123456");
  govorun_widget_choices_set_text (choices, GOVORUN_WIDGET_TEXT_MAIN_LABEL, "Hi");
  govorun_widget_choices_set_variable (choices, "x", "1");
  govorun_widget_choices_set_variable (choices, "x", NULL);
  g_assert_cmpuint (count, ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Govorun/WidgetSnippet/defaults", test_defaults);
  g_test_add_func ("/Govorun/WidgetSnippet/choices", test_choices);
  g_test_add_func ("/Govorun/WidgetSnippet/russian-texts", test_russian_texts);
  g_test_add_func ("/Govorun/WidgetSnippet/hostile", test_hostile);
  g_test_add_func ("/Govorun/WidgetSnippet/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/Govorun/WidgetSnippet/deterministic", test_deterministic);
  g_test_add_func ("/Govorun/WidgetSnippet/changed-signal", test_changed_signal);

  return g_test_run ();
}
