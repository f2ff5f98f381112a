/* govorun-first-message.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The compliance check of an agent's first message: within its first
 * sentence the caller must hear that they talk to a robot (an AI, a virtual
 * or voice assistant) and that the call is recorded. Russian and English;
 * case, ё/е and word forms are tolerated. A leading greeting that is a
 * sentence of its own ("Здравствуйте!", "Good afternoon.") does not count
 * as the first sentence. Pure functions: the wizard and the agent page use
 * them.
 */

typedef enum
{
  GOVORUN_FIRST_MESSAGE_OK           = 0,
  GOVORUN_FIRST_MESSAGE_NO_ROBOT     = 1 << 0,  /* does not say it is a robot / AI */
  GOVORUN_FIRST_MESSAGE_NO_RECORDING = 1 << 1,  /* does not say the call is recorded */
} GovorunFirstMessageProblems;

GovorunFirstMessageProblems  govorun_first_message_check       (const char                  *first_message);

/* @language: the agent's language ("ru", "en", …; Russian for "ru*",
 * English otherwise). Returns @first_message with a compliant sentence put
 * first (after a leading greeting, which is kept); @first_message itself
 * when it has no problems. */
char                        *govorun_first_message_fix         (const char                  *first_message,
                                                                const char                  *language);

/* A translated sentence naming @problems for a warning; NULL for OK. */
char                        *govorun_first_message_describe    (GovorunFirstMessageProblems  problems);

G_END_DECLS
