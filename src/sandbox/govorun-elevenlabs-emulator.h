/* govorun-elevenlabs-emulator.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-call-history.h"
#include "govorun-emulator.h"

G_BEGIN_DECLS

/*
 * An in-process emulator of the ElevenLabs REST API, built from
 * reference/elevenlabs.md: xi-api-key auth with scoped keys, cursor
 * pagination, the documented error envelopes. Method names for faults and
 * counters are "GET /v1/convai/agents", "GET /v1/convai/agents/{id}",
 * "PATCH /v1/convai/agents/{id}", "GET /v1/convai/agents/{id}/widget"
 * (public: no key needed, as for the widget in a browser), "GET /v1/user" and
 * "GET /v1/user/subscription".
 *
 * PATCH /v1/convai/agents/{id} deep-merges the JSON body's
 * conversation_config and platform_settings into the agent and sets its
 * name; an audio format outside the enum (§2.1) or a body that is not an
 * object gets FastAPI's 422, an unknown agent 404. It needs the
 * "convai_write" scope (UNVERIFIED name).
 */

#define GOVORUN_TYPE_ELEVENLABS_EMULATOR (govorun_elevenlabs_emulator_get_type ())

G_DECLARE_FINAL_TYPE (GovorunElevenlabsEmulator, govorun_elevenlabs_emulator, GOVORUN, ELEVENLABS_EMULATOR, GovorunEmulator)

GovorunElevenlabsEmulator *govorun_elevenlabs_emulator_new              (void);
/* @can_read_user FALSE makes a scoped key with convai_read only: /v1/user*
 * then answers 401 missing_permissions. */
void                       govorun_elevenlabs_emulator_add_key          (GovorunElevenlabsEmulator *self,
                                                                         const char                *api_key,
                                                                         gboolean                   can_read_user);
void                       govorun_elevenlabs_emulator_add_key_with_scopes (GovorunElevenlabsEmulator *self,
                                                                            const char                *api_key,
                                                                            const char * const        *scopes);
/* Returns the new agent_id ("agent_" + 26 lowercase letters and digits).
 * @first_message and @language may be NULL for the API defaults ("", "en"). */
char                      *govorun_elevenlabs_emulator_add_agent        (GovorunElevenlabsEmulator *self,
                                                                         const char                *name,
                                                                         const char                *first_message,
                                                                         const char                *language);
void                       govorun_elevenlabs_emulator_set_subscription (GovorunElevenlabsEmulator *self,
                                                                         const char                *tier,
                                                                         gint64                     character_count,
                                                                         gint64                     character_limit);
/* Sets an agent's asr.user_input_audio_format and tts.agent_output_audio_format
 * (either may be NULL to keep it) without validation, e.g. "ulaw_8000" for
 * an agent that needs the PATCH. FALSE when there is no such agent. */
gboolean                   govorun_elevenlabs_emulator_set_agent_audio  (GovorunElevenlabsEmulator *self,
                                                                         const char                *agent_id,
                                                                         const char                *input_format,
                                                                         const char                *output_format);
/* The body of the last PATCH of an agent and how many arrived (tests
 * check a PATCH carries only what it should). */
char                      *govorun_elevenlabs_emulator_dup_last_agent_patch        (GovorunElevenlabsEmulator *self,
                                                                                    guint                     *out_count);
/* Merges @json (an object) into an agent's platform_settings as they are,
 * e.g. to seed evaluation criteria. FALSE when there is no such agent. */
gboolean                   govorun_elevenlabs_emulator_set_agent_platform_settings (GovorunElevenlabsEmulator *self,
                                                                                    const char                *agent_id,
                                                                                    const char                *json);
/* The path and query (never the headers) of every request received so far,
 * oldest first, e.g. "/v1/convai/agents?page_size=1". For tests that check
 * a secret never travels in a URL. */
GStrv                      govorun_elevenlabs_emulator_dup_request_uris (GovorunElevenlabsEmulator *self);

/* The body of the last PATCH /v1/convai/agents/{id} as it was sent (NULL
 * before any), so a test can check it carried only the changed field. */
char                      *govorun_elevenlabs_emulator_dup_last_patch_body (GovorunElevenlabsEmulator *self);
/* Deep-merges the JSON object @json into the agent's platform_settings,
 * without the PATCH endpoint (e.g. to require authentication). FALSE when
 * there is no such agent or @json is not an object. */
gboolean                   govorun_elevenlabs_emulator_merge_platform_settings (GovorunElevenlabsEmulator *self,
                                                                                const char                *agent_id,
                                                                                const char                *json);

/* Conversations, their details and audio come from @history (a reference
 * is kept); NULL removes them. */
void                       govorun_elevenlabs_emulator_set_call_history (GovorunElevenlabsEmulator *self,
                                                                         GovorunCallHistory        *history);

/* The conversation WebSocket (§4). The agent pings every @ping_interval_ms,
 * takes @silence_ms of quiet after speech as the end of the user's turn,
 * and speaks @speech_ms_per_char of audio per character of its line.
 * Defaults: 2000, 700, 45. */
void                       govorun_elevenlabs_emulator_set_conversation_timing (GovorunElevenlabsEmulator *self,
                                                                                guint                      ping_interval_ms,
                                                                                guint                      silence_ms,
                                                                                guint                      speech_ms_per_char);
/* Also sends the events a client must only tolerate (vad_score,
 * internal_tentative_agent_response, agent_response_correction,
 * client_tool_call, agent_chat_response_part and an unknown type). */
void                       govorun_elevenlabs_emulator_set_extra_events (GovorunElevenlabsEmulator *self,
                                                                         gboolean                   extra);
/* Every WebSocket message so far, oldest first: "recv:<type>" and
 * "send:<type>" ("recv:user_audio_chunk" for audio, "recv:pong:<event_id>",
 * "send:close:<code>"). */
GStrv                      govorun_elevenlabs_emulator_dup_conversation_log (GovorunElevenlabsEmulator *self);
/* A phone conversation of a Voximplant "call me" session (see the .c). */
char                      *govorun_elevenlabs_emulator_add_phone_conversation (GovorunElevenlabsEmulator *self,
                                                                                const char                *scenario_script,
                                                                                const char                *remote_number,
                                                                                guint                      ring_ms,
                                                                                guint                      talk_ms);
/* Requires the signed URL (enable_auth) for @agent_id, and allows the
 * overrides named in @allowed_overrides ("agent.language",
 * "agent.first_message", "agent.prompt.prompt", "tts.voice_id",
 * "conversation.text_only"); others are refused with 1008. */
gboolean                   govorun_elevenlabs_emulator_set_agent_auth    (GovorunElevenlabsEmulator *self,
                                                                          const char                *agent_id,
                                                                          gboolean                   enable_auth,
                                                                          const char * const        *allowed_overrides);

G_END_DECLS
