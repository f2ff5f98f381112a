/* govorun-voximplant-calls.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * GetCallHistory: the account's call sessions with their calls, records
 * and other resources (reference §2, field types as in Voximplant's own
 * clients).
 *
 * Limits a sync must respect: at most 1000 sessions a page (count) and an
 * offset of at most 10,000. A window with more sessions than
 * offset + count can reach must be split into smaller time windows (by
 * from_date/to_date) and each paged separately; past the cap Voximplant
 * answers an error, not an empty page.
 *
 * Times: start_date and start_time come in the time zone of the request
 * (the answer echoes it); the parsers turn them into GDateTime in that
 * zone, so callers compare instants, never strings.
 */

#define GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT  1000
#define GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_OFFSET 10000

typedef struct _GovorunVoximplantClient GovorunVoximplantClient;

/* CallInfoType: one call leg of a session. */
typedef struct
{
  gint64     call_id;
  GDateTime *start_time;
  gint64     duration;            /* seconds; 0 when absent */
  char      *local_number;        /* may be NULL */
  char      *remote_number;       /* may be NULL */
  char      *remote_number_type;  /* "pstn", "mobile", "user", "sip"…; may be NULL */
  gboolean   incoming;
  gboolean   successful;
  gint64     transaction_id;      /* 0 when absent */
  char      *record_url;          /* may be NULL */
  double     cost;
  char      *custom_data;         /* may be NULL */
  int        end_reason_code;     /* 0 when absent */
  char      *end_reason;          /* description; may be NULL */
} GovorunVoximplantCall;

/* RecordType */
typedef struct
{
  gint64     record_id;
  char      *record_name;         /* may be NULL */
  double     cost;
  GDateTime *start_time;          /* may be NULL */
  gint64     duration;
  char      *record_url;          /* may be NULL (deleted or still being written) */
  gint64     transaction_id;
  double     file_size;           /* bytes; 0 when absent */
  char      *transcription_url;   /* may be NULL */
  char      *transcription_status;/* "Not required", "In progress", "Complete"; may be NULL */
} GovorunVoximplantRecord;

/* ResourceUsageType */
typedef struct
{
  gint64     resource_usage_id;
  char      *resource_type;       /* CALLSESSION, ASR, TRANSCRIPTION, TTS_…; may be NULL */
  double     cost;
  char      *description;         /* may be NULL */
  GDateTime *used_at;             /* may be NULL */
  gint64     transaction_id;
  gint64     resource_quantity;
  char      *unit;                /* may be NULL */
  gint64     ref_call_id;         /* 0 when absent */
} GovorunVoximplantResourceUsage;

/* CallSessionInfoType */
typedef struct
{
  gint64     call_session_history_id;
  gint64     account_id;
  gint64     application_id;
  char      *application_name;    /* may be NULL */
  gint64     user_id;
  char      *rule_name;           /* may be NULL */
  GDateTime *start_date;
  gint64     duration;            /* the whole session, seconds */
  char      *initiator_address;   /* may be NULL */
  char      *media_server_address;/* may be NULL */
  char      *log_file_url;        /* may be NULL */
  char      *finish_reason;       /* "Normal termination", "Insufficient funds", …; may be NULL */
  char      *audio_quality;       /* may be NULL */
  char      *custom_data;         /* may be NULL; our scenarios store {"el_conv":"<id>"} */
  GPtrArray *calls;               /* GovorunVoximplantCall*; empty without with_calls */
  GPtrArray *records;             /* GovorunVoximplantRecord* */
  GPtrArray *other_resource_usage;/* GovorunVoximplantResourceUsage* */
} GovorunVoximplantCallSession;

/* One page of GetCallHistory. */
typedef struct
{
  GPtrArray *sessions;            /* GovorunVoximplantCallSession* */
  gint64     total_count;         /* -1 when not asked for (with_total_count false) */
  char      *timezone;            /* the zone the dates are in */
} GovorunVoximplantCallHistoryPage;

/* What to ask for. Zero-initialise, then set what is needed. */
typedef struct
{
  GDateTime     *from_date;       /* required; inclusive */
  GDateTime     *to_date;         /* required; inclusive */
  const char    *timezone;        /* tz name sent and used for the dates; NULL: "Etc/GMT" */
  const gint64  *call_session_history_ids; /* (nullable) */
  gsize          n_call_session_history_ids;
  gint64         application_id;  /* 0: all */
  const char    *remote_number;   /* (nullable) */
  gboolean       with_calls;
  gboolean       with_records;
  gboolean       with_other_resources;
  gboolean       desc_order;
  gboolean       without_total_count; /* skips counting (faster on big windows) */
  guint          count;           /* 1..1000; 0: 1000 */
  guint          offset;          /* ≤ 10000 */
} GovorunVoximplantCallHistoryQuery;

#define GOVORUN_TYPE_VOXIMPLANT_CALL               (govorun_voximplant_call_get_type ())
#define GOVORUN_TYPE_VOXIMPLANT_RECORD             (govorun_voximplant_record_get_type ())
#define GOVORUN_TYPE_VOXIMPLANT_RESOURCE_USAGE     (govorun_voximplant_resource_usage_get_type ())
#define GOVORUN_TYPE_VOXIMPLANT_CALL_SESSION       (govorun_voximplant_call_session_get_type ())
#define GOVORUN_TYPE_VOXIMPLANT_CALL_HISTORY_PAGE  (govorun_voximplant_call_history_page_get_type ())

GType                             govorun_voximplant_call_get_type               (void) G_GNUC_CONST;
GovorunVoximplantCall            *govorun_voximplant_call_copy                   (const GovorunVoximplantCall *call);
void                              govorun_voximplant_call_free                   (GovorunVoximplantCall *call);
GType                             govorun_voximplant_record_get_type             (void) G_GNUC_CONST;
GovorunVoximplantRecord          *govorun_voximplant_record_copy                 (const GovorunVoximplantRecord *record);
void                              govorun_voximplant_record_free                 (GovorunVoximplantRecord *record);
GType                             govorun_voximplant_resource_usage_get_type     (void) G_GNUC_CONST;
GovorunVoximplantResourceUsage   *govorun_voximplant_resource_usage_copy         (const GovorunVoximplantResourceUsage *usage);
void                              govorun_voximplant_resource_usage_free         (GovorunVoximplantResourceUsage *usage);
GType                             govorun_voximplant_call_session_get_type       (void) G_GNUC_CONST;
GovorunVoximplantCallSession     *govorun_voximplant_call_session_copy           (const GovorunVoximplantCallSession *session);
void                              govorun_voximplant_call_session_free           (GovorunVoximplantCallSession *session);
GType                             govorun_voximplant_call_history_page_get_type  (void) G_GNUC_CONST;
GovorunVoximplantCallHistoryPage *govorun_voximplant_call_history_page_copy      (const GovorunVoximplantCallHistoryPage *page);
void                              govorun_voximplant_call_history_page_free      (GovorunVoximplantCallHistoryPage *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantCall, govorun_voximplant_call_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantRecord, govorun_voximplant_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantResourceUsage, govorun_voximplant_resource_usage_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantCallSession, govorun_voximplant_call_session_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantCallHistoryPage, govorun_voximplant_call_history_page_free)

/* The string @key of the session's custom data when that is a JSON
 * object (our scenarios store {"el_conv":"<conversation id>"}), else NULL
 * (transfer full). */
char                             *govorun_voximplant_call_session_get_custom_string (const GovorunVoximplantCallSession *session,
                                                                                     const char                         *key);

/* The same for each of @keys (NULL-terminated) at once, into @out_values
 * (one per key, transfer full each): the custom data is read once. */
void                              govorun_voximplant_call_session_get_custom_strings (const GovorunVoximplantCallSession *session,
                                                                                      const char * const                 *keys,
                                                                                      char                              **out_values);

/* One page of GetCallHistory. The query is copied. Count and offset are
 * sent as given, so the provider's own limits answer (INVALID_ARGUMENT). */
void                              govorun_voximplant_client_get_call_history_async  (GovorunVoximplantClient                 *self,
                                                                                     const GovorunVoximplantCallHistoryQuery *query,
                                                                                     GCancellable                            *cancellable,
                                                                                     GAsyncReadyCallback                      callback,
                                                                                     gpointer                                 user_data);
GovorunVoximplantCallHistoryPage *govorun_voximplant_client_get_call_history_finish (GovorunVoximplantClient  *self,
                                                                                     GAsyncResult             *result,
                                                                                     GError                  **error);

G_END_DECLS
