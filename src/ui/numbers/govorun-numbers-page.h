/* govorun-numbers-page.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-page.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_NUMBERS_PAGE (govorun_numbers_page_get_type ())

/* Services: "accounts", "numbers" and (nullable) "agents": with the agents,
 * a number bound to an agent shows the agent's name; without them, the
 * application and rule names. */
G_DECLARE_FINAL_TYPE (GovorunNumbersPage, govorun_numbers_page, GOVORUN, NUMBERS_PAGE, GovorunPage)

GtkWidget *govorun_numbers_page_new          (void);
/* Reloads the owned numbers (and the balance) of the chosen account. */
void       govorun_numbers_page_refresh      (GovorunNumbersPage   *self);
/* Opens the Buy a Number dialog for the account shown. */
void       govorun_numbers_page_buy          (GovorunNumbersPage   *self);
/* The Voximplant account shown, or NULL when there is none. */
GovorunAccount *govorun_numbers_page_get_account (GovorunNumbersPage *self);

G_END_DECLS
