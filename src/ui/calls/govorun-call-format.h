/* govorun-call-format.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "govorun-call-record.h"
#include "govorun-call-summary.h"

G_BEGIN_DECLS

/* How a call's fields read in the Calls list (and wherever a call is shown
 * again: details, exports' previews). Every function returns a new string. */

/* The local date and time, the locale's way ("02.12.2026 14:05"). */
char       *govorun_call_format_started_at (gint64                    started_at);
/* "0:42", "12:05", "1:02:03". */
char       *govorun_call_format_duration   (guint                     seconds);
const char *govorun_call_format_direction  (GovorunCallDirection      direction);
const char *govorun_call_format_direction_icon (GovorunCallDirection  direction);
/* "No answer", or with the finish reason: "Failed (486 Busy Here)". */
char       *govorun_call_format_status     (GovorunCallStatus         status,
                                            const char               *finish_reason);
const char *govorun_call_format_success    (GovorunCallSuccess        success);
/* Each provider's cost in its currency, joined: "1,50 ₽ + 0,12 USD"; "" when free. */
char       *govorun_call_format_cost       (GovorunCallRecord        *record);
/* An evaluation criterion's or data item's id ("appointment_date") as
 * words ("Appointment date"). */
char       *govorun_call_format_analysis_name (const char          *id);
/* "1 234 calls"; @at_least: a lower bound still being counted ("10 000+ calls"). */
char       *govorun_call_format_count      (guint64                   count,
                                            gboolean                  at_least);
/* "1 234 calls · 56 minutes · 1 234,50 ₽" */
char       *govorun_call_format_summary    (const GovorunCallSummary *summary);

/* @text, holding @n in plain digits (a plural form's %u), with those
 * digits grouped the locale's way ("12 345 звонков"). Takes @text. */
char       *govorun_call_format_group_digits (char                *text,
                                              guint                n);

G_END_DECLS
