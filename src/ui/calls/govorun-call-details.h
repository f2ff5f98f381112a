/* govorun-call-details.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-services.h"

G_BEGIN_DECLS

/*
 * One call, in a modal window: its facts (numbers, agent, times, status
 * and end reasons, errors, each provider's cost, ElevenLabs' summary,
 * evaluation and collected data, the ids with copy buttons), the
 * transcript as a conversation, and a player that follows it: the line
 * being spoken is highlighted and scrolled to, a click on a line plays
 * from there. Construct-only: "services" and "call-id" (the store's row
 * id); the audio is downloaded into the recordings cache on opening.
 */

#define GOVORUN_TYPE_CALL_DETAILS (govorun_call_details_get_type ())

G_DECLARE_FINAL_TYPE (GovorunCallDetails, govorun_call_details, GOVORUN, CALL_DETAILS, AdwWindow)

GtkWidget *govorun_call_details_new (GovorunServices *services,
                                     gint64           call_id);

G_END_DECLS
