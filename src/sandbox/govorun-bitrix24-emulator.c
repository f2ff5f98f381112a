/* govorun-bitrix24-emulator.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunBitrix24Emulator"

#include "config.h"

#include "govorun-bitrix24-emulator.h"

#define USER_ID "1"
#define SECRET  "emuwebhooksecret01"

struct _GovorunBitrix24Emulator
{
  GovorunEmulator parent_instance;

  GMutex      lock;
  GStrv       scopes;
  gboolean    wrong_auth_type;
  guint       capacity;
  double      per_second;
  double      level;
  gint64      level_at_us;
  guint       n_limited;

  GHashTable *contacts;    /* stripped phone → id */
  GHashTable *leads;       /* stripped phone → id */
  gint64      next_id;
  GPtrArray  *calls;       /* GovorunBitrix24EmuCall */
  GPtrArray  *activities;  /* GovorunBitrix24EmuActivity */
  GPtrArray  *lines;       /* char * */
};

G_DEFINE_FINAL_TYPE (GovorunBitrix24Emulator, govorun_bitrix24_emulator, GOVORUN_TYPE_EMULATOR)

static const struct { const char *name; const char *scope; } methods[] = {
  { "scope", NULL },
  { "profile", NULL },
  { "telephony.externalCall.register", "telephony" },
  { "telephony.externalCall.finish", "telephony" },
  { "telephony.externalCall.attachRecord", "telephony" },
  { "telephony.call.attachTranscription", "telephony" },
  { "telephony.externalLine.add", "telephony" },
  { "crm.duplicate.findbycomm", "crm" },
  { "crm.lead.add", "crm" },
  { "crm.activity.add", "crm" },
};

static void
emu_call_free (GovorunBitrix24EmuCall *c)
{
  g_free (c->call_id);
  g_free (c->external_call_id);
  g_free (c->phone_number);
  g_free (c->line_number);
  g_free (c->crm_entity_type);
  g_free (c->status_code);
  g_free (c->cost_currency);
  g_free (c->record_url);
  g_free (c->first_side);
  g_free (c);
}

static void
emu_activity_free (GovorunBitrix24EmuActivity *a)
{
  g_free (a->subject);
  g_free (a->description);
  g_free (a);
}

/* ---- answers ---- */

static void
respond_error (SoupServerMessage *msg,
               guint              status,
               const char        *code,
               const char        *description)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "error");
  json_builder_add_string_value (b, code);
  json_builder_set_member_name (b, "error_description");
  json_builder_add_string_value (b, description);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  govorun_emulator_respond_json (msg, status, root);
}

static void
respond_result (SoupServerMessage *msg,
                JsonNode          *result)
{
  JsonObject *envelope = json_object_new ();
  JsonObject *time = json_object_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  double now = g_get_real_time () / 1e6;

  json_object_set_member (envelope, "result", result);
  json_object_set_double_member (time, "start", now);
  json_object_set_double_member (time, "finish", now);
  json_object_set_double_member (time, "duration", 0.001);
  json_object_set_object_member (envelope, "time", time);
  json_node_take_object (root, envelope);
  govorun_emulator_respond_json (msg, SOUP_STATUS_OK, root);
}

/* Telephony's validation errors: HTTP 400 with an empty code. */
static void
respond_invalid (SoupServerMessage *msg,
                 const char        *description)
{
  respond_error (msg, SOUP_STATUS_BAD_REQUEST, "", description);
}

static JsonNode *
int_node (gint64 value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, value);
  return node;
}

/* ---- parameters ---- */

static const char *
get_string (JsonObject *p,
            const char *name)
{
  JsonNode *node = p != NULL ? json_object_get_member (p, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
get_int (JsonObject *p,
         const char *name)
{
  JsonNode *node = p != NULL ? json_object_get_member (p, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return (gint64) json_node_get_double (node);
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_ascii_strtoll (json_node_get_string (node), NULL, 10);
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node);
  return 0;
}

/* PHP truthiness: 0, "0", "" and false are off; "false" is on. */
static gboolean
get_flag (JsonObject *p,
          const char *name,
          gboolean    otherwise)
{
  JsonNode *node = p != NULL ? json_object_get_member (p, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return otherwise;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return *json_node_get_string (node) != '\0' && g_strcmp0 (json_node_get_string (node), "0") != 0;
  return get_int (p, name) != 0;
}

static char *
strip_number (const char *number)
{
  GString *out = g_string_new (NULL);

  for (const char *c = number; c != NULL && *c != '\0'; c++)
    if (g_ascii_isdigit (*c) || strchr ("#*+,;", *c) != NULL)
      g_string_append_c (out, *c);
  return g_string_free (out, FALSE);
}

/* The JSON body, or the flat form fields when the body is not JSON. */
static JsonObject *
read_params (SoupServerMessage *msg,
             GHashTable        *params)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GHashTableIter iter;
  gpointer key, value;
  JsonObject *object;

  if (body != NULL && body->length > 0
      && json_parser_load_from_data (parser, body->data, body->length, NULL)
      && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  object = json_object_new ();
  g_hash_table_iter_init (&iter, params);
  while (g_hash_table_iter_next (&iter, &key, &value))
    json_object_set_string_member (object, key, value);
  return object;
}

/* ---- routing ---- */

static char *
govorun_bitrix24_emulator_route (GovorunEmulator   *emulator,
                                 SoupServerMessage *msg,
                                 const char        *path,
                                 GHashTable        *params)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  g_autofree char *name = NULL;

  /* "", "rest", user, secret, method[.json] */
  if (g_strv_length (parts) != 5 || !g_str_equal (parts[1], "rest"))
    return NULL;
  name = g_str_has_suffix (parts[4], ".json") ? g_strndup (parts[4], strlen (parts[4]) - 5)
                                               : g_strdup (parts[4]);
  for (gsize i = 0; i < G_N_ELEMENTS (methods); i++)
    if (g_ascii_strcasecmp (name, methods[i].name) == 0)
      return g_strdup (methods[i].name);
  return g_strdup ("unknown");
}

static gboolean
has_scope (GovorunBitrix24Emulator *self,
           const char              *scope)
{
  return scope == NULL || g_strv_contains ((const char * const *) self->scopes, scope);
}

/* The leaky bucket: every request adds one, it drains per_second. */
static gboolean
over_limit (GovorunBitrix24Emulator *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->capacity == 0)
    return FALSE;
  self->level = MAX (0.0, self->level - (now - self->level_at_us) / 1e6 * self->per_second);
  self->level_at_us = now;
  if (self->level + 1 > self->capacity)
    {
      self->n_limited++;
      return TRUE;
    }
  self->level += 1;
  return FALSE;
}

static GovorunBitrix24EmuCall *
find_call (GovorunBitrix24Emulator *self,
           const char              *call_id)
{
  for (guint i = 0; call_id != NULL && i < self->calls->len; i++)
    {
      GovorunBitrix24EmuCall *c = g_ptr_array_index (self->calls, i);

      if (g_str_equal (c->call_id, call_id))
        return c;
    }
  return NULL;
}

static void
add_activity (GovorunBitrix24Emulator *self,
              int                      owner_type,
              gint64                   owner_id,
              int                      direction,
              const char              *subject,
              const char              *description,
              gboolean                 from_rest)
{
  GovorunBitrix24EmuActivity *a = g_new0 (GovorunBitrix24EmuActivity, 1);

  a->owner_type = owner_type;
  a->owner_id = owner_id;
  a->type_id = 2;
  a->direction = direction;
  a->subject = g_strdup (subject);
  a->description = g_strdup (description);
  a->from_rest = from_rest;
  g_ptr_array_add (self->activities, a);
}

/* ---- telephony ---- */

static void
handle_register (GovorunBitrix24Emulator *self,
                 SoupServerMessage       *msg,
                 JsonObject              *p)
{
  g_autofree char *phone = strip_number (get_string (p, "PHONE_NUMBER"));
  const char *external = get_string (p, "EXTERNAL_CALL_ID");
  gint64 type = get_int (p, "TYPE");
  GovorunBitrix24EmuCall *c;
  JsonObject *result;
  gint64 id;

  if (get_int (p, "USER_ID") <= 0 && get_string (p, "USER_PHONE_INNER") == NULL)
    return respond_invalid (msg, "USER_ID or USER_PHONE_INNER should be set");
  if (*phone == '\0')
    return respond_invalid (msg, "Unsupported phone number format");
  if (type < 1 || type > 5)
    return respond_invalid (msg, "Unknown TYPE");

  /* An unfinished call with the same number, type and EXTERNAL_CALL_ID is
   * given back unchanged. */
  for (guint i = 0; i < self->calls->len; i++)
    {
      c = g_ptr_array_index (self->calls, i);
      if (!c->finished && c->type == type && g_str_equal (c->phone_number, phone)
          && g_strcmp0 (c->external_call_id, external) == 0)
        goto answer;
    }

  c = g_new0 (GovorunBitrix24EmuCall, 1);
  {
    g_autofree char *seed = g_strdup_printf ("%s/%u", phone, self->calls->len);
    g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_MD5, seed, -1);

    c->call_id = g_strdup_printf ("externalCall.%s.%" G_GINT64_FORMAT, hex,
                                  g_get_real_time () / G_USEC_PER_SEC);
  }
  c->external_call_id = g_strdup (external);
  c->type = (int) type;
  c->phone_number = g_strdup (phone);
  c->line_number = g_strdup (get_string (p, "LINE_NUMBER"));
  c->user_id = get_int (p, "USER_ID");
  c->crm_create = get_flag (p, "CRM_CREATE", FALSE);
  if ((id = GPOINTER_TO_SIZE (g_hash_table_lookup (self->contacts, phone))) > 0)
    {
      c->crm_entity_type = g_strdup ("CONTACT");
      c->crm_entity_id = id;
    }
  else if ((id = GPOINTER_TO_SIZE (g_hash_table_lookup (self->leads, phone))) > 0)
    {
      c->crm_entity_type = g_strdup ("LEAD");
      c->crm_entity_id = id;
    }
  else if (c->crm_create)
    {
      c->crm_created_lead = self->next_id++;
      g_hash_table_insert (self->leads, g_strdup (phone), GSIZE_TO_POINTER (c->crm_created_lead));
      c->crm_entity_type = g_strdup ("LEAD");
      c->crm_entity_id = c->crm_created_lead;
    }
  g_ptr_array_add (self->calls, c);

answer:
  result = json_object_new ();
  json_object_set_string_member (result, "CALL_ID", c->call_id);
  if (c->crm_created_lead > 0)
    {
      JsonArray *created = json_array_new ();
      JsonObject *entity = json_object_new ();

      json_object_set_int_member (result, "CRM_CREATED_LEAD", c->crm_created_lead);
      json_object_set_string_member (entity, "ENTITY_TYPE", "LEAD");
      json_object_set_int_member (entity, "ENTITY_ID", c->crm_created_lead);
      json_array_add_object_element (created, entity);
      json_object_set_array_member (result, "CRM_CREATED_ENTITIES", created);
    }
  else
    {
      json_object_set_null_member (result, "CRM_CREATED_LEAD");
      json_object_set_array_member (result, "CRM_CREATED_ENTITIES", json_array_new ());
    }
  json_object_set_string_member (result, "CRM_ENTITY_TYPE", c->crm_entity_type != NULL ? c->crm_entity_type : "");
  if (c->crm_entity_id > 0)
    json_object_set_int_member (result, "CRM_ENTITY_ID", c->crm_entity_id);
  else
    json_object_set_null_member (result, "CRM_ENTITY_ID");
  respond_result (msg, json_node_init_object (json_node_alloc (), result));
  json_object_unref (result);
}

static void
handle_finish (GovorunBitrix24Emulator *self,
               SoupServerMessage       *msg,
               JsonObject              *p)
{
  GovorunBitrix24EmuCall *c;
  JsonObject *result;
  const char *code;

  if (get_string (p, "CALL_ID") == NULL)
    return respond_error (msg, SOUP_STATUS_BAD_REQUEST, "INVALID_ARGUMENT", "CALL_ID must be a string");
  c = find_call (self, get_string (p, "CALL_ID"));
  if (c == NULL || c->finished)
    return respond_invalid (msg, "Call is not found (call should be registered prior to finishing");
  if (get_int (p, "USER_ID") <= 0 && get_string (p, "USER_PHONE_INNER") == NULL)
    return respond_invalid (msg, "USER_ID or USER_PHONE_INNER should be set");

  c->finished = TRUE;
  c->duration = (guint) MAX (get_int (p, "DURATION"), 0);
  code = get_string (p, "STATUS_CODE");
  c->status_code = g_strdup (code != NULL ? code : c->duration > 0 ? "200" : "304");
  c->cost_currency = g_strdup (get_string (p, "COST_CURRENCY"));
  if (json_object_has_member (p, "COST") && JSON_NODE_HOLDS_VALUE (json_object_get_member (p, "COST")))
    c->cost = json_node_get_value_type (json_object_get_member (p, "COST")) == G_TYPE_DOUBLE
            ? json_object_get_double_member (p, "COST") : (double) get_int (p, "COST");
  if (c->crm_entity_id > 0)
    add_activity (self, g_str_equal (c->crm_entity_type, "CONTACT") ? 3 : 1, c->crm_entity_id,
                  c->type == 1 ? 2 : 1, "Call", NULL, FALSE);

  result = json_object_new ();
  json_object_set_int_member (result, "ID", self->calls->len);
  json_object_set_string_member (result, "CALL_ID", c->call_id);
  json_object_set_string_member (result, "PHONE_NUMBER", c->phone_number);
  json_object_set_string_member (result, "INCOMING", c->type == 1 ? "1" : "2");
  json_object_set_int_member (result, "CALL_DURATION", c->duration);
  json_object_set_int_member (result, "CALL_STATUS", c->duration > 0 ? 1 : 0);
  if (c->crm_entity_id > 0)
    json_object_set_int_member (result, "CRM_ACTIVITY_ID", self->activities->len);
  else
    json_object_set_null_member (result, "CRM_ACTIVITY_ID");
  respond_result (msg, json_node_init_object (json_node_alloc (), result));
  json_object_unref (result);
}

static void
handle_attach_record (GovorunBitrix24Emulator *self,
                      SoupServerMessage       *msg,
                      JsonObject              *p)
{
  GovorunBitrix24EmuCall *c = find_call (self, get_string (p, "CALL_ID"));
  const char *url = get_string (p, "RECORD_URL");
  const char *filename = get_string (p, "FILENAME");
  JsonObject *result;

  if (c == NULL || !c->finished)
    return respond_invalid (msg, "Call is not found in the statistic table. Looks like it is not finished yet.");
  if ((url == NULL || *url == '\0') && (filename == NULL || *filename == '\0'))
    return respond_invalid (msg, "Required parameters are not set. You should set either RECORD_URL or FILENAME and FILE_CONTENT");
  if (url == NULL && !(g_str_has_suffix (filename, ".mp3") || g_str_has_suffix (filename, ".wav")))
    return respond_invalid (msg, "Wrong file extension. Only wav and mp3 are allowed");
  if (url == NULL)
    {
      const char *content = get_string (p, "FILE_CONTENT");
      gsize len = 0;

      if (content == NULL || *content == '\0')
        return respond_invalid (msg, "File content is empty.");
      for (const char *ch = content; *ch != '\0'; ch++)
        if (!g_ascii_isalnum (*ch) && *ch != '+' && *ch != '/' && *ch != '=')
          return respond_invalid (msg, "File content is not properly encoded. Base64 encoding is expected.");
      g_free (g_base64_decode (content, &len));
      c->record_bytes = len;
    }

  g_free (c->record_url);
  c->record_url = g_strdup (url != NULL ? url : filename);
  result = json_object_new ();
  json_object_set_int_member (result, "FILE_ID", self->next_id++);
  respond_result (msg, json_node_init_object (json_node_alloc (), result));
  json_object_unref (result);
}

static void
handle_attach_transcription (GovorunBitrix24Emulator *self,
                             SoupServerMessage       *msg,
                             JsonObject              *p)
{
  JsonNode *messages = json_object_get_member (p, "MESSAGES");
  GovorunBitrix24EmuCall *c;
  JsonObject *result;
  JsonArray *array;

  if (get_string (p, "CALL_ID") == NULL)
    return respond_invalid (msg, "CALL_ID should be set");
  if (messages == NULL || !JSON_NODE_HOLDS_ARRAY (messages))
    return respond_invalid (msg, "MESSAGES should be an array");
  array = json_node_get_array (messages);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *line = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autofree char *why = NULL;

      if (g_strcmp0 (get_string (line, "SIDE"), "User") != 0 && g_strcmp0 (get_string (line, "SIDE"), "Client") != 0)
        why = g_strdup_printf ("MESSAGES[%u][SIDE] should be either Client or User", i);
      else if (get_int (line, "START_TIME") < 0)
        why = g_strdup_printf ("MESSAGES[%u][START_TIME] should be greater or equal to zero", i);
      else if (get_int (line, "STOP_TIME") < 1)
        why = g_strdup_printf ("MESSAGES[%u][STOP_TIME] should be greater than zero", i);
      else if (get_string (line, "MESSAGE") == NULL || *get_string (line, "MESSAGE") == '\0')
        why = g_strdup_printf ("MESSAGES[%u][MESSAGE] is empty", i);
      if (why != NULL)
        return respond_invalid (msg, why);
    }
  c = find_call (self, get_string (p, "CALL_ID"));
  if (c == NULL || !c->finished)
    {
      g_autofree char *why = g_strdup_printf ("Call %s is not found. Is it finished?", get_string (p, "CALL_ID"));

      return respond_invalid (msg, why);
    }
  c->n_transcript = json_array_get_length (array);
  g_free (c->first_side);
  c->first_side = c->n_transcript > 0
    ? g_strdup (get_string (json_array_get_object_element (array, 0), "SIDE")) : NULL;
  result = json_object_new ();
  json_object_set_int_member (result, "TRANSCRIPT_ID", self->next_id++);
  respond_result (msg, json_node_init_object (json_node_alloc (), result));
  json_object_unref (result);
}

static void
handle_line_add (GovorunBitrix24Emulator *self,
                 SoupServerMessage       *msg,
                 JsonObject              *p)
{
  const char *number = get_string (p, "NUMBER");
  JsonObject *result;

  if (number == NULL || *number == '\0')
    return respond_invalid (msg, "NUMBER should not be empty");
  for (guint i = 0; i < self->lines->len; i++)
    if (g_str_equal (g_ptr_array_index (self->lines, i), number))
      return respond_invalid (msg, "Line already exists");
  g_ptr_array_add (self->lines, g_strdup (number));
  result = json_object_new ();
  json_object_set_int_member (result, "ID", self->lines->len);
  respond_result (msg, json_node_init_object (json_node_alloc (), result));
  json_object_unref (result);
}

/* ---- crm ---- */

static void
handle_findbycomm (GovorunBitrix24Emulator *self,
                   SoupServerMessage       *msg,
                   JsonObject              *p)
{
  JsonNode *values = json_object_get_member (p, "values");
  JsonObject *result = json_object_new ();
  JsonArray *contacts = json_array_new ();
  JsonArray *leads = json_array_new ();

  if (g_strcmp0 (get_string (p, "type"), "PHONE") != 0 || values == NULL || !JSON_NODE_HOLDS_ARRAY (values))
    {
      json_object_unref (result);
      json_array_unref (contacts);
      json_array_unref (leads);
      return respond_error (msg, SOUP_STATUS_BAD_REQUEST, "", "Communication type is not defined.");
    }
  for (guint i = 0; i < MIN (json_array_get_length (json_node_get_array (values)), 20); i++)
    {
      const char *value = json_array_get_string_element (json_node_get_array (values), i);
      g_autofree char *phone = strip_number (value);
      gint64 id;

      if ((id = GPOINTER_TO_SIZE (g_hash_table_lookup (self->contacts, phone))) > 0)
        json_array_add_int_element (contacts, id);
      if ((id = GPOINTER_TO_SIZE (g_hash_table_lookup (self->leads, phone))) > 0)
        json_array_add_int_element (leads, id);
    }
  if (json_array_get_length (contacts) == 0 && json_array_get_length (leads) == 0)
    {
      /* PHP's empty map is an empty list. */
      json_object_unref (result);
      json_array_unref (contacts);
      json_array_unref (leads);
      respond_result (msg, json_node_init_array (json_node_alloc (), json_array_new ()));
      return;
    }
  if (json_array_get_length (contacts) > 0)
    json_object_set_array_member (result, "CONTACT", contacts);
  else
    json_array_unref (contacts);
  if (json_array_get_length (leads) > 0)
    json_object_set_array_member (result, "LEAD", leads);
  else
    json_array_unref (leads);
  respond_result (msg, json_node_init_object (json_node_alloc (), result));
  json_object_unref (result);
}

static void
handle_lead_add (GovorunBitrix24Emulator *self,
                 SoupServerMessage       *msg,
                 JsonObject              *p)
{
  JsonNode *fields = json_object_get_member (p, "fields");
  JsonObject *f = fields != NULL && JSON_NODE_HOLDS_OBJECT (fields) ? json_node_get_object (fields) : NULL;
  JsonNode *phones = f != NULL ? json_object_get_member (f, "PHONE") : NULL;
  g_autofree char *phone = NULL;
  gint64 id;

  if (f == NULL || get_string (f, "TITLE") == NULL)
    return respond_error (msg, SOUP_STATUS_BAD_REQUEST, "", "Required fields are missing: TITLE");
  if (phones != NULL && JSON_NODE_HOLDS_ARRAY (phones) && json_array_get_length (json_node_get_array (phones)) > 0)
    phone = strip_number (get_string (json_array_get_object_element (json_node_get_array (phones), 0), "VALUE"));
  id = self->next_id++;
  if (phone != NULL && *phone != '\0')
    g_hash_table_insert (self->leads, g_steal_pointer (&phone), GSIZE_TO_POINTER (id));
  respond_result (msg, int_node (id));
}

static void
handle_activity_add (GovorunBitrix24Emulator *self,
                     SoupServerMessage       *msg,
                     JsonObject              *p)
{
  JsonNode *fields = json_object_get_member (p, "fields");
  JsonObject *f = fields != NULL && JSON_NODE_HOLDS_OBJECT (fields) ? json_node_get_object (fields) : NULL;

  if (f == NULL || get_int (f, "OWNER_ID") <= 0 || get_int (f, "OWNER_TYPE_ID") <= 0
      || get_int (f, "TYPE_ID") <= 0 || !json_object_has_member (f, "COMMUNICATIONS"))
    return respond_error (msg, SOUP_STATUS_BAD_REQUEST, "", "Required fields are missing");
  add_activity (self, (int) get_int (f, "OWNER_TYPE_ID"), get_int (f, "OWNER_ID"),
                (int) get_int (f, "DIRECTION"), get_string (f, "SUBJECT"),
                get_string (f, "DESCRIPTION"), TRUE);
  self->next_id++;
  respond_result (msg, int_node (self->activities->len));
}

static void
govorun_bitrix24_emulator_handle (GovorunEmulator   *emulator,
                                  SoupServerMessage *msg,
                                  const char        *method,
                                  GHashTable        *params)
{
  GovorunBitrix24Emulator *self = GOVORUN_BITRIX24_EMULATOR (emulator);
  g_auto(GStrv) parts = g_strsplit (g_uri_get_path (soup_server_message_get_uri (msg)), "/", -1);
  g_autoptr(JsonObject) p = NULL;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  const char *scope = NULL;

  if (g_strv_length (parts) != 5 || !g_str_equal (parts[2], USER_ID) || !g_str_equal (parts[3], SECRET))
    return respond_error (msg, SOUP_STATUS_UNAUTHORIZED, "NO_AUTH_FOUND", "Wrong authorization data");
  if (over_limit (self))
    return respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "QUERY_LIMIT_EXCEEDED", "Too many requests");
  if (g_str_equal (method, "unknown"))
    return respond_error (msg, SOUP_STATUS_NOT_FOUND, "ERROR_METHOD_NOT_FOUND", "Method not found!");
  for (gsize i = 0; i < G_N_ELEMENTS (methods); i++)
    if (g_str_equal (method, methods[i].name))
      scope = methods[i].scope;
  if (!has_scope (self, scope))
    return respond_error (msg, SOUP_STATUS_FORBIDDEN, "insufficient_scope",
                          "The request requires higher privileges than provided by the webhook token");
  if (self->wrong_auth_type && g_str_has_prefix (method, "telephony.external")
      && !g_str_has_suffix (method, "attachRecord"))
    return respond_error (msg, SOUP_STATUS_FORBIDDEN, "WRONG_AUTH_TYPE",
                          "Current authorization type is denied for this method");

  p = read_params (msg, params);
  if (g_str_equal (method, "scope"))
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; self->scopes[i] != NULL; i++)
        json_array_add_string_element (array, self->scopes[i]);
      respond_result (msg, json_node_init_array (json_node_alloc (), array));
      json_array_unref (array);
    }
  else if (g_str_equal (method, "profile"))
    {
      JsonObject *result = json_object_new ();

      json_object_set_string_member (result, "ID", USER_ID);
      json_object_set_boolean_member (result, "ADMIN", TRUE);
      respond_result (msg, json_node_init_object (json_node_alloc (), result));
      json_object_unref (result);
    }
  else if (g_str_equal (method, "telephony.externalCall.register"))
    handle_register (self, msg, p);
  else if (g_str_equal (method, "telephony.externalCall.finish"))
    handle_finish (self, msg, p);
  else if (g_str_equal (method, "telephony.externalCall.attachRecord"))
    handle_attach_record (self, msg, p);
  else if (g_str_equal (method, "telephony.call.attachTranscription"))
    handle_attach_transcription (self, msg, p);
  else if (g_str_equal (method, "telephony.externalLine.add"))
    handle_line_add (self, msg, p);
  else if (g_str_equal (method, "crm.duplicate.findbycomm"))
    handle_findbycomm (self, msg, p);
  else if (g_str_equal (method, "crm.lead.add"))
    handle_lead_add (self, msg, p);
  else
    handle_activity_add (self, msg, p);
}

static void
govorun_bitrix24_emulator_render_fault (GovorunEmulator    *emulator,
                                        SoupServerMessage  *msg,
                                        const char         *method,
                                        const GovorunFault *fault)
{
  switch (fault->provider_code)
    {
    case GOVORUN_BITRIX24_EMU_QUERY_LIMIT_EXCEEDED:
      return respond_error (msg, 503, "QUERY_LIMIT_EXCEEDED", "Too many requests");
    case GOVORUN_BITRIX24_EMU_WRONG_AUTH_TYPE:
      return respond_error (msg, 403, "WRONG_AUTH_TYPE", "Current authorization type is denied for this method");
    case GOVORUN_BITRIX24_EMU_INSUFFICIENT_SCOPE:
      return respond_error (msg, 403, "insufficient_scope", "The request requires higher privileges than provided by the webhook token");
    case GOVORUN_BITRIX24_EMU_NO_AUTH_FOUND:
      return respond_error (msg, 401, "NO_AUTH_FOUND", "Wrong authorization data");
    case GOVORUN_BITRIX24_EMU_INTERNAL_SERVER_ERROR:
    default:
      if (fault->http_status == 503)
        return respond_error (msg, 503, "QUERY_LIMIT_EXCEEDED", "Too many requests");
      respond_error (msg, fault->http_status != 0 ? fault->http_status : 500, "INTERNAL_SERVER_ERROR",
                     "Internal server error");
    }
}

/* ---- the object ---- */

static void
govorun_bitrix24_emulator_finalize (GObject *object)
{
  GovorunBitrix24Emulator *self = GOVORUN_BITRIX24_EMULATOR (object);

  g_strfreev (self->scopes);
  g_hash_table_unref (self->contacts);
  g_hash_table_unref (self->leads);
  g_ptr_array_unref (self->calls);
  g_ptr_array_unref (self->activities);
  g_ptr_array_unref (self->lines);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (govorun_bitrix24_emulator_parent_class)->finalize (object);
}

static void
govorun_bitrix24_emulator_class_init (GovorunBitrix24EmulatorClass *klass)
{
  GovorunEmulatorClass *emulator_class = GOVORUN_EMULATOR_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = govorun_bitrix24_emulator_finalize;
  emulator_class->route = govorun_bitrix24_emulator_route;
  emulator_class->handle = govorun_bitrix24_emulator_handle;
  emulator_class->render_fault = govorun_bitrix24_emulator_render_fault;
}

static void
govorun_bitrix24_emulator_init (GovorunBitrix24Emulator *self)
{
  g_mutex_init (&self->lock);
  self->scopes = g_strsplit ("crm,telephony,user", ",", -1);
  self->contacts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->leads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->next_id = 100;
  self->calls = g_ptr_array_new_with_free_func ((GDestroyNotify) emu_call_free);
  self->activities = g_ptr_array_new_with_free_func ((GDestroyNotify) emu_activity_free);
  self->lines = g_ptr_array_new_with_free_func (g_free);
}

GovorunBitrix24Emulator *
govorun_bitrix24_emulator_new (void)
{
  return g_object_new (GOVORUN_TYPE_BITRIX24_EMULATOR, NULL);
}

char *
govorun_bitrix24_emulator_get_webhook_url (GovorunBitrix24Emulator *self)
{
  const char *base = govorun_emulator_get_base_url (GOVORUN_EMULATOR (self));

  g_return_val_if_fail (base != NULL, NULL);
  return g_strdup_printf ("%s/rest/" USER_ID "/" SECRET "/", base);
}

void
govorun_bitrix24_emulator_set_scopes (GovorunBitrix24Emulator *self,
                                      const char * const      *scopes)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  g_strfreev (self->scopes);
  self->scopes = g_strdupv ((char **) scopes);
}

void
govorun_bitrix24_emulator_set_wrong_auth_type (GovorunBitrix24Emulator *self,
                                               gboolean                 refuse)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  self->wrong_auth_type = refuse;
}

void
govorun_bitrix24_emulator_set_rate_limit (GovorunBitrix24Emulator *self,
                                          guint                    capacity,
                                          double                   per_second)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  self->capacity = capacity;
  self->per_second = per_second;
  self->level = 0;
  self->level_at_us = g_get_monotonic_time ();
}

gint64
govorun_bitrix24_emulator_add_contact (GovorunBitrix24Emulator *self,
                                       const char              *phone)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  gint64 id = self->next_id++;

  g_hash_table_insert (self->contacts, strip_number (phone), GSIZE_TO_POINTER (id));
  return id;
}

guint
govorun_bitrix24_emulator_get_n_calls (GovorunBitrix24Emulator *self)
{
  return self->calls->len;
}

const GovorunBitrix24EmuCall *
govorun_bitrix24_emulator_get_call (GovorunBitrix24Emulator *self,
                                    guint                    index)
{
  g_return_val_if_fail (index < self->calls->len, NULL);
  return g_ptr_array_index (self->calls, index);
}

guint
govorun_bitrix24_emulator_get_n_leads (GovorunBitrix24Emulator *self)
{
  return g_hash_table_size (self->leads);
}

guint
govorun_bitrix24_emulator_get_n_activities (GovorunBitrix24Emulator *self)
{
  return self->activities->len;
}

const GovorunBitrix24EmuActivity *
govorun_bitrix24_emulator_get_activity (GovorunBitrix24Emulator *self,
                                        guint                    index)
{
  g_return_val_if_fail (index < self->activities->len, NULL);
  return g_ptr_array_index (self->activities, index);
}

guint
govorun_bitrix24_emulator_get_n_lines (GovorunBitrix24Emulator *self)
{
  return self->lines->len;
}

guint
govorun_bitrix24_emulator_get_n_limited (GovorunBitrix24Emulator *self)
{
  return self->n_limited;
}
