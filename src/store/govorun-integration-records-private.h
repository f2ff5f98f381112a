/* govorun-integration-records-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The integrations' tables, appended to the store's migrations. */
extern const char govorun_integration_records_migration[];

G_END_DECLS
