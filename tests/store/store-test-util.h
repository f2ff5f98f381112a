/* store-test-util.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-store.h"
#include "test-util.h"

G_BEGIN_DECLS

/* What the store tests share beyond tests/lib/test-util.h: a store that
 * opened. */

GovorunStore *store_test_open      (const char    *path);

G_END_DECLS
