/* govorun-campaign-notifications.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCampaignNotifications"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-campaign-notifications.h"

char *
govorun_campaign_notifications_id (GovorunCampaign *campaign)
{
  return g_strdup_printf ("campaign-%s", govorun_campaign_get_id (campaign));
}

static void
send (GApplication    *application,
      GovorunCampaign *campaign,
      const char      *title,
      const char      *body,
      gboolean         urgent)
{
  g_autoptr(GNotification) notification = g_notification_new (title);
  g_autofree char *id = govorun_campaign_notifications_id (campaign);

  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, urgent ? G_NOTIFICATION_PRIORITY_HIGH
                                                    : G_NOTIFICATION_PRIORITY_NORMAL);
  /* One notification a campaign: a later one replaces the earlier. */
  g_application_send_notification (application, id, notification);
}

static void
on_finished (GovorunCampaigns *campaigns,
             GovorunCampaign  *campaign,
             GApplication     *application)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  guint done = govorun_campaign_get_done (campaign);
  guint successful = govorun_campaign_get_successful (campaign);

  /* Translators: a desktop notification's title; %s is the campaign's name */
  title = g_strdup_printf (_("Campaign “%s” finished"), govorun_campaign_get_name (campaign));
  /* Translators: a desktop notification's body, e.g. "120 contacts called, 45 successful." */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact called, %u successful.",
                                       "%u contacts called, %u successful.", done),
                          done, successful);
  send (application, campaign, title, body, FALSE);
}

static void
on_stopped (GovorunCampaigns *campaigns,
            GovorunCampaign  *campaign,
            const char       *reason,
            GApplication     *application)
{
  g_autofree char *title = NULL;

  /* Translators: a desktop notification's title; %s is the campaign's name */
  title = g_strdup_printf (_("Campaign “%s” stopped"), govorun_campaign_get_name (campaign));
  send (application, campaign, title,
        reason != NULL && *reason != '\0' ? reason
                                          : _("Open Govorun to see why and to resume it."),
        TRUE);
}

void
govorun_campaign_notifications_watch (GApplication     *application,
                                      GovorunCampaigns *campaigns)
{
  g_return_if_fail (G_IS_APPLICATION (application));

  if (campaigns == NULL)
    return;

  g_signal_connect_object (campaigns, "campaign-finished", G_CALLBACK (on_finished), application, 0);
  g_signal_connect_object (campaigns, "campaign-stopped", G_CALLBACK (on_stopped), application, 0);
}
