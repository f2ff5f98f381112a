/* govorun-provisioner-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-provider-objects.h"
#include "govorun-client-factory.h"
#include "govorun-provisioner.h"
#include "govorun-scenario-generator.h"
#include "govorun-store.h"

G_BEGIN_DECLS

/*
 * What the provisioner's files share: the state of one run (one plan,
 * apply, rollback, delete, drift check or scenario preview) and the
 * functions of each stage. Each run is a chain of stages; a stage sends
 * its requests in parallel and the next one starts once all of them have
 * answered (see the comment at the top of govorun-provisioner.c).
 */

#define N_KINDS GOVORUN_SCENARIO_N_KINDS
#define PAGE 100   /* items per list request */

struct _GovorunProvisioner
{
  GObject               parent_instance;

  GovorunClientFactory *factory;
  GovorunAccountStore  *accounts;
  GovorunAgentStore    *agents;
  GovorunStore         *store;
  guint                 last_rounds;
  char                 *host_name;   /* in the manifest; NULL: g_get_host_name () */
};

typedef enum
{
  OP_PLAN,
  OP_APPLY,
  OP_ROLLBACK,
  OP_DELETE,
  OP_DRIFT,
  OP_SCENARIO,
  OP_ACCEPT,    /* take the account's manifest as seen (before "Replace Theirs") */
} OpKind;

/* An object in the account: what is there, and what the agent wants. */
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

typedef struct _Run Run;
typedef void (*StageFunc) (Run *run);

struct _Run
{
  GTask                        *task;       /* not a reference: the task owns the run */
  OpKind                        op;
  GovorunAgent                 *agent;
  char                         *uuid;
  char                         *slug;
  GovorunAccount               *vox_account;
  GovorunAccount               *el_account;
  GovorunVoximplantClient      *client;
  char                         *el_key;     /* a secret: wiped when freed */
  char                         *el_url;
  gint64                        account_row;
  GHashTable                   *records;    /* "type\nname" → provider_id ("" when unknown) */
  GHashTable                   *new_records;/* keys inserted by this run */
  GovorunProviderObjectChanges *changes;    /* queued for the store */
  Obj                           app;
  Obj                           scenarios[N_KINDS];
  Obj                           rules[2];   /* 0 inbound, 1 outbound */
  GHashTable                   *phones;     /* phone_id → Phone */
  GovorunPlan                  *plan;
  GPtrArray                    *drift;
  GovorunScenarioKind           kind;       /* get_scenario */
  gboolean                      mask_key;
  gboolean                      key_in_scenario; /* no secret storage: the key in the text */
  char                         *secret_record;   /* its provider_objects name */
  StageFunc                     secret_next;
  char                         *scenario_text;
  char                         *computer_id;  /* this installation's, for the manifest */
  GovorunScenarioManifest      *current;      /* the newest manifest in the account, or NULL */
  gint64                        new_revision; /* the revision this run's scripts carry */
  gboolean                      deploying;    /* apply: the plan changes something */

  guint                         pending;
  StageFunc                     next;
  gboolean                      round_open;
  guint                         rounds;
  GError                       *error;
  char                         *error_step;
};

/* What a failed step was doing, for its message. */
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
  WHAT_STORE_SECRET,
  WHAT_DELETE_SECRET,
  WHAT_SAVE,
} What;

/* Gets the result of a typed Voximplant call made for the run. */
typedef void (*ReplyFunc) (Run                     *run,
                           GovorunVoximplantClient *client,
                           GAsyncResult            *result,
                           gpointer                 data);

static inline GovorunProvisioner *
run_self (Run *run)
{
  return g_task_get_source_object (run->task);
}

/* Plan step ids. */
static inline GCancellable *
run_cancellable (Run *run)
{
  /* An apply's requests are never cut off mid-step (a change the provider
   * made but Govorun never heard of); it stops between steps instead. */
  return run->op == OP_APPLY ? NULL : g_task_get_cancellable (run->task);
}

static inline const char *
kind_step_id (GovorunScenarioKind kind)
{
  static const char * const ids[N_KINDS] = {
    [GOVORUN_SCENARIO_INBOUND] = "scenario-inbound",
    [GOVORUN_SCENARIO_OUTBOUND] = "scenario-outbound",
    [GOVORUN_SCENARIO_WEBHOOK_BOT] = "scenario-webhook-bot",
  };
  return ids[kind];
}

static inline const char *
rule_step_id (guint i)
{
  return i == 0 ? "rule-inbound" : "rule-outbound";
}

static inline char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* govorun-provisioner.c */
void          _govorun_provisioner_emit_step         (Run              *run,
                                                      const char       *step_id,
                                                      GovorunStepState  state,
                                                      const char       *message);
void          _govorun_provisioner_stage_discovered  (Run              *run);

/* govorun-provisioner-run.c: the run, its stages and requests, failures */
void          _govorun_provisioner_run_free          (Run              *run);
void          _govorun_provisioner_phone_free        (Phone            *phone);
void          _govorun_provisioner_run_fail          (Run              *run,
                                                      const char       *step_id,
                                                      What              what,
                                                      const char       *name,
                                                      const GError     *cause);
void          _govorun_provisioner_stage_begin       (Run              *run,
                                                      StageFunc         next);
void          _govorun_provisioner_stage_dec         (Run              *run);
void          _govorun_provisioner_stage_end         (Run              *run);
/* A request of the current stage: give _govorun_provisioner_on_reply and
 * what this returns to a typed govorun_voximplant_client_…_async(); @func
 * then gets the result. */
gpointer      _govorun_provisioner_request           (Run              *run,
                                                      ReplyFunc         func,
                                                      gpointer          data,
                                                      GDestroyNotify    destroy);
void          _govorun_provisioner_on_reply          (GObject          *object,
                                                      GAsyncResult     *result,
                                                      gpointer          user_data);
/* For answers that do not say what they should (an object missing after
 * "already exists"). */
void          _govorun_provisioner_set_bad_response  (GError          **error,
                                                      const char       *method);
void          _govorun_provisioner_emit_binds        (Run              *run,
                                                      GArray           *ids,
                                                      const char       *prefix,
                                                      GovorunStepState  state,
                                                      const char       *message);
void          _govorun_provisioner_fail_numbers      (Run              *run,
                                                      GArray           *ids,
                                                      const char       *prefix,
                                                      What              what,
                                                      const GError     *error);

/* govorun-provisioner-records.c: which objects are Govorun's */
void          _govorun_provisioner_load_records      (Run              *run);
gboolean      _govorun_provisioner_is_owned          (Run              *run,
                                                      const char       *type,
                                                      const char       *name);
void          _govorun_provisioner_record_intent     (Run              *run,
                                                      const char       *type,
                                                      const char       *name);
void          _govorun_provisioner_record_id         (Run              *run,
                                                      const char       *type,
                                                      const char       *name,
                                                      gint64            id);
void          _govorun_provisioner_record_refused    (Run              *run,
                                                      const char       *type,
                                                      const char       *name,
                                                      const GError     *error);
void          _govorun_provisioner_record_forget     (Run              *run,
                                                      const char       *type,
                                                      const char       *name);
void          _govorun_provisioner_flush_records     (Run              *run,
                                                      StageFunc         next);
GovorunProviderObjectChanges *
              _govorun_provisioner_take_changes      (Run              *run);

/* govorun-provisioner-discovery.c: what the account has */
void          _govorun_provisioner_stage_start       (Run              *run);
/* Read a list answer into the run (an exact name match), or fail the
 * run's check step. */
void          _govorun_provisioner_read_applications (Run                     *run,
                                                      GovorunVoximplantClient *client,
                                                      GAsyncResult            *result,
                                                      gpointer                 data);
void          _govorun_provisioner_read_scenarios    (Run                     *run,
                                                      GovorunVoximplantClient *client,
                                                      GAsyncResult            *result,
                                                      gpointer                 data);
void          _govorun_provisioner_read_rules        (Run                     *run,
                                                      GovorunVoximplantClient *client,
                                                      GAsyncResult            *result,
                                                      gpointer                 data);

/* govorun-provisioner-desired.c: what the agent wants */
char         *_govorun_provisioner_generate          (Run                  *run,
                                                      GovorunScenarioKind   kind,
                                                      GError              **error);
gboolean      _govorun_provisioner_scripts_generate  (Run              *run);
gint64        _govorun_provisioner_wanted_rule_id    (Run              *run);
gboolean      _govorun_provisioner_phone_bound_right (Run              *run,
                                                      Phone            *phone);
gboolean      _govorun_provisioner_rule_needs_update (Run              *run,
                                                      Obj              *rule);

/* govorun-provisioner-plan.c */
GovorunPlan  *_govorun_provisioner_build_plan        (Run              *run);

/* govorun-provisioner-finish.c: saving the agent, returning the result */
void          _govorun_provisioner_finish_failed     (Run              *run);
void          _govorun_provisioner_save_agent        (Run              *run);

/* govorun-provisioner-apply.c */
void          _govorun_provisioner_apply_begin       (Run              *run);

/* govorun-provisioner-rollback.c: removing Govorun's own objects */
void          _govorun_provisioner_remove_bindings   (Run              *run,
                                                      gboolean          everything);
void          _govorun_provisioner_remove_rules      (Run              *run,
                                                      gboolean          everything);
void          _govorun_provisioner_remove_scenarios  (Run              *run,
                                                      gboolean          everything);
void          _govorun_provisioner_rollback_begin    (Run              *run);

/* govorun-provisioner-secret.c: the ElevenLabs key in the secret storage */
gboolean      _govorun_provisioner_needs_key         (Run              *run);
const char   *_govorun_provisioner_secret_record     (Run              *run);
gboolean      _govorun_provisioner_secret_wanted     (Run              *run);
/* Stores the key (in stages of its own), then runs @next. */
void          _govorun_provisioner_secret_apply      (Run              *run,
                                                      StageFunc         next);
/* Within the current stage: the secret Govorun stored, when no longer
 * needed (or @everything). */
void          _govorun_provisioner_remove_secret     (Run              *run,
                                                      gboolean          everything);

/* govorun-provisioner-manifest.c: deploys from several computers */
void          _govorun_provisioner_load_computer_id  (Run              *run);
/* The newest manifest among the scenarios read; sets run->current. */
void          _govorun_provisioner_read_current      (Run              *run);
/* FALSE (the task returned CHANGED_ELSEWHERE) when another computer
 * deployed the agent since this one last saw it. */
gboolean      _govorun_provisioner_check_elsewhere   (Run              *run);
/* The manifest the run's scripts get (transfer full). */
GovorunScenarioManifest *
              _govorun_provisioner_manifest_for_run  (Run              *run);
void          _govorun_provisioner_accept_current    (Run              *run);

/* govorun-provisioner-drift.c */
void          _govorun_provisioner_check_drift       (Run              *run);

G_END_DECLS
