/* govorun-account-records.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-account.h"
#include "govorun-store.h"

G_BEGIN_DECLS

/*
 * The queries of the accounts table. Each runs on the store's writer (or
 * reader) thread, in its own transaction; the callback gets the
 * GovorunStore as its source object, to hand to the matching `_finish`.
 *
 * A row's state is 'pending' while its key is being put in the keyring,
 * 'ready' once both exist and 'deleting' while it goes away; the accounts
 * service (GovorunAccountStore) drives those steps.
 */

#define GOVORUN_ACCOUNT_RECORDS_ERROR (govorun_account_records_error_quark ())

/* The codes match GovorunAccountStoreError's, which the service maps them to. */
typedef enum
{
  GOVORUN_ACCOUNT_RECORDS_ERROR_DUPLICATE = 2,  /* same name, or same Voximplant account and key */
  GOVORUN_ACCOUNT_RECORDS_ERROR_NOT_FOUND,      /* no row in the state the step needs */
  GOVORUN_ACCOUNT_RECORDS_ERROR_IN_USE,         /* an agent points at the account */
} GovorunAccountRecordsError;

/* One row of the accounts table: plain data that worker threads may touch. */
typedef struct
{
  gint64                 id;
  char                  *uuid;
  GovorunAccountKind     kind;
  char                  *display_name;
  char                  *state;
  guint                  secret_generation;
  char                  *vox_account_id;
  GovorunVoximplantAuth  vox_auth;
  char                  *vox_key_id;
  char                  *vox_account_email;
  char                  *el_region;
  gint64                 created_at;
  gint64                 updated_at;
  gint64                 last_test_at;
  gboolean               last_test_ok;
  char                  *last_test_summary;
} GovorunAccountRecord;

#define GOVORUN_TYPE_ACCOUNT_RECORD (govorun_account_record_get_type ())

GType                 govorun_account_record_get_type           (void) G_GNUC_CONST;
GovorunAccountRecord *govorun_account_record_copy               (const GovorunAccountRecord *record);
void                  govorun_account_record_free               (GovorunAccountRecord       *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunAccountRecord, govorun_account_record_free)

GQuark     govorun_account_records_error_quark          (void) G_GNUC_CONST;

/* Every row, by id; rows that do not make sense are skipped.
 * Finish returns a GPtrArray of GovorunAccountRecord (transfer full). */
void       govorun_account_records_read_all_async       (GovorunStore                *store,
                                                         GCancellable                *cancellable,
                                                         GAsyncReadyCallback          callback,
                                                         gpointer                     user_data);
GPtrArray *govorun_account_records_read_all_finish      (GovorunStore                *store,
                                                         GAsyncResult                *result,
                                                         GError                     **error);

/* Inserts @record as 'pending' after the duplicate checks; finish returns
 * the new row's id, or 0 with @error set. */
void       govorun_account_records_insert_pending_async (GovorunStore                *store,
                                                         const GovorunAccountRecord  *record,
                                                         GCancellable                *cancellable,
                                                         GAsyncReadyCallback          callback,
                                                         gpointer                     user_data);
gint64     govorun_account_records_insert_pending_finish (GovorunStore               *store,
                                                          GAsyncResult               *result,
                                                          GError                    **error);

/* 'pending' → 'ready'; NOT_FOUND when there is no such pending row. */
void       govorun_account_records_set_ready_async      (GovorunStore                *store,
                                                         const char                  *uuid,
                                                         GCancellable                *cancellable,
                                                         GAsyncReadyCallback          callback,
                                                         gpointer                     user_data);
gboolean   govorun_account_records_set_ready_finish     (GovorunStore                *store,
                                                         GAsyncResult                *result,
                                                         GError                     **error);

/* Deletes the row if it is 'pending' or 'deleting'; a ready row stays. */
void       govorun_account_records_delete_unready_async (GovorunStore                *store,
                                                         const char                  *uuid,
                                                         GCancellable                *cancellable,
                                                         GAsyncReadyCallback          callback,
                                                         gpointer                     user_data);
gboolean   govorun_account_records_delete_unready_finish (GovorunStore               *store,
                                                          GAsyncResult               *result,
                                                          GError                    **error);

/* 'ready' → 'deleting'; IN_USE (naming the agent) when an agent uses it. */
void       govorun_account_records_mark_deleting_async  (GovorunStore                *store,
                                                         const char                  *uuid,
                                                         GCancellable                *cancellable,
                                                         GAsyncReadyCallback          callback,
                                                         gpointer                     user_data);
gboolean   govorun_account_records_mark_deleting_finish (GovorunStore                *store,
                                                         GAsyncResult                *result,
                                                         GError                     **error);

/* Writes @record's editable fields and generation over the ready row that
 * still points at @old_generation, after the duplicate checks. */
void       govorun_account_records_update_async         (GovorunStore                *store,
                                                         const GovorunAccountRecord  *record,
                                                         guint                        old_generation,
                                                         GCancellable                *cancellable,
                                                         GAsyncReadyCallback          callback,
                                                         gpointer                     user_data);
gboolean   govorun_account_records_update_finish        (GovorunStore                *store,
                                                         GAsyncResult                *result,
                                                         GError                     **error);

/* The outcome of the last connection test of a ready row. */
void       govorun_account_records_set_test_result_async (GovorunStore               *store,
                                                          const char                 *uuid,
                                                          gint64                      at,
                                                          gboolean                    ok,
                                                          const char                 *summary,
                                                          GCancellable               *cancellable,
                                                          GAsyncReadyCallback         callback,
                                                          gpointer                    user_data);
gboolean   govorun_account_records_set_test_result_finish (GovorunStore              *store,
                                                           GAsyncResult              *result,
                                                           GError                   **error);

G_END_DECLS
