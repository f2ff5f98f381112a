/* govorun-json.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunJson"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-json.h"

G_DEFINE_QUARK (govorun-json-error-quark, govorun_json_error)

gsize
govorun_json_max_size (GovorunJsonKind kind)
{
  switch (kind)
    {
    case GOVORUN_JSON_CREDENTIALS:
      return GOVORUN_JSON_CREDENTIALS_MAX_SIZE;
    case GOVORUN_JSON_REQUEST:
      return GOVORUN_JSON_REQUEST_MAX_SIZE;
    case GOVORUN_JSON_ANSWER:
    default:
      return GOVORUN_JSON_ANSWER_MAX_SIZE;
    }
}

static void
set_invalid (GError **error)
{
  g_set_error_literal (error, GOVORUN_JSON_ERROR, GOVORUN_JSON_ERROR_INVALID,
                       /* Translators: follows “… could not be read:” or similar */
                       _("it is not valid JSON"));
}

/* Counts brackets outside strings; a backslash in a string hides the next
 * byte, so "\"[" opens nothing. Malformed input only needs to be bounded
 * here: json-glib rejects it afterwards. A string is skipped with memchr:
 * its closing quote is the first one after an even run of backslashes (a
 * run starts after a byte that is not one, so counting it is the same as
 * hiding byte after byte). */
static gboolean
check_depth (const char  *data,
             gsize        length,
             guint        max_depth,
             GError     **error)
{
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      switch (data[i])
        {
        case '"':
          for (;;)
            {
              const char *quote = memchr (data + i + 1, '"', length - i - 1);
              gsize backslashes = 0;

              if (quote == NULL)
                return TRUE;  /* the rest is one string */
              i = quote - data;
              while (data[i - 1 - backslashes] == '\\')
                backslashes++;
              if (backslashes % 2 == 0)
                break;
            }
          break;
        case '[':
        case '{':
          if (++depth > max_depth)
            {
              g_set_error (error, GOVORUN_JSON_ERROR, GOVORUN_JSON_ERROR_TOO_DEEP,
                           /* Translators: follows “… could not be read:” or similar */
                           g_dngettext (GETTEXT_PACKAGE,
                                        "it is nested deeper than %u level",
                                        "it is nested deeper than %u levels", max_depth),
                           max_depth);
              return FALSE;
            }
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }

  return TRUE;
}

/* g_utf8_validate (), with the ASCII at the start (most of an answer,
 * often all of it) checked eight bytes at a time: no high bit, no NUL. */
static gboolean
valid_utf8 (const char *data,
            gsize       length)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      guint64 word;

      memcpy (&word, data + i, sizeof word);
      if (((word | ((word - ones) & ~word)) & highs) != 0)
        break;
    }
  return g_utf8_validate (data + i, length - i, NULL);
}

/**
 * govorun_json_check_text:
 *
 * Returns: %TRUE when @data is at most @max_size bytes of UTF-8 (without
 * NUL bytes).
 */
gboolean
govorun_json_check_text (const char  *data,
                         gsize        length,
                         gsize        max_size,
                         GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length > max_size)
    {
      g_autofree char *size = g_format_size (max_size);

      g_set_error (error, GOVORUN_JSON_ERROR, GOVORUN_JSON_ERROR_TOO_LARGE,
                   /* Translators: %s is a size such as “8.4 MB”; follows “… could not be read:” */
                   _("it is larger than %s"), size);
      return FALSE;
    }

  if (length == 0 || !valid_utf8 (data, length))
    {
      set_invalid (error);
      return FALSE;
    }

  return TRUE;
}

/**
 * govorun_json_check:
 *
 * Returns: %TRUE when @data is at most @max_size bytes of UTF-8 (without
 * NUL bytes) nesting at most @max_depth arrays and objects.
 */
gboolean
govorun_json_check (const char  *data,
                    gsize        length,
                    gsize        max_size,
                    guint        max_depth,
                    GError     **error)
{
  return govorun_json_check_text (data, length, max_size, error) &&
         check_depth (data, length, max_depth, error);
}

/**
 * govorun_json_parse:
 * @kind: which limits apply
 *
 * Returns: (transfer full) (nullable): the root node
 */
JsonNode *
govorun_json_parse (const char       *data,
                    gsize             length,
                    GovorunJsonKind   kind,
                    GError          **error)
{
  g_autoptr(JsonParser) parser = NULL;

  if (!govorun_json_check (data, length, govorun_json_max_size (kind),
                           GOVORUN_JSON_MAX_DEPTH, error))
    return NULL;

  parser = json_parser_new ();
  /* json-glib's own message may quote the input, which may hold a key. */
  if (!json_parser_load_from_data (parser, data, (gssize) length, NULL)
      || json_parser_get_root (parser) == NULL)
    {
      set_invalid (error);
      return NULL;
    }

  return json_parser_steal_root (parser);
}

/**
 * govorun_json_parse_bytes:
 *
 * Returns: (transfer full) (nullable): the root node of @bytes
 */
JsonNode *
govorun_json_parse_bytes (GBytes           *bytes,
                          GovorunJsonKind   kind,
                          GError          **error)
{
  gsize length = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &length) : NULL;

  return govorun_json_parse (data, length, kind, error);
}
