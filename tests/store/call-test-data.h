/* call-test-data.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-call-record.h"
#include "govorun-store.h"

G_BEGIN_DECLS

/* Generated call history for the call tests and benchmarks: deterministic
 * (call @i is always the same), with Russian transcripts. */

#define CALL_TEST_BASE_TIME G_GINT64_CONSTANT (1764547200) /* 2025-12-01 00:00 UTC */

/* The Russian lines a transcript is made of; call_test_make () gives call i
 * lines i % n, (i + 1) % n, … so a line's calls are easy to count. */
extern const char * const call_test_lines[];
guint              call_test_n_lines (void);

/* Call @i: Voximplant session 1000000 + i, conversation "conv_<i>",
 * caller +7 916 <i as 7 digits>, a status, direction, success and agent
 * cycling with i, and (when @with_transcript and answered) three
 * lines of call_test_lines and the caller's name. */
GovorunCallRecord *call_test_make    (guint        i,
                                      gboolean     with_transcript);

/* The caller's name call @i's transcript ends with ("Меня зовут …"):
 * one of 500, so a name's calls are 1 in 500. */
char              *call_test_caller_name (guint i);

/* Whether call @i's transcript holds call_test_lines[@line]. */
gboolean           call_test_has_line (guint       i,
                                       guint       line);

/* Upserts calls [@first, @first + @n) in pages of @page_size. */
void               call_test_fill    (GovorunStore *store,
                                      guint         first,
                                      guint         n,
                                      guint         page_size,
                                      gboolean      with_transcript);

/* Whether call @i was answered (and so has a conversation, "conv_<i>"). */
gboolean           call_test_is_answered (guint i);

/* ElevenLabs' analysis of answered call @i: criterion "goal_reached"
 * (success unless i % 3 == 0), data items "appointment_date" (set for
 * even i) and "urgency" (call_test_urgency (i)). */
const char        *call_test_urgency       (guint i);
GovorunCallRecord *call_test_make_analysis (guint i);
/* Writes the analysis of the answered calls in [@first, @first + @n). */
void               call_test_fill_analysis (GovorunStore *store,
                                            guint         first,
                                            guint         n);

/* Calls [@first, @last) with their search text, generated inside SQLite
 * in one statement per table (a million in seconds): for benchmarks that
 * measure reading a big history, not writing it. */
void               call_test_fill_by_sql (GovorunStore *store,
                                          guint         first,
                                          guint         last);

/* @n calls of a debt-collection history, by SQL: call k goes to
 * +7 916 <(7k mod @numbers) as 7 digits>, outbound but 1 in 10, answered
 * but 1 in 3, within the 40 days before @before (unix seconds). */
void               call_test_fill_debtors_by_sql (GovorunStore *store,
                                                  guint         n,
                                                  guint         numbers,
                                                  gint64        before);

G_END_DECLS
