/* govorun-do-not-call-entry.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A number on the do-not-call list: no campaign ever dials it. An item of
 * the list's GListModel, so immutable. */

#define GOVORUN_TYPE_DO_NOT_CALL_ENTRY (govorun_do_not_call_entry_get_type ())
G_DECLARE_FINAL_TYPE (GovorunDoNotCallEntry, govorun_do_not_call_entry, GOVORUN, DO_NOT_CALL_ENTRY, GObject)

/* @number: E.164 ("+79161234567"); @note: why, may be %NULL; @added_at:
 * UTC unix seconds. */
GovorunDoNotCallEntry *govorun_do_not_call_entry_new          (const char            *number,
                                                               const char            *note,
                                                               gint64                 added_at);
const char            *govorun_do_not_call_entry_get_number   (GovorunDoNotCallEntry *self);
const char            *govorun_do_not_call_entry_get_note     (GovorunDoNotCallEntry *self);
gint64                 govorun_do_not_call_entry_get_added_at (GovorunDoNotCallEntry *self);

G_END_DECLS
