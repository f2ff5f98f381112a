/* read-back.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "read-back.h"

JsonObject *
read_back (const char *kind,
           const char *path,
           const char *delimiter)
{
  const char *argv[] = { "python3", READ_BACK_PY, kind, path, delimiter, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, &error))
    g_error ("read-back.py: %s", error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("read-back.py %s %s failed: %s\n%s", kind, path, error->message, err);
  if (!json_parser_load_from_data (parser, out, -1, &error))
    g_error ("read-back.py printed no JSON: %s", error->message);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

char **
read_back_csv_row (JsonObject *csv,
                   guint       row)
{
  JsonArray *rows = json_object_get_array_member (csv, "rows");
  JsonArray *cells;
  GStrvBuilder *builder = g_strv_builder_new ();
  char **result;

  g_assert_cmpuint (row, <, json_array_get_length (rows));
  cells = json_array_get_array_element (rows, row);
  for (guint i = 0; i < json_array_get_length (cells); i++)
    g_strv_builder_add (builder, json_array_get_string_element (cells, i));
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}
