/* govorun-settings-document.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunSettingsDocument"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "govorun-json.h"
#include "govorun-settings-document.h"

/* The object, its arrays, their objects, a target's events. */
#define MAX_DEPTH 4
#define MAX_URL_CHARS 2000
#define MAX_TEXT_CHARS 1000
#define MAX_VALUE_BYTES 4096

G_DEFINE_QUARK (govorun-settings-document-error-quark, govorun_settings_document_error)

static void
account_free (GovorunSettingsAccount *account)
{
  g_free (account->kind);
  g_free (account->name);
  g_free (account->account_id);
  g_free (account->auth);
  g_free (account->key_id);
  g_free (account->email);
  g_free (account->region);
  g_free (account);
}

static void
number_free (GovorunSettingsNumber *number)
{
  g_free (number->number);
  g_free (number->note);
  g_free (number);
}

static void
target_free (GovorunSettingsTarget *target)
{
  g_free (target->kind);
  g_free (target->name);
  g_free (target->url);
  g_strfreev (target->events);
  g_strfreev (target->include);
  g_free (target);
}

GovorunSettingsDocument *
govorun_settings_document_new (void)
{
  GovorunSettingsDocument *document = g_new0 (GovorunSettingsDocument, 1);

  document->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) account_free);
  document->do_not_call = g_ptr_array_new_with_free_func ((GDestroyNotify) number_free);
  document->preferences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  document->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) target_free);
  return document;
}

void
govorun_settings_document_free (GovorunSettingsDocument *document)
{
  if (document == NULL)
    return;
  g_ptr_array_unref (document->accounts);
  g_ptr_array_unref (document->do_not_call);
  g_hash_table_unref (document->preferences);
  g_ptr_array_unref (document->targets);
  g_free (document);
}

void
govorun_settings_document_add_account (GovorunSettingsDocument      *document,
                                       const GovorunSettingsAccount *account)
{
  GovorunSettingsAccount *copy = g_new0 (GovorunSettingsAccount, 1);

  copy->kind = g_strdup (account->kind);
  copy->name = g_strdup (account->name);
  copy->account_id = g_strdup (account->account_id);
  copy->auth = g_strdup (account->auth);
  copy->key_id = g_strdup (account->key_id);
  copy->email = g_strdup (account->email);
  copy->region = g_strdup (account->region);
  g_ptr_array_add (document->accounts, copy);
}

void
govorun_settings_document_add_number (GovorunSettingsDocument *document,
                                      const char              *number,
                                      const char              *note,
                                      gint64                   added_at)
{
  GovorunSettingsNumber *item = g_new0 (GovorunSettingsNumber, 1);

  item->number = g_strdup (number);
  item->note = g_strdup (note);
  item->added_at = added_at;
  g_ptr_array_add (document->do_not_call, item);
}

void
govorun_settings_document_add_target (GovorunSettingsDocument     *document,
                                      const GovorunSettingsTarget *target)
{
  GovorunSettingsTarget *copy = g_new0 (GovorunSettingsTarget, 1);

  copy->kind = g_strdup (target->kind);
  copy->name = g_strdup (target->name);
  copy->url = g_strdup (target->url);
  copy->events = g_strdupv (target->events);
  copy->include = g_strdupv (target->include);
  g_ptr_array_add (document->targets, copy);
}

/* --- writing ------------------------------------------------------------------- */

static void
member (JsonBuilder *builder,
        const char  *name,
        const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

char *
govorun_settings_document_to_json (const GovorunSettingsDocument *document)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) keys = NULL;

  json_builder_begin_object (builder);
  member (builder, "format", GOVORUN_SETTINGS_DOCUMENT_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, GOVORUN_SETTINGS_DOCUMENT_VERSION);

  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < document->accounts->len; i++)
    {
      GovorunSettingsAccount *account = g_ptr_array_index (document->accounts, i);

      json_builder_begin_object (builder);
      member (builder, "kind", account->kind);
      member (builder, "name", account->name);
      member (builder, "account_id", account->account_id);
      member (builder, "auth", account->auth);
      member (builder, "key_id", account->key_id);
      member (builder, "email", account->email);
      member (builder, "region", account->region);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "do_not_call");
  json_builder_begin_array (builder);
  for (guint i = 0; i < document->do_not_call->len; i++)
    {
      GovorunSettingsNumber *number = g_ptr_array_index (document->do_not_call, i);

      json_builder_begin_object (builder);
      member (builder, "number", number->number);
      member (builder, "note", number->note);
      json_builder_set_member_name (builder, "added_at");
      json_builder_add_int_value (builder, number->added_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* Sorted, so that two exports of the same settings are the same file. */
  json_builder_set_member_name (builder, "preferences");
  json_builder_begin_object (builder);
  keys = g_list_sort (g_hash_table_get_keys (document->preferences), (GCompareFunc) strcmp);
  for (GList *l = keys; l != NULL; l = l->next)
    member (builder, l->data, g_hash_table_lookup (document->preferences, l->data));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "targets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < document->targets->len; i++)
    {
      GovorunSettingsTarget *target = g_ptr_array_index (document->targets, i);

      json_builder_begin_object (builder);
      member (builder, "kind", target->kind);
      member (builder, "name", target->name);
      member (builder, "url", target->url);
      json_builder_set_member_name (builder, "events");
      json_builder_begin_array (builder);
      for (guint j = 0; target->events != NULL && target->events[j] != NULL; j++)
        json_builder_add_string_value (builder, target->events[j]);
      json_builder_end_array (builder);
      if (target->include != NULL && target->include[0] != NULL)
        {
          json_builder_set_member_name (builder, "include");
          json_builder_begin_array (builder);
          for (guint j = 0; target->include[j] != NULL; j++)
            json_builder_add_string_value (builder, target->include[j]);
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, TRUE);
}

/* --- reading ------------------------------------------------------------------- */

/* UTF-8 of at most @max_chars, without control characters other than
 * tabs and line breaks (which a note may hold). */
static gboolean
text_ok (const char *text,
         gsize       max_chars)
{
  gsize n = 0;

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), n++)
    if (g_utf8_get_char (p) < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      return FALSE;
  return n <= max_chars;
}

/* The string member @name of @object: NULL when absent (or @bad set when
 * required, not a string, or not acceptable text). */
static const char *
string_member (JsonObject  *object,
               const char  *name,
               gboolean     required,
               gsize        max_chars,
               const char **bad)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required && *bad == NULL)
        *bad = name;
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING
      || !text_ok (value = json_node_get_string (node), max_chars)
      || (required && value[0] == '\0'))
    {
      if (*bad == NULL)
        *bad = name;
      return NULL;
    }
  return value;
}

static gboolean
only_members (JsonObject         *object,
              const char * const *known,
              const char        **bad)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        if (*bad == NULL)
          *bad = l->data;
        return FALSE;
      }
  return TRUE;
}

static gboolean
digits (const char *text,
        gsize       min,
        gsize       max)
{
  gsize len = text != NULL ? strlen (text) : 0;

  if (len < min || len > max)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static const char *
read_account (GovorunSettingsDocument *document,
              JsonNode                *node)
{
  static const char * const known[] = {
    "kind", "name", "account_id", "auth", "key_id", "email", "region", NULL
  };
  GovorunSettingsAccount account = { NULL, };
  const char *bad = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return "accounts";
  object = json_node_get_object (node);
  if (!only_members (object, known, &bad))
    return bad;
  account.kind = (char *) string_member (object, "kind", TRUE, 20, &bad);
  account.name = (char *) string_member (object, "name", TRUE, 100, &bad);
  account.account_id = (char *) string_member (object, "account_id", FALSE, 20, &bad);
  account.auth = (char *) string_member (object, "auth", FALSE, 20, &bad);
  account.key_id = (char *) string_member (object, "key_id", FALSE, 100, &bad);
  account.email = (char *) string_member (object, "email", FALSE, 254, &bad);
  account.region = (char *) string_member (object, "region", FALSE, 20, &bad);
  if (bad != NULL)
    return bad;
  if (g_str_equal (account.kind, "voximplant"))
    {
      if (!digits (account.account_id, 1, 20))
        return "account_id";
      if (account.auth == NULL || (!g_str_equal (account.auth, "api-key") && !g_str_equal (account.auth, "service-account")))
        return "auth";
      if (account.region != NULL)
        return "region";
    }
  else if (g_str_equal (account.kind, "elevenlabs"))
    {
      if (account.account_id != NULL || account.auth != NULL || account.key_id != NULL || account.email != NULL)
        return "account_id";
    }
  else
    return "kind";
  govorun_settings_document_add_account (document, &account);
  return NULL;
}

static const char *
read_number (GovorunSettingsDocument *document,
             JsonNode                *node)
{
  static const char * const known[] = { "number", "note", "added_at", NULL };
  const char *bad = NULL;
  const char *number, *note;
  JsonObject *object;
  JsonNode *added;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return "do_not_call";
  object = json_node_get_object (node);
  if (!only_members (object, known, &bad))
    return bad;
  number = string_member (object, "number", TRUE, 16, &bad);
  note = string_member (object, "note", FALSE, MAX_TEXT_CHARS, &bad);
  if (bad != NULL)
    return bad;
  if (number[0] != '+' || !digits (number + 1, 7, 15) || number[1] == '0')
    return "number";
  added = json_object_get_member (object, "added_at");
  if (added == NULL || !JSON_NODE_HOLDS_VALUE (added) || json_node_get_value_type (added) != G_TYPE_INT64
      || json_node_get_int (added) < 0 || json_node_get_int (added) > G_GINT64_CONSTANT (253402300799))
    return "added_at";
  govorun_settings_document_add_number (document, number, note, json_node_get_int (added));
  return NULL;
}

/* A webhook's address: http or https, a host, no spaces or controls, and
 * no user:password part (that would be a secret in the file). */
static gboolean
url_ok (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  if (url == NULL || strpbrk (url, " \t\r\n") != NULL)
    return FALSE;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  return uri != NULL
         && (g_str_equal (g_uri_get_scheme (uri), "https") || g_str_equal (g_uri_get_scheme (uri), "http"))
         && g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0'
         && g_uri_get_userinfo (uri) == NULL;
}

/* @name's array of distinct names out of @allowed (at least one when
 * @required; absent is NULL when not). FALSE when it is anything else. */
static gboolean
read_names (JsonObject         *object,
            const char         *name,
            const char * const *allowed,
            gboolean            required,
            GStrv              *out_names)
{
  g_autoptr(GStrvBuilder) wanted = g_strv_builder_new ();
  JsonNode *member = json_object_get_member (object, name);
  JsonArray *array;

  *out_names = NULL;
  if (member == NULL && !required)
    return TRUE;
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    return FALSE;
  array = json_node_get_array (member);
  if ((required && json_array_get_length (array) == 0) ||
      json_array_get_length (array) > g_strv_length ((GStrv) allowed))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *value;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING
          || !g_strv_contains (allowed, value = json_node_get_string (element)))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (g_strcmp0 (json_array_get_string_element (array, j), value) == 0)
          return FALSE;
      g_strv_builder_add (wanted, value);
    }
  *out_names = g_strv_builder_end (wanted);
  return TRUE;
}

static const char *
read_target (GovorunSettingsDocument *document,
             JsonNode                *node)
{
  static const char * const known[] = { "kind", "name", "url", "events", "include", NULL };
  static const char * const events[] = { "call.finished", "campaign.finished", "contact.result", NULL };
  static const char * const include[] = { "transcript", "recording-link", NULL };
  g_auto(GStrv) list = NULL;
  g_auto(GStrv) extras = NULL;
  GovorunSettingsTarget target = { NULL, };
  const char *bad = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return "targets";
  object = json_node_get_object (node);
  if (!only_members (object, known, &bad))
    return bad;
  target.kind = (char *) string_member (object, "kind", TRUE, 20, &bad);
  target.name = (char *) string_member (object, "name", TRUE, 200, &bad);
  target.url = (char *) string_member (object, "url", FALSE, MAX_URL_CHARS, &bad);
  if (bad != NULL)
    return bad;
  if (g_str_equal (target.kind, "webhook"))
    {
      if (!url_ok (target.url))
        return "url";
    }
  else if (g_str_equal (target.kind, "bitrix24"))
    {
      if (target.url != NULL)
        return "url";
    }
  else
    return "kind";
  if (!read_names (object, "events", events, TRUE, &list))
    return "events";
  if (!read_names (object, "include", include, FALSE, &extras))
    return "include";
  target.events = list;
  target.include = extras;
  govorun_settings_document_add_target (document, &target);
  return NULL;
}

static const char *
read_preferences (GovorunSettingsDocument *document,
                  JsonNode                *node)
{
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return "preferences";
  object = json_node_get_object (node);
  if (json_object_get_size (object) > GOVORUN_SETTINGS_DOCUMENT_MAX_PREFERENCES)
    return "preferences";
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      const char *bad = NULL;
      const char *value = string_member (object, key, TRUE, MAX_VALUE_BYTES, &bad);

      /* GSettings key names: lower-case letters, digits and "-". */
      for (const char *p = key; *p != '\0'; p++)
        if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
          return "preferences";
      if (key[0] == '\0' || strlen (key) > 64 || bad != NULL)
        return "preferences";
      g_hash_table_insert (document->preferences, g_strdup (key), g_strdup (value));
    }
  return NULL;
}

static const char *
read_array (GovorunSettingsDocument *document,
            JsonObject              *root,
            const char              *name,
            guint                    max,
            const char *           (*read) (GovorunSettingsDocument *, JsonNode *))
{
  JsonNode *node = json_object_get_member (root, name);
  JsonArray *array;

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return name;
  array = json_node_get_array (node);
  if (json_array_get_length (array) > max)
    return name;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *bad = read (document, json_array_get_element (array, i));

      if (bad != NULL)
        return bad;
    }
  return NULL;
}

GovorunSettingsDocument *
govorun_settings_document_parse (const char  *data,
                                 gsize        length,
                                 GError     **error)
{
  static const char * const known[] = {
    "format", "version", "accounts", "do_not_call", "preferences", "targets", NULL
  };
  g_autoptr(GovorunSettingsDocument) document = govorun_settings_document_new ();
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root;
  JsonNode *version;
  const char *bad = NULL;

  if (!govorun_json_check (data, length, GOVORUN_SETTINGS_DOCUMENT_MAX_BYTES, MAX_DEPTH, NULL)
      || memchr (data, '\0', length) != NULL)
    goto damaged;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, NULL)
      || json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto damaged;
  root = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (string_member (root, "format", TRUE, 40, &bad), GOVORUN_SETTINGS_DOCUMENT_FORMAT) != 0)
    goto damaged;
  version = json_object_get_member (root, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64
      || json_node_get_int (version) < 1)
    goto damaged;
  if (json_node_get_int (version) > GOVORUN_SETTINGS_DOCUMENT_VERSION)
    {
      g_set_error_literal (error, GOVORUN_SETTINGS_DOCUMENT_ERROR, GOVORUN_SETTINGS_DOCUMENT_ERROR_NEWER,
                           _("The settings file was made by a newer version of Govorun. Update Govorun on this computer, then import the file again."));
      return NULL;
    }
  if (!only_members (root, known, &bad)
      || (bad = read_array (document, root, "accounts", GOVORUN_SETTINGS_DOCUMENT_MAX_ACCOUNTS, read_account)) != NULL
      || (bad = read_array (document, root, "do_not_call", GOVORUN_SETTINGS_DOCUMENT_MAX_NUMBERS, read_number)) != NULL
      || (bad = read_preferences (document, json_object_get_member (root, "preferences"))) != NULL
      || (bad = read_array (document, root, "targets", GOVORUN_SETTINGS_DOCUMENT_MAX_TARGETS, read_target)) != NULL)
    {
      g_set_error (error, GOVORUN_SETTINGS_DOCUMENT_ERROR, GOVORUN_SETTINGS_DOCUMENT_ERROR_DAMAGED,
                   /* Translators: %s is the name of a field in the file, such as “number” */
                   _("The settings file is damaged (the field “%s”), so nothing was imported. Export the settings again on the other computer."),
                   bad);
      return NULL;
    }
  return g_steal_pointer (&document);

damaged:
  g_set_error_literal (error, GOVORUN_SETTINGS_DOCUMENT_ERROR, GOVORUN_SETTINGS_DOCUMENT_ERROR_DAMAGED,
                       _("The file is not a Govorun settings file, or it is damaged, so nothing was imported. Choose a file made with Export Settings."));
  return NULL;
}
