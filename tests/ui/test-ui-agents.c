/* test-ui-agents.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Create and configure" as a person does it, in the sandbox: Agents →
 * New Agent → pick the ElevenLabs agent from the list → buy a Moscow number
 * from the wizard → keep the suggested name → read the plan → Create and
 * Configure → watch the steps until the agent is Ready; then break its
 * routing (the sandbox's hook), find the drift, repair it, and delete the
 * agent. The emulator is asked each time what really exists in the account.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <locale.h>

#include "govorun-agent-details.h"
#include "govorun-agent-dialog.h"
#include "govorun-application.h"
#include "govorun-buy-number-dialog.h"
#include "govorun-format.h"
#include "govorun-scenario-window.h"
#include "govorun-window.h"
#include "ui-helpers.h"

/* An agent name that is also markup, and script. */
#define HOSTILE_NAME "Tom & Jerry <b>desk</b> </script>"

static GovorunApplication *app;

static GtkWindow *
main_window (void)
{
  return gtk_application_get_active_window (GTK_APPLICATION (app));
}

static GtkWidget *
agent_dialog (void)
{
  return (GtkWidget *) toplevel_of_type (GOVORUN_TYPE_AGENT_DIALOG);
}

static gboolean
app_ready (gpointer data)
{
  if (govorun_services_get_state (govorun_application_get_services (app)) == GOVORUN_SERVICES_STATE_FAILED)
    g_error ("Govorun failed to start: %s", govorun_services_get_failure (govorun_application_get_services (app)));

  return govorun_services_get_state (govorun_application_get_services (app)) == GOVORUN_SERVICES_STATE_READY &&
         main_window () != NULL && gtk_widget_get_mapped (GTK_WIDGET (main_window ())) &&
         g_list_model_get_n_items (G_LIST_MODEL (govorun_services_get_accounts (govorun_application_get_services (app)))) == 2;
}

static gboolean
dialog_open (gpointer data)
{
  return agent_dialog () != NULL;
}

static gboolean
dialog_closed (gpointer data)
{
  return agent_dialog () == NULL;
}

typedef struct
{
  GtkWidget  *root;
  GType       type;
  const char *text;
} Query;

static gboolean
widget_shown (gpointer data)
{
  Query *q = data;

  return find_widget (q->root, q->type, q->text) != NULL;
}

static GtkWidget *
wait_widget (GtkWidget  *root,
             GType       type,
             const char *text)
{
  Query q = { root, type, text };

  g_assert_true (wait_until (widget_shown, &q, 15000));
  return find_widget (root, type, text);
}

static gboolean
widget_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (GTK_WIDGET (data));
}

static gboolean
label_is (gpointer data)
{
  Query *q = data;
  GtkWidget *label = find_widget (q->root, GTK_TYPE_LABEL, q->text);

  return label != NULL && gtk_widget_get_visible (label);
}

static AdwMessageDialog *
message_dialog (void)
{
  return (AdwMessageDialog *) toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG);
}

static gboolean
message_dialog_open (gpointer data)
{
  return message_dialog () != NULL;
}

static GtkWidget *
buy_dialog (void)
{
  return (GtkWidget *) toplevel_of_type (GOVORUN_TYPE_BUY_NUMBER_DIALOG);
}

static gboolean
buy_dialog_open (gpointer data)
{
  return buy_dialog () != NULL;
}

static gboolean
buy_dialog_closed (gpointer data)
{
  return buy_dialog () == NULL;
}

static void
select_in_combo (GtkWidget  *root,
                 const char *row_title,
                 const char *item)
{
  GtkWidget *row = wait_widget (root, ADW_TYPE_COMBO_ROW, row_title);
  GListModel *model;

  g_assert_true (wait_until (widget_sensitive, row, 10000));
  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) string = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (string), item) == 0)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
          settle (50);
          return;
        }
    }

  g_error ("“%s” has no item “%s”", row_title, item);
}

static GtkWidget *
scenario_window (void)
{
  return (GtkWidget *) toplevel_of_type (GOVORUN_TYPE_SCENARIO_WINDOW);
}

static gboolean
scenario_window_open (gpointer data)
{
  return scenario_window () != NULL;
}

static gboolean
buffer_has_code (gpointer data)
{
  return gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (data)) > 100;
}

/* Opens the shown agent's scenario code, saves a screenshot (unless
 * @shot is NULL), closes it and returns the code. */
static char *
open_scenario (GtkWidget  *window,
               const char *shot)
{
  GtkWidget *details_page = gtk_widget_get_ancestor (find_widget (window, GTK_TYPE_BUTTON,
                                                                  _("C_heck for Changes")),
                                                     GOVORUN_TYPE_AGENT_DETAILS);
  GtkWidget *code_window;
  GtkTextBuffer *buffer;
  char *text = NULL;

  g_assert_true (gtk_widget_activate_action (details_page, "details.scenario", NULL));
  g_assert_true (wait_until (scenario_window_open, NULL, 5000));
  code_window = scenario_window ();
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_widget (code_window, GTK_TYPE_TEXT_VIEW, NULL)));
  g_assert_true (wait_until (buffer_has_code, buffer, 10000));
  g_object_get (buffer, "text", &text, NULL);
  if (shot != NULL)
    screenshot (code_window, shot);
  gtk_window_destroy (GTK_WINDOW (code_window));
  return text;
}

static gboolean
details_busy (gpointer data)
{
  return govorun_agent_details_is_busy (GOVORUN_AGENT_DETAILS (data));
}

static gboolean
details_idle (gpointer data)
{
  return !govorun_agent_details_is_busy (GOVORUN_AGENT_DETAILS (data));
}

static guint
count_objects (const char *type)
{
  GovorunSandbox *sandbox = govorun_application_get_sandbox (app);

  return govorun_voximplant_emulator_count_objects (govorun_sandbox_get_voximplant (sandbox),
                                                    GOVORUN_SANDBOX_VOX_ACCOUNT_ID, type);
}

/* A mapped list row whose title reads @data on screen (titles are markup:
 * the label's text is what a person sees). */
static GtkWidget *
row_reading (GtkWidget  *root,
             const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0 &&
      gtk_widget_get_ancestor (root, ADW_TYPE_ACTION_ROW) != NULL)
    return gtk_widget_get_ancestor (root, ADW_TYPE_ACTION_ROW);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = row_reading (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
hostile_row_shown (gpointer data)
{
  return row_reading (data, HOSTILE_NAME) != NULL;
}

static gboolean
run_script (gpointer user_data)
{
  GtkWidget *window;
  GtkWidget *dialog;
  GtkWidget *row;
  GtkWidget *next;
  GtkWidget *check;
  GtkWidget *buy;
  Query ready = { NULL, GTK_TYPE_LABEL, NULL };
  Query drifted = { NULL, GTK_TYPE_LABEL, NULL };
  GtkWidget *details;
  gboolean russian = g_getenv ("GOVORUN_TEST_LOCALE") != NULL &&
                     g_str_has_prefix (g_getenv ("GOVORUN_TEST_LOCALE"), "ru");
  /* Numbers read the same everywhere: "+7 499 333-44-55". */
  g_autofree char *demo_number = govorun_format_phone_number (GOVORUN_SANDBOX_DEMO_NUMBER);

  g_assert_true (wait_until (app_ready, NULL, 20000));
  window = GTK_WIDGET (main_window ());
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);

  /* The sandbox opens on Agents, with none yet. */
  wait_widget (window, GTK_TYPE_LABEL, _("No Agents Yet"));
  click (window, _("New Agent"));
  g_assert_true (wait_until (dialog_open, NULL, 5000));
  dialog = agent_dialog ();

  /* 1. The ElevenLabs agent, picked from the account's list. */
  row = wait_widget (dialog, ADW_TYPE_ACTION_ROW, ui_demo_reception_agent ());
  gtk_widget_activate (row);
  wait_widget (dialog, ADW_TYPE_ACTION_ROW, _("First Message"));
  next = find_widget (dialog, GTK_TYPE_BUTTON, _("_Next"));
  g_assert_true (wait_until (widget_sensitive, next, 10000));
  screenshot (dialog, russian ? "agent-wizard-agent-ru.png" : "agent-wizard-agent.png");
  click (dialog, _("_Next"));

  /* 2. The number: the demo number is there, unbound; a new Moscow number
   * is bought right from the wizard and comes back ticked. */
  row = wait_widget (dialog, ADW_TYPE_ACTION_ROW, demo_number);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), _("Not bound")));
  click (dialog, _("_Buy a Number…"));
  g_assert_true (wait_until (buy_dialog_open, NULL, 5000));
  buy = buy_dialog ();
  select_in_combo (buy, _("Country"), russian ? "Россия" : "Russia");
  select_in_combo (buy, _("Number Type"), russian ? "Географический" : "Geographic");
  g_assert_true (wait_until (widget_sensitive, find_widget (buy, GTK_TYPE_BUTTON, _("_Next")), 10000));
  click (buy, _("_Next"));
  gtk_widget_activate (wait_widget (buy, ADW_TYPE_ACTION_ROW, russian ? "Москва" : "Moscow"));
  gtk_widget_activate (wait_widget (buy, ADW_TYPE_ACTION_ROW, "+7 495 123-00-01"));
  g_assert_true (wait_until (widget_sensitive, find_widget (buy, GTK_TYPE_BUTTON, _("_Next")), 10000));
  click (buy, _("_Next"));
  wait_widget (buy, ADW_TYPE_ACTION_ROW, _("Balance After"));
  g_assert_true (wait_until (widget_sensitive, find_widget (buy, GTK_TYPE_BUTTON, _("_Buy")), 10000));
  screenshot (buy, russian ? "agent-wizard-buy-ru.png" : "agent-wizard-buy.png");
  {
    /* The purchase goes through but its answer is lost on the way: the
     * number is found among the account's own, bought once, no error. */
    GovorunEmulator *emulator = GOVORUN_EMULATOR (govorun_sandbox_get_voximplant (govorun_application_get_sandbox (app)));
    GovorunFault lost = { .after_handling = TRUE, .drop_connection = TRUE, .times = 1 };

    govorun_emulator_add_fault (emulator, "AttachPhoneNumber", &lost);
    click (buy, _("_Buy"));
    g_assert_true (wait_until (buy_dialog_closed, NULL, 10000));
    g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "AttachPhoneNumber"), ==, 1);
  }
  g_assert_cmpuint (count_objects ("number"), ==, 2);

  row = wait_widget (dialog, ADW_TYPE_ACTION_ROW, "+7 495 123-00-01");
  check = find_widget (row, GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (wait_until (widget_sensitive, next, 5000));
  click (dialog, _("_Next"));

  /* 3. The suggested name and inbound calls stay. */
  wait_widget (dialog, ADW_TYPE_ENTRY_ROW, _("Agent Name"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (dialog, ADW_TYPE_ENTRY_ROW,
                                                                     _("Agent Name")))),
                   ==, ui_demo_reception_agent ());
  click (dialog, _("_Next"));

  /* 4. The plan, before anything changes. */
  next = wait_widget (dialog, GTK_TYPE_BUTTON, _("C_reate and Configure"));
  g_assert_true (wait_until (widget_sensitive, next, 15000));
  g_assert_cmpuint (count_objects ("application"), ==, 0);
  screenshot (dialog, russian ? "agent-wizard-plan-ru.png" : "agent-wizard-plan.png");
  click (dialog, _("C_reate and Configure"));
  g_assert_true (wait_until (dialog_closed, NULL, 5000));

  /* The steps run on the agent's page until it is ready. */
  ready.root = window;
  ready.text = _("Ready");
  g_assert_true (wait_until (label_is, &ready, 90000));
  settle (300);
  screenshot (window, russian ? "agent-ready-ru.png" : "agent-ready.png");

  /* The agent's page says where the key is. */
  row = wait_widget (window, ADW_TYPE_ACTION_ROW, _("ElevenLabs Key"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   _("Kept in the application’s secret storage, not in the scenarios"));

  /* What exists in the account now: one of each, the number bound. */
  g_assert_cmpuint (count_objects ("application"), ==, 1);
  g_assert_cmpuint (count_objects ("scenario"), ==, 1);
  g_assert_cmpuint (count_objects ("rule"), ==, 1);
  g_assert_cmpuint (count_objects ("bound-number"), ==, 1);

  /* Nothing changed outside Govorun: the check says so and the agent stays ready. */
  details = gtk_widget_get_ancestor (find_widget (window, GTK_TYPE_BUTTON, _("C_heck for Changes")),
                                     GOVORUN_TYPE_AGENT_DETAILS);
  g_assert_true (wait_until (details_idle, details, 15000));
  click (window, _("C_heck for Changes"));
  settle (200);
  g_assert_true (wait_until (widget_sensitive, find_widget (window, GTK_TYPE_BUTTON,
                                                            _("C_heck for Changes")), 15000));
  g_assert_true (wait_until (label_is, &ready, 5000));

  /* The scenario code is there to read, with no key in it. */
  {
    g_autofree char *text = open_scenario (window, russian ? "agent-scenario-ru.png" : "agent-scenario.png");

    g_assert_nonnull (strstr (text, "createAgentsClient"));
    /* No key at all, not even masked: the scenario reads the application's secret. */
    g_assert_nonnull (strstr (text, "getSecretValue"));
    g_assert_null (strstr (text, "••••"));
    g_assert_null (strstr (text, GOVORUN_SANDBOX_EL_API_KEY));
  }

  /* Someone changes the routing behind Govorun's back (the sandbox's hook,
   * from the agent's menu); the check finds it and Repair puts it back. */
  details = gtk_widget_get_ancestor (find_widget (window, GTK_TYPE_BUTTON, _("C_heck for Changes")),
                                     GOVORUN_TYPE_AGENT_DETAILS);
  g_assert_nonnull (details);
  g_assert_true (gtk_widget_activate_action (details, "details.sandbox-break", NULL));
  /* The first check may still be finishing. */
  g_assert_true (wait_until (details_idle, details, 15000));
  click (window, _("C_heck for Changes"));
  drifted.root = window;
  drifted.text = _("Changed in Voximplant");
  g_assert_true (wait_until (label_is, &drifted, 15000));
  wait_widget (window, GTK_TYPE_LABEL, _("Changed Outside Govorun"));
  screenshot (window, russian ? "agent-drifted-ru.png" : "agent-drifted.png");
  click (window, _("_Repair"));
  g_assert_true (wait_until (label_is, &ready, 90000));
  g_assert_cmpuint (count_objects ("rule"), ==, 1);

  /* From the Numbers page, the demo number is given to the agent too: the
   * agent is saved and deployed again with both numbers. */
  gtk_widget_activate (gtk_widget_get_ancestor (find_widget (window, GTK_TYPE_LABEL, _("Numbers")),
                                                GTK_TYPE_LIST_BOX_ROW));
  /* Showing the page reloads its list: wait for the reload before using a row. */
  settle (1500);
  row = wait_widget (window, ADW_TYPE_ACTION_ROW, "+7 499 333-44-55");
  {
    GtkWidget *menu = find_widget (row, GTK_TYPE_MENU_BUTTON, _("Number Actions"));
    g_autofree char *use = g_strdup_printf (_("Use for “%s”"), ui_demo_reception_agent ());

    g_assert_nonnull (menu);
    gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
    settle (100);
    click (wait_widget (menu, GTK_TYPE_BUTTON, use), use);
  }
  details = gtk_widget_get_ancestor (wait_widget (window, GTK_TYPE_BUTTON, _("C_heck for Changes")),
                                     GOVORUN_TYPE_AGENT_DETAILS);
  g_assert_true (wait_until (details_busy, details, 5000));
  g_assert_true (wait_until (details_idle, details, 90000));
  g_assert_true (wait_until (label_is, &ready, 5000));
  g_assert_cmpuint (count_objects ("bound-number"), ==, 2);

  /* Edit: outbound calls too. The wizard comes back filled in, the plan
   * adds the outbound scenario and rule, and Save and Deploy applies it. */
  details = gtk_widget_get_ancestor (find_widget (window, GTK_TYPE_BUTTON, _("C_heck for Changes")),
                                     GOVORUN_TYPE_AGENT_DETAILS);
  g_assert_true (gtk_widget_activate_action (details, "details.edit", NULL));
  g_assert_true (wait_until (dialog_open, NULL, 5000));
  dialog = agent_dialog ();
  wait_widget (dialog, ADW_TYPE_ACTION_ROW, _("First Message"));
  next = find_widget (dialog, GTK_TYPE_BUTTON, _("_Next"));
  g_assert_true (wait_until (widget_sensitive, next, 10000));
  click (dialog, _("_Next"));
  row = wait_widget (dialog, ADW_TYPE_ACTION_ROW, "+7 495 123-00-01");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_widget (row, GTK_TYPE_CHECK_BUTTON, NULL))));
  g_assert_true (wait_until (widget_sensitive, next, 10000));
  click (dialog, _("_Next"));
  gtk_switch_set_active (GTK_SWITCH (find_widget (wait_widget (dialog, ADW_TYPE_ACTION_ROW,
                                                               _("Make Outbound Calls")),
                                                  GTK_TYPE_SWITCH, NULL)), TRUE);
  /* A name that is also markup is shown as typed, in the list and toasts. */
  type_into (dialog, _("Agent Name"), HOSTILE_NAME);
  click (dialog, _("_Next"));
  next = wait_widget (dialog, GTK_TYPE_BUTTON, _("_Save and Deploy"));
  g_assert_true (wait_until (widget_sensitive, next, 15000));
  click (dialog, _("_Save and Deploy"));
  g_assert_true (wait_until (dialog_closed, NULL, 5000));
  g_assert_true (wait_until (details_busy, details, 5000));
  g_assert_true (wait_until (details_idle, details, 90000));
  g_assert_true (wait_until (label_is, &ready, 5000));
  g_assert_cmpuint (count_objects ("scenario"), ==, 2);
  g_assert_cmpuint (count_objects ("rule"), ==, 2);

  /* Back on the list (the header's one back button), the agent is shown
   * ready. */
  click (window, _("Back"));
  g_assert_true (wait_until (hostile_row_shown, window, 5000));
  row = row_reading (window, HOSTILE_NAME);
  g_assert_nonnull (find_widget (row, GTK_TYPE_LABEL, _("Ready")));
  screenshot (window, russian ? "agents-ru.png" : "agents.png");

  /* Delete, after confirming: everything Govorun made is gone, the number
   * stays the account's. */
  gtk_widget_activate (row);
  details = gtk_widget_get_ancestor (wait_widget (window, GTK_TYPE_BUTTON, _("C_heck for Changes")),
                                     GOVORUN_TYPE_AGENT_DETAILS);
  g_assert_true (gtk_widget_activate_action (details, "details.delete", NULL));
  g_assert_true (wait_until (message_dialog_open, NULL, 5000));
  adw_message_dialog_response (message_dialog (), "delete");
  wait_widget (window, GTK_TYPE_LABEL, _("No Agents Yet"));
  g_assert_cmpuint (count_objects ("application"), ==, 0);
  g_assert_cmpuint (count_objects ("scenario"), ==, 0);
  g_assert_cmpuint (count_objects ("rule"), ==, 0);
  g_assert_cmpuint (count_objects ("bound-number"), ==, 0);
  g_assert_cmpuint (count_objects ("number"), ==, 2);

  /* A webhook-bot agent that makes outbound calls: no ElevenLabs agent is
   * asked for, and the outbound scenario talks through the bot. */
  click (window, _("New Agent"));
  g_assert_true (wait_until (dialog_open, NULL, 5000));
  dialog = agent_dialog ();
  select_in_combo (dialog, _("Who Answers"),
                   _("My webhook bot"));
  g_assert_null (find_widget (dialog, ADW_TYPE_COMBO_ROW, _("ElevenLabs Account")));
  type_into (dialog, _("Bot URL (https://…)"), "https://bot.example.com/voice");
  next = find_widget (dialog, GTK_TYPE_BUTTON, _("_Next"));
  /* The business ID is needed too. */
  g_assert_false (gtk_widget_get_sensitive (next));
  type_into (dialog, _("Business ID for Your Bot"), "clinic-7");
  /* The bot speaks English here, in a male voice. */
  select_in_combo (dialog, _("Language"), _("English"));
  select_in_combo (dialog, _("Voice"), _("Male voice"));
  g_assert_true (wait_until (widget_sensitive, next, 5000));
  screenshot (dialog, russian ? "agent-wizard-bot-ru.png" : "agent-wizard-bot.png");
  click (dialog, _("_Next"));
  row = wait_widget (dialog, ADW_TYPE_ACTION_ROW, "+7 495 123-00-01");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (row, GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);
  g_assert_true (wait_until (widget_sensitive, next, 10000));
  click (dialog, _("_Next"));
  wait_widget (dialog, ADW_TYPE_ENTRY_ROW, _("Agent Name"));
  type_into (dialog, _("Agent Name"), "Bot line");
  gtk_switch_set_active (GTK_SWITCH (find_widget (wait_widget (dialog, ADW_TYPE_ACTION_ROW,
                                                               _("Answer Inbound Calls")),
                                                  GTK_TYPE_SWITCH, NULL)), FALSE);
  gtk_switch_set_active (GTK_SWITCH (find_widget (wait_widget (dialog, ADW_TYPE_ACTION_ROW,
                                                               _("Make Outbound Calls")),
                                                  GTK_TYPE_SWITCH, NULL)), TRUE);
  g_assert_true (wait_until (widget_sensitive, next, 5000));
  click (dialog, _("_Next"));
  next = wait_widget (dialog, GTK_TYPE_BUTTON, _("C_reate and Configure"));
  g_assert_true (wait_until (widget_sensitive, next, 15000));
  click (dialog, _("C_reate and Configure"));
  g_assert_true (wait_until (dialog_closed, NULL, 5000));
  g_assert_true (wait_until (label_is, &ready, 90000));
  g_assert_cmpuint (count_objects ("scenario"), ==, 1);
  g_assert_cmpuint (count_objects ("rule"), ==, 1);
  {
    g_autofree char *text = open_scenario (window, NULL);

    g_assert_nonnull (strstr (text, "https://bot.example.com/voice"));
    g_assert_nonnull (strstr (text, "clinic-7"));
    g_assert_nonnull (strstr (text, "VoiceList.Google.en_US_Neural2_D"));
    g_assert_nonnull (strstr (text, "ASRProfileList.Google.en_US"));
    g_assert_null (strstr (text, "createAgentsClient"));
  }

  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static void
on_activate (GApplication *application)
{
  static gboolean started;

  if (!started)
    {
      started = TRUE;
      g_idle_add (run_script, NULL);
    }
}

static void
test_create_and_configure (void)
{
  char *argv[] = { (char *) "govorun", (char *) "--sandbox", NULL };

  ui_test_settings_init ();
  app = govorun_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), NULL);

  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  g_clear_object (&app);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("GOVORUN_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* No G_TEST_OPTION_ISOLATE_DIRS: see HACKING.md; run-ui.sh gives a throwaway HOME. */
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Govorun/UI/create-and-configure", test_create_and_configure);

  return g_test_run ();
}
