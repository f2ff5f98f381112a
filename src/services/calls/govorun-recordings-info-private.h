/* govorun-recordings-info-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-call-record.h"
#include "govorun-elevenlabs-conversations.h"
#include "govorun-voximplant-calls.h"

G_BEGIN_DECLS

/* What the call details show beyond a list row (GovorunCallInfo), from the
 * providers' typed results: the sync calls these on each record it builds,
 * with the account it syncs, so the recordings service later knows where
 * the audio is and whose key fetches it. */
void _govorun_recordings_info_from_session      (GovorunCallRecord                   *record,
                                                 const GovorunVoximplantCallSession  *session,
                                                 const char                          *account_uuid);
void _govorun_recordings_info_from_conversation (GovorunCallRecord                   *record,
                                                 const GovorunElevenlabsConversation *conversation,
                                                 const char                          *account_uuid);

G_END_DECLS
