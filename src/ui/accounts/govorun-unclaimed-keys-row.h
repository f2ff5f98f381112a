/* govorun-unclaimed-keys-row.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-account-store.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_UNCLAIMED_KEYS_ROW (govorun_unclaimed_keys_row_get_type ())

G_DECLARE_FINAL_TYPE (GovorunUnclaimedKeysRow, govorun_unclaimed_keys_row, GOVORUN, UNCLAIMED_KEYS_ROW, AdwActionRow)

/* "Found N saved keys without an account": Restore or Remove. The row
 * shows itself only while @accounts has such keys. */
GtkWidget *govorun_unclaimed_keys_row_new (GovorunAccountStore *accounts);

G_END_DECLS
