/* govorun-agent-analysis.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAgentAnalysis"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-account-store.h"
#include "govorun-agent-analysis.h"
#include "govorun-client-factory.h"
#include "govorun-elevenlabs-analysis.h"
#include "govorun-profile-records.h"
#include "govorun-store.h"

struct _GovorunAgentAnalysis
{
  GObject               parent_instance;

  GovorunClientFactory *factory;
  GovorunAccountStore  *accounts;
  GovorunStore         *store;
};

G_DEFINE_FINAL_TYPE (GovorunAgentAnalysis, govorun_agent_analysis, G_TYPE_OBJECT)

G_DEFINE_QUARK (govorun-agent-analysis-error-quark, govorun_agent_analysis_error)

static void
govorun_agent_analysis_dispose (GObject *object)
{
  GovorunAgentAnalysis *self = GOVORUN_AGENT_ANALYSIS (object);

  g_clear_object (&self->factory);
  g_clear_object (&self->accounts);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (govorun_agent_analysis_parent_class)->dispose (object);
}

static void
govorun_agent_analysis_class_init (GovorunAgentAnalysisClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = govorun_agent_analysis_dispose;
}

static void
govorun_agent_analysis_init (GovorunAgentAnalysis *self)
{
}

GovorunAgentAnalysis *
govorun_agent_analysis_new (GovorunClientFactory *factory,
                            GovorunAccountStore  *accounts,
                            GovorunStore         *store)
{
  GovorunAgentAnalysis *self;

  g_return_val_if_fail (GOVORUN_IS_CLIENT_FACTORY (factory), NULL);
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (accounts), NULL);
  g_return_val_if_fail (GOVORUN_IS_STORE (store), NULL);

  self = g_object_new (GOVORUN_TYPE_AGENT_ANALYSIS, NULL);
  self->factory = g_object_ref (factory);
  self->accounts = g_object_ref (accounts);
  self->store = g_object_ref (store);

  return self;
}

/**
 * govorun_agent_analysis_account_for:
 *
 * Returns: (transfer none) (nullable): the agent's ElevenLabs account
 */
GovorunAccount *
govorun_agent_analysis_account_for (GovorunAgentAnalysis *self,
                                    GovorunAgent         *agent)
{
  const char *uuid;

  g_return_val_if_fail (GOVORUN_IS_AGENT_ANALYSIS (self), NULL);
  g_return_val_if_fail (GOVORUN_IS_AGENT (agent), NULL);

  uuid = govorun_agent_get_el_account_uuid (agent);
  return uuid != NULL ? govorun_account_store_find_by_uuid (self->accounts, uuid) : NULL;
}

/* Errors: the provider's sentence, in this service's domain. */

static GovorunAgentAnalysisError
code_for (const GError *error)
{
  if (error->domain == GOVORUN_HTTP_ERROR)
    return GOVORUN_AGENT_ANALYSIS_ERROR_UNAVAILABLE;
  if (error->domain != GOVORUN_ELEVENLABS_ERROR)
    return GOVORUN_AGENT_ANALYSIS_ERROR_FAILED;

  switch ((GovorunElevenlabsError) error->code)
    {
    case GOVORUN_ELEVENLABS_ERROR_NOT_FOUND:
      return GOVORUN_AGENT_ANALYSIS_ERROR_NOT_FOUND;
    case GOVORUN_ELEVENLABS_ERROR_INVALID_API_KEY:
    case GOVORUN_ELEVENLABS_ERROR_NEEDS_AUTHORIZATION:
    case GOVORUN_ELEVENLABS_ERROR_MISSING_PERMISSIONS:
    case GOVORUN_ELEVENLABS_ERROR_FORBIDDEN:
      return GOVORUN_AGENT_ANALYSIS_ERROR_ACCESS_DENIED;
    case GOVORUN_ELEVENLABS_ERROR_VALIDATION:
      return GOVORUN_AGENT_ANALYSIS_ERROR_INVALID_VALUE;
    case GOVORUN_ELEVENLABS_ERROR_QUOTA_EXCEEDED:
    case GOVORUN_ELEVENLABS_ERROR_RATE_LIMITED:
    case GOVORUN_ELEVENLABS_ERROR_SERVER:
      return GOVORUN_AGENT_ANALYSIS_ERROR_UNAVAILABLE;
    default:
      return GOVORUN_AGENT_ANALYSIS_ERROR_FAILED;
    }
}

static void
return_error (GTask                     *task,
              GError                    *error,
              GovorunAgentAnalysisError  code)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_new_error (task, GOVORUN_AGENT_ANALYSIS_ERROR, code, "%s", error->message);
  g_error_free (error);
}

/* Provider results ↔ model */

static GovorunAnalysisSettings *
settings_from (const GovorunElevenlabsAgentAnalysis *analysis)
{
  GovorunAnalysisSettings *settings = govorun_analysis_settings_new ();

  for (guint i = 0; i < analysis->criteria->len; i++)
    {
      GovorunElevenlabsCriterion *c = g_ptr_array_index (analysis->criteria, i);
      GovorunAnalysisCriterion *criterion = govorun_analysis_criterion_new (c->id, c->name, c->conversation_goal_prompt);

      criterion->extra_json = g_strdup (c->json);
      g_ptr_array_add (settings->criteria, criterion);
    }
  for (guint i = 0; i < analysis->data_fields->len; i++)
    {
      GovorunElevenlabsDataField *f = g_ptr_array_index (analysis->data_fields, i);
      GovorunAnalysisField *field = govorun_analysis_field_new (f->name, f->type, f->description);

      field->extra_json = g_strdup (f->json);
      g_ptr_array_add (settings->fields, field);
    }
  settings->privacy.retention_days = analysis->privacy.retention_days;
  settings->privacy.delete_transcript_and_pii = analysis->privacy.delete_transcript_and_pii;
  settings->privacy.delete_audio = analysis->privacy.delete_audio;
  settings->privacy.record_voice = analysis->privacy.record_voice;
  g_free (settings->first_message);
  settings->first_message = g_strdup (analysis->first_message);
  g_free (settings->language);
  settings->language = g_strdup (analysis->language);

  return settings;
}

static GovorunElevenlabsAgentAnalysis *
analysis_from (const GovorunAnalysisSettings *settings)
{
  GovorunElevenlabsAgentAnalysis *analysis = govorun_elevenlabs_agent_analysis_new ();

  for (guint i = 0; i < settings->criteria->len; i++)
    {
      GovorunAnalysisCriterion *c = g_ptr_array_index (settings->criteria, i);
      GovorunElevenlabsCriterion *criterion = govorun_elevenlabs_criterion_new (c->id, c->name, c->prompt);

      criterion->json = g_strdup (c->extra_json);
      g_ptr_array_add (analysis->criteria, criterion);
    }
  for (guint i = 0; i < settings->fields->len; i++)
    {
      GovorunAnalysisField *f = g_ptr_array_index (settings->fields, i);
      GovorunElevenlabsDataField *field = govorun_elevenlabs_data_field_new (f->name, f->type, f->description);

      field->json = g_strdup (f->extra_json);
      g_ptr_array_add (analysis->data_fields, field);
    }
  analysis->privacy.retention_days = settings->privacy.retention_days;
  analysis->privacy.delete_transcript_and_pii = settings->privacy.delete_transcript_and_pii;
  analysis->privacy.delete_audio = settings->privacy.delete_audio;
  g_free (analysis->first_message);
  analysis->first_message = g_strdup (settings->first_message);

  return analysis;
}

/* Requests */

typedef struct
{
  char                           *agent_id;
  GovorunElevenlabsAgentAnalysis *wanted;    /* NULL: a load */
  GovorunElevenlabsAnalysisParts  parts;
  GovorunElevenlabsClient        *client;
  GovorunAnalysisSettings        *accepted;  /* the PATCH answer, if the re-read fails */
  gboolean                        sent;
  char                           *seen_key;  /* the profile key of the fingerprint */
  char                           *read_fingerprint; /* of the settings the save started from */
  GovorunAnalysisSettings        *result;    /* returned once its fingerprint is written */
} Request;

static void
request_free (Request *request)
{
  g_free (request->agent_id);
  g_clear_pointer (&request->wanted, govorun_elevenlabs_agent_analysis_free);
  g_clear_object (&request->client);
  g_clear_pointer (&request->accepted, govorun_analysis_settings_free);
  g_free (request->seen_key);
  g_free (request->read_fingerprint);
  g_clear_pointer (&request->result, govorun_analysis_settings_free);
  g_free (request);
}

/* What this computer read: a fingerprint */

static void
fingerprint_add (GChecksum  *checksum,
                 const char *text)
{
  /* Each value with its length, so no two lists give the same bytes. */
  gsize length = text != NULL ? strlen (text) : G_MAXSIZE;

  g_checksum_update (checksum, (const guchar *) &length, sizeof length);
  if (text != NULL)
    g_checksum_update (checksum, (const guchar *) text, length);
}

char *
govorun_agent_analysis_fingerprint (const GovorunAnalysisSettings *settings)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char number[64];

  g_return_val_if_fail (settings != NULL, NULL);

  for (guint i = 0; i < settings->criteria->len; i++)
    {
      GovorunAnalysisCriterion *c = g_ptr_array_index (settings->criteria, i);

      fingerprint_add (checksum, "criterion");
      fingerprint_add (checksum, c->id);
      fingerprint_add (checksum, c->name);
      fingerprint_add (checksum, c->prompt);
      fingerprint_add (checksum, c->extra_json);
    }
  for (guint i = 0; i < settings->fields->len; i++)
    {
      GovorunAnalysisField *f = g_ptr_array_index (settings->fields, i);

      fingerprint_add (checksum, "field");
      fingerprint_add (checksum, f->name);
      fingerprint_add (checksum, f->type);
      fingerprint_add (checksum, f->description);
      fingerprint_add (checksum, f->extra_json);
    }
  g_snprintf (number, sizeof number, "privacy %d %d %d %d", (int) settings->privacy.retention_days,
              settings->privacy.delete_transcript_and_pii, settings->privacy.delete_audio,
              settings->privacy.record_voice);
  fingerprint_add (checksum, number);
  fingerprint_add (checksum, settings->first_message);
  return g_strdup (g_checksum_get_string (checksum));
}

static char *
seen_key (GovorunAccount *account,
          const char     *agent_id)
{
  return g_strdup_printf ("analysis-seen/%s/%s", govorun_account_get_uuid (account), agent_id);
}

static void
on_seen_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* Not remembered: the next save compares with what it started from. */
  if (!govorun_profile_records_set_finish (GOVORUN_STORE (source), result, &error))
    g_debug ("The analysis settings' fingerprint was not kept: %s", error->message);
  g_task_return_pointer (task, g_steal_pointer (&request->result), (GDestroyNotify) govorun_analysis_settings_free);
}

/* Returns @settings once their fingerprint is remembered as this computer's. */
static void
remember_and_return (GTask                   *task,
                     GovorunAnalysisSettings *settings)
{
  GovorunAgentAnalysis *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autofree char *fingerprint = govorun_agent_analysis_fingerprint (settings);

  request->result = settings;
  govorun_profile_records_set_async (self->store, request->seen_key, fingerprint, NULL, on_seen_written, task);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GovorunElevenlabsAgentAnalysis) analysis = NULL;
  GError *error = NULL;

  analysis = govorun_elevenlabs_client_get_agent_analysis_finish (GOVORUN_ELEVENLABS_CLIENT (source), result, &error);
  if (analysis == NULL)
    {
      /* A change ElevenLabs accepted is never reported as failed: show
       * what its answer to the PATCH said instead. */
      if (request->accepted != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("Re-reading agent after a save failed: %s", error->message);
          g_error_free (error);
          remember_and_return (g_steal_pointer (&task), g_steal_pointer (&request->accepted));
          return;
        }
      return_error (task, error, code_for (error));
      return;
    }

  remember_and_return (g_steal_pointer (&task), settings_from (analysis));
}

static void
on_patched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GovorunElevenlabsAgentAnalysis) answer = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  answer = govorun_elevenlabs_client_update_agent_analysis_finish (GOVORUN_ELEVENLABS_CLIENT (source), result, &error);
  if (answer == NULL)
    {
      return_error (task, error, code_for (error));
      return;
    }

  request->sent = TRUE;
  request->accepted = settings_from (answer);
  govorun_elevenlabs_client_get_agent_analysis_async (request->client, request->agent_id,
                                                      cancellable, on_read,
                                                      g_steal_pointer (&task));
}

/* Before a PATCH: the agent as ElevenLabs holds it now, against what this
 * computer last read. */

typedef struct
{
  GTask *task;
  char  *now;
} Check;

static void
on_seen_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Check *check = user_data;
  g_autoptr(GTask) task = check->task;
  g_autofree char *now = check->now;
  Request *request = g_task_get_task_data (task);
  g_autofree char *seen = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;

  g_free (check);
  seen = govorun_profile_records_get_finish (GOVORUN_STORE (source), result, &error);
  if (error != NULL)
    g_debug ("The analysis settings' fingerprint could not be read: %s", error->message);
  if (g_strcmp0 (now, seen != NULL ? seen : request->read_fingerprint) != 0)
    {
      g_task_return_new_error (task, GOVORUN_AGENT_ANALYSIS_ERROR, GOVORUN_AGENT_ANALYSIS_ERROR_CHANGED_ELSEWHERE,
                               _("The agent’s call analysis settings were changed at ElevenLabs after this "
                                 "computer read them — on another computer or on ElevenLabs’ website. Nothing "
                                 "was saved. Load their version, or replace theirs with yours."));
      return;
    }
  cancellable = g_task_get_cancellable (task);
  govorun_elevenlabs_client_update_agent_analysis_async (request->client, request->agent_id, request->wanted,
                                                         request->parts, cancellable,
                                                         on_patched, g_steal_pointer (&task));
}

static void
on_current (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunAgentAnalysis *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GovorunElevenlabsAgentAnalysis) analysis = NULL;
  g_autoptr(GovorunAnalysisSettings) current = NULL;
  Check *check;
  GError *error = NULL;

  analysis = govorun_elevenlabs_client_get_agent_analysis_finish (GOVORUN_ELEVENLABS_CLIENT (source), result, &error);
  if (analysis == NULL)
    {
      return_error (task, error, code_for (error));
      return;
    }
  current = settings_from (analysis);
  check = g_new0 (Check, 1);
  check->task = g_steal_pointer (&task);
  check->now = govorun_agent_analysis_fingerprint (current);
  govorun_profile_records_get_async (self->store, request->seen_key, g_task_get_cancellable (check->task),
                                     on_seen_read, check);
}

static void
on_client (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  request->client = govorun_client_factory_elevenlabs_finish (GOVORUN_CLIENT_FACTORY (source), result, &error);
  if (request->client == NULL)
    {
      return_error (task, error, GOVORUN_AGENT_ANALYSIS_ERROR_SECRET_UNAVAILABLE);
      return;
    }

  if (request->wanted != NULL)
    govorun_elevenlabs_client_get_agent_analysis_async (request->client, request->agent_id,
                                                        cancellable, on_current,
                                                        g_steal_pointer (&task));
  else
    govorun_elevenlabs_client_get_agent_analysis_async (request->client, request->agent_id,
                                                        cancellable, on_read,
                                                        g_steal_pointer (&task));
}

static void
start (GovorunAgentAnalysis *self,
       GovorunAccount       *account,
       GTask                *task)
{
  govorun_client_factory_elevenlabs_async (self->factory, account, NULL, g_task_get_cancellable (task),
                                           on_client, task);
}

#define CHECK_ARGS(self, account, agent_id, cancellable) G_STMT_START { \
  g_return_if_fail (GOVORUN_IS_AGENT_ANALYSIS (self)); \
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account)); \
  g_return_if_fail (govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_ELEVENLABS); \
  g_return_if_fail (agent_id != NULL && *agent_id != '\0'); \
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable)); \
} G_STMT_END

void
govorun_agent_analysis_load_async (GovorunAgentAnalysis *self,
                                   GovorunAccount       *account,
                                   const char           *agent_id,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  GTask *task;
  Request *request;

  CHECK_ARGS (self, account, agent_id, cancellable);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_agent_analysis_load_async);
  request = g_new0 (Request, 1);
  request->agent_id = g_strdup (agent_id);
  request->seen_key = seen_key (account, agent_id);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  start (self, account, task);
}

/**
 * govorun_agent_analysis_load_finish:
 *
 * Returns: (transfer full): the agent's settings, or %NULL with @error set
 */
GovorunAnalysisSettings *
govorun_agent_analysis_load_finish (GovorunAgentAnalysis  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT_ANALYSIS (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_agent_analysis_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
govorun_agent_analysis_save_async (GovorunAgentAnalysis          *self,
                                   GovorunAccount                *account,
                                   const char                    *agent_id,
                                   const GovorunAnalysisSettings *read,
                                   const GovorunAnalysisSettings *wanted,
                                   GCancellable                  *cancellable,
                                   GAsyncReadyCallback            callback,
                                   gpointer                       user_data)
{
  GTask *task;
  Request *request;
  GovorunElevenlabsAnalysisParts parts = 0;

  CHECK_ARGS (self, account, agent_id, cancellable);
  g_return_if_fail (read != NULL && wanted != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_agent_analysis_save_async);
  request = g_new0 (Request, 1);
  request->agent_id = g_strdup (agent_id);
  request->seen_key = seen_key (account, agent_id);
  request->read_fingerprint = govorun_agent_analysis_fingerprint (read);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  if (!govorun_analysis_criteria_equal (read, wanted))
    parts |= GOVORUN_ELEVENLABS_ANALYSIS_CRITERIA;
  if (!govorun_analysis_fields_equal (read, wanted))
    parts |= GOVORUN_ELEVENLABS_ANALYSIS_DATA_COLLECTION;
  if (!govorun_analysis_privacy_equal (read, wanted))
    parts |= GOVORUN_ELEVENLABS_ANALYSIS_PRIVACY;
  if (g_strcmp0 (read->first_message, wanted->first_message) != 0)
    parts |= GOVORUN_ELEVENLABS_ANALYSIS_FIRST_MESSAGE;

  /* Nothing to change: nothing is sent. */
  if (parts == 0)
    {
      g_task_return_pointer (task, govorun_analysis_settings_copy (wanted),
                             (GDestroyNotify) govorun_analysis_settings_free);
      g_object_unref (task);
      return;
    }

  request->wanted = analysis_from (wanted);
  request->parts = parts;
  start (self, account, task);
}

/**
 * govorun_agent_analysis_save_finish:
 * @out_sent: (out) (optional): whether a PATCH was sent
 *
 * Returns: (transfer full): the agent's settings as ElevenLabs holds them
 *   now, or %NULL with @error set
 */
GovorunAnalysisSettings *
govorun_agent_analysis_save_finish (GovorunAgentAnalysis  *self,
                                    GAsyncResult          *result,
                                    gboolean              *out_sent,
                                    GError               **error)
{
  Request *request;

  g_return_val_if_fail (GOVORUN_IS_AGENT_ANALYSIS (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_agent_analysis_save_async, NULL);

  request = g_task_get_task_data (G_TASK (result));
  if (out_sent != NULL)
    *out_sent = request->sent;

  return g_task_propagate_pointer (G_TASK (result), error);
}
