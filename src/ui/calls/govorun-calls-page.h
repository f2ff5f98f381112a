/* govorun-calls-page.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-page.h"

G_BEGIN_DECLS

/*
 * The call history: a GtkColumnView over the services' lazy GovorunCallList,
 * a filter bar (search, date range, status, direction, agent, evaluation),
 * the summary of what matches, and the sync controls of GovorunCallSync.
 *
 * Hooks for the dialogs built elsewhere: activating a row activates the
 * widget action "calls.open" with the call's row id (an int64, "x"), and the
 * page menu's "Export…" activates "calls.export"; both land in
 * govorun-calls-page.c (open_call(), export_calls()), which open them.
 */

#define GOVORUN_TYPE_CALLS_PAGE (govorun_calls_page_get_type ())

G_DECLARE_FINAL_TYPE (GovorunCallsPage, govorun_calls_page, GOVORUN, CALLS_PAGE, GovorunPage)

GtkWidget *govorun_calls_page_new (void);

G_END_DECLS
