/* fuzz-call-schedule.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunFuzz"

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "govorun-call-schedule.h"

/* libFuzzer entry point: a govorun_schedule column as a call list's row
 * (or anyone who edits one) may carry it. What parses writes back the
 * same, and the next allowed moment is never before the time asked. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree GovorunCallSchedule *schedule = g_new0 (GovorunCallSchedule, 1);
  g_autofree GovorunCallSchedule *again = g_new0 (GovorunCallSchedule, 1);
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  gint64 next;

  if (!govorun_call_schedule_parse (text, schedule))
    {
      g_assert (govorun_call_schedule_next_text (text, 1800000000, 10) == -2);
      return 0;
    }
  written = govorun_call_schedule_to_string (schedule);
  g_assert (govorun_call_schedule_parse (written, again));
  rewritten = govorun_call_schedule_to_string (again);
  g_assert (g_str_equal (written, rewritten));
  next = govorun_call_schedule_next (schedule, 1800000000, 30);
  g_assert (next == -1 || next >= 1800000000);
  return 0;
}
