/* govorun-provider-objects.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-store.h"

G_BEGIN_DECLS

/*
 * The provider_objects table: which Voximplant objects Govorun created for
 * an owner (an agent's uuid) in an account, so that a rollback removes only
 * those. A name is recorded before the object is created (the outcome of
 * the request may stay unknown), its provider id once known, and it is
 * forgotten when the object is gone.
 */

typedef struct
{
  char *object_type;   /* "application", "scenario", "rule", "binding" */
  char *name;          /* provider-side name (the phone id for bindings) */
  char *provider_id;   /* NULL until the provider answered */
} GovorunProviderObject;

void                   govorun_provider_object_free (GovorunProviderObject *object);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunProviderObject, govorun_provider_object_free)

/* Changes to one owner's objects, written together in one transaction. */
typedef struct _GovorunProviderObjectChanges GovorunProviderObjectChanges;

GovorunProviderObjectChanges *govorun_provider_object_changes_new     (void);
void                          govorun_provider_object_changes_free    (GovorunProviderObjectChanges *changes);
guint                         govorun_provider_object_changes_get_len (GovorunProviderObjectChanges *changes);
/* Before creating it: the name is the owner's (kept if already recorded). */
void                          govorun_provider_object_changes_record  (GovorunProviderObjectChanges *changes,
                                                                       const char                   *object_type,
                                                                       const char                   *name);
/* Created: the provider's id for a recorded name. */
void                          govorun_provider_object_changes_set_id  (GovorunProviderObjectChanges *changes,
                                                                       const char                   *object_type,
                                                                       const char                   *name,
                                                                       const char                   *provider_id);
/* Gone (or never created): the record goes. */
void                          govorun_provider_object_changes_forget  (GovorunProviderObjectChanges *changes,
                                                                       const char                   *object_type,
                                                                       const char                   *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunProviderObjectChanges, govorun_provider_object_changes_free)

/* Voximplant objects of @owner in the account with @account_uuid. Finish
 * returns (transfer full) a GPtrArray of GovorunProviderObject, and the
 * account's row id (0 when the account is not in the store), which
 * govorun_provider_objects_write_async() takes. */
void       govorun_provider_objects_list_async   (GovorunStore                  *store,
                                                  const char                    *account_uuid,
                                                  const char                    *owner,
                                                  GCancellable                  *cancellable,
                                                  GAsyncReadyCallback            callback,
                                                  gpointer                       user_data);
GPtrArray *govorun_provider_objects_list_finish  (GovorunStore                  *store,
                                                  GAsyncResult                  *result,
                                                  gint64                        *out_account_row,
                                                  GError                       **error);

/* Writes @changes (consumed) for @owner's Voximplant objects, in order. */
void       govorun_provider_objects_write_async  (GovorunStore                  *store,
                                                  gint64                         account_row,
                                                  const char                    *owner,
                                                  GovorunProviderObjectChanges  *changes,
                                                  GCancellable                  *cancellable,
                                                  GAsyncReadyCallback            callback,
                                                  gpointer                       user_data);
gboolean   govorun_provider_objects_write_finish (GovorunStore                  *store,
                                                  GAsyncResult                  *result,
                                                  GError                       **error);

G_END_DECLS
