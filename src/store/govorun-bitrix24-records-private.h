/* govorun-bitrix24-records-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The Bitrix24 deliveries' progress and the targets' CRM-only flag,
 * appended to the store's migrations. */
extern const char govorun_bitrix24_records_migration[];

G_END_DECLS
