/* govorun-campaigns.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCampaigns"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-campaigns.h"

struct _GovorunCampaigns
{
  GObject               parent_instance;

  GovorunStore         *store;
  GovorunClientFactory *factory;
  GovorunAccountStore  *accounts;
  GovorunAgentStore    *agents;
  GovorunAgentCatalog  *catalog;
  GovorunDoNotCall     *do_not_call;
  GSettings            *settings;     /* nullable */

  GListStore           *model;        /* of GovorunCampaign, newest first */
  GHashTable           *variables;    /* agent id → GStrv */
};

G_DEFINE_FINAL_TYPE (GovorunCampaigns, govorun_campaigns, G_TYPE_OBJECT)

G_DEFINE_QUARK (govorun-campaigns-error-quark, govorun_campaigns_error)

enum {
  CAMPAIGN_FINISHED,
  CAMPAIGN_STOPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
govorun_campaigns_dispose (GObject *object)
{
  GovorunCampaigns *self = GOVORUN_CAMPAIGNS (object);

  g_clear_object (&self->store);
  g_clear_object (&self->factory);
  g_clear_object (&self->accounts);
  g_clear_object (&self->agents);
  g_clear_object (&self->catalog);
  g_clear_object (&self->do_not_call);
  g_clear_object (&self->settings);
  g_clear_object (&self->model);
  g_clear_pointer (&self->variables, g_hash_table_unref);

  G_OBJECT_CLASS (govorun_campaigns_parent_class)->dispose (object);
}

static void
govorun_campaigns_class_init (GovorunCampaignsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_campaigns_dispose;

  /* A campaign ran through its contacts. */
  signals[CAMPAIGN_FINISHED] =
    g_signal_new ("campaign-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GOVORUN_TYPE_CAMPAIGN);
  /* A campaign stopped on an error (the balance, a rule gone…); @reason
   * is a sentence for people. */
  signals[CAMPAIGN_STOPPED] =
    g_signal_new ("campaign-stopped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, GOVORUN_TYPE_CAMPAIGN, G_TYPE_STRING);
}

static void
govorun_campaigns_init (GovorunCampaigns *self)
{
  self->model = g_list_store_new (GOVORUN_TYPE_CAMPAIGN);
  self->variables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_strfreev);
}

GovorunCampaigns *
govorun_campaigns_new (GovorunStore         *store,
                       GovorunClientFactory *factory,
                       GovorunAccountStore  *accounts,
                       GovorunAgentStore    *agents,
                       GovorunAgentCatalog  *catalog,
                       GovorunDoNotCall     *do_not_call,
                       GSettings            *settings)
{
  GovorunCampaigns *self = g_object_new (GOVORUN_TYPE_CAMPAIGNS, NULL);

  self->store = g_object_ref (store);
  self->factory = g_object_ref (factory);
  self->accounts = g_object_ref (accounts);
  self->agents = g_object_ref (agents);
  self->catalog = g_object_ref (catalog);
  self->do_not_call = g_object_ref (do_not_call);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  return self;
}

void
govorun_campaigns_load_async (GovorunCampaigns    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, govorun_campaigns_load_async);
  g_task_return_boolean (task, TRUE);
}

gboolean
govorun_campaigns_load_finish (GovorunCampaigns  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

GListModel *
govorun_campaigns_get_model (GovorunCampaigns *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGNS (self), NULL);

  return G_LIST_MODEL (self->model);
}

GovorunCampaign *
govorun_campaigns_lookup (GovorunCampaigns *self,
                          const char       *id)
{
  guint n;

  g_return_val_if_fail (GOVORUN_IS_CAMPAIGNS (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GovorunCampaign) campaign = g_list_model_get_item (G_LIST_MODEL (self->model), i);

      if (g_strcmp0 (govorun_campaign_get_id (campaign), id) == 0)
        return campaign;
    }
  return NULL;
}

GStrv
govorun_campaigns_agent_variables (GovorunCampaigns *self,
                                   const char       *agent_id)
{
  const char * const *names;

  g_return_val_if_fail (GOVORUN_IS_CAMPAIGNS (self), NULL);

  names = g_hash_table_lookup (self->variables, agent_id != NULL ? agent_id : "");
  return names != NULL ? g_strdupv ((char **) names) : g_new0 (char *, 1);
}

GovorunColumnMapping *
govorun_campaigns_suggest_mapping (GovorunCampaigns     *self,
                                   GovorunImportPreview *preview,
                                   const char           *agent_id)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGNS (self), NULL);

  return govorun_column_mapping_new ();
}

void
govorun_campaigns_estimate (GovorunCampaigns *self,
                            GovorunCampaign  *campaign,
                            GovorunPreflight *preflight)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGNS (self));
}

void
govorun_campaigns_start_automatic (GovorunCampaigns *self)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGNS (self));
}

GListModel *
govorun_campaigns_get_contacts (GovorunCampaigns *self,
                                GovorunCampaign  *campaign)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGNS (self), NULL);

  return G_LIST_MODEL (g_list_store_new (GOVORUN_TYPE_CAMPAIGN_CONTACT));
}

void
govorun_campaigns_preview_async (GovorunCampaigns *self, GFile *file, const char *sheet, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, govorun_campaigns_preview_async);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet");
}

void
govorun_campaigns_agent_variables_async (GovorunCampaigns *self, const char *agent_id, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, govorun_campaigns_agent_variables_async);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet");
}

void
govorun_campaigns_prepare_async (GovorunCampaigns *self, GFile *file, const char *sheet, GovorunColumnMapping *mapping, GovorunCampaign *campaign, GovorunCampaignProgressFunc progress, gpointer progress_data, GDestroyNotify progress_destroy, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, govorun_campaigns_prepare_async);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet");
}

void
govorun_campaigns_get_preflight_async (GovorunCampaigns *self, GovorunCampaign *campaign, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, govorun_campaigns_get_preflight_async);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet");
}

void
govorun_campaigns_save_draft_async (GovorunCampaigns *self, GovorunCampaign *campaign, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, govorun_campaigns_save_draft_async);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet");
}

void
govorun_campaigns_export_invalid_async (GovorunCampaigns *self, GovorunCampaign *campaign, GFile *file, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, govorun_campaigns_export_invalid_async);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet");
}

void
govorun_campaigns_delete_draft_async (GovorunCampaigns *self, GovorunCampaign *campaign, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, govorun_campaigns_delete_draft_async);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet");
}

void
govorun_campaigns_start_async (GovorunCampaigns *self, GovorunCampaign *campaign, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, govorun_campaigns_start_async);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet");
}

void
govorun_campaigns_pause_async (GovorunCampaigns *self, GovorunCampaign *campaign, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, govorun_campaigns_pause_async);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet");
}

void
govorun_campaigns_resume_async (GovorunCampaigns *self, GovorunCampaign *campaign, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, govorun_campaigns_resume_async);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet");
}

void
govorun_campaigns_cancel_async (GovorunCampaigns *self, GovorunCampaign *campaign, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, govorun_campaigns_cancel_async);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet");
}

void
govorun_campaigns_append_async (GovorunCampaigns *self, GovorunCampaign *campaign, GFile *file, const char *sheet, GovorunColumnMapping *mapping, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, govorun_campaigns_append_async);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet");
}

void
govorun_campaigns_refresh_async (GovorunCampaigns *self, GovorunCampaign *campaign, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, govorun_campaigns_refresh_async);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet");
}

void
govorun_campaigns_export_results_async (GovorunCampaigns *self, GovorunCampaign *campaign, GFile *file, GovorunCampaignExportFormat format, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, govorun_campaigns_export_results_async);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet");
}

GovorunImportPreview *
govorun_campaigns_preview_finish (GovorunCampaigns  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GStrv
govorun_campaigns_agent_variables_finish (GovorunCampaigns  *self,
                                          GAsyncResult      *result,
                                          GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GovorunPreflight *
govorun_campaigns_prepare_finish (GovorunCampaigns  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GovorunPreflight *
govorun_campaigns_get_preflight_finish (GovorunCampaigns  *self,
                                        GAsyncResult      *result,
                                        GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
govorun_campaigns_save_draft_finish (GovorunCampaigns  *self,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
govorun_campaigns_export_invalid_finish (GovorunCampaigns  *self,
                                         GAsyncResult      *result,
                                         GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
govorun_campaigns_delete_draft_finish (GovorunCampaigns  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
govorun_campaigns_start_finish (GovorunCampaigns  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
govorun_campaigns_pause_finish (GovorunCampaigns  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
govorun_campaigns_resume_finish (GovorunCampaigns  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
govorun_campaigns_cancel_finish (GovorunCampaigns  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

GovorunPreflight *
govorun_campaigns_append_finish (GovorunCampaigns  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
govorun_campaigns_refresh_finish (GovorunCampaigns  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
govorun_campaigns_export_results_finish (GovorunCampaigns  *self,
                                         GAsyncResult      *result,
                                         GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
