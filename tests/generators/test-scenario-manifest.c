/* test-scenario-manifest.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "govorun-scenario-generator.h"
#include "govorun-scenario-manifest.h"

#define SECRET_KEY "sk_live_0123456789abcdef-never-in-a-manifest"

typedef struct
{
  const char          *name;
  GovorunScenarioKind  kind;
  gboolean             inbound;
  gboolean             outbound;
  gboolean             webhook;
  gboolean             key_in_scenario;
} AgentKind;

/* Every kind of agent the wizard can make, and the scenario each uploads. */
static const AgentKind agent_kinds[] = {
  { "inbound ElevenLabs", GOVORUN_SCENARIO_INBOUND, TRUE, FALSE, FALSE, FALSE },
  { "inbound ElevenLabs, key in text", GOVORUN_SCENARIO_INBOUND, TRUE, FALSE, FALSE, TRUE },
  { "outbound ElevenLabs", GOVORUN_SCENARIO_OUTBOUND, FALSE, TRUE, FALSE, FALSE },
  { "both ElevenLabs (inbound)", GOVORUN_SCENARIO_INBOUND, TRUE, TRUE, FALSE, FALSE },
  { "both ElevenLabs (outbound)", GOVORUN_SCENARIO_OUTBOUND, TRUE, TRUE, FALSE, FALSE },
  { "inbound bot", GOVORUN_SCENARIO_WEBHOOK_BOT, TRUE, FALSE, TRUE, FALSE },
  { "outbound bot", GOVORUN_SCENARIO_OUTBOUND, FALSE, TRUE, TRUE, FALSE },
  { "both bot (outbound)", GOVORUN_SCENARIO_OUTBOUND, TRUE, TRUE, TRUE, FALSE },
};

static GovorunScenarioManifest *
manifest_for (const AgentKind *kind)
{
  GovorunScenarioManifest *m = govorun_scenario_manifest_new ();

  m->agent_name = g_strdup ("Клиника «Здоровье» \"24/7\" </script>");
  m->slug = g_strdup ("klinika-zdorove");
  m->inbound = kind->inbound;
  m->outbound = kind->outbound;
  m->webhook = kind->webhook;
  if (kind->webhook)
    {
      m->webhook_url = g_strdup ("https://bot.example.com/hook?x=1&y=2");
      m->tenant_slug = g_strdup ("clinic \"main\"");
      m->language = g_strdup ("en-US");
      m->voice = g_strdup ("VoiceList.Google.en_US_Neural2_C");
    }
  else
    {
      m->el_agent_id = g_strdup ("agent_01jz8x7yq2");
      m->el_account_hint = g_strdup ("Клиника — ElevenLabs");
    }
  m->record = !kind->key_in_scenario;
  m->key_in_scenario = kind->key_in_scenario;
  govorun_scenario_manifest_add_number (m, 101, "+74951234567");
  govorun_scenario_manifest_add_number (m, 102, "78121234567");
  m->generator = g_strdup ("Govorun 0.3.0");
  m->revision = 7;
  m->computer_id = g_strdup ("0123456789abcdef0123456789abcdef");
  m->host = g_strdup ("reception-pc.local");
  m->time = 1764662400;
  return m;
}

static char *
generate (const AgentKind               *kind,
          const GovorunScenarioManifest *m)
{
  GovorunScenarioParams params;
  g_autoptr(GError) error = NULL;
  char *script;

  govorun_scenario_params_init (&params);
  params.agent_name = m->agent_name;
  params.elevenlabs_agent_id = m->el_agent_id;
  params.elevenlabs_api_key = SECRET_KEY;
  params.elevenlabs_api_key_secret = kind->key_in_scenario ? NULL : GOVORUN_SCENARIO_KEY_SECRET_NAME;
  params.caller_id = "+74951234567";
  params.webhook_url = m->webhook_url;
  params.tenant_slug = m->tenant_slug;
  params.language = m->language;
  params.tts_voice = m->voice;
  params.engine = kind->webhook ? GOVORUN_SCENARIO_ENGINE_WEBHOOK_BOT : GOVORUN_SCENARIO_ENGINE_ELEVENLABS;
  params.record = m->record;
  params.manifest = m;
  script = govorun_scenario_generate (kind->kind, &params, &error);
  g_assert_no_error (error);
  return script;
}

static void
test_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (agent_kinds); i++)
    {
      const AgentKind *kind = &agent_kinds[i];
      g_autoptr(GovorunScenarioManifest) m = manifest_for (kind);
      g_autoptr(GovorunScenarioManifest) back = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *script = generate (kind, m);
      const char *end = strchr (script, '\n');
      g_autofree char *line = g_strndup (script, end - script);

      g_test_message ("%s", kind->name);
      g_assert_true (g_str_has_prefix (script, GOVORUN_SCENARIO_MANIFEST_PREFIX));
      /* One JavaScript line comment: nothing in it ends the line early. */
      g_assert_null (strchr (line, '\r'));
      g_assert_null (strstr (line, "\xe2\x80\xa8"));
      g_assert_null (strstr (line, "\xe2\x80\xa9"));
      g_assert_null (strstr (line, "</script>"));
      /* Never a key, whether the body holds it or not. */
      g_assert_null (strstr (line, SECRET_KEY));
      if (!kind->key_in_scenario)
        g_assert_null (strstr (script, SECRET_KEY));
      /* The body is the scenario as before. */
      g_assert_true (g_str_has_prefix (govorun_scenario_manifest_body (script), "/*"));

      back = govorun_scenario_manifest_parse (script, -1, &error);
      g_assert_no_error (error);
      g_assert_nonnull (back);
      g_assert_true (govorun_scenario_manifest_same_setup (m, back));
      g_assert_cmpstr (back->agent_name, ==, m->agent_name);
      g_assert_cmpstr (back->el_account_hint, ==, m->el_account_hint);
      g_assert_cmpstr (back->generator, ==, m->generator);
      g_assert_cmpint (back->revision, ==, 7);
      g_assert_cmpstr (back->computer_id, ==, m->computer_id);
      g_assert_cmpstr (back->host, ==, m->host);
      g_assert_cmpint (back->time, ==, m->time);
      g_assert_cmpuint (back->numbers->len, ==, 2);
      g_assert_cmpstr (((GovorunManifestNumber *) g_ptr_array_index (back->numbers, 0))->number, ==, "74951234567");
      g_assert_cmpint (((GovorunManifestNumber *) g_ptr_array_index (back->numbers, 1))->phone_id, ==, 102);
    }
}

static void
test_same_script (void)
{
  const AgentKind *kind = &agent_kinds[0];
  g_autoptr(GovorunScenarioManifest) a = manifest_for (kind);
  g_autoptr(GovorunScenarioManifest) b = manifest_for (kind);
  g_autofree char *script_a = NULL;
  g_autofree char *script_b = NULL;
  g_autofree char *script_c = NULL;
  g_autofree char *edited = NULL;

  /* Another computer, revision, time and account name: the same deploy. */
  b->revision = 8;
  g_free (b->computer_id);
  b->computer_id = g_strdup ("ffffffffffffffffffffffffffffffff");
  g_free (b->host);
  b->host = g_strdup ("manager");
  b->time++;
  g_free (b->el_account_hint);
  b->el_account_hint = g_strdup ("Main");
  script_a = generate (kind, a);
  script_b = generate (kind, b);
  g_assert_true (govorun_scenario_manifest_same_script (script_a, script_b));

  /* Another number: not the same. */
  govorun_scenario_manifest_add_number (b, 103, "74957654321");
  script_c = generate (kind, b);
  g_assert_false (govorun_scenario_manifest_same_script (script_a, script_c));

  /* The body edited by hand: not the same. */
  edited = g_strconcat (script_a, "\n// edited\n", NULL);
  g_assert_false (govorun_scenario_manifest_same_script (script_a, edited));
  g_assert_false (govorun_scenario_manifest_same_script (script_a, NULL));
  g_assert_true (govorun_scenario_manifest_same_script ("x", "x"));
}

static void
test_not_govorun (void)
{
  const char *hand_made[] = {
    "VoxEngine.addEventListener(AppEvents.CallAlerting, (e) => e.call.answer());\n",
    "",
    "// govorun-manifest:{\"v\":1}\n",    /* no space: not our prefix */
    "/* govorun-manifest: {} */\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (hand_made); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GovorunScenarioManifest) m = govorun_scenario_manifest_parse (hand_made[i], -1, &error);

      g_assert_null (m);
      g_assert_error (error, GOVORUN_SCENARIO_MANIFEST_ERROR, GOVORUN_SCENARIO_MANIFEST_ERROR_NONE);
      g_assert_true (govorun_scenario_manifest_body (hand_made[i]) == hand_made[i]);
    }
}

#define GOOD_TAIL "\"record\":true,\"key_in_scenario\":false,\"generator\":\"Govorun 0.3.0\"," \
                  "\"revision\":1,\"computer\":\"abc\",\"host\":\"pc\",\"time\":1}"
#define GOOD_HEAD "// govorun-manifest: {\"v\":1,\"slug\":\"a\",\"engine\":\"elevenlabs\",\"el_agent\":\"x1\"," \
                  "\"modes\":[\"inbound\"],\"numbers\":[{\"id\":1,\"number\":\"74951234567\"}],"

static void
test_hostile (void)
{
  const char *hostile[] = {
    GOOD_HEAD "\"agent\":\"a\\nb\"," GOOD_TAIL,                     /* a line break */
    GOOD_HEAD "\"agent\":\"a\\u2028b\"," GOOD_TAIL,                 /* a JS line terminator */
    GOOD_HEAD "\"agent\":\"\\u0000\"," GOOD_TAIL,                   /* NUL */
    GOOD_HEAD "\"agent\":\"\"," GOOD_TAIL,                          /* empty */
    GOOD_HEAD "\"agent\":7," GOOD_TAIL,                             /* not a string */
    GOOD_HEAD "\"agent\":{\"a\":{\"b\":[1]}}," GOOD_TAIL,           /* too deep */
    GOOD_HEAD "\"agent\":\"a\",\"extra\":1," GOOD_TAIL,             /* unknown member */
    GOOD_HEAD "\"agent\":\"a\",\"webhook\":\"javascript:alert(1)\"," GOOD_TAIL,
    GOOD_HEAD "\"agent\":\"a\",\"voice\":\"VoxEngine.terminate\"," GOOD_TAIL,
    "// govorun-manifest: {\"v\":1,\"agent\":\"a\",\"slug\":\"../x\",\"engine\":\"elevenlabs\",\"el_agent\":\"x1\","
    "\"modes\":[\"inbound\"],\"numbers\":[{\"id\":1,\"number\":\"74951234567\"}]," GOOD_TAIL,
    "// govorun-manifest: {\"v\":1,\"agent\":\"a\",\"slug\":\"a\",\"engine\":\"python\",\"el_agent\":\"x1\","
    "\"modes\":[\"inbound\"],\"numbers\":[{\"id\":1,\"number\":\"74951234567\"}]," GOOD_TAIL,
    "// govorun-manifest: {\"v\":1,\"agent\":\"a\",\"slug\":\"a\",\"engine\":\"elevenlabs\",\"el_agent\":\"x1\","
    "\"modes\":[\"inbound\",\"inbound\"],\"numbers\":[{\"id\":1,\"number\":\"74951234567\"}]," GOOD_TAIL,
    "// govorun-manifest: {\"v\":1,\"agent\":\"a\",\"slug\":\"a\",\"engine\":\"elevenlabs\",\"el_agent\":\"x1\","
    "\"modes\":[\"inbound\"],\"numbers\":[{\"id\":-1,\"number\":\"74951234567\"}]," GOOD_TAIL,
    "// govorun-manifest: {\"v\":1,\"agent\":\"a\",\"slug\":\"a\",\"engine\":\"elevenlabs\",\"el_agent\":\"x1\","
    "\"modes\":[\"inbound\"],\"numbers\":[{\"id\":1,\"number\":\"7495ABC\"}]," GOOD_TAIL,
    "// govorun-manifest: {\"v\":1,\"agent\":\"a\",\"slug\":\"a\",\"engine\":\"elevenlabs\",\"el_agent\":\"x1\","
    "\"modes\":[\"inbound\"],\"numbers\":[]," GOOD_TAIL,
    "// govorun-manifest: {\"v\":1,\"agent\":\"a\",\"slug\":\"a\",\"engine\":\"elevenlabs\",\"el_agent\":\"x1\","
    "\"modes\":[\"inbound\"],\"numbers\":[{\"id\":1.5,\"number\":\"74951234567\"}]," GOOD_TAIL,
    GOOD_HEAD "\"agent\":\"a\",\"record\":true,\"key_in_scenario\":false,\"generator\":\"G\",\"revision\":0,"
    "\"computer\":\"abc\",\"host\":\"pc\",\"time\":1}",
    GOOD_HEAD "\"agent\":\"a\",\"record\":true,\"key_in_scenario\":false,\"generator\":\"G\",\"revision\":\"2\","
    "\"computer\":\"abc\",\"host\":\"pc\",\"time\":1}",
    GOOD_HEAD "\"agent\":\"a\",\"record\":true,\"key_in_scenario\":false,\"generator\":\"G\",\"revision\":2,"
    "\"computer\":\"a b\",\"host\":\"pc\",\"time\":1}",
    GOOD_HEAD "\"agent\":\"a\",\"record\":true,\"key_in_scenario\":false,\"generator\":\"G\",\"revision\":2,"
    "\"computer\":\"abc\",\"host\":\"p\\u001bc\",\"time\":1}",
    GOOD_HEAD "\"agent\":\"a\",\"record\":1,\"key_in_scenario\":false,\"generator\":\"G\",\"revision\":2,"
    "\"computer\":\"abc\",\"host\":\"pc\",\"time\":1}",
    GOOD_HEAD "\"agent\":\"a\"," GOOD_TAIL " trailing",
    "// govorun-manifest: [1,2,3]",
    "// govorun-manifest: ",
    "// govorun-manifest: {\"v\":\"1\"}",
  };
  g_autoptr(GString) big = g_string_new (GOOD_HEAD "\"agent\":\"");

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GovorunScenarioManifest) m = govorun_scenario_manifest_parse (hostile[i], -1, &error);

      g_test_message ("hostile %u", i);
      g_assert_null (m);
      g_assert_error (error, GOVORUN_SCENARIO_MANIFEST_ERROR, GOVORUN_SCENARIO_MANIFEST_ERROR_INVALID);
    }

  /* The good one passes: the cases above fail for their one change. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GovorunScenarioManifest) m = govorun_scenario_manifest_parse (GOOD_HEAD "\"agent\":\"a\"," GOOD_TAIL,
                                                                             -1, &error);
    g_assert_no_error (error);
    g_assert_nonnull (m);
  }

  /* Over the size limit. */
  for (guint i = 0; i < GOVORUN_SCENARIO_MANIFEST_MAX_BYTES; i++)
    g_string_append_c (big, 'a');
  g_string_append (big, "\"," GOOD_TAIL);
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (govorun_scenario_manifest_parse (big->str, big->len, &error));
    g_assert_error (error, GOVORUN_SCENARIO_MANIFEST_ERROR, GOVORUN_SCENARIO_MANIFEST_ERROR_INVALID);
  }

  /* A newer Govorun's manifest says so. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (govorun_scenario_manifest_parse ("// govorun-manifest: {\"v\":2,\"anything\":[]}\n", -1, &error));
    g_assert_error (error, GOVORUN_SCENARIO_MANIFEST_ERROR, GOVORUN_SCENARIO_MANIFEST_ERROR_NEWER);
  }
}

/* What the writer is given is checked as strictly as what is read. */
static void
test_writer_refuses (void)
{
  g_autoptr(GovorunScenarioManifest) m = manifest_for (&agent_kinds[0]);
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  g_free (m->host);
  m->host = g_strdup ("pc\nVoxEngine.terminate();");
  line = govorun_scenario_manifest_to_line (m, &error);
  g_assert_null (line);
  g_assert_error (error, GOVORUN_SCENARIO_MANIFEST_ERROR, GOVORUN_SCENARIO_MANIFEST_ERROR_INVALID);

  g_clear_error (&error);
  g_free (m->host);
  m->host = g_strdup ("pc");
  for (guint i = 0; i < GOVORUN_SCENARIO_MANIFEST_MAX_NUMBERS; i++)
    govorun_scenario_manifest_add_number (m, 1000 + i, "74950000000");
  g_assert_null (govorun_scenario_manifest_to_line (m, &error));
  g_assert_error (error, GOVORUN_SCENARIO_MANIFEST_ERROR, GOVORUN_SCENARIO_MANIFEST_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Govorun/ScenarioManifest/round-trip", test_round_trip);
  g_test_add_func ("/Govorun/ScenarioManifest/same-script", test_same_script);
  g_test_add_func ("/Govorun/ScenarioManifest/not-govorun", test_not_govorun);
  g_test_add_func ("/Govorun/ScenarioManifest/hostile", test_hostile);
  g_test_add_func ("/Govorun/ScenarioManifest/writer-refuses", test_writer_refuses);

  return g_test_run ();
}
