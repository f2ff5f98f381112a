/* govorun-provisioner.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunProvisioner"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "govorun-provisioner.h"
#include "govorun-secrets.h"
/* Until the provisioner moves to the typed Voximplant calls. */
#include "govorun-voximplant-client-private.h"

/*
 * How the provisioner works, and why:
 *
 *  - Names are deterministic, from the agent's slug: the application
 *    "gv-<slug>", scenarios govorun_scenario_name_for_agent(), rules
 *    "gv-<slug>-inbound" / "gv-<slug>-outbound". Every run starts by
 *    reading the account (GetApplications, GetScenarios, GetPhoneNumbers
 *    in parallel, then GetRules and the scenario texts once the ids are
 *    known) and matching those names exactly (the API's name filters are
 *    substring filters). So a run after any failure, even a dropped
 *    connection on an Add* whose outcome is unknown, finds what exists and
 *    never creates a second one; "already exists" answers (129, 133, 175)
 *    are met by reading the object back.
 *
 *  - Ownership: before an Add* (or a binding) is sent, a row is written
 *    to provider_objects (owner = agent uuid). Rollback removes exactly
 *    the objects with such a row; an object found by name without one was
 *    there before Govorun and is only reused (and updated to what the
 *    agent needs when applied with it), never deleted. A row whose Add*
 *    was answered with a definite refusal is dropped again; after a
 *    transport failure it stays, since the object may exist.
 *
 *  - Mutations are sent without GOVORUN_HTTP_FLAGS_IDEMPOTENT: the
 *    transport retries them only after a documented rate-limit answer.
 *
 *  - Requests that do not depend on each other go out together; a "round"
 *    is a set of parallel requests, and the next round waits for all of
 *    them (govorun_provisioner_get_last_rounds() reports the count).
 *
 *  - Numbers: at most 100 per agent (one page of GetPhoneNumbers).
 *  - With engine WEBHOOK the webhook-bot scenario serves inbound calls;
 *    the outbound scenario is always the ElevenLabs one.
 */

#define N_KINDS GOVORUN_SCENARIO_N_KINDS
#define PAGE "100"

struct _GovorunProvisioner
{
  GObject               parent_instance;

  GovorunClientFactory *factory;
  GovorunAccountStore  *accounts;
  GovorunAgentStore    *agents;
  GovorunStore         *store;
  guint                 last_rounds;
};

G_DEFINE_FINAL_TYPE (GovorunProvisioner, govorun_provisioner, G_TYPE_OBJECT)

G_DEFINE_QUARK (govorun-provisioner-error-quark, govorun_provisioner_error)

G_DEFINE_ENUM_TYPE (GovorunPlanAction, govorun_plan_action,
  G_DEFINE_ENUM_VALUE (GOVORUN_PLAN_CREATE, "create"),
  G_DEFINE_ENUM_VALUE (GOVORUN_PLAN_REUSE, "reuse"),
  G_DEFINE_ENUM_VALUE (GOVORUN_PLAN_UPDATE, "update"),
  G_DEFINE_ENUM_VALUE (GOVORUN_PLAN_BIND, "bind"),
  G_DEFINE_ENUM_VALUE (GOVORUN_PLAN_UNBIND, "unbind"),
  G_DEFINE_ENUM_VALUE (GOVORUN_PLAN_DELETE, "delete"))

G_DEFINE_ENUM_TYPE (GovorunStepState, govorun_step_state,
  G_DEFINE_ENUM_VALUE (GOVORUN_STEP_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (GOVORUN_STEP_RUNNING, "running"),
  G_DEFINE_ENUM_VALUE (GOVORUN_STEP_DONE, "done"),
  G_DEFINE_ENUM_VALUE (GOVORUN_STEP_FAILED, "failed"),
  G_DEFINE_ENUM_VALUE (GOVORUN_STEP_SKIPPED, "skipped"))

G_DEFINE_BOXED_TYPE (GovorunPlanStep, govorun_plan_step, govorun_plan_step_copy, govorun_plan_step_free)
G_DEFINE_BOXED_TYPE (GovorunPlan, govorun_plan, govorun_plan_copy, govorun_plan_free)

enum {
  SIGNAL_STEP_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- plan boxed types ---------------------------------------------------- */

static GovorunPlanStep *
plan_step_new (const char        *id,
               GovorunPlanAction  action,
               const char        *object_type,
               const char        *name,
               char              *description /* owned */)
{
  GovorunPlanStep *step = g_new0 (GovorunPlanStep, 1);

  step->id = g_strdup (id);
  step->action = action;
  step->object_type = g_strdup (object_type);
  step->name = g_strdup (name);
  step->description = description;
  return step;
}

GovorunPlanStep *
govorun_plan_step_copy (const GovorunPlanStep *step)
{
  g_return_val_if_fail (step != NULL, NULL);

  return plan_step_new (step->id, step->action, step->object_type, step->name,
                        g_strdup (step->description));
}

void
govorun_plan_step_free (GovorunPlanStep *step)
{
  if (step == NULL)
    return;
  g_free (step->id);
  g_free (step->object_type);
  g_free (step->name);
  g_free (step->description);
  g_free (step);
}

static GovorunPlan *
plan_new (void)
{
  GovorunPlan *plan = g_new0 (GovorunPlan, 1);

  plan->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_plan_step_free);
  return plan;
}

GovorunPlan *
govorun_plan_copy (const GovorunPlan *plan)
{
  GovorunPlan *copy;

  g_return_val_if_fail (plan != NULL, NULL);

  copy = plan_new ();
  for (guint i = 0; i < plan->steps->len; i++)
    g_ptr_array_add (copy->steps, govorun_plan_step_copy (g_ptr_array_index (plan->steps, i)));
  return copy;
}

void
govorun_plan_free (GovorunPlan *plan)
{
  if (plan == NULL)
    return;
  g_ptr_array_unref (plan->steps);
  g_free (plan);
}

GovorunPlanStep *
govorun_plan_find_step (GovorunPlan *plan,
                        const char  *id)
{
  g_return_val_if_fail (plan != NULL, NULL);

  for (guint i = 0; i < plan->steps->len; i++)
    {
      GovorunPlanStep *step = g_ptr_array_index (plan->steps, i);

      if (g_strcmp0 (step->id, id) == 0)
        return step;
    }
  return NULL;
}

/* --- names --------------------------------------------------------------- */

char *
govorun_provisioner_application_name (const char *slug)
{
  return g_strdup_printf ("gv-%s", slug);
}

char *
govorun_provisioner_rule_name (const char *slug,
                               gboolean    inbound)
{
  return g_strdup_printf ("gv-%s-%s", slug, inbound ? "inbound" : "outbound");
}

char *
govorun_provisioner_inbound_pattern (GPtrArray *numbers)
{
  g_autoptr(GString) pattern = NULL;

  if (numbers == NULL || numbers->len == 0)
    return NULL;

  /* Voximplant matches the whole destination, so no anchors are needed. */
  pattern = g_string_new ("(");
  for (guint i = 0; i < numbers->len; i++)
    {
      GovorunAgentNumber *number = g_ptr_array_index (numbers, i);
      const char *digits = number->number != NULL ? number->number : "";

      if (*digits == '+')
        digits++;
      if (i > 0)
        g_string_append_c (pattern, '|');
      g_string_append (pattern, digits);
    }
  g_string_append_c (pattern, ')');
  return g_string_free (g_steal_pointer (&pattern), FALSE);
}

/* --- the state of one run ------------------------------------------------ */

typedef enum
{
  OP_PLAN,
  OP_APPLY,
  OP_ROLLBACK,
  OP_DELETE,
  OP_DRIFT,
  OP_SCENARIO,
} OpKind;

typedef struct
{
  char     *name;          /* provider-side name (short name for the application) */
  gint64    id;
  gboolean  exists;
  gboolean  wanted;
  char     *script;        /* scenarios: the text in the account, if read */
  char     *wanted_script; /* scenarios: the text to deploy */
  char     *pattern;       /* rules: in the account */
  char     *wanted_pattern;/* rules: to deploy */
  GArray   *scenario_ids;  /* rules: bound scenarios, in the account */
  GovorunScenarioKind wanted_kind; /* rules: the scenario kind to bind */
} Obj;

typedef struct
{
  gint64  phone_id;
  char   *number;
  gint64  application_id;
  gint64  rule_id;
} Phone;

typedef enum
{
  RECORD_INSERT,
  RECORD_SET_ID,
  RECORD_DELETE,
} RecordOpKind;

typedef struct
{
  RecordOpKind  kind;
  char         *object_type;
  char         *name;
  char         *provider_id;
} RecordOp;

typedef struct _Run Run;
typedef void (*StageFunc) (Run *run);

struct _Run
{
  GTask                   *task;       /* not a reference: the task owns the run */
  OpKind                   op;
  GovorunAgent            *agent;
  char                    *uuid;
  char                    *slug;
  GovorunAccount          *vox_account;
  GovorunAccount          *el_account;
  GovorunVoximplantClient *client;
  char                    *el_key;     /* a secret: wiped when freed */
  char                    *el_url;
  gint64                   account_row;
  GHashTable              *records;    /* "type\nname" → provider_id ("" when unknown) */
  GHashTable              *new_records;/* keys inserted by this run */
  GPtrArray               *record_ops;
  Obj                      app;
  Obj                      scenarios[N_KINDS];
  Obj                      rules[2];   /* 0 inbound, 1 outbound */
  GHashTable              *phones;     /* phone_id → Phone */
  GovorunPlan             *plan;
  GPtrArray               *drift;
  GovorunScenarioKind      kind;       /* get_scenario */
  gboolean                 mask_key;
  char                    *scenario_text;

  guint                    pending;
  StageFunc                next;
  gboolean                 round_open;
  guint                    rounds;
  GError                  *error;
  char                    *error_step;
};

static void
obj_clear (Obj *obj)
{
  g_clear_pointer (&obj->name, g_free);
  g_clear_pointer (&obj->script, g_free);
  g_clear_pointer (&obj->wanted_script, govorun_secret_free);
  g_clear_pointer (&obj->pattern, g_free);
  g_clear_pointer (&obj->wanted_pattern, g_free);
  g_clear_pointer (&obj->scenario_ids, g_array_unref);
}

static void
phone_free (Phone *phone)
{
  g_free (phone->number);
  g_free (phone);
}

static void
record_op_free (RecordOp *op)
{
  g_free (op->object_type);
  g_free (op->name);
  g_free (op->provider_id);
  g_free (op);
}

static void
run_free (Run *run)
{
  g_clear_object (&run->agent);
  g_free (run->uuid);
  g_free (run->slug);
  g_clear_object (&run->vox_account);
  g_clear_object (&run->el_account);
  g_clear_object (&run->client);
  g_clear_pointer (&run->el_key, govorun_secret_free);
  g_free (run->el_url);
  g_clear_pointer (&run->records, g_hash_table_unref);
  g_clear_pointer (&run->new_records, g_hash_table_unref);
  g_clear_pointer (&run->record_ops, g_ptr_array_unref);
  obj_clear (&run->app);
  for (guint i = 0; i < N_KINDS; i++)
    obj_clear (&run->scenarios[i]);
  obj_clear (&run->rules[0]);
  obj_clear (&run->rules[1]);
  g_clear_pointer (&run->phones, g_hash_table_unref);
  g_clear_pointer (&run->plan, govorun_plan_free);
  g_clear_pointer (&run->drift, g_ptr_array_unref);
  g_clear_pointer (&run->scenario_text, govorun_secret_free);
  g_clear_error (&run->error);
  g_free (run->error_step);
  g_free (run);
}

static GovorunProvisioner *
run_self (Run *run)
{
  return g_task_get_source_object (run->task);
}

static const char *
kind_step_id (GovorunScenarioKind kind)
{
  static const char * const ids[N_KINDS] = {
    [GOVORUN_SCENARIO_INBOUND] = "scenario-inbound",
    [GOVORUN_SCENARIO_OUTBOUND] = "scenario-outbound",
    [GOVORUN_SCENARIO_WEBHOOK_BOT] = "scenario-webhook-bot",
  };
  return ids[kind];
}

static const char *
rule_step_id (guint i)
{
  return i == 0 ? "rule-inbound" : "rule-outbound";
}

static void
emit_step (Run              *run,
           const char       *step_id,
           GovorunStepState  state,
           const char       *message)
{
  if (run->op != OP_APPLY && run->op != OP_ROLLBACK && run->op != OP_DELETE)
    return;
  g_signal_emit (run_self (run), signals[SIGNAL_STEP_CHANGED], 0,
                 run->agent, step_id, (int) state, message);
}

/* --- errors -------------------------------------------------------------- */

typedef enum
{
  WHAT_READ,
  WHAT_CREATE_APPLICATION,
  WHAT_CREATE_SCENARIO,
  WHAT_UPDATE_SCENARIO,
  WHAT_CREATE_RULE,
  WHAT_UPDATE_RULE,
  WHAT_BIND,
  WHAT_UNBIND,
  WHAT_DELETE_APPLICATION,
  WHAT_DELETE_SCENARIO,
  WHAT_DELETE_RULE,
  WHAT_SAVE,
} What;

/* Whole sentences, one per kind of step; %s: the object's name, then the
 * provider's own message (which keeps its error code). */
static char *
what_message (What        what,
              const char *name,
              const char *cause)
{
  switch (what)
    {
    case WHAT_READ:
      return g_strdup_printf (_("Could not read the Voximplant account: %s"), cause);
    case WHAT_CREATE_APPLICATION:
      return g_strdup_printf (_("Could not create the application “%s”: %s"), name, cause);
    case WHAT_CREATE_SCENARIO:
      return g_strdup_printf (_("Could not create the scenario “%s”: %s"), name, cause);
    case WHAT_UPDATE_SCENARIO:
      return g_strdup_printf (_("Could not update the scenario “%s”: %s"), name, cause);
    case WHAT_CREATE_RULE:
      return g_strdup_printf (_("Could not create the routing rule “%s”: %s"), name, cause);
    case WHAT_UPDATE_RULE:
      return g_strdup_printf (_("Could not update the routing rule “%s”: %s"), name, cause);
    case WHAT_BIND:
      return g_strdup_printf (_("Could not bind the numbers %s to the agent: %s"), name, cause);
    case WHAT_UNBIND:
      return g_strdup_printf (_("Could not unbind the numbers %s from the agent: %s"), name, cause);
    case WHAT_DELETE_APPLICATION:
      return g_strdup_printf (_("Could not delete the application “%s”: %s"), name, cause);
    case WHAT_DELETE_SCENARIO:
      return g_strdup_printf (_("Could not delete the scenario “%s”: %s"), name, cause);
    case WHAT_DELETE_RULE:
      return g_strdup_printf (_("Could not delete the routing rule “%s”: %s"), name, cause);
    case WHAT_SAVE:
    default:
      return g_strdup_printf (_("Could not save the agent: %s"), cause);
    }
}

static gboolean
error_is_permanent (const GError *error)
{
  if (error->domain == GOVORUN_SCENARIO_ERROR)
    return TRUE;
  if (error->domain == GOVORUN_VOXIMPLANT_ERROR)
    return error->code == GOVORUN_VOXIMPLANT_ERROR_INVALID_ARGUMENT
           || error->code == GOVORUN_VOXIMPLANT_ERROR_BAD_RESPONSE;
  return FALSE;
}

/* Keeps the first failure of the run; later ones (from parallel requests)
 * are only reported as failed steps. */
static void
run_fail (Run          *run,
          const char   *step_id,
          What          what,
          const char   *name,
          const GError *cause)
{
  g_autofree char *message = NULL;
  g_autofree char *full = NULL;
  const char *hint;

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      emit_step (run, step_id, GOVORUN_STEP_FAILED, cause->message);
      if (run->error == NULL)
        {
          run->error = g_error_copy (cause);
          run->error_step = g_strdup (step_id);
        }
      return;
    }

  message = what_message (what, name, cause->message);
  hint = run->op == OP_ROLLBACK || run->op == OP_DELETE
         ? _("Press Roll back again to finish.")
         : _("Press Continue to finish.");
  full = g_strconcat (message, " ", hint, NULL);
  emit_step (run, step_id, GOVORUN_STEP_FAILED, full);

  if (run->error != NULL)
    return;
  run->error = g_error_new_literal (GOVORUN_PROVISIONER_ERROR,
                                    error_is_permanent (cause) ? GOVORUN_PROVISIONER_ERROR_STEP_REJECTED
                                                               : GOVORUN_PROVISIONER_ERROR_STEP_FAILED,
                                    full);
  run->error_step = g_strdup (step_id);
}

/* --- stages -------------------------------------------------------------- */

static void finish_failed (Run *run);

static void
stage_begin (Run       *run,
             StageFunc  next)
{
  run->next = next;
  run->pending = 1;   /* held until stage_end() */
  run->round_open = FALSE;
}

static void
stage_dec (Run *run)
{
  g_assert (run->pending > 0);
  if (--run->pending > 0)
    return;
  if (run->error != NULL)
    finish_failed (run);
  else if (g_task_return_error_if_cancelled (run->task))
    ; /* nothing saved: a cancelled run leaves the agent as it was */
  else
    run->next (run);
}

static void
stage_end (Run *run)
{
  stage_dec (run);
}

typedef void (*ReplyFunc) (Run        *run,
                           JsonObject *reply,
                           GError     *error,
                           gpointer    data);

typedef struct
{
  GTask          *task;
  ReplyFunc       func;
  gpointer        data;
  GDestroyNotify  destroy;
} Request;

static void
on_call_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Request *req = user_data;
  Run *run = g_task_get_task_data (req->task);
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = govorun_voximplant_client_call_finish (GOVORUN_VOXIMPLANT_CLIENT (object), result, &error);
  req->func (run, reply, error, req->data);
  if (req->destroy != NULL)
    req->destroy (req->data);
  stage_dec (run);
  g_object_unref (req->task);
  g_free (req);
}

/* Sends @method within the current stage. @params is consumed. */
static void
run_call (Run                     *run,
          const char              *method,
          GovorunVoximplantParams *params,
          ReplyFunc                func,
          gpointer                 data,
          GDestroyNotify           destroy)
{
  Request *req = g_new0 (Request, 1);

  if (!run->round_open)
    {
      run->rounds++;
      run->round_open = TRUE;
    }
  run->pending++;
  req->task = g_object_ref (run->task);
  req->func = func;
  req->data = data;
  req->destroy = destroy;
  govorun_voximplant_client_call_async (run->client, method, params, GOVORUN_HTTP_FLAGS_NONE,
                                        g_task_get_cancellable (run->task), on_call_done, req);
  govorun_voximplant_params_free (params);
}

/* --- JSON helpers -------------------------------------------------------- */

static void
set_bad_response (GError     **error,
                  const char  *method)
{
  g_set_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_BAD_RESPONSE,
               _("Voximplant answered %s with data Govorun does not understand. Try again later."),
               method);
}

static gboolean
member_int (JsonObject *object,
            const char *name,
            gint64     *out)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The "result" array of a list reply, items checked to be objects. */
static JsonArray *
result_array (JsonObject  *reply,
              const char  *method,
              GError     **error)
{
  JsonNode *node = json_object_get_member (reply, "result");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      set_bad_response (error, method);
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
      {
        set_bad_response (error, method);
        return NULL;
      }
  return array;
}

/* The items of a list reply during the check, or NULL after failing the
 * run's check step (no answer, or not the documented shape). */
static JsonArray *
read_list (Run        *run,
           JsonObject *reply,
           GError     *error,
           const char *method)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray *items;

  if (reply == NULL)
    {
      run_fail (run, "check", WHAT_READ, NULL, error);
      return NULL;
    }
  if ((items = result_array (reply, method, &local_error)) == NULL)
    {
      run_fail (run, "check", WHAT_READ, NULL, local_error);
      return NULL;
    }
  return items;
}

/* --- provider_objects records ---------------------------------------------- */

static char *
record_key (const char *type,
            const char *name)
{
  return g_strconcat (type, "\n", name, NULL);
}

static gboolean
is_owned (Run        *run,
          const char *type,
          const char *name)
{
  g_autofree char *key = record_key (type, name);

  return g_hash_table_contains (run->records, key);
}

static void
queue_record (Run          *run,
              RecordOpKind  kind,
              const char   *type,
              const char   *name,
              const char   *provider_id)
{
  RecordOp *op = g_new0 (RecordOp, 1);
  char *key = record_key (type, name);

  op->kind = kind;
  op->object_type = g_strdup (type);
  op->name = g_strdup (name);
  op->provider_id = g_strdup (provider_id);
  g_ptr_array_add (run->record_ops, op);

  if (kind == RECORD_DELETE)
    {
      g_hash_table_remove (run->records, key);
      g_hash_table_remove (run->new_records, key);
      g_free (key);
    }
  else
    {
      if (kind == RECORD_INSERT && !g_hash_table_contains (run->records, key))
        g_hash_table_add (run->new_records, g_strdup (key));
      g_hash_table_insert (run->records, key, g_strdup (provider_id != NULL ? provider_id : ""));
    }
}

/* Before an Add*: mark the name as Govorun's (unless it already is). */
static void
record_intent (Run        *run,
               const char *type,
               const char *name)
{
  if (!is_owned (run, type, name))
    queue_record (run, RECORD_INSERT, type, name, NULL);
}

static void
record_id (Run        *run,
           const char *type,
           const char *name,
           gint64      id)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  queue_record (run, RECORD_SET_ID, type, name, text);
}

/* After a definite refusal of an Add* this run asked for. */
static void
record_refused (Run          *run,
                const char   *type,
                const char   *name,
                const GError *error)
{
  g_autofree char *key = record_key (type, name);
  gboolean definite = error->domain == GOVORUN_VOXIMPLANT_ERROR
                      && error->code != GOVORUN_VOXIMPLANT_ERROR_SERVER
                      && error->code != GOVORUN_VOXIMPLANT_ERROR_BAD_RESPONSE;

  if (definite && g_hash_table_contains (run->new_records, key))
    queue_record (run, RECORD_DELETE, type, name, NULL);
}

typedef struct
{
  gint64     account_row;
  char      *owner;
  GPtrArray *ops;
} FlushData;

static void
flush_data_free (FlushData *data)
{
  g_free (data->owner);
  g_ptr_array_unref (data->ops);
  g_free (data);
}

static gboolean
sql_flush (sqlite3         *db,
           gpointer         user_data,
           gpointer        *out_result,
           GDestroyNotify  *out_result_destroy,
           GError         **error)
{
  FlushData *data = user_data;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i < data->ops->len; i++)
    {
      RecordOp *op = g_ptr_array_index (data->ops, i);
      sqlite3_stmt *stmt = NULL;
      const char *sql;

      switch (op->kind)
        {
        case RECORD_INSERT:
          sql = "INSERT OR IGNORE INTO provider_objects (account_id, provider, object_type, name,"
                " owner, provider_id, created_at) VALUES (?1, 'voximplant', ?2, ?3, ?4, ?5, ?6)";
          break;
        case RECORD_SET_ID:
          sql = "UPDATE provider_objects SET provider_id = ?5 WHERE account_id = ?1"
                " AND object_type = ?2 AND name = ?3 AND owner = ?4";
          break;
        case RECORD_DELETE:
        default:
          sql = "DELETE FROM provider_objects WHERE account_id = ?1 AND object_type = ?2"
                " AND name = ?3 AND owner = ?4";
          break;
        }
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        return govorun_store_set_sqlite_error (error, db);
      /* Parameters a statement lacks are ignored (SQLITE_RANGE). */
      sqlite3_bind_int64 (stmt, 1, data->account_row);
      sqlite3_bind_text (stmt, 2, op->object_type, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, op->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, data->owner, -1, SQLITE_TRANSIENT);
      if (op->provider_id != NULL)
        sqlite3_bind_text (stmt, 5, op->provider_id, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 5);
      sqlite3_bind_int64 (stmt, 6, now);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          govorun_store_set_sqlite_error (error, db);
          sqlite3_finalize (stmt);
          return FALSE;
        }
      sqlite3_finalize (stmt);
    }
  return TRUE;
}

static void
on_flushed (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  govorun_store_write_finish (GOVORUN_STORE (object), result, &error);
  if (error != NULL)
    run_fail (run, "save", WHAT_SAVE, NULL, error);
  stage_dec (run);
}

/* Writes the queued record changes, then goes on with @next. */
static void
flush_records (Run       *run,
               StageFunc  next)
{
  FlushData *data;

  stage_begin (run, next);
  if (run->record_ops->len > 0)
    {
      data = g_new0 (FlushData, 1);
      data->account_row = run->account_row;
      data->owner = g_strdup (run->uuid);
      data->ops = g_steal_pointer (&run->record_ops);
      run->record_ops = g_ptr_array_new_with_free_func ((GDestroyNotify) record_op_free);
      run->pending++;
      govorun_store_write_async (run_self (run)->store, sql_flush, data, (GDestroyNotify) flush_data_free,
                                 NULL, on_flushed, g_object_ref (run->task));
    }
  stage_end (run);
}

typedef struct
{
  gint64      account_row;
  GHashTable *records;
} RecordsResult;

static void
records_result_free (RecordsResult *result)
{
  g_hash_table_unref (result->records);
  g_free (result);
}

typedef struct
{
  char *account_uuid;
  char *owner;
} RecordsQuery;

static void
records_query_free (RecordsQuery *query)
{
  g_free (query->account_uuid);
  g_free (query->owner);
  g_free (query);
}

static gboolean
sql_read_records (sqlite3         *db,
                  gpointer         user_data,
                  gpointer        *out_result,
                  GDestroyNotify  *out_result_destroy,
                  GError         **error)
{
  RecordsQuery *query = user_data;
  RecordsResult *result = g_new0 (RecordsResult, 1);
  sqlite3_stmt *stmt = NULL;
  int rc;

  result->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  *out_result = result;
  *out_result_destroy = (GDestroyNotify) records_result_free;

  if (sqlite3_prepare_v2 (db, "SELECT id FROM accounts WHERE uuid = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_text (stmt, 1, query->account_uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    result->account_row = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);

  if (sqlite3_prepare_v2 (db, "SELECT object_type, name, provider_id FROM provider_objects"
                              " WHERE account_id = ?1 AND provider = 'voximplant' AND owner = ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_int64 (stmt, 1, result->account_row);
  sqlite3_bind_text (stmt, 2, query->owner, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 2);

      g_hash_table_insert (result->records,
                           record_key ((const char *) sqlite3_column_text (stmt, 0),
                                       (const char *) sqlite3_column_text (stmt, 1)),
                           g_strdup (id != NULL ? id : ""));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);
  return TRUE;
}

/* --- discovery: what the account has ---------------------------------------- */

static void stage_read_first (Run *run);
static void stage_read_second (Run *run);
static void stage_discovered (Run *run);

static gboolean
needs_elevenlabs (Run *run)
{
  if (run->op == OP_ROLLBACK || run->op == OP_DELETE)
    return FALSE;
  if (run->op == OP_SCENARIO)
    return run->kind != GOVORUN_SCENARIO_WEBHOOK_BOT;
  return govorun_agent_get_outbound (run->agent)
         || (govorun_agent_get_inbound (run->agent)
             && govorun_agent_get_engine (run->agent) == GOVORUN_AGENT_ENGINE_ELEVENLABS);
}

static GovorunScenarioKind
inbound_kind (Run *run)
{
  return govorun_agent_get_engine (run->agent) == GOVORUN_AGENT_ENGINE_WEBHOOK
         ? GOVORUN_SCENARIO_WEBHOOK_BOT : GOVORUN_SCENARIO_INBOUND;
}

static void
on_client (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  run->client = govorun_client_factory_voximplant_finish (GOVORUN_CLIENT_FACTORY (object), result, &error);
  if (run->client == NULL)
    run_fail (run, "check", WHAT_READ, NULL, error);
  stage_dec (run);
}

static void
on_el_key (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  run->el_key = govorun_account_store_lookup_secret_finish (GOVORUN_ACCOUNT_STORE (object), result, &error);
  if (run->el_key == NULL)
    run_fail (run, "check", WHAT_READ, NULL, error);
  stage_dec (run);
}

static void
on_records (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  RecordsResult *records;

  records = govorun_store_read_finish (GOVORUN_STORE (object), result, &error);
  if (records == NULL)
    run_fail (run, "check", WHAT_SAVE, NULL, error);
  else
    {
      run->account_row = records->account_row;
      g_hash_table_unref (run->records);
      run->records = g_hash_table_ref (records->records);
      records_result_free (records);
    }
  stage_dec (run);
}

/* Local look-ups, all at once: the Voximplant client (its key from the
 * keyring), the ElevenLabs key, Govorun's records. */
static void
stage_start (Run *run)
{
  GovorunProvisioner *self = run_self (run);
  GCancellable *cancellable = g_task_get_cancellable (run->task);

  stage_begin (run, run->op == OP_SCENARIO ? stage_discovered : stage_read_first);

  if (run->op != OP_SCENARIO)
    {
      RecordsQuery *query = g_new0 (RecordsQuery, 1);

      run->pending++;
      govorun_client_factory_voximplant_async (self->factory, run->vox_account, NULL, cancellable,
                                               on_client, g_object_ref (run->task));
      query->account_uuid = g_strdup (govorun_account_get_uuid (run->vox_account));
      query->owner = g_strdup (run->uuid);
      run->pending++;
      govorun_store_read_async (self->store, sql_read_records, query, (GDestroyNotify) records_query_free,
                                cancellable, on_records, g_object_ref (run->task));
    }
  if (run->el_account != NULL)
    {
      run->pending++;
      govorun_account_store_lookup_secret_async (self->accounts, run->el_account, cancellable,
                                                 on_el_key, g_object_ref (run->task));
    }
  stage_end (run);
}

static void
on_applications (Run        *run,
                 JsonObject *reply,
                 GError     *error,
                 gpointer    data)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray *items;

  if ((items = read_list (run, reply, error, "GetApplications")) == NULL)
    return;

  /* The filter matches name parts: keep the exact short name only. */
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *full = member_string (item, "application_name");
      gint64 id;

      if (full == NULL || !member_int (item, "application_id", &id))
        {
          set_bad_response (&local_error, "GetApplications");
          run_fail (run, "check", WHAT_READ, NULL, local_error);
          return;
        }
      if (g_str_equal (full, run->app.name)
          || (g_str_has_prefix (full, run->app.name) && full[strlen (run->app.name)] == '.'))
        {
          run->app.exists = TRUE;
          run->app.id = id;
          g_free (run->app.script);
          run->app.script = g_strdup (full);   /* the full name, for the agent */
        }
    }
}

static void
on_scenarios (Run        *run,
              JsonObject *reply,
              GError     *error,
              gpointer    data)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray *items;

  if ((items = read_list (run, reply, error, "GetScenarios")) == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *name = member_string (item, "scenario_name");
      gint64 id;

      if (name == NULL || !member_int (item, "scenario_id", &id))
        {
          set_bad_response (&local_error, "GetScenarios");
          run_fail (run, "check", WHAT_READ, NULL, local_error);
          return;
        }
      for (guint k = 0; k < N_KINDS; k++)
        if (g_str_equal (name, run->scenarios[k].name))
          {
            run->scenarios[k].exists = TRUE;
            run->scenarios[k].id = id;
          }
    }
}

static void
on_phones (Run        *run,
           JsonObject *reply,
           GError     *error,
           gpointer    data)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray *items;

  if ((items = read_list (run, reply, error, "GetPhoneNumbers")) == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      Phone *phone = g_new0 (Phone, 1);
      const char *number = member_string (item, "phone_number");

      if (number == NULL || !member_int (item, "phone_id", &phone->phone_id))
        {
          phone_free (phone);
          set_bad_response (&local_error, "GetPhoneNumbers");
          run_fail (run, "check", WHAT_READ, NULL, local_error);
          return;
        }
      phone->number = g_strdup (number);
      /* Unbound numbers carry no application_id / rule_id. */
      member_int (item, "application_id", &phone->application_id);
      member_int (item, "rule_id", &phone->rule_id);
      g_hash_table_replace (run->phones, &phone->phone_id, phone);
    }
}

/* The phone ids to look at: the agent's and those Govorun bound for it. */
static GArray *
phone_ids_of_interest (Run *run)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *numbers = govorun_agent_get_numbers (run->agent);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < numbers->len; i++)
    g_array_append_val (ids, ((GovorunAgentNumber *) g_ptr_array_index (numbers, i))->phone_id);

  g_hash_table_iter_init (&iter, run->records);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 id;

      if (g_str_has_prefix (key, "binding\n")
          && g_ascii_string_to_signed ((char *) key + strlen ("binding\n"), 10, 1, G_MAXINT64, &id, NULL)
          && !govorun_agent_has_phone_id (run->agent, id))
        g_array_append_val (ids, id);
    }
  return ids;
}

static void
stage_read_first (Run *run)
{
  g_autoptr(GArray) ids = phone_ids_of_interest (run);
  GovorunVoximplantParams *params;
  g_autofree char *prefix = NULL;

  stage_begin (run, stage_read_second);

  params = govorun_voximplant_params_new ();
  govorun_voximplant_params_add (params, "application_name", run->app.name);
  govorun_voximplant_params_add (params, "count", PAGE);
  run_call (run, "GetApplications", params, on_applications, NULL, NULL);

  /* All of the agent's scenario names share everything but the suffix. */
  prefix = g_strndup (run->scenarios[0].name, strrchr (run->scenarios[0].name, '-') + 1 - run->scenarios[0].name);
  params = govorun_voximplant_params_new ();
  govorun_voximplant_params_add (params, "scenario_name", prefix);
  govorun_voximplant_params_add (params, "count", PAGE);
  run_call (run, "GetScenarios", params, on_scenarios, NULL, NULL);

  if (ids->len > 0)
    {
      params = govorun_voximplant_params_new ();
      govorun_voximplant_params_add_int_list (params, "phone_id", (const gint64 *) ids->data, ids->len);
      govorun_voximplant_params_add (params, "count", PAGE);
      run_call (run, "GetPhoneNumbers", params, on_phones, NULL, NULL);
    }

  stage_end (run);
}

static void
on_rules (Run        *run,
          JsonObject *reply,
          GError     *error,
          gpointer    data)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray *items;

  if ((items = read_list (run, reply, error, "GetRules")) == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *name = member_string (item, "rule_name");
      const char *pattern = member_string (item, "rule_pattern");
      JsonNode *scenarios = json_object_get_member (item, "scenarios");
      gint64 id;

      if (name == NULL || pattern == NULL || !member_int (item, "rule_id", &id))
        {
          set_bad_response (&local_error, "GetRules");
          run_fail (run, "check", WHAT_READ, NULL, local_error);
          return;
        }
      for (guint r = 0; r < 2; r++)
        {
          Obj *rule = &run->rules[r];

          if (!g_str_equal (name, rule->name))
            continue;
          rule->exists = TRUE;
          rule->id = id;
          g_free (rule->pattern);
          rule->pattern = g_strdup (pattern);
          g_array_set_size (rule->scenario_ids, 0);
          if (scenarios != NULL && JSON_NODE_HOLDS_ARRAY (scenarios))
            {
              JsonArray *array = json_node_get_array (scenarios);

              for (guint j = 0; j < json_array_get_length (array); j++)
                {
                  JsonNode *node = json_array_get_element (array, j);
                  gint64 sid;

                  if (JSON_NODE_HOLDS_OBJECT (node) && member_int (json_node_get_object (node), "scenario_id", &sid))
                    g_array_append_val (rule->scenario_ids, sid);
                }
            }
        }
    }
}

static void
on_script (Run        *run,
           JsonObject *reply,
           GError     *error,
           gpointer    data)
{
  Obj *scenario = data;
  g_autoptr(GError) local_error = NULL;
  JsonArray *items;

  if ((items = read_list (run, reply, error, "GetScenarios")) == NULL)
    return;
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      gint64 id;

      if (member_int (item, "scenario_id", &id) && id == scenario->id)
        {
          g_free (scenario->script);
          scenario->script = g_strdup (member_string (item, "scenario_script"));
        }
    }
}

/* Once the ids are known: the rules of the application and the texts of
 * the scenarios that will be compared. */
static void
stage_read_second (Run *run)
{
  GovorunVoximplantParams *params;

  stage_begin (run, stage_discovered);

  if (run->app.exists)
    {
      params = govorun_voximplant_params_new ();
      govorun_voximplant_params_add_int (params, "application_id", run->app.id);
      govorun_voximplant_params_add_bool (params, "with_scenarios", TRUE);
      govorun_voximplant_params_add (params, "count", PAGE);
      run_call (run, "GetRules", params, on_rules, NULL, NULL);
    }

  if (run->op == OP_PLAN || run->op == OP_APPLY || run->op == OP_DRIFT)
    for (guint k = 0; k < N_KINDS; k++)
      {
        Obj *scenario = &run->scenarios[k];

        if (!scenario->exists || !scenario->wanted)
          continue;
        /* with_script works only with scenario_id (reference §6). */
        params = govorun_voximplant_params_new ();
        govorun_voximplant_params_add_int (params, "scenario_id", scenario->id);
        govorun_voximplant_params_add_bool (params, "with_script", TRUE);
        run_call (run, "GetScenarios", params, on_script, scenario, NULL);
      }

  stage_end (run);
}

/* --- what Govorun wants ---------------------------------------------------- */

static char *
caller_id (Run *run)
{
  GPtrArray *numbers = govorun_agent_get_numbers (run->agent);
  GovorunAgentNumber *first;

  if (numbers->len == 0)
    return NULL;
  first = g_ptr_array_index (numbers, 0);
  return g_strdup_printf ("+%s", first->number[0] == '+' ? first->number + 1 : first->number);
}

static char *
generate (Run                  *run,
          GovorunScenarioKind   kind,
          GError              **error)
{
  GovorunScenarioParams params;
  g_autofree char *caller = caller_id (run);

  govorun_scenario_params_init (&params);
  params.agent_name = govorun_agent_get_name (run->agent);
  params.elevenlabs_agent_id = govorun_agent_get_el_agent_id (run->agent);
  params.elevenlabs_api_key = run->el_key;
  params.elevenlabs_base_url = run->el_url;
  params.caller_id = caller;
  params.record = govorun_agent_get_record (run->agent);
  params.webhook_url = govorun_agent_get_webhook_url (run->agent);
  params.tenant_slug = govorun_agent_get_tenant_slug (run->agent);
  return govorun_scenario_generate (kind, &params, error);
}

static gboolean
scripts_generate (Run *run)
{
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_autoptr(GError) error = NULL;
      Obj *scenario = &run->scenarios[k];

      if (!scenario->wanted)
        continue;
      scenario->wanted_script = generate (run, k, &error);
      if (scenario->wanted_script == NULL)
        {
          run_fail (run, kind_step_id (k), WHAT_CREATE_SCENARIO, scenario->name, error);
          return FALSE;
        }
    }
  return TRUE;
}

static gint64
wanted_rule_id (Run *run)
{
  return govorun_agent_get_inbound (run->agent) ? run->rules[0].id : 0;
}

static gboolean
phone_bound_right (Run   *run,
                   Phone *phone)
{
  return phone != NULL && run->app.exists && phone->application_id == run->app.id
         && phone->rule_id == wanted_rule_id (run);
}

static gboolean
rule_needs_update (Run *run,
                   Obj *rule)
{
  Obj *scenario = &run->scenarios[rule->wanted_kind];
  gboolean bound = FALSE;

  if (g_strcmp0 (rule->pattern, rule->wanted_pattern) != 0 || !scenario->exists)
    return TRUE;
  for (guint i = 0; i < rule->scenario_ids->len; i++)
    {
      if (g_array_index (rule->scenario_ids, gint64, i) == scenario->id)
        bound = TRUE;
      else
        return TRUE;   /* another scenario is bound too */
    }
  return !bound;
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static GovorunPlan *
build_plan (Run *run)
{
  GovorunPlan *plan = plan_new ();
  GPtrArray *numbers = govorun_agent_get_numbers (run->agent);
  GHashTableIter iter;
  gpointer key;

  g_ptr_array_add (plan->steps,
                   run->app.exists
                   ? plan_step_new ("application", GOVORUN_PLAN_REUSE, "application", run->app.name,
                                    g_strdup_printf (_("Use the existing application “%s”"), run->app.name))
                   : plan_step_new ("application", GOVORUN_PLAN_CREATE, "application", run->app.name,
                                    g_strdup_printf (_("Create the application “%s”"), run->app.name)));

  for (guint k = 0; k < N_KINDS; k++)
    {
      Obj *s = &run->scenarios[k];

      if (s->wanted && !s->exists)
        g_ptr_array_add (plan->steps, plan_step_new (kind_step_id (k), GOVORUN_PLAN_CREATE, "scenario", s->name,
                                                     g_strdup_printf (_("Create the scenario “%s”"), s->name)));
      else if (s->wanted && g_strcmp0 (s->script, s->wanted_script) != 0)
        g_ptr_array_add (plan->steps, plan_step_new (kind_step_id (k), GOVORUN_PLAN_UPDATE, "scenario", s->name,
                                                     g_strdup_printf (_("Update the scenario “%s”"), s->name)));
      else if (s->wanted)
        g_ptr_array_add (plan->steps, plan_step_new (kind_step_id (k), GOVORUN_PLAN_REUSE, "scenario", s->name,
                                                     g_strdup_printf (_("Keep the scenario “%s” as it is"), s->name)));
    }

  for (guint r = 0; r < 2; r++)
    {
      Obj *rule = &run->rules[r];

      if (rule->wanted && !rule->exists)
        g_ptr_array_add (plan->steps, plan_step_new (rule_step_id (r), GOVORUN_PLAN_CREATE, "rule", rule->name,
                                                     g_strdup_printf (_("Create the routing rule “%s”"), rule->name)));
      else if (rule->wanted && rule_needs_update (run, rule))
        g_ptr_array_add (plan->steps, plan_step_new (rule_step_id (r), GOVORUN_PLAN_UPDATE, "rule", rule->name,
                                                     g_strdup_printf (_("Update the routing rule “%s”"), rule->name)));
      else if (rule->wanted)
        g_ptr_array_add (plan->steps, plan_step_new (rule_step_id (r), GOVORUN_PLAN_REUSE, "rule", rule->name,
                                                     g_strdup_printf (_("Keep the routing rule “%s” as it is"), rule->name)));
    }

  for (guint i = 0; i < numbers->len; i++)
    {
      GovorunAgentNumber *number = g_ptr_array_index (numbers, i);
      Phone *phone = g_hash_table_lookup (run->phones, &number->phone_id);
      g_autofree char *step_id = g_strdup_printf ("bind-%" G_GINT64_FORMAT, number->phone_id);
      const char *digits = number->number[0] == '+' ? number->number + 1 : number->number;

      if (phone_bound_right (run, phone) && !rule_needs_update (run, &run->rules[0]) && run->rules[0].exists)
        g_ptr_array_add (plan->steps, plan_step_new (step_id, GOVORUN_PLAN_REUSE, "binding", digits,
                                                     g_strdup_printf (_("The number +%s is already bound to the agent"), digits)));
      else
        g_ptr_array_add (plan->steps, plan_step_new (step_id, GOVORUN_PLAN_BIND, "binding", digits,
                                                     g_strdup_printf (_("Bind the number +%s to the agent"), digits)));
    }

  /* What an edit leaves behind: only Govorun's own objects go. */
  g_hash_table_iter_init (&iter, run->phones);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      Phone *phone = g_hash_table_lookup (run->phones, key);
      g_autofree char *name = id_text (phone->phone_id);

      if (!govorun_agent_has_phone_id (run->agent, phone->phone_id) && is_owned (run, "binding", name)
          && run->app.exists && phone->application_id == run->app.id)
        {
          g_autofree char *step_id = g_strdup_printf ("unbind-%" G_GINT64_FORMAT, phone->phone_id);

          g_ptr_array_add (plan->steps, plan_step_new (step_id, GOVORUN_PLAN_UNBIND, "binding", phone->number,
                                                       g_strdup_printf (_("Unbind the number +%s from the agent"), phone->number)));
        }
    }
  for (guint r = 0; r < 2; r++)
    {
      Obj *rule = &run->rules[r];

      if (!rule->wanted && rule->exists && is_owned (run, "rule", rule->name))
        {
          g_autofree char *step_id = g_strconcat ("delete-", rule_step_id (r), NULL);

          g_ptr_array_add (plan->steps, plan_step_new (step_id, GOVORUN_PLAN_DELETE, "rule", rule->name,
                                                       g_strdup_printf (_("Delete the routing rule “%s”"), rule->name)));
        }
    }
  for (guint k = 0; k < N_KINDS; k++)
    {
      Obj *s = &run->scenarios[k];

      if (!s->wanted && s->exists && is_owned (run, "scenario", s->name))
        {
          g_autofree char *step_id = g_strconcat ("delete-", kind_step_id (k), NULL);

          g_ptr_array_add (plan->steps, plan_step_new (step_id, GOVORUN_PLAN_DELETE, "scenario", s->name,
                                                       g_strdup_printf (_("Delete the scenario “%s”"), s->name)));
        }
    }

  return plan;
}

/* --- finishing --------------------------------------------------------------- */

static void
on_failure_saved (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GovorunAgent) saved = NULL;

  /* The step's error matters more than a failed save of it. */
  saved = govorun_agent_store_save_finish (GOVORUN_AGENT_STORE (object), result, NULL);
  run_self (run)->last_rounds = run->rounds;
  g_task_return_error (task, g_steal_pointer (&run->error));
}

static void
on_failure_flushed (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  GovorunProvisioner *self = run_self (run);
  gboolean permanent = g_error_matches (run->error, GOVORUN_PROVISIONER_ERROR,
                                        GOVORUN_PROVISIONER_ERROR_STEP_REJECTED);

  if (object != NULL)
    govorun_store_write_finish (GOVORUN_STORE (object), result, NULL);

  g_object_freeze_notify (G_OBJECT (run->agent));
  govorun_agent_set_state (run->agent, run->op == OP_APPLY && permanent ? GOVORUN_AGENT_STATE_ERROR
                                                                        : GOVORUN_AGENT_STATE_PARTIAL);
  govorun_agent_set_last_step (run->agent, run->error_step);
  govorun_agent_set_last_error (run->agent, run->error->message);
  if (run->app.exists)
    {
      govorun_agent_set_application_id (run->agent, run->app.id);
      govorun_agent_set_application_name (run->agent, run->app.script);
    }
  g_object_thaw_notify (G_OBJECT (run->agent));
  govorun_agent_store_save_async (self->agents, run->agent, NULL, on_failure_saved, g_object_ref (task));
}

static void
finish_failed (Run *run)
{
  GovorunProvisioner *self = run_self (run);

  if (run->op == OP_APPLY || run->op == OP_ROLLBACK || run->op == OP_DELETE)
    {
      if (run->record_ops->len > 0 && run->account_row != 0)
        {
          FlushData *data = g_new0 (FlushData, 1);

          data->account_row = run->account_row;
          data->owner = g_strdup (run->uuid);
          data->ops = g_steal_pointer (&run->record_ops);
          run->record_ops = g_ptr_array_new_with_free_func ((GDestroyNotify) record_op_free);
          govorun_store_write_async (self->store, sql_flush, data, (GDestroyNotify) flush_data_free,
                                     NULL, on_failure_flushed, g_object_ref (run->task));
        }
      else
        on_failure_flushed (NULL, NULL, g_object_ref (run->task));
      return;
    }

  self->last_rounds = run->rounds;
  g_task_return_error (run->task, g_steal_pointer (&run->error));
}

static void
on_removed (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!govorun_agent_store_remove_finish (GOVORUN_AGENT_STORE (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_success_saved (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GovorunAgent) saved = NULL;
  GError *error = NULL;

  run_self (run)->last_rounds = run->rounds;
  saved = govorun_agent_store_save_finish (GOVORUN_AGENT_STORE (object), result, &error);
  if (saved == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  switch (run->op)
    {
    case OP_DELETE:
      govorun_agent_store_remove_async (run_self (run)->agents, saved, NULL, on_removed, g_object_ref (task));
      break;
    case OP_DRIFT:
      g_task_return_pointer (task, g_steal_pointer (&run->drift), (GDestroyNotify) g_ptr_array_unref);
      break;
    case OP_PLAN:
    case OP_APPLY:
    case OP_ROLLBACK:
    case OP_SCENARIO:
    default:
      g_task_return_boolean (task, TRUE);
      break;
    }
}

static void
save_agent (Run *run)
{
  govorun_agent_store_save_async (run_self (run)->agents, run->agent, NULL,
                                  on_success_saved, g_object_ref (run->task));
}

/* --- apply --------------------------------------------------------------------- */

static void apply_scenarios_prepare (Run *run);
static void apply_scenarios (Run *run);
static void apply_rules_prepare (Run *run);
static void apply_rules (Run *run);
static void apply_bind_prepare (Run *run);
static void apply_bind (Run *run);
static void apply_cleanup (Run *run);
static void apply_finish (Run *run);
static void apply_done (Run *run);

static void
on_app_reread (Run        *run,
               JsonObject *reply,
               GError     *error,
               gpointer    data)
{
  on_applications (run, reply, error, data);
  if (run->error != NULL)
    return;
  if (!run->app.exists)
    {
      g_autoptr(GError) local_error = NULL;

      set_bad_response (&local_error, "GetApplications");
      run_fail (run, "application", WHAT_CREATE_APPLICATION, run->app.name, local_error);
      return;
    }
  emit_step (run, "application", GOVORUN_STEP_DONE, NULL);
}

static void
on_app_added (Run        *run,
              JsonObject *reply,
              GError     *error,
              gpointer    data)
{
  gint64 id;

  if (reply == NULL)
    {
      if (govorun_voximplant_error_get_provider_code (error) == 129)
        {
          GovorunVoximplantParams *params = govorun_voximplant_params_new ();

          govorun_voximplant_params_add (params, "application_name", run->app.name);
          govorun_voximplant_params_add (params, "count", PAGE);
          run_call (run, "GetApplications", params, on_app_reread, NULL, NULL);
          return;
        }
      record_refused (run, "application", run->app.name, error);
      run_fail (run, "application", WHAT_CREATE_APPLICATION, run->app.name, error);
      return;
    }
  if (!member_int (reply, "application_id", &id))
    {
      g_autoptr(GError) local_error = NULL;

      set_bad_response (&local_error, "AddApplication");
      run_fail (run, "application", WHAT_CREATE_APPLICATION, run->app.name, local_error);
      return;
    }
  run->app.exists = TRUE;
  run->app.id = id;
  g_free (run->app.script);
  run->app.script = g_strdup (member_string (reply, "application_name"));
  record_id (run, "application", run->app.name, id);
  emit_step (run, "application", GOVORUN_STEP_DONE, NULL);
}

static void
emit_plan_pending (Run *run)
{
  for (guint i = 0; i < run->plan->steps->len; i++)
    {
      GovorunPlanStep *step = g_ptr_array_index (run->plan->steps, i);

      emit_step (run, step->id, GOVORUN_STEP_PENDING, NULL);
    }
}

static void
apply_app (Run *run)
{
  stage_begin (run, apply_scenarios_prepare);
  if (!run->app.exists)
    {
      GovorunVoximplantParams *params = govorun_voximplant_params_new ();

      emit_step (run, "application", GOVORUN_STEP_RUNNING, NULL);
      govorun_voximplant_params_add (params, "application_name", run->app.name);
      govorun_voximplant_params_add_bool (params, "secure_record_storage", TRUE);
      run_call (run, "AddApplication", params, on_app_added, NULL, NULL);
    }
  else
    emit_step (run, "application", GOVORUN_STEP_SKIPPED, NULL);
  stage_end (run);
}

static void
apply_begin (Run *run)
{
  run->plan = build_plan (run);
  emit_plan_pending (run);
  if (!run->app.exists)
    record_intent (run, "application", run->app.name);
  flush_records (run, apply_app);
}

static void
apply_scenarios_prepare (Run *run)
{
  for (guint k = 0; k < N_KINDS; k++)
    if (run->scenarios[k].wanted && !run->scenarios[k].exists)
      record_intent (run, "scenario", run->scenarios[k].name);
  flush_records (run, apply_scenarios);
}

static void
on_scenario_set (Run        *run,
                 JsonObject *reply,
                 GError     *error,
                 gpointer    data)
{
  Obj *scenario = data;
  GovorunScenarioKind kind = scenario - run->scenarios;

  if (reply == NULL)
    {
      run_fail (run, kind_step_id (kind), WHAT_UPDATE_SCENARIO, scenario->name, error);
      return;
    }
  g_free (scenario->script);
  scenario->script = g_strdup (scenario->wanted_script);
  emit_step (run, kind_step_id (kind), GOVORUN_STEP_DONE, NULL);
}

static void
set_scenario (Run *run,
              Obj *scenario)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new ();

  govorun_voximplant_params_add_int (params, "scenario_id", scenario->id);
  govorun_voximplant_params_add (params, "scenario_script", scenario->wanted_script);
  run_call (run, "SetScenarioInfo", params, on_scenario_set, scenario, NULL);
}

static void
on_scenario_reread (Run        *run,
                    JsonObject *reply,
                    GError     *error,
                    gpointer    data)
{
  Obj *scenario = data;
  GovorunScenarioKind kind = scenario - run->scenarios;

  on_scenarios (run, reply, error, NULL);
  if (run->error != NULL)
    return;
  if (!scenario->exists)
    {
      g_autoptr(GError) local_error = NULL;

      set_bad_response (&local_error, "GetScenarios");
      run_fail (run, kind_step_id (kind), WHAT_CREATE_SCENARIO, scenario->name, local_error);
      return;
    }
  /* Its text is unknown: make it ours. */
  set_scenario (run, scenario);
}

static void
on_scenario_added (Run        *run,
                   JsonObject *reply,
                   GError     *error,
                   gpointer    data)
{
  Obj *scenario = data;
  GovorunScenarioKind kind = scenario - run->scenarios;
  gint64 id;

  if (reply == NULL)
    {
      if (govorun_voximplant_error_get_provider_code (error) == 133)
        {
          GovorunVoximplantParams *params = govorun_voximplant_params_new ();

          govorun_voximplant_params_add (params, "scenario_name", scenario->name);
          run_call (run, "GetScenarios", params, on_scenario_reread, scenario, NULL);
          return;
        }
      record_refused (run, "scenario", scenario->name, error);
      run_fail (run, kind_step_id (kind), WHAT_CREATE_SCENARIO, scenario->name, error);
      return;
    }
  if (!member_int (reply, "scenario_id", &id))
    {
      g_autoptr(GError) local_error = NULL;

      set_bad_response (&local_error, "AddScenario");
      run_fail (run, kind_step_id (kind), WHAT_CREATE_SCENARIO, scenario->name, local_error);
      return;
    }
  scenario->exists = TRUE;
  scenario->id = id;
  g_free (scenario->script);
  scenario->script = g_strdup (scenario->wanted_script);
  record_id (run, "scenario", scenario->name, id);
  emit_step (run, kind_step_id (kind), GOVORUN_STEP_DONE, NULL);
}

static void
apply_scenarios (Run *run)
{
  stage_begin (run, apply_rules_prepare);
  for (guint k = 0; k < N_KINDS; k++)
    {
      Obj *scenario = &run->scenarios[k];

      if (!scenario->wanted)
        continue;
      if (!scenario->exists)
        {
          GovorunVoximplantParams *params = govorun_voximplant_params_new ();

          emit_step (run, kind_step_id (k), GOVORUN_STEP_RUNNING, NULL);
          govorun_voximplant_params_add (params, "scenario_name", scenario->name);
          govorun_voximplant_params_add (params, "scenario_script", scenario->wanted_script);
          govorun_voximplant_params_add_int (params, "application_id", run->app.id);
          run_call (run, "AddScenario", params, on_scenario_added, scenario, NULL);
        }
      else if (g_strcmp0 (scenario->script, scenario->wanted_script) != 0)
        {
          emit_step (run, kind_step_id (k), GOVORUN_STEP_RUNNING, NULL);
          set_scenario (run, scenario);
        }
      else
        emit_step (run, kind_step_id (k), GOVORUN_STEP_SKIPPED, NULL);
    }
  stage_end (run);
}

static void
apply_rules_prepare (Run *run)
{
  for (guint r = 0; r < 2; r++)
    if (run->rules[r].wanted && !run->rules[r].exists)
      record_intent (run, "rule", run->rules[r].name);
  flush_records (run, apply_rules);
}

static void
on_rule_changed (Run        *run,
                 JsonObject *reply,
                 GError     *error,
                 gpointer    data)
{
  Obj *rule = data;
  guint r = rule - run->rules;

  if (reply == NULL)
    {
      run_fail (run, rule_step_id (r), WHAT_UPDATE_RULE, rule->name, error);
      return;
    }
  emit_step (run, rule_step_id (r), GOVORUN_STEP_DONE, NULL);
}

/* Makes an existing rule match: its pattern, and only the agent's
 * scenario bound to it. @force: the rule's state is unknown. */
static void
update_rule (Run      *run,
             Obj      *rule,
             gboolean  force)
{
  Obj *scenario = &run->scenarios[rule->wanted_kind];
  g_autoptr(GArray) extras = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean bound = FALSE;
  GovorunVoximplantParams *params;

  for (guint i = 0; !force && i < rule->scenario_ids->len; i++)
    {
      gint64 id = g_array_index (rule->scenario_ids, gint64, i);

      if (id == scenario->id)
        bound = TRUE;
      else
        g_array_append_val (extras, id);
    }

  if (force || g_strcmp0 (rule->pattern, rule->wanted_pattern) != 0)
    {
      params = govorun_voximplant_params_new ();
      govorun_voximplant_params_add_int (params, "rule_id", rule->id);
      govorun_voximplant_params_add (params, "rule_pattern", rule->wanted_pattern);
      run_call (run, "SetRuleInfo", params, on_rule_changed, rule, NULL);
    }
  if (!bound)
    {
      params = govorun_voximplant_params_new ();
      govorun_voximplant_params_add_int (params, "scenario_id", scenario->id);
      govorun_voximplant_params_add_int (params, "rule_id", rule->id);
      govorun_voximplant_params_add_int (params, "application_id", run->app.id);
      govorun_voximplant_params_add_bool (params, "bind", TRUE);
      run_call (run, "BindScenario", params, on_rule_changed, rule, NULL);
    }
  if (extras->len > 0)
    {
      params = govorun_voximplant_params_new ();
      govorun_voximplant_params_add_int_list (params, "scenario_id", (const gint64 *) extras->data, extras->len);
      govorun_voximplant_params_add_int (params, "rule_id", rule->id);
      govorun_voximplant_params_add_int (params, "application_id", run->app.id);
      govorun_voximplant_params_add_bool (params, "bind", FALSE);
      run_call (run, "BindScenario", params, on_rule_changed, rule, NULL);
    }
}

static void
on_rule_reread (Run        *run,
                JsonObject *reply,
                GError     *error,
                gpointer    data)
{
  Obj *rule = data;
  guint r = rule - run->rules;

  on_rules (run, reply, error, NULL);
  if (run->error != NULL)
    return;
  if (!rule->exists)
    {
      g_autoptr(GError) local_error = NULL;

      set_bad_response (&local_error, "GetRules");
      run_fail (run, rule_step_id (r), WHAT_CREATE_RULE, rule->name, local_error);
      return;
    }
  update_rule (run, rule, TRUE);
}

static void
on_rule_added (Run        *run,
               JsonObject *reply,
               GError     *error,
               gpointer    data)
{
  Obj *rule = data;
  guint r = rule - run->rules;
  gint64 id;

  if (reply == NULL)
    {
      if (govorun_voximplant_error_get_provider_code (error) == 175)
        {
          GovorunVoximplantParams *params = govorun_voximplant_params_new ();

          govorun_voximplant_params_add_int (params, "application_id", run->app.id);
          govorun_voximplant_params_add_bool (params, "with_scenarios", TRUE);
          govorun_voximplant_params_add (params, "count", PAGE);
          run_call (run, "GetRules", params, on_rule_reread, rule, NULL);
          return;
        }
      record_refused (run, "rule", rule->name, error);
      run_fail (run, rule_step_id (r), WHAT_CREATE_RULE, rule->name, error);
      return;
    }
  if (!member_int (reply, "rule_id", &id))
    {
      g_autoptr(GError) local_error = NULL;

      set_bad_response (&local_error, "AddRule");
      run_fail (run, rule_step_id (r), WHAT_CREATE_RULE, rule->name, local_error);
      return;
    }
  rule->exists = TRUE;
  rule->id = id;
  record_id (run, "rule", rule->name, id);
  emit_step (run, rule_step_id (r), GOVORUN_STEP_DONE, NULL);
}

static void
apply_rules (Run *run)
{
  stage_begin (run, apply_bind_prepare);
  for (guint r = 0; r < 2; r++)
    {
      Obj *rule = &run->rules[r];

      if (!rule->wanted)
        continue;
      if (!rule->exists)
        {
          GovorunVoximplantParams *params = govorun_voximplant_params_new ();

          emit_step (run, rule_step_id (r), GOVORUN_STEP_RUNNING, NULL);
          govorun_voximplant_params_add (params, "rule_name", rule->name);
          govorun_voximplant_params_add (params, "rule_pattern", rule->wanted_pattern);
          govorun_voximplant_params_add_int (params, "application_id", run->app.id);
          govorun_voximplant_params_add_int (params, "scenario_id", run->scenarios[rule->wanted_kind].id);
          run_call (run, "AddRule", params, on_rule_added, rule, NULL);
        }
      else if (rule_needs_update (run, rule))
        {
          emit_step (run, rule_step_id (r), GOVORUN_STEP_RUNNING, NULL);
          update_rule (run, rule, FALSE);
        }
      else
        emit_step (run, rule_step_id (r), GOVORUN_STEP_SKIPPED, NULL);
    }
  stage_end (run);
}

/* Numbers of the agent not (or not rightly) bound. */
static GArray *
numbers_to_bind (Run *run)
{
  GPtrArray *numbers = govorun_agent_get_numbers (run->agent);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < numbers->len; i++)
    {
      GovorunAgentNumber *number = g_ptr_array_index (numbers, i);

      if (!phone_bound_right (run, g_hash_table_lookup (run->phones, &number->phone_id)))
        g_array_append_val (ids, number->phone_id);
    }
  return ids;
}

static void
apply_bind_prepare (Run *run)
{
  g_autoptr(GArray) ids = numbers_to_bind (run);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *name = id_text (g_array_index (ids, gint64, i));

      record_intent (run, "binding", name);
    }
  flush_records (run, apply_bind);
}

static void
emit_binds (Run              *run,
            GArray           *ids,
            const char       *prefix,
            GovorunStepState  state,
            const char       *message)
{
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *step_id = g_strdup_printf ("%s-%" G_GINT64_FORMAT, prefix, g_array_index (ids, gint64, i));

      emit_step (run, step_id, state, message);
    }
}

static char *
numbers_text (Run    *run,
              GArray *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GPtrArray *numbers = govorun_agent_get_numbers (run->agent);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      Phone *phone = g_hash_table_lookup (run->phones, &id);
      const char *digits = phone != NULL ? phone->number : NULL;

      for (guint j = 0; digits == NULL && j < numbers->len; j++)
        if (((GovorunAgentNumber *) g_ptr_array_index (numbers, j))->phone_id == id)
          digits = ((GovorunAgentNumber *) g_ptr_array_index (numbers, j))->number;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, "+%s", digits != NULL ? (digits[0] == '+' ? digits + 1 : digits) : "?");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_bound (Run        *run,
          JsonObject *reply,
          GError     *error,
          gpointer    data)
{
  GArray *ids = data;

  if (reply == NULL)
    {
      g_autofree char *names = numbers_text (run, ids);
      g_autofree char *first = g_strdup_printf ("bind-%" G_GINT64_FORMAT, g_array_index (ids, gint64, 0));

      run_fail (run, first, WHAT_BIND, names, error);
      emit_binds (run, ids, "bind", GOVORUN_STEP_FAILED, run->error != NULL ? run->error->message : NULL);
      return;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      Phone *phone = g_hash_table_lookup (run->phones, &id);

      if (phone != NULL)
        {
          phone->application_id = run->app.id;
          phone->rule_id = wanted_rule_id (run);
        }
    }
  emit_binds (run, ids, "bind", GOVORUN_STEP_DONE, NULL);
}

static void
apply_bind (Run *run)
{
  g_autoptr(GArray) ids = numbers_to_bind (run);

  stage_begin (run, apply_cleanup);
  if (ids->len > 0)
    {
      GovorunVoximplantParams *params = govorun_voximplant_params_new ();

      emit_binds (run, ids, "bind", GOVORUN_STEP_RUNNING, NULL);
      /* One request for all: BindPhoneNumberToApplication takes a list. */
      govorun_voximplant_params_add_int_list (params, "phone_id", (const gint64 *) ids->data, ids->len);
      govorun_voximplant_params_add_int (params, "application_id", run->app.id);
      if (wanted_rule_id (run) != 0)
        govorun_voximplant_params_add_int (params, "rule_id", wanted_rule_id (run));
      govorun_voximplant_params_add_bool (params, "bind", TRUE);
      run_call (run, "BindPhoneNumberToApplication", params, on_bound,
                g_array_ref (ids), (GDestroyNotify) g_array_unref);
    }
  else
    {
      GPtrArray *numbers = govorun_agent_get_numbers (run->agent);

      for (guint i = 0; i < numbers->len; i++)
        {
          g_autofree char *step_id = g_strdup_printf ("bind-%" G_GINT64_FORMAT,
                                                      ((GovorunAgentNumber *) g_ptr_array_index (numbers, i))->phone_id);

          emit_step (run, step_id, GOVORUN_STEP_SKIPPED, NULL);
        }
    }
  stage_end (run);
}

/* --- removing Govorun's own objects (edits, rollback) --------------------------- */

static void
on_unbound (Run        *run,
            JsonObject *reply,
            GError     *error,
            gpointer    data)
{
  GArray *ids = data;

  if (reply == NULL)
    {
      g_autofree char *names = numbers_text (run, ids);
      g_autofree char *first = g_strdup_printf ("unbind-%" G_GINT64_FORMAT, g_array_index (ids, gint64, 0));

      run_fail (run, first, WHAT_UNBIND, names, error);
      return;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      Phone *phone = g_hash_table_lookup (run->phones, &id);
      g_autofree char *name = id_text (id);

      if (phone != NULL)
        phone->application_id = phone->rule_id = 0;
      queue_record (run, RECORD_DELETE, "binding", name, NULL);
    }
  emit_binds (run, ids, "unbind", GOVORUN_STEP_DONE, NULL);
}

/* Unbinds the numbers Govorun bound (all of them, or those no longer the
 * agent's); forgets bindings that are gone anyway. Within the current stage. */
static void
remove_bindings (Run      *run,
                 gboolean  everything)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer record;

  /* A copy: queue_record() changes the table. */
  g_hash_table_iter_init (&iter, run->records);
  while (g_hash_table_iter_next (&iter, &record, NULL))
    g_ptr_array_add (keys, g_strdup (record));

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      const char *name;
      gint64 id;
      Phone *phone;

      if (!g_str_has_prefix (key, "binding\n"))
        continue;
      name = key + strlen ("binding\n");
      if (!g_ascii_string_to_signed (name, 10, 1, G_MAXINT64, &id, NULL))
        continue;
      if (!everything && govorun_agent_has_phone_id (run->agent, id))
        continue;
      phone = g_hash_table_lookup (run->phones, &id);
      if (phone != NULL && run->app.exists && phone->application_id == run->app.id)
        g_array_append_val (ids, id);
      else
        {
          g_autofree char *copy = g_strdup (name);

          queue_record (run, RECORD_DELETE, "binding", copy, NULL);
        }
    }

  if (ids->len > 0)
    {
      GovorunVoximplantParams *params = govorun_voximplant_params_new ();

      emit_binds (run, ids, "unbind", GOVORUN_STEP_RUNNING, NULL);
      govorun_voximplant_params_add_int_list (params, "phone_id", (const gint64 *) ids->data, ids->len);
      govorun_voximplant_params_add_int (params, "application_id", run->app.id);
      govorun_voximplant_params_add_bool (params, "bind", FALSE);
      run_call (run, "BindPhoneNumberToApplication", params, on_unbound,
                g_array_ref (ids), (GDestroyNotify) g_array_unref);
    }
}

static void
on_object_deleted (Run        *run,
                   JsonObject *reply,
                   GError     *error,
                   gpointer    data)
{
  Obj *obj = data;
  g_autofree char *step_id = NULL;
  const char *type;
  What what;

  if (obj == &run->app)
    {
      type = "application";
      what = WHAT_DELETE_APPLICATION;
      step_id = g_strdup ("delete-application");
    }
  else if (obj == &run->rules[0] || obj == &run->rules[1])
    {
      type = "rule";
      what = WHAT_DELETE_RULE;
      step_id = g_strconcat ("delete-", rule_step_id (obj - run->rules), NULL);
    }
  else
    {
      type = "scenario";
      what = WHAT_DELETE_SCENARIO;
      step_id = g_strconcat ("delete-", kind_step_id (obj - run->scenarios), NULL);
    }

  /* Already gone counts as deleted. */
  if (reply == NULL && !g_error_matches (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_NOT_FOUND))
    {
      run_fail (run, step_id, what, obj->name, error);
      return;
    }
  obj->exists = FALSE;
  queue_record (run, RECORD_DELETE, type, obj->name, NULL);
  emit_step (run, step_id, GOVORUN_STEP_DONE, NULL);
}

static void
remove_object (Run        *run,
               Obj        *obj,
               const char *type,
               const char *method,
               const char *id_param,
               const char *step_id)
{
  GovorunVoximplantParams *params;

  if (!is_owned (run, type, obj->name))
    return;
  if (!obj->exists)
    {
      queue_record (run, RECORD_DELETE, type, obj->name, NULL);
      return;
    }
  emit_step (run, step_id, GOVORUN_STEP_RUNNING, NULL);
  params = govorun_voximplant_params_new ();
  govorun_voximplant_params_add_int (params, id_param, obj->id);
  /* DelRule wants the application as well (S2; see the emulator). */
  if (g_str_equal (method, "DelRule"))
    govorun_voximplant_params_add_int (params, "application_id", run->app.id);
  run_call (run, method, params, on_object_deleted, obj, NULL);
}

static void
remove_rules_and_scenarios (Run      *run,
                            gboolean  everything)
{
  for (guint r = 0; r < 2; r++)
    if (everything || !run->rules[r].wanted)
      {
        g_autofree char *step_id = g_strconcat ("delete-", rule_step_id (r), NULL);

        remove_object (run, &run->rules[r], "rule", "DelRule", "rule_id", step_id);
      }
  for (guint k = 0; k < N_KINDS; k++)
    if (everything || !run->scenarios[k].wanted)
      {
        g_autofree char *step_id = g_strconcat ("delete-", kind_step_id (k), NULL);

        remove_object (run, &run->scenarios[k], "scenario", "DelScenario", "scenario_id", step_id);
      }
}

static void
apply_cleanup (Run *run)
{
  stage_begin (run, apply_finish);
  remove_bindings (run, FALSE);
  remove_rules_and_scenarios (run, FALSE);
  stage_end (run);
}

static void
apply_finish (Run *run)
{
  flush_records (run, apply_done);
}

static void
apply_done (Run *run)
{
  g_object_freeze_notify (G_OBJECT (run->agent));
  govorun_agent_set_state (run->agent, GOVORUN_AGENT_STATE_READY);
  govorun_agent_set_last_step (run->agent, NULL);
  govorun_agent_set_last_error (run->agent, NULL);
  govorun_agent_set_application_id (run->agent, run->app.id);
  govorun_agent_set_application_name (run->agent, run->app.script);
  g_object_thaw_notify (G_OBJECT (run->agent));
  save_agent (run);
}

/* --- rollback -------------------------------------------------------------------- */

static void rollback_rules (Run *run);
static void rollback_rules_flushed (Run *run);
static void rollback_app (Run *run);
static void rollback_app_flushed (Run *run);
static void rollback_done (Run *run);

static void
rollback_bindings (Run *run)
{
  stage_begin (run, rollback_rules);
  remove_bindings (run, TRUE);
  stage_end (run);
}

static void
rollback_rules (Run *run)
{
  flush_records (run, rollback_rules_flushed);
}

static void
rollback_rules_flushed (Run *run)
{
  stage_begin (run, rollback_app);
  remove_rules_and_scenarios (run, TRUE);
  stage_end (run);
}

static void
rollback_app (Run *run)
{
  flush_records (run, rollback_app_flushed);
}

static void
rollback_app_flushed (Run *run)
{
  stage_begin (run, rollback_done);
  remove_object (run, &run->app, "application", "DelApplication", "application_id", "delete-application");
  stage_end (run);
}

static void
rollback_saved (Run *run)
{
  g_object_freeze_notify (G_OBJECT (run->agent));
  govorun_agent_set_state (run->agent, GOVORUN_AGENT_STATE_DRAFT);
  govorun_agent_set_last_step (run->agent, NULL);
  govorun_agent_set_last_error (run->agent, NULL);
  govorun_agent_set_application_id (run->agent, 0);
  govorun_agent_set_application_name (run->agent, NULL);
  g_object_thaw_notify (G_OBJECT (run->agent));
  save_agent (run);
}

static void
rollback_done (Run *run)
{
  flush_records (run, rollback_saved);
}

/* --- drift ------------------------------------------------------------------------ */

static void
check_drift (Run *run)
{
  GPtrArray *numbers = govorun_agent_get_numbers (run->agent);
  GovorunAgentState state = govorun_agent_get_state (run->agent);

  run->drift = g_ptr_array_new_with_free_func (g_free);

  if (!run->app.exists)
    g_ptr_array_add (run->drift, g_strdup_printf (_("The application “%s” is missing from the Voximplant account."),
                                                  run->app.name));
  for (guint k = 0; k < N_KINDS; k++)
    {
      Obj *s = &run->scenarios[k];

      if (!s->wanted)
        continue;
      if (!s->exists)
        g_ptr_array_add (run->drift, g_strdup_printf (_("The scenario “%s” is missing from the Voximplant account."),
                                                      s->name));
      else if (g_strcmp0 (s->script, s->wanted_script) != 0)
        g_ptr_array_add (run->drift, g_strdup_printf (_("The scenario “%s” was changed in the Voximplant account."),
                                                      s->name));
    }
  for (guint r = 0; r < 2; r++)
    {
      Obj *rule = &run->rules[r];
      Obj *s = &run->scenarios[rule->wanted_kind];
      gboolean bound = FALSE;

      if (!rule->wanted)
        continue;
      if (!rule->exists)
        {
          g_ptr_array_add (run->drift, g_strdup_printf (_("The routing rule “%s” is missing from the Voximplant account."),
                                                        rule->name));
          continue;
        }
      if (g_strcmp0 (rule->pattern, rule->wanted_pattern) != 0)
        g_ptr_array_add (run->drift, g_strdup_printf (_("The routing rule “%s” matches “%s” instead of “%s”."),
                                                      rule->name, rule->pattern, rule->wanted_pattern));
      for (guint i = 0; i < rule->scenario_ids->len; i++)
        bound |= s->exists && g_array_index (rule->scenario_ids, gint64, i) == s->id;
      if (!bound || rule->scenario_ids->len != 1)
        g_ptr_array_add (run->drift, g_strdup_printf (_("The routing rule “%s” does not start just the scenario “%s”."),
                                                      rule->name, s->name));
    }
  for (guint i = 0; i < numbers->len; i++)
    {
      GovorunAgentNumber *number = g_ptr_array_index (numbers, i);
      Phone *phone = g_hash_table_lookup (run->phones, &number->phone_id);
      const char *digits = number->number[0] == '+' ? number->number + 1 : number->number;

      if (phone == NULL)
        g_ptr_array_add (run->drift, g_strdup_printf (_("The number +%s is no longer in the Voximplant account."), digits));
      else if (!phone_bound_right (run, phone))
        g_ptr_array_add (run->drift, g_strdup_printf (_("The number +%s is not bound to the agent’s application and rule."), digits));
    }

  if (run->drift->len > 0)
    govorun_agent_set_state (run->agent, GOVORUN_AGENT_STATE_DRIFTED);
  else if (state == GOVORUN_AGENT_STATE_DRIFTED)
    govorun_agent_set_state (run->agent, GOVORUN_AGENT_STATE_READY);
  save_agent (run);
}

/* --- after discovery ----------------------------------------------------------------- */

static char *
mask_secret (const char *text,
             const char *key)
{
  g_autoptr(GString) masked = g_string_new (text);
  g_autofree char *replacement = NULL;
  gsize len = key != NULL ? strlen (key) : 0;

  if (len == 0)
    return g_string_free (g_steal_pointer (&masked), FALSE);
  replacement = g_strconcat ("••••", key + (len > 4 ? len - 4 : 0), NULL);
  g_string_replace (masked, key, replacement, 0);
  return g_string_free (g_steal_pointer (&masked), FALSE);
}

static void
stage_discovered (Run *run)
{
  GovorunProvisioner *self = run_self (run);

  if (run->el_account != NULL
      && g_strcmp0 (govorun_account_get_el_region (run->el_account), GOVORUN_EL_REGION_DEFAULT) != 0
      && govorun_account_get_el_region (run->el_account) != NULL)
    run->el_url = govorun_client_factory_elevenlabs_url (self->factory, run->el_account);

  if (run->op == OP_SCENARIO)
    {
      g_autoptr(GError) error = NULL;
      char *text = generate (run, run->kind, &error);

      self->last_rounds = run->rounds;
      if (text == NULL)
        {
          g_task_return_error (run->task, g_steal_pointer (&error));
          return;
        }
      if (run->mask_key)
        {
          char *masked = mask_secret (text, run->el_key);

          govorun_secret_free (text);
          text = masked;
        }
      g_task_return_pointer (run->task, text, (GDestroyNotify) govorun_secret_free);
      return;
    }

  if ((run->op == OP_PLAN || run->op == OP_APPLY || run->op == OP_DRIFT) && !scripts_generate (run))
    {
      finish_failed (run);
      return;
    }

  switch (run->op)
    {
    case OP_PLAN:
      self->last_rounds = run->rounds;
      g_task_return_pointer (run->task, build_plan (run), (GDestroyNotify) govorun_plan_free);
      break;
    case OP_APPLY:
      apply_begin (run);
      break;
    case OP_ROLLBACK:
    case OP_DELETE:
      rollback_bindings (run);
      break;
    case OP_DRIFT:
      check_drift (run);
      break;
    case OP_SCENARIO:
    default:
      g_assert_not_reached ();
    }
}

/* --- GObject ---------------------------------------------------------------------------- */

static void
govorun_provisioner_dispose (GObject *object)
{
  GovorunProvisioner *self = GOVORUN_PROVISIONER (object);

  g_clear_object (&self->factory);
  g_clear_object (&self->accounts);
  g_clear_object (&self->agents);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (govorun_provisioner_parent_class)->dispose (object);
}

static void
govorun_provisioner_class_init (GovorunProvisionerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_provisioner_dispose;

  /**
   * GovorunProvisioner::step-changed:
   * @agent: the agent being applied or rolled back
   * @step_id: a plan step id ("application", "bind-42", "delete-rule-inbound", …)
   * @state: a #GovorunStepState
   * @message: (nullable): the error text of a failed step
   */
  signals[SIGNAL_STEP_CHANGED] =
    g_signal_new ("step-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 4,
                  GOVORUN_TYPE_AGENT, G_TYPE_STRING, G_TYPE_INT, G_TYPE_STRING);
}

static void
govorun_provisioner_init (GovorunProvisioner *self)
{
}

GovorunProvisioner *
govorun_provisioner_new (GovorunClientFactory *factory,
                         GovorunAccountStore  *accounts,
                         GovorunAgentStore    *agents,
                         GovorunStore         *store)
{
  GovorunProvisioner *self;

  g_return_val_if_fail (GOVORUN_IS_CLIENT_FACTORY (factory), NULL);
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (accounts), NULL);
  g_return_val_if_fail (GOVORUN_IS_AGENT_STORE (agents), NULL);
  g_return_val_if_fail (GOVORUN_IS_STORE (store), NULL);

  self = g_object_new (GOVORUN_TYPE_PROVISIONER, NULL);
  self->factory = g_object_ref (factory);
  self->accounts = g_object_ref (accounts);
  self->agents = g_object_ref (agents);
  self->store = g_object_ref (store);
  return self;
}

guint
govorun_provisioner_get_last_rounds (GovorunProvisioner *self)
{
  g_return_val_if_fail (GOVORUN_IS_PROVISIONER (self), 0);

  return self->last_rounds;
}

/* --- starting an operation ------------------------------------------------------------------ */

static void
start (GovorunProvisioner  *self,
       OpKind               op,
       GovorunAgent        *agent,
       GovorunScenarioKind  kind,
       gboolean             mask_key,
       gpointer             source_tag,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Run *run = g_new0 (Run, 1);
  GPtrArray *numbers = govorun_agent_get_numbers (agent);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  run->task = task;
  run->op = op;
  run->kind = kind;
  run->mask_key = mask_key;
  run->agent = g_object_ref (agent);
  run->uuid = g_strdup (govorun_agent_get_uuid (agent));
  run->slug = g_strdup (govorun_agent_get_slug (agent));
  run->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->new_records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->record_ops = g_ptr_array_new_with_free_func ((GDestroyNotify) record_op_free);
  run->phones = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) phone_free);

  if (run->uuid == NULL || run->slug == NULL)
    {
      g_task_return_new_error (task, GOVORUN_PROVISIONER_ERROR, GOVORUN_PROVISIONER_ERROR_INVALID,
                               _("The agent is not saved yet. Save it first, then try again."));
      return;
    }

  if (op != OP_SCENARIO)
    {
      run->vox_account = govorun_account_store_find_by_uuid (self->accounts, govorun_agent_get_vox_account_uuid (agent));
      if (run->vox_account == NULL || govorun_account_get_kind (run->vox_account) != GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
        {
          run->vox_account = NULL;
          g_task_return_new_error (task, GOVORUN_PROVISIONER_ERROR, GOVORUN_PROVISIONER_ERROR_ACCOUNT,
                                   _("The agent’s Voximplant account is not saved in Govorun. Choose a Voximplant account for the agent and try again."));
          return;
        }
      g_object_ref (run->vox_account);
    }
  if (needs_elevenlabs (run))
    {
      run->el_account = govorun_account_store_find_by_uuid (self->accounts, govorun_agent_get_el_account_uuid (agent));
      if (run->el_account == NULL || govorun_account_get_kind (run->el_account) != GOVORUN_ACCOUNT_KIND_ELEVENLABS)
        {
          run->el_account = NULL;
          g_task_return_new_error (task, GOVORUN_PROVISIONER_ERROR, GOVORUN_PROVISIONER_ERROR_ACCOUNT,
                                   _("The agent’s ElevenLabs account is not saved in Govorun. Choose an ElevenLabs account for the agent and try again."));
          return;
        }
      g_object_ref (run->el_account);
    }
  if ((op == OP_PLAN || op == OP_APPLY || op == OP_DRIFT) && numbers->len == 0
      && (govorun_agent_get_inbound (agent) || govorun_agent_get_outbound (agent)))
    {
      g_task_return_new_error (task, GOVORUN_PROVISIONER_ERROR, GOVORUN_PROVISIONER_ERROR_INVALID,
                               _("The agent has no phone number. Choose at least one number for it and try again."));
      return;
    }

  run->app.name = govorun_provisioner_application_name (run->slug);
  for (guint k = 0; k < N_KINDS; k++)
    run->scenarios[k].name = govorun_scenario_name_for_agent (run->slug, k);
  for (guint r = 0; r < 2; r++)
    {
      run->rules[r].name = govorun_provisioner_rule_name (run->slug, r == 0);
      run->rules[r].scenario_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  if (govorun_agent_get_inbound (agent))
    {
      run->scenarios[inbound_kind (run)].wanted = TRUE;
      run->rules[0].wanted = TRUE;
    }
  if (govorun_agent_get_outbound (agent))
    {
      run->scenarios[GOVORUN_SCENARIO_OUTBOUND].wanted = TRUE;
      run->rules[1].wanted = TRUE;
    }
  run->rules[0].wanted_pattern = govorun_provisioner_inbound_pattern (numbers);
  run->rules[0].wanted_kind = inbound_kind (run);
  /* Call lists and StartScenarios ignore the pattern. */
  run->rules[1].wanted_pattern = g_strdup (".*");
  run->rules[1].wanted_kind = GOVORUN_SCENARIO_OUTBOUND;

  stage_start (run);
}

#define CHECK_RESULT(tag, ret) \
  g_return_val_if_fail (g_task_is_valid (result, self), ret); \
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tag, ret)

void
govorun_provisioner_plan_async (GovorunProvisioner  *self,
                                GovorunAgent        *agent,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_PROVISIONER (self));
  g_return_if_fail (GOVORUN_IS_AGENT (agent));

  start (self, OP_PLAN, agent, 0, FALSE, govorun_provisioner_plan_async, cancellable, callback, user_data);
}

GovorunPlan *
govorun_provisioner_plan_finish (GovorunProvisioner  *self,
                                 GAsyncResult        *result,
                                 GError             **error)
{
  CHECK_RESULT (govorun_provisioner_plan_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
govorun_provisioner_apply_async (GovorunProvisioner  *self,
                                 GovorunAgent        *agent,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_PROVISIONER (self));
  g_return_if_fail (GOVORUN_IS_AGENT (agent));

  start (self, OP_APPLY, agent, 0, FALSE, govorun_provisioner_apply_async, cancellable, callback, user_data);
}

gboolean
govorun_provisioner_apply_finish (GovorunProvisioner  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  CHECK_RESULT (govorun_provisioner_apply_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
govorun_provisioner_rollback_async (GovorunProvisioner  *self,
                                    GovorunAgent        *agent,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_PROVISIONER (self));
  g_return_if_fail (GOVORUN_IS_AGENT (agent));

  start (self, OP_ROLLBACK, agent, 0, FALSE, govorun_provisioner_rollback_async, cancellable, callback, user_data);
}

gboolean
govorun_provisioner_rollback_finish (GovorunProvisioner  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  CHECK_RESULT (govorun_provisioner_rollback_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
govorun_provisioner_delete_async (GovorunProvisioner  *self,
                                  GovorunAgent        *agent,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_PROVISIONER (self));
  g_return_if_fail (GOVORUN_IS_AGENT (agent));

  start (self, OP_DELETE, agent, 0, FALSE, govorun_provisioner_delete_async, cancellable, callback, user_data);
}

gboolean
govorun_provisioner_delete_finish (GovorunProvisioner  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  CHECK_RESULT (govorun_provisioner_delete_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
govorun_provisioner_check_drift_async (GovorunProvisioner  *self,
                                       GovorunAgent        *agent,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_PROVISIONER (self));
  g_return_if_fail (GOVORUN_IS_AGENT (agent));

  start (self, OP_DRIFT, agent, 0, FALSE, govorun_provisioner_check_drift_async, cancellable, callback, user_data);
}

GPtrArray *
govorun_provisioner_check_drift_finish (GovorunProvisioner  *self,
                                        GAsyncResult        *result,
                                        GError             **error)
{
  CHECK_RESULT (govorun_provisioner_check_drift_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
govorun_provisioner_get_scenario_async (GovorunProvisioner  *self,
                                        GovorunAgent        *agent,
                                        GovorunScenarioKind  kind,
                                        gboolean             mask_key,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_PROVISIONER (self));
  g_return_if_fail (GOVORUN_IS_AGENT (agent));
  g_return_if_fail (kind < N_KINDS);

  start (self, OP_SCENARIO, agent, kind, mask_key, govorun_provisioner_get_scenario_async,
         cancellable, callback, user_data);
}

char *
govorun_provisioner_get_scenario_finish (GovorunProvisioner  *self,
                                         GAsyncResult        *result,
                                         GError             **error)
{
  CHECK_RESULT (govorun_provisioner_get_scenario_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
