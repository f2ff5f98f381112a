/* govorun-do-not-call.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-do-not-call-entry.h"

G_BEGIN_DECLS

/*
 * GovorunDoNotCall: the global do-not-call list, which every campaign
 * honours. Numbers are kept normalised (E.164), so "8 916 …" and
 * "+7 916 …" are one entry. Added one by one, imported from a CSV or XLSX
 * file (read in a worker thread), exported as CSV; a GListModel of
 * GovorunDoNotCallEntry (newest first) for a page, and a lookup for the
 * campaign preflight.
 */

#define GOVORUN_DO_NOT_CALL_ERROR (govorun_do_not_call_error_quark ())

typedef enum
{
  GOVORUN_DO_NOT_CALL_ERROR_INVALID_NUMBER = 1,  /* the sentence says why */
  GOVORUN_DO_NOT_CALL_ERROR_NO_PHONE_COLUMN,     /* an imported file without numbers */
} GovorunDoNotCallError;

/* What an import did. */
typedef struct
{
  guint      rows;            /* rows read, the header not counted */
  guint      added;           /* new on the list */
  guint      already_listed;  /* valid, but on the list before */
  guint      duplicates;      /* the same number again in the file */
  guint      invalid;         /* rows whose number could not be read */
  GPtrArray *problems;        /* of char *: "Row 7: The number is too short.", the first 100 */
} GovorunDoNotCallImport;

#define GOVORUN_TYPE_DO_NOT_CALL_IMPORT (govorun_do_not_call_import_get_type ())

GType                   govorun_do_not_call_import_get_type (void) G_GNUC_CONST;
GovorunDoNotCallImport *govorun_do_not_call_import_copy     (const GovorunDoNotCallImport *report);
void                    govorun_do_not_call_import_free     (GovorunDoNotCallImport       *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunDoNotCallImport, govorun_do_not_call_import_free)

/* The store's; declared here so views need no store header. */
typedef struct _GovorunStore GovorunStore;

#define GOVORUN_TYPE_DO_NOT_CALL (govorun_do_not_call_get_type ())
G_DECLARE_FINAL_TYPE (GovorunDoNotCall, govorun_do_not_call, GOVORUN, DO_NOT_CALL, GObject)

GQuark            govorun_do_not_call_error_quark (void) G_GNUC_CONST;

GovorunDoNotCall *govorun_do_not_call_new          (GovorunStore         *store);

/* Reads the list from the store into the model; call once. */
void              govorun_do_not_call_load_async   (GovorunDoNotCall     *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean          govorun_do_not_call_load_finish  (GovorunDoNotCall     *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* Whether the stored list was read (the "loaded" property). */
gboolean          govorun_do_not_call_get_loaded   (GovorunDoNotCall     *self);

/* GovorunDoNotCallEntry items, newest first. */
GListModel       *govorun_do_not_call_get_model    (GovorunDoNotCall     *self);

/* Whether @e164 is on the list (once loaded). Thread-safe: the preflight
 * asks from its worker. */
gboolean          govorun_do_not_call_contains     (GovorunDoNotCall     *self,
                                                    const char           *e164);

/* Adds @number as a person typed it (normalised first; an invalid one is
 * GOVORUN_DO_NOT_CALL_ERROR_INVALID_NUMBER); @note may be %NULL. Adding a
 * number already listed succeeds and changes nothing. */
void              govorun_do_not_call_add_async    (GovorunDoNotCall     *self,
                                                    const char           *number,
                                                    const char           *note,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean          govorun_do_not_call_add_finish   (GovorunDoNotCall     *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* Removes normalised @numbers. */
void              govorun_do_not_call_remove_async (GovorunDoNotCall     *self,
                                                    const char * const   *numbers,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean          govorun_do_not_call_remove_finish (GovorunDoNotCall    *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* Adds the numbers of a CSV or XLSX file (@sheet_name: %NULL for the first
 * sheet): the phone column is found by its header («Телефон», "Phone", …)
 * or its content, a «Примечание»/"Note" column gives the notes. */
void              govorun_do_not_call_import_async (GovorunDoNotCall     *self,
                                                    GFile                *file,
                                                    const char           *sheet_name,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GovorunDoNotCallImport *govorun_do_not_call_import_finish (GovorunDoNotCall  *self,
                                                           GAsyncResult      *result,
                                                           GError           **error);

/* Writes the list to @file as CSV (UTF-8 with a BOM, so Excel reads it):
 * number, note, date added; it imports back as it is. */
void              govorun_do_not_call_export_async (GovorunDoNotCall     *self,
                                                    GFile                *file,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean          govorun_do_not_call_export_finish (GovorunDoNotCall    *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

G_END_DECLS
