/* govorun-widget-snippet.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunWidgetSnippet"

#include "config.h"

#include <json-glib/json-glib.h>

#include "govorun-widget-snippet.h"

/* Escapes @value for a double-quoted HTML attribute. Every character that
 * could end the value or start markup becomes a reference; control
 * characters too, so a pasted value cannot break the line structure.
 * Anything else, Cyrillic included, stays UTF-8 as it is. */
static void
append_escaped (GString    *out,
                const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value, -1);

  for (const char *p = valid; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&#39;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "&#%u;", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
}

static void
append_attribute (GString    *out,
                  const char *name,
                  const char *value)
{
  g_string_append_printf (out, "\n  %s=\"", name);
  append_escaped (out, value);
  g_string_append_c (out, '"');
}

/* @names and @values side by side; NULL values are skipped. */
static char *
json_object_text (const char * const *names,
                  const char * const *values,
                  guint               n)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    {
      if (values[i] == NULL)
        continue;
      json_builder_set_member_name (builder, names[i]);
      json_builder_add_string_value (builder, values[i]);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

static char *
dynamic_variables_json (GovorunWidgetChoices *choices)
{
  g_auto(GStrv) names = govorun_widget_choices_dup_variable_names (choices);
  guint n = g_strv_length (names);
  g_autofree const char **values = g_new0 (const char *, n + 1);

  if (n == 0)
    return NULL;

  for (guint i = 0; i < n; i++)
    values[i] = govorun_widget_choices_get_variable (choices, names[i]);

  return json_object_text ((const char * const *) names, values, n);
}

static char *
text_contents_json (GovorunWidgetChoices *choices)
{
  const char *names[GOVORUN_WIDGET_N_TEXTS];
  const char *values[GOVORUN_WIDGET_N_TEXTS];
  gboolean any = FALSE;

  for (guint i = 0; i < GOVORUN_WIDGET_N_TEXTS; i++)
    {
      names[i] = govorun_widget_text_get_key (i);
      values[i] = govorun_widget_choices_get_text (choices, i);
      any |= values[i] != NULL;
    }

  return any ? json_object_text (names, values, GOVORUN_WIDGET_N_TEXTS) : NULL;
}

/**
 * govorun_widget_snippet_generate:
 *
 * Returns: (transfer full): the snippet, ending with a newline
 */
char *
govorun_widget_snippet_generate (GovorunWidgetChoices *choices)
{
  g_autoptr(GString) out = g_string_new ("<elevenlabs-convai");
  g_autofree char *variables = NULL;
  g_autofree char *text_contents = NULL;
  const char *avatar_url;
  const char *location;
  const char *language;

  g_return_val_if_fail (GOVORUN_IS_WIDGET_CHOICES (choices), NULL);

  append_attribute (out, "agent-id", govorun_widget_choices_get_agent_id (choices));

  location = govorun_widget_choices_get_server_location (choices);
  if (location != NULL)
    append_attribute (out, "server-location", location);

  /* The element's variant takes tiny|compact|full only (§5); the agent
   * side's "expandable" is the full widget that starts collapsed. Which
   * expansion attributes the widget honours at run time is UNVERIFIED. */
  switch (govorun_widget_choices_get_variant (choices))
    {
    case GOVORUN_WIDGET_VARIANT_COMPACT:
      append_attribute (out, "variant", "compact");
      break;
    case GOVORUN_WIDGET_VARIANT_FULL:
      append_attribute (out, "variant", "full");
      append_attribute (out, "always-expanded", "true");
      break;
    case GOVORUN_WIDGET_VARIANT_EXPANDABLE:
    default:
      append_attribute (out, "variant", "full");
      append_attribute (out, "default-expanded", "false");
      break;
    }

  append_attribute (out, "placement",
                    govorun_widget_placement_to_string (govorun_widget_choices_get_placement (choices)));

  avatar_url = govorun_widget_choices_get_avatar_url (choices);
  if (avatar_url != NULL)
    {
      append_attribute (out, "avatar-image-url", avatar_url);
    }
  else
    {
      append_attribute (out, "avatar-orb-color-1",
                        govorun_widget_choices_get_color (choices, GOVORUN_WIDGET_COLOR_ORB_1));
      append_attribute (out, "avatar-orb-color-2",
                        govorun_widget_choices_get_color (choices, GOVORUN_WIDGET_COLOR_ORB_2));
    }

  language = govorun_widget_choices_get_language_override (choices);
  if (language != NULL)
    append_attribute (out, "override-language", language);

  variables = dynamic_variables_json (choices);
  if (variables != NULL)
    append_attribute (out, "dynamic-variables", variables);

  text_contents = text_contents_json (choices);
  if (text_contents != NULL)
    append_attribute (out, "text-contents", text_contents);

  g_string_append (out, "\n></elevenlabs-convai>\n");
  g_string_append (out, "<script src=\"" GOVORUN_WIDGET_SCRIPT_URL "\" async type=\"text/javascript\"></script>\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}
