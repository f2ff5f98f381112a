/* govorun-integrations-sandbox.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunIntegrations"

#include "config.h"

#include "govorun-integrations-private.h"

/*
 * The sandbox's own webhook receiver, as the integrations see it. The
 * application sets its URL in sandbox mode only; then a target stored with
 * the receiver's address on an earlier run (its port is a free one chosen
 * at each start, like the emulators') is sent to this run's receiver, and
 * the receiver may ask for the secrets of the targets it serves. Outside
 * the sandbox the URL is NULL and nothing here does anything.
 */

void
govorun_integrations_set_demo_webhook_url (GovorunIntegrations *self,
                                           const char          *url)
{
  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));
  g_free (self->demo_webhook_url);
  self->demo_webhook_url = g_strdup (url);
}

const char *
govorun_integrations_get_demo_webhook_url (GovorunIntegrations *self)
{
  g_return_val_if_fail (GOVORUN_IS_INTEGRATIONS (self), NULL);
  return self->demo_webhook_url;
}

/* Whether @url is the sandbox receiver's address on this or an earlier
 * run: plain HTTP to 127.0.0.1, any port, the receiver's own path (which
 * no other receiver has). */
static gboolean
served_by_demo_receiver (GovorunIntegrations *self,
                         const char          *url)
{
  g_autoptr(GUri) demo = NULL;
  g_autoptr(GUri) uri = NULL;

  if (self->demo_webhook_url == NULL || url == NULL)
    return FALSE;
  demo = g_uri_parse (self->demo_webhook_url, G_URI_FLAGS_NONE, NULL);
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  return demo != NULL && uri != NULL
         && g_strcmp0 (g_uri_get_scheme (uri), "http") == 0
         && g_strcmp0 (g_uri_get_host (uri), g_uri_get_host (demo)) == 0
         && g_strcmp0 (g_uri_get_path (uri), g_uri_get_path (demo)) == 0
         && g_uri_get_query (uri) == NULL;
}

const char *
_govorun_integrations_webhook_url (GovorunIntegrations      *self,
                                   GovorunIntegrationTarget *target)
{
  const char *url = govorun_integration_target_get_url (target);

  return served_by_demo_receiver (self, url) ? self->demo_webhook_url : url;
}

/**
 * govorun_integrations_dup_demo_webhook_secrets:
 *
 * The secrets of the webhook targets the sandbox's receiver serves (their
 * current generation, as the deliveries cached them before sending), so
 * the receiver checks signatures without anyone pasting a secret. %NULL
 * outside the sandbox. The caller wipes and frees them.
 *
 * Returns: (transfer full) (nullable): a %NULL-terminated array
 */
char **
govorun_integrations_dup_demo_webhook_secrets (GovorunIntegrations *self)
{
  GPtrArray *secrets;
  guint n;

  g_return_val_if_fail (GOVORUN_IS_INTEGRATIONS (self), NULL);

  if (self->demo_webhook_url == NULL)
    return NULL;
  secrets = g_ptr_array_new ();
  n = g_list_model_get_n_items (G_LIST_MODEL (self->targets));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GovorunIntegrationTarget) target = g_list_model_get_item (G_LIST_MODEL (self->targets), i);
      g_autofree char *key = NULL;
      const char *secret;

      if (govorun_integration_target_get_kind (target) != GOVORUN_INTEGRATION_KIND_WEBHOOK
          || !served_by_demo_receiver (self, govorun_integration_target_get_url (target)))
        continue;
      key = g_strdup_printf ("%s/%u", govorun_integration_target_get_uuid (target),
                             govorun_integration_target_get_secret_generation (target));
      secret = g_hash_table_lookup (self->secret_cache, key);
      if (secret != NULL)
        g_ptr_array_add (secrets, g_strdup (secret));
    }
  g_ptr_array_add (secrets, NULL);
  return (char **) g_ptr_array_free (secrets, FALSE);
}
