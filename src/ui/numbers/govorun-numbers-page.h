/* govorun-numbers-page.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-account-store.h"
#include "govorun-agent-store.h"
#include "govorun-number-service.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_NUMBERS_PAGE (govorun_numbers_page_get_type ())

G_DECLARE_FINAL_TYPE (GovorunNumbersPage, govorun_numbers_page, GOVORUN, NUMBERS_PAGE, GtkWidget)

GtkWidget *govorun_numbers_page_new          (void);
/* @agents: (nullable): with it, a number bound to an agent shows the
 * agent's name; without it, the application and rule names. */
void       govorun_numbers_page_set_services (GovorunNumbersPage   *self,
                                              GovorunAccountStore  *accounts,
                                              GovorunNumberService *numbers,
                                              GovorunAgentStore    *agents);
/* Reloads the owned numbers (and the balance) of the chosen account. */
void       govorun_numbers_page_refresh      (GovorunNumbersPage   *self);
/* The Voximplant account shown, or NULL when there is none. */
GovorunAccount *govorun_numbers_page_get_account (GovorunNumbersPage *self);

/* Formatting shared with the buy dialog. */

/* "+7 495 123-45-67" for Russian numbers, else "+" and the digits. */
char      *govorun_numbers_format_number     (const char           *number);
/* "5.00 ₽", "5.00 USD", or "5.00" without a currency. */
char      *govorun_numbers_format_money      (double                amount,
                                              const char           *currency);
/* A readable name for a Voximplant phone category such as "GEOGRAPHIC". */
const char *govorun_numbers_category_label   (const char           *category);

G_END_DECLS
