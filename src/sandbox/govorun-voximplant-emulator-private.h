/* govorun-voximplant-emulator-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gnutls/abstract.h>

#include "govorun-call-history.h"
#include "govorun-voximplant-emulator.h"

G_BEGIN_DECLS

/*
 * Shared by the files of the Voximplant emulator, one per sub-API of the
 * Management API; not for anyone else. The state lives in the instance
 * struct, behind its lock, which the dispatcher holds while a method runs.
 * vox_emu_ keeps these names apart from the public govorun_ ones.
 */

typedef struct _VoxEmuCallList VoxEmuCallList;

/* One attempt of a call list's task, as GetCallHistory shows it. */
typedef struct
{
  gint64    session_id;
  gint64    call_id;
  gint64    application_id;
  gint64    start;
  guint     talk_secs;
  gboolean  answered;
  char      remote_number[24];
  char      local_number[24];
  char     *custom_data;     /* what the scenario left: campaign and contact */
} VoxEmuCampaignCall;

typedef struct
{
  gint64     account_id;
  char      *account_name;
  char      *account_email;
  char      *api_key;
  char      *first_name;
  char      *last_name;
  GDateTime *created;
  char      *language_code;
  char      *location;
  gboolean   active;
  gboolean   frozen;
  double     balance;
  double     credit_limit;
  char      *currency;

  /* Provisioning state, in creation order (lists answer in this order). */
  GPtrArray *applications;  /* Application* */
  GPtrArray *scenarios;     /* Scenario* */
  GPtrArray *rules;         /* Rule* (tried top-down, as the real routing) */
  GPtrArray *phones;        /* Phone*, owned numbers */

  GovorunCallHistory *history; /* NULL: no calls */
  GPtrArray *call_lists;       /* VoxEmuCallList*, NULL until the first */
  GArray    *campaign_calls;   /* VoxEmuCampaignCall, the call lists' attempts, in time order */
  gboolean   secure_records;   /* recordings need the service account's JWT */
  GPtrArray *runs;             /* VoxRun*: sessions started by StartScenarios */
} Account;

/* A session StartScenarios started: a "call me" call that rings, is
 * answered and ends on the emulator's clock (govorun-vox-emu-runs.c). */
typedef struct
{
  gint64    session_id;
  gint64    call_id;
  gint64    application_id;
  char     *rule_name;
  char     *remote_number;
  char     *custom_data;
  gint64    start;           /* Unix seconds */
  gint64    start_us;        /* monotonic */
  guint     ring_ms;
  guint     talk_ms;
  char     *conversation_id; /* "" until the conversation is linked */
} VoxRun;

typedef struct
{
  gint64    application_id;
  char     *name;            /* short name; the full one is derived */
  gboolean  secure_record_storage;
  gint64    modified;        /* Unix seconds, UTC */
  GHashTable *secrets;       /* secret name → value */
} Application;

typedef struct
{
  gint64    scenario_id;
  char     *name;
  char     *script;
  gint64    application_id;  /* 0: the account-wide "Shared" folder */
  gint64    modified;
} Scenario;

typedef struct
{
  gint64    rule_id;
  gint64    application_id;
  char     *name;
  char     *pattern;
  char     *pattern_exclude; /* NULL when none */
  gboolean  video_conference;
  GArray   *scenario_ids;    /* gint64, in binding order */
  gint64    modified;
} Rule;

typedef struct
{
  gint64    phone_id;
  char     *number;
  char     *country_code;
  char     *category;
  char     *region_name;
  double    price;
  gboolean  required_verification;
  gint64    purchased;
  gint64    application_id;  /* 0: not bound */
  gint64    rule_id;         /* 0: bound to the application only */
  gboolean  deactivated;
  gint64    modified;
} Phone;

/* Phone inventory: a region of the market as seeded ... */
typedef struct
{
  gint64      region_id;
  const char *country_code;
  const char *category;
  const char *state;        /* NULL in countries without states */
  const char *name;
  const char *name_ru;
  const char *code;
  double      price;        /* monthly, in the account's currency */
  double      installation_price;
  gboolean    required_verification;
  guint       stock;
  gint64      first_number;
} RegionSeed;

/* ... and the live stock per region. */
typedef struct
{
  gint64  phone_id;
  char   *number;
} StockNumber;

typedef struct
{
  const RegionSeed *seed;
  GPtrArray        *stock;   /* StockNumber* */
} Region;

typedef struct
{
  char             *key_id;
  gint64            account_id;
  gnutls_pubkey_t   pubkey;
} ServiceKey;

typedef enum
{
  AUTH_API_KEY,
  AUTH_JWT,
} AuthMode;

/* One request as the method handlers see it. */
typedef struct
{
  GovorunVoximplantEmulator *self;
  SoupServerMessage         *msg;
  GHashTable                *params;
  Account                   *account;
  AuthMode                   auth;
} Call;

struct _GovorunVoximplantEmulator
{
  GovorunEmulator  parent_instance;

  /* The server thread answers while a test thread seeds state. */
  GMutex           lock;
  GHashTable      *accounts;     /* gint64* → Account* */
  GHashTable      *keys;         /* key_id → ServiceKey* */
  gint64           clock_offset;

  GHashTable      *last_params;
  const char      *last_style;   /* static "path" or "cmd" */

  guint            error_http_status;
  gboolean         methods_case_insensitive;
  char            *api_address;

  /* Ids are unique per emulator, in separate ranges per kind so that a
   * client mixing them up gets an error, not another object. */
  gint64           next_application_id;
  gint64           next_scenario_id;
  gint64           next_rule_id;
  gint64           next_phone_id;
  GPtrArray       *regions;      /* Region*; empty until seeded */

  char            *application_domain_suffix;
  gboolean         bind_default;
  guint            default_list_count;
  gboolean         require_country_state;
  gboolean         del_rule_requires_application;
  gboolean         keep_deactivated_numbers;
  gboolean         delete_application_scenarios;

  /* Call lists (govorun-vox-emu-call-lists.c). */
  gint64           next_list_id;
  gint64           next_task_id;
  gint64           next_campaign_session;
  double           call_list_speed;     /* dialer seconds per real second; 0: tests move it */
  gint64           call_list_last_run;  /* monotonic µs */
  guint            deferred_sessions;   /* sessions outside a row's calling hours (govorun_schedule) */
  guint            run_ring_ms;
  guint            run_talk_ms;
  gint64           next_session_id;
  GovorunVoxRunHook run_hook;
  gpointer         run_hook_data;
};

#define PHONE_PERIOD          "0-1-0 0:0:0"
#define UNVERIFIED_HOLD_DAYS  14

typedef enum
{
  CHOICE_FAILED = -1,  /* answered with an error */
  CHOICE_NONE,
  CHOICE_FIRST,
  CHOICE_SECOND,
} Choice;

/* The object and its state */

/* Applications, scenarios, rules and phones start with their id, so one
 * lookup serves the four lists. */
G_STATIC_ASSERT (G_STRUCT_OFFSET (Application, application_id) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (Scenario, scenario_id) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (Rule, rule_id) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (Phone, phone_id) == 0);

gpointer vox_emu_find_by_id (GPtrArray *objects,
                             gint64     id);
void vox_emu_stock_number_free (StockNumber *number);
gint64 vox_emu_now (GovorunVoximplantEmulator *self);

/* Parameters and answers (govorun-vox-emu-call.c) */

void vox_emu_respond_error (GovorunVoximplantEmulator *self,
                            SoupServerMessage         *msg,
                            guint                      http_status,
                            int                        code,
                            const char                *text);
void vox_emu_call_error (Call       *call,
                         int         code,
                         const char *text);
void vox_emu_call_reply (Call        *call,
                         JsonBuilder *builder);
gboolean vox_emu_call_get_bool (Call       *call,
                                const char *name,
                                gboolean    default_value,
                                gboolean   *out);
gint64 vox_emu_now_seconds (Call *call);
void vox_emu_take_string (JsonObject *object,
                          const char *name,
                          char       *value);
void vox_emu_set_timestamp (JsonObject *object,
                            const char *name,
                            gint64      seconds);
void vox_emu_set_date (JsonObject *object,
                       const char *name,
                       GDateTime  *datetime);
double vox_emu_round_money (double value);
void vox_emu_call_reply_ok (Call       *call,
                            JsonObject *root);
void vox_emu_call_errorf (Call       *call,
                          int         code,
                          const char *format,
                          ...) G_GNUC_PRINTF (3, 4);
const char *vox_emu_call_param (Call       *call,
                                const char *name);
const char *vox_emu_call_require (Call       *call,
                                  const char *name);
Choice vox_emu_call_choose (Call       *call,
                            const char *first,
                            const char *second,
                            gboolean    required);
gboolean vox_emu_call_get_filter_bool (Call       *call,
                                       const char *name,
                                       int        *out);
gboolean vox_emu_call_get_page (Call  *call,
                                guint *offset,
                                guint *count);
void vox_emu_call_reply_list (Call       *call,
                              GPtrArray  *items,
                              guint       offset,
                              guint       count,
                              JsonObject *root);
GArray *vox_emu_call_get_ids (Call       *call,
                              const char *name,
                              int         code,
                              gboolean   *all);
GStrv vox_emu_call_get_list (Call       *call,
                             const char *name,
                             int         code);
gboolean vox_emu_parse_single_id (const char *text,
                                  gint64     *out);

/* Authentication */

int vox_emu_authenticate (GovorunVoximplantEmulator *self,
                          Call                      *call);

/* Account */

void vox_emu_method_get_account_info (Call *call);

/* Applications */

char *vox_emu_application_full_name (GovorunVoximplantEmulator *self,
                                     Account                   *account,
                                     Application               *app);
Application *vox_emu_find_application (Account *account,
                                       gint64   application_id);
gboolean vox_emu_call_get_application (Call         *call,
                                       gboolean      required,
                                       Application **out);
void vox_emu_method_add_application (Call *call);
void vox_emu_method_get_applications (Call *call);
void vox_emu_method_set_application_info (Call *call);
void vox_emu_method_del_application (Call *call);

/* Secret storage */

void vox_emu_method_add_secret (Call *call);
void vox_emu_method_set_secret_info (Call *call);
void vox_emu_method_del_secret (Call *call);
void vox_emu_method_get_secrets (Call *call);

/* Scenarios */

Scenario *vox_emu_find_scenario (Account *account,
                                 gint64   scenario_id);
gboolean vox_emu_call_get_scenarios (Call        *call,
                                     gboolean     required,
                                     gboolean     allow_all,
                                     GPtrArray  **out);
void vox_emu_delete_scenario (Account  *account,
                              Scenario *scenario,
                              gint64    now);
void vox_emu_method_add_scenario (Call *call);
void vox_emu_method_get_scenarios (Call *call);
void vox_emu_method_set_scenario_info (Call *call);
void vox_emu_method_del_scenario (Call *call);
void vox_emu_method_bind_scenario (Call *call);

/* Rules */

Rule *vox_emu_find_rule (Account *account,
                         gint64   rule_id);
gboolean vox_emu_call_get_rule (Call         *call,
                                Application  *app,
                                gboolean      required,
                                Rule        **out);
void vox_emu_rule_bind_scenario (Rule     *rule,
                                 Scenario *scenario,
                                 gboolean  bind,
                                 gint64    now);
JsonObject *vox_emu_rule_to_json (Account *account,
                                  Rule    *rule,
                                  gboolean with_scenarios);
void vox_emu_delete_rule (Account *account,
                          Rule    *rule,
                          gint64   now);
void vox_emu_method_add_rule (Call *call);
void vox_emu_method_get_rules (Call *call);
void vox_emu_method_set_rule_info (Call *call);
void vox_emu_method_del_rule (Call *call);

/* Owned numbers */

gboolean vox_emu_number_owned_anywhere (GovorunVoximplantEmulator *self,
                                        const char                *number);
void vox_emu_method_get_phone_numbers (Call *call);
void vox_emu_method_bind_phone_number_to_application (Call *call);
void vox_emu_method_deactivate_phone_number (Call *call);

/* The number market */

char *vox_emu_normalize_number (const char *text);
Region *vox_emu_find_region_by_name (GovorunVoximplantEmulator *self,
                                     const char                *country_code,
                                     const char                *category,
                                     const char                *name);
const char *vox_emu_verification_status (gboolean required);
void vox_emu_set_required_verification (JsonObject *object,
                                        gboolean    required,
                                        const char *country_code);
void vox_emu_method_get_phone_number_categories (Call *call);
void vox_emu_method_get_phone_number_country_states (Call *call);
void vox_emu_method_get_phone_number_regions (Call *call);
void vox_emu_method_get_new_phone_numbers (Call *call);
GDateTime *vox_emu_phone_hold_until (Phone *phone);
void vox_emu_method_attach_phone_number (Call *call);

/* Call history and recordings (govorun-vox-emu-calls.c) */

#define VOX_EMU_RECORDS_PATH "/records/"

char *vox_emu_record_url (GovorunVoximplantEmulator *self,
                          gint64                     account_id,
                          gint64                     record_id);
void vox_emu_method_get_call_history (Call *call);

/* Call lists (govorun-vox-emu-call-lists.c) */

void vox_emu_call_list_free (VoxEmuCallList *list);
void vox_emu_run_call_lists (GovorunVoximplantEmulator *self,
                             Account                   *account,
                             gint64                     extra);
/* Adds an attempt to the account's history (govorun-vox-emu-calls.c). */
void vox_emu_record_campaign_call (GovorunVoximplantEmulator *self,
                                   Account                   *account,
                                   VoxEmuCallList            *list,
                                   const char                *row_json,
                                   const char                *task_uuid,
                                   gint64                     start,
                                   guint                      talk_secs,
                                   gboolean                   answered);
void vox_emu_campaign_call_clear (VoxEmuCampaignCall *call);
gint64 vox_emu_call_list_get_rule_id (VoxEmuCallList *list);
void vox_emu_method_create_call_list (Call *call);
void vox_emu_method_append_to_call_list (Call *call);
void vox_emu_method_get_call_lists (Call *call);
void vox_emu_method_get_call_list_details (Call *call);
void vox_emu_method_stop_call_list_processing (Call *call);
void vox_emu_method_recover_call_list (Call *call);
void vox_emu_method_start_scenarios (Call *call);
void vox_emu_run_free (VoxRun *run);
/* The run as a history call at this moment (FALSE when it is outside
 * [from, to]). */
gboolean vox_emu_run_to_history (GovorunVoximplantEmulator *self,
                                 VoxRun                    *run,
                                 GovorunHistoryCall        *hc);
void vox_emu_serve_record (GovorunVoximplantEmulator *self,
                           SoupServerMessage         *msg,
                           const char                *path,
                           GHashTable                *params);

G_END_DECLS
