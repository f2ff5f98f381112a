/* govorun-campaigns.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCampaigns"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "govorun-call-records.h"
#include "govorun-campaign-contacts.h"
#include "govorun-campaign-debt.h"
#include "govorun-campaign-zones.h"
#include "govorun-campaigns-private.h"

/*
 * The campaigns service: the model of campaigns, drafts (prepare, save,
 * delete, preflight) and the agents' variables and remembered mappings.
 * Running campaigns on Voximplant is in govorun-campaign-run.c, reading
 * files in govorun-campaign-import.c, the exports in
 * govorun-campaign-export.c.
 */

/* The preflight shows this many issues; the export has them all. */
#define MAX_ISSUES_SHOWN 1000

/* The estimates' assumptions (stated in the preflight). */
#define ANSWER_RATE          0.6
#define TALK_MINUTES         1.5
#define ATTEMPT_SECONDS      75.0
#define PRICE_PER_MINUTE     0.03
#define PRICE_CURRENCY       "USD"

G_DEFINE_FINAL_TYPE (GovorunCampaigns, govorun_campaigns, G_TYPE_OBJECT)

static void
caller_price_free (GovorunCallerPrice *price)
{
  g_free (price->currency);
  g_free (price);
}

G_DEFINE_QUARK (govorun-campaigns-error-quark, govorun_campaigns_error)

enum {
  CAMPAIGN_FINISHED,
  CAMPAIGN_STOPPED,
  CONTACT_RESULT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
govorun_campaigns_dispose (GObject *object)
{
  GovorunCampaigns *self = GOVORUN_CAMPAIGNS (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->factory);
  g_clear_object (&self->accounts);
  g_clear_object (&self->agents);
  g_clear_object (&self->catalog);
  g_clear_object (&self->do_not_call);
  g_clear_object (&self->settings);
  g_clear_object (&self->model);
  g_clear_pointer (&self->variables, g_hash_table_unref);
  g_clear_pointer (&self->mappings, g_hash_table_unref);
  g_clear_pointer (&self->minute_prices, g_hash_table_unref);
  g_clear_pointer (&self->busy, g_hash_table_unref);
  g_clear_pointer (&self->reported, g_hash_table_unref);

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
  /* A campaign stopped on an error (the balance, a list gone…); the
   * reason is a sentence for people. */
  signals[CAMPAIGN_STOPPED] =
    g_signal_new ("campaign-stopped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, GOVORUN_TYPE_CAMPAIGN, G_TYPE_STRING);
  /* A contact's calls are over (processed or failed): the campaign's and
   * the contact's row ids (what its calls carry), the number, what the
   * scenario reported (nullable) and the attempts made. For integrations. */
  signals[CONTACT_RESULT] =
    g_signal_new ("contact-result", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 5, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_STRING,
                  G_TYPE_STRING, G_TYPE_UINT);
}

static void
govorun_campaigns_init (GovorunCampaigns *self)
{
  self->model = g_list_store_new (GOVORUN_TYPE_CAMPAIGN);
  self->variables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  self->mappings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->minute_prices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) caller_price_free);
  self->busy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_byte_array_unref);
  self->batch_size = GOVORUN_CAMPAIGNS_BATCH_SIZE;
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
_govorun_campaigns_emit_finished (GovorunCampaigns *self,
                                  GovorunCampaign  *campaign)
{
  g_signal_emit (self, signals[CAMPAIGN_FINISHED], 0, campaign);
}

void
_govorun_campaigns_emit_contact_result (GovorunCampaigns *self,
                                        GovorunCampaign  *campaign,
                                        gint64            seq,
                                        gint64            campaign_rowid,
                                        gint64            contact_rowid,
                                        const char       *phone,
                                        const char       *result,
                                        guint             attempts)
{
  GByteArray *bits = g_hash_table_lookup (self->reported, govorun_campaign_get_id (campaign));
  guint byte = (guint) (seq / 8);
  guint8 mask = 1u << (seq % 8);

  if (seq <= 0 || seq > G_MAXUINT32)
    return;
  if (bits == NULL)
    {
      bits = g_byte_array_new ();
      g_hash_table_insert (self->reported, g_strdup (govorun_campaign_get_id (campaign)), bits);
    }
  if (bits->len <= byte)
    {
      guint old = bits->len;

      g_byte_array_set_size (bits, byte + 1);
      memset (bits->data + old, 0, bits->len - old);
    }
  if (bits->data[byte] & mask)
    return;
  bits->data[byte] |= mask;
  g_signal_emit (self, signals[CONTACT_RESULT], 0, campaign_rowid, contact_rowid, phone, result, attempts);
}

void
_govorun_campaigns_emit_stopped (GovorunCampaigns *self,
                                 GovorunCampaign  *campaign,
                                 const char       *reason)
{
  g_signal_emit (self, signals[CAMPAIGN_STOPPED], 0, campaign, reason);
}

char *
_govorun_campaigns_list_name (const char *campaign_id)
{
  return g_strdup_printf ("govorun-%s", campaign_id);
}

int
_govorun_campaigns_list_state (GovorunCampaign *campaign)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (campaign), "govorun-list-state"));
}

void
_govorun_campaigns_set_list_state (GovorunCampaign *campaign,
                                   int              state)
{
  g_object_set_data (G_OBJECT (campaign), "govorun-list-state", GINT_TO_POINTER (state));
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!govorun_campaign_records_save_finish (GOVORUN_STORE (source), result, &error))
    g_warning ("Could not save a campaign: %s", error->message);
}

void
_govorun_campaigns_save (GovorunCampaigns *self,
                         GovorunCampaign  *campaign)
{
  govorun_campaign_records_save_async (self->store, campaign, _govorun_campaigns_list_state (campaign), NULL,
                                       on_saved, NULL);
}

void
_govorun_campaigns_add (GovorunCampaigns *self,
                        GovorunCampaign  *campaign)
{
  g_list_store_insert (self->model, 0, campaign);
}

/* -- loading -- */

static void
on_mappings_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunCampaigns *self = g_task_get_source_object (task);
  g_autoptr(GHashTable) mappings = NULL;
  GError *error = NULL;

  mappings = govorun_campaign_records_load_mappings_finish (GOVORUN_STORE (source), result, &error);
  if (mappings == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, mappings);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        g_hash_table_replace (self->mappings, key, value);
        g_hash_table_iter_steal (&iter);
      }
  }
  self->loaded = TRUE;
  g_task_return_boolean (task, TRUE);
}

gboolean
govorun_campaigns_get_loaded (GovorunCampaigns *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGNS (self), FALSE);

  return self->loaded;
}

static void
on_campaigns_loaded (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunCampaigns *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) campaigns = NULL;
  GError *error = NULL;

  campaigns = govorun_campaign_records_load_finish (GOVORUN_STORE (source), result, &error);
  if (campaigns == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* A campaign prepared or taken in while the rows were read (the first
   * load runs by itself at start-up) is kept: a splice of the rows alone
   * dropped it, and a refresh then took its own list in as another
   * computer's. */
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->model)); i > 0; i--)
    {
      g_autoptr(GovorunCampaign) shown = g_list_model_get_item (G_LIST_MODEL (self->model), i - 1);
      gboolean read = FALSE;

      for (guint j = 0; j < campaigns->len && !read; j++)
        read = g_strcmp0 (govorun_campaign_get_id (g_ptr_array_index (campaigns, j)),
                          govorun_campaign_get_id (shown)) == 0;
      if (!read)
        g_ptr_array_insert (campaigns, 0, g_object_ref (shown));
    }
  g_list_store_splice (self->model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->model)),
                       campaigns->pdata, campaigns->len);
  govorun_campaign_records_load_mappings_async (self->store, g_task_get_cancellable (task),
                                                on_mappings_loaded, g_object_ref (task));
}

void
govorun_campaigns_load_async (GovorunCampaigns    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GOVORUN_IS_CAMPAIGNS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_campaigns_load_async);
  govorun_campaign_records_load_async (self->store, cancellable, on_campaigns_loaded, g_steal_pointer (&task));
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
        return campaign;  /* the model keeps it */
    }
  return NULL;
}

/* -- the agents' variables -- */

GStrv
govorun_campaigns_agent_variables (GovorunCampaigns *self,
                                   const char       *agent_id)
{
  const char * const *names;

  g_return_val_if_fail (GOVORUN_IS_CAMPAIGNS (self), NULL);

  names = agent_id != NULL ? g_hash_table_lookup (self->variables, agent_id) : NULL;
  return names != NULL ? g_strdupv ((char **) names) : g_new0 (char *, 1);
}

static void
on_voice_agent (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunCampaigns *self = g_task_get_source_object (task);
  g_autoptr(GovorunVoiceAgent) voice = NULL;
  GError *error = NULL;
  GStrv names;

  voice = govorun_agent_catalog_get_finish (GOVORUN_AGENT_CATALOG (source), result, &error);
  if (voice == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  names = g_strdupv ((char **) govorun_voice_agent_get_dynamic_variable_names (voice));
  if (names == NULL)
    names = g_new0 (char *, 1);
  g_hash_table_replace (self->variables, g_strdup (g_task_get_task_data (task)), g_strdupv (names));
  g_task_return_pointer (task, names, (GDestroyNotify) g_strfreev);
}

void
govorun_campaigns_agent_variables_async (GovorunCampaigns    *self,
                                         const char          *agent_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GovorunAgent *agent;
  GovorunAccount *account;

  g_return_if_fail (GOVORUN_IS_CAMPAIGNS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_campaigns_agent_variables_async);
  g_task_set_task_data (task, g_strdup (agent_id), g_free);
  agent = agent_id != NULL ? govorun_agent_store_find_by_uuid (self->agents, agent_id) : NULL;
  if (agent == NULL)
    {
      g_task_return_new_error (task, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_NOT_FOUND,
                               _("The agent is gone. Choose another agent."));
      return;
    }
  /* A webhook bot has no ElevenLabs variables. */
  account = govorun_agent_get_el_account_uuid (agent) != NULL
    ? govorun_account_store_find_by_uuid (self->accounts, govorun_agent_get_el_account_uuid (agent)) : NULL;
  if (account == NULL || govorun_agent_get_el_agent_id (agent) == NULL)
    {
      g_hash_table_replace (self->variables, g_strdup (agent_id), g_new0 (char *, 1));
      g_task_return_pointer (task, g_new0 (char *, 1), (GDestroyNotify) g_strfreev);
      return;
    }
  govorun_agent_catalog_get_async (self->catalog, account, govorun_agent_get_el_agent_id (agent), cancellable,
                                   on_voice_agent, g_steal_pointer (&task));
}

GStrv
govorun_campaigns_agent_variables_finish (GovorunCampaigns  *self,
                                          GAsyncResult      *result,
                                          GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* -- estimates -- */

/* The caller number's price a minute from what its earlier outbound
 * calls cost (Voximplant's side: the number's telephony); NULL when it
 * made none long enough to tell. */
static GovorunCallerPrice *
price_from_summary (const GovorunCallSummary *summary)
{
  const GovorunCallCost *best = NULL;
  GovorunCallerPrice *price;

  if (summary == NULL || summary->count == 0 || summary->total_seconds < 60)
    return NULL;
  for (guint i = 0; summary->costs != NULL && i < summary->costs->len; i++)
    {
      const GovorunCallCost *cost = g_ptr_array_index (summary->costs, i);

      if (g_strcmp0 (cost->provider, "voximplant") == 0 && cost->currency != NULL && cost->amount > 0 &&
          (best == NULL || cost->amount > best->amount))
        best = cost;
    }
  if (best == NULL)
    return NULL;
  price = g_new0 (GovorunCallerPrice, 1);
  price->per_minute = best->amount / (summary->total_seconds / 60.0);
  price->currency = g_strdup (best->currency);
  price->calls = summary->count;
  return price;
}

static void
on_price_summary (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunCampaigns *self = g_task_get_source_object (task);
  const char *caller = g_task_get_task_data (task);
  g_autoptr(GovorunCallSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  GovorunCallerPrice *price;

  summary = govorun_call_records_summarize_finish (GOVORUN_STORE (source), result, &error);
  price = price_from_summary (summary);
  if (price != NULL)
    g_hash_table_replace (self->minute_prices, g_strdup (caller), price);
  else
    g_hash_table_remove (self->minute_prices, caller);
  g_task_return_boolean (task, TRUE);
}

void
_govorun_campaigns_learn_price_async (GovorunCampaigns    *self,
                                      const char          *caller,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();

  g_task_set_source_tag (task, _govorun_campaigns_learn_price_async);
  g_task_set_task_data (task, g_strdup (caller), g_free);
  if (caller == NULL || *caller == '\0')
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  filter->direction = GOVORUN_CALL_DIRECTION_OUTBOUND;
  filter->search = g_strdup (caller);
  govorun_call_records_summarize_async (self->store, filter, cancellable, on_price_summary, g_steal_pointer (&task));
}

gboolean
_govorun_campaigns_learn_price_finish (GovorunCampaigns  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
_govorun_campaigns_estimate (GovorunCampaigns *self,
                             GovorunCampaign  *campaign,
                             GovorunPreflight *preflight)
{
  const GovorunCallerPrice *price = NULL;
  double per_minute = PRICE_PER_MINUTE;
  const char *currency = PRICE_CURRENCY;
  guint valid = govorun_preflight_get_valid (preflight);
  guint attempts = govorun_campaign_get_attempts (campaign);
  double minutes = valid * ANSWER_RATE * TALK_MINUTES;
  /* Unanswered contacts are tried again: each further attempt reaches
   * the share not answered before. */
  double tries = 1 + (1 - ANSWER_RATE) * (attempts - 1);
  double work = valid * tries * ATTEMPT_SECONDS / MAX (govorun_campaign_get_concurrency (campaign), 1);
  gint64 start = govorun_campaign_get_start_at (campaign);
  g_autofree char *assumption = NULL;

  if (start <= 0)
    start = g_get_real_time () / G_USEC_PER_SEC;
  govorun_preflight_set_estimated_minutes (preflight, minutes);
  if (govorun_campaign_get_caller_number (campaign) != NULL)
    price = g_hash_table_lookup (self->minute_prices, govorun_campaign_get_caller_number (campaign));
  if (price != NULL)
    {
      per_minute = price->per_minute;
      currency = price->currency;
    }
  govorun_preflight_set_estimated_cost (preflight, minutes * per_minute);
  govorun_preflight_set_currency (preflight, currency);
  govorun_preflight_set_price_known (preflight, price != NULL);
  if (price != NULL)
    /* Translators: the cost estimate from the number's own calls; %u is the number of calls,
     * the second %s a currency code */
    assumption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Assuming %.0f%% of contacts answer and talk %.1f minutes on "
                                               "average, at %.3f %s a minute: what %u earlier call of your "
                                               "number cost on Voximplant.",
                                               "Assuming %.0f%% of contacts answer and talk %.1f minutes on "
                                               "average, at %.3f %s a minute: what %u earlier calls of your "
                                               "number cost on Voximplant.", (gulong) MIN (price->calls, G_MAXUINT)),
                                  ANSWER_RATE * 100, TALK_MINUTES, per_minute, currency,
                                  (guint) MIN (price->calls, G_MAXUINT));
  else
    assumption = g_strdup_printf (_("Assuming %.0f%% of contacts answer and talk %.1f minutes on average, "
                                    "at %.2f %s a minute; the price of your number’s calls is not known."),
                                  ANSWER_RATE * 100, TALK_MINUTES, PRICE_PER_MINUTE, PRICE_CURRENCY);
  govorun_preflight_set_cost_assumption (preflight, assumption);
  govorun_preflight_set_estimated_finish (preflight,
                                          govorun_campaign_finish_time (govorun_campaign_get_time_zone (campaign),
                                                                        govorun_campaign_get_allowed_days (campaign),
                                                                        govorun_campaign_get_window_start (campaign),
                                                                        govorun_campaign_get_window_end (campaign),
                                                                        start, work));
}

void
govorun_campaigns_estimate (GovorunCampaigns *self,
                            GovorunCampaign  *campaign,
                            GovorunPreflight *preflight)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGNS (self));
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (campaign));
  g_return_if_fail (GOVORUN_IS_PREFLIGHT (preflight));

  _govorun_campaigns_estimate (self, campaign, preflight);
}

/* -- settings -- */

/* The settings a draft must have before it is saved. */
static gboolean
check_settings (GovorunCampaigns  *self,
                GovorunCampaign   *campaign,
                GError           **error)
{
  const char *zone = govorun_campaign_get_time_zone (campaign);

  if (govorun_campaign_get_agent_id (campaign) == NULL ||
      govorun_agent_store_find_by_uuid (self->agents, govorun_campaign_get_agent_id (campaign)) == NULL)
    {
      g_set_error_literal (error, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_SETTINGS,
                           _("Choose the agent that makes the calls."));
      return FALSE;
    }
  if (!govorun_campaign_zone_is_valid (zone))
    {
      g_set_error_literal (error, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_SETTINGS,
                           _("Choose the campaign’s time zone."));
      return FALSE;
    }
  if ((govorun_campaign_get_allowed_days (campaign) & GOVORUN_CAMPAIGN_ALL_DAYS) == 0)
    {
      g_set_error_literal (error, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_SETTINGS,
                           _("Choose at least one day of the week for the calls."));
      return FALSE;
    }
  return TRUE;
}

/* -- prepare -- */

typedef struct
{
  GovorunCampaign       *campaign;   /* the caller's draft */
  GovorunCampaignImport *import;     /* owned by the store's write */
  char                  *mapping_json;
  GovorunPreflight      *preflight;
} PrepareData;

static void
prepare_data_free (PrepareData *data)
{
  g_clear_object (&data->campaign);
  g_free (data->mapping_json);
  g_clear_object (&data->preflight);
  g_free (data);
}

static void on_prepare_priced (GObject *source, GAsyncResult *result, gpointer user_data);

static void
on_prepare_issues (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PrepareData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GListStore) store = g_list_store_new (GOVORUN_TYPE_PREFLIGHT_ISSUE);
  GError *error = NULL;

  issues = govorun_campaign_records_read_issues_finish (GOVORUN_STORE (source), result, NULL, &error);
  if (issues == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_list_store_splice (store, 0, 0, issues->pdata, issues->len);
  govorun_preflight_set_issues (data->preflight, G_LIST_MODEL (store));
  /* The cost from the caller number's own calls, when it made some. */
  _govorun_campaigns_learn_price_async (g_task_get_source_object (task),
                                        govorun_campaign_get_caller_number (data->campaign),
                                        g_task_get_cancellable (task), on_prepare_priced, g_object_ref (task));
}

static void
on_prepare_priced (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PrepareData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!_govorun_campaigns_learn_price_finish (GOVORUN_CAMPAIGNS (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  _govorun_campaigns_estimate (GOVORUN_CAMPAIGNS (source), data->campaign, data->preflight);
  g_task_return_pointer (task, g_object_ref (data->preflight), g_object_unref);
}

static void
on_prepared (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunCampaigns *self = g_task_get_source_object (task);
  PrepareData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!govorun_campaign_records_create_finish (GOVORUN_STORE (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  govorun_campaign_set_total (data->campaign, govorun_preflight_get_valid (data->preflight));
  _govorun_campaigns_estimate (self, data->campaign, data->preflight);
  govorun_campaign_set_expected_finish (data->campaign, govorun_preflight_get_estimated_finish (data->preflight));
  _govorun_campaigns_set_list_state (data->campaign, GOVORUN_CAMPAIGN_LIST_NONE);
  /* The counts the import could only know at its end. */
  _govorun_campaigns_save (self, data->campaign);
  _govorun_campaigns_add (self, data->campaign);

  /* Remembered for the agent's next file. */
  g_hash_table_replace (self->mappings, g_strdup (govorun_campaign_get_agent_id (data->campaign)),
                        g_strdup (data->mapping_json));
  govorun_campaign_records_save_mapping_async (self->store, govorun_campaign_get_agent_id (data->campaign),
                                               data->mapping_json, NULL, NULL, NULL);

  govorun_campaign_records_read_issues_async (self->store, govorun_campaign_get_id (data->campaign),
                                              MAX_ISSUES_SHOWN, g_task_get_cancellable (task),
                                              on_prepare_issues, g_object_ref (task));
}

/* Keeps the import's counts once the write is over: the store frees the
 * import with the write's data. */
static gboolean
fill_and_count (GovorunCampaignSink  *sink,
                gpointer              user_data,
                GError              **error)
{
  PrepareData *data = user_data;
  gboolean ok = _govorun_campaign_import_fill (sink, data->import, error);

  data->preflight = _govorun_campaign_import_get_preflight (data->import);
  return ok;
}

static void
prepare_fill_data_free (gpointer user_data)
{
  PrepareData *data = user_data;

  g_clear_pointer (&data->import, _govorun_campaign_import_free);
}

void
govorun_campaigns_prepare_async (GovorunCampaigns           *self,
                                 GFile                      *file,
                                 const char                 *sheet,
                                 GovorunColumnMapping       *mapping,
                                 GovorunCampaign            *campaign,
                                 GovorunCampaignProgressFunc progress,
                                 gpointer                    progress_data,
                                 GDestroyNotify              progress_destroy,
                                 GCancellable               *cancellable,
                                 GAsyncReadyCallback         callback,
                                 gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GovorunColumnMapping) remembered = NULL;
  PrepareData *data;
  GError *error = NULL;

  g_return_if_fail (GOVORUN_IS_CAMPAIGNS (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (GOVORUN_IS_COLUMN_MAPPING (mapping));
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (campaign));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_campaigns_prepare_async);
  if (govorun_campaign_get_state (campaign) != GOVORUN_CAMPAIGN_STATE_DRAFT ||
      govorun_campaigns_lookup (self, govorun_campaign_get_id (campaign)) != NULL)
    {
      if (progress_destroy != NULL)
        progress_destroy (progress_data);
      g_task_return_new_error (task, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_STATE,
                               _("The campaign was prepared already. Start a new campaign."));
      return;
    }
  /* Debt mode: the law's hours and a day between attempts, whatever was set. */
  govorun_campaign_debt_apply_settings (campaign);
  if (!check_settings (self, campaign, &error))
    {
      if (progress_destroy != NULL)
        progress_destroy (progress_data);
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (PrepareData, 1);
  data->campaign = g_object_ref (campaign);
  remembered = govorun_column_mapping_copy (mapping);
  data->mapping_json = govorun_column_mapping_to_json (remembered);
  data->import = _govorun_campaign_import_new (self, file, sheet, mapping, campaign, FALSE, progress,
                                               progress_data, progress_destroy, cancellable);
  g_task_set_task_data (task, data, (GDestroyNotify) prepare_data_free);
  govorun_campaign_records_create_async (self->store, campaign, fill_and_count, data, prepare_fill_data_free,
                                         cancellable, on_prepared, g_steal_pointer (&task));
}

GovorunPreflight *
govorun_campaigns_prepare_finish (GovorunCampaigns  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* -- a saved draft's preflight -- */

static void
on_preflight_issues (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunCampaign *campaign = g_task_get_task_data (task);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GListStore) store = g_list_store_new (GOVORUN_TYPE_PREFLIGHT_ISSUE);
  g_autoptr(GovorunPreflight) preflight = govorun_preflight_new ();
  guint counts[GOVORUN_PREFLIGHT_ISSUE_N_KINDS] = { 0 };
  GError *error = NULL;
  guint valid = govorun_campaign_get_total (campaign);

  issues = govorun_campaign_records_read_issues_finish (GOVORUN_STORE (source), result, counts, &error);
  if (issues == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_list_store_splice (store, 0, 0, issues->pdata, issues->len);
  govorun_preflight_set_issues (preflight, G_LIST_MODEL (store));
  govorun_preflight_set_valid (preflight, valid);
  govorun_preflight_set_invalid (preflight, counts[GOVORUN_PREFLIGHT_ISSUE_INVALID]);
  govorun_preflight_set_duplicates (preflight, counts[GOVORUN_PREFLIGHT_ISSUE_DUPLICATE]);
  govorun_preflight_set_do_not_call (preflight, counts[GOVORUN_PREFLIGHT_ISSUE_DO_NOT_CALL]);
  govorun_preflight_set_missing_variables (preflight, counts[GOVORUN_PREFLIGHT_ISSUE_MISSING_VARIABLE]);
  govorun_preflight_set_held_back (preflight, counts[GOVORUN_PREFLIGHT_ISSUE_DEBT_CAP]);
  govorun_preflight_set_rows (preflight, valid + counts[GOVORUN_PREFLIGHT_ISSUE_INVALID] +
                              counts[GOVORUN_PREFLIGHT_ISSUE_DUPLICATE] +
                              counts[GOVORUN_PREFLIGHT_ISSUE_DO_NOT_CALL] +
                              counts[GOVORUN_PREFLIGHT_ISSUE_DEBT_CAP]);
  _govorun_campaigns_estimate (g_task_get_source_object (task), campaign, preflight);
  g_task_return_pointer (task, g_steal_pointer (&preflight), g_object_unref);
}

void
govorun_campaigns_get_preflight_async (GovorunCampaigns    *self,
                                       GovorunCampaign     *campaign,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GOVORUN_IS_CAMPAIGNS (self));
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (campaign));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_campaigns_get_preflight_async);
  g_task_set_task_data (task, g_object_ref (campaign), g_object_unref);
  govorun_campaign_records_read_issues_async (self->store, govorun_campaign_get_id (campaign), MAX_ISSUES_SHOWN,
                                              cancellable, on_preflight_issues, g_steal_pointer (&task));
}

GovorunPreflight *
govorun_campaigns_get_preflight_finish (GovorunCampaigns  *self,
                                        GAsyncResult      *result,
                                        GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* -- saving and deleting drafts -- */

static void
on_draft_written (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!govorun_campaign_records_save_finish (GOVORUN_STORE (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
govorun_campaigns_save_draft_async (GovorunCampaigns    *self,
                                    GovorunCampaign     *campaign,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (GOVORUN_IS_CAMPAIGNS (self));
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (campaign));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_campaigns_save_draft_async);
  if (govorun_campaign_get_state (campaign) != GOVORUN_CAMPAIGN_STATE_DRAFT)
    {
      g_task_return_new_error (task, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_STATE,
                               _("Only a draft’s settings can be changed."));
      return;
    }
  govorun_campaign_debt_apply_settings (campaign);
  if (!check_settings (self, campaign, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  govorun_campaign_records_save_async (self->store, campaign, _govorun_campaigns_list_state (campaign),
                                       cancellable, on_draft_written, g_steal_pointer (&task));
}

gboolean
govorun_campaigns_save_draft_finish (GovorunCampaigns  *self,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_draft_deleted (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunCampaigns *self = g_task_get_source_object (task);
  GovorunCampaign *campaign = g_task_get_task_data (task);
  GError *error = NULL;
  guint position;

  if (!govorun_campaign_records_delete_finish (GOVORUN_STORE (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_list_store_find (self->model, campaign, &position))
    g_list_store_remove (self->model, position);
  g_task_return_boolean (task, TRUE);
}

void
govorun_campaigns_delete_draft_async (GovorunCampaigns    *self,
                                      GovorunCampaign     *campaign,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GOVORUN_IS_CAMPAIGNS (self));
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (campaign));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_campaigns_delete_draft_async);
  g_task_set_task_data (task, g_object_ref (campaign), g_object_unref);
  if (govorun_campaign_get_state (campaign) != GOVORUN_CAMPAIGN_STATE_DRAFT ||
      _govorun_campaigns_list_state (campaign) != GOVORUN_CAMPAIGN_LIST_NONE)
    {
      g_task_return_new_error (task, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_STATE,
                               _("Only a draft that was never started can be deleted."));
      return;
    }
  govorun_campaign_records_delete_async (self->store, govorun_campaign_get_id (campaign), cancellable,
                                         on_draft_deleted, g_steal_pointer (&task));
}

gboolean
govorun_campaigns_delete_draft_finish (GovorunCampaigns  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* -- contacts -- */

GListModel *
govorun_campaigns_get_contacts (GovorunCampaigns *self,
                                GovorunCampaign  *campaign)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGNS (self), NULL);
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (campaign), NULL);

  return G_LIST_MODEL (govorun_campaign_contacts_new (self->store, campaign));
}
