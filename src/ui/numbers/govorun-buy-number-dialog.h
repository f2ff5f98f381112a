/* govorun-buy-number-dialog.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-account.h"
#include "govorun-number-service.h"

G_BEGIN_DECLS

/*
 * The buy-number flow in one modal window: country, number type, state
 * (when the type has states), region with stock and prices, available
 * numbers (mask search, paging), then a confirmation with the price and
 * the balance before "Buy". Emits "bought" (a GPtrArray of
 * GovorunPhoneNumber) after a purchase, then closes, or shows a warning
 * page when the numbers need documents first.
 */

#define GOVORUN_TYPE_BUY_NUMBER_DIALOG (govorun_buy_number_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GovorunBuyNumberDialog, govorun_buy_number_dialog, GOVORUN, BUY_NUMBER_DIALOG, AdwWindow)

GovorunBuyNumberDialog *govorun_buy_number_dialog_new (GtkWindow            *parent,
                                                       GovorunNumberService *numbers,
                                                       GovorunAccount       *account);

G_END_DECLS
