/* govorun-account-row.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-account-store.h"
#include "govorun-agent-store.h"
#include "govorun-connection-tester.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_ACCOUNT_ROW (govorun_account_row_get_type ())

G_DECLARE_FINAL_TYPE (GovorunAccountRow, govorun_account_row, GOVORUN, ACCOUNT_ROW, AdwActionRow)

/* @agents: (nullable): to say which agent uses the account before removing it */
GovorunAccountRow *govorun_account_row_new         (GovorunAccount          *account,
                                                    GovorunAccountStore     *accounts,
                                                    GovorunConnectionTester *tester,
                                                    GovorunAgentStore       *agents);
/* Describes the account in one line, e.g. "Account 7654321 · API key". */
char              *govorun_account_describe        (GovorunAccount          *account);

/* Tests the connection again (F5 on the page), unless a test runs. */
void               govorun_account_row_test        (GovorunAccountRow       *self);

G_END_DECLS
