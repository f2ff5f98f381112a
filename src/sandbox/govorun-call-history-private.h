/* govorun-call-history-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-call-history.h"

G_BEGIN_DECLS

/* The dialogue sets the generated transcripts are built from. */

typedef struct
{
  gboolean    agent;
  const char *message;
} HistoryLine;

typedef struct
{
  const char        *title;
  const char        *summary_success;
  const char        *summary_failure;
  const HistoryLine *lines;        /* ends with a NULL message */
  const char        *collected[7]; /* name, value pairs, NULL-terminated */
} HistoryScript;

/* The scripts of @domain; *@n_scripts is set. */
const HistoryScript *history_scripts_for (GovorunHistoryDomain domain,
                                          guint               *n_scripts);

/* Splits a 64-bit state into a well-mixed value (SplitMix64). */
static inline guint64
history_mix (guint64 x)
{
  x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return x ^ (x >> 31);
}

G_END_DECLS
