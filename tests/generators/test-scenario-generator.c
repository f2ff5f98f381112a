/* test-scenario-generator.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestScenarioGenerator"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "govorun-scenario-generator.h"
#include "hostile-params.h"
#include "test-util.h"

static char *tmp_dir;
static char *node_path;
static char *voxengine_dir;
static GString *log_capture;

static char *
generate_ok (GovorunScenarioKind          kind,
             const GovorunScenarioParams *params)
{
  g_autoptr(GError) error = NULL;
  char *script = govorun_scenario_generate (kind, params, &error);

  g_assert_no_error (error);
  g_assert_nonnull (script);
  g_assert_true (g_utf8_validate (script, -1, NULL));
  g_assert_cmpuint (strlen (script), <=, GOVORUN_SCENARIO_MAX_BYTES);
  /* Nothing raw that would end a <script> or a JS line early. */
  g_assert_null (strstr (script, "</"));
  g_assert_null (strstr (script, "\xe2\x80\xa8"));
  g_assert_null (strstr (script, "\xe2\x80\xa9"));
  /* Every placeholder (each follows "= " in the templates) was filled. */
  g_assert_null (strstr (script, "= __GOVORUN_"));

  return script;
}

static void
generate_fails (GovorunScenarioKind          kind,
                const GovorunScenarioParams *params,
                int                          code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = govorun_scenario_generate (kind, params, &error);

  g_assert_null (script);
  g_assert_error (error, GOVORUN_SCENARIO_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
}

static char *
write_file (const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static gboolean
need_node (void)
{
  if (node_path == NULL)
    {
      g_test_skip ("node (v18 or newer) is not installed");
      return FALSE;
    }
  return TRUE;
}

static void
assert_node_check (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { node_path, "--check", path, NULL };
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("node --check %s failed:\n%s%s", path, out, err);
}

/* Runs the node tests on the given scenario files; returns the stand-in's
 * report of what it saw. */
static JsonObject *
run_node_tests (const char *inbound,
                const char *outbound,
                const char *webhook_bot,
                const char *outbound_bot,
                const char *expect)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *test_js = g_build_filename (voxengine_dir, "test-scenarios.js", NULL);
  g_autofree char *report_path = g_build_filename (tmp_dir, "report.json", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *argv[] = { node_path, "--test", test_js, NULL };
  int status = 0;

  g_unlink (report_path);
  envp = g_environ_setenv (envp, "GOVORUN_SCENARIO_INBOUND", inbound, TRUE);
  envp = g_environ_setenv (envp, "GOVORUN_SCENARIO_OUTBOUND", outbound, TRUE);
  envp = g_environ_setenv (envp, "GOVORUN_SCENARIO_WEBHOOK_BOT", webhook_bot, TRUE);
  envp = g_environ_setenv (envp, "GOVORUN_SCENARIO_OUTBOUND_WEBHOOK_BOT", outbound_bot, TRUE);
  envp = g_environ_setenv (envp, "GOVORUN_SCENARIO_EXPECT", expect, TRUE);
  envp = g_environ_setenv (envp, "GOVORUN_SCENARIO_REPORT", report_path, TRUE);

  g_spawn_sync (tmp_dir, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("node --test failed:\n%s%s", out, err);

  /* Every test ran; none was skipped for a missing file. */
  g_assert_nonnull (strstr (out, "# fail 0"));
  g_assert_nonnull (strstr (out, "# skipped 0"));

  json_parser_load_from_file (parser, report_path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* What the bot kinds use for @params, defaults included. */
static const char *
expected_fallback_text (const GovorunScenarioParams *params)
{
  return params->fallback_text ? params->fallback_text
                               : govorun_scenario_default_fallback_text (params->language);
}

static const char *
expected_asr_profile (const GovorunScenarioParams *params)
{
  return params->asr_profile ? params->asr_profile
                             : govorun_scenario_default_asr_profile (params->language);
}

static const char *
expected_tts_voice (const GovorunScenarioParams *params)
{
  return params->tts_voice ? params->tts_voice
                           : govorun_scenario_default_tts_voice (params->language);
}

static char *
write_expectations (const GovorunScenarioParams *params)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

#define ADD(name, value) \
  json_builder_set_member_name (builder, name); \
  if ((value) != NULL) \
    json_builder_add_string_value (builder, value); \
  else \
    json_builder_add_null_value (builder);

  json_builder_begin_object (builder);
  ADD ("agent_name", params->agent_name ? params->agent_name : "");
  ADD ("elevenlabs_agent_id", params->elevenlabs_agent_id);
  ADD ("elevenlabs_api_key", params->elevenlabs_api_key);
  ADD ("elevenlabs_base_url", params->elevenlabs_base_url);
  ADD ("elevenlabs_api_key_secret", params->elevenlabs_api_key_secret);
  ADD ("caller_id", params->caller_id);
  ADD ("webhook_url", params->webhook_url);
  ADD ("tenant_slug", params->tenant_slug);
  ADD ("language", params->language ? params->language : GOVORUN_SCENARIO_DEFAULT_LANGUAGE);
  ADD ("fallback_text", expected_fallback_text (params));
  ADD ("asr_profile", expected_asr_profile (params));
  ADD ("tts_voice", expected_tts_voice (params));
  json_builder_set_member_name (builder, "record");
  json_builder_add_boolean_value (builder, params->record);
  json_builder_end_object (builder);
#undef ADD

  root = json_builder_get_root (builder);
  json = json_to_string (root, TRUE);

  return write_file ("expect.json", json);
}

static void
plain_params (GovorunScenarioParams *params)
{
  govorun_scenario_params_init (params);
  params->agent_name = "Clinic";
  params->elevenlabs_agent_id = "agent_01abc";
  params->elevenlabs_api_key = "sk_plain_0123456789";
  params->caller_id = "74951234567";
  params->webhook_url = "http://127.0.0.1:8080/bot";
  params->tenant_slug = "clinic";
}

static void
assert_member (JsonObject *object,
               const char *member,
               const char *expected)
{
  g_assert_true (json_object_has_member (object, member));
  if (expected == NULL)
    g_assert_true (json_object_get_null_member (object, member));
  else
    g_assert_cmpstr (json_object_get_string_member (object, member), ==, expected);
}

/* Checks what the stand-in saw of a bot scenario (@member of @report)
 * against @params; returns that part of the report. */
static JsonObject *
assert_bot_seen (JsonObject                  *report,
                 const char                  *member,
                 const GovorunScenarioParams *params)
{
  JsonObject *seen = json_object_get_object_member (report, member);

  g_assert_nonnull (seen);
  assert_member (seen, "url", params->webhook_url);
  assert_member (seen, "tenant_slug", params->tenant_slug);
  assert_member (seen, "language", params->language ? params->language
                                                     : GOVORUN_SCENARIO_DEFAULT_LANGUAGE);
  assert_member (seen, "voice", expected_tts_voice (params));
  assert_member (seen, "profile", expected_asr_profile (params));
  return seen;
}

/* Generates all three kinds from @params, has node check their syntax and
 * run the behaviour tests, and checks the values came back intact. */
static void
run_all_kinds (const GovorunScenarioParams *params)
{
  GovorunScenarioParams bot_params = *params;
  g_autofree char *inbound = generate_ok (GOVORUN_SCENARIO_INBOUND, params);
  g_autofree char *outbound = generate_ok (GOVORUN_SCENARIO_OUTBOUND, params);
  g_autofree char *webhook_bot = generate_ok (GOVORUN_SCENARIO_WEBHOOK_BOT, params);
  g_autofree char *outbound_bot = NULL;
  g_autofree char *inbound_path = write_file ("inbound.js", inbound);
  g_autofree char *outbound_path = write_file ("outbound.js", outbound);
  g_autofree char *webhook_bot_path = write_file ("webhook-bot.js", webhook_bot);
  g_autofree char *outbound_bot_path = NULL;
  g_autofree char *key_literal = NULL;
  g_autofree char *expect_path = write_expectations (params);
  g_autoptr(JsonObject) report = NULL;
  JsonObject *seen;
  JsonArray *logs;
  gboolean name_logged = FALSE;

  assert_node_check (inbound_path);
  assert_node_check (outbound_path);
  assert_node_check (webhook_bot_path);

  bot_params.engine = GOVORUN_SCENARIO_ENGINE_WEBHOOK_BOT;
  outbound_bot = generate_ok (GOVORUN_SCENARIO_OUTBOUND, &bot_params);
  outbound_bot_path = write_file ("outbound-webhook-bot.js", outbound_bot);
  assert_node_check (outbound_bot_path);

  report = run_node_tests (inbound_path, outbound_path, webhook_bot_path, outbound_bot_path,
                           expect_path);

  seen = json_object_get_object_member (report, "inbound");
  g_assert_nonnull (seen);
  assert_member (seen, "xiApiKey", params->elevenlabs_api_key);
  assert_member (seen, "agentId", params->elevenlabs_agent_id);
  assert_member (seen, "baseUrl", params->elevenlabs_base_url);
  g_assert_cmpint (json_object_get_boolean_member (seen, "record"), ==, params->record);
  logs = json_object_get_array_member (seen, "logs");
  for (guint i = 0; i < json_array_get_length (logs); i++)
    {
      const char *line = json_array_get_string_element (logs, i);

      g_assert_null (strstr (line, params->elevenlabs_api_key));
      if (params->agent_name && strstr (line, params->agent_name))
        name_logged = TRUE;
    }
  g_assert_true (name_logged || params->agent_name == NULL);

  seen = json_object_get_object_member (report, "outbound");
  g_assert_nonnull (seen);
  assert_member (seen, "xiApiKey", params->elevenlabs_api_key);
  assert_member (seen, "agentId", params->elevenlabs_agent_id);
  assert_member (seen, "baseUrl", params->elevenlabs_base_url);
  assert_member (seen, "callerId", params->caller_id);

  assert_bot_seen (report, "webhook_bot", params);
  assert_member (report, "webhook_bot_fallback", expected_fallback_text (params));

  seen = assert_bot_seen (report, "outbound_webhook_bot", params);
  assert_member (seen, "callerId", params->caller_id);
  /* The bot engine needs no ElevenLabs values, so none is embedded. */
  key_literal = govorun_scenario_js_string_literal (params->elevenlabs_api_key, NULL);
  g_assert_null (strstr (outbound_bot, key_literal));
  g_assert_null (strstr (outbound_bot, "Modules.ElevenLabs"));
}

static void
test_hostile_values (void)
{
  GovorunScenarioParams params;

  if (!need_node ())
    return;

  hostile_params (&params);
  run_all_kinds (&params);
}

/* With the key in the application's secret storage, the scenarios read
 * it from there and hold no trace of it. */
static void
test_key_from_secret (void)
{
  GovorunScenarioParams params;

  if (!need_node ())
    return;

  plain_params (&params);
  params.elevenlabs_api_key_secret = GOVORUN_SCENARIO_KEY_SECRET_NAME;
  run_all_kinds (&params);

  for (guint k = 0; k < GOVORUN_SCENARIO_N_KINDS; k++)
    {
      g_autofree char *script = generate_ok (k, &params);

      g_assert_null (strstr (script, params.elevenlabs_api_key));
    }

  /* The key is not needed then. */
  params.elevenlabs_api_key = NULL;
  g_free (generate_ok (GOVORUN_SCENARIO_INBOUND, &params));
}

static void
test_plain_defaults (void)
{
  GovorunScenarioParams params;

  if (!need_node ())
    return;

  /* No residency host (no baseUrl option), no recording, default ASR
   * profile, voice and fallback text. */
  plain_params (&params);
  params.record = FALSE;
  run_all_kinds (&params);

  /* English: the English voice, profile and fallback text by default. */
  params.language = GOVORUN_SCENARIO_LANGUAGE_ENGLISH;
  run_all_kinds (&params);
}

static void
test_language_defaults (void)
{
  GovorunScenarioParams params;
  g_autofree char *english = NULL;
  g_autofree char *russian = NULL;
  g_autofree char *fallback = NULL;

  plain_params (&params);
  params.language = "en-GB";
  english = generate_ok (GOVORUN_SCENARIO_WEBHOOK_BOT, &params);
  g_assert_nonnull (strstr (english, "= " GOVORUN_SCENARIO_ENGLISH_TTS_VOICE ";"));
  g_assert_nonnull (strstr (english, "= " GOVORUN_SCENARIO_ENGLISH_ASR_PROFILE ";"));
  g_assert_nonnull (strstr (english, "\"" GOVORUN_SCENARIO_ENGLISH_FALLBACK_TEXT "\""));
  g_assert_nonnull (strstr (english, "const LANGUAGE = \"en-GB\";"));

  params.language = NULL;
  russian = generate_ok (GOVORUN_SCENARIO_WEBHOOK_BOT, &params);
  g_assert_nonnull (strstr (russian, "= " GOVORUN_SCENARIO_DEFAULT_TTS_VOICE ";"));
  g_assert_nonnull (strstr (russian, "= " GOVORUN_SCENARIO_DEFAULT_ASR_PROFILE ";"));
  g_assert_nonnull (strstr (russian, "const LANGUAGE = \"ru\";"));
  fallback = govorun_scenario_js_string_literal (GOVORUN_SCENARIO_DEFAULT_FALLBACK_TEXT, NULL);
  g_assert_nonnull (strstr (russian, fallback));

  /* A chosen voice and profile win over the language's. */
  params.language = "en";
  params.tts_voice = "VoiceList.Google.ru_RU_Wavenet_B";
  params.asr_profile = "ASRProfileList.Yandex.ru_RU";
  g_free (english);
  english = generate_ok (GOVORUN_SCENARIO_WEBHOOK_BOT, &params);
  g_assert_nonnull (strstr (english, "= VoiceList.Google.ru_RU_Wavenet_B;"));
  g_assert_nonnull (strstr (english, "= ASRProfileList.Yandex.ru_RU;"));
  g_assert_null (strstr (english, GOVORUN_SCENARIO_ENGLISH_TTS_VOICE));
}

static void
test_no_internal_notes (void)
{
  const char *notes[] = { "UNVERIFIED", "typings", "TODO", "FIXME", "XXX", "v28" };
  GovorunScenarioParams params;

  /* Comments in an uploaded scenario are for the customer reading it in
   * the control panel, not notes for Govorun's developers. */
  plain_params (&params);
  for (guint engine = 0; engine < 2; engine++)
    for (guint kind = 0; kind < GOVORUN_SCENARIO_N_KINDS; kind++)
      {
        g_autofree char *script = NULL;

        params.engine = engine;
        script = generate_ok (kind, &params);
        for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
          if (strstr (script, notes[i]) != NULL)
            g_error ("The %s scenario (engine %u) holds \"%s\"",
                     govorun_scenario_kind_to_string (kind), engine, notes[i]);
      }
}

static void
test_templates_are_js (void)
{
  g_autoptr(GError) error = NULL;
  const char *names[] = {
      "inbound.js", "elevenlabs.js", "outbound.js", "outbound-agent.js", "outbound-bot.js",
    "webhook-bot.js", "bot.js",
  };

  if (!need_node ())
    return;

  /* The templates themselves parse as JS (placeholders are identifiers),
   * so a syntax slip shows up here, before any value is injected. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *resource = g_strconcat (RESOURCE_BASE "/core/scenarios/", names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, &error);
      g_autofree char *text = NULL;
      g_autofree char *path = NULL;

      g_assert_no_error (error);
      text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      path = write_file (names[i], text);
      assert_node_check (path);
    }
}

static void
test_single_pass (void)
{
  GovorunScenarioParams params;
  g_autofree char *script = NULL;
  g_autofree char *key_literal = NULL;
  const char *p;
  guint count = 0;

  /* A value that looks like a placeholder is not expanded again. */
  plain_params (&params);
  params.agent_name = "__GOVORUN_ELEVENLABS_API_KEY__";
  script = govorun_scenario_generate (GOVORUN_SCENARIO_INBOUND, &params, NULL);
  g_assert_nonnull (script);
  key_literal = govorun_scenario_js_string_literal (params.elevenlabs_api_key, NULL);
  for (p = script; (p = strstr (p, key_literal)) != NULL; p++)
    count++;
  g_assert_cmpuint (count, ==, 1);
  g_assert_nonnull (strstr (script, "const AGENT_NAME = \"__GOVORUN_ELEVENLABS_API_KEY__\";"));
}

static void
test_js_string_literal (void)
{
  const char *values[] = {
    "", "plain", HOSTILE_NAME, HOSTILE_API_KEY, HOSTILE_SLUG, HOSTILE_FALLBACK,
    "\x01\x1f\x7f", "a&b<c>d", "\xf0\x9f\x98\x80",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *literal = govorun_scenario_js_string_literal (values[i], &error);
      g_autoptr(JsonNode) node = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (literal);
      g_assert_null (strpbrk (literal, "<>&\n\r"));
      g_assert_null (strstr (literal, "\xe2\x80\xa8"));
      g_assert_null (strstr (literal, "\xe2\x80\xa9"));

      /* Valid JSON, and the same string once parsed. */
      node = json_from_string (literal, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (json_node_get_string (node), ==, values[i]);
    }

  bad = govorun_scenario_js_string_literal ("bad \xff utf-8", &error);
  g_assert_null (bad);
  g_assert_error (error, GOVORUN_SCENARIO_ERROR, GOVORUN_SCENARIO_ERROR_INVALID_VALUE);
}

static void
test_invalid_identifiers (void)
{
  const char *bad[] = {
    "", "ASRProfileList", "ASRProfileList.", "ASRProfileList..Google",
    "ASRProfileList.Google.ru_RU; VoxEngine.terminate()",
    "ASRProfileList.Google.ru_RU)", "ASRProfileList['Google']",
    "VoxEngine.terminate", "VoiceList.Google.ru_RU_Wavenet_A",
    "ASRProfileList.Google.ru-RU", "ASRProfileList.Google.ru_RU\n",
    "ASRProfileList.Google.руRU",
  };
  GovorunScenarioParams params;

  plain_params (&params);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      params.asr_profile = bad[i];
      generate_fails (GOVORUN_SCENARIO_WEBHOOK_BOT, &params,
                      GOVORUN_SCENARIO_ERROR_INVALID_IDENTIFIER);
    }

  plain_params (&params);
  params.tts_voice = "ASRProfileList.Google.ru_RU";
  generate_fails (GOVORUN_SCENARIO_WEBHOOK_BOT, &params, GOVORUN_SCENARIO_ERROR_INVALID_IDENTIFIER);
  params.tts_voice = "VoiceList.Google.ru_RU_Wavenet_A || fetch(x)";
  generate_fails (GOVORUN_SCENARIO_WEBHOOK_BOT, &params, GOVORUN_SCENARIO_ERROR_INVALID_IDENTIFIER);

  g_assert_true (govorun_scenario_identifier_is_valid ("VoiceList.Yandex.Neural.ru_RU_alena", "VoiceList"));
  g_assert_false (govorun_scenario_identifier_is_valid (NULL, "VoiceList"));
}

static void
test_missing_and_invalid_values (void)
{
  GovorunScenarioParams params;
  const char *bad_urls[] = {
    "javascript:alert(1)", "ftp://example.com/", "https://", "https://exa mple.com/",
    "https://example.com/\n", "example.com/bot", "https://example.com/%zz",
  };
  const char *bad_numbers[] = { "abc", "+0123456789", "12345", "+7495123456789012", "+7 495 123-45-67", "" };

  plain_params (&params);
  params.elevenlabs_agent_id = NULL;
  generate_fails (GOVORUN_SCENARIO_INBOUND, &params, GOVORUN_SCENARIO_ERROR_MISSING_VALUE);
  generate_fails (GOVORUN_SCENARIO_OUTBOUND, &params, GOVORUN_SCENARIO_ERROR_MISSING_VALUE);

  plain_params (&params);
  params.elevenlabs_api_key = "";
  generate_fails (GOVORUN_SCENARIO_INBOUND, &params, GOVORUN_SCENARIO_ERROR_MISSING_VALUE);

  plain_params (&params);
  params.caller_id = NULL;
  generate_fails (GOVORUN_SCENARIO_OUTBOUND, &params, GOVORUN_SCENARIO_ERROR_MISSING_VALUE);
  /* Inbound and the bot do not need one. */
  g_free (generate_ok (GOVORUN_SCENARIO_INBOUND, &params));

  for (guint i = 0; i < G_N_ELEMENTS (bad_numbers); i++)
    {
      params.caller_id = bad_numbers[i];
      generate_fails (GOVORUN_SCENARIO_OUTBOUND, &params,
                      bad_numbers[i][0] ? GOVORUN_SCENARIO_ERROR_INVALID_VALUE
                                        : GOVORUN_SCENARIO_ERROR_MISSING_VALUE);
    }

  plain_params (&params);
  params.webhook_url = NULL;
  generate_fails (GOVORUN_SCENARIO_WEBHOOK_BOT, &params, GOVORUN_SCENARIO_ERROR_MISSING_VALUE);
  /* The agent kinds do not need one. */
  g_free (generate_ok (GOVORUN_SCENARIO_OUTBOUND, &params));

  plain_params (&params);
  params.tenant_slug = NULL;
  generate_fails (GOVORUN_SCENARIO_WEBHOOK_BOT, &params, GOVORUN_SCENARIO_ERROR_MISSING_VALUE);

  /* Outbound with the bot engine needs the bot's values and the caller
   * number, not the ElevenLabs agent. */
  plain_params (&params);
  params.engine = GOVORUN_SCENARIO_ENGINE_WEBHOOK_BOT;
  params.elevenlabs_agent_id = NULL;
  params.elevenlabs_api_key = NULL;
  g_free (generate_ok (GOVORUN_SCENARIO_OUTBOUND, &params));
  params.caller_id = NULL;
  generate_fails (GOVORUN_SCENARIO_OUTBOUND, &params, GOVORUN_SCENARIO_ERROR_MISSING_VALUE);
  params.caller_id = "74951234567";
  params.webhook_url = NULL;
  generate_fails (GOVORUN_SCENARIO_OUTBOUND, &params, GOVORUN_SCENARIO_ERROR_MISSING_VALUE);
  params.webhook_url = "http://127.0.0.1:8080/bot";
  params.tts_voice = "VoxEngine.terminate";
  generate_fails (GOVORUN_SCENARIO_OUTBOUND, &params, GOVORUN_SCENARIO_ERROR_INVALID_IDENTIFIER);
  params.tts_voice = NULL;
  params.language = "bad \xff";
  generate_fails (GOVORUN_SCENARIO_OUTBOUND, &params, GOVORUN_SCENARIO_ERROR_INVALID_VALUE);

  plain_params (&params);
  for (guint i = 0; i < G_N_ELEMENTS (bad_urls); i++)
    {
      params.webhook_url = bad_urls[i];
      generate_fails (GOVORUN_SCENARIO_WEBHOOK_BOT, &params, GOVORUN_SCENARIO_ERROR_INVALID_VALUE);
    }

  plain_params (&params);
  for (guint i = 0; i < G_N_ELEMENTS (bad_urls); i++)
    {
      params.elevenlabs_base_url = bad_urls[i];
      generate_fails (GOVORUN_SCENARIO_INBOUND, &params, GOVORUN_SCENARIO_ERROR_INVALID_VALUE);
    }

  plain_params (&params);
  params.agent_name = "bad \xc3\x28 utf-8";
  generate_fails (GOVORUN_SCENARIO_INBOUND, &params, GOVORUN_SCENARIO_ERROR_INVALID_VALUE);
  params.agent_name = NULL;
  params.fallback_text = "\xff";
  generate_fails (GOVORUN_SCENARIO_WEBHOOK_BOT, &params, GOVORUN_SCENARIO_ERROR_INVALID_VALUE);
}

static void
test_oversize (void)
{
  GovorunScenarioParams params;
  g_autofree char *big_ascii = g_strnfill (GOVORUN_SCENARIO_MAX_BYTES, 'a');
  g_autofree char *fits = g_strnfill (64 * 1024, 'a');
  GString *cyrillic = g_string_new (NULL);
  g_autofree char *script = NULL;

  plain_params (&params);
  params.fallback_text = big_ascii;
  generate_fails (GOVORUN_SCENARIO_WEBHOOK_BOT, &params, GOVORUN_SCENARIO_ERROR_TOO_LARGE);

  /* 40 000 characters but 80 000 bytes, twice: the byte limit counts. */
  for (guint i = 0; i < 40000; i++)
    g_string_append (cyrillic, "я");
  params.fallback_text = cyrillic->str;
  params.agent_name = cyrillic->str;
  generate_fails (GOVORUN_SCENARIO_WEBHOOK_BOT, &params, GOVORUN_SCENARIO_ERROR_TOO_LARGE);
  g_string_free (cyrillic, TRUE);

  /* Well under the limit: generated, and the value is there verbatim. */
  plain_params (&params);
  params.fallback_text = fits;
  script = generate_ok (GOVORUN_SCENARIO_WEBHOOK_BOT, &params);
  g_assert_nonnull (strstr (script, fits));
}

static void
test_names (void)
{
  const char *slugs[] = {
    "clinic", "Clinic", "hotel royal", "hotel-royal", "Клиника Здоровье", "",
    "a-very-long-slug-that-goes-on-and-on-forever-and-ever", "😀😀", "--x--", "A_B.C",
  };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "clinic", -1);
  g_autofree char *expected = g_strdup_printf ("gv-clinic-%.6s-in", digest);
  g_autofree char *clinic = govorun_scenario_name_for_agent ("clinic", GOVORUN_SCENARIO_INBOUND);

  g_assert_cmpstr (clinic, ==, expected);

  for (guint i = 0; i < G_N_ELEMENTS (slugs); i++)
    for (guint kind = 0; kind < GOVORUN_SCENARIO_N_KINDS; kind++)
      {
        char *name = govorun_scenario_name_for_agent (slugs[i], kind);
        g_autofree char *again = govorun_scenario_name_for_agent (slugs[i], kind);

        g_assert_cmpstr (name, ==, again);
        g_assert_cmpuint (strlen (name), <, 30);
        g_assert_true (g_str_has_prefix (name, "gv-"));
        for (const char *p = name; *p; p++)
          g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-');
        g_assert_null (strstr (name, "--"));
        /* Distinct per slug and per kind. */
        g_assert_false (g_hash_table_contains (seen, name));
        g_hash_table_add (seen, name);
      }

  g_assert_cmpstr (govorun_scenario_kind_to_string (GOVORUN_SCENARIO_WEBHOOK_BOT), ==, "webhook-bot");
}

static void
test_no_secret_in_logs (void)
{
  GovorunScenarioParams params;

  hostile_params (&params);
  for (guint kind = 0; kind < GOVORUN_SCENARIO_N_KINDS; kind++)
    g_free (generate_ok (kind, &params));
  params.asr_profile = "nope";
  generate_fails (GOVORUN_SCENARIO_WEBHOOK_BOT, &params, GOVORUN_SCENARIO_ERROR_INVALID_IDENTIFIER);

  g_assert_cmpuint (log_capture->len, >, 0);  /* debug output was on */
  g_assert_null (strstr (log_capture->str, "secret-0123456789abcdef"));
}

static gboolean
find_node (void)
{
  g_autofree char *path = g_find_program_in_path ("node");
  g_autofree char *out = NULL;
  const char *argv[] = { NULL, "--version", NULL };
  int status = 0;
  int major;

  if (path == NULL)
    return FALSE;

  argv[0] = path;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL) || out[0] != 'v')
    return FALSE;

  /* node:test arrived in v18. */
  major = atoi (out + 1);
  if (major < 18)
    return FALSE;

  node_path = g_steal_pointer (&path);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_test_init (&argc, &argv, NULL);

  log_capture = test_util_capture_log (TRUE);

  tmp_dir = g_dir_make_tmp ("govorun-scenarios-XXXXXX", &error);
  g_assert_no_error (error);

  voxengine_dir = g_strdup (g_getenv ("GOVORUN_VOXENGINE_TESTS_DIR"));
  if (voxengine_dir == NULL)
    voxengine_dir = g_test_build_filename (G_TEST_DIST, "voxengine", NULL);
  find_node ();

  g_test_add_func ("/Govorun/ScenarioGenerator/js-string-literal", test_js_string_literal);
  g_test_add_func ("/Govorun/ScenarioGenerator/templates-are-js", test_templates_are_js);
  g_test_add_func ("/Govorun/ScenarioGenerator/single-pass", test_single_pass);
  g_test_add_func ("/Govorun/ScenarioGenerator/hostile-values", test_hostile_values);
  g_test_add_func ("/Govorun/ScenarioGenerator/plain-defaults", test_plain_defaults);
  g_test_add_func ("/Govorun/ScenarioGenerator/key-from-secret", test_key_from_secret);
  g_test_add_func ("/Govorun/ScenarioGenerator/language-defaults", test_language_defaults);
  g_test_add_func ("/Govorun/ScenarioGenerator/no-internal-notes", test_no_internal_notes);
  g_test_add_func ("/Govorun/ScenarioGenerator/invalid-identifiers", test_invalid_identifiers);
  g_test_add_func ("/Govorun/ScenarioGenerator/invalid-values", test_missing_and_invalid_values);
  g_test_add_func ("/Govorun/ScenarioGenerator/oversize", test_oversize);
  g_test_add_func ("/Govorun/ScenarioGenerator/names", test_names);
  g_test_add_func ("/Govorun/ScenarioGenerator/no-secret-in-logs", test_no_secret_in_logs);

  ret = g_test_run ();

  /* The scenarios written hold the (test) API keys: remove them. */
  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (tmp_dir);
  }

  g_free (tmp_dir);
  g_free (node_path);
  g_free (voxengine_dir);

  return ret;
}
