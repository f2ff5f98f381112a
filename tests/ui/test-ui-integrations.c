/* test-ui-integrations.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Integrations page as a person uses it (through run-ui.sh, in
 * English and Russian), against the sandbox's webhook receiver over real
 * HTTP: the empty page; Add Webhook offering the sandbox's own receiver
 * (filled in, with the sentence that says so), a wrong address, then the
 * receiver's again, the secret shown once (never given to the receiver:
 * the sandbox's wiring looks it up); Test
 * answered 200 and in the log; the receiver failing (500, 503, then 400):
 * retries, then the delivery refused with the receiver's reason; Resend
 * delivered; Pause and Resume; Rotate Secret; Backfill; Delete. Every
 * window fits 1024×600; screenshots of each step land in the build
 * directory.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-add-integration-dialog.h"
#include "govorun-error-banner.h"
#include "govorun-integration-details.h"
#include "govorun-integration-secret.h"
#include "govorun-integrations-page.h"
#include "govorun-webhook-receiver.h"
#include "test-util.h"
#include "ui-app.h"
#include "ui-helpers.h"

static GovorunWebhookReceiver *receiver;

static GtkWidget *
window (void)
{
  return GTK_WIDGET (ui_app_main_window ());
}

static GovorunIntegrations *
integrations (void)
{
  return govorun_services_get_integrations (govorun_application_get_services (ui_app_get ()));
}

static void
shot (GtkWidget  *widget,
      const char *name)
{
  g_autofree char *file = g_strdup_printf ("integrations-%s%s.png", name, ui_app_is_russian () ? "-ru" : "");

  settle (400);
  screenshot (widget, file);
}

/* Shown, and as small as it can be made, within a 1024×600 screen. */
static void
assert_fits_small_screen (GtkWidget  *widget,
                          const char *what)
{
  int min_width, min_height;

  settle (300);
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, MAX (min_width, 1024), &min_height, NULL, NULL, NULL);
  g_test_message ("%s: %d×%d shown, at least %d×%d", what, gtk_widget_get_width (widget),
                  gtk_widget_get_height (widget), min_width, min_height);
  g_assert_cmpint (gtk_widget_get_width (widget), <=, 1024);
  g_assert_cmpint (gtk_widget_get_height (widget), <=, 600);
  g_assert_cmpint (min_width, <=, 1024);
  g_assert_cmpint (min_height, <=, 600);
}

static GovorunIntegrationsPage *
show_integrations (void)
{
  GtkWidget *sidebar = find_with_css (window (), "navigation-sidebar");
  GtkWidget *label = find_widget (sidebar, GTK_TYPE_LABEL, _("Integrations"));

  g_assert_nonnull (label);
  gtk_widget_activate (gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW));
  return GOVORUN_INTEGRATIONS_PAGE (ui_wait_widget (window (), GOVORUN_TYPE_INTEGRATIONS_PAGE, NULL));
}

/* -- waiting for what the page says (a label, or a log's cell) -- */

typedef struct
{
  GtkWidget  *root;
  const char *text;
} Look;

static gboolean
label_contains (gpointer data)
{
  Look *look = data;

  for (GtkWidget *w = look->root; w != NULL;)
    {
      const char *text = GTK_IS_LABEL (w) ? gtk_label_get_text (GTK_LABEL (w))
                         : GTK_IS_INSCRIPTION (w) ? gtk_inscription_get_text (GTK_INSCRIPTION (w)) : NULL;

      if (text != NULL && gtk_widget_get_mapped (w) && strstr (text, look->text) != NULL)
        return TRUE;
      /* depth-first walk */
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && w != look->root && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = (w == NULL || w == look->root) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  return FALSE;
}

static void
wait_text (GtkWidget  *root,
           const char *text,
           guint       timeout_ms)
{
  Look look = { root, text };

  if (!wait_until (label_contains, &look, timeout_ms))
    g_error ("No text “%s” shown", text);
}

typedef struct
{
  GovorunIntegrationDetails *details;
  guint                      position;
  GovorunDeliveryState       state;
  guint                      status;
  const char                *uuid;     /* nullable */
} LogRow;

static gboolean
log_row_is (gpointer data)
{
  LogRow *want = data;
  GListModel *log = govorun_integration_details_get_log (want->details);
  g_autoptr(GovorunDelivery) d = NULL;

  if (log == NULL || g_list_model_get_n_items (log) <= want->position)
    return FALSE;
  d = g_list_model_get_item (log, want->position);
  return govorun_delivery_get_state (d) == want->state && govorun_delivery_get_last_status (d) == want->status
         && (want->uuid == NULL || g_strcmp0 (govorun_delivery_get_uuid (d), want->uuid) == 0);
}

static GovorunDelivery *
wait_log_row (GovorunIntegrationDetails *details,
              guint                      position,
              GovorunDeliveryState       state,
              guint                      status,
              guint                      timeout_ms)
{
  LogRow want = { details, position, state, status, NULL };

  if (!wait_until (log_row_is, &want, timeout_ms))
    g_error ("The log's row %u is not in state %d with HTTP %u", position, state, status);
  return g_list_model_get_item (govorun_integration_details_get_log (details), position);
}

/* -- the steps -- */

static GovorunIntegrationDetails *
add_webhook (GovorunIntegrationsPage *page)
{
  GtkWidget *dialog;
  GtkWidget *secret;
  GtkWidget *add;
  GtkWidget *row;

  click (GTK_WIDGET (page), _("_Add Integration…"));
  dialog = ui_wait_toplevel (GOVORUN_TYPE_ADD_INTEGRATION_DIALOG);
  /* Two kinds: the chooser first. */
  shot (dialog, "add-kind");
  gtk_widget_activate (ui_wait_widget (dialog, ADW_TYPE_ACTION_ROW, _("Webhook")));
  add = ui_wait_widget (dialog, GTK_TYPE_BUTTON, _("_Add"));

  /* The sandbox offers its own receiver, and says whose it is. */
  g_assert_true (g_str_has_prefix (govorun_integrations_get_demo_webhook_url (integrations ()), "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (govorun_integrations_get_demo_webhook_url (integrations ()), "/sandbox/hooks/govorun"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (dialog, ADW_TYPE_ENTRY_ROW,
                                                                     _("Address (https://…)")))),
                   ==, govorun_integrations_get_demo_webhook_url (integrations ()));
  wait_text (dialog, _("This is the sandbox’s own receiver: it checks each delivery’s signature and answers, "
                       "and the delivery log shows its answers."), 5000);
  ui_wait_sensitive (add);
  shot (dialog, "add-sandbox-receiver");
  assert_fits_small_screen (dialog, "Add Integration, the sandbox's receiver");
  type_into (dialog, _("Address (https://…)"), "");
  g_assert_false (gtk_widget_get_sensitive (add));

  /* Not a web address: said under the field, Add stays off. */
  type_into (dialog, _("Address (https://…)"), "ftp://crm.example.org/hook");
  wait_text (dialog, _("The address is not a web address. Enter a URL that starts with https://."), 5000);
  g_assert_false (gtk_widget_get_sensitive (add));
  shot (dialog, "add-wrong-address");

  type_into (dialog, _("Address (https://…)"), govorun_webhook_receiver_get_url (receiver));
  type_into (dialog, _("Name (Optional)"), ui_app_is_russian () ? "Моя CRM" : "My CRM");
  ui_wait_sensitive (add);
  shot (dialog, "add-form");
  assert_fits_small_screen (dialog, "Add Integration");
  click (dialog, _("_Add"));

  /* The secret, once, with the sentence that says so. */
  secret = ui_wait_widget (dialog, GOVORUN_TYPE_INTEGRATION_SECRET, NULL);
  wait_text (dialog, _("This is the secret your receiver checks each delivery’s signature with. "
                       "Copy it now: Govorun keeps it in the keyring and will not show it again. "
                       "If it is lost, rotate the secret to get a new one."), 1000);
  /* The receiver is not told the secret: the sandbox's wiring looks it up. */
  g_assert_nonnull (govorun_integration_secret_get_secret (GOVORUN_INTEGRATION_SECRET (secret)));
  g_assert_nonnull (find_widget (dialog, GTK_TYPE_BUTTON, _("_Copy")));
  shot (dialog, "secret");
  assert_fits_small_screen (dialog, "Add Integration, the secret");
  click (dialog, _("_Done"));
  ui_wait_closed (GOVORUN_TYPE_ADD_INTEGRATION_DIALOG);

  /* The list has it, active; its details open from the row. */
  row = ui_wait_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, ui_app_is_russian () ? "Моя CRM" : "My CRM");
  wait_text (GTK_WIDGET (page), _("Active"), 5000);
  shot (window (), "list");
  gtk_widget_activate (gtk_widget_get_ancestor (row, GTK_TYPE_LIST_BOX_ROW));
  return GOVORUN_INTEGRATION_DETAILS (ui_wait_widget (window (), GOVORUN_TYPE_INTEGRATION_DETAILS, NULL));
}

static void
test_delivery (GovorunIntegrationDetails *details)
{
  g_autoptr(GovorunDelivery) d = NULL;
  g_autofree char *answer = NULL;

  wait_text (GTK_WIDGET (details), _("Nothing delivered yet. Press Test to send a signed test delivery; "
                                     "calls synced from now on are sent within seconds."), 5000);
  click (GTK_WIDGET (details), _("_Test"));
  answer = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The receiver answered HTTP %u in %u ms.",
                                         "The receiver answered HTTP %u in %u ms.", 0), 200, 0);
  /* "…HTTP 200 in" whatever the milliseconds */
  *strstr (answer, "200") = '\0';
  wait_text (GTK_WIDGET (details), answer, 15000);
  wait_text (GTK_WIDGET (details), "200", 1000);
  d = wait_log_row (details, 0, GOVORUN_DELIVERY_DELIVERED, 200, 10000);
  g_assert_cmpstr (govorun_delivery_get_event (d), ==, "test");
  g_assert_cmpuint (govorun_webhook_receiver_get_n_received (receiver), ==, 1);
  g_assert_true (govorun_webhook_receiver_get_received (receiver, 0)->signature_valid);
  shot (window (), "tested");
  assert_fits_small_screen (window (), "The main window on a target's details");
}

/* 500, then 503 (retried), then 400: refused, not tried again, with the
 * receiver's reason; Resend delivers it. */
static void
failing_receiver (GovorunIntegrationDetails *details)
{
  g_autoptr(GovorunDelivery) refused = NULL;
  g_autoptr(GovorunDelivery) resent = NULL;
  guint received;

  govorun_integrations_set_retry_policy (integrations (), 50, 200, 10);
  govorun_webhook_receiver_push_answer (receiver, 500, 0);
  govorun_webhook_receiver_push_answer (receiver, 503, 0);
  govorun_webhook_receiver_push_answer (receiver, 400, 0);
  click (GTK_WIDGET (details), _("_Test"));
  wait_text (GTK_WIDGET (details), "500", 15000);
  refused = wait_log_row (details, 0, GOVORUN_DELIVERY_FAILED, 400, 30000);
  g_assert_cmpuint (govorun_delivery_get_attempts (refused), ==, 3);
  g_assert_nonnull (govorun_delivery_get_last_error (refused));
  g_assert_nonnull (strstr (govorun_delivery_get_last_error (refused), "400"));
  wait_text (GTK_WIDGET (details), _("Refused"), 5000);
  received = govorun_webhook_receiver_get_n_received (receiver);
  /* Refused stays refused. */
  settle (4000);
  g_assert_cmpuint (govorun_webhook_receiver_get_n_received (receiver), ==, received);
  shot (window (), "refused");

  click (GTK_WIDGET (details), _("Resend"));
  resent = wait_log_row (details, 0, GOVORUN_DELIVERY_DELIVERED, 200, 30000);
  g_assert_cmpstr (govorun_delivery_get_uuid (resent), ==, govorun_delivery_get_uuid (refused));
  g_assert_cmpuint (govorun_webhook_receiver_get_n_received (receiver), ==, received + 1);
  shot (window (), "resent");
}

static void
pause_and_resume (GovorunIntegrationDetails *details)
{
  GovorunIntegrationTarget *target = govorun_integration_details_get_target (details);

  click (GTK_WIDGET (details), _("_Pause"));
  wait_text (GTK_WIDGET (details), _("Paused by you."), 5000);
  g_assert_true (govorun_integration_target_get_paused (target));
  click (GTK_WIDGET (details), _("_Test"));
  wait_text (GTK_WIDGET (details), _("The integration is paused: the test waits for Resume."), 10000);
  shot (window (), "paused");

  click (GTK_WIDGET (details), _("_Resume"));
  wait_text (GTK_WIDGET (details), _("Active"), 5000);
  /* The test that waited goes out. */
  g_autoptr(GovorunDelivery) d = wait_log_row (details, 0, GOVORUN_DELIVERY_DELIVERED, 200, 15000);
  g_assert_cmpstr (govorun_delivery_get_event (d), ==, "test");
}

/* As a click on the response's button does: respond, then close. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static AdwMessageDialog *
wait_message (void)
{
  return ADW_MESSAGE_DIALOG (ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static gboolean
received_more (gpointer data)
{
  return govorun_webhook_receiver_get_n_received (receiver) > GPOINTER_TO_UINT (data);
}

/* The confirmation gave way to the dialog with the new secret. */
static gboolean
secret_shown (gpointer data)
{
  GtkWindow *dialog = toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL && find_widget (GTK_WIDGET (dialog), GOVORUN_TYPE_INTEGRATION_SECRET, NULL) != NULL;
}

static void
rotate (GovorunIntegrationDetails *details)
{
  AdwMessageDialog *dialog;
  GtkWidget *secret;
  guint received = govorun_webhook_receiver_get_n_received (receiver);

  click (GTK_WIDGET (details), _("_Rotate Secret…"));
  dialog = wait_message ();
  shot (GTK_WIDGET (dialog), "rotate-confirm");
  respond (dialog, "do");
  if (!wait_until (secret_shown, NULL, 10000))
    {
      GtkWidget *banner = find_widget (window (), GOVORUN_TYPE_ERROR_BANNER, NULL);

      shot (window (), "rotate-failed");
      g_error ("No new secret shown (%s)", banner != NULL ? govorun_error_banner_get_text (GOVORUN_ERROR_BANNER (banner)) : "no banner");
    }
  dialog = wait_message ();
  secret = find_widget (GTK_WIDGET (dialog), GOVORUN_TYPE_INTEGRATION_SECRET, NULL);
  g_assert_nonnull (govorun_integration_secret_get_secret (GOVORUN_INTEGRATION_SECRET (secret)));
  shot (GTK_WIDGET (dialog), "rotated");
  assert_fits_small_screen (GTK_WIDGET (dialog), "The new secret");
  respond (dialog, "done");
  ui_wait_closed (ADW_TYPE_MESSAGE_DIALOG);

  /* Signed with the new one: the receiver, asking the service, takes it. */
  click (GTK_WIDGET (details), _("_Test"));
  g_assert_true (wait_until (received_more, GUINT_TO_POINTER (received), 15000));
  g_assert_true (govorun_webhook_receiver_get_received (receiver, received)->signature_valid);
  LogRow want = { details, 0, GOVORUN_DELIVERY_DELIVERED, 200,
                  govorun_webhook_receiver_get_received (receiver, received)->delivery_id };
  g_assert_true (wait_until (log_row_is, &want, 15000));
}

static void
backfill (GovorunIntegrationDetails *details)
{
  AdwMessageDialog *dialog;
  GovorunIntegrationTarget *target = govorun_integration_details_get_target (details);

  click (GTK_WIDGET (details), _("_Backfill…"));
  dialog = wait_message ();
  shot (GTK_WIDGET (dialog), "backfill");
  assert_fits_small_screen (GTK_WIDGET (dialog), "Backfill");
  respond (dialog, "do");
  ui_wait_closed (ADW_TYPE_MESSAGE_DIALOG);
  /* The range asked for is kept on the target (a week to today). */
  g_assert_cmpint (govorun_integration_target_get_backfill_to (target), >,
                   govorun_integration_target_get_backfill_from (target));
}

static void
delete (GovorunIntegrationsPage   *page,
        GovorunIntegrationDetails *details)
{
  AdwMessageDialog *dialog;

  click (GTK_WIDGET (details), _("_Delete…"));
  dialog = wait_message ();
  shot (GTK_WIDGET (dialog), "delete");
  respond (dialog, "do");
  ui_wait_closed (ADW_TYPE_MESSAGE_DIALOG);
  ui_wait_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, _("No Integrations Yet"));
  g_assert_cmpuint (g_list_model_get_n_items (govorun_integrations_get_targets (integrations ())), ==, 0);
}

static gboolean
run_script (gpointer user_data)
{
  GovorunIntegrationsPage *page;
  GovorunIntegrationDetails *details;

  ui_app_wait_ready ();
  /* The sandbox's own receiver, which checks signatures with the secrets
   * the application's sandbox wiring looks up: no secret is pasted. */
  receiver = g_object_ref (govorun_sandbox_get_webhook_receiver (govorun_application_get_sandbox (ui_app_get ())));

  page = show_integrations ();
  ui_wait_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, _("No Integrations Yet"));
  shot (window (), "empty");
  assert_fits_small_screen (window (), "The main window on the Integrations page");

  details = add_webhook (page);
  test_delivery (details);
  failing_receiver (details);
  pause_and_resume (details);
  rotate (details);
  backfill (details);
  delete (page, details);

  g_clear_object (&receiver);
  g_application_quit (G_APPLICATION (ui_app_get ()));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  return ui_app_main (argc, argv, "/Govorun/UI/integrations", run_script);
}
