/* govorun-settings-file.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-account-store.h"
#include "govorun-do-not-call.h"
#include "govorun-integrations.h"

G_BEGIN_DECLS

typedef struct _GovorunStore GovorunStore;
typedef struct _GovorunSecrets GovorunSecrets;

/*
 * The settings file: what this computer keeps that the providers do not,
 * minus every secret — the accounts without their keys, the do-not-call
 * list, the preferences, the integration targets without their secrets
 * (a webhook's secret is made anew on import and given back once; a
 * Bitrix24 target's URL is its secret, so it is named to add again) — as
 * one JSON object
 * {"format":"govorun-settings","version":1,…} (govorun-settings-document.h
 * in src/io), for a new computer.
 * Reading and writing run in a thread; the file is validated field by
 * field on import and refused whole, with one sentence, when damaged or
 * newer. Accounts are not created by an import (a key is needed for that):
 * the result names the ones to add on the Accounts page.
 */

#define GOVORUN_SETTINGS_FILE_ERROR (govorun_settings_file_error_quark ())

typedef enum
{
  GOVORUN_SETTINGS_FILE_ERROR_DAMAGED = 1, /* not a settings file, or a bad field */
  GOVORUN_SETTINGS_FILE_ERROR_NEWER,       /* written by a newer Govorun */
  GOVORUN_SETTINGS_FILE_ERROR_IO,          /* could not be read or written */
} GovorunSettingsFileError;

GQuark govorun_settings_file_error_quark (void) G_GNUC_CONST;

/* What an import did. */
typedef struct
{
  guint   do_not_call_added;  /* numbers new to this computer's list */
  guint   preferences;        /* preferences set */
  char  **accounts_to_add;    /* names of accounts in the file but not here; add them with their keys */
  char  **webhooks_added;     /* names of the webhook targets added … */
  char  **webhook_secrets;    /* … and their new secrets, in the same order: show them once */
  char  **targets_to_add;     /* names of Bitrix24 targets: add them again with their URLs */
} GovorunSettingsImport;

#define GOVORUN_TYPE_SETTINGS_IMPORT (govorun_settings_import_get_type ())
GType                  govorun_settings_import_get_type (void) G_GNUC_CONST;
GovorunSettingsImport *govorun_settings_import_copy     (const GovorunSettingsImport *import);
void                   govorun_settings_import_free     (GovorunSettingsImport       *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunSettingsImport, govorun_settings_import_free)

#define GOVORUN_TYPE_SETTINGS_FILE (govorun_settings_file_get_type ())

G_DECLARE_FINAL_TYPE (GovorunSettingsFile, govorun_settings_file, GOVORUN, SETTINGS_FILE, GObject)

/* @settings: (nullable): the application's preferences
 * @secrets: (nullable): where imported webhooks' secrets go; without it
 *   webhook targets are not imported */
GovorunSettingsFile   *govorun_settings_file_new           (GovorunAccountStore  *accounts,
                                                            GovorunDoNotCall     *do_not_call,
                                                            GovorunStore         *store,
                                                            GovorunSecrets       *secrets,
                                                            GSettings            *settings);
void                   govorun_settings_file_set_integrations (GovorunSettingsFile *self,
                                                               GovorunIntegrations *integrations);

void                   govorun_settings_file_export_async  (GovorunSettingsFile  *self,
                                                            GFile                *file,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean               govorun_settings_file_export_finish (GovorunSettingsFile  *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
void                   govorun_settings_file_import_async  (GovorunSettingsFile  *self,
                                                            GFile                *file,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GovorunSettingsImport *govorun_settings_file_import_finish (GovorunSettingsFile  *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

G_END_DECLS
