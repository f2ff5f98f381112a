/* test-ui-second-account.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A second Voximplant account added as a careful person does it, in the
 * sandbox: a key whose test has just failed is saved only after a question;
 * the right key saves without one; the new account has no numbers yet, and
 * the Numbers page says so instead of showing a bare line. An account a
 * settings file brought without its key is listed as "Key Needed"; Type
 * Key… opens the account dialog, and once the key is saved it is usable.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "govorun-account-dialog.h"
#include "govorun-sandbox.h"
#include "govorun-settings-transfer.h"
#include "ui-app.h"
#include "ui-helpers.h"

#define NAME "Hotel Royal"

static gboolean
result_shown (gpointer data)
{
  GtkWidget *result = find_with_css (GTK_WIDGET (data), "connection-result");

  return result != NULL && gtk_widget_get_mapped (result) &&
         (gtk_widget_has_css_class (result, "error") || gtk_widget_has_css_class (result, "success"));
}

static void
test_connection (GtkWidget *dialog)
{
  ui_wait_sensitive (find_widget (dialog, GTK_TYPE_BUTTON, _("_Test Connection")));
  click (dialog, _("_Test Connection"));
  g_assert_true (wait_until (result_shown, dialog, 15000));
}

static gboolean added;

static void
on_added_without_key (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GovorunAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = govorun_account_store_add_without_key_finish (GOVORUN_ACCOUNT_STORE (object), result, &error);
  g_assert_no_error (error);
  g_assert_true (govorun_account_get_key_needed (account));
  added = TRUE;
}

static gboolean
is_added (gpointer data)
{
  return added;
}

static gboolean
key_typed (gpointer data)
{
  return !govorun_account_get_key_needed (GOVORUN_ACCOUNT (data));
}

#define IMPORTED "Imported agents"

static void
key_needed (GtkWidget *window)
{
  GovorunAccountStore *accounts = govorun_services_get_accounts (govorun_application_get_services (ui_app_get ()));
  g_autoptr(GovorunAccount) draft = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  GovorunAccount *account = NULL;
  GtkWidget *row;
  GtkWidget *label;
  GtkWidget *dialog;

  /* As Import Settings adds it. */
  govorun_account_set_display_name (draft, IMPORTED);
  govorun_account_store_add_without_key_async (accounts, draft, NULL, on_added_without_key, NULL);
  g_assert_true (wait_until (is_added, NULL, 5000));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (accounts)); i++)
    {
      g_autoptr(GovorunAccount) item = g_list_model_get_item (G_LIST_MODEL (accounts), i);

      if (g_strcmp0 (govorun_account_get_display_name (item), IMPORTED) == 0)
        account = item;  /* the store keeps it */
    }
  g_assert_nonnull (account);

  gtk_widget_activate (gtk_widget_get_ancestor (find_widget (find_with_css (window, "navigation-sidebar"),
                                                             GTK_TYPE_LABEL, _("Accounts")),
                                                GTK_TYPE_LIST_BOX_ROW));
  row = ui_wait_widget (window, ADW_TYPE_ACTION_ROW, IMPORTED);
  label = find_widget (row, GTK_TYPE_LABEL, _("Key Needed"));
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
  settle (300);
  {
    int min_width;

    /* Pages fit a 360 px window (test-ui-nav): so does this row. */
    gtk_widget_measure (row, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
    g_test_message ("key-needed row: %d px at least", min_width);
    g_assert_cmpint (min_width, <=, 360 - 24);
  }
  screenshot (window, ui_app_is_russian () ? "account-key-needed-ru.png" : "account-key-needed.png");

  click (row, _("Type _Key…"));
  dialog = ui_wait_toplevel (GOVORUN_TYPE_ACCOUNT_DIALOG);
  type_into (dialog, _("API Key"), GOVORUN_SANDBOX_EL_API_KEY);
  test_connection (dialog);
  g_assert_true (gtk_widget_has_css_class (find_with_css (dialog, "connection-result"), "success"));
  screenshot (dialog, ui_app_is_russian () ? "account-key-typed-ru.png" : "account-key-typed.png");
  click (dialog, _("_Save"));
  ui_wait_closed (GOVORUN_TYPE_ACCOUNT_DIALOG);
  g_assert_true (wait_until (key_typed, account, 10000));
  settle (300);
  row = ui_wait_widget (window, ADW_TYPE_ACTION_ROW, IMPORTED);
  g_assert_null (find_widget (row, GTK_TYPE_LABEL, _("Key Needed")));
}

/* What Import Settings says afterwards: fits a 1024×600 screen. */
static void
import_summary (GtkWidget *window)
{
  char *added[] = { (char *) IMPORTED, (char *) "Клиника", NULL };
  char *webhooks[] = { (char *) "CRM hook", NULL };
  char *secrets[] = { (char *) "q1Yx7Ck2Vw9Lr0Pn3Hs8Gt5Bd6Fj4Mz1Qa2Ws3Ed4", NULL };
  char *bitrix[] = { (char *) "Bitrix24", NULL };
  GovorunSettingsImport import = { 12, 5, added, webhooks, secrets, bitrix };
  GtkWidget *dialog;
  int width, height;

  govorun_settings_transfer_show_import (GTK_WINDOW (window), &import);
  dialog = ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  ui_wait_widget (dialog, GTK_TYPE_LABEL, "q1Yx7Ck2Vw9Lr0Pn3Hs8Gt5Bd6Fj4Mz1Qa2Ws3Ed4");
  settle (300);
  gtk_widget_measure (dialog, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  gtk_widget_measure (dialog, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  g_assert_cmpint (width, <=, 1024);
  g_assert_cmpint (height, <=, 600);
  screenshot (dialog, ui_app_is_russian () ? "settings-imported-ru.png" : "settings-imported.png");
  click (dialog, _("_Close"));
  ui_wait_closed (ADW_TYPE_MESSAGE_DIALOG);
}

static gboolean
run_script (gpointer user_data)
{
  GtkWidget *window;
  GtkWidget *dialog;
  GtkWidget *question;
  g_autofree char *account_id = g_strdup_printf ("%d", GOVORUN_SANDBOX_VOX2_ACCOUNT_ID);

  ui_app_wait_ready ();
  window = GTK_WIDGET (ui_app_main_window ());

  g_assert_true (gtk_widget_activate_action (window, "win.add-account", NULL));
  dialog = ui_wait_toplevel (GOVORUN_TYPE_ACCOUNT_DIALOG);
  click (dialog, _("_Voximplant"));
  type_into (dialog, _("Name"), NAME);
  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_wait_widget (dialog, ADW_TYPE_COMBO_ROW,
                                                             _("Authentication"))), 1);
  settle (100);
  type_into (dialog, _("Account ID"), account_id);

  /* A wrong key fails its test; Add then asks, and Cancel keeps the dialog. */
  type_into (dialog, _("API Key"), "not-the-right-key");
  test_connection (dialog);
  g_assert_true (gtk_widget_has_css_class (find_with_css (dialog, "connection-result"), "error"));
  click (dialog, _("_Add"));
  question = ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  screenshot (question, ui_app_is_russian () ? "save-failed-key-ru.png" : "save-failed-key.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "cancel");
  gtk_window_destroy (GTK_WINDOW (question));
  settle (300);
  g_assert_nonnull (toplevel_of_type (GOVORUN_TYPE_ACCOUNT_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (govorun_services_get_accounts (
                      govorun_application_get_services (ui_app_get ())))), ==, 2);

  /* The right key, tested: Add saves at once. */
  type_into (dialog, _("API Key"), GOVORUN_SANDBOX_VOX2_API_KEY);
  test_connection (dialog);
  click (dialog, _("_Add"));
  ui_wait_closed (GOVORUN_TYPE_ACCOUNT_DIALOG);
  g_assert_null (toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));

  /* Its numbers: none yet, and the page says so. */
  gtk_widget_activate (gtk_widget_get_ancestor (find_widget (find_with_css (window, "navigation-sidebar"),
                                                             GTK_TYPE_LABEL, _("Numbers")),
                                                GTK_TYPE_LIST_BOX_ROW));
  {
    GtkWidget *row = ui_wait_widget (window, ADW_TYPE_COMBO_ROW, _("Voximplant Account"));
    GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(GovorunAccount) account = g_list_model_get_item (model, i);

        if (g_strcmp0 (govorun_account_get_display_name (account), NAME) == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
      }
  }
  ui_wait_widget (window, GTK_TYPE_LABEL, _("No Numbers Yet"));
  settle (300);
  screenshot (window, ui_app_is_russian () ? "numbers-none-ru.png" : "numbers-none.png");

  import_summary (window);
  key_needed (window);

  g_application_quit (G_APPLICATION (ui_app_get ()));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  return ui_app_main (argc, argv, "/Govorun/UI/second-account", run_script);
}
