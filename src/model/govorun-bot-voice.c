/* govorun-bot-voice.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "govorun-bot-voice.h"

/* Google voices VoxEngine lists under VoiceList.Google; the first of each
 * language is the generator's default. */
static const GovorunBotVoice russian[] = {
  { GOVORUN_BOT_LANGUAGE_RUSSIAN, "VoiceList.Google.ru_RU_Wavenet_A", N_("Female voice") },
  { GOVORUN_BOT_LANGUAGE_RUSSIAN, "VoiceList.Google.ru_RU_Wavenet_B", N_("Male voice") },
};

static const GovorunBotVoice english[] = {
  { GOVORUN_BOT_LANGUAGE_ENGLISH, "VoiceList.Google.en_US_Neural2_C", N_("Female voice") },
  { GOVORUN_BOT_LANGUAGE_ENGLISH, "VoiceList.Google.en_US_Neural2_D", N_("Male voice") },
};

const char *
govorun_bot_language_for_tag (const char *tag)
{
  return tag != NULL && g_ascii_strncasecmp (tag, "en", 2) == 0
         ? GOVORUN_BOT_LANGUAGE_ENGLISH : GOVORUN_BOT_LANGUAGE_RUSSIAN;
}

const GovorunBotVoice *
govorun_bot_voices_for_language (const char *language,
                                 guint      *n_voices)
{
  if (g_strcmp0 (govorun_bot_language_for_tag (language), GOVORUN_BOT_LANGUAGE_ENGLISH) == 0)
    {
      *n_voices = G_N_ELEMENTS (english);
      return english;
    }
  *n_voices = G_N_ELEMENTS (russian);
  return russian;
}
