/* govorun-account-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-account.h"

G_BEGIN_DECLS

/* Only GovorunAccountStore gives an account its uuid (when it is saved). */
void _govorun_account_set_uuid (GovorunAccount *self,
                                const char     *uuid);

/* Copies every property but uuid and kind from @src into @self, notifying
 * only what changed. */
void _govorun_account_assign   (GovorunAccount *self,
                                GovorunAccount *src);

G_END_DECLS
