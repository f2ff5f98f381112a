/* govorun-elevenlabs-emulator.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunElevenlabsEmulator"

#include "config.h"

#include "govorun-elevenlabs-emulator-private.h"

/*
 * The emulator follows reference/elevenlabs.md: §1.2 auth and scoped keys
 * (here, with the route table), §1.3 error bodies, §1.5 cursor pagination,
 * §2.1 agent models and §2.7 user and subscription (one
 * govorun-el-emu-<resource>.c each). Routes live in one table; all state
 * is per instance, behind a lock (seeding may happen while the server
 * runs).
 */

/* §1.2, quoted from the sources the reference cites. */
#define MSG_NEEDS_AUTHORIZATION "Neither authorization header nor xi-api-key received, please provide one."
#define MSG_INVALID_API_KEY     "Invalid API key"
#define MSG_MISSING_PERMISSION  "The API key you used is missing the permission %s to execute this operation."

/* Scopes a key may carry (§1.2). A full key has all of them. */
#define SCOPE_CONVAI_READ "convai_read"
#define SCOPE_USER_READ   "user_read"
/* UNVERIFIED: the scope name for agent changes; by analogy with
 * convai_read. Keys made with can_read_user FALSE lack it. */
#define SCOPE_CONVAI_WRITE "convai_write"

G_DEFINE_FINAL_TYPE (GovorunElevenlabsEmulator, govorun_elevenlabs_emulator, GOVORUN_TYPE_EMULATOR)

typedef void (*RouteHandler) (GovorunElevenlabsEmulator *self,
                              SoupServerMessage         *msg,
                              GHashTable                *params,
                              const char *const         *captures);

typedef struct
{
  const char   *http_method;
  const char   *pattern;   /* "{…}" segments match one non-empty segment */
  const char   *name;      /* method name for faults and counters */
  const char   *scope;     /* permission the key needs; NULL: no key at all */
  RouteHandler  handler;
} Route;

#define CAPTURES_KEY "govorun-elevenlabs-captures"

static void
emu_key_free (EmuKey *key)
{
  g_free (key->api_key);
  g_strfreev (key->scopes);
  g_free (key);
}

static void
emu_agent_free (EmuAgent *agent)
{
  g_free (agent->agent_id);
  g_free (agent->name);
  g_strfreev (agent->tags);
  g_clear_pointer (&agent->conversation_config, json_node_unref);
  g_clear_pointer (&agent->platform_settings, json_node_unref);
  g_free (agent);
}

char *
el_emu_random_alnum (guint length)
{
  static const char alphabet[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  char *out = g_new (char, length + 1);

  for (guint i = 0; i < length; i++)
    out[i] = alphabet[g_random_int_range (0, sizeof alphabet - 1)];
  out[length] = '\0';

  return out;
}

/* Routing */

/* Every endpoint the emulator serves. New endpoints (agent PATCH,
 * conversations, phone numbers, widget) are one line each. */
/* Cursors are opaque to clients (§1.5): base64 of a prefix naming the
 * list and a position in it. */
char *
el_emu_encode_cursor (const char *prefix,
                      gint64      position)
{
  g_autofree char *plain = g_strdup_printf ("%s%" G_GINT64_FORMAT, prefix, position);

  return g_base64_encode ((const guchar *) plain, strlen (plain));
}

gboolean
el_emu_decode_cursor (const char *prefix,
                      const char *cursor,
                      gint64     *position)
{
  g_autofree guchar *data = NULL;
  g_autofree char *plain = NULL;
  gsize len = 0;

  /* g_base64_decode does not validate; check the alphabet first. */
  for (const char *p = cursor; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=')
      return FALSE;

  data = g_base64_decode (cursor, &len);
  plain = g_strndup ((const char *) data, len);

  return g_str_has_prefix (plain, prefix) &&
         g_ascii_string_to_signed (plain + strlen (prefix), 10, 0, G_MAXINT64, position, NULL);
}

static const Route routes[] = {
  { "GET", "/v1/convai/agents", "GET /v1/convai/agents", SCOPE_CONVAI_READ, el_emu_handle_list_agents },
  { "GET", "/v1/convai/agents/{id}", "GET /v1/convai/agents/{id}", SCOPE_CONVAI_READ, el_emu_handle_get_agent },
  { "PATCH", "/v1/convai/agents/{id}", "PATCH /v1/convai/agents/{id}", SCOPE_CONVAI_WRITE, el_emu_handle_patch_agent },
  /* Public: the widget fetches it from the visitor's browser (§5). */
  { "GET", "/v1/convai/agents/{id}/widget", "GET /v1/convai/agents/{id}/widget", NULL, el_emu_handle_get_widget },
  { "GET", "/v1/convai/conversations", "GET /v1/convai/conversations", SCOPE_CONVAI_READ, el_emu_handle_list_conversations },
  { "GET", "/v1/convai/conversations/{id}", "GET /v1/convai/conversations/{id}", SCOPE_CONVAI_READ, el_emu_handle_get_conversation },
  { "GET", "/v1/convai/conversations/{id}/audio", "GET /v1/convai/conversations/{id}/audio", SCOPE_CONVAI_READ,
    el_emu_handle_get_conversation_audio },
  { "GET", "/v1/convai/conversation/get-signed-url", "GET /v1/convai/conversation/get-signed-url", SCOPE_CONVAI_READ,
    el_emu_handle_get_signed_url },
  /* The WebSocket's upgrade request: the signature (or a public agent)
   * stands for the key. */
  { "GET", "/v1/convai/conversation", "WS /v1/convai/conversation", NULL, el_emu_handle_conversation_upgrade },
  { "GET", "/v1/user", "GET /v1/user", SCOPE_USER_READ, el_emu_handle_get_user },
  { "GET", "/v1/user/subscription", "GET /v1/user/subscription", SCOPE_USER_READ, el_emu_handle_get_subscription },
};

/* Matches @path against @pattern; on success returns the "{…}"
 * segments (possibly none), else NULL. */
static GStrv
match_pattern (const char *pattern,
               const char *path)
{
  g_auto(GStrv) want = g_strsplit (pattern, "/", -1);
  g_auto(GStrv) have = g_strsplit (path, "/", -1);
  g_autoptr(GStrvBuilder) captures = g_strv_builder_new ();

  if (g_strv_length (want) != g_strv_length (have))
    return NULL;

  for (guint i = 0; want[i] != NULL; i++)
    {
      /* SoupServer has already decoded the path, so a captured segment is
       * used as is (an escaped "/" in an ID cannot be told apart). */
      if (want[i][0] == '{')
        {
          if (have[i][0] == '\0')
            return NULL;
          g_strv_builder_add (captures, have[i]);
        }
      else if (!g_str_equal (want[i], have[i]))
        {
          return NULL;
        }
    }

  return g_strv_builder_end (captures);
}

static const Route *
find_route_by_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    if (g_str_equal (routes[i].name, name))
      return &routes[i];

  return NULL;
}

static char *
govorun_elevenlabs_emulator_route (GovorunEmulator   *emulator,
                                   SoupServerMessage *msg,
                                   const char        *path,
                                   GHashTable        *params)
{
  GovorunElevenlabsEmulator *self = GOVORUN_ELEVENLABS_EMULATOR (emulator);
  GUri *uri = soup_server_message_get_uri (msg);
  const char *query = g_uri_get_query (uri);
  const char *method = soup_server_message_get_method (msg);

  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->request_uris,
                   g_strconcat (g_uri_get_path (uri), query != NULL ? "?" : "", query, NULL));
  g_mutex_unlock (&self->lock);

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      GStrv captures;

      if (!g_str_equal (routes[i].http_method, method))
        continue;

      captures = match_pattern (routes[i].pattern, path);
      if (captures != NULL)
        {
          g_object_set_data_full (G_OBJECT (msg), CAPTURES_KEY, captures, (GDestroyNotify) g_strfreev);
          return g_strdup (routes[i].name);
        }
    }

  return NULL;
}

static gboolean
key_has_scope (EmuKey     *key,
               const char *scope)
{
  return key->scopes == NULL || g_strv_contains ((const char * const *) key->scopes, scope);
}

static void
govorun_elevenlabs_emulator_handle (GovorunEmulator   *emulator,
                                    SoupServerMessage *msg,
                                    const char        *method,
                                    GHashTable        *params)
{
  GovorunElevenlabsEmulator *self = GOVORUN_ELEVENLABS_EMULATOR (emulator);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *const *captures = g_object_get_data (G_OBJECT (msg), CAPTURES_KEY);
  const Route *route = find_route_by_name (method);
  const char *api_key;
  EmuKey *key;

  g_return_if_fail (route != NULL);

  if (route->scope == NULL)
    {
      g_mutex_lock (&self->lock);
      route->handler (self, msg, params, captures);
      g_mutex_unlock (&self->lock);
      return;
    }

  /* §1.2: the key comes in xi-api-key; never in the query. */
  api_key = soup_message_headers_get_one (headers, "xi-api-key");
  if (api_key == NULL || *api_key == '\0')
    {
      el_emu_respond_detail (msg, SOUP_STATUS_UNAUTHORIZED, "needs_authorization", MSG_NEEDS_AUTHORIZATION);
      return;
    }

  g_mutex_lock (&self->lock);

  key = g_hash_table_lookup (self->keys, api_key);
  if (key == NULL)
    {
      el_emu_respond_detail (msg, SOUP_STATUS_UNAUTHORIZED, "invalid_api_key", MSG_INVALID_API_KEY);
    }
  else if (!key_has_scope (key, route->scope))
    {
      g_autofree char *text = g_strdup_printf (MSG_MISSING_PERMISSION, route->scope);
      el_emu_respond_detail (msg, SOUP_STATUS_UNAUTHORIZED, "missing_permissions", text);
    }
  else
    {
      route->handler (self, msg, params, captures);
    }

  g_mutex_unlock (&self->lock);
}

static void
govorun_elevenlabs_emulator_render_fault (GovorunEmulator    *emulator,
                                          SoupServerMessage  *msg,
                                          const char         *method,
                                          const GovorunFault *fault)
{
  /* ElevenLabs has no numeric error codes; a fault with only a provider
   * code is a plain 400. */
  guint status = fault->http_status != 0 ? fault->http_status : SOUP_STATUS_BAD_REQUEST;

  if (status == 429 /* Too Many Requests */)
    el_emu_respond_detail (msg, status, "system_busy",
                           "The system is experiencing heavy traffic, please try again later.");
  else if (status >= 500)
    el_emu_respond_detail (msg, status, STATUS_SERVER_ERROR,
                           "An internal server error occurred. Please try again later.");
  else if (status == SOUP_STATUS_UNAUTHORIZED)
    el_emu_respond_detail (msg, status, "invalid_api_key", MSG_INVALID_API_KEY);
  else if (status == SOUP_STATUS_FORBIDDEN)
    el_emu_respond_detail (msg, status, "only_for_creator+",
                           "This feature is only available for Creator tier and above.");
  else if (status == SOUP_STATUS_NOT_FOUND)
    el_emu_respond_detail (msg, status, STATUS_NOT_FOUND, "The requested resource was not found.");
  else if (status == SOUP_STATUS_UNPROCESSABLE_ENTITY)
    el_emu_respond_validation (msg, "fault", "value_error", "Value error, injected fault", "");
  else
    el_emu_respond_detail (msg, status, STATUS_OTHER_ERROR, "The request could not be processed.");
}

static void
govorun_elevenlabs_emulator_websocket (GovorunEmulator         *emulator,
                                       SoupServerMessage       *msg,
                                       const char              *path,
                                       SoupWebsocketConnection *connection)
{
  el_emu_live_start (GOVORUN_ELEVENLABS_EMULATOR (emulator), msg, connection);
}

/* GObject */

static void
govorun_elevenlabs_emulator_finalize (GObject *object)
{
  GovorunElevenlabsEmulator *self = (GovorunElevenlabsEmulator *) object;

  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->agents_by_id, g_hash_table_unref);
  g_clear_pointer (&self->agents, g_ptr_array_unref);
  g_clear_pointer (&self->request_uris, g_ptr_array_unref);
  g_clear_pointer (&self->last_agent_patch, g_free);
  g_clear_object (&self->history);
  el_emu_live_clear (self);
  g_free (self->subscription.tier);
  g_free (self->subscription.status);
  g_free (self->subscription.currency);
  g_free (self->user_id);
  g_free (self->last_patch_body);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (govorun_elevenlabs_emulator_parent_class)->finalize (object);
}

static void
govorun_elevenlabs_emulator_class_init (GovorunElevenlabsEmulatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GovorunEmulatorClass *emulator_class = GOVORUN_EMULATOR_CLASS (klass);

  object_class->finalize = govorun_elevenlabs_emulator_finalize;

  emulator_class->route = govorun_elevenlabs_emulator_route;
  emulator_class->handle = govorun_elevenlabs_emulator_handle;
  emulator_class->render_fault = govorun_elevenlabs_emulator_render_fault;
  emulator_class->websocket = govorun_elevenlabs_emulator_websocket;
}

static void
govorun_elevenlabs_emulator_init (GovorunElevenlabsEmulator *self)
{
  g_mutex_init (&self->lock);
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) emu_key_free);
  self->agents = g_ptr_array_new_with_free_func ((GDestroyNotify) emu_agent_free);
  self->agents_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->request_uris = g_ptr_array_new_with_free_func (g_free);
  el_emu_live_init (self);
  self->subscription.tier = g_strdup ("free");
  self->subscription.status = g_strdup ("active");
  self->subscription.currency = g_strdup ("usd");
  self->subscription.character_count = 0;
  self->subscription.character_limit = 10000;
  self->user_id = el_emu_random_alnum (28);
  self->user_created_at = g_get_real_time () / G_USEC_PER_SEC - 90 * 24 * 3600;
}

GovorunElevenlabsEmulator *
govorun_elevenlabs_emulator_new (void)
{
  return g_object_new (GOVORUN_TYPE_ELEVENLABS_EMULATOR, NULL);
}

/**
 * govorun_elevenlabs_emulator_add_key:
 * @can_read_user: %FALSE for a key scoped to convai_read only
 */
void
govorun_elevenlabs_emulator_add_key (GovorunElevenlabsEmulator *self,
                                     const char                *api_key,
                                     gboolean                   can_read_user)
{
  EmuKey *key;

  g_return_if_fail (GOVORUN_IS_ELEVENLABS_EMULATOR (self));
  g_return_if_fail (api_key != NULL && *api_key != '\0');

  key = g_new0 (EmuKey, 1);
  key->api_key = g_strdup (api_key);
  if (!can_read_user)
    {
      const char *scopes[] = { SCOPE_CONVAI_READ, NULL };
      key->scopes = g_strdupv ((GStrv) scopes);
    }

  g_mutex_lock (&self->lock);
  g_hash_table_replace (self->keys, key->api_key, key);
  g_mutex_unlock (&self->lock);
}

/* A key restricted to @scopes ("convai_read", "user_read", …): a key
 * made for other products lacks convai_read. */
void
govorun_elevenlabs_emulator_add_key_with_scopes (GovorunElevenlabsEmulator *self,
                                                 const char                *api_key,
                                                 const char * const        *scopes)
{
  EmuKey *key;

  g_return_if_fail (GOVORUN_IS_ELEVENLABS_EMULATOR (self));
  g_return_if_fail (api_key != NULL && *api_key != '\0');

  key = g_new0 (EmuKey, 1);
  key->api_key = g_strdup (api_key);
  key->scopes = g_strdupv ((GStrv) scopes);

  g_mutex_lock (&self->lock);
  g_hash_table_replace (self->keys, key->api_key, key);
  g_mutex_unlock (&self->lock);
}

/**
 * govorun_elevenlabs_emulator_dup_request_uris:
 *
 * Returns: (transfer full): path and query of every request, oldest first
 */
GStrv
govorun_elevenlabs_emulator_dup_request_uris (GovorunElevenlabsEmulator *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_EMULATOR (self), NULL);

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->request_uris->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->request_uris, i));
  g_mutex_unlock (&self->lock);

  return g_strv_builder_end (builder);
}
