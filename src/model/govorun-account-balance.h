/* govorun-account-balance.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The money on a provider account, for the buy confirmation and the
 * numbers page. */
typedef struct
{
  double  balance;
  char   *currency;   /* e.g. "RUR" */
} GovorunAccountBalance;

#define GOVORUN_TYPE_ACCOUNT_BALANCE (govorun_account_balance_get_type ())

GType                  govorun_account_balance_get_type (void) G_GNUC_CONST;
GovorunAccountBalance *govorun_account_balance_new      (double                       balance,
                                                         const char                  *currency);
GovorunAccountBalance *govorun_account_balance_copy     (const GovorunAccountBalance *balance);
void                   govorun_account_balance_free     (GovorunAccountBalance       *balance);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunAccountBalance, govorun_account_balance_free)

G_END_DECLS
