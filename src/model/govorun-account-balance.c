/* govorun-account-balance.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-account-balance.h"

G_DEFINE_BOXED_TYPE (GovorunAccountBalance, govorun_account_balance,
                     govorun_account_balance_copy, govorun_account_balance_free)

GovorunAccountBalance *
govorun_account_balance_new (double      balance,
                             const char *currency)
{
  GovorunAccountBalance *self = g_new0 (GovorunAccountBalance, 1);

  self->balance = balance;
  self->currency = g_strdup (currency);

  return self;
}

GovorunAccountBalance *
govorun_account_balance_copy (const GovorunAccountBalance *balance)
{
  g_return_val_if_fail (balance != NULL, NULL);

  return govorun_account_balance_new (balance->balance, balance->currency);
}

void
govorun_account_balance_free (GovorunAccountBalance *balance)
{
  if (balance == NULL)
    return;

  g_free (balance->currency);
  g_free (balance);
}
