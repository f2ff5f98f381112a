/* govorun-account-store.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-account.h"
#include "govorun-key-file.h"
#include "govorun-sorted-list.h"

G_BEGIN_DECLS

/* The store layer's types, opaque to those who see only the services. */
typedef struct _GovorunStore GovorunStore;
typedef struct _GovorunSecrets GovorunSecrets;

/*
 * GovorunAccountStore is the accounts service: a GListModel of the saved
 * accounts (sorted by kind, then display name) and the only code that
 * writes them. An account's fields go to SQLite, its key to the keyring,
 * and no interruption (error, cancel, crash) leaves one without the other:
 * whatever is left half-done is repaired by the next load.
 *
 * Operations run one at a time, in the order they were asked for.
 */

#define GOVORUN_ACCOUNT_STORE_ERROR (govorun_account_store_error_quark ())

typedef enum
{
  GOVORUN_ACCOUNT_STORE_ERROR_INVALID = 1,  /* empty name or key, bad field: nothing written */
  GOVORUN_ACCOUNT_STORE_ERROR_DUPLICATE,    /* same name, or same Voximplant account and key */
  GOVORUN_ACCOUNT_STORE_ERROR_NOT_FOUND,    /* the account is not (or no longer) saved */
  GOVORUN_ACCOUNT_STORE_ERROR_IN_USE,       /* an agent uses the account: not removed */
  GOVORUN_ACCOUNT_STORE_ERROR_KEY_NEEDED,   /* no key on this computer yet (imported): type it */
} GovorunAccountStoreError;

#define GOVORUN_TYPE_ACCOUNT_STORE (govorun_account_store_get_type ())

G_DECLARE_FINAL_TYPE (GovorunAccountStore, govorun_account_store, GOVORUN, ACCOUNT_STORE, GovorunSortedList)

GQuark               govorun_account_store_error_quark          (void) G_GNUC_CONST;

GovorunAccountStore *govorun_account_store_new                  (GovorunStore         *store,
                                                                 GovorunSecrets       *secrets);
GovorunStore        *govorun_account_store_get_store            (GovorunAccountStore  *self);
GovorunSecrets      *govorun_account_store_get_secrets          (GovorunAccountStore  *self);

void                 govorun_account_store_load_async           (GovorunAccountStore  *self,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
gboolean             govorun_account_store_load_finish          (GovorunAccountStore  *self,
                                                                 GAsyncResult         *result,
                                                                 GError              **error);
guint                govorun_account_store_get_n_unclaimed_keys (GovorunAccountStore  *self);
const char          *govorun_account_store_get_keyring_problem (GovorunAccountStore  *self);
/* Makes an account again of each unclaimed key that says what it is (an
 * ElevenLabs key, a Voximplant service-account file); a Voximplant API key
 * alone does not name its account and stays. Returns how many came back. */
void                 govorun_account_store_restore_unclaimed_async (GovorunAccountStore *self,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
guint                govorun_account_store_restore_unclaimed_finish (GovorunAccountStore *self,
                                                                 GAsyncResult         *result,
                                                                 GError              **error);
/* Deletes the unclaimed keys from the keyring: only on a person's word. */
void                 govorun_account_store_forget_unclaimed_async (GovorunAccountStore *self,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
gboolean             govorun_account_store_forget_unclaimed_finish (GovorunAccountStore *self,
                                                                 GAsyncResult         *result,
                                                                 GError              **error);
void                 govorun_account_store_add_async            (GovorunAccountStore  *self,
                                                                 GovorunAccount       *account,
                                                                 const char           *secret,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
GovorunAccount      *govorun_account_store_add_finish           (GovorunAccountStore  *self,
                                                                 GAsyncResult         *result,
                                                                 GError              **error);
/* An account whose key is not here yet (from a settings file): listed as
 * "key needed" until an update gives it a key. */
void                 govorun_account_store_add_without_key_async  (GovorunAccountStore  *self,
                                                                   GovorunAccount       *account,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
GovorunAccount      *govorun_account_store_add_without_key_finish (GovorunAccountStore  *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);
void                 govorun_account_store_update_async         (GovorunAccountStore  *self,
                                                                 GovorunAccount       *edited_copy,
                                                                 const char           *new_secret,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
gboolean             govorun_account_store_update_finish        (GovorunAccountStore  *self,
                                                                 GAsyncResult         *result,
                                                                 GError              **error);
void                 govorun_account_store_remove_async         (GovorunAccountStore  *self,
                                                                 GovorunAccount       *account,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
gboolean             govorun_account_store_remove_finish        (GovorunAccountStore  *self,
                                                                 GAsyncResult         *result,
                                                                 GError              **error);
void                 govorun_account_store_lookup_secret_async  (GovorunAccountStore  *self,
                                                                 GovorunAccount       *account,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
char                *govorun_account_store_lookup_secret_finish (GovorunAccountStore  *self,
                                                                 GAsyncResult         *result,
                                                                 GError              **error);
void                 govorun_account_store_set_test_result_async  (GovorunAccountStore  *self,
                                                                   GovorunAccount       *account,
                                                                   gboolean              ok,
                                                                   const char           *summary,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
gboolean             govorun_account_store_set_test_result_finish (GovorunAccountStore  *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);

GovorunAccount      *govorun_account_store_find_by_uuid         (GovorunAccountStore  *self,
                                                                 const char           *uuid);
guint                govorun_account_store_count_kind           (GovorunAccountStore  *self,
                                                                 GovorunAccountKind    kind);

void                 govorun_account_store_read_key_file_async  (GovorunAccountStore  *self,
                                                                 GFile                *file,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
GovorunKeyFile      *govorun_account_store_read_key_file_finish (GovorunAccountStore  *self,
                                                                 GAsyncResult         *result,
                                                                 GError              **error);

G_END_DECLS
