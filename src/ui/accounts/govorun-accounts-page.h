/* govorun-accounts-page.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-page.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_ACCOUNTS_PAGE (govorun_accounts_page_get_type ())

/* Services: "accounts" and "tester". */
G_DECLARE_FINAL_TYPE (GovorunAccountsPage, govorun_accounts_page, GOVORUN, ACCOUNTS_PAGE, GovorunPage)

G_END_DECLS
