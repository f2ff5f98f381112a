/* store-test-util.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-call-filter.h"
#include "govorun-call-summary.h"
#include "govorun-store.h"
#include "test-util.h"

G_BEGIN_DECLS

/* What the store tests share beyond tests/lib/test-util.h: a store that
 * opened; the Calls summary of a filter. */

GovorunStore       *store_test_open      (const char              *path);
GovorunCallSummary *store_test_summarize (GovorunStore            *store,
                                          const GovorunCallFilter *filter);

G_END_DECLS
