/* govorun-scenario-generator.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunScenarioGenerator"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "govorun-generators-resources.h"
#include "govorun-scenario-generator.h"

#define TEMPLATE_DIR RESOURCE_BASE "/core/scenarios/"

/* Longest identifier path accepted for a profile or voice. */
#define MAX_IDENTIFIER_LEN 128

G_DEFINE_QUARK (govorun-scenario-error-quark, govorun_scenario_error)

/*
 * What the templates assume but Voximplant does not document, kept here
 * because the scenarios themselves are read by customers in the control
 * panel (UNVERIFIED, checked against the v28 VoxEngine typings):
 *  - the ElevenLabs module's "baseUrl" option (data residency) comes from
 *    newer docs and is absent from the typings, so it is sent only when a
 *    host is set;
 *  - the ConversationInitiationMetadata payload: the official example
 *    reads event.data.payload and falls back to event.data, and the
 *    payload may be the whole ElevenLabs message or its inner event;
 *  - dynamic variables were reported (third party) to resolve empty unless
 *    sent before the media bridge;
 *  - a call-list task's custom data is the CSV row as one flat JSON
 *    object keyed by column name: common usage, not a documented format;
 *  - CallList.requestNextAttempt for a failed attempt (outbound.js,
 *    retryRequest): the typings take `data: Object` and type none of its
 *    fields, so custom_data is sent as a JSON string of the row (the form
 *    VoxEngine.customData() gives), and that the next session reads the
 *    edited row back is unconfirmed; so are that attempts_left counts the
 *    attempts after the current one (the emulator plays it so) and how
 *    start_at combines with the list's interval_seconds (never earlier
 *    here). The typings say the call reports the error itself after an
 *    unsuccessful attempt; the request carries no "error" field, which
 *    the typings do not list (a third-party summary of the docs does).
 */

/* A scenario is its kind's template parts joined in this order: the
 * first holds the header comment and the session logic, the later ones
 * the engine that talks to the caller (shared between kinds). */
static const struct
{
  const char *name;      /* for govorun_scenario_kind_to_string() */
  const char *suffix;    /* scenario name suffix */
} kinds[GOVORUN_SCENARIO_N_KINDS] = {
  [GOVORUN_SCENARIO_INBOUND] = { "inbound", "in" },
  [GOVORUN_SCENARIO_OUTBOUND] = { "outbound", "out" },
  [GOVORUN_SCENARIO_WEBHOOK_BOT] = { "webhook-bot", "bot" },
};

static const char *const inbound_parts[] = { "inbound.js", "elevenlabs.js", NULL };
static const char *const webhook_bot_parts[] = { "webhook-bot.js", "bot.js", NULL };
static const char *const outbound_agent_parts[] = {
  "outbound.js", "outbound-agent.js", "elevenlabs.js", NULL
};
static const char *const outbound_bot_parts[] = { "outbound.js", "outbound-bot.js", "bot.js", NULL };

/* TRUE if the scenario talks through the user's bot, FALSE if through the
 * ElevenLabs agent. */
static gboolean
uses_bot (GovorunScenarioKind          kind,
          const GovorunScenarioParams *params)
{
  return kind == GOVORUN_SCENARIO_WEBHOOK_BOT ||
         (kind == GOVORUN_SCENARIO_OUTBOUND &&
          params->engine == GOVORUN_SCENARIO_ENGINE_WEBHOOK_BOT);
}

static const char *const *
template_parts (GovorunScenarioKind          kind,
                const GovorunScenarioParams *params)
{
  switch (kind)
    {
    case GOVORUN_SCENARIO_INBOUND:
      return inbound_parts;
    case GOVORUN_SCENARIO_WEBHOOK_BOT:
      return webhook_bot_parts;
    case GOVORUN_SCENARIO_OUTBOUND:
      return uses_bot (kind, params) ? outbound_bot_parts : outbound_agent_parts;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_english (const char *language)
{
  return language != NULL && g_ascii_strncasecmp (language, "en", 2) == 0;
}

const char *
govorun_scenario_default_tts_voice (const char *language)
{
  return is_english (language) ? GOVORUN_SCENARIO_ENGLISH_TTS_VOICE
                               : GOVORUN_SCENARIO_DEFAULT_TTS_VOICE;
}

const char *
govorun_scenario_default_asr_profile (const char *language)
{
  return is_english (language) ? GOVORUN_SCENARIO_ENGLISH_ASR_PROFILE
                               : GOVORUN_SCENARIO_DEFAULT_ASR_PROFILE;
}

const char *
govorun_scenario_default_fallback_text (const char *language)
{
  return is_english (language) ? GOVORUN_SCENARIO_ENGLISH_FALLBACK_TEXT
                               : GOVORUN_SCENARIO_DEFAULT_FALLBACK_TEXT;
}

void
govorun_scenario_params_init (GovorunScenarioParams *params)
{
  g_return_if_fail (params != NULL);

  memset (params, 0, sizeof *params);
  params->record = TRUE;
  params->engine = GOVORUN_SCENARIO_ENGINE_ELEVENLABS;
}

const char *
govorun_scenario_kind_to_string (GovorunScenarioKind kind)
{
  g_return_val_if_fail (kind < GOVORUN_SCENARIO_N_KINDS, NULL);

  return kinds[kind].name;
}

char *
govorun_scenario_js_string_literal (const char  *value,
                                    GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  GString *out;

  g_return_val_if_fail (value != NULL, NULL);

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error_literal (error, GOVORUN_SCENARIO_ERROR,
                           GOVORUN_SCENARIO_ERROR_INVALID_VALUE,
                           _("A scenario setting contains text that is not valid UTF-8. Re-enter it and try again."));
      return NULL;
    }

  /* json-glib does the JSON escaping (quotes, backslashes, control
   * characters); what it leaves raw but a <script> block or an older JS
   * engine would trip over is escaped here. These characters can only
   * occur inside the string, so replacing them keeps it the same value. */
  node = json_node_init_string (json_node_alloc (), value);
  json = json_to_string (node, FALSE);

  out = g_string_sized_new (strlen (json) + 16);
  for (const char *p = json; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '<':
          g_string_append (out, "\\u003c");
          break;

        case '>':
          g_string_append (out, "\\u003e");
          break;

        case '&':
          g_string_append (out, "\\u0026");
          break;

        case '\xe2':
          /* U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8. */
          if (p[1] == '\x80' && (p[2] == '\xa8' || p[2] == '\xa9'))
            {
              g_string_append (out, p[2] == '\xa8' ? "\\u2028" : "\\u2029");
              p += 2;
              break;
            }
          G_GNUC_FALLTHROUGH;

        default:
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

gboolean
govorun_scenario_identifier_is_valid (const char *path,
                                      const char *root)
{
  g_auto(GStrv) parts = NULL;
  gsize len;

  g_return_val_if_fail (root != NULL, FALSE);

  if (path == NULL)
    return FALSE;

  len = strlen (path);
  if (len == 0 || len > MAX_IDENTIFIER_LEN)
    return FALSE;

  /* Only [A-Za-z0-9_.]: nothing that could end the expression. */
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (path[i]) && path[i] != '_' && path[i] != '.')
      return FALSE;

  parts = g_strsplit (path, ".", -1);
  /* The root and at least one member below it, so that the value is a
   * catalogue entry, not some other global such as VoxEngine. */
  if (g_strv_length (parts) < 2 || !g_str_equal (parts[0], root))
    return FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] == '\0')
      return FALSE;

  return TRUE;
}

/* @message: a complete translated sentence, said when @value is missing */
static gboolean
require_value (const char  *value,
               const char  *message,
               GError     **error)
{
  if (value != NULL && value[0] != '\0')
    return TRUE;

  g_set_error_literal (error, GOVORUN_SCENARIO_ERROR, GOVORUN_SCENARIO_ERROR_MISSING_VALUE,
                       message);
  return FALSE;
}

/* @message: a complete translated sentence, said when @url is not valid */
static gboolean
validate_url (const char  *url,
              const char  *message,
              GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  /* Whitespace and control characters are never part of a URL. */
  for (const char *p = url; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || *p == 0x7f)
      goto invalid;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    goto invalid;

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
    goto invalid;

  if (g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    goto invalid;

  return TRUE;

invalid:
  g_set_error_literal (error, GOVORUN_SCENARIO_ERROR, GOVORUN_SCENARIO_ERROR_INVALID_VALUE,
                       message);
  return FALSE;
}

/* E.164 with or without the leading "+": 7 to 15 digits, no leading 0. */
static gboolean
validate_phone (const char  *number,
                GError     **error)
{
  const char *p = number;
  gsize digits = 0;

  if (*p == '+')
    p++;

  if (*p == '0')
    goto invalid;

  for (; *p != '\0'; p++, digits++)
    if (!g_ascii_isdigit (*p))
      goto invalid;

  if (digits >= 7 && digits <= 15)
    return TRUE;

invalid:
  g_set_error_literal (error, GOVORUN_SCENARIO_ERROR, GOVORUN_SCENARIO_ERROR_INVALID_VALUE,
                       _("The agent's caller number is not a phone number in international format. Choose one of the agent's numbers, such as +74951234567, and try again."));
  return FALSE;
}

static gboolean
add_string (GHashTable  *values,
            const char  *placeholder,
            const char  *value,
            GError     **error)
{
  char *literal;

  if (value == NULL)
    {
      g_hash_table_insert (values, (char *) placeholder, g_strdup ("null"));
      return TRUE;
    }

  if (!(literal = govorun_scenario_js_string_literal (value, error)))
    return FALSE;

  g_hash_table_insert (values, (char *) placeholder, literal);
  return TRUE;
}

static gboolean
add_identifier (GHashTable  *values,
                const char  *placeholder,
                const char  *value,
                const char  *root,
                GError     **error)
{
  if (!govorun_scenario_identifier_is_valid (value, root))
    {
      if (g_str_equal (root, "VoiceList"))
        g_set_error (error, GOVORUN_SCENARIO_ERROR, GOVORUN_SCENARIO_ERROR_INVALID_IDENTIFIER,
                     /* Translators: %s is an example, VoiceList.Google.ru_RU_Wavenet_A */
                     _("The voice is not a VoxEngine voice name such as %s. Choose a voice from the list and try again."),
                     GOVORUN_SCENARIO_DEFAULT_TTS_VOICE);
      else
        g_set_error (error, GOVORUN_SCENARIO_ERROR, GOVORUN_SCENARIO_ERROR_INVALID_IDENTIFIER,
                     /* Translators: %s is an example, ASRProfileList.Google.ru_RU */
                     _("The speech recognition profile is not a VoxEngine profile name such as %s. Choose a profile from the list and try again."),
                     GOVORUN_SCENARIO_DEFAULT_ASR_PROFILE);
      return FALSE;
    }

  g_hash_table_insert (values, (char *) placeholder, g_strdup (value));
  return TRUE;
}

/* The ElevenLabs agent's values: INBOUND, and OUTBOUND with that engine. */
static gboolean
collect_agent_values (const GovorunScenarioParams  *params,
                      GHashTable                   *values,
                      GError                      **error)
{
  if (!require_value (params->elevenlabs_agent_id,
                      _("The ElevenLabs agent ID is missing. Choose the agent's ElevenLabs agent and try again."),
                      error) ||
      (params->elevenlabs_api_key_secret == NULL &&
       !require_value (params->elevenlabs_api_key,
                       _("The ElevenLabs API key is missing. Add the key to the ElevenLabs account and try again."),
                       error)))
    return FALSE;
  if (params->elevenlabs_base_url != NULL &&
      !validate_url (params->elevenlabs_base_url,
                     _("The ElevenLabs server address is not a valid web address. Check the ElevenLabs account's region and try again."),
                     error))
    return FALSE;

  return add_string (values, "ELEVENLABS_AGENT_ID", params->elevenlabs_agent_id, error) &&
         /* With the secret, the key stays out of the text. */
         add_string (values, "ELEVENLABS_API_KEY",
                     params->elevenlabs_api_key_secret == NULL ? params->elevenlabs_api_key : NULL, error) &&
         add_string (values, "ELEVENLABS_API_KEY_SECRET", params->elevenlabs_api_key_secret, error) &&
         add_string (values, "ELEVENLABS_BASE_URL", params->elevenlabs_base_url, error);
}

/* The user's bot's values: WEBHOOK_BOT, and OUTBOUND with that engine. */
static gboolean
collect_bot_values (const GovorunScenarioParams  *params,
                    GHashTable                   *values,
                    GError                      **error)
{
  const char *language = params->language && params->language[0] != '\0'
                           ? params->language : GOVORUN_SCENARIO_DEFAULT_LANGUAGE;

  if (!require_value (params->webhook_url,
                      _("The bot URL is missing. Enter the address of your bot and try again."),
                      error) ||
      !validate_url (params->webhook_url,
                     _("The bot URL is not a valid web address. Enter an address starting with https:// and try again."),
                     error) ||
      !require_value (params->tenant_slug,
                      _("The bot tenant slug is missing. Enter the slug your bot expects and try again."),
                      error))
    return FALSE;

  return add_string (values, "WEBHOOK_URL", params->webhook_url, error) &&
         add_string (values, "TENANT_SLUG", params->tenant_slug, error) &&
         add_string (values, "LANGUAGE", language, error) &&
         add_string (values, "FALLBACK_TEXT",
                     params->fallback_text && params->fallback_text[0] != '\0'
                       ? params->fallback_text : govorun_scenario_default_fallback_text (language),
                     error) &&
         add_identifier (values, "ASR_PROFILE",
                         params->asr_profile ? params->asr_profile
                                             : govorun_scenario_default_asr_profile (language),
                         "ASRProfileList", error) &&
         add_identifier (values, "TTS_VOICE",
                         params->tts_voice ? params->tts_voice
                                           : govorun_scenario_default_tts_voice (language),
                         "VoiceList", error);
}

/* Fills @values with placeholder name → JS expression for @kind. */
static gboolean
collect_values (GovorunScenarioKind           kind,
                const GovorunScenarioParams  *params,
                GHashTable                   *values,
                GError                      **error)
{
  g_autofree char *generator = g_strdup_printf ("Govorun %s", PACKAGE_VERSION);

  if (!add_string (values, "GENERATOR", generator, error) ||
      !add_string (values, "KIND", kinds[kind].name, error) ||
      !add_string (values, "AGENT_NAME", params->agent_name ? params->agent_name : "", error))
    return FALSE;
  g_hash_table_insert (values, (char *) "RECORD", g_strdup (params->record ? "true" : "false"));

  if (kind == GOVORUN_SCENARIO_OUTBOUND &&
      (!require_value (params->caller_id,
                       _("The agent's caller number is missing. Choose one of the agent's numbers and try again."),
                       error) ||
       !validate_phone (params->caller_id, error) ||
       !add_string (values, "CALLER_ID", params->caller_id, error)))
    return FALSE;

  if (uses_bot (kind, params))
    return collect_bot_values (params, values, error);
  return collect_agent_values (params, values, error);
}

/* The kind's template parts from the GResource, joined. */
static char *
load_template (GovorunScenarioKind           kind,
               const GovorunScenarioParams  *params,
               GError                      **error)
{
  const char *const *parts = template_parts (kind, params);
  GString *text = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (TEMPLATE_DIR, parts[i], NULL);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) bytes = g_resource_lookup_data (govorun_generators_get_resource (), path,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
      gsize size;
      gconstpointer data;

      if (bytes == NULL)
        {
          g_set_error (error, GOVORUN_SCENARIO_ERROR, GOVORUN_SCENARIO_ERROR_TEMPLATE,
                       _("The scenario template could not be loaded. Reinstall Govorun and try again. (%s)"),
                       local_error->message);
          g_string_free (text, TRUE);
          return NULL;
        }
      data = g_bytes_get_data (bytes, &size);
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_len (text, data, size);
    }

  return g_string_free (text, FALSE);
}

typedef struct
{
  GHashTable *values;
  char       *unknown;  /* first placeholder with no value */
} ExpandData;

static gboolean
expand_placeholder (const GMatchInfo *match_info,
                    GString          *result,
                    gpointer          user_data)
{
  ExpandData *data = user_data;
  g_autofree char *name = g_match_info_fetch (match_info, 1);
  const char *value = g_hash_table_lookup (data->values, name);

  if (value == NULL)
    {
      if (data->unknown == NULL)
        data->unknown = g_steal_pointer (&name);
      return TRUE;  /* stop: the result is thrown away */
    }

  g_string_append (result, value);
  return FALSE;
}

/* Counts the UTF-16 code units of valid UTF-8 @text: what a JS engine
 * calls the length of the script. */
static gsize
utf16_length (const char *text)
{
  gsize n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    n += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;

  return n;
}

char *
govorun_scenario_generate (GovorunScenarioKind           kind,
                           const GovorunScenarioParams  *params,
                           GError                      **error)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *template_text = NULL;
  g_autofree char *script = NULL;
  ExpandData data = { NULL, NULL };

  g_return_val_if_fail (kind < GOVORUN_SCENARIO_N_KINDS, NULL);
  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  if (!collect_values (kind, params, values, error))
    return NULL;

  if (!(template_text = load_template (kind, params, error)))
    return NULL;

  /* One pass over the template: injected values are never rescanned, so a
   * value that looks like a placeholder stays text. */
  regex = g_regex_new ("__GOVORUN_([A-Z0-9]+(?:_[A-Z0-9]+)*)__", G_REGEX_OPTIMIZE, 0, NULL);
  data.values = values;
  script = g_regex_replace_eval (regex, template_text, -1, 0, 0,
                                 expand_placeholder, &data, &local_error);
  if (script == NULL || data.unknown != NULL)
    {
      g_set_error (error, GOVORUN_SCENARIO_ERROR, GOVORUN_SCENARIO_ERROR_TEMPLATE,
                   _("The scenario template is broken. Please report this problem. (%s)"),
                   data.unknown ? data.unknown : local_error->message);
      g_free (data.unknown);
      return NULL;
    }

  if (params->manifest != NULL)
    {
      /* First, so that a reader finds it without parsing the script. */
      g_autofree char *line = govorun_scenario_manifest_to_line (params->manifest, error);
      char *joined;

      if (line == NULL)
        return NULL;
      joined = g_strconcat (line, "\n", script, NULL);
      g_free (script);
      script = joined;
    }

  if (strlen (script) > GOVORUN_SCENARIO_MAX_BYTES ||
      utf16_length (script) > GOVORUN_SCENARIO_MAX_CHARS)
    {
      g_set_error (error, GOVORUN_SCENARIO_ERROR, GOVORUN_SCENARIO_ERROR_TOO_LARGE,
                   _("The scenario would be larger than Voximplant allows (128 KB). Shorten the agent's texts and try again."));
      return NULL;
    }

  g_debug ("Generated a %s scenario of %zu bytes", kinds[kind].name, strlen (script));

  return g_steal_pointer (&script);
}

char *
govorun_scenario_name_for_agent (const char          *agent_slug,
                                 GovorunScenarioKind  kind)
{
  g_autofree char *digest = NULL;
  GString *slug;
  GString *name;

  g_return_val_if_fail (kind < GOVORUN_SCENARIO_N_KINDS, NULL);

  if (agent_slug == NULL)
    agent_slug = "";

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, agent_slug, -1);

  slug = g_string_new (NULL);
  for (const char *p = agent_slug; *p != '\0' && slug->len < 15; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  name = g_string_new ("gv-");
  if (slug->len > 0)
    g_string_append_printf (name, "%s-", slug->str);
  g_string_append_len (name, digest, 6);
  g_string_append_printf (name, "-%s", kinds[kind].suffix);
  g_string_free (slug, TRUE);

  g_assert (name->len <= GOVORUN_SCENARIO_NAME_MAX_LEN);

  return g_string_free (name, FALSE);
}
