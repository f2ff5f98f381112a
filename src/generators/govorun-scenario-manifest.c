/* govorun-scenario-manifest.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunScenarioManifest"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "govorun-json.h"
#include "govorun-scenario-generator.h"
#include "govorun-scenario-manifest.h"

/* Objects inside an array inside the manifest: three levels. */
#define MAX_DEPTH 3
#define MAX_NAME_CHARS 100
#define MAX_ID_BYTES 128
#define MAX_URL_BYTES 2048
#define MAX_HOST_CHARS 64
/* JavaScript's safe integers, which is what a JSON reader elsewhere keeps. */
#define MAX_SAFE_INTEGER G_GINT64_CONSTANT (9007199254740991)

G_DEFINE_QUARK (govorun-scenario-manifest-error-quark, govorun_scenario_manifest_error)

static void
number_free (GovorunManifestNumber *number)
{
  g_free (number->number);
  g_free (number);
}

GovorunScenarioManifest *
govorun_scenario_manifest_new (void)
{
  GovorunScenarioManifest *manifest = g_new0 (GovorunScenarioManifest, 1);

  manifest->record = TRUE;
  manifest->numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) number_free);
  return manifest;
}

void
govorun_scenario_manifest_add_number (GovorunScenarioManifest *manifest,
                                      gint64                   phone_id,
                                      const char              *number)
{
  GovorunManifestNumber *item = g_new0 (GovorunManifestNumber, 1);

  item->phone_id = phone_id;
  item->number = g_strdup (number[0] == '+' ? number + 1 : number);
  g_ptr_array_add (manifest->numbers, item);
}

GovorunScenarioManifest *
govorun_scenario_manifest_copy (const GovorunScenarioManifest *manifest)
{
  GovorunScenarioManifest *copy = govorun_scenario_manifest_new ();

  copy->agent_name = g_strdup (manifest->agent_name);
  copy->slug = g_strdup (manifest->slug);
  copy->inbound = manifest->inbound;
  copy->outbound = manifest->outbound;
  copy->webhook = manifest->webhook;
  copy->el_agent_id = g_strdup (manifest->el_agent_id);
  copy->el_account_hint = g_strdup (manifest->el_account_hint);
  copy->webhook_url = g_strdup (manifest->webhook_url);
  copy->tenant_slug = g_strdup (manifest->tenant_slug);
  copy->language = g_strdup (manifest->language);
  copy->voice = g_strdup (manifest->voice);
  copy->record = manifest->record;
  copy->key_in_scenario = manifest->key_in_scenario;
  for (guint i = 0; i < manifest->numbers->len; i++)
    {
      GovorunManifestNumber *number = g_ptr_array_index (manifest->numbers, i);

      govorun_scenario_manifest_add_number (copy, number->phone_id, number->number);
    }
  copy->generator = g_strdup (manifest->generator);
  copy->revision = manifest->revision;
  copy->computer_id = g_strdup (manifest->computer_id);
  copy->host = g_strdup (manifest->host);
  copy->time = manifest->time;
  return copy;
}

void
govorun_scenario_manifest_free (GovorunScenarioManifest *manifest)
{
  if (manifest == NULL)
    return;
  g_free (manifest->agent_name);
  g_free (manifest->slug);
  g_free (manifest->el_agent_id);
  g_free (manifest->el_account_hint);
  g_free (manifest->webhook_url);
  g_free (manifest->tenant_slug);
  g_free (manifest->language);
  g_free (manifest->voice);
  g_ptr_array_unref (manifest->numbers);
  g_free (manifest->generator);
  g_free (manifest->computer_id);
  g_free (manifest->host);
  g_free (manifest);
}

G_DEFINE_BOXED_TYPE (GovorunScenarioManifest, govorun_scenario_manifest,
                     govorun_scenario_manifest_copy, govorun_scenario_manifest_free)

/* --- field checks, shared by writing and reading -------------------------------------- */

/* Printable UTF-8 of at most @max_chars characters: no control characters
 * and no U+2028/U+2029, which would end the comment line in JavaScript. */
static gboolean
text_ok (const char *text,
         gsize       max_chars)
{
  gsize n = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029)
        return FALSE;
    }
  return n <= max_chars;
}

/* ASCII of @allowed characters (letters and digits always), 1..@max bytes. */
static gboolean
token_ok (const char *text,
          const char *allowed,
          gsize       max)
{
  gsize len;

  if (text == NULL || (len = strlen (text)) == 0 || len > max)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (text[i]) && strchr (allowed, text[i]) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
digits_ok (const char *number)
{
  gsize len = number != NULL ? strlen (number) : 0;

  if (len < 7 || len > 15 || number[0] == '0')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (number[i]))
      return FALSE;
  return TRUE;
}

static gboolean
url_ok (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (!token_ok (url, ":/?#[]@!$&'()*+,;=-._~%", MAX_URL_BYTES))
    return FALSE;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  return g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0;
}

/* NULL when every field is acceptable, else the name of the first that is not. */
static const char *
bad_field (const GovorunScenarioManifest *m)
{
  if (!text_ok (m->agent_name, MAX_NAME_CHARS) || m->agent_name[0] == '\0')
    return "agent";
  if (!token_ok (m->slug, "-", 20))
    return "slug";
  if (!m->inbound && !m->outbound)
    return "modes";
  if (!m->webhook && !token_ok (m->el_agent_id, "_-", MAX_ID_BYTES))
    return "el_agent";
  if (m->webhook && m->el_agent_id != NULL)
    return "el_agent";
  if (m->el_account_hint != NULL && !text_ok (m->el_account_hint, MAX_NAME_CHARS))
    return "el_account";
  if (m->webhook != (m->webhook_url != NULL) || (m->webhook_url != NULL && !url_ok (m->webhook_url)))
    return "webhook";
  if (m->tenant_slug != NULL && (!m->webhook || !text_ok (m->tenant_slug, MAX_ID_BYTES)))
    return "tenant";
  if (m->language != NULL && (!m->webhook || !token_ok (m->language, "-_", 16)))
    return "language";
  if (m->voice != NULL && (!m->webhook || !govorun_scenario_identifier_is_valid (m->voice, "VoiceList")))
    return "voice";
  if (m->numbers->len == 0 || m->numbers->len > GOVORUN_SCENARIO_MANIFEST_MAX_NUMBERS)
    return "numbers";
  for (guint i = 0; i < m->numbers->len; i++)
    {
      GovorunManifestNumber *number = g_ptr_array_index (m->numbers, i);

      if (number->phone_id <= 0 || number->phone_id > MAX_SAFE_INTEGER || !digits_ok (number->number))
        return "numbers";
    }
  if (!text_ok (m->generator, 64) || m->generator[0] == '\0')
    return "generator";
  if (m->revision < 1 || m->revision > MAX_SAFE_INTEGER)
    return "revision";
  if (!token_ok (m->computer_id, "-", 64))
    return "computer";
  if (!text_ok (m->host, MAX_HOST_CHARS))
    return "host";
  if (m->time < 0 || m->time > MAX_SAFE_INTEGER)
    return "time";
  return NULL;
}

static void
set_invalid (GError     **error,
             const char  *field)
{
  g_set_error (error, GOVORUN_SCENARIO_MANIFEST_ERROR, GOVORUN_SCENARIO_MANIFEST_ERROR_INVALID,
               /* Translators: %s is the name of a field, such as “numbers” */
               _("The scenario’s Govorun manifest is damaged (the field “%s”). Deploy the agent again from the computer that set it up."),
               field);
}

/* --- writing ------------------------------------------------------------------------- */

static void
add_optional (JsonBuilder *builder,
              const char  *name,
              const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

char *
govorun_scenario_manifest_to_line (const GovorunScenarioManifest  *m,
                                   GError                        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  GString *line;
  const char *field;

  g_return_val_if_fail (m != NULL, NULL);

  if ((field = bad_field (m)) != NULL)
    {
      set_invalid (error, field);
      return NULL;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "v");
  json_builder_add_int_value (builder, GOVORUN_SCENARIO_MANIFEST_VERSION);
  add_optional (builder, "agent", m->agent_name);
  add_optional (builder, "slug", m->slug);
  json_builder_set_member_name (builder, "modes");
  json_builder_begin_array (builder);
  if (m->inbound)
    json_builder_add_string_value (builder, "inbound");
  if (m->outbound)
    json_builder_add_string_value (builder, "outbound");
  json_builder_end_array (builder);
  add_optional (builder, "engine", m->webhook ? "webhook" : "elevenlabs");
  add_optional (builder, "el_agent", m->el_agent_id);
  add_optional (builder, "el_account", m->el_account_hint);
  add_optional (builder, "webhook", m->webhook_url);
  add_optional (builder, "tenant", m->tenant_slug);
  add_optional (builder, "language", m->language);
  add_optional (builder, "voice", m->voice);
  json_builder_set_member_name (builder, "record");
  json_builder_add_boolean_value (builder, m->record);
  json_builder_set_member_name (builder, "key_in_scenario");
  json_builder_add_boolean_value (builder, m->key_in_scenario);
  json_builder_set_member_name (builder, "numbers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < m->numbers->len; i++)
    {
      GovorunManifestNumber *number = g_ptr_array_index (m->numbers, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, number->phone_id);
      add_optional (builder, "number", number->number);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_optional (builder, "generator", m->generator);
  json_builder_set_member_name (builder, "revision");
  json_builder_add_int_value (builder, m->revision);
  add_optional (builder, "computer", m->computer_id);
  add_optional (builder, "host", m->host);
  json_builder_set_member_name (builder, "time");
  json_builder_add_int_value (builder, m->time);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);

  /* The text checks keep line breaks out; escaping "<" too keeps the line
   * harmless if a page ever shows the script inside HTML. */
  line = g_string_new (GOVORUN_SCENARIO_MANIFEST_PREFIX);
  for (const char *p = json; *p != '\0'; p++)
    {
      if (*p == '<')
        g_string_append (line, "\\u003c");
      else if (*p == '>')
        g_string_append (line, "\\u003e");
      else
        g_string_append_c (line, *p);
    }
  if (line->len > GOVORUN_SCENARIO_MANIFEST_MAX_BYTES)
    {
      g_string_free (line, TRUE);
      set_invalid (error, "numbers");
      return NULL;
    }
  return g_string_free (line, FALSE);
}

/* --- reading ------------------------------------------------------------------------- */

typedef struct
{
  JsonObject *object;
  const char *bad;   /* the first bad field */
} Reader;

static const char *
read_string (Reader     *r,
             const char *name,
             gboolean    required)
{
  JsonNode *node = json_object_get_member (r->object, name);

  if (node == NULL)
    {
      if (required && r->bad == NULL)
        r->bad = name;
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      if (r->bad == NULL)
        r->bad = name;
      return NULL;
    }
  return json_node_get_string (node);
}

static gint64
read_int (Reader     *r,
          const char *name)
{
  JsonNode *node = json_object_get_member (r->object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      if (r->bad == NULL)
        r->bad = name;
      return -1;
    }
  return json_node_get_int (node);
}

static gboolean
read_bool (Reader     *r,
           const char *name)
{
  JsonNode *node = json_object_get_member (r->object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      if (r->bad == NULL)
        r->bad = name;
      return FALSE;
    }
  return json_node_get_boolean (node);
}

static const char * const known_members[] = {
  "v", "agent", "slug", "modes", "engine", "el_agent", "el_account", "webhook", "tenant",
  "language", "voice", "record", "key_in_scenario", "numbers", "generator", "revision",
  "computer", "host", "time", NULL
};

static const char *
read_modes (GovorunScenarioManifest *m,
            JsonNode                *node)
{
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return "modes";
  array = json_node_get_array (node);
  if (json_array_get_length (array) > 2)
    return "modes";
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      const char *mode;

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        return "modes";
      mode = json_node_get_string (item);
      if (g_str_equal (mode, "inbound") && !m->inbound)
        m->inbound = TRUE;
      else if (g_str_equal (mode, "outbound") && !m->outbound)
        m->outbound = TRUE;
      else
        return "modes";
    }
  return NULL;
}

static const char *
read_numbers (GovorunScenarioManifest *m,
              JsonNode                *node)
{
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return "numbers";
  array = json_node_get_array (node);
  if (json_array_get_length (array) > GOVORUN_SCENARIO_MANIFEST_MAX_NUMBERS)
    return "numbers";
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      Reader r = { NULL, NULL };
      const char *number;
      gint64 id;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return "numbers";
      r.object = json_node_get_object (item);
      if (json_object_get_size (r.object) != 2)
        return "numbers";
      id = read_int (&r, "id");
      number = read_string (&r, "number", TRUE);
      if (r.bad != NULL || !digits_ok (number))
        return "numbers";
      govorun_scenario_manifest_add_number (m, id, number);
    }
  return NULL;
}

static GovorunScenarioManifest *
read_manifest (JsonObject  *object,
               GError     **error)
{
  g_autoptr(GovorunScenarioManifest) m = govorun_scenario_manifest_new ();
  Reader r = { object, NULL };
  const char *engine;
  const char *bad;
  gint64 version;
  g_autoptr(GList) members = json_object_get_members (object);

  version = read_int (&r, "v");
  if (r.bad == NULL && version > GOVORUN_SCENARIO_MANIFEST_VERSION)
    {
      g_set_error_literal (error, GOVORUN_SCENARIO_MANIFEST_ERROR, GOVORUN_SCENARIO_MANIFEST_ERROR_NEWER,
                           _("The agent was deployed by a newer version of Govorun. Update Govorun on this computer and try again."));
      return NULL;
    }
  if (r.bad != NULL || version != GOVORUN_SCENARIO_MANIFEST_VERSION)
    {
      set_invalid (error, "v");
      return NULL;
    }
  /* A version-1 manifest has exactly these members. */
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known_members, l->data))
      {
        set_invalid (error, l->data);
        return NULL;
      }

  m->agent_name = g_strdup (read_string (&r, "agent", TRUE));
  m->slug = g_strdup (read_string (&r, "slug", TRUE));
  engine = read_string (&r, "engine", TRUE);
  m->el_agent_id = g_strdup (read_string (&r, "el_agent", FALSE));
  m->el_account_hint = g_strdup (read_string (&r, "el_account", FALSE));
  m->webhook_url = g_strdup (read_string (&r, "webhook", FALSE));
  m->tenant_slug = g_strdup (read_string (&r, "tenant", FALSE));
  m->language = g_strdup (read_string (&r, "language", FALSE));
  m->voice = g_strdup (read_string (&r, "voice", FALSE));
  m->record = read_bool (&r, "record");
  m->key_in_scenario = read_bool (&r, "key_in_scenario");
  m->generator = g_strdup (read_string (&r, "generator", TRUE));
  m->revision = read_int (&r, "revision");
  m->computer_id = g_strdup (read_string (&r, "computer", TRUE));
  m->host = g_strdup (read_string (&r, "host", TRUE));
  m->time = read_int (&r, "time");
  if (r.bad != NULL)
    {
      set_invalid (error, r.bad);
      return NULL;
    }
  if (g_strcmp0 (engine, "webhook") == 0)
    m->webhook = TRUE;
  else if (g_strcmp0 (engine, "elevenlabs") != 0)
    {
      set_invalid (error, "engine");
      return NULL;
    }
  if ((bad = read_modes (m, json_object_get_member (object, "modes"))) != NULL
      || (bad = read_numbers (m, json_object_get_member (object, "numbers"))) != NULL
      || (bad = bad_field (m)) != NULL)
    {
      set_invalid (error, bad);
      return NULL;
    }
  return g_steal_pointer (&m);
}

GovorunScenarioManifest *
govorun_scenario_manifest_parse (const char  *script,
                                 gssize       length,
                                 GError     **error)
{
  const char *json, *end;
  gsize prefix_len = strlen (GOVORUN_SCENARIO_MANIFEST_PREFIX);
  gsize json_len;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (script != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (script);
  if ((gsize) length < prefix_len || memcmp (script, GOVORUN_SCENARIO_MANIFEST_PREFIX, prefix_len) != 0)
    {
      g_set_error_literal (error, GOVORUN_SCENARIO_MANIFEST_ERROR, GOVORUN_SCENARIO_MANIFEST_ERROR_NONE,
                           _("The scenario was not made by Govorun."));
      return NULL;
    }

  json = script + prefix_len;
  end = memchr (json, '\n', length - prefix_len);
  json_len = end != NULL ? (gsize) (end - json) : (gsize) length - prefix_len;
  if (json_len > 0 && json[json_len - 1] == '\r')
    json_len--;
  if (json_len + prefix_len > GOVORUN_SCENARIO_MANIFEST_MAX_BYTES
      || memchr (json, '\0', json_len) != NULL
      || !govorun_json_check (json, json_len, GOVORUN_SCENARIO_MANIFEST_MAX_BYTES, MAX_DEPTH, NULL))
    {
      set_invalid (error, "v");
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, json_len, &local_error)
      || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      set_invalid (error, "v");
      return NULL;
    }
  return read_manifest (json_node_get_object (root), error);
}

const char *
govorun_scenario_manifest_body (const char *script)
{
  const char *end;

  if (script == NULL || !g_str_has_prefix (script, GOVORUN_SCENARIO_MANIFEST_PREFIX))
    return script;
  end = strchr (script, '\n');
  return end != NULL ? end + 1 : script + strlen (script);
}

gboolean
govorun_scenario_manifest_same_setup (const GovorunScenarioManifest *a,
                                      const GovorunScenarioManifest *b)
{
  if (a->numbers->len != b->numbers->len)
    return FALSE;
  for (guint i = 0; i < a->numbers->len; i++)
    {
      GovorunManifestNumber *x = g_ptr_array_index (a->numbers, i);
      GovorunManifestNumber *y = g_ptr_array_index (b->numbers, i);

      if (x->phone_id != y->phone_id || g_strcmp0 (x->number, y->number) != 0)
        return FALSE;
    }
  return g_strcmp0 (a->agent_name, b->agent_name) == 0
         && g_strcmp0 (a->slug, b->slug) == 0
         && a->inbound == b->inbound && a->outbound == b->outbound && a->webhook == b->webhook
         && g_strcmp0 (a->el_agent_id, b->el_agent_id) == 0
         && g_strcmp0 (a->webhook_url, b->webhook_url) == 0
         && g_strcmp0 (a->tenant_slug, b->tenant_slug) == 0
         && g_strcmp0 (a->language, b->language) == 0
         && g_strcmp0 (a->voice, b->voice) == 0
         && a->record == b->record && a->key_in_scenario == b->key_in_scenario;
}

gboolean
govorun_scenario_manifest_same_script (const char *a,
                                       const char *b)
{
  g_autoptr(GovorunScenarioManifest) ma = NULL;
  g_autoptr(GovorunScenarioManifest) mb = NULL;

  if (a == NULL || b == NULL)
    return a == b;
  if (g_strcmp0 (govorun_scenario_manifest_body (a), govorun_scenario_manifest_body (b)) != 0)
    return FALSE;
  ma = govorun_scenario_manifest_parse (a, -1, NULL);
  mb = govorun_scenario_manifest_parse (b, -1, NULL);
  if (ma == NULL || mb == NULL)
    /* Without a (valid) manifest on both sides, only identical text matches. */
    return g_str_equal (a, b);
  return govorun_scenario_manifest_same_setup (ma, mb);
}
