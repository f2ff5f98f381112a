/* govorun-integration-notifications.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunIntegrationsPage"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-integration-notifications.h"

char *
govorun_integration_notifications_id (GovorunIntegrationTarget *target)
{
  return g_strdup_printf ("integration-%s", govorun_integration_target_get_uuid (target));
}

static void
on_target_paused (GovorunIntegrations      *integrations,
                  GovorunIntegrationTarget *target,
                  GApplication             *application)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *id = govorun_integration_notifications_id (target);
  const char *reason = govorun_integration_target_get_pause_reason (target);

  /* Translators: a desktop notification's title; %s is the integration's name */
  title = g_strdup_printf (_("Integration “%s” paused"), govorun_integration_target_get_name (target));
  /* Translators: a desktop notification's body; %s says since when deliveries fail */
  body = g_strdup_printf (_("%s Deliveries wait in Govorun: fix the receiver, then press Resume on the Integrations page."),
                          reason != NULL ? reason : "");
  notification = g_notification_new (title);
  g_notification_set_body (notification, g_strstrip (body));
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_application_send_notification (application, id, notification);
}

void
govorun_integration_notifications_watch (GApplication        *application,
                                         GovorunIntegrations *integrations)
{
  g_return_if_fail (G_IS_APPLICATION (application));

  if (integrations == NULL)
    return;
  g_signal_connect_object (integrations, "target-paused", G_CALLBACK (on_target_paused), application, 0);
}
