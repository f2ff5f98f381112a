/* govorun-elevenlabs-widget.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunElevenlabsClient"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "govorun-elevenlabs-client-private.h"
#include "govorun-elevenlabs-json-private.h"
#include "govorun-elevenlabs-widget-private.h"
#include "govorun-widget-choices.h"

/* An agent's widget settings: reference/elevenlabs.md §2.1
 * (platform_settings.auth, .widget, .overrides) and §5. */

/* Bounds for outside input: an allowlist longer than this is not a list a
 * person manages by hand, and a longer hostname is not a hostname. */
#define MAX_ALLOWLIST 1000
#define MAX_HOSTNAME  253

GovorunElevenlabsWidgetSettings *
govorun_elevenlabs_widget_settings_copy (const GovorunElevenlabsWidgetSettings *settings)
{
  GovorunElevenlabsWidgetSettings *copy;

  g_return_val_if_fail (settings != NULL, NULL);

  copy = g_new0 (GovorunElevenlabsWidgetSettings, 1);
  copy->agent_id = g_strdup (settings->agent_id);
  copy->language = g_strdup (settings->language);
  copy->dynamic_variable_names = g_strdupv (settings->dynamic_variable_names);
  copy->variant = g_strdup (settings->variant);
  copy->placement = g_strdup (settings->placement);
  copy->avatar_type = g_strdup (settings->avatar_type);
  copy->avatar_color_1 = g_strdup (settings->avatar_color_1);
  copy->avatar_color_2 = g_strdup (settings->avatar_color_2);
  copy->avatar_url = g_strdup (settings->avatar_url);
  copy->bg_color = g_strdup (settings->bg_color);
  copy->text_color = g_strdup (settings->text_color);
  copy->btn_color = g_strdup (settings->btn_color);
  copy->btn_text_color = g_strdup (settings->btn_text_color);
  copy->enable_auth = settings->enable_auth;
  copy->allowlist = g_strdupv (settings->allowlist);
  copy->language_override_allowed = settings->language_override_allowed;

  return copy;
}

void
govorun_elevenlabs_widget_settings_free (GovorunElevenlabsWidgetSettings *settings)
{
  if (settings == NULL)
    return;

  g_free (settings->agent_id);
  g_free (settings->language);
  g_strfreev (settings->dynamic_variable_names);
  g_free (settings->variant);
  g_free (settings->placement);
  g_free (settings->avatar_type);
  g_free (settings->avatar_color_1);
  g_free (settings->avatar_color_2);
  g_free (settings->avatar_url);
  g_free (settings->bg_color);
  g_free (settings->text_color);
  g_free (settings->btn_color);
  g_free (settings->btn_text_color);
  g_strfreev (settings->allowlist);
  g_free (settings);
}

G_DEFINE_BOXED_TYPE (GovorunElevenlabsWidgetSettings, govorun_elevenlabs_widget_settings,
                     govorun_elevenlabs_widget_settings_copy, govorun_elevenlabs_widget_settings_free)

/* Parsing */

/* Colours are shown only; a value that is not #rrggbb keeps the default. */
static gboolean
read_color (JsonObject  *object,
            const char  *prefix,
            const char  *name,
            char       **out,
            GError     **error)
{
  g_autofree char *value = NULL;

  if (!govorun_elevenlabs_json_read_string (object, prefix, name, FIELD_LENIENT | FIELD_NULLABLE, &value, error))
    return FALSE;

  if (govorun_widget_color_is_valid (value))
    {
      g_free (*out);
      *out = g_ascii_strdown (value, -1);
    }

  return TRUE;
}

static gboolean
parse_widget (JsonObject                       *widget,
              GovorunElevenlabsWidgetSettings  *settings,
              GError                          **error)
{
  const char *prefix = "platform_settings.widget";
  JsonObject *avatar = NULL;
  g_autofree char *variant = NULL;
  g_autofree char *placement = NULL;

  if (!govorun_elevenlabs_json_read_string (widget, prefix, "variant", FIELD_LENIENT | FIELD_NULLABLE, &variant, error)
      || !govorun_elevenlabs_json_read_string (widget, prefix, "placement", FIELD_LENIENT | FIELD_NULLABLE, &placement, error)
      || !govorun_elevenlabs_json_read_object (widget, prefix, "avatar", FIELD_LENIENT | FIELD_NULLABLE, &avatar, error)
      || !read_color (widget, prefix, "bg_color", &settings->bg_color, error)
      || !read_color (widget, prefix, "text_color", &settings->text_color, error)
      || !read_color (widget, prefix, "btn_color", &settings->btn_color, error)
      || !read_color (widget, prefix, "btn_text_color", &settings->btn_text_color, error))
    return FALSE;

  /* Enums: known values only, so a newer one cannot reach a flow. */
  if (variant != NULL && g_strv_contains ((const char * const[]) { "tiny", "compact", "full", "expandable", NULL }, variant))
    {
      g_free (settings->variant);
      settings->variant = g_steal_pointer (&variant);
    }
  if (placement != NULL
      && g_strv_contains ((const char * const[]) { "top-left", "top", "top-right", "bottom-left", "bottom",
                                                   "bottom-right", NULL }, placement))
    {
      g_free (settings->placement);
      settings->placement = g_steal_pointer (&placement);
    }

  if (avatar != NULL)
    {
      const char *avatar_prefix = "platform_settings.widget.avatar";
      g_autofree char *type = NULL;

      if (!govorun_elevenlabs_json_read_string (avatar, avatar_prefix, "type", FIELD_LENIENT | FIELD_NULLABLE, &type, error))
        return FALSE;

      /* The avatar is discriminated on type (§5). */
      if (g_strcmp0 (type, "orb") == 0)
        {
          if (!read_color (avatar, avatar_prefix, "color_1", &settings->avatar_color_1, error)
              || !read_color (avatar, avatar_prefix, "color_2", &settings->avatar_color_2, error))
            return FALSE;
        }
      else if (g_strcmp0 (type, "url") == 0 || g_strcmp0 (type, "image") == 0)
        {
          if (!govorun_elevenlabs_json_read_string (avatar, avatar_prefix, g_str_equal (type, "url") ? "custom_url" : "url",
                                                    FIELD_LENIENT | FIELD_NULLABLE, &settings->avatar_url, error))
            return FALSE;
          g_free (settings->avatar_type);
          settings->avatar_type = g_steal_pointer (&type);
        }
    }

  return TRUE;
}

/* The flows decide on these: a mistyped value is an error, not a default. */
static gboolean
parse_auth (JsonObject                       *auth,
            GovorunElevenlabsWidgetSettings  *settings,
            GError                          **error)
{
  const char *prefix = "platform_settings.auth";
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *allowlist = NULL;

  if (!govorun_elevenlabs_json_read_boolean (auth, prefix, "enable_auth", FIELD_NULLABLE, &settings->enable_auth, error)
      || !govorun_elevenlabs_json_read_array (auth, prefix, "allowlist", FIELD_NULLABLE, &allowlist, error))
    return FALSE;

  if (allowlist == NULL)
    return TRUE;

  if (json_array_get_length (allowlist) > MAX_ALLOWLIST)
    return govorun_elevenlabs_json_bad_field (error, "platform_settings.auth.allowlist");

  for (guint i = 0; i < json_array_get_length (allowlist); i++)
    {
      g_autofree char *item = g_strdup_printf ("platform_settings.auth.allowlist[%u]", i);
      JsonNode *node = json_array_get_element (allowlist, i);
      g_autofree char *hostname = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return govorun_elevenlabs_json_bad_field (error, item);
      if (!govorun_elevenlabs_json_read_string (json_node_get_object (node), item, "hostname", FIELD_REQUIRED,
                                                &hostname, error))
        return FALSE;
      if (*hostname == '\0' || strlen (hostname) > MAX_HOSTNAME || !g_utf8_validate (hostname, -1, NULL))
        {
          g_autofree char *field = g_strconcat (item, ".hostname", NULL);
          return govorun_elevenlabs_json_bad_field (error, field);
        }
      g_strv_builder_add (builder, hostname);
    }

  g_strfreev (settings->allowlist);
  settings->allowlist = g_strv_builder_end (builder);

  return TRUE;
}

static gboolean
parse_overrides (JsonObject                       *overrides,
                 GovorunElevenlabsWidgetSettings  *settings,
                 GError                          **error)
{
  JsonObject *config = NULL;
  JsonObject *agent = NULL;

  if (!govorun_elevenlabs_json_read_object (overrides, "platform_settings.overrides", "conversation_config_override",
                                            FIELD_NULLABLE, &config, error))
    return FALSE;
  if (config != NULL
      && !govorun_elevenlabs_json_read_object (config, "platform_settings.overrides.conversation_config_override",
                                               "agent", FIELD_NULLABLE, &agent, error))
    return FALSE;

  return agent == NULL
         || govorun_elevenlabs_json_read_boolean (agent, "platform_settings.overrides.conversation_config_override.agent",
                                                  "language", FIELD_NULLABLE, &settings->language_override_allowed,
                                                  error);
}

/* GetAgentResponseModel: agent_id*, conversation_config*; the rest
 * optional with the [OAS] defaults. */
GovorunElevenlabsWidgetSettings *
_govorun_elevenlabs_parse_widget_settings (JsonNode  *root,
                                           GError   **error)
{
  g_autoptr(GovorunElevenlabsWidgetSettings) settings = g_new0 (GovorunElevenlabsWidgetSettings, 1);
  g_autoptr(GovorunElevenlabsAgent) agent = NULL;
  JsonObject *object;
  JsonObject *platform = NULL;
  JsonObject *widget = NULL;
  JsonObject *auth = NULL;
  JsonObject *overrides = NULL;

  /* The agent's own fields are read by the agent parser. */
  if ((agent = _govorun_elevenlabs_parse_agent (root, error)) == NULL)
    return NULL;
  object = json_node_get_object (root);

  settings->agent_id = g_steal_pointer (&agent->agent_id);
  settings->language = g_steal_pointer (&agent->language);
  settings->dynamic_variable_names = g_steal_pointer (&agent->dynamic_variable_names);
  settings->variant = g_strdup ("full");
  settings->placement = g_strdup ("bottom-right");
  settings->avatar_type = g_strdup ("orb");
  settings->avatar_color_1 = g_strdup ("#2792dc");
  settings->avatar_color_2 = g_strdup ("#9ce6e6");
  settings->bg_color = g_strdup ("#ffffff");
  settings->text_color = g_strdup ("#000000");
  settings->btn_color = g_strdup ("#000000");
  settings->btn_text_color = g_strdup ("#ffffff");
  settings->allowlist = g_new0 (char *, 1);

  if (!govorun_elevenlabs_json_read_object (object, NULL, "platform_settings", FIELD_NULLABLE, &platform, error))
    return NULL;
  if (platform == NULL)
    return g_steal_pointer (&settings);

  if (!govorun_elevenlabs_json_read_object (platform, "platform_settings", "widget", FIELD_NULLABLE, &widget, error)
      || !govorun_elevenlabs_json_read_object (platform, "platform_settings", "auth", FIELD_NULLABLE, &auth, error)
      || !govorun_elevenlabs_json_read_object (platform, "platform_settings", "overrides", FIELD_NULLABLE, &overrides, error)
      || (widget != NULL && !parse_widget (widget, settings, error))
      || (auth != NULL && !parse_auth (auth, settings, error))
      || (overrides != NULL && !parse_overrides (overrides, settings, error)))
    return NULL;

  return g_steal_pointer (&settings);
}

/* Requests */

static char *
agent_path (const char *agent_id)
{
  g_autofree char *escaped = g_uri_escape_string (agent_id, NULL, FALSE);

  return g_strconcat ("/v1/convai/agents/", escaped, NULL);
}

static void
on_settings (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  _govorun_elevenlabs_client_return_parsed (GOVORUN_ELEVENLABS_CLIENT (source), result, task,
                                            (GovorunElevenlabsParseFunc) _govorun_elevenlabs_parse_widget_settings,
                                            (GDestroyNotify) govorun_elevenlabs_widget_settings_free);
}

void
govorun_elevenlabs_client_get_widget_settings_async (GovorunElevenlabsClient *self,
                                                     const char              *agent_id,
                                                     GCancellable            *cancellable,
                                                     GAsyncReadyCallback      callback,
                                                     gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self));
  g_return_if_fail (agent_id != NULL && *agent_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_elevenlabs_client_get_widget_settings_async);

  path = agent_path (agent_id);
  _govorun_elevenlabs_client_request_json_async (self, "GET", path, NULL, GOVORUN_HTTP_FLAGS_IDEMPOTENT,
                                                 cancellable, on_settings, g_steal_pointer (&task));
}

/**
 * govorun_elevenlabs_client_get_widget_settings_finish:
 *
 * Returns: (transfer full): the settings, or %NULL with @error set
 */
GovorunElevenlabsWidgetSettings *
govorun_elevenlabs_client_get_widget_settings_finish (GovorunElevenlabsClient  *self,
                                                      GAsyncResult             *result,
                                                      GError                  **error)
{
  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        govorun_elevenlabs_client_get_widget_settings_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A PATCH answers with the whole agent; the caller re-reads rather than
 * trusting it, so only the status matters here. */
static void
on_patched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) root = NULL;
  GError *error = NULL;

  root = _govorun_elevenlabs_client_request_json_finish (GOVORUN_ELEVENLABS_CLIENT (source), result, &error);
  if (root == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
patch (GovorunElevenlabsClient *self,
       GTask                   *task,
       const char              *agent_id,
       JsonBuilder             *builder)
{
  g_autoptr(JsonNode) body = json_builder_get_root (builder);
  g_autofree char *path = agent_path (agent_id);

  /* Setting fields to fixed values is idempotent: repeating it after a
   * lost answer changes nothing more, so the transport may retry. */
  _govorun_elevenlabs_client_request_json_async (self, "PATCH", path, body, GOVORUN_HTTP_FLAGS_IDEMPOTENT,
                                                 g_task_get_cancellable (task), on_patched, task);
}

static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

void
govorun_elevenlabs_client_update_widget_colors_async (GovorunElevenlabsClient             *self,
                                                      const char                          *agent_id,
                                                      const GovorunElevenlabsWidgetColors *colors,
                                                      GCancellable                        *cancellable,
                                                      GAsyncReadyCallback                  callback,
                                                      gpointer                             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  const char *all[] = { colors->avatar_color_1, colors->avatar_color_2, colors->bg_color,
                        colors->text_color, colors->btn_color, colors->btn_text_color };

  g_return_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self));
  g_return_if_fail (agent_id != NULL && *agent_id != '\0');
  g_return_if_fail (colors != NULL);
  g_return_if_fail ((colors->avatar_color_1 == NULL) == (colors->avatar_color_2 == NULL));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_elevenlabs_client_update_widget_colors_async);

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (all[i] != NULL && !govorun_widget_color_is_valid (all[i]))
      {
        g_task_return_new_error (task, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_VALIDATION,
                                 /* Translators: %s is what was given as a colour */
                                 _("“%s” is not a colour ElevenLabs accepts. Use the form #rrggbb, for example #1a73e8."),
                                 all[i]);
        return;
      }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "platform_settings");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "widget");
  json_builder_begin_object (builder);
  if (colors->avatar_color_1 != NULL)
    {
      json_builder_set_member_name (builder, "avatar");
      json_builder_begin_object (builder);
      add_member (builder, "type", "orb");
      add_member (builder, "color_1", colors->avatar_color_1);
      add_member (builder, "color_2", colors->avatar_color_2);
      json_builder_end_object (builder);
    }
  add_member (builder, "bg_color", colors->bg_color);
  add_member (builder, "text_color", colors->text_color);
  add_member (builder, "btn_color", colors->btn_color);
  add_member (builder, "btn_text_color", colors->btn_text_color);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  patch (self, g_steal_pointer (&task), agent_id, builder);
}

gboolean
govorun_elevenlabs_client_update_widget_colors_finish (GovorunElevenlabsClient  *self,
                                                       GAsyncResult             *result,
                                                       GError                  **error)
{
  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        govorun_elevenlabs_client_update_widget_colors_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
govorun_elevenlabs_client_set_allowlist_async (GovorunElevenlabsClient *self,
                                               const char              *agent_id,
                                               const char * const      *hostnames,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self));
  g_return_if_fail (agent_id != NULL && *agent_id != '\0');
  g_return_if_fail (hostnames != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_elevenlabs_client_set_allowlist_async);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "platform_settings");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "auth");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "allowlist");
  json_builder_begin_array (builder);
  for (guint i = 0; hostnames[i] != NULL; i++)
    {
      json_builder_begin_object (builder);
      add_member (builder, "hostname", hostnames[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  patch (self, g_steal_pointer (&task), agent_id, builder);
}

gboolean
govorun_elevenlabs_client_set_allowlist_finish (GovorunElevenlabsClient  *self,
                                                GAsyncResult             *result,
                                                GError                  **error)
{
  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_elevenlabs_client_set_allowlist_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
