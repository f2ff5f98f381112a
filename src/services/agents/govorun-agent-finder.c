/* govorun-agent-finder.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAgentFinder"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "govorun-agent-finder.h"
#include "govorun-client-factory.h"
#include "govorun-found-agent-private.h"
#include "govorun-provider-objects.h"
#include "govorun-scenario-generator.h"
#include "govorun-voximplant-applications.h"
#include "govorun-voximplant-phone-numbers.h"

/*
 * A search is four rounds: the client; the applications named "gv-…" and
 * the scenario list together; each scenario's text (GetScenarios gives
 * texts only by scenario_id); then, per agent found, its rules and its
 * numbers. A manifest is trusted only on a scenario whose name is the one
 * Govorun gives that kind for the manifest's slug: a hand-made scenario
 * with a copied manifest line is not an agent.
 */

#define LIST_PAGE 1000

struct _GovorunAgentFinder
{
  GObject               parent_instance;

  GovorunClientFactory *factory;
  GovorunAccountStore  *accounts;
  GovorunAgentStore    *agents;
  GovorunProvisioner   *provisioner;
  GovorunStore         *store;
};

G_DEFINE_FINAL_TYPE (GovorunAgentFinder, govorun_agent_finder, G_TYPE_OBJECT)

G_DEFINE_QUARK (govorun-agent-finder-error-quark, govorun_agent_finder_error)

typedef struct _Find Find;
typedef void (*FindStep) (GTask *task);

struct _Find
{
  GovorunAccount          *vox_account;
  GovorunVoximplantClient *client;
  GPtrArray               *apps;      /* GovorunVoximplantApplication */
  GPtrArray               *listing;   /* GovorunVoximplantScenario, without texts */
  GHashTable              *scripts;   /* scenario id (gint64 *) → text */
  GPtrArray               *found;     /* GovorunFoundAgent */
  guint                    pending;
  FindStep                 next;
  GError                  *error;
};

static void
find_free (Find *find)
{
  g_clear_object (&find->vox_account);
  g_clear_object (&find->client);
  g_clear_pointer (&find->apps, g_ptr_array_unref);
  g_clear_pointer (&find->listing, g_ptr_array_unref);
  g_clear_pointer (&find->scripts, g_hash_table_unref);
  g_clear_pointer (&find->found, g_ptr_array_unref);
  g_clear_error (&find->error);
  g_free (find);
}

/* One answer of the current round is in; the last one moves on. */
static void
find_dec (GTask *task)
{
  Find *find = g_task_get_task_data (task);

  if (--find->pending > 0)
    return;
  if (find->error != NULL)
    g_task_return_error (task, g_steal_pointer (&find->error));
  else
    find->next (task);
}

static void
find_fail (Find   *find,
           GError *error)
{
  if (find->error == NULL)
    find->error = error;
  else
    g_error_free (error);
}

/* --- round 4: an agent's rules and numbers ------------------------------------------ */

static gboolean
application_is (const char *full,
                const char *name)
{
  gsize len = strlen (name);

  return g_str_equal (full, name) || (g_str_has_prefix (full, name) && full[len] == '.');
}

typedef struct
{
  GTask             *task;
  GovorunFoundAgent *found;
} AgentReply;

static AgentReply *
agent_reply_new (GTask             *task,
                 GovorunFoundAgent *found)
{
  AgentReply *reply = g_new0 (AgentReply, 1);

  reply->task = g_object_ref (task);
  reply->found = g_object_ref (found);
  return reply;
}

static void
agent_reply_free (AgentReply *reply)
{
  g_object_unref (reply->task);
  g_object_unref (reply->found);
  g_free (reply);
}

static void
on_rules (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  AgentReply *reply = user_data;
  Find *find = g_task_get_task_data (reply->task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = govorun_voximplant_client_get_rules_finish (GOVORUN_VOXIMPLANT_CLIENT (object),
                                                                           result, NULL, &error);
  GovorunFoundAgent *found = reply->found;

  if (rules == NULL)
    find_fail (find, g_steal_pointer (&error));
  for (guint i = 0; rules != NULL && i < rules->len; i++)
    {
      GovorunVoximplantRule *rule = g_ptr_array_index (rules, i);

      for (guint r = 0; r < 2; r++)
        {
          g_autofree char *name = govorun_provisioner_rule_name (found->manifest->slug, r == 0);

          if (g_str_equal (rule->rule_name, name))
            found->rule_ids[r] = rule->rule_id;
        }
    }
  find_dec (reply->task);
  agent_reply_free (reply);
}

static void
on_numbers (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  AgentReply *reply = user_data;
  Find *find = g_task_get_task_data (reply->task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) numbers = govorun_voximplant_client_get_phone_numbers_finish (GOVORUN_VOXIMPLANT_CLIENT (object),
                                                                                     result, NULL, &error);

  if (numbers == NULL)
    find_fail (find, g_steal_pointer (&error));
  for (guint i = 0; numbers != NULL && i < numbers->len; i++)
    {
      GovorunVoximplantPhoneNumber *number = g_ptr_array_index (numbers, i);

      if (reply->found->application_id != 0 && number->application_id == reply->found->application_id)
        g_array_append_val (reply->found->bound_phone_ids, number->phone_id);
    }
  find_dec (reply->task);
  agent_reply_free (reply);
}

static gint
compare_found (gconstpointer a,
               gconstpointer b)
{
  GovorunFoundAgent *x = *(GovorunFoundAgent **) a;
  GovorunFoundAgent *y = *(GovorunFoundAgent **) b;

  if ((x->state == GOVORUN_FOUND_AGENT_FOREIGN) != (y->state == GOVORUN_FOUND_AGENT_FOREIGN))
    return x->state == GOVORUN_FOUND_AGENT_FOREIGN ? 1 : -1;
  return g_utf8_collate (x->name, y->name);
}

static gboolean
agent_here (GovorunAgentFinder *self,
            const char         *vox_account_uuid,
            const char         *slug)
{
  GListModel *agents = G_LIST_MODEL (self->agents);

  for (guint i = 0; i < g_list_model_get_n_items (agents); i++)
    {
      g_autoptr(GovorunAgent) agent = g_list_model_get_item (agents, i);

      if (g_strcmp0 (govorun_agent_get_slug (agent), slug) == 0
          && g_strcmp0 (govorun_agent_get_vox_account_uuid (agent), vox_account_uuid) == 0)
        return TRUE;
    }
  return FALSE;
}

static GovorunScenarioKind
inbound_kind (const GovorunScenarioManifest *m)
{
  return m->webhook ? GOVORUN_SCENARIO_WEBHOOK_BOT : GOVORUN_SCENARIO_INBOUND;
}

static void
find_done (GTask *task)
{
  GovorunAgentFinder *self = g_task_get_source_object (task);
  Find *find = g_task_get_task_data (task);
  GListStore *store = g_list_store_new (GOVORUN_TYPE_FOUND_AGENT);

  for (guint i = 0; i < find->found->len; i++)
    {
      GovorunFoundAgent *found = g_ptr_array_index (find->found, i);
      const GovorunScenarioManifest *m = found->manifest;
      gboolean complete;

      if (m == NULL)
        continue;
      complete = found->application_id != 0
                 && (!m->inbound || (found->scenario_ids[inbound_kind (m)] != 0 && found->rule_ids[0] != 0))
                 && (!m->outbound || (found->scenario_ids[GOVORUN_SCENARIO_OUTBOUND] != 0 && found->rule_ids[1] != 0))
                 && found->bound_phone_ids->len == m->numbers->len;
      found->state = complete ? GOVORUN_FOUND_AGENT_COMPLETE : GOVORUN_FOUND_AGENT_PARTIAL;
      found->here = agent_here (self, found->vox_account_uuid, m->slug);
    }
  g_ptr_array_sort (find->found, compare_found);
  for (guint i = 0; i < find->found->len; i++)
    g_list_store_append (store, g_ptr_array_index (find->found, i));
  g_task_return_pointer (task, store, g_object_unref);
}

/* --- round 3 → grouping -------------------------------------------------------------- */

/* The manifest of @scenario if Govorun wrote it: a valid manifest on the
 * scenario named for the manifest's slug and the kind its modes need. */
static GovorunScenarioManifest *
trusted_manifest (GovorunVoximplantScenario *scenario,
                  const char                *script)
{
  g_autoptr(GovorunScenarioManifest) m = NULL;

  if (script == NULL || (m = govorun_scenario_manifest_parse (script, -1, NULL)) == NULL)
    return NULL;
  for (guint k = 0; k < GOVORUN_SCENARIO_N_KINDS; k++)
    {
      g_autofree char *name = govorun_scenario_name_for_agent (m->slug, k);

      if (g_str_equal (name, scenario->scenario_name))
        return g_steal_pointer (&m);
    }
  return NULL;
}

static void
find_group (GTask *task)
{
  Find *find = g_task_get_task_data (task);
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;

  find->found = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < find->listing->len; i++)
    {
      GovorunVoximplantScenario *scenario = g_ptr_array_index (find->listing, i);
      const char *script = g_hash_table_lookup (find->scripts, &scenario->scenario_id);
      GovorunScenarioManifest *m = trusted_manifest (scenario, script);
      GovorunFoundAgent *found;

      if (m == NULL)
        {
          /* Past the limit the text was not read: nothing is said of it. */
          if (i < GOVORUN_AGENT_FINDER_MAX_SCENARIOS)
            g_ptr_array_add (find->found, _govorun_found_agent_new (scenario->scenario_name,
                                                                    GOVORUN_FOUND_AGENT_FOREIGN, NULL));
          continue;
        }
      found = g_hash_table_lookup (groups, m->slug);
      if (found == NULL)
        {
          found = _govorun_found_agent_new (m->agent_name, GOVORUN_FOUND_AGENT_PARTIAL, m);
          found->vox_account_uuid = g_strdup (govorun_account_get_uuid (find->vox_account));
          g_ptr_array_add (find->found, found);
          g_hash_table_insert (groups, found->manifest->slug, found);
        }
      else if (m->revision > found->manifest->revision)
        {
          /* The newest deploy says what the agent is. */
          g_hash_table_remove (groups, found->manifest->slug);
          _govorun_found_agent_set_manifest (found, m);
          g_hash_table_insert (groups, found->manifest->slug, found);
        }
      else
        govorun_scenario_manifest_free (m);
    }

  /* Each agent's objects by Govorun's names. */
  find->next = find_done;
  find->pending = 1;
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GovorunFoundAgent *found = value;
      const GovorunScenarioManifest *m = found->manifest;
      g_autofree char *app_name = govorun_provisioner_application_name (m->slug);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint i = 0; i < find->apps->len; i++)
        {
          GovorunVoximplantApplication *app = g_ptr_array_index (find->apps, i);

          if (application_is (app->application_name, app_name))
            {
              found->application_id = app->application_id;
              g_free (found->application_name);
              found->application_name = g_strdup (app->application_name);
            }
        }
      for (guint i = 0; i < find->listing->len; i++)
        {
          GovorunVoximplantScenario *scenario = g_ptr_array_index (find->listing, i);

          for (guint k = 0; k < GOVORUN_SCENARIO_N_KINDS; k++)
            {
              g_autofree char *name = govorun_scenario_name_for_agent (m->slug, k);

              if (g_str_equal (name, scenario->scenario_name))
                found->scenario_ids[k] = scenario->scenario_id;
            }
        }
      if (found->application_id != 0)
        {
          find->pending++;
          govorun_voximplant_client_get_rules_async (find->client, found->application_id, TRUE, LIST_PAGE, 0,
                                                     g_task_get_cancellable (task), on_rules,
                                                     agent_reply_new (task, found));
        }
      for (guint i = 0; i < m->numbers->len; i++)
        g_array_append_val (ids, ((GovorunManifestNumber *) g_ptr_array_index (m->numbers, i))->phone_id);
      find->pending++;
      govorun_voximplant_client_get_phone_numbers_async (find->client, (const gint64 *) ids->data, ids->len,
                                                         LIST_PAGE, 0, g_task_get_cancellable (task), on_numbers,
                                                         agent_reply_new (task, found));
    }
  find_dec (task);
}

static void
on_script (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Find *find = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = govorun_voximplant_client_get_scenarios_finish (GOVORUN_VOXIMPLANT_CLIENT (object),
                                                                               result, NULL, &error);

  if (items == NULL)
    find_fail (find, g_steal_pointer (&error));
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      GovorunVoximplantScenario *item = g_ptr_array_index (items, i);
      gint64 *id = g_new (gint64, 1);

      *id = item->scenario_id;
      if (item->scenario_script != NULL)
        g_hash_table_replace (find->scripts, id, g_strdup (item->scenario_script));
      else
        g_free (id);
    }
  find_dec (task);
}

static void
find_scripts (GTask *task)
{
  Find *find = g_task_get_task_data (task);

  find->scripts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  find->next = find_group;
  find->pending = 1;
  for (guint i = 0; i < find->listing->len && i < GOVORUN_AGENT_FINDER_MAX_SCENARIOS; i++)
    {
      GovorunVoximplantScenario *scenario = g_ptr_array_index (find->listing, i);

      find->pending++;
      govorun_voximplant_client_get_scenarios_async (find->client, scenario->scenario_id, NULL, TRUE, 0, 0,
                                                     g_task_get_cancellable (task), on_script,
                                                     g_object_ref (task));
    }
  find_dec (task);
}

/* --- rounds 1 and 2 ----------------------------------------------------------------- */

static void
on_apps (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Find *find = g_task_get_task_data (task);
  GError *error = NULL;

  find->apps = govorun_voximplant_client_get_applications_finish (GOVORUN_VOXIMPLANT_CLIENT (object), result,
                                                                  NULL, &error);
  if (find->apps == NULL)
    find_fail (find, error);
  find_dec (task);
}

static void
on_listing (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Find *find = g_task_get_task_data (task);
  GError *error = NULL;

  find->listing = govorun_voximplant_client_get_scenarios_finish (GOVORUN_VOXIMPLANT_CLIENT (object), result,
                                                                  NULL, &error);
  if (find->listing == NULL)
    find_fail (find, error);
  find_dec (task);
}

static void
on_client (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Find *find = g_task_get_task_data (task);
  GError *error = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);

  find->client = govorun_client_factory_voximplant_finish (GOVORUN_CLIENT_FACTORY (object), result, &error);
  if (find->client == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  find->next = find_scripts;
  find->pending = 2;
  govorun_voximplant_client_get_applications_async (find->client, "gv-", LIST_PAGE, 0, cancellable,
                                                    on_apps, g_object_ref (task));
  govorun_voximplant_client_get_scenarios_async (find->client, 0, NULL, FALSE, LIST_PAGE, 0, cancellable,
                                                 on_listing, g_object_ref (task));
}

void
govorun_agent_finder_find_async (GovorunAgentFinder  *self,
                                 GovorunAccount      *vox_account,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Find *find;

  g_return_if_fail (GOVORUN_IS_AGENT_FINDER (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (vox_account));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_agent_finder_find_async);
  find = g_new0 (Find, 1);
  find->vox_account = g_object_ref (vox_account);
  g_task_set_task_data (task, find, (GDestroyNotify) find_free);
  govorun_client_factory_voximplant_async (self->factory, vox_account, NULL, cancellable,
                                           on_client, g_steal_pointer (&task));
}

GListModel *
govorun_agent_finder_find_finish (GovorunAgentFinder  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_agent_finder_find_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
govorun_agent_finder_count_adoptable (GListModel *found)
{
  guint n = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (found), 0);

  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(GovorunFoundAgent) item = g_list_model_get_item (found, i);

      n += item->state != GOVORUN_FOUND_AGENT_FOREIGN && !item->here;
    }
  return n;
}

/* --- adopting ----------------------------------------------------------------------- */

/* The set-up the manifest describes, on @agent (its identity untouched). */
static void
take_setup (GovorunAgent                  *agent,
            const GovorunScenarioManifest *m)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_agent_number_free);

  for (guint i = 0; i < m->numbers->len; i++)
    {
      GovorunManifestNumber *number = g_ptr_array_index (m->numbers, i);

      g_ptr_array_add (numbers, govorun_agent_number_new (number->phone_id, number->number));
    }
  g_object_freeze_notify (G_OBJECT (agent));
  govorun_agent_set_name (agent, m->agent_name);
  govorun_agent_set_inbound (agent, m->inbound);
  govorun_agent_set_outbound (agent, m->outbound);
  govorun_agent_set_engine (agent, m->webhook ? GOVORUN_AGENT_ENGINE_WEBHOOK : GOVORUN_AGENT_ENGINE_ELEVENLABS);
  govorun_agent_set_el_agent_id (agent, m->el_agent_id);
  govorun_agent_set_webhook_url (agent, m->webhook_url);
  govorun_agent_set_tenant_slug (agent, m->tenant_slug);
  govorun_agent_set_bot_language (agent, m->language);
  govorun_agent_set_bot_voice (agent, m->voice);
  govorun_agent_set_record (agent, m->record);
  govorun_agent_set_key_in_scenario (agent, m->key_in_scenario);
  govorun_agent_set_numbers (agent, numbers);
  govorun_agent_set_seen_manifest (agent, m->revision, m->computer_id);
  g_object_thaw_notify (G_OBJECT (agent));
}

/* The ElevenLabs account the manifest names: by its name here, or the
 * only one there is. */
static GovorunAccount *
elevenlabs_account (GovorunAgentFinder *self,
                    const char         *hint)
{
  GListModel *accounts = G_LIST_MODEL (self->accounts);
  GovorunAccount *only = NULL;
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(GovorunAccount) account = g_list_model_get_item (accounts, i);

      if (govorun_account_get_kind (account) != GOVORUN_ACCOUNT_KIND_ELEVENLABS)
        continue;
      if (g_strcmp0 (govorun_account_get_display_name (account), hint) == 0)
        return account;
      only = account;
      n++;
    }
  return n == 1 ? only : NULL;
}

typedef struct
{
  GovorunFoundAgent *found;
  GovorunAgent      *agent;   /* as saved */
} Adopt;

static void
adopt_free (Adopt *adopt)
{
  g_clear_object (&adopt->found);
  g_clear_object (&adopt->agent);
  g_free (adopt);
}

static void
on_adopt_drift (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Adopt *adopt = g_task_get_task_data (task);
  g_autoptr(GPtrArray) drift = NULL;
  GError *error = NULL;

  drift = govorun_provisioner_check_drift_finish (GOVORUN_PROVISIONER (object), result, &error);
  if (drift == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_object_ref (adopt->agent), g_object_unref);
}

static void
on_records_written (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunAgentFinder *self = g_task_get_source_object (task);
  Adopt *adopt = g_task_get_task_data (task);
  GError *error = NULL;

  if (!govorun_provider_objects_write_finish (GOVORUN_STORE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  govorun_provisioner_check_drift_async (self->provisioner, adopt->agent, g_task_get_cancellable (task),
                                         on_adopt_drift, g_object_ref (task));
}

static void
record (GovorunProviderObjectChanges *changes,
        const char                   *type,
        const char                   *name,
        gint64                        id)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  govorun_provider_object_changes_record (changes, type, name);
  govorun_provider_object_changes_set_id (changes, type, name, text);
}

static void
on_records_listed (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Adopt *adopt = g_task_get_task_data (task);
  GovorunFoundAgent *found = adopt->found;
  const char *slug = found->manifest->slug;
  g_autoptr(GPtrArray) existing = NULL;
  GovorunProviderObjectChanges *changes;
  g_autofree char *app_name = govorun_provisioner_application_name (slug);
  GError *error = NULL;
  gint64 account_row = 0;

  existing = govorun_provider_objects_list_finish (GOVORUN_STORE (object), result, &account_row, &error);
  if (existing == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The records a set-up on this computer would have left. */
  changes = govorun_provider_object_changes_new ();
  if (found->application_id != 0)
    record (changes, "application", app_name, found->application_id);
  for (guint k = 0; k < GOVORUN_SCENARIO_N_KINDS; k++)
    if (found->scenario_ids[k] != 0)
      {
        g_autofree char *name = govorun_scenario_name_for_agent (slug, k);

        record (changes, "scenario", name, found->scenario_ids[k]);
      }
  for (guint r = 0; r < 2; r++)
    if (found->rule_ids[r] != 0)
      {
        g_autofree char *name = govorun_provisioner_rule_name (slug, r == 0);

        record (changes, "rule", name, found->rule_ids[r]);
      }
  for (guint i = 0; i < found->bound_phone_ids->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (found->bound_phone_ids, gint64, i));

      govorun_provider_object_changes_record (changes, "binding", name);
    }
  govorun_provider_objects_write_async (GOVORUN_STORE (object), account_row, govorun_agent_get_uuid (adopt->agent),
                                        changes, NULL, on_records_written, g_object_ref (task));
}

static void
on_adopt_saved (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunAgentFinder *self = g_task_get_source_object (task);
  Adopt *adopt = g_task_get_task_data (task);
  GError *error = NULL;

  adopt->agent = govorun_agent_store_save_finish (GOVORUN_AGENT_STORE (object), result, &error);
  if (adopt->agent == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  govorun_provider_objects_list_async (self->store, govorun_agent_get_vox_account_uuid (adopt->agent),
                                       govorun_agent_get_uuid (adopt->agent), NULL,
                                       on_records_listed, g_object_ref (task));
}

void
govorun_agent_finder_adopt_async (GovorunAgentFinder  *self,
                                  GovorunFoundAgent   *found,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GovorunAgent) agent = NULL;
  const GovorunScenarioManifest *m;
  Adopt *adopt;

  g_return_if_fail (GOVORUN_IS_AGENT_FINDER (self));
  g_return_if_fail (GOVORUN_IS_FOUND_AGENT (found));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_agent_finder_adopt_async);
  adopt = g_new0 (Adopt, 1);
  adopt->found = g_object_ref (found);
  g_task_set_task_data (task, adopt, (GDestroyNotify) adopt_free);
  m = found->manifest;

  if (m == NULL)
    {
      g_task_return_new_error (task, GOVORUN_AGENT_FINDER_ERROR, GOVORUN_AGENT_FINDER_ERROR_NOT_GOVORUN,
                               _("The scenario “%s” was not made by Govorun, so Govorun leaves it alone."),
                               found->name);
      return;
    }
  if (agent_here (self, found->vox_account_uuid, m->slug))
    {
      g_task_return_new_error (task, GOVORUN_AGENT_FINDER_ERROR, GOVORUN_AGENT_FINDER_ERROR_ALREADY_HERE,
                               _("The agent “%s” is already on this computer. Open it in the agents list."),
                               m->agent_name);
      return;
    }

  agent = govorun_agent_new ();
  take_setup (agent, m);
  govorun_agent_set_slug (agent, m->slug);
  govorun_agent_set_vox_account_uuid (agent, found->vox_account_uuid);
  if (!m->webhook)
    {
      GovorunAccount *el = elevenlabs_account (self, m->el_account_hint);

      if (el == NULL)
        {
          g_task_return_new_error (task, GOVORUN_AGENT_FINDER_ERROR, GOVORUN_AGENT_FINDER_ERROR_ELEVENLABS_ACCOUNT,
                                   /* Translators: %s is an account's name on the other computer */
                                   _("The agent uses the ElevenLabs account “%s”, which is not on this computer. Add that account on the Accounts page, then adopt the agent again."),
                                   m->el_account_hint != NULL ? m->el_account_hint : "?");
          return;
        }
      govorun_agent_set_el_account_uuid (agent, govorun_account_get_uuid (el));
    }
  govorun_agent_set_application_id (agent, found->application_id);
  govorun_agent_set_application_name (agent, found->application_name);
  govorun_agent_set_state (agent, found->state == GOVORUN_FOUND_AGENT_COMPLETE ? GOVORUN_AGENT_STATE_READY
                                                                              : GOVORUN_AGENT_STATE_PARTIAL);
  if (found->state != GOVORUN_FOUND_AGENT_COMPLETE)
    govorun_agent_set_last_error (agent, _("Some of the agent’s objects are missing from the Voximplant account. Press Continue to set them up again."));
  govorun_agent_store_save_async (self->agents, agent, NULL, on_adopt_saved, g_steal_pointer (&task));
}

GovorunAgent *
govorun_agent_finder_adopt_finish (GovorunAgentFinder  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_agent_finder_adopt_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- load their version --------------------------------------------------------------- */

static void
on_theirs_drift (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) drift = NULL;
  GError *error = NULL;

  drift = govorun_provisioner_check_drift_finish (GOVORUN_PROVISIONER (object), result, &error);
  if (drift == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_theirs_saved (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunAgentFinder *self = g_task_get_source_object (task);
  g_autoptr(GovorunAgent) saved = NULL;
  GError *error = NULL;

  saved = govorun_agent_store_save_finish (GOVORUN_AGENT_STORE (object), result, &error);
  if (saved == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  govorun_provisioner_check_drift_async (self->provisioner, saved, g_task_get_cancellable (task),
                                         on_theirs_drift, g_object_ref (task));
}

static void
on_theirs_found (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunAgentFinder *self = GOVORUN_AGENT_FINDER (object);
  GovorunAgent *agent = g_task_get_task_data (task);
  g_autoptr(GListModel) found = NULL;
  GError *error = NULL;

  found = govorun_agent_finder_find_finish (self, result, &error);
  if (found == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(GovorunFoundAgent) item = g_list_model_get_item (found, i);
      g_autoptr(GovorunAgent) copy = NULL;

      if (item->manifest == NULL || g_strcmp0 (item->manifest->slug, govorun_agent_get_slug (agent)) != 0)
        continue;
      copy = govorun_agent_copy (agent);
      take_setup (copy, item->manifest);
      govorun_agent_set_state (copy, item->state == GOVORUN_FOUND_AGENT_COMPLETE ? GOVORUN_AGENT_STATE_READY
                                                                                : GOVORUN_AGENT_STATE_PARTIAL);
      govorun_agent_set_last_error (copy, NULL);
      govorun_agent_store_save_async (self->agents, copy, NULL, on_theirs_saved, g_object_ref (task));
      return;
    }
  g_task_return_new_error (task, GOVORUN_AGENT_FINDER_ERROR, GOVORUN_AGENT_FINDER_ERROR_NOT_FOUND,
                           _("The agent “%s” is no longer in the Voximplant account. Deploy it again from this computer."),
                           govorun_agent_get_name (agent));
}

void
govorun_agent_finder_load_theirs_async (GovorunAgentFinder  *self,
                                        GovorunAgent        *agent,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GovorunAccount *vox;

  g_return_if_fail (GOVORUN_IS_AGENT_FINDER (self));
  g_return_if_fail (GOVORUN_IS_AGENT (agent));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_agent_finder_load_theirs_async);
  g_task_set_task_data (task, g_object_ref (agent), g_object_unref);
  vox = govorun_account_store_find_by_uuid (self->accounts, govorun_agent_get_vox_account_uuid (agent));
  if (vox == NULL)
    {
      g_task_return_new_error (task, GOVORUN_PROVISIONER_ERROR, GOVORUN_PROVISIONER_ERROR_ACCOUNT,
                               _("The agent’s Voximplant account is not saved in Govorun. Choose a Voximplant account for the agent and try again."));
      return;
    }
  govorun_agent_finder_find_async (self, vox, cancellable, on_theirs_found, g_steal_pointer (&task));
}

gboolean
govorun_agent_finder_load_theirs_finish (GovorunAgentFinder  *self,
                                         GAsyncResult        *result,
                                         GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_agent_finder_load_theirs_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- GObject ------------------------------------------------------------------------- */

static void
govorun_agent_finder_dispose (GObject *object)
{
  GovorunAgentFinder *self = GOVORUN_AGENT_FINDER (object);

  g_clear_object (&self->factory);
  g_clear_object (&self->accounts);
  g_clear_object (&self->agents);
  g_clear_object (&self->provisioner);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (govorun_agent_finder_parent_class)->dispose (object);
}

static void
govorun_agent_finder_class_init (GovorunAgentFinderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = govorun_agent_finder_dispose;
}

static void
govorun_agent_finder_init (GovorunAgentFinder *self)
{
}

GovorunAgentFinder *
govorun_agent_finder_new (GovorunClientFactory *factory,
                          GovorunAccountStore  *accounts,
                          GovorunAgentStore    *agents,
                          GovorunProvisioner   *provisioner,
                          GovorunStore         *store)
{
  GovorunAgentFinder *self = g_object_new (GOVORUN_TYPE_AGENT_FINDER, NULL);

  self->factory = g_object_ref (factory);
  self->accounts = g_object_ref (accounts);
  self->agents = g_object_ref (agents);
  self->provisioner = g_object_ref (provisioner);
  self->store = g_object_ref (store);
  return self;
}
