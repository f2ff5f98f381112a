/* govorun-endpoints.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunEndpoints"

#include "config.h"

#include "govorun-elevenlabs-endpoint.h"
#include "govorun-endpoints.h"
#include "govorun-url.h"

/*
 * Where the provider clients send their requests. The order is fixed:
 * the sandbox's emulators (so sandbox runs can never reach a real account),
 * then the environment, then GSettings, then the production hosts. The
 * sandbox and production differ by these URLs only. An override is
 * checked before any key is sent to it (govorun_url_check_base()).
 */

#define DEFAULT_VOXIMPLANT_URL "https://api.voximplant.com/platform_api"

struct _GovorunEndpoints
{
  GObject    parent_instance;

  GSettings *settings;
  char      *sandbox_voximplant;
  char      *sandbox_elevenlabs;
};

G_DEFINE_FINAL_TYPE (GovorunEndpoints, govorun_endpoints, G_TYPE_OBJECT)

static void
govorun_endpoints_finalize (GObject *object)
{
  GovorunEndpoints *self = GOVORUN_ENDPOINTS (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->sandbox_voximplant, g_free);
  g_clear_pointer (&self->sandbox_elevenlabs, g_free);

  G_OBJECT_CLASS (govorun_endpoints_parent_class)->finalize (object);
}

static void
govorun_endpoints_class_init (GovorunEndpointsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = govorun_endpoints_finalize;
}

static void
govorun_endpoints_init (GovorunEndpoints *self)
{
}

/**
 * govorun_endpoints_new:
 * @settings: (nullable): the application's settings, or %NULL in tests
 */
GovorunEndpoints *
govorun_endpoints_new (GSettings *settings)
{
  GovorunEndpoints *self = g_object_new (GOVORUN_TYPE_ENDPOINTS, NULL);

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  if (settings != NULL)
    self->settings = g_object_ref (settings);

  return self;
}

/**
 * govorun_endpoints_set_sandbox:
 * @voximplant_base: the Voximplant emulator's base URL, e.g. http://127.0.0.1:PORT
 * @elevenlabs_base: the ElevenLabs emulator's base URL
 */
void
govorun_endpoints_set_sandbox (GovorunEndpoints *self,
                               const char       *voximplant_base,
                               const char       *elevenlabs_base)
{
  g_return_if_fail (GOVORUN_IS_ENDPOINTS (self));
  g_return_if_fail (voximplant_base != NULL && elevenlabs_base != NULL);

  g_free (self->sandbox_voximplant);
  self->sandbox_voximplant = g_strconcat (voximplant_base, "/platform_api", NULL);
  g_free (self->sandbox_elevenlabs);
  self->sandbox_elevenlabs = g_strdup (elevenlabs_base);
}

gboolean
govorun_endpoints_is_sandbox (GovorunEndpoints *self)
{
  g_return_val_if_fail (GOVORUN_IS_ENDPOINTS (self), FALSE);

  return self->sandbox_voximplant != NULL;
}

/* Sets @url to the override, or NULL when there is none; FALSE when the
 * override is refused. */
static gboolean
lookup_override (GovorunEndpoints  *self,
                 const char        *env_name,
                 const char        *settings_key,
                 char             **url,
                 GError           **error)
{
  const char *env = g_getenv (env_name);
  g_autofree char *setting = NULL;
  g_autofree char *where = NULL;

  *url = NULL;

  if (env != NULL && *env != '\0')
    {
      where = govorun_url_where_environment (env_name);
      if (!govorun_url_check_base (env, where, error))
        return FALSE;
      *url = g_strdup (env);
      return TRUE;
    }

  if (self->settings != NULL)
    setting = g_settings_get_string (self->settings, settings_key);

  if (setting != NULL && *setting != '\0')
    {
      where = govorun_url_where_setting (settings_key);
      if (!govorun_url_check_base (setting, where, error))
        return FALSE;
      *url = g_steal_pointer (&setting);
    }

  return TRUE;
}

static char *
strip_trailing_slash (char *url)
{
  gsize len = strlen (url);

  while (len > 0 && url[len - 1] == '/')
    url[--len] = '\0';

  return url;
}

/**
 * govorun_endpoints_get_voximplant_url:
 *
 * Returns: (transfer full) (nullable): the base URL, or %NULL with a
 *   %GOVORUN_URL_ERROR naming the setting when an override is refused
 */
char *
govorun_endpoints_get_voximplant_url (GovorunEndpoints  *self,
                                      GError           **error)
{
  char *url;

  g_return_val_if_fail (GOVORUN_IS_ENDPOINTS (self), NULL);

  if (self->sandbox_voximplant != NULL)
    return g_strdup (self->sandbox_voximplant);

  if (!lookup_override (self, "GOVORUN_VOXIMPLANT_API_URL", "voximplant-api-url", &url, error))
    return NULL;
  if (url == NULL)
    url = g_strdup (DEFAULT_VOXIMPLANT_URL);

  return strip_trailing_slash (url);
}

/**
 * govorun_endpoints_get_elevenlabs_url:
 *
 * Returns: (transfer full) (nullable): as govorun_endpoints_get_voximplant_url()
 */
char *
govorun_endpoints_get_elevenlabs_url (GovorunEndpoints         *self,
                                      GovorunElevenlabsRegion   region,
                                      GError                  **error)
{
  char *url;

  g_return_val_if_fail (GOVORUN_IS_ENDPOINTS (self), NULL);

  if (self->sandbox_elevenlabs != NULL)
    return g_strdup (self->sandbox_elevenlabs);

  /* One override replaces every region's host: it exists for proxies and
   * test servers, which serve one address. */
  if (!lookup_override (self, "GOVORUN_ELEVENLABS_API_URL", "elevenlabs-api-url", &url, error))
    return NULL;
  if (url == NULL)
    url = g_strdup (govorun_elevenlabs_region_get_base_url (region));

  return strip_trailing_slash (url);
}
