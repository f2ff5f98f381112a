/* test-json.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bounded JSON reader: size and depth are refused before json-glib
 * sees the bytes; ordinary JSON reads as before.
 */
#include "config.h"

#include <string.h>

#include "govorun-json.h"

static char *
nested (const char *open,
        const char *close,
        guint       levels)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < levels; i++)
    g_string_append (text, open);
  for (guint i = 0; i < levels; i++)
    g_string_append (text, close);

  return g_string_free (text, FALSE);
}

static void
test_deep (void)
{
  g_autofree char *deep = nested ("[", "]", 100000);
  g_autofree char *objects = nested ("{\"a\":", "}", 100000);
  g_autofree char *limit = nested ("[", "]", GOVORUN_JSON_MAX_DEPTH);
  g_autofree char *over = nested ("[", "]", GOVORUN_JSON_MAX_DEPTH + 1);
  g_autofree char *unclosed = nested ("[", "", 100000);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *texts[] = { deep, objects, over, unclosed };

  /* 100,000 levels once overflowed json-glib's stack: a clean error now. */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      root = govorun_json_parse (texts[i], strlen (texts[i]), GOVORUN_JSON_ANSWER, &error);
      g_assert_null (root);
      g_assert_error (error, GOVORUN_JSON_ERROR, GOVORUN_JSON_ERROR_TOO_DEEP);
      g_assert_cmpstr (error->message, ==, "it is nested deeper than 128 levels");
      g_clear_error (&error);
    }

  root = govorun_json_parse (limit, strlen (limit), GOVORUN_JSON_ANSWER, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
}

static void
test_strings_do_not_nest (void)
{
  g_autoptr(GString) text = g_string_new ("{\"s\":\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  /* Brackets inside strings, and escaped quotes, are no nesting. */
  for (guint i = 0; i < 1000; i++)
    g_string_append (text, "[{\\\"[");
  g_string_append (text, "\\\\\"}");

  root = govorun_json_parse (text->str, text->len, GOVORUN_JSON_ANSWER, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  g_assert_cmpuint (strlen (json_object_get_string_member (json_node_get_object (root), "s")),
                    ==, 4000 + 1);
}

static void
test_size (void)
{
  gsize size = 20 * 1000 * 1000;
  g_autofree char *huge = g_malloc (size);
  g_autofree char *key_file = g_malloc (GOVORUN_JSON_CREDENTIALS_MAX_SIZE + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  memset (huge, ' ', size);
  huge[0] = '[';
  huge[size - 1] = ']';
  root = govorun_json_parse (huge, size, GOVORUN_JSON_ANSWER, &error);
  g_assert_null (root);
  g_assert_error (error, GOVORUN_JSON_ERROR, GOVORUN_JSON_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "it is larger than 8.4\u00a0MB");
  g_clear_error (&error);

  /* Each kind has its own limit. */
  memset (key_file, ' ', GOVORUN_JSON_CREDENTIALS_MAX_SIZE + 1);
  key_file[0] = '{';
  key_file[GOVORUN_JSON_CREDENTIALS_MAX_SIZE] = '}';
  root = govorun_json_parse (key_file, GOVORUN_JSON_CREDENTIALS_MAX_SIZE + 1,
                             GOVORUN_JSON_CREDENTIALS, &error);
  g_assert_error (error, GOVORUN_JSON_ERROR, GOVORUN_JSON_ERROR_TOO_LARGE);
  g_clear_error (&error);
  root = govorun_json_parse (key_file, GOVORUN_JSON_CREDENTIALS_MAX_SIZE + 1,
                             GOVORUN_JSON_ANSWER, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
}

static void
test_invalid (void)
{
  const struct { const char *data; gsize len; } cases[] = {
    { "", 0 },
    { "{", 1 },
    { "{\"a\":1}x", 8 },
    { "{\"a\":\"\xff\"}", 9 },
    { "{\"a\":1}\0", 8 },
    { "plain text", 10 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = govorun_json_parse (cases[i].data, cases[i].len,
                                                     GOVORUN_JSON_REQUEST, &error);

      g_test_message ("case %u", i);
      g_assert_null (root);
      g_assert_error (error, GOVORUN_JSON_ERROR, GOVORUN_JSON_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, "it is not valid JSON");
    }
}

static void
test_ordinary (void)
{
  const char *text = "{\"result\":[{\"id\":1,\"name\":\"a \\u0026 [b]\"}],\"count\":1}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = govorun_json_parse_bytes (bytes, GOVORUN_JSON_ANSWER, &error);
  JsonObject *object;

  g_assert_no_error (error);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "count"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (object, "result"), 0), "name"),
                   ==, "a & [b]");
}

/* The bracket count skips strings with memchr; the byte-by-byte count
 * it replaced is the reference, over random texts of the bytes that
 * matter. */
static guint
reference_depth (const char *data,
                 gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0, deepest = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          depth++;
          deepest = MAX (deepest, depth);
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return deepest;
}

static void
test_depth_like_reference (void)
{
  static const char alphabet[] = "\"\\[]{}a";
  GRand *rand = g_rand_new_with_seed (10);

  for (guint n = 0; n < 20000; n++)
    {
      char text[40];
      gsize length = g_rand_int_range (rand, 1, sizeof text);
      guint deepest;

      for (gsize i = 0; i < length; i++)
        text[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      deepest = reference_depth (text, length);
      for (guint max = 0; max < 5; max++)
        g_assert_cmpint (govorun_json_check (text, length, 1000, max, NULL), ==, deepest <= max);
    }
  g_rand_free (rand);
}

/* UTF-8 is checked eight ASCII bytes at a time, then by GLib: the same
 * answer as g_utf8_validate () wherever a NUL or a non-ASCII byte is. */
static void
test_utf8_like_glib (void)
{
  static const char bytes[] = { 'a', 'a', 'a', '\0', '\xd0', '\x90', '\xff', '\x80' };
  GRand *rand = g_rand_new_with_seed (11);

  for (guint n = 0; n < 20000; n++)
    {
      char text[40];
      gsize length = g_rand_int_range (rand, 1, sizeof text);
      gsize from = g_rand_int_range (rand, 0, length);

      memset (text, 'x', sizeof text);
      for (gsize i = from; i < length; i++)
        text[i] = bytes[g_rand_int_range (rand, 0, sizeof bytes)];
      g_assert_cmpint (govorun_json_check (text, length, 1000, 8, NULL), ==,
                       g_utf8_validate (text, length, NULL));
    }
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Govorun/Json/deep", test_deep);
  g_test_add_func ("/Govorun/Json/strings-do-not-nest", test_strings_do_not_nest);
  g_test_add_func ("/Govorun/Json/size", test_size);
  g_test_add_func ("/Govorun/Json/invalid", test_invalid);
  g_test_add_func ("/Govorun/Json/ordinary", test_ordinary);
  g_test_add_func ("/Govorun/Json/depth-like-reference", test_depth_like_reference);
  g_test_add_func ("/Govorun/Json/utf8-like-glib", test_utf8_like_glib);

  return g_test_run ();
}
