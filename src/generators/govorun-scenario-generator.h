/* govorun-scenario-generator.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "govorun-scenario-kind.h"
#include "govorun-scenario-manifest.h"

G_BEGIN_DECLS

/*
 * The VoxEngine scenario generator turns an agent's settings into the
 * JavaScript that Voximplant runs for each call. Templates live in the core
 * GResource (the .js files in scenarios/, some kinds joined from several
 * parts); every value is injected as an escaped JS
 * string literal, and the only raw identifiers (ASR profile, TTS voice) are
 * validated paths under ASRProfileList / VoiceList.
 */


/* Who answers an outbound call ("Who answers" in the wizard). Inbound
 * calls choose by kind instead: INBOUND or WEBHOOK_BOT. */
typedef enum
{
  GOVORUN_SCENARIO_ENGINE_ELEVENLABS,  /* the ElevenLabs agent (default) */
  GOVORUN_SCENARIO_ENGINE_WEBHOOK_BOT, /* the user's HTTP bot, as in the WEBHOOK_BOT kind */
} GovorunScenarioEngine;

/* Voximplant limits: AddScenario takes scripts under 128 KB, VoxEngine
 * runs scenarios of at most 256·1024 characters. */
#define GOVORUN_SCENARIO_MAX_BYTES (128 * 1024)
#define GOVORUN_SCENARIO_MAX_CHARS (256 * 1024)
/* Voximplant scenario names must be shorter than 30 characters. */
#define GOVORUN_SCENARIO_NAME_MAX_LEN 29

/* The webhook bot's language: picks the default recognition profile,
 * voice and fallback text, and is sent to the bot. */
#define GOVORUN_SCENARIO_LANGUAGE_RUSSIAN "ru"
#define GOVORUN_SCENARIO_LANGUAGE_ENGLISH "en"
#define GOVORUN_SCENARIO_DEFAULT_LANGUAGE GOVORUN_SCENARIO_LANGUAGE_RUSSIAN

#define GOVORUN_SCENARIO_DEFAULT_ASR_PROFILE    "ASRProfileList.Google.ru_RU"
#define GOVORUN_SCENARIO_DEFAULT_TTS_VOICE      "VoiceList.Google.ru_RU_Wavenet_A"
#define GOVORUN_SCENARIO_ENGLISH_ASR_PROFILE    "ASRProfileList.Google.en_US"
#define GOVORUN_SCENARIO_ENGLISH_TTS_VOICE      "VoiceList.Google.en_US_Neural2_C"
/* Said by the webhook bot when the user's bot fails. The caller hears it
 * in the bot's voice, so it is in the bot's language whatever the desktop
 * locale: deliberately not translated. */
#define GOVORUN_SCENARIO_DEFAULT_FALLBACK_TEXT \
  "Извините, сейчас я не могу ответить. Пожалуйста, перезвоните позже."
#define GOVORUN_SCENARIO_ENGLISH_FALLBACK_TEXT \
  "Sorry, I cannot answer right now. Please call back later."

/* The application secret that holds the ElevenLabs API key. Secret names
 * start with a Latin letter and hold at most 64 Latin letters, digits and
 * "_" (the secret storage is newer than Voximplant's typed clients: the
 * rules come from its 2026 docs, unverified). */
#define GOVORUN_SCENARIO_KEY_SECRET_NAME "ELEVENLABS_API_KEY"

#define GOVORUN_SCENARIO_ERROR (govorun_scenario_error_quark ())

typedef enum
{
  GOVORUN_SCENARIO_ERROR_MISSING_VALUE = 1, /* a value the kind needs is NULL or empty */
  GOVORUN_SCENARIO_ERROR_INVALID_VALUE,     /* not UTF-8, a bad URL or phone number */
  GOVORUN_SCENARIO_ERROR_INVALID_IDENTIFIER,/* ASR profile or voice is not a plain path */
  GOVORUN_SCENARIO_ERROR_TOO_LARGE,         /* over Voximplant's scenario size limits */
  GOVORUN_SCENARIO_ERROR_TEMPLATE,          /* a template is missing or broken (a bug) */
} GovorunScenarioError;

GQuark govorun_scenario_error_quark (void) G_GNUC_CONST;

/*
 * Plain struct, owned by the caller; strings are borrowed for the duration
 * of govorun_scenario_generate() only. Call govorun_scenario_params_init()
 * first: it sets every pointer to NULL, @record to TRUE and @engine to
 * ELEVENLABS. NULL optional fields take the defaults noted below. "Bot"
 * below means the WEBHOOK_BOT kind and the OUTBOUND kind with the
 * WEBHOOK_BOT engine; "agent" the INBOUND kind and OUTBOUND with ELEVENLABS.
 */
typedef struct
{
  const char *agent_name;          /* Govorun agent name, for scenario logs; optional */
  const char *elevenlabs_agent_id; /* agent: required */
  const char *elevenlabs_api_key;  /* agent: required unless the secret below is set;
                                    * then it is ignored. Embedded in the scenario
                                    * (the UI tells the user so) */
  const char *elevenlabs_api_key_secret; /* agent: the name of the application secret
                                    * holding the key (GOVORUN_SCENARIO_KEY_SECRET_NAME);
                                    * the scenario reads it with VoxEngine.getSecretValue()
                                    * and the key never appears in the text. NULL: embed */
  const char *elevenlabs_base_url; /* NULL = module default; data-residency host otherwise
                                    * (baseUrl option, newer docs only: UNVERIFIED) */
  const char *caller_id;           /* outbound: required, the agent's number, E.164 */
  gboolean    record;              /* every kind: record the call; default TRUE */
  const char *webhook_url;         /* bot: required, http(s) */
  const char *tenant_slug;         /* bot: required, sent as custom_data.tenant_slug */
  const char *asr_profile;         /* bot: default govorun_scenario_default_asr_profile (language) */
  const char *tts_voice;           /* bot: default govorun_scenario_default_tts_voice (language) */
  const char *fallback_text;       /* bot: spoken when the bot fails; default a polite
                                    * sentence in the language */
  GovorunScenarioEngine engine;    /* outbound: who answers; default ELEVENLABS */
  const char *language;            /* bot: default GOVORUN_SCENARIO_DEFAULT_LANGUAGE; sent as
                                    * custom_data.language. English defaults for a tag
                                    * starting with "en", Russian ones otherwise */
  const GovorunScenarioManifest *manifest; /* every kind: written as the first line
                                    * (govorun-scenario-manifest.h); NULL: none */
} GovorunScenarioParams;

void        govorun_scenario_params_init       (GovorunScenarioParams        *params);

const char *govorun_scenario_kind_to_string    (GovorunScenarioKind           kind);

/* The voice, recognition profile and fallback text a bot in @language
 * (NULL: the default language) gets unless the params say otherwise. */
const char *govorun_scenario_default_tts_voice     (const char              *language);
const char *govorun_scenario_default_asr_profile   (const char              *language);
const char *govorun_scenario_default_fallback_text (const char              *language);

char       *govorun_scenario_generate          (GovorunScenarioKind           kind,
                                                const GovorunScenarioParams  *params,
                                                GError                      **error);

/*
 * Scenario name for an agent and kind, deterministic and at most
 * GOVORUN_SCENARIO_NAME_MAX_LEN characters:
 *
 *   "gv-" <slug, cut to 15> "-" <6 hex of SHA-256(agent_slug)> "-" <"in"|"out"|"bot">
 *
 * The slug part is @agent_slug lower-cased with every run of characters
 * other than [a-z0-9] turned into one "-" (so it may be empty); the hash
 * keeps names of agents whose slugs look alike after that apart. The "gv-"
 * prefix marks objects Govorun created.
 */
char       *govorun_scenario_name_for_agent    (const char                   *agent_slug,
                                                GovorunScenarioKind           kind);

/*
 * @value as a JavaScript string literal (with its quotes) that is also
 * valid JSON and safe inside an HTML <script>: <, >, &, U+2028 and U+2029
 * are \u-escaped besides what JSON escapes. Returns NULL with an error if
 * @value is not valid UTF-8.
 */
char       *govorun_scenario_js_string_literal (const char                   *value,
                                                GError                      **error);

/* TRUE if @path is a dotted path of identifiers under @root, e.g.
 * "VoiceList.Google.ru_RU_Wavenet_A" under "VoiceList". */
gboolean    govorun_scenario_identifier_is_valid (const char                 *path,
                                                  const char                 *root);

G_END_DECLS
