/* test-agent-analysis.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GovorunAgentAnalysis and the analysis templates against the sandbox's
 * ElevenLabs emulator (a saved account, its key in a throwaway keyring):
 * a template is one PATCH of only platform_settings.evaluation and
 * .data_collection, a second apply sends nothing, edits round-trip, privacy
 * and the first message are PATCHed alone, and errors keep their kind.
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "govorun-agent-analysis.h"
#include "govorun-analysis-templates.h"
#include "govorun-first-message.h"
#include "govorun-sandbox.h"
#include "sandbox-services.h"

typedef struct
{
  SandboxServices            s;
  GovorunElevenlabsEmulator *emulator;
  GovorunAgentAnalysis      *analysis;
  GovorunAccount            *account;
  char                      *agent_id;
  GAsyncResult              *result;
} Fixture;

/* An agent that already has one criterion and one field of its own; the
 * field carries members Govorun does not edit. */
static const char seeded[] =
  "{\"evaluation\":{\"criteria\":[{\"id\":\"polite\",\"name\":\"Polite\",\"type\":\"prompt\","
  "\"conversation_goal_prompt\":\"The agent was polite.\",\"use_knowledge_base\":false}]},"
  "\"data_collection\":{\"branch\":{\"type\":\"string\",\"description\":\"Which branch\","
  "\"enum\":[\"north\",\"south\"]}}}";

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GovorunAccount) draft = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);

  sandbox_services_start (&f->s);
  govorun_http_set_retry (f->s.http, 1, 1);
  f->emulator = govorun_sandbox_get_elevenlabs (f->s.sandbox);
  f->analysis = govorun_agent_analysis_new (f->s.factory, f->s.accounts, f->s.store);
  govorun_account_set_display_name (draft, "Analysis");
  f->account = sandbox_services_add_account (&f->s, draft, GOVORUN_SANDBOX_EL_API_KEY);
  f->agent_id = govorun_elevenlabs_emulator_add_agent (f->emulator, "Клиника", "Здравствуйте! Чем могу помочь?", "ru");
  g_assert_true (govorun_elevenlabs_emulator_set_agent_platform_settings (f->emulator, f->agent_id, seeded));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->account);
  g_clear_object (&f->analysis);
  g_clear_object (&f->result);
  g_free (f->agent_id);
  sandbox_services_stop (&f->s);
}

static GovorunAnalysisSettings *
load (Fixture  *f,
      GError  **error)
{
  GovorunAnalysisSettings *settings;

  govorun_agent_analysis_load_async (f->analysis, f->account, f->agent_id, NULL, test_util_on_result, &f->result);
  settings = govorun_agent_analysis_load_finish (f->analysis, test_util_wait (&f->result), error);
  g_clear_object (&f->result);
  return settings;
}

static GovorunAnalysisSettings *
save (Fixture                       *f,
      const GovorunAnalysisSettings *read,
      const GovorunAnalysisSettings *wanted,
      gboolean                      *out_sent,
      GError                       **error)
{
  GovorunAnalysisSettings *settings;

  govorun_agent_analysis_save_async (f->analysis, f->account, f->agent_id, read, wanted, NULL,
                                     test_util_on_result, &f->result);
  settings = govorun_agent_analysis_save_finish (f->analysis, test_util_wait (&f->result), out_sent, error);
  g_clear_object (&f->result);
  return settings;
}

static guint
patch_count (Fixture *f)
{
  guint count = 0;
  g_autofree char *body = govorun_elevenlabs_emulator_dup_last_agent_patch (f->emulator, &count);

  return count;
}

/* The last PATCH body, parsed. */
static JsonObject *
last_patch (Fixture *f)
{
  g_autofree char *body = govorun_elevenlabs_emulator_dup_last_agent_patch (f->emulator, NULL);
  g_autoptr(JsonNode) root = NULL;

  g_assert_nonnull (body);
  root = json_from_string (body, NULL);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

/* @object's member names, sorted and joined with commas. */
static char *
members (JsonObject *object)
{
  g_autoptr(GList) names = json_object_get_members (object);
  g_autoptr(GString) text = g_string_new (NULL);

  names = g_list_sort (names, (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "," : "", (const char *) l->data);
  return g_strdup (text->str);
}

static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunAnalysisSettings) settings = load (f, &error);
  GovorunAnalysisCriterion *criterion;
  GovorunAnalysisField *field;

  g_assert_no_error (error);
  g_assert_cmpuint (settings->criteria->len, ==, 1);
  criterion = g_ptr_array_index (settings->criteria, 0);
  g_assert_cmpstr (criterion->id, ==, "polite");
  g_assert_cmpstr (criterion->name, ==, "Polite");
  g_assert_cmpstr (criterion->prompt, ==, "The agent was polite.");
  g_assert_cmpuint (settings->fields->len, ==, 1);
  field = g_ptr_array_index (settings->fields, 0);
  g_assert_cmpstr (field->name, ==, "branch");
  g_assert_cmpstr (field->type, ==, GOVORUN_DATA_TYPE_STRING);
  g_assert_cmpint (settings->privacy.retention_days, ==, -1);
  g_assert_false (settings->privacy.delete_audio);
  g_assert_cmpstr (settings->first_message, ==, "Здравствуйте! Чем могу помочь?");
  g_assert_cmpstr (settings->language, ==, "ru");
}

static void
test_template_patch (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunAnalysisSettings) read = load (f, &error);
  g_autoptr(GovorunAnalysisSettings) wanted = NULL;
  g_autoptr(GovorunAnalysisSettings) saved = NULL;
  g_autoptr(GovorunAnalysisSettings) again = NULL;
  g_autoptr(GovorunAnalysisSettings) unchanged = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *top = NULL;
  g_autofree char *platform = NULL;
  JsonObject *fields;
  gboolean sent = FALSE;
  guint before;

  g_assert_no_error (error);
  wanted = govorun_analysis_template_apply ("clinic", read, &changes);
  g_assert_true (govorun_analysis_changes_any (changes));
  /* 3 criteria and 6 fields added, the agent's own two kept */
  g_assert_cmpuint (changes->len, ==, 11);
  for (guint i = 0; i < 9; i++)
    g_assert_cmpint (((GovorunAnalysisChange *) g_ptr_array_index (changes, i))->kind, ==,
                     GOVORUN_ANALYSIS_CHANGE_ADDED);
  g_assert_cmpint (((GovorunAnalysisChange *) g_ptr_array_index (changes, 9))->kind, ==, GOVORUN_ANALYSIS_CHANGE_KEPT);
  g_assert_cmpint (((GovorunAnalysisChange *) g_ptr_array_index (changes, 10))->kind, ==, GOVORUN_ANALYSIS_CHANGE_KEPT);

  before = patch_count (f);
  saved = save (f, read, wanted, &sent, &error);
  g_assert_no_error (error);
  g_assert_true (sent);
  g_assert_cmpuint (patch_count (f), ==, before + 1);

  /* Only the analysis fields went out. */
  body = last_patch (f);
  top = members (body);
  g_assert_cmpstr (top, ==, "platform_settings");
  platform = members (json_object_get_object_member (body, "platform_settings"));
  g_assert_cmpstr (platform, ==, "data_collection,evaluation");
  fields = json_object_get_object_member (json_object_get_object_member (body, "platform_settings"), "data_collection");
  g_assert_true (json_object_has_member (fields, "urgency"));
  /* the agent's field went back with what Govorun does not edit */
  g_assert_true (json_object_has_member (json_object_get_object_member (fields, "branch"), "enum"));

  /* What ElevenLabs holds now: the template and what the agent had. */
  g_assert_cmpuint (saved->criteria->len, ==, 4);
  g_assert_nonnull (govorun_analysis_settings_find_criterion (saved, "polite"));
  g_assert_nonnull (govorun_analysis_settings_find_criterion (saved, "robot_disclosed"));
  g_assert_cmpuint (saved->fields->len, ==, 7);
  g_assert_nonnull (govorun_analysis_settings_find_field (saved, "branch"));
  g_assert_nonnull (govorun_analysis_settings_find_field (saved, "appointment_date"));

  /* A second apply changes nothing and sends nothing. */
  again = govorun_analysis_template_apply ("clinic", saved, &second);
  g_assert_false (govorun_analysis_changes_any (second));
  unchanged = save (f, saved, again, &sent, &error);
  g_assert_no_error (error);
  g_assert_false (sent);
  g_assert_cmpuint (patch_count (f), ==, before + 1);
  g_assert_true (govorun_analysis_criteria_equal (unchanged, saved));
}

/* Another template over the first replaces the prompts that differ. */
static void
test_template_replaces (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GovorunAnalysisSettings) empty = govorun_analysis_settings_new ();
  g_autoptr(GovorunAnalysisSettings) clinic = govorun_analysis_template_apply ("clinic", empty, NULL);
  g_autoptr(GovorunAnalysisSettings) hotel = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  guint replaced = 0, kept = 0;

  hotel = govorun_analysis_template_apply ("hotel", clinic, &changes);
  for (guint i = 0; i < changes->len; i++)
    {
      GovorunAnalysisChange *change = g_ptr_array_index (changes, i);

      replaced += change->kind == GOVORUN_ANALYSIS_CHANGE_REPLACED;
      kept += change->kind == GOVORUN_ANALYSIS_CHANGE_KEPT;
      g_assert_cmpint (change->kind, !=, GOVORUN_ANALYSIS_CHANGE_ADDED);
    }
  /* goal prompt, outcome, date and need differ; the rest is shared */
  g_assert_cmpuint (replaced, ==, 4);
  g_assert_cmpuint (kept, ==, 5);
  g_assert_cmpuint (hotel->criteria->len, ==, 3);

  for (const char * const *id = govorun_analysis_template_ids (); *id != NULL; id++)
    {
      g_autoptr(GovorunAnalysisSettings) applied = govorun_analysis_template_apply (*id, empty, NULL);

      g_assert_nonnull (govorun_analysis_template_title (*id));
      g_assert_cmpuint (applied->criteria->len, ==, 3);
      g_assert_cmpuint (applied->fields->len, ==, 6);
    }
  g_assert_null (govorun_analysis_template_apply ("nope", empty, NULL));
}

static void
test_edit_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunAnalysisSettings) read = load (f, &error);
  g_autoptr(GovorunAnalysisSettings) wanted = NULL;
  g_autoptr(GovorunAnalysisSettings) saved = NULL;
  g_autoptr(GovorunAnalysisSettings) reloaded = NULL;
  GovorunAnalysisCriterion *criterion;

  g_assert_no_error (error);
  wanted = govorun_analysis_settings_copy (read);
  criterion = g_ptr_array_index (wanted->criteria, 0);
  g_free (criterion->name);
  criterion->name = g_strdup ("Вежливость");
  g_ptr_array_add (wanted->criteria, govorun_analysis_criterion_new ("callback", "Перезвонить", "Клиент просил перезвонить."));
  g_ptr_array_remove_index (wanted->fields, 0);
  g_ptr_array_add (wanted->fields, govorun_analysis_field_new ("visits", GOVORUN_DATA_TYPE_INTEGER, "Сколько раз клиент был у нас"));
  g_ptr_array_add (wanted->fields, govorun_analysis_field_new ("vip", GOVORUN_DATA_TYPE_BOOLEAN, "Постоянный клиент"));

  saved = save (f, read, wanted, NULL, &error);
  g_assert_no_error (error);
  reloaded = load (f, &error);
  g_assert_no_error (error);
  g_assert_true (govorun_analysis_criteria_equal (reloaded, wanted));
  g_assert_true (govorun_analysis_fields_equal (reloaded, wanted));
  g_assert_null (govorun_analysis_settings_find_field (reloaded, "branch"));
}

static void
test_privacy (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunAnalysisSettings) read = load (f, &error);
  g_autoptr(GovorunAnalysisSettings) wanted = NULL;
  g_autoptr(GovorunAnalysisSettings) saved = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *top = NULL;
  g_autofree char *platform = NULL;
  g_autofree char *privacy = NULL;

  g_assert_no_error (error);
  wanted = govorun_analysis_settings_copy (read);
  wanted->privacy.retention_days = 30;
  wanted->privacy.delete_audio = TRUE;
  wanted->privacy.delete_transcript_and_pii = TRUE;

  saved = save (f, read, wanted, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->privacy.retention_days, ==, 30);
  g_assert_true (saved->privacy.delete_audio);
  g_assert_true (saved->privacy.delete_transcript_and_pii);
  /* what the agent had is untouched */
  g_assert_cmpuint (saved->criteria->len, ==, 1);

  body = last_patch (f);
  top = members (body);
  g_assert_cmpstr (top, ==, "platform_settings");
  platform = members (json_object_get_object_member (body, "platform_settings"));
  g_assert_cmpstr (platform, ==, "privacy");
  privacy = members (json_object_get_object_member (json_object_get_object_member (body, "platform_settings"), "privacy"));
  g_assert_cmpstr (privacy, ==, "delete_audio,delete_transcript_and_pii,retention_days");
}

static void
test_first_message (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunAnalysisSettings) read = load (f, &error);
  g_autoptr(GovorunAnalysisSettings) wanted = NULL;
  g_autoptr(GovorunAnalysisSettings) saved = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *top = NULL;
  g_autofree char *config = NULL;
  g_autofree char *agent = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (govorun_first_message_check (read->first_message), !=, GOVORUN_FIRST_MESSAGE_OK);
  wanted = govorun_analysis_settings_copy (read);
  g_free (wanted->first_message);
  wanted->first_message = govorun_first_message_fix (read->first_message, read->language);

  saved = save (f, read, wanted, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (govorun_first_message_check (saved->first_message), ==, GOVORUN_FIRST_MESSAGE_OK);

  body = last_patch (f);
  top = members (body);
  g_assert_cmpstr (top, ==, "conversation_config");
  config = members (json_object_get_object_member (body, "conversation_config"));
  g_assert_cmpstr (config, ==, "agent");
  agent = members (json_object_get_object_member (json_object_get_object_member (body, "conversation_config"), "agent"));
  g_assert_cmpstr (agent, ==, "first_message");
}

static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunAnalysisSettings) read = load (f, &error);
  g_autoptr(GovorunAnalysisSettings) wanted = NULL;
  g_autoptr(GovorunAnalysisSettings) saved = NULL;
  guint before;

  g_assert_no_error (error);
  wanted = govorun_analysis_settings_copy (read);
  g_ptr_array_add (wanted->fields, govorun_analysis_field_new ("when", "date", "Когда"));
  before = patch_count (f);
  saved = save (f, read, wanted, NULL, &error);
  g_assert_null (saved);
  g_assert_error (error, GOVORUN_AGENT_ANALYSIS_ERROR, GOVORUN_AGENT_ANALYSIS_ERROR_INVALID_VALUE);
  g_assert_cmpuint (patch_count (f), ==, before);

  /* two fields with one name */
  g_clear_error (&error);
  g_ptr_array_set_size (wanted->fields, 1);
  g_ptr_array_add (wanted->fields, govorun_analysis_field_new ("branch", "string", "again"));
  saved = save (f, read, wanted, NULL, &error);
  g_assert_error (error, GOVORUN_AGENT_ANALYSIS_ERROR, GOVORUN_AGENT_ANALYSIS_ERROR_INVALID_VALUE);
  g_assert_cmpuint (patch_count (f), ==, before);
}

static void
add_fault (Fixture    *f,
           const char *method,
           guint       http_status)
{
  GovorunFault fault = { 0 };

  fault.http_status = http_status;
  fault.times = 1;
  govorun_emulator_add_fault (GOVORUN_EMULATOR (f->emulator), method, &fault);
}

/* Leaves the answer alone and makes the next GET of the agent fail. */
static void
arm_reread_fault (JsonObject *answer,
                  gpointer    emulator)
{
  GovorunFault fault = { 0 };

  fault.http_status = 500;
  fault.times = 1;
  govorun_emulator_add_fault (GOVORUN_EMULATOR (emulator), "GET /v1/convai/agents/{id}", &fault);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunAnalysisSettings) read = load (f, &error);
  g_autoptr(GovorunAnalysisSettings) wanted = NULL;
  g_autoptr(GovorunAnalysisSettings) saved = NULL;
  g_autoptr(GovorunAnalysisSettings) missing = NULL;
  gboolean sent = TRUE;

  g_assert_no_error (error);
  wanted = govorun_analysis_settings_copy (read);
  wanted->privacy.retention_days = 7;

  add_fault (f, "PATCH /v1/convai/agents/{id}", 500);
  saved = save (f, read, wanted, &sent, &error);
  g_assert_null (saved);
  g_assert_false (sent);
  g_assert_error (error, GOVORUN_AGENT_ANALYSIS_ERROR, GOVORUN_AGENT_ANALYSIS_ERROR_UNAVAILABLE);
  g_clear_error (&error);

  /* Accepted, then the re-read fails: still a success, from the PATCH
   * answer. (The read before the PATCH, the check for a change made
   * elsewhere, must pass: the fault is armed by the PATCH's answer.) */
  {
    GovorunFault arm = { 0 };

    arm.after_handling = TRUE;
    arm.edit_answer = arm_reread_fault;
    arm.edit_data = f->emulator;
    govorun_emulator_add_fault (GOVORUN_EMULATOR (f->emulator), "PATCH /v1/convai/agents/{id}", &arm);
  }
  saved = save (f, read, wanted, &sent, &error);
  g_assert_no_error (error);
  g_assert_true (sent);
  g_assert_cmpint (saved->privacy.retention_days, ==, 7);

  g_free (f->agent_id);
  f->agent_id = g_strdup ("agent_missing");
  missing = load (f, &error);
  g_assert_null (missing);
  g_assert_error (error, GOVORUN_AGENT_ANALYSIS_ERROR, GOVORUN_AGENT_ANALYSIS_ERROR_NOT_FOUND);
}

/* Two computers: B saves after A read; A's save is refused and sends
 * nothing; Load Their Version and Replace Theirs; what a computer read is
 * remembered in its store, so a new service over it still knows. */
static void
test_changed_elsewhere (Fixture       *f,
                        gconstpointer  data)
{
  SandboxServices b = { 0 };
  g_autoptr(GovorunAccount) draft = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  g_autoptr(GovorunAccount) account_b = NULL;
  g_autoptr(GovorunAgentAnalysis) analysis_b = NULL;
  g_autoptr(GovorunAnalysisSettings) read_a = NULL;
  g_autoptr(GovorunAnalysisSettings) read_b = NULL;
  g_autoptr(GovorunAnalysisSettings) wanted_a = NULL;
  g_autoptr(GovorunAnalysisSettings) wanted_b = NULL;
  g_autoptr(GovorunAnalysisSettings) saved = NULL;
  g_autoptr(GovorunAnalysisSettings) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  gboolean sent = TRUE;
  guint before;

  sandbox_services_start_on (&b, f->s.sandbox, "analysis-b");
  govorun_account_set_display_name (draft, "ElevenLabs");
  account_b = sandbox_services_add_account (&b, draft, GOVORUN_SANDBOX_EL_API_KEY);
  analysis_b = govorun_agent_analysis_new (b.factory, b.accounts, b.store);

  read_a = load (f, &error);
  g_assert_no_error (error);
  govorun_agent_analysis_load_async (analysis_b, account_b, f->agent_id, NULL, test_util_on_result, &f->result);
  read_b = govorun_agent_analysis_load_finish (analysis_b, test_util_wait (&f->result), &error);
  g_assert_no_error (error);
  g_clear_object (&f->result);
  fingerprint = govorun_agent_analysis_fingerprint (read_a);
  g_assert_cmpuint (strlen (fingerprint), ==, 64);
  {
    g_autofree char *same = govorun_agent_analysis_fingerprint (read_b);

    g_assert_cmpstr (fingerprint, ==, same);
  }

  /* B saves a change. */
  wanted_b = govorun_analysis_settings_copy (read_b);
  wanted_b->privacy.retention_days = 7;
  govorun_agent_analysis_save_async (analysis_b, account_b, f->agent_id, read_b, wanted_b, NULL,
                                     test_util_on_result, &f->result);
  saved = govorun_agent_analysis_save_finish (analysis_b, test_util_wait (&f->result), &sent, &error);
  g_assert_no_error (error);
  g_assert_true (sent);
  g_clear_object (&f->result);
  g_clear_pointer (&saved, govorun_analysis_settings_free);

  /* A's save, from what it read before, is refused: nothing is sent. */
  before = patch_count (f);
  wanted_a = govorun_analysis_settings_copy (read_a);
  wanted_a->privacy.retention_days = 30;
  saved = save (f, read_a, wanted_a, &sent, &error);
  g_assert_null (saved);
  g_assert_false (sent);
  g_assert_error (error, GOVORUN_AGENT_ANALYSIS_ERROR, GOVORUN_AGENT_ANALYSIS_ERROR_CHANGED_ELSEWHERE);
  g_clear_error (&error);
  g_assert_cmpuint (patch_count (f), ==, before);

  /* Load Their Version: B's change, now the one A read. */
  theirs = load (f, &error);
  g_assert_no_error (error);
  g_assert_cmpint (theirs->privacy.retention_days, ==, 7);

  /* Replace Theirs: A's change on top of theirs is saved. */
  g_clear_pointer (&wanted_a, govorun_analysis_settings_free);
  wanted_a = govorun_analysis_settings_copy (theirs);
  wanted_a->privacy.retention_days = 30;
  saved = save (f, theirs, wanted_a, &sent, &error);
  g_assert_no_error (error);
  g_assert_true (sent);
  g_assert_cmpint (saved->privacy.retention_days, ==, 30);
  g_clear_pointer (&saved, govorun_analysis_settings_free);

  /* B's next save — even from a new service over B's store — is refused. */
  g_clear_object (&analysis_b);
  analysis_b = govorun_agent_analysis_new (b.factory, b.accounts, b.store);
  g_clear_pointer (&read_b, govorun_analysis_settings_free);
  read_b = govorun_analysis_settings_copy (wanted_b);  /* what B's page still shows */
  g_clear_pointer (&wanted_b, govorun_analysis_settings_free);
  wanted_b = govorun_analysis_settings_copy (read_b);
  wanted_b->privacy.retention_days = 90;
  govorun_agent_analysis_save_async (analysis_b, account_b, f->agent_id, read_b, wanted_b, NULL,
                                     test_util_on_result, &f->result);
  saved = govorun_agent_analysis_save_finish (analysis_b, test_util_wait (&f->result), &sent, &error);
  g_assert_null (saved);
  g_assert_error (error, GOVORUN_AGENT_ANALYSIS_ERROR, GOVORUN_AGENT_ANALYSIS_ERROR_CHANGED_ELSEWHERE);
  g_clear_object (&f->result);

  g_clear_object (&analysis_b);
  sandbox_services_stop (&b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/Govorun/AgentAnalysis/load", test_load);
  ADD ("/Govorun/AgentAnalysis/template-patch", test_template_patch);
  ADD ("/Govorun/AgentAnalysis/template-replaces", test_template_replaces);
  ADD ("/Govorun/AgentAnalysis/edit-round-trip", test_edit_round_trip);
  ADD ("/Govorun/AgentAnalysis/privacy", test_privacy);
  ADD ("/Govorun/AgentAnalysis/first-message", test_first_message);
  ADD ("/Govorun/AgentAnalysis/invalid", test_invalid);
  ADD ("/Govorun/AgentAnalysis/changed-elsewhere", test_changed_elsewhere);
  ADD ("/Govorun/AgentAnalysis/errors", test_errors);

  return g_test_run ();
}
