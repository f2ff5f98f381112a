/* govorun-integrations-events.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunIntegrations"

#include "config.h"

#include "govorun-campaign-records.h"
#include "govorun-integrations-events.h"
#include "govorun-integrations-private.h"

/*
 * Where the deliveries come from: the call sync's "changed" (new finished
 * calls are enqueued, at most one scan at a time, another one after it if
 * more changed meanwhile) and the campaigns' "campaign-finished" and
 * "contact-result".
 */

typedef struct
{
  GovorunIntegrations *integrations;   /* weak: the handlers go with it */
  gboolean             scanning;
  gboolean             again;
} Follow;

static const char follow_key[] = "govorun-integrations-follow";

static Follow *
follow_get (GovorunIntegrations *self)
{
  Follow *f = g_object_get_data (G_OBJECT (self), follow_key);

  if (f == NULL)
    {
      f = g_new0 (Follow, 1);
      f->integrations = self;
      g_object_set_data_full (G_OBJECT (self), follow_key, f, g_free);
    }
  return f;
}

static void scan (Follow *f);

static void
on_scanned (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GovorunIntegrations *self = GOVORUN_INTEGRATIONS (source);
  g_autoptr(GError) error = NULL;
  Follow *f = follow_get (self);
  guint added = 0;

  if (!govorun_integrations_enqueue_new_calls_finish (self, result, &added, &error))
    g_debug ("Could not enqueue the new calls: %s", error->message);
  f->scanning = FALSE;
  /* A full run (200) may have left more behind. */
  if (f->again || added >= 200)
    scan (f);
  g_object_unref (self);
}

static void
scan (Follow *f)
{
  if (f->scanning)
    {
      f->again = TRUE;
      return;
    }
  f->scanning = TRUE;
  f->again = FALSE;
  govorun_integrations_enqueue_new_calls_async (g_object_ref (f->integrations), NULL, on_scanned, NULL);
}

static void
on_calls_changed (GovorunCallSync *sync,
                  gpointer         user_data)
{
  scan (follow_get (GOVORUN_INTEGRATIONS (user_data)));
}

void
govorun_integrations_follow_call_sync (GovorunIntegrations *self,
                                       GovorunCallSync     *sync)
{
  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));
  g_return_if_fail (GOVORUN_IS_CALL_SYNC (sync));

  g_signal_connect_object (sync, "changed", G_CALLBACK (on_calls_changed), self, 0);
  /* Calls synced while Govorun was closed, or before a crash. */
  scan (follow_get (self));
}

/* -- campaigns -- */

static void
on_enqueued (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!govorun_integrations_enqueue_finish (GOVORUN_INTEGRATIONS (source), result, NULL, &error))
    g_warning ("Could not enqueue a campaign delivery: %s", error->message);
}

typedef struct
{
  GovorunIntegrations *integrations;
  GovorunCampaign     *campaign;
} Finished;

static void
finished_free (Finished *f)
{
  g_object_unref (f->integrations);
  g_object_unref (f->campaign);
  g_free (f);
}

static void
on_campaign_row (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Finished *f = user_data;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rowid = 0;

  /* The campaign's row id is what its calls carry as campaign.id. */
  rows = govorun_campaign_records_read_tasks_finish (GOVORUN_STORE (source), result, &rowid, &error);
  if (rows == NULL || rowid == 0)
    g_warning ("Could not read the finished campaign: %s", error != NULL ? error->message : "no contacts");
  else
    govorun_integrations_campaign_finished_async (f->integrations, rowid,
                                                  govorun_campaign_get_name (f->campaign),
                                                  govorun_campaign_get_total (f->campaign),
                                                  govorun_campaign_get_answered (f->campaign),
                                                  govorun_campaign_get_failed_contacts (f->campaign),
                                                  NULL, on_enqueued, NULL);
  finished_free (f);
}

static void
on_campaign_finished (GovorunCampaigns *campaigns,
                      GovorunCampaign  *campaign,
                      gpointer          user_data)
{
  GovorunIntegrations *self = user_data;
  Finished *f = g_new0 (Finished, 1);

  f->integrations = g_object_ref (self);
  f->campaign = g_object_ref (campaign);
  govorun_campaign_records_read_tasks_async (self->store, govorun_campaign_get_id (campaign), 0, 1, NULL,
                                             on_campaign_row, f);
}

static void
on_contact_result (GovorunCampaigns *campaigns,
                   gint64            campaign_rowid,
                   gint64            contact_rowid,
                   const char       *phone,
                   const char       *result,
                   guint             attempts,
                   gpointer          user_data)
{
  govorun_integrations_contact_result_async (GOVORUN_INTEGRATIONS (user_data), campaign_rowid,
                                             contact_rowid, phone, result, attempts, NULL,
                                             on_enqueued, NULL);
}

void
govorun_integrations_follow_campaigns (GovorunIntegrations *self,
                                       GovorunCampaigns    *campaigns)
{
  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));
  g_return_if_fail (GOVORUN_IS_CAMPAIGNS (campaigns));

  g_signal_connect_object (campaigns, "campaign-finished", G_CALLBACK (on_campaign_finished), self, 0);
  g_signal_connect_object (campaigns, "contact-result", G_CALLBACK (on_contact_result), self, 0);
}
