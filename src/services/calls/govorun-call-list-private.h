/* govorun-call-list-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-call-list.h"

G_BEGIN_DECLS

/* For tests: where the first page's count stops (10,000 otherwise), so
 * that a small history shows the capped count growing to the whole. The
 * next query uses it. */
void govorun_call_list_set_count_cap (GovorunCallList *self,
                                      guint            cap);

G_END_DECLS
