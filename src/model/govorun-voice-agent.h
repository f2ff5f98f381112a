/* govorun-voice-agent.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * GovorunVoiceAgent is a provider's voice agent (today an ElevenLabs
 * Conversational AI agent) as the New Agent wizard shows it. Immutable:
 * every property is construct-only. An item of a list carries the id, name,
 * tags and access role; an agent fetched by id carries the id, name, first
 * message, language, dynamic variable names and audio formats.
 */

#define GOVORUN_TYPE_VOICE_AGENT (govorun_voice_agent_get_type ())

G_DECLARE_FINAL_TYPE (GovorunVoiceAgent, govorun_voice_agent, GOVORUN, VOICE_AGENT, GObject)

const char         *govorun_voice_agent_get_id                     (GovorunVoiceAgent *self);
const char         *govorun_voice_agent_get_name                   (GovorunVoiceAgent *self);
/* "" when the agent waits for the caller to speak first. */
const char         *govorun_voice_agent_get_first_message          (GovorunVoiceAgent *self);
const char         *govorun_voice_agent_get_language               (GovorunVoiceAgent *self);
/* Sorted; never NULL (empty when there are none). */
const char * const *govorun_voice_agent_get_dynamic_variable_names (GovorunVoiceAgent *self);
/* The caller's audio as the agent hears it, e.g. "pcm_16000". */
const char         *govorun_voice_agent_get_input_audio_format     (GovorunVoiceAgent *self);
/* The agent's voice, e.g. "pcm_16000". */
const char         *govorun_voice_agent_get_output_audio_format    (GovorunVoiceAgent *self);
/* Never NULL (empty when there are none). */
const char * const *govorun_voice_agent_get_tags                   (GovorunVoiceAgent *self);
/* "admin", "editor" or "viewer"; NULL when unknown. */
const char         *govorun_voice_agent_get_access_role            (GovorunVoiceAgent *self);

G_END_DECLS
