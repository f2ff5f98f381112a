/* govorun-call-labels.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "govorun-call-record.h"

G_BEGIN_DECLS

/*
 * The translated words for a call's fields, one place for every view of a
 * call (the Calls list, its filters, the details, the exported files), so
 * that a column and its export never disagree. Each returns a static,
 * translated string, or NULL for an unknown value.
 */

const char *govorun_call_direction_label  (GovorunCallDirection  direction);
const char *govorun_call_status_label     (GovorunCallStatus     status);
const char *govorun_call_success_label    (GovorunCallSuccess    success);
/* An evaluation criterion's result as ElevenLabs spells it ("success",
 * "failure", "unknown"): "Success", "Failure", "Unknown"; another value
 * as it is. */
const char *govorun_call_criterion_label  (const char           *result);

/* Whom a call is shown under. @agent_name: the name of the call's Govorun
 * agent, or NULL when it has none (an agent Govorun did not create) or it
 * was removed. Then the ElevenLabs agent's name, else the Voximplant
 * application's short name; a removed agent with neither says so. NULL
 * when nothing is known. Returns a new string. */
char       *govorun_call_agent_label      (GovorunCallRecord    *record,
                                           const char           *agent_name);

G_END_DECLS
