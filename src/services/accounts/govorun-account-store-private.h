/* govorun-account-store-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-account-store.h"
#include "govorun-account-private.h"
#include "govorun-account-records.h"
#include "govorun-secrets.h"
#include "govorun-store.h"
#include "govorun-util.h"

G_BEGIN_DECLS

/*
 * What the files of GovorunAccountStore share; nothing outside
 * src/services/accounts/govorun-account-store*.c includes this.
 */

struct _GovorunAccountStore
{
  GovorunSortedList parent_instance;  /* the ready accounts, sorted */

  GovorunStore   *store;
  GovorunSecrets *secrets;
  GPtrArray      *unclaimed;  /* of GovorunSecretRef: keys no row points at */
  char           *keyring_problem;  /* why the last load could not use the keyring */

  GQueue          ops;        /* of GTask, waiting to run */
  GTask          *current;    /* the running operation */
};

typedef enum
{
  OP_LOAD,
  OP_ADD,
  OP_UPDATE,
  OP_REMOVE,
  OP_LOOKUP_SECRET,
  OP_SET_TEST_RESULT,
} OpKind;

/* The task data of a queued operation. */
typedef struct
{
  OpKind                kind;
  char                 *uuid;
  GovorunAccount       *account;         /* add: the draft; update: the edited copy */
  char                 *secret;          /* wiped when freed */
  char                 *label;
  GovorunAccountRecord *row;             /* add, update: what is being written */
  guint                 old_generation;
  guint                 new_generation;
  gboolean              test_ok;
  char                 *test_summary;
  GError               *error;           /* the error being reported while rolling back */

  /* load */
  GPtrArray            *rows;            /* of GovorunAccountRecord */
  GPtrArray            *refs;            /* of GovorunSecretRef */
  GPtrArray            *repairs;         /* of the load's repairs */
  guint                 next_repair;
  GPtrArray            *unclaimed;       /* of GovorunSecretRef */
} Op;

static inline gint64
_govorun_account_store_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* govorun-account-store-crash-points.c: SIGKILLs the process when
 * GOVORUN_TEST_CRASH_AT names @point; nothing at all without test hooks. */
#if GOVORUN_TEST_HOOKS
void                  _govorun_account_store_maybe_crash          (const char                 *point);
#else
#define _govorun_account_store_maybe_crash(point) G_STMT_START { (void) (point); } G_STMT_END
#endif

/* govorun-account-store.c */
void                  _govorun_account_store_set_unclaimed        (GovorunAccountStore        *self,
                                                                   GPtrArray                  *refs);
void                  _govorun_account_store_set_keyring_problem  (GovorunAccountStore        *self,
                                                                   const char                 *problem);

/* govorun-account-store-queue.c */
GTask                *_govorun_account_store_op_task_new          (GovorunAccountStore        *self,
                                                                   OpKind                      kind,
                                                                   gpointer                    source_tag,
                                                                   GCancellable               *cancellable,
                                                                   GAsyncReadyCallback         callback,
                                                                   gpointer                    user_data);
void                  _govorun_account_store_enqueue              (GovorunAccountStore        *self,
                                                                   GTask                      *task);
void                  _govorun_account_store_op_return            (GTask                      *task,
                                                                   GError                     *error,
                                                                   gpointer                    result,
                                                                   GDestroyNotify              result_destroy,
                                                                   gboolean                    boolean);
void                  _govorun_account_store_op_return_error      (GTask                      *task,
                                                                   GError                     *error);
void                  _govorun_account_store_op_return_true       (GTask                      *task);
void                  _govorun_account_store_set_gone_error       (GError                    **error);
GovorunAccount       *_govorun_account_store_op_find_account      (GTask                      *task);

/* The operations, started by the queue (govorun-account-store-load.c,
 * -writes.c, -lookup.c). */
void                  _govorun_account_store_load_start           (GTask                      *task);
void                  _govorun_account_store_add_start            (GTask                      *task);
void                  _govorun_account_store_update_start         (GTask                      *task);
void                  _govorun_account_store_remove_start         (GTask                      *task);
void                  _govorun_account_store_lookup_secret_start  (GTask                      *task);
void                  _govorun_account_store_set_test_result_start (GTask                     *task);

/* govorun-account-store-rows.c */
char                 *_govorun_account_store_strdup_stripped      (const char                 *str);
GovorunAccountRecord *_govorun_account_store_row_new_from_account (GovorunAccount             *account);
void                  _govorun_account_store_apply_row            (GovorunAccount             *account,
                                                                   const GovorunAccountRecord *row);
GovorunAccount       *_govorun_account_store_account_new_from_row (const GovorunAccountRecord *row);
char                 *_govorun_account_store_make_label           (GovorunAccountRecord       *row);

/* govorun-account-store-validation.c */
gboolean              _govorun_account_store_validate_account     (GovorunAccount             *account,
                                                                   GError                    **error);

G_END_DECLS
