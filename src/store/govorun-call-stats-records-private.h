/* govorun-call-stats-records-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The migration that creates call_hourly, its triggers, and fills it from
 * the calls already stored; govorun-store.c lists it in its migrations. */
extern const char govorun_call_stats_records_migration[];

G_END_DECLS
