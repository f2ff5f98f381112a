/* govorun-bitrix24-call.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunBitrix24"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "govorun-bitrix24-call.h"

#define NUMBER_MAX   32
#define TEXT_MAX     4000
#define LINES_MAX    2000

static const char *
get_string (JsonObject *object,
            const char *member,
            gsize       max)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  if (strlen (json_node_get_string (node)) > max)
    return NULL;
  return json_node_get_string (node);
}

static gint64
get_int (JsonObject *object,
         const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return MAX (json_node_get_int (node), 0);
}

static JsonObject *
get_object (JsonObject *object,
            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Digits and a leading +, as register strips everything else anyway. */
static char *
clean_number (const char *number)
{
  GString *out = g_string_new (NULL);

  for (const char *p = number; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || (*p == '+' && out->len == 0))
      g_string_append_c (out, *p);
  if (out->len == 0 || (out->len == 1 && out->str[0] == '+'))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static const char *
status_code (const char *status,
             guint       duration)
{
  /* reference §4: 200 ok, 304 missed, 486 busy, 480 unavailable. */
  if (g_strcmp0 (status, "answered") == 0)
    return duration > 0 ? "200" : "304";
  if (g_strcmp0 (status, "no_answer") == 0)
    return "304";
  if (g_strcmp0 (status, "busy") == 0)
    return "486";
  if (g_strcmp0 (status, "failed") == 0)
    return "480";
  return duration > 0 ? "200" : "304";
}

static void
add_cost (GovorunBitrix24CallDocument *doc,
          JsonObject                  *cost)
{
  const char *currency = get_string (cost, "currency", 8);
  JsonNode *amount = cost != NULL ? json_object_get_member (cost, "amount") : NULL;
  double value;

  if (currency == NULL || amount == NULL || !JSON_NODE_HOLDS_VALUE (amount))
    return;
  value = json_node_get_value_type (amount) == G_TYPE_DOUBLE ? json_node_get_double (amount)
        : json_node_get_value_type (amount) == G_TYPE_INT64 ? (double) json_node_get_int (amount) : 0;
  if (!(value > 0 && value < 1e9))
    return;
  /* Telephony and agent costs are summed when they share a currency. */
  if (doc->currency == NULL)
    doc->currency = g_ascii_strup (currency, -1);
  else if (g_ascii_strcasecmp (doc->currency, currency) != 0)
    return;
  doc->cost += value;
}

static void
read_transcript (GovorunBitrix24CallDocument *doc,
                 JsonArray                   *turns)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (GovorunBitrix24Message));
  guint n = MIN (json_array_get_length (turns), LINES_MAX);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (turns, i);
      JsonObject *turn = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *role = get_string (turn, "role", 16);
      const char *text = get_string (turn, "text", TEXT_MAX);
      GovorunBitrix24Message line = { 0 };

      if (text == NULL || *text == '\0' || g_strcmp0 (role, "tool") == 0 || role == NULL)
        continue;
      line.client = g_str_equal (role, "caller");
      line.start_time = (guint) MIN (get_int (turn, "offset_ms") / 1000, G_MAXUINT32 - 1);
      line.message = g_utf8_make_valid (text, -1);
      if (lines->len > 0)
        {
          GovorunBitrix24Message *prev = &g_array_index (lines, GovorunBitrix24Message, lines->len - 1);

          prev->stop_time = MAX (line.start_time, prev->start_time + 1);
        }
      g_array_append_val (lines, line);
    }
  if (lines->len > 0)
    {
      GovorunBitrix24Message *last = &g_array_index (lines, GovorunBitrix24Message, lines->len - 1);

      last->stop_time = MAX (doc->duration, last->start_time + 1);
    }
  doc->n_messages = lines->len;
  doc->messages = (GovorunBitrix24Message *) g_array_free (lines, FALSE);
}

GovorunBitrix24CallDocument *
govorun_bitrix24_call_document_parse (const char  *json,
                                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GovorunBitrix24CallDocument) doc = g_new0 (GovorunBitrix24CallDocument, 1);
  JsonObject *root = NULL, *call, *analysis, *recording;
  const char *direction, *from, *to, *started;
  JsonNode *transcript;

  if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL)
      && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    root = json_node_get_object (json_parser_get_root (parser));
  call = get_object (root, "call");
  if (call == NULL || g_strcmp0 (get_string (root, "schema", 64), "govorun.call.v1") != 0)
    {
      g_set_error_literal (error, GOVORUN_BITRIX24_ERROR, GOVORUN_BITRIX24_ERROR_INVALID_ARGUMENT,
                           _("The delivery is not a call and cannot be sent to Bitrix24."));
      return NULL;
    }

  direction = get_string (call, "direction", 16);
  from = get_string (call, "from", NUMBER_MAX);
  to = get_string (call, "to", NUMBER_MAX);
  /* The agent's side is the line; the other side is the client. */
  doc->type = g_strcmp0 (direction, "outbound") == 0 ? GOVORUN_BITRIX24_CALL_OUTGOING
                                                     : GOVORUN_BITRIX24_CALL_INCOMING;
  doc->client_number = clean_number (doc->type == GOVORUN_BITRIX24_CALL_OUTGOING ? to : from);
  doc->line_number = clean_number (doc->type == GOVORUN_BITRIX24_CALL_OUTGOING ? from : to);
  if (doc->client_number == NULL)
    {
      g_set_error_literal (error, GOVORUN_BITRIX24_ERROR, GOVORUN_BITRIX24_ERROR_INVALID_ARGUMENT,
                           _("The call has no caller’s number, so Bitrix24 cannot register it."));
      return NULL;
    }
  started = get_string (call, "started_at", 64);
  if (started != NULL)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (started, NULL);

      doc->started_at = when != NULL ? g_date_time_to_unix (when) : 0;
    }
  doc->duration = (guint) MIN (get_int (call, "duration_s"), 7 * 24 * 3600);
  doc->status_code = g_strdup (status_code (get_string (call, "status", 32), doc->duration));
  doc->failed_reason = g_strdup (g_strcmp0 (doc->status_code, "200") != 0
                                 ? get_string (call, "finish_reason", 200) : NULL);
  add_cost (doc, get_object (call, "telephony_cost"));
  add_cost (doc, get_object (call, "agent_cost"));

  analysis = get_object (root, "analysis");
  doc->summary = g_strdup (get_string (analysis, "summary", TEXT_MAX));
  recording = get_object (root, "recording");
  doc->recording_url = g_strdup (get_string (recording, "url", 2048));

  transcript = json_object_get_member (root, "transcript");
  if (transcript != NULL && JSON_NODE_HOLDS_ARRAY (transcript))
    read_transcript (doc, json_node_get_array (transcript));
  return g_steal_pointer (&doc);
}

void
govorun_bitrix24_call_document_free (GovorunBitrix24CallDocument *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->client_number);
  g_free (doc->line_number);
  g_free (doc->currency);
  g_free (doc->status_code);
  g_free (doc->failed_reason);
  g_free (doc->summary);
  g_free (doc->recording_url);
  for (guint i = 0; i < doc->n_messages; i++)
    g_free ((char *) doc->messages[i].message);
  g_free (doc->messages);
  g_free (doc);
}

char *
govorun_bitrix24_call_document_text (GovorunBitrix24CallDocument *doc)
{
  GString *text = g_string_new (NULL);

  if (doc->summary != NULL && *doc->summary != '\0')
    g_string_append_printf (text, "%s\n\n", doc->summary);
  for (guint i = 0; i < doc->n_messages; i++)
    g_string_append_printf (text, "%s: %s\n",
                            /* Translators: who speaks in a transcript written into Bitrix24 */
                            doc->messages[i].client ? _("Client") : _("Agent"),
                            doc->messages[i].message);
  return g_strchomp (g_string_free (text, FALSE));
}
