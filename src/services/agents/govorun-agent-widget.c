/* govorun-agent-widget.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAgentWidget"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "govorun-agent-widget.h"
#include "govorun-client-factory.h"
#include "govorun-elevenlabs-widget.h"
#include "govorun-widget-snippet.h"

struct _GovorunAgentWidget
{
  GObject               parent_instance;

  GovorunClientFactory *factory;
};

G_DEFINE_FINAL_TYPE (GovorunAgentWidget, govorun_agent_widget, G_TYPE_OBJECT)

G_DEFINE_QUARK (govorun-agent-widget-error-quark, govorun_agent_widget_error)

static void
govorun_agent_widget_dispose (GObject *object)
{
  GovorunAgentWidget *self = GOVORUN_AGENT_WIDGET (object);

  g_clear_object (&self->factory);

  G_OBJECT_CLASS (govorun_agent_widget_parent_class)->dispose (object);
}

static void
govorun_agent_widget_class_init (GovorunAgentWidgetClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = govorun_agent_widget_dispose;
}

static void
govorun_agent_widget_init (GovorunAgentWidget *self)
{
}

GovorunAgentWidget *
govorun_agent_widget_new (GovorunClientFactory *factory)
{
  GovorunAgentWidget *self;

  g_return_val_if_fail (GOVORUN_IS_CLIENT_FACTORY (factory), NULL);

  self = g_object_new (GOVORUN_TYPE_AGENT_WIDGET, NULL);
  self->factory = g_object_ref (factory);

  return self;
}

/* Errors */

static GovorunAgentWidgetError
code_for (const GError *error)
{
  if (error->domain == GOVORUN_HTTP_ERROR)
    return GOVORUN_AGENT_WIDGET_ERROR_UNAVAILABLE;
  if (error->domain != GOVORUN_ELEVENLABS_ERROR)
    return GOVORUN_AGENT_WIDGET_ERROR_FAILED;

  switch ((GovorunElevenlabsError) error->code)
    {
    case GOVORUN_ELEVENLABS_ERROR_NOT_FOUND:
      return GOVORUN_AGENT_WIDGET_ERROR_NOT_FOUND;
    case GOVORUN_ELEVENLABS_ERROR_INVALID_API_KEY:
    case GOVORUN_ELEVENLABS_ERROR_NEEDS_AUTHORIZATION:
    case GOVORUN_ELEVENLABS_ERROR_MISSING_PERMISSIONS:
    case GOVORUN_ELEVENLABS_ERROR_FORBIDDEN:
      return GOVORUN_AGENT_WIDGET_ERROR_ACCESS_DENIED;
    case GOVORUN_ELEVENLABS_ERROR_VALIDATION:
      return GOVORUN_AGENT_WIDGET_ERROR_INVALID_VALUE;
    case GOVORUN_ELEVENLABS_ERROR_QUOTA_EXCEEDED:
    case GOVORUN_ELEVENLABS_ERROR_RATE_LIMITED:
    case GOVORUN_ELEVENLABS_ERROR_SERVER:
      return GOVORUN_AGENT_WIDGET_ERROR_UNAVAILABLE;
    case GOVORUN_ELEVENLABS_ERROR_BAD_RESPONSE:
    case GOVORUN_ELEVENLABS_ERROR_FAILED:
    default:
      return GOVORUN_AGENT_WIDGET_ERROR_FAILED;
    }
}

/* A refusal leaves the agent as it was; after anything else (a lost or
 * unreadable answer, a server error) the change may have been made, so
 * the agent is read again to find out. */
static gboolean
surely_refused (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return TRUE;
  if (error->domain != GOVORUN_ELEVENLABS_ERROR)
    return FALSE;

  return error->code != GOVORUN_ELEVENLABS_ERROR_SERVER
         && error->code != GOVORUN_ELEVENLABS_ERROR_BAD_RESPONSE
         && error->code != GOVORUN_ELEVENLABS_ERROR_FAILED;
}

/* The provider's sentence (translated, with its status) under our domain;
 * a cancellation stays G_IO_ERROR_CANCELLED. Takes @error. */
static void
return_error (GTask                   *task,
              GError                  *error,
              GovorunAgentWidgetError  code)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_new_error (task, GOVORUN_AGENT_WIDGET_ERROR, code, "%s", error->message);
  g_error_free (error);
}

/* Results */

static GovorunWidgetState *
state_from_settings (const GovorunElevenlabsWidgetSettings *settings)
{
  GovorunWidgetState *state = govorun_widget_state_new ();

  g_free (state->language);
  g_strfreev (state->dynamic_variable_names);
  g_strfreev (state->allowlist);

  state->agent_id = g_strdup (settings->agent_id);
  state->language = g_strdup (settings->language);
  state->dynamic_variable_names = g_strdupv (settings->dynamic_variable_names);
  /* "tiny" has no place among the three Govorun offers: it shows as full. */
  if (!govorun_widget_variant_from_string (settings->variant, &state->variant))
    state->variant = GOVORUN_WIDGET_VARIANT_FULL;
  if (!govorun_widget_placement_from_string (settings->placement, &state->placement))
    state->placement = GOVORUN_WIDGET_PLACEMENT_BOTTOM_RIGHT;
  state->colors[GOVORUN_WIDGET_COLOR_ORB_1] = g_strdup (settings->avatar_color_1);
  state->colors[GOVORUN_WIDGET_COLOR_ORB_2] = g_strdup (settings->avatar_color_2);
  state->colors[GOVORUN_WIDGET_COLOR_BACKGROUND] = g_strdup (settings->bg_color);
  state->colors[GOVORUN_WIDGET_COLOR_TEXT] = g_strdup (settings->text_color);
  state->colors[GOVORUN_WIDGET_COLOR_BUTTON] = g_strdup (settings->btn_color);
  state->colors[GOVORUN_WIDGET_COLOR_BUTTON_TEXT] = g_strdup (settings->btn_text_color);
  if (g_strcmp0 (settings->avatar_type, "orb") != 0)
    state->avatar_url = g_strdup (settings->avatar_url);
  state->auth_required = settings->enable_auth;
  state->allowlist = g_strdupv (settings->allowlist);
  state->language_override_allowed = settings->language_override_allowed;

  return state;
}

/* Requests */

typedef enum
{
  REQUEST_LOAD,
  REQUEST_ADD_SITE,
  REQUEST_SAVE_COLORS,
} RequestKind;

typedef struct
{
  RequestKind               kind;
  char                     *agent_id;
  char                     *host;                            /* ADD_SITE */
  char                     *colors[GOVORUN_WIDGET_N_COLORS]; /* SAVE_COLORS: NULL = unchanged */
  GovorunElevenlabsClient  *client;
  gboolean                  patched;                         /* the PATCH was sent */
  GError                   *patch_error;                     /* its failure, if any */
} Request;

static void
request_free (Request *request)
{
  g_free (request->agent_id);
  g_free (request->host);
  for (guint i = 0; i < GOVORUN_WIDGET_N_COLORS; i++)
    g_free (request->colors[i]);
  g_clear_object (&request->client);
  g_clear_error (&request->patch_error);
  g_free (request);
}

/* Whether the agent as read shows the request's change. */
static gboolean
change_shown (Request                               *request,
              const GovorunElevenlabsWidgetSettings *settings)
{
  const char *have[GOVORUN_WIDGET_N_COLORS] = {
    settings->avatar_color_1, settings->avatar_color_2, settings->bg_color,
    settings->text_color, settings->btn_color, settings->btn_text_color,
  };

  if (request->kind == REQUEST_ADD_SITE)
    {
      for (guint i = 0; settings->allowlist[i] != NULL; i++)
        if (g_ascii_strcasecmp (settings->allowlist[i], request->host) == 0)
          return TRUE;
      return FALSE;
    }

  for (guint i = 0; i < GOVORUN_WIDGET_N_COLORS; i++)
    if (request->colors[i] != NULL && g_ascii_strcasecmp (request->colors[i], have[i]) != 0)
      return FALSE;

  return TRUE;
}

static void send_patch (GTask                                 *task,
                        const GovorunElevenlabsWidgetSettings *settings);

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GovorunElevenlabsWidgetSettings) settings = NULL;
  Request *request = g_task_get_task_data (task);
  GError *error = NULL;

  settings = govorun_elevenlabs_client_get_widget_settings_finish (GOVORUN_ELEVENLABS_CLIENT (source), result, &error);
  if (settings == NULL)
    {
      /* After a PATCH, its own failure says more than the re-read's. */
      if (request->patch_error != NULL)
        {
          g_clear_error (&error);
          error = g_steal_pointer (&request->patch_error);
        }
      return_error (task, error, code_for (error));
      return;
    }

  if (request->kind == REQUEST_LOAD || change_shown (request, settings))
    {
      g_task_return_pointer (task, state_from_settings (settings), (GDestroyNotify) govorun_widget_state_free);
      return;
    }

  if (!request->patched)
    {
      send_patch (g_steal_pointer (&task), settings);
      return;
    }

  if (request->patch_error != NULL)
    {
      error = g_steal_pointer (&request->patch_error);
      return_error (task, error, code_for (error));
      return;
    }

  g_task_return_new_error (task, GOVORUN_AGENT_WIDGET_ERROR, GOVORUN_AGENT_WIDGET_ERROR_FAILED,
                           _("ElevenLabs accepted the change, but the agent does not show it yet. Open the agent again in a minute to check."));
}

static void
read_agent (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  govorun_elevenlabs_client_get_widget_settings_async (request->client, request->agent_id,
                                                       g_task_get_cancellable (task), on_read, task);
}

static void
on_patched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  GovorunElevenlabsClient *client = GOVORUN_ELEVENLABS_CLIENT (source);
  GError *error = NULL;
  gboolean ok;

  if (request->kind == REQUEST_ADD_SITE)
    ok = govorun_elevenlabs_client_set_allowlist_finish (client, result, &error);
  else
    ok = govorun_elevenlabs_client_update_widget_colors_finish (client, result, &error);

  if (!ok && surely_refused (error))
    {
      return_error (task, error, code_for (error));
      return;
    }

  request->patch_error = error;
  read_agent (g_steal_pointer (&task));
}

static void
send_patch (GTask                                 *task,
            const GovorunElevenlabsWidgetSettings *settings)
{
  Request *request = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  request->patched = TRUE;

  if (request->kind == REQUEST_ADD_SITE)
    {
      /* The list as it is now, so a host added elsewhere meanwhile stays. */
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) hostnames = NULL;

      g_strv_builder_addv (builder, (const char **) settings->allowlist);
      g_strv_builder_add (builder, request->host);
      hostnames = g_strv_builder_end (builder);
      govorun_elevenlabs_client_set_allowlist_async (request->client, request->agent_id,
                                                     (const char * const *) hostnames, cancellable,
                                                     on_patched, task);
    }
  else
    {
      GovorunElevenlabsWidgetColors colors = {
        .avatar_color_1 = request->colors[GOVORUN_WIDGET_COLOR_ORB_1],
        .avatar_color_2 = request->colors[GOVORUN_WIDGET_COLOR_ORB_2],
        .bg_color = request->colors[GOVORUN_WIDGET_COLOR_BACKGROUND],
        .text_color = request->colors[GOVORUN_WIDGET_COLOR_TEXT],
        .btn_color = request->colors[GOVORUN_WIDGET_COLOR_BUTTON],
        .btn_text_color = request->colors[GOVORUN_WIDGET_COLOR_BUTTON_TEXT],
      };

      govorun_elevenlabs_client_update_widget_colors_async (request->client, request->agent_id, &colors,
                                                            cancellable, on_patched, task);
    }
}

static void
on_client (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  GError *error = NULL;

  request->client = govorun_client_factory_elevenlabs_finish (GOVORUN_CLIENT_FACTORY (source), result, &error);
  if (request->client == NULL)
    {
      return_error (task, error, GOVORUN_AGENT_WIDGET_ERROR_SECRET_UNAVAILABLE);
      return;
    }

  /* Every request reads the agent first: a change is made against the
   * agent as it is now, and one already made is not made twice. */
  read_agent (g_steal_pointer (&task));
}

static void
start (GovorunAgentWidget  *self,
       GovorunAccount      *account,
       Request             *request,
       gpointer             source_tag,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  govorun_client_factory_elevenlabs_async (self->factory, account, NULL, cancellable, on_client, task);
}

static GovorunWidgetState *
finish (GovorunAgentWidget  *self,
        GAsyncResult        *result,
        gpointer             source_tag,
        GError             **error)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT_WIDGET (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static Request *
request_new (RequestKind  kind,
             const char  *agent_id)
{
  Request *request = g_new0 (Request, 1);

  request->kind = kind;
  request->agent_id = g_strdup (agent_id);

  return request;
}

#define CHECK_ARGS(self, account, cancellable) G_STMT_START { \
  g_return_if_fail (GOVORUN_IS_AGENT_WIDGET (self)); \
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account)); \
  g_return_if_fail (govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_ELEVENLABS); \
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable)); \
} G_STMT_END

void
govorun_agent_widget_load_async (GovorunAgentWidget  *self,
                                 GovorunAccount      *account,
                                 const char          *agent_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  CHECK_ARGS (self, account, cancellable);
  g_return_if_fail (agent_id != NULL && *agent_id != '\0');

  start (self, account, request_new (REQUEST_LOAD, agent_id), govorun_agent_widget_load_async,
         cancellable, callback, user_data);
}

/**
 * govorun_agent_widget_load_finish:
 *
 * Returns: (transfer full): the agent's widget state, or %NULL with @error set
 */
GovorunWidgetState *
govorun_agent_widget_load_finish (GovorunAgentWidget  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  return finish (self, result, govorun_agent_widget_load_async, error);
}

void
govorun_agent_widget_add_site_async (GovorunAgentWidget  *self,
                                     GovorunAccount      *account,
                                     const char          *agent_id,
                                     const char          *site,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *host = NULL;
  Request *request;

  CHECK_ARGS (self, account, cancellable);
  g_return_if_fail (agent_id != NULL && *agent_id != '\0');

  host = govorun_agent_widget_site_host (site);
  if (host == NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (task, govorun_agent_widget_add_site_async);
      g_task_return_new_error (task, GOVORUN_AGENT_WIDGET_ERROR, GOVORUN_AGENT_WIDGET_ERROR_INVALID_SITE,
                               _("This is not a website address. Type the address of the site, for example example.com."));
      return;
    }

  request = request_new (REQUEST_ADD_SITE, agent_id);
  request->host = g_steal_pointer (&host);
  start (self, account, request, govorun_agent_widget_add_site_async, cancellable, callback, user_data);
}

/**
 * govorun_agent_widget_add_site_finish:
 *
 * Returns: (transfer full): the agent's widget state as read after the
 *   change, or %NULL with @error set
 */
GovorunWidgetState *
govorun_agent_widget_add_site_finish (GovorunAgentWidget  *self,
                                      GAsyncResult        *result,
                                      GError             **error)
{
  return finish (self, result, govorun_agent_widget_add_site_async, error);
}

/* The colours @choices changes; NULL where it keeps the agent's. */
static void
changed_colors (GovorunWidgetState   *state,
                GovorunWidgetChoices *choices,
                const char          **out)
{
  gboolean orb = govorun_widget_choices_get_avatar_url (choices) == NULL;

  for (guint i = 0; i < GOVORUN_WIDGET_N_COLORS; i++)
    {
      const char *want = govorun_widget_choices_get_color (choices, i);

      out[i] = g_ascii_strcasecmp (want, state->colors[i] != NULL ? state->colors[i] : "") != 0 ? want : NULL;
    }

  /* The avatar object is replaced whole: both orb colours or neither. */
  if (!orb)
    {
      out[GOVORUN_WIDGET_COLOR_ORB_1] = NULL;
      out[GOVORUN_WIDGET_COLOR_ORB_2] = NULL;
    }
  else if (out[GOVORUN_WIDGET_COLOR_ORB_1] != NULL || out[GOVORUN_WIDGET_COLOR_ORB_2] != NULL)
    {
      out[GOVORUN_WIDGET_COLOR_ORB_1] = govorun_widget_choices_get_color (choices, GOVORUN_WIDGET_COLOR_ORB_1);
      out[GOVORUN_WIDGET_COLOR_ORB_2] = govorun_widget_choices_get_color (choices, GOVORUN_WIDGET_COLOR_ORB_2);
    }
}

/**
 * govorun_agent_widget_list_color_changes:
 *
 * Returns: (transfer full): one line per colour that changes
 */
GStrv
govorun_agent_widget_list_color_changes (GovorunWidgetState   *state,
                                         GovorunWidgetChoices *choices)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *colors[GOVORUN_WIDGET_N_COLORS];

  g_return_val_if_fail (state != NULL, NULL);
  g_return_val_if_fail (GOVORUN_IS_WIDGET_CHOICES (choices), NULL);

  changed_colors (state, choices, colors);
  for (guint i = 0; i < GOVORUN_WIDGET_N_COLORS; i++)
    {
      g_autofree char *line = NULL;

      if (colors[i] == NULL || g_strcmp0 (colors[i], state->colors[i]) == 0)
        continue;
      /* Translators: a colour's name, its colour now and the new one, e.g. "Button: #000000 → #1a73e8" */
      line = g_strdup_printf (_("%s: %s → %s"), govorun_widget_color_get_label (i),
                              state->colors[i] != NULL ? state->colors[i] : "—", colors[i]);
      g_strv_builder_add (builder, line);
    }

  return g_strv_builder_end (builder);
}

void
govorun_agent_widget_save_colors_async (GovorunAgentWidget   *self,
                                        GovorunAccount       *account,
                                        GovorunWidgetState   *state,
                                        GovorunWidgetChoices *choices,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data)
{
  const char *colors[GOVORUN_WIDGET_N_COLORS];
  Request *request;

  CHECK_ARGS (self, account, cancellable);
  g_return_if_fail (state != NULL && state->agent_id != NULL);
  g_return_if_fail (GOVORUN_IS_WIDGET_CHOICES (choices));

  request = request_new (REQUEST_SAVE_COLORS, state->agent_id);
  changed_colors (state, choices, colors);
  for (guint i = 0; i < GOVORUN_WIDGET_N_COLORS; i++)
    request->colors[i] = g_strdup (colors[i]);

  start (self, account, request, govorun_agent_widget_save_colors_async, cancellable, callback, user_data);
}

/**
 * govorun_agent_widget_save_colors_finish:
 *
 * Returns: (transfer full): the agent's widget state as read after the
 *   change, or %NULL with @error set
 */
GovorunWidgetState *
govorun_agent_widget_save_colors_finish (GovorunAgentWidget  *self,
                                         GAsyncResult        *result,
                                         GError             **error)
{
  return finish (self, result, govorun_agent_widget_save_colors_async, error);
}

/* Choices and checks */

/**
 * govorun_agent_widget_make_choices:
 * @account: (nullable): the agent's ElevenLabs account
 *
 * Returns: (transfer full): choices that start from @state
 */
GovorunWidgetChoices *
govorun_agent_widget_make_choices (GovorunWidgetState *state,
                                   GovorunAccount     *account)
{
  GovorunWidgetChoices *choices;
  const char *region = account != NULL ? govorun_account_get_el_region (account) : NULL;

  g_return_val_if_fail (state != NULL && state->agent_id != NULL, NULL);

  choices = govorun_widget_choices_new (state->agent_id, state->language);
  govorun_widget_choices_set_variant (choices, state->variant);
  govorun_widget_choices_set_placement (choices, state->placement);
  for (guint i = 0; i < GOVORUN_WIDGET_N_COLORS; i++)
    if (state->colors[i] != NULL)
      govorun_widget_choices_set_color (choices, i, state->colors[i]);
  govorun_widget_choices_set_avatar_url (choices, state->avatar_url);
  /* §1.1: the widget knows only these residency locations; the others
   * use its default. */
  if (g_strcmp0 (region, "eu-residency") == 0 || g_strcmp0 (region, "in-residency") == 0)
    govorun_widget_choices_set_server_location (choices, region);

  return choices;
}

/**
 * govorun_agent_widget_site_host:
 *
 * Returns: (transfer full) (nullable): the host of @site
 */
char *
govorun_agent_widget_site_host (const char *site)
{
  g_autofree char *text = NULL;
  g_autofree char *with_scheme = NULL;
  g_autofree char *ascii = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *host;

  if (site == NULL)
    return NULL;

  text = g_strstrip (g_strdup (site));
  if (*text == '\0' || strlen (text) > 2048 || !g_utf8_validate (text, -1, NULL))
    return NULL;

  with_scheme = strstr (text, "://") != NULL ? g_strdup (text) : g_strconcat ("https://", text, NULL);
  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NON_DNS, NULL);
  if (uri == NULL
      || (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    return NULL;

  host = g_uri_get_host (uri);
  if (host == NULL || *host == '\0' || g_hostname_is_ip_address (host))
    return g_strdup (host != NULL && *host != '\0' ? host : NULL);

  /* Browsers give the page's host IDNA-encoded (сайт.рф is
   * xn--80aswg.xn--p1ai), so the allowlist holds that form. */
  ascii = g_hostname_to_ascii (host);
  if (ascii == NULL || strlen (ascii) > 253
      || (strchr (ascii, '.') == NULL && g_ascii_strcasecmp (ascii, "localhost") != 0))
    return NULL;
  for (const char *p = ascii; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.')
      return NULL;

  return g_ascii_strdown (ascii, -1);
}

/**
 * govorun_agent_widget_check_site:
 * @site: (nullable): what a person typed as their website
 * @out_host: (out) (optional) (transfer full): the site's host, or %NULL
 */
GovorunWidgetSiteCheck
govorun_agent_widget_check_site (GovorunWidgetState  *state,
                                 const char          *site,
                                 char               **out_host)
{
  g_autofree char *host = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (site != NULL ? site : ""));
  gboolean typed = *trimmed != '\0';

  g_return_val_if_fail (state != NULL, GOVORUN_WIDGET_SITE_INVALID);

  if (out_host != NULL)
    *out_host = NULL;

  if (typed && (host = govorun_agent_widget_site_host (site)) == NULL)
    return GOVORUN_WIDGET_SITE_INVALID;
  if (out_host != NULL)
    *out_host = g_strdup (host);

  if (state->auth_required)
    return GOVORUN_WIDGET_SITE_AUTH_REQUIRED;
  if (state->allowlist[0] == NULL)
    return GOVORUN_WIDGET_SITE_ANY;
  if (host == NULL)
    return GOVORUN_WIDGET_SITE_ONLY_LISTED;

  /* UNVERIFIED: whether ElevenLabs also lets subdomains of a listed host
   * in; we count an exact match only, the safe side for a check. */
  for (guint i = 0; state->allowlist[i] != NULL; i++)
    if (g_ascii_strcasecmp (state->allowlist[i], host) == 0)
      return GOVORUN_WIDGET_SITE_LISTED;

  return GOVORUN_WIDGET_SITE_NOT_LISTED;
}

/**
 * govorun_agent_widget_snippet:
 *
 * Returns: (transfer full): the embed code
 */
char *
govorun_agent_widget_snippet (GovorunWidgetChoices *choices)
{
  return govorun_widget_snippet_generate (choices);
}
