/* govorun-do-not-call-scope.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunDoNotCall"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-do-not-call-scope.h"

/*
 * Why the list stays on this computer rather than in the Voximplant
 * account's key-value storage: items there expire after at most 90 days,
 * so a number would quietly drop off the list unless some computer
 * refreshed it in time — and a number on this list is a person who asked
 * not to be called. The figures are in HACKING.md ("The do-not-call list
 * is this computer's").
 */
const char *
govorun_do_not_call_scope_note (void)
{
  return _("The do-not-call list is kept on this computer only. Campaigns started on another computer use that computer’s list: copy it there with Export Settings and Import Settings.");
}
