/* hostile-params.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-scenario-generator.h"

/* Values that break naive string pasting: quotes, backslashes, new lines,
 * a script end tag, the JS line separators, emoji and Cyrillic. Shared by
 * the generator test and dump-scenarios (the type check). */
#define HOSTILE_NAME     "Клиника \"Здоровье\" </script><script>alert(1)</script> \\ \n\xe2\x80\xa8 😀 ${x} `t` */"
#define HOSTILE_AGENT_ID "agent_\"'</script>\\n\xe2\x80\xa9"
#define HOSTILE_API_KEY  "sk_test_\"</SCRIPT>\xe2\x80\xa8'\\secret-0123456789abcdef"
#define HOSTILE_BASE_URL "https://api.eu.residency.elevenlabs.io/путь?q=\"'</script>&x=\\😀"
#define HOSTILE_BOT_URL  "https://bot.example.com/hook/тенант?token=a\"b'c</script>&d=\\e😀#frag"
#define HOSTILE_SLUG     "hotel-\"royal\"\n</script>\xe2\x80\xa8\xe2\x80\xa9 отель 😀 __GOVORUN_ELEVENLABS_API_KEY__"
#define HOSTILE_FALLBACK "Извините, \"бот\" </script> \\ \n\t\xe2\x80\xa9 недоступен 😀"
#define HOSTILE_LANGUAGE "en-\"US\"</script>\\\n\xe2\x80\xa8😀 */"

static inline void
hostile_params (GovorunScenarioParams *params)
{
  govorun_scenario_params_init (params);
  params->agent_name = HOSTILE_NAME;
  params->elevenlabs_agent_id = HOSTILE_AGENT_ID;
  params->elevenlabs_api_key = HOSTILE_API_KEY;
  params->elevenlabs_base_url = HOSTILE_BASE_URL;
  params->caller_id = "+74951234567";
  params->webhook_url = HOSTILE_BOT_URL;
  params->tenant_slug = HOSTILE_SLUG;
  params->fallback_text = HOSTILE_FALLBACK;
  params->language = HOSTILE_LANGUAGE;
  params->asr_profile = "ASRProfileList.Google.en_US";
  params->tts_voice = "VoiceList.Google.en_US_Neural2_C";
}
