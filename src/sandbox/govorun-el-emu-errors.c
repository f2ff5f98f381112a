/* govorun-el-emu-errors.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunElevenlabsEmulator"

#include "config.h"

#include "govorun-elevenlabs-emulator-private.h"

/* Error bodies (reference §1.3): the "detail" object of most errors and
 * FastAPI's validation errors. */

void
el_emu_respond_detail (SoupServerMessage *msg,
                       guint              http_status,
                       const char        *status,
                       const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "detail");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, status);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  govorun_emulator_respond_json (msg, http_status, root);
}

/* FastAPI's HTTPValidationError for one field: @loc is its path, starting
 * with "body" or "query". Takes @input. */
void
el_emu_respond_body_validation (SoupServerMessage  *msg,
                                const char * const *loc,
                                const char         *type,
                                const char         *text,
                                JsonNode           *input)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "detail");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type);
  json_builder_set_member_name (builder, "loc");
  json_builder_begin_array (builder);
  for (guint i = 0; loc[i] != NULL; i++)
    json_builder_add_string_value (builder, loc[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "msg");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "input");
  json_builder_add_value (builder, input != NULL ? input : json_node_new (JSON_NODE_NULL));
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  govorun_emulator_respond_json (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, root);
}

/* The same for one query parameter. */
void
el_emu_respond_validation (SoupServerMessage *msg,
                           const char        *param,
                           const char        *type,
                           const char        *text,
                           const char        *input)
{
  const char *loc[] = { "query", param, NULL };

  el_emu_respond_body_validation (msg, loc, type, text, json_node_init_string (json_node_alloc (), input));
}
