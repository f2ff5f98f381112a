/* govorun-do-not-call-scope.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The sentence the campaign assistant shows beside the do-not-call check:
 * the list is this computer's (not shared through Voximplant's key-value
 * storage; HACKING.md says why), and how to carry it to another computer.
 * Translated; plain text, no markup. */
const char *govorun_do_not_call_scope_note (void);

G_END_DECLS
