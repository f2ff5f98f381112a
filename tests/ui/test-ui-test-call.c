/* test-ui-test-call.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Talk to Agent and Call My Phone in the sandbox, in English and Russian:
 * the conversation shows its transcript and ends cleanly; Call My Phone
 * shows the call's progress and its result. A WAV file is the microphone.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "govorun-phone-call-dialog.h"
#include "govorun-services-private.h"
#include "govorun-test-call-window.h"
#include "test-call-agent.h"
#include "test-util.h"
#include "test-wav.h"
#include "ui-app.h"
#include "ui-helpers.h"

static const char *
account_uuid (GovorunServices    *services,
              GovorunAccountKind  kind)
{
  GListModel *accounts = G_LIST_MODEL (govorun_services_get_accounts (services));

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(GovorunAccount) account = g_list_model_get_item (accounts, i);

      if (govorun_account_get_kind (account) == kind)
        return govorun_account_get_uuid (account);
    }
  g_assert_not_reached ();
}

/* A provisioned agent on the sandbox's accounts that calls out, linked to
 * a fresh ElevenLabs agent greeting with a dynamic variable. */
static GovorunAgent *
make_agent (GovorunServices *services,
            GovorunSandbox  *sandbox)
{
  GovorunElevenlabsEmulator *el = govorun_sandbox_get_elevenlabs (sandbox);
  GovorunVoximplantEmulator *vox = govorun_sandbox_get_voximplant (sandbox);
  g_autofree char *el_agent = NULL;

  el_agent = govorun_elevenlabs_emulator_add_agent (el, ui_app_is_russian () ? "Тестовый звонок" : "Test Call",
                                                    ui_app_is_russian () ? "Здравствуйте, {{customer_name}}!"
                                                                         : "Hello {{customer_name}}!",
                                                    ui_app_is_russian () ? "ru" : "en");
  govorun_elevenlabs_emulator_set_conversation_timing (el, 500, 400, 25);
  govorun_voximplant_emulator_set_run_timing (vox, 1500, 3000);
  return test_call_agent_new (services, sandbox, ui_app_is_russian () ? "Регистратура" : "Reception",
                              account_uuid (services, GOVORUN_ACCOUNT_KIND_VOXIMPLANT),
                              account_uuid (services, GOVORUN_ACCOUNT_KIND_ELEVENLABS),
                              el_agent, "74951239999", TRUE, TRUE);
}

static GovorunTestCall *the_call;

static gboolean
agent_answered (gpointer data)
{
  GListModel *lines = govorun_test_call_get_transcript (the_call);

  /* The greeting, the user's line and the agent's answer. */
  return g_list_model_get_n_items (lines) >= 3;
}

static gboolean
call_over (gpointer data)
{
  return govorun_test_call_get_state (the_call) == GOVORUN_TEST_CALL_ENDED;
}

static GovorunPhoneTestCall *the_phone_call;

static gboolean
phone_answered (gpointer data)
{
  return govorun_phone_test_call_get_state (the_phone_call) == GOVORUN_PHONE_TEST_CALL_ANSWERED;
}

static gboolean
phone_finished (gpointer data)
{
  return govorun_phone_test_call_get_state (the_phone_call) == GOVORUN_PHONE_TEST_CALL_FINISHED;
}

static void
talk_to_agent (GovorunServices *services,
               GovorunAgent    *agent,
               const char      *dir)
{
  const guint pattern[] = { 2500, 700, 3000, 0 };
  g_autoptr(GBytes) voice = test_wav_voice (16000, pattern);
  g_autofree char *wav = g_build_filename (dir, "mic.wav", NULL);
  g_autofree char *source = g_strdup_printf ("filesrc location=\"%s\" ! wavparse", wav);
  const char *lang = ui_app_is_russian () ? "-ru" : "";
  g_autofree char *shot = NULL;
  GtkWidget *window;
  GtkWidget *start;

  test_wav_write (wav, 16000, voice);
  g_setenv ("GOVORUN_AUDIO_SOURCE", source, TRUE);

  window = GTK_WIDGET (govorun_test_call_window_new (ui_app_main_window (), govorun_services_get_test_calls (services), agent));
  gtk_window_present (GTK_WINDOW (window));
  the_call = govorun_test_call_window_get_call (GOVORUN_TEST_CALL_WINDOW (window));

  /* The variables first: the agent's one, to fill in. */
  start = ui_wait_widget (window, GTK_TYPE_BUTTON, _("_Start Conversation"));
  ui_wait_sensitive (start);
  {
    /* The one variable's row (its title has an underscore, which the
     * helpers read as a mnemonic). */
    GtkWidget *row = ui_wait_widget (window, ADW_TYPE_ENTRY_ROW, NULL);

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "customer_name");
    gtk_editable_set_text (GTK_EDITABLE (row), ui_app_is_russian () ? "Анна" : "Anna");
  }
  shot = g_strdup_printf ("test-call-variables%s.png", lang);
  screenshot (window, shot);
  click (window, _("_Start Conversation"));

  g_assert_true (wait_until (agent_answered, NULL, 30000));
  settle (300);
  {
    /* Every control of the call page has a name a screen reader reads. */
    g_autoptr(GString) unnamed = g_string_new (NULL);

    collect_unnamed_controls (window, "Talk to Agent", unnamed);
    g_assert_cmpstr (unnamed->str, ==, "");
  }
  g_clear_pointer (&shot, g_free);
  shot = g_strdup_printf ("test-call-transcript%s.png", lang);
  screenshot (window, shot);
  ui_wait_widget (window, GTK_TYPE_LABEL, ui_app_is_russian () ? "Здравствуйте, Анна!" : "Hello Anna!");

  /* Mute and the volume act on the call. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_widget (window, GTK_TYPE_TOGGLE_BUTTON, _("Mute Microphone"))), TRUE);
  g_assert_true (govorun_test_call_get_muted (the_call));

  click (window, _("_Hang Up"));
  g_assert_true (wait_until (call_over, NULL, 10000));
  ui_wait_widget (window, GTK_TYPE_LABEL, _("Call ended"));
  g_assert_false (gtk_widget_get_sensitive (find_widget (window, GTK_TYPE_BUTTON, _("_Hang Up"))));
  g_clear_pointer (&shot, g_free);
  shot = g_strdup_printf ("test-call-ended%s.png", lang);
  screenshot (window, shot);
  gtk_window_close (GTK_WINDOW (window));
  ui_wait_closed (GOVORUN_TYPE_TEST_CALL_WINDOW);
  the_call = NULL;
}

static void
call_my_phone (GovorunServices *services,
               GovorunAgent    *agent)
{
  const char *lang = ui_app_is_russian () ? "-ru" : "";
  g_autofree char *shot = NULL;
  GtkWidget *dialog;
  GtkWidget *again;

  dialog = GTK_WIDGET (govorun_phone_call_dialog_new (ui_app_main_window (), govorun_services_get_test_calls (services), agent));
  gtk_window_present (GTK_WINDOW (dialog));
  the_phone_call = govorun_phone_call_dialog_get_call (GOVORUN_PHONE_CALL_DIALOG (dialog));

  /* A number that is not one: said in the dialog, nothing is called. */
  type_into (dialog, _("Your Phone Number"), "12");
  click (dialog, _("_Call"));
  settle (300);
  g_assert_cmpint (govorun_phone_test_call_get_state (the_phone_call), ==, GOVORUN_PHONE_TEST_CALL_IDLE);

  type_into (dialog, _("Your Phone Number"), "8 916 123-45-67");
  click (dialog, _("_Call"));
  g_assert_true (wait_until (phone_answered, NULL, 20000));
  {
    g_autoptr(GString) unnamed = g_string_new (NULL);

    collect_unnamed_controls (dialog, "Call My Phone", unnamed);
    g_assert_cmpstr (unnamed->str, ==, "");
  }
  ui_wait_widget (dialog, ADW_TYPE_ACTION_ROW, _("Answered — talk to the agent"));
  shot = g_strdup_printf ("call-my-phone-answered%s.png", lang);
  screenshot (dialog, shot);

  g_assert_true (wait_until (phone_finished, NULL, 20000));
  ui_wait_widget (dialog, ADW_TYPE_ACTION_ROW, _("The call is over"));
  again = ui_wait_widget (dialog, GTK_TYPE_BUTTON, _("Call _Again"));
  g_assert_true (gtk_widget_get_sensitive (again));
  settle (300);
  g_clear_pointer (&shot, g_free);
  shot = g_strdup_printf ("call-my-phone-finished%s.png", lang);
  screenshot (dialog, shot);
  gtk_window_close (GTK_WINDOW (dialog));
  ui_wait_closed (GOVORUN_TYPE_PHONE_CALL_DIALOG);
  the_phone_call = NULL;

  /* The number is remembered for next time. */
  dialog = GTK_WIDGET (govorun_phone_call_dialog_new (ui_app_main_window (), govorun_services_get_test_calls (services), agent));
  gtk_window_present (GTK_WINDOW (dialog));
  {
    GtkWidget *row = ui_wait_widget (dialog, ADW_TYPE_ENTRY_ROW, _("Your Phone Number"));

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "+79161234567");
  }
  gtk_window_close (GTK_WINDOW (dialog));
  ui_wait_closed (GOVORUN_TYPE_PHONE_CALL_DIALOG);
}

static gboolean
run_script (gpointer user_data)
{
  GovorunServices *services;
  g_autoptr(GovorunAgent) agent = NULL;
  g_autofree char *dir = test_util_make_tmp_dir ("govorun-ui-test-call-XXXXXX");

  ui_app_wait_ready ();
  services = govorun_application_get_services (ui_app_get ());
  agent = make_agent (services, govorun_application_get_sandbox (ui_app_get ()));

  talk_to_agent (services, agent, dir);
  call_my_phone (services, agent);

  test_util_rm_rf (dir);
  g_application_quit (G_APPLICATION (ui_app_get ()));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  return ui_app_main (argc, argv, "/Govorun/UI/test-call", run_script);
}
