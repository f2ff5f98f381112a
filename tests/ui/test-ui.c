/* test-ui.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives Govorun in sandbox mode the way a person would: opens the add
 * account dialog from the header bar, types into its fields, presses
 * "Test Connection", reads what the dialog shows, adds the account, drops a
 * key file on the dialog, and checks the accounts list. Names with markup
 * characters are shown as typed; a key left in the keyring without its
 * account is offered back. Screenshots land in the build directory
 * (tests/screenshots/).
 */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "govorun-account-dialog.h"
#include "govorun-application.h"
#include "govorun-format.h"
#include "govorun-secrets.h"
#include "govorun-util.h"
#include "govorun-window.h"
#include "ui-helpers.h"

/* An account name that is also markup, and script. */
#define HOSTILE_NAME "Smith & Sons <b>clinic</b> </script>"
#define UNCLAIMED_UUID "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"

static GovorunApplication *app;
static GString *log_text;

/* Keeps every log line (G_MESSAGES_DEBUG=all is set) to look for secrets in
 * afterwards, then lets the default writer print it. */
static GLogWriterOutput
capture_log (GLogLevelFlags   level,
             const GLogField *fields,
             gsize            n_fields,
             gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
      {
        g_string_append (log_text, fields[i].value);
        g_string_append_c (log_text, '\n');
      }

  return g_log_writer_default (level, fields, n_fields, user_data);
}

static void
assert_no_secret_in (const char *haystack,
                     gsize       length,
                     const char *secret,
                     const char *where)
{
  if (memmem (haystack, length, secret, strlen (secret)) != NULL)
    g_error ("A secret was found in %s", where);
}

static void
assert_no_secret (const char *secret)
{
  g_autofree char *dir = govorun_profile_data_dir (GOVORUN_PROFILE_SANDBOX);
  const char *files[] = { "govorun.db", "govorun.db-wal", NULL };

  assert_no_secret_in (log_text->str, log_text->len, secret, "the debug log");

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (path, &contents, &length, NULL))
        assert_no_secret_in (contents, length, secret, path);
    }
}

/* -- helpers: wait, find, look -- */

static GtkWindow *
main_window (void)
{
  return gtk_application_get_active_window (GTK_APPLICATION (app));
}

static GovorunAccountDialog *
account_dialog (void)
{
  return (GovorunAccountDialog *) toplevel_of_type (GOVORUN_TYPE_ACCOUNT_DIALOG);
}

/* -- predicates -- */

static gboolean
app_ready (gpointer data)
{
  if (govorun_services_get_state (govorun_application_get_services (app)) == GOVORUN_SERVICES_STATE_FAILED)
    g_error ("Govorun failed to start: %s", govorun_services_get_failure (govorun_application_get_services (app)));

  return govorun_services_get_state (govorun_application_get_services (app)) == GOVORUN_SERVICES_STATE_READY &&
         main_window () != NULL && gtk_widget_get_mapped (GTK_WIDGET (main_window ()));
}

static gboolean
dialog_open (gpointer data)
{
  return account_dialog () != NULL;
}

static gboolean
dialog_closed (gpointer data)
{
  return account_dialog () == NULL;
}

static gboolean
widget_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (GTK_WIDGET (data));
}

static gboolean
label_has_text (gpointer data)
{
  GtkWidget *label = data;

  return gtk_widget_get_visible (label) && *gtk_label_get_text (GTK_LABEL (label)) != '\0';
}

typedef struct
{
  const char *title;
  const char *needle;
} RowQuery;

/* The row whose title reads @title on screen (titles are markup, so the
 * label's text is what a person sees). */
static AdwActionRow *
find_account_row (const char *title)
{
  GtkWidget *label = find_widget (GTK_WIDGET (main_window ()), GTK_TYPE_LABEL, title);

  return label != NULL ? ADW_ACTION_ROW (gtk_widget_get_ancestor (label, ADW_TYPE_ACTION_ROW)) : NULL;
}

static gboolean
account_row_shown (gpointer data)
{
  return find_account_row (data) != NULL;
}

static gboolean
account_row_gone (gpointer data)
{
  return find_account_row (data) == NULL;
}

static gboolean
row_subtitle_has (gpointer data)
{
  RowQuery *q = data;
  AdwActionRow *row = find_account_row (q->title);

  return row != NULL && adw_action_row_get_subtitle (row) != NULL &&
         strstr (adw_action_row_get_subtitle (row), q->needle) != NULL;
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
row_has_button (gpointer data)
{
  RowQuery *q = data;
  AdwActionRow *row = find_account_row (q->title);

  return row != NULL && find_widget (GTK_WIDGET (row), GTK_TYPE_BUTTON, q->needle) != NULL;
}

/* The sidebar, built from the window's pages: their icons and titles, in
 * the order they always had. */
static void
assert_sidebar (GtkWidget *window)
{
  static const struct {
    const char *title;
    const char *icon;
  } expected[] = {
    { N_("Overview"), "view-grid-symbolic" },
    { N_("Agents"), "audio-input-microphone-symbolic" },
    { N_("Calls"), "document-open-recent-symbolic" },
    { N_("Campaigns"), "call-outgoing-symbolic" },
    { N_("Integrations"), "network-transmit-receive-symbolic" },
    { N_("Numbers"), "call-start-symbolic" },
    { N_("Accounts"), "system-users-symbolic" },
  };
  GtkWidget *sidebar = find_with_css (window, "navigation-sidebar");
  GtkWidget *row;
  guint i = 0;

  g_assert_true (GTK_IS_LIST_BOX (sidebar));
  for (row = gtk_widget_get_first_child (sidebar); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      GtkWidget *image = gtk_widget_get_first_child (box);
      GtkWidget *label = gtk_widget_get_next_sibling (image);

      g_assert_cmpuint (i, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), ==, expected[i].icon);
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, _(expected[i].title));
      i++;
    }
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (expected));
}

/* -- the test -- */

static gboolean
run_script (gpointer user_data)
{
  GtkWidget *window;
  GtkWidget *dialog;
  GtkWidget *result;
  GtkWidget *test_button;
  GtkWidget *combo;
  RowQuery query = { NULL, NULL };
  g_autofree char *credentials = NULL;
  g_autofree char *key_path = NULL;
  g_autoptr(GFile) key_file = NULL;
  g_autoptr(GError) error = NULL;
  /* Amounts are written the locale's way (530,75 in Russian). */
  g_autofree char *hotel_balance = govorun_format_money (530.75, "RUB");
  g_autofree char *clinic_balance = govorun_format_money (1234.50, "RUB");
  gboolean russian = g_getenv ("GOVORUN_TEST_LOCALE") != NULL &&
                     g_str_has_prefix (g_getenv ("GOVORUN_TEST_LOCALE"), "ru");

  g_assert_true (wait_until (app_ready, NULL, 20000));
  window = GTK_WIDGET (main_window ());
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);

  /* The sandbox is marked, and its demo accounts are there. */
  g_assert_nonnull (find_widget (window, GTK_TYPE_LABEL, _("Sandbox")));
  if (russian)
    g_assert_cmpstr (_("Accounts"), !=, "Accounts");
  assert_sidebar (window);
  /* The sandbox opens on Agents; go to Accounts in the sidebar. */
  gtk_widget_activate (gtk_widget_get_ancestor (find_widget (window, GTK_TYPE_LABEL, _("Accounts")),
                                                GTK_TYPE_LIST_BOX_ROW));
  query.title = _("Demo clinic telephony");
  query.needle = "7654321";
  g_assert_true (wait_until (row_subtitle_has, &query, 10000));

  /* Press "+" in the header bar. */
  click (window, _("Add Account"));
  g_assert_true (wait_until (dialog_open, NULL, 5000));
  dialog = GTK_WIDGET (account_dialog ());

  /* Voximplant, with account ID and API key as in the setup guide. A name
   * far too long is held to what a list can show. */
  click (dialog, _("_Voximplant"));
  {
    g_autofree char *endless = g_strnfill (10000, 'x');
    GtkWidget *name_row = find_widget (dialog, ADW_TYPE_ENTRY_ROW, _("Name"));

    type_into (dialog, _("Name"), endless);
    g_assert_cmpint (g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (name_row)), -1), ==, 100);
  }
  type_into (dialog, _("Name"), HOSTILE_NAME);
  combo = find_widget (dialog, ADW_TYPE_COMBO_ROW, _("Authentication"));
  g_assert_nonnull (combo);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 1);
  settle (100);

  /* A wrong key first: the dialog says what is wrong, with the provider code. */
  type_into (dialog, _("Account ID"), "7654322");
  type_into (dialog, _("API Key"), "not-the-right-key");
  test_button = find_widget (dialog, GTK_TYPE_BUTTON, _("_Test Connection"));
  g_assert_true (wait_until (widget_sensitive, test_button, 2000));
  click (dialog, _("_Test Connection"));
  result = find_with_css (dialog, "connection-result");
  g_assert_true (wait_until (label_has_text, result, 15000));
  g_assert_true (gtk_widget_has_css_class (result, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (result)), "100"));
  screenshot (dialog, russian ? "account-dialog-error-ru.png" : "account-dialog-error.png");

  /* The right key: the dialog shows who the account is and its balance. */
  type_into (dialog, _("API Key"), GOVORUN_SANDBOX_VOX2_API_KEY);
  g_assert_true (wait_until (widget_sensitive, test_button, 2000));
  click (dialog, _("_Test Connection"));
  g_assert_true (wait_until (label_has_text, result, 15000));
  g_assert_true (gtk_widget_has_css_class (result, "success"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (result)), "hotel-royal"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (result)), hotel_balance));
  screenshot (dialog, russian ? "account-dialog-tested-ru.png" : "account-dialog-tested.png");

  click (dialog, _("_Add"));
  g_assert_true (wait_until (dialog_closed, NULL, 10000));

  /* The list shows the new account, named as typed, and what the test found. */
  query.title = HOSTILE_NAME;
  query.needle = hotel_balance;
  g_assert_true (wait_until (row_subtitle_has, &query, 10000));

  /* A service-account key file dropped on the dialog fills it in. */
  credentials = govorun_voximplant_emulator_create_key (
      govorun_sandbox_get_voximplant (govorun_application_get_sandbox (app)),
      GOVORUN_SANDBOX_VOX_ACCOUNT_ID, &error);
  g_assert_no_error (error);
  key_path = g_build_filename (g_get_user_cache_dir (), "voximplant-key.json", NULL);
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_assert_true (g_file_set_contents (key_path, credentials, -1, &error));
  key_file = g_file_new_for_path (key_path);

  click (window, _("Add Account"));
  g_assert_true (wait_until (dialog_open, NULL, 5000));
  dialog = GTK_WIDGET (account_dialog ());
  drop_file (dialog, key_file);
  test_button = find_widget (dialog, GTK_TYPE_BUTTON, _("_Test Connection"));
  g_assert_true (wait_until (widget_sensitive, test_button, 10000));
  click (dialog, _("_Test Connection"));
  result = find_with_css (dialog, "connection-result");
  g_assert_true (wait_until (label_has_text, result, 15000));
  g_assert_true (gtk_widget_has_css_class (result, "success"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (result)), clinic_balance));
  click (dialog, _("_Add"));
  g_assert_true (wait_until (dialog_closed, NULL, 10000));
  query.title = "owner@demo-clinic.example";
  query.needle = clinic_balance;
  g_assert_true (wait_until (row_subtitle_has, &query, 10000));
  g_unlink (key_path);

  /* None of the keys used reached the database or the log (which did
   * capture the debug output). */
  g_assert_nonnull (strstr (log_text->str, "Listening on"));
  assert_no_secret (GOVORUN_SANDBOX_VOX_API_KEY);
  assert_no_secret (GOVORUN_SANDBOX_VOX2_API_KEY);
  assert_no_secret (GOVORUN_SANDBOX_EL_API_KEY);
  assert_no_secret ("not-the-right-key");
  {
    /* The private key's body, not its PEM armour. */
    const char *pem = strstr (credentials, "PRIVATE KEY-----");
    g_autofree char *body = NULL;

    g_assert_nonnull (pem);
    body = g_strndup (pem + strlen ("PRIVATE KEY-----") + 2, 40);
    assert_no_secret (body);
  }

  /* The ElevenLabs demo key tests from the list itself. */
  {
    AdwActionRow *row = find_account_row (_("Demo voice agents"));
    GtkWidget *button;

    g_assert_nonnull (row);
    button = find_widget (GTK_WIDGET (row), GTK_TYPE_BUTTON, _("_Test"));
    g_assert_nonnull (button);
    gtk_widget_activate (button);
    query.title = _("Demo voice agents");
    query.needle = "creator";
    g_assert_true (wait_until (row_subtitle_has, &query, 15000));
  }

  /* A provider that takes its time: closing the dialog during Test
   * Connection stops the test, and the dialog goes at once; the row's Test
   * becomes Cancel while it runs. */
  {
    GovorunEmulator *vox = GOVORUN_EMULATOR (govorun_sandbox_get_voximplant (govorun_application_get_sandbox (app)));
    const GovorunFault slow = { .delay_ms = 5000, .times = -1 };
    gpointer closed = NULL;
    AdwActionRow *row;

    govorun_emulator_add_fault (vox, "GetAccountInfo", &slow);
    click (window, _("Add Account"));
    g_assert_true (wait_until (dialog_open, NULL, 5000));
    dialog = GTK_WIDGET (account_dialog ());
    click (dialog, _("_Voximplant"));
    type_into (dialog, _("Name"), "Slow clinic");
    adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (dialog, ADW_TYPE_COMBO_ROW, _("Authentication"))), 1);
    type_into (dialog, _("Account ID"), "7654322");
    type_into (dialog, _("API Key"), GOVORUN_SANDBOX_VOX2_API_KEY);
    test_button = find_widget (dialog, GTK_TYPE_BUTTON, _("_Test Connection"));
    g_assert_true (wait_until (widget_sensitive, test_button, 2000));
    click (dialog, _("_Test Connection"));
    settle (200);
    closed = dialog;
    g_object_add_weak_pointer (G_OBJECT (dialog), &closed);
    click (dialog, _("_Cancel"));
    g_assert_true (wait_until (pointer_cleared, &closed, 10000));

    row = find_account_row (_("Demo clinic telephony"));
    gtk_widget_activate (find_widget (GTK_WIDGET (row), GTK_TYPE_BUTTON, _("_Test")));
    g_assert_true (wait_until (row_has_button, (RowQuery[]) {{ _("Demo clinic telephony"), _("_Cancel") }}, 2000));
    gtk_widget_activate (find_widget (GTK_WIDGET (row), GTK_TYPE_BUTTON, _("_Cancel")));
    g_assert_true (wait_until (row_has_button, (RowQuery[]) {{ _("Demo clinic telephony"), _("_Test") }}, 500));
    govorun_emulator_clear_faults (vox);
  }

  /* The key left in the keyring without its account is offered back. */
  {
    g_autofree char *offer = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Found %u saved key without an account",
                                                           "Found %u saved keys without an account", 1), 1);
    g_autofree char *short_id = g_strndup (UNCLAIMED_UUID, 8);
    g_autofree char *restored = g_strdup_printf (_("Restored ElevenLabs key %s"), short_id);

    g_assert_true (wait_until (account_row_shown, offer, 5000));
    screenshot (window, russian ? "accounts-unclaimed-ru.png" : "accounts-unclaimed.png");
    click (window, _("_Restore"));
    g_assert_true (wait_until (account_row_shown, restored, 10000));
    g_assert_true (wait_until (account_row_gone, offer, 5000));
  }

  /* No name or message was ever taken for markup. */
  g_assert_null (strstr (log_text->str, "Failed to set text"));

  settle (300);
  screenshot (window, russian ? "accounts-ru.png" : "accounts.png");

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
on_stored (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (govorun_secrets_store_finish (GOVORUN_SECRETS (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* As if the sandbox database had been lost: a key whose account is gone. */
static void
leave_unclaimed_key (void)
{
  g_autoptr(GovorunSecrets) secrets = govorun_secrets_new (GOVORUN_PROFILE_SANDBOX);
  gboolean done = FALSE;

  govorun_secrets_store_async (secrets, UNCLAIMED_UUID, 4, "Govorun: lost key", "sk_lost_0123456789abcdef",
                               NULL, on_stored, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_sandbox_add_account (void)
{
  char *argv[] = { (char *) "govorun", (char *) "--sandbox", NULL };
  int status;

  leave_unclaimed_key ();

  ui_test_settings_init ();
  app = govorun_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), NULL);

  status = g_application_run (G_APPLICATION (app), 2, argv);
  g_assert_cmpint (status, ==, 0);

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

  /* No G_TEST_OPTION_ISOLATE_DIRS: it empties XDG_DATA_DIRS, and with it the
   * icon theme and MIME data. run-ui.sh already gives a throwaway HOME. */
  g_test_init (&argc, &argv, NULL);

  log_text = g_string_new (NULL);
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_log_set_writer_func (capture_log, NULL, NULL);

  g_test_add_func ("/Govorun/UI/sandbox-add-account", test_sandbox_add_account);

  return g_test_run ();
}
