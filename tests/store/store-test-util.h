/* store-test-util.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-store.h"

G_BEGIN_DECLS

/* What the store tests share: a throwaway folder, waiting for an async
 * result on the default main context, and a store that opened. */

void          store_test_rm_rf     (const char    *path);

/* A GAsyncReadyCallback; @user_data is a GAsyncResult ** to fill. */
void          store_test_on_result (GObject       *object,
                                    GAsyncResult  *result,
                                    gpointer       user_data);
GAsyncResult *store_test_wait_for  (GAsyncResult **slot);

GovorunStore *store_test_open      (const char    *path);

G_END_DECLS
