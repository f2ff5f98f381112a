/* govorun-bot-voice.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The languages and voices the wizard offers for the webhook bot. Voices
 * are VoxEngine VoiceList paths; speech recognition follows the language.
 * The first voice of a language is its default (the generator's).
 */

typedef struct
{
  const char *language;  /* "ru", "en" */
  const char *id;        /* e.g. "VoiceList.Google.ru_RU_Wavenet_A" */
  const char *label;     /* untranslated: the caller translates it */
} GovorunBotVoice;

#define GOVORUN_BOT_LANGUAGE_RUSSIAN "ru"
#define GOVORUN_BOT_LANGUAGE_ENGLISH "en"

/* The voices of @language (an unknown one counts as Russian), in order;
 * @n_voices: (out) */
const GovorunBotVoice *govorun_bot_voices_for_language (const char *language,
                                                        guint      *n_voices);

/* "ru" or "en" for a language tag such as "en-US" or "ru_RU.UTF-8";
 * Russian for anything else. */
const char            *govorun_bot_language_for_tag   (const char *tag);

G_END_DECLS
