/* govorun-integration-details.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunIntegrationsPage"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-agent.h"
#include "govorun-delivery-log.h"
#include "govorun-error-banner.h"
#include "govorun-integration-details.h"
#include "govorun-integration-format.h"
#include "govorun-integration-secret.h"
#include "govorun-toast.h"

struct _GovorunIntegrationDetails
{
  GtkWidget                 parent_instance;

  GovorunIntegrations      *integrations;
  GovorunIntegrationTarget *target;
  GovorunDeliveryLog       *log;
  GCancellable             *cancellable;

  AdwActionRow             *address_row;
  AdwActionRow             *state_row;
  GtkButton                *pause_button;
  GtkWidget                *test_button;
  GtkWidget                *rotate_button;
  GtkLabel                 *crm_only_label;
  GtkWidget                *crm_only_box;
  GtkWidget                *telephony_button;
  GtkWidget                *lines_button;
  GtkWidget                *backfill_button;
  GtkWidget                *delete_button;
  GtkWidget                *spinner;
  GtkLabel                 *test_result;
  GtkStack                 *log_stack;
  GtkColumnView            *log_view;
};

G_DEFINE_FINAL_TYPE (GovorunIntegrationDetails, govorun_integration_details, GTK_TYPE_WIDGET)

enum {
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* -- the state -- */

static void
update_state (GovorunIntegrationDetails *self)
{
  g_autofree char *state = NULL;
  gboolean paused;

  if (self->target == NULL)
    return;
  paused = govorun_integration_target_get_paused (self->target);
  state = govorun_integration_format_state (self->target);
  adw_action_row_set_subtitle (self->state_row, state);
  gtk_button_set_label (self->pause_button, paused ? _("_Resume") : _("_Pause"));
  /* A Bitrix24 portal that refused telephony calls from the webhook. */
  gtk_label_set_text (self->crm_only_label, govorun_integrations_crm_only_notice ());
  gtk_widget_set_visible (self->crm_only_box, govorun_integration_target_get_crm_only (self->target));
  if (paused)
    gtk_widget_add_css_class (GTK_WIDGET (self->pause_button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->pause_button), "suggested-action");
}

static void
update_log_stack (GovorunIntegrationDetails *self)
{
  gboolean any = self->log != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->log)) > 0;

  gtk_stack_set_visible_child_name (self->log_stack, any ? "log" : "empty");
}

static void
set_busy (GovorunIntegrationDetails *self,
          gboolean                   busy)
{
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_widget_set_sensitive (self->test_button, !busy);
  gtk_widget_set_sensitive (self->rotate_button, !busy);
  gtk_widget_set_sensitive (self->backfill_button, !busy);
  gtk_widget_set_sensitive (self->delete_button, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pause_button), !busy);
  gtk_widget_set_sensitive (self->lines_button, !busy);
  gtk_widget_set_sensitive (self->telephony_button, !busy);
}

/* A service's error: shown unless the view is going away. */
static gboolean
failed (GovorunIntegrationDetails *self,
        GError                    *error)
{
  if (error == NULL)
    return FALSE;
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_busy (self, FALSE);
      govorun_error_show (GTK_WIDGET (self), error->message);
    }
  return TRUE;
}

/* What the last Test (or Pause) says under the buttons; NULL hides it. */
static void
set_test_result (GovorunIntegrationDetails *self,
                 const char                *text,
                 const char                *css_class)
{
  gtk_label_set_text (self->test_result, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->test_result), text != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->test_result), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->test_result), "error");
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->test_result), css_class);
}

/* -- Pause / Resume -- */

static void
on_paused (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GovorunIntegrationDetails) self = user_data;
  g_autoptr(GError) error = NULL;

  govorun_integrations_set_paused_finish (GOVORUN_INTEGRATIONS (source), result, &error);
  if (failed (self, error))
    return;
  set_busy (self, FALSE);
  /* What the last test said may no longer hold. */
  set_test_result (self, NULL, NULL);
  update_state (self);
}

static void
on_pause (GovorunIntegrationDetails *self)
{
  gboolean paused = govorun_integration_target_get_paused (self->target);

  set_busy (self, TRUE);
  govorun_integrations_set_paused_async (self->integrations, self->target, !paused,
                                         paused ? NULL : _("Paused by you."), self->cancellable,
                                         on_paused, g_object_ref (self));
}

/* -- Test -- */

static char *
describe_answer (GovorunDelivery *delivery)
{
  guint status = govorun_delivery_get_last_status (delivery);
  const char *error = govorun_delivery_get_last_error (delivery);

  switch (govorun_delivery_get_state (delivery))
    {
    case GOVORUN_DELIVERY_DELIVERED:
      /* Translators: the answer to a test delivery: the HTTP status and the time it took */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The receiver answered HTTP %u in %u ms.",
                                           "The receiver answered HTTP %u in %u ms.",
                                           govorun_delivery_get_last_latency (delivery)),
                              status, govorun_delivery_get_last_latency (delivery));
    case GOVORUN_DELIVERY_PENDING:
      if (govorun_delivery_get_attempts (delivery) == 0)
        return g_strdup (_("The integration is paused: the test waits for Resume."));
      return g_strdup (error != NULL ? error : _("No answer; Govorun will try again."));
    case GOVORUN_DELIVERY_SENDING:
    case GOVORUN_DELIVERY_FAILED:
    case GOVORUN_DELIVERY_GAVE_UP:
    default:
      return g_strdup (error != NULL ? error : govorun_integration_format_delivery (govorun_delivery_get_state (delivery)));
    }
}

static void
on_tested (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GovorunIntegrationDetails) self = user_data;
  g_autoptr(GovorunDelivery) delivery = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = NULL;
  gboolean ok;

  delivery = govorun_integrations_test_finish (GOVORUN_INTEGRATIONS (source), result, &error);
  if (failed (self, error))
    return;
  set_busy (self, FALSE);
  answer = describe_answer (delivery);
  ok = govorun_delivery_get_state (delivery) == GOVORUN_DELIVERY_DELIVERED;
  set_test_result (self, answer, ok ? "success" : "error");
}

static void
on_test (GovorunIntegrationDetails *self)
{
  set_busy (self, TRUE);
  set_test_result (self, _("Sending a test delivery…"), NULL);
  govorun_integrations_test_async (self->integrations, self->target, self->cancellable, on_tested,
                                   g_object_ref (self));
}

/* -- dialogs -- */

static GtkWindow *
parent_window (GovorunIntegrationDetails *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static AdwMessageDialog *
confirm (GovorunIntegrationDetails *self,
         const char                *heading,
         const char                *body,
         const char                *action_label,
         gboolean                   destructive)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "do", action_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "do", destructive ? ADW_RESPONSE_DESTRUCTIVE
                                                                        : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

/* -- Rotate Secret -- */

static void
on_rotated (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GovorunIntegrationDetails) self = user_data;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  char *secret;

  secret = govorun_integrations_rotate_secret_finish (GOVORUN_INTEGRATIONS (source), result, &error);
  if (failed (self, error))
    return;
  set_busy (self, FALSE);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), _("New Secret"), NULL));
  adw_message_dialog_set_extra_child (dialog, govorun_integration_secret_new (secret));
  adw_message_dialog_add_response (dialog, "done", _("_Done"));
  memset (secret, 0, strlen (secret));
  g_free (secret);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_rotate_response (AdwMessageDialog          *dialog,
                    const char                *response,
                    GovorunIntegrationDetails *self)
{
  if (g_strcmp0 (response, "do") != 0 || self->target == NULL)
    return;
  set_busy (self, TRUE);
  govorun_integrations_rotate_secret_async (self->integrations, self->target, self->cancellable,
                                            on_rotated, g_object_ref (self));
}

static void
on_rotate (GovorunIntegrationDetails *self)
{
  AdwMessageDialog *dialog = confirm (self, _("Rotate the Secret?"),
                                      _("Govorun signs every delivery with a new secret from now on, and the "
                                        "receiver rejects them until it is given the new one. It is shown once."),
                                      _("_Rotate"), TRUE);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rotate_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* -- Delete -- */

static void
on_removed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GovorunIntegrationDetails) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunIntegrationTarget) target = NULL;

  govorun_integrations_remove_finish (GOVORUN_INTEGRATIONS (source), result, &error);
  if (failed (self, error))
    return;
  set_busy (self, FALSE);
  target = self->target != NULL ? g_object_ref (self->target) : NULL;
  govorun_toast_show (GTK_WIDGET (self), _("Integration deleted"));
  g_signal_emit (self, signals[DELETED], 0, target);
}

static void
on_delete_response (AdwMessageDialog          *dialog,
                    const char                *response,
                    GovorunIntegrationDetails *self)
{
  if (g_strcmp0 (response, "do") != 0 || self->target == NULL)
    return;
  set_busy (self, TRUE);
  govorun_integrations_remove_async (self->integrations, self->target, self->cancellable, on_removed,
                                     g_object_ref (self));
}

static void
on_delete (GovorunIntegrationDetails *self)
{
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %s is the integration's name */
  heading = g_strdup_printf (_("Delete “%s”?"), govorun_integration_target_get_name (self->target));
  dialog = confirm (self, heading,
                    _("Its waiting deliveries and its delivery log are deleted too, and its secret is "
                      "removed from the keyring. The receiver gets nothing more from Govorun."),
                    _("_Delete"), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* -- Backfill -- */

/* "2026-11-30" as local midnight, or 0. */
static gint64
parse_day (const char *text)
{
  g_autoptr(GDateTime) day = NULL;
  int y, m, d;
  char tail;

  if (text == NULL || sscanf (text, "%d-%d-%d%c", &y, &m, &d, &tail) != 3)
    return 0;
  day = g_date_time_new_local (y, m, d, 0, 0, 0);
  return day != NULL ? g_date_time_to_unix (day) : 0;
}

static char *
format_day (GDateTime *day)
{
  return g_date_time_format (day, "%Y-%m-%d");
}

static void
on_backfilled (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GovorunIntegrationDetails) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint added = 0;

  govorun_integrations_enqueue_new_calls_finish (GOVORUN_INTEGRATIONS (source), result, &added, &error);
  if (failed (self, error))
    return;
  set_busy (self, FALSE);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u call will be sent", "%u calls will be sent", added),
                          added);
  govorun_toast_show (GTK_WIDGET (self), text);
}

static void
on_backfill_response (AdwMessageDialog          *dialog,
                      const char                *response,
                      GovorunIntegrationDetails *self)
{
  GtkWidget *group = adw_message_dialog_get_extra_child (dialog);
  GtkEditable *from_row = g_object_get_data (G_OBJECT (group), "from");
  GtkEditable *to_row = g_object_get_data (G_OBJECT (group), "to");
  gint64 from, to;

  if (g_strcmp0 (response, "do") != 0 || self->target == NULL)
    return;
  from = parse_day (gtk_editable_get_text (from_row));
  to = parse_day (gtk_editable_get_text (to_row));
  if (from == 0 || to == 0 || to < from)
    {
      govorun_error_show (GTK_WIDGET (self),
                          _("The dates are not a range. Enter two dates as YYYY-MM-DD, the first not after the second."));
      return;
    }
  set_busy (self, TRUE);
  /* The last day counts whole. */
  govorun_integrations_backfill_async (self->integrations, self->target, from, to + 24 * 60 * 60,
                                       self->cancellable, on_backfilled, g_object_ref (self));
}

static GtkWidget *
day_row (const char *title,
         GDateTime  *day)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *text = format_day (day);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  return row;
}

static void
on_backfill (GovorunIntegrationDetails *self)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GDateTime) week_ago = g_date_time_add_days (today, -7);
  GtkWidget *group = gtk_list_box_new ();
  GtkWidget *from_row = day_row (_("From (YYYY-MM-DD)"), week_ago);
  GtkWidget *to_row = day_row (_("To, Inclusive (YYYY-MM-DD)"), today);
  AdwMessageDialog *dialog;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (group), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (group, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (group), from_row);
  gtk_list_box_append (GTK_LIST_BOX (group), to_row);
  g_object_set_data (G_OBJECT (group), "from", from_row);
  g_object_set_data (G_OBJECT (group), "to", to_row);

  dialog = confirm (self, _("Send Earlier Calls?"),
                    _("Only calls synced after the integration was added are sent. Choose the days "
                      "whose calls should be sent too; a call already sent is not sent again."),
                    _("_Send"), FALSE);
  adw_message_dialog_set_extra_child (dialog, group);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_backfill_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* -- Try Telephony Again (a CRM-only Bitrix24 target) -- */

static void
on_telephony_cleared (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GovorunIntegrationDetails) self = user_data;
  g_autoptr(GError) error = NULL;

  govorun_integrations_try_telephony_again_finish (GOVORUN_INTEGRATIONS (source), result, &error);
  if (failed (self, error))
    return;
  set_busy (self, FALSE);
  govorun_toast_show (GTK_WIDGET (self), _("The next call will be registered on the portal’s telephony"));
}

static void
on_try_telephony (GovorunIntegrationDetails *self)
{
  if (self->target == NULL)
    return;
  set_busy (self, TRUE);
  govorun_integrations_try_telephony_again_async (self->integrations, self->target, self->cancellable,
                                                  on_telephony_cleared, g_object_ref (self));
}

/* -- Add Agent Numbers as Lines (a Bitrix24 target) -- */

typedef struct
{
  GovorunIntegrationDetails *self;
  GPtrArray                 *numbers;  /* of char*: the chosen numbers */
  GPtrArray                 *names;    /* of char*: their agents' names, the lines' names */
  guint                      next;
  GString                   *report;   /* a line per number */
  gboolean                   any_failed;
} LinesRun;

static void
lines_run_free (LinesRun *run)
{
  g_object_unref (run->self);
  g_ptr_array_unref (run->numbers);
  g_ptr_array_unref (run->names);
  g_string_free (run->report, TRUE);
  g_free (run);
}

static void add_next_line (LinesRun *run);

static void
on_line_added (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  LinesRun *run = user_data;
  g_autoptr(GError) error = NULL;
  const char *number = g_ptr_array_index (run->numbers, run->next);
  gboolean existed = FALSE;

  if (govorun_integrations_add_bitrix24_line_finish (GOVORUN_INTEGRATIONS (source), result, &existed, &error))
    /* Translators: the outcome of adding a number as a Bitrix24 line; %s is the number */
    g_string_append_printf (run->report, existed ? _("%s: already a line") : _("%s: added"), number);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      lines_run_free (run);
      return;
    }
  else
    {
      run->any_failed = TRUE;
      /* Translators: a number that could not be added as a line, then the portal's reason */
      g_string_append_printf (run->report, _("%s: %s"), number, error->message);
    }
  run->next++;
  if (run->next < run->numbers->len)
    g_string_append_c (run->report, '\n');
  add_next_line (run);
}

static void
add_next_line (LinesRun *run)
{
  GovorunIntegrationDetails *self = run->self;

  if (run->next >= run->numbers->len || self->target == NULL)
    {
      set_busy (self, FALSE);
      set_test_result (self, run->report->str, run->any_failed ? "error" : "success");
      lines_run_free (run);
      return;
    }
  govorun_integrations_add_bitrix24_line_async (self->integrations, self->target,
                                                g_ptr_array_index (run->numbers, run->next),
                                                g_ptr_array_index (run->names, run->next),
                                                self->cancellable, on_line_added, run);
}

static void
on_lines_response (AdwMessageDialog          *dialog,
                   const char                *response,
                   GovorunIntegrationDetails *self)
{
  GtkWidget *list = g_object_get_data (G_OBJECT (dialog), "list");
  LinesRun *run;

  if (g_strcmp0 (response, "do") != 0 || self->target == NULL)
    return;
  run = g_new0 (LinesRun, 1);
  run->self = g_object_ref (self);
  run->numbers = g_ptr_array_new_with_free_func (g_free);
  run->names = g_ptr_array_new_with_free_func (g_free);
  run->report = g_string_new (NULL);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

      if (check == NULL || !gtk_check_button_get_active (check))
        continue;
      g_ptr_array_add (run->numbers, g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))));
      g_ptr_array_add (run->names, g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (row))));
    }
  if (run->numbers->len == 0)
    {
      lines_run_free (run);
      return;
    }
  set_busy (self, TRUE);
  set_test_result (self, _("Adding the numbers as lines…"), NULL);
  add_next_line (run);
}

static GtkWidget *
number_row (GovorunAgent       *agent,
            GovorunAgentNumber *number)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), number->number);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), govorun_agent_get_name (agent));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "check", check);
  return row;
}

static void
on_agent_numbers (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GovorunIntegrationDetails) self = user_data;
  g_autoptr(GListModel) agents = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *list, *scrolled;
  AdwMessageDialog *dialog;
  guint n;

  agents = govorun_integrations_list_agent_numbers_finish (GOVORUN_INTEGRATIONS (source), result, &error);
  if (failed (self, error))
    return;
  set_busy (self, FALSE);
  n = g_list_model_get_n_items (agents);
  if (n == 0)
    {
      govorun_error_show (GTK_WIDGET (self),
                          _("No agent has a number yet. Give an agent a number on the Agents page, then add it here."));
      return;
    }
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GovorunAgent) agent = g_list_model_get_item (agents, i);
      GPtrArray *numbers = govorun_agent_get_numbers (agent);

      for (guint j = 0; j < numbers->len; j++)
        gtk_list_box_append (GTK_LIST_BOX (list), number_row (agent, g_ptr_array_index (numbers, j)));
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);

  dialog = confirm (self, _("Add Agent Numbers as Lines?"),
                    _("Each chosen number becomes an external line of the portal, named after its agent, "
                      "so the calls Govorun sends are shown on that line. A line the portal has already "
                      "is left as it is."),
                    _("_Add"), FALSE);
  adw_message_dialog_set_extra_child (dialog, scrolled);
  g_object_set_data (G_OBJECT (dialog), "list", list);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_lines_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_lines (GovorunIntegrationDetails *self)
{
  set_busy (self, TRUE);
  set_test_result (self, NULL, NULL);
  govorun_integrations_list_agent_numbers_async (self->integrations, self->cancellable, on_agent_numbers,
                                                 g_object_ref (self));
}

/* -- the log -- */

typedef enum
{
  COLUMN_TIME,
  COLUMN_EVENT,
  COLUMN_STATE,
  COLUMN_CODE,
  COLUMN_LATENCY,
  COLUMN_ATTEMPTS,
  COLUMN_REASON,
} Column;

static char *
cell_text (GovorunDelivery *d,
           Column           column)
{
  switch (column)
    {
    case COLUMN_TIME:
      /* When the delivery was made (its attempts share its row). */
      return govorun_integration_format_time (govorun_delivery_get_created_at (d), FALSE);
    case COLUMN_EVENT:
      return g_strdup (govorun_integration_format_event (govorun_delivery_get_event (d)));
    case COLUMN_STATE:
      return g_strdup (govorun_integration_format_delivery (govorun_delivery_get_state (d)));
    case COLUMN_CODE:
      return govorun_delivery_get_last_status (d) > 0
             ? g_strdup_printf ("%u", govorun_delivery_get_last_status (d)) : g_strdup ("—");
    case COLUMN_LATENCY:
      /* Translators: a latency in milliseconds */
      return govorun_delivery_get_attempts (d) > 0
             ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u ms", "%u ms", govorun_delivery_get_last_latency (d)),
                                govorun_delivery_get_last_latency (d))
             : g_strdup ("—");
    case COLUMN_ATTEMPTS:
      return g_strdup_printf ("%u", govorun_delivery_get_attempts (d));
    case COLUMN_REASON:
    default:
      return g_strdup (govorun_delivery_get_last_error (d) != NULL ? govorun_delivery_get_last_error (d) : "");
    }
}

static void
setup_text (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (label), 1);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (label), 1);
  gtk_list_item_set_child (item, label);
}

static void
bind_text (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GovorunDelivery *d = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = cell_text (d, column);

  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
  gtk_widget_set_tooltip_text (label, column == COLUMN_REASON && *text != '\0' ? text : NULL);
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "success");
  if (column == COLUMN_STATE)
    switch (govorun_delivery_get_state (d))
      {
      case GOVORUN_DELIVERY_DELIVERED:
        gtk_widget_add_css_class (label, "success");
        break;
      case GOVORUN_DELIVERY_FAILED:
      case GOVORUN_DELIVERY_GAVE_UP:
        gtk_widget_add_css_class (label, "error");
        break;
      case GOVORUN_DELIVERY_PENDING:
      case GOVORUN_DELIVERY_SENDING:
      default:
        break;
      }
}

static void
on_resent (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GovorunIntegrationDetails) self = user_data;
  g_autoptr(GError) error = NULL;

  govorun_integrations_resend_finish (GOVORUN_INTEGRATIONS (source), result, &error);
  if (failed (self, error))
    return;
  govorun_toast_show (GTK_WIDGET (self), _("The delivery will be sent again within seconds"));
}

static void
on_resend_clicked (GtkButton                 *button,
                   GovorunIntegrationDetails *self)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (button), "list-item");
  GovorunDelivery *d = item != NULL ? gtk_list_item_get_item (item) : NULL;

  if (d == NULL || self->integrations == NULL)
    return;
  set_test_result (self, NULL, NULL);
  govorun_integrations_resend_async (self->integrations, d, self->cancellable, on_resent, g_object_ref (self));
}

static void
setup_resend (GtkSignalListItemFactory  *factory,
              GtkListItem               *item,
              GovorunIntegrationDetails *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("view-refresh-symbolic");

  gtk_widget_set_tooltip_text (button, _("Resend"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Resend"), -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "list-item", item);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_resend_clicked), self, 0);
  gtk_list_item_set_child (item, button);
}

static void
bind_resend (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GovorunDelivery *d = gtk_list_item_get_item (item);
  GovorunDeliveryState state = govorun_delivery_get_state (d);

  /* A delivery waiting already goes by itself. */
  gtk_widget_set_sensitive (gtk_list_item_get_child (item), state != GOVORUN_DELIVERY_PENDING
                                                            && state != GOVORUN_DELIVERY_SENDING);
}

static void
add_column (GovorunIntegrationDetails *self,
            const char                *title,
            Column                     column,
            int                        width,
            gboolean                   expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_text), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_text), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (col, width);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (self->log_view, col);
  g_object_unref (col);
}

static void
build_columns (GovorunIntegrationDetails *self)
{
  GtkListItemFactory *factory;
  GtkColumnViewColumn *col;

  add_column (self, _("Time"), COLUMN_TIME, 158, FALSE);
  add_column (self, _("Event"), COLUMN_EVENT, 90, FALSE);
  add_column (self, C_("integration", "State"), COLUMN_STATE, 105, FALSE);
  /* Translators: the HTTP status code column; keep it short */
  add_column (self, _("Code"), COLUMN_CODE, 45, FALSE);
  add_column (self, _("Latency"), COLUMN_LATENCY, 80, FALSE);
  /* Translators: the attempts column; keep it short */
  add_column (self, _("Tries"), COLUMN_ATTEMPTS, 65, FALSE);
  add_column (self, _("Reason"), COLUMN_REASON, -1, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_resend), self, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_resend), NULL);
  col = gtk_column_view_column_new (NULL, factory);
  gtk_column_view_append_column (self->log_view, col);
  g_object_unref (col);
}

/* -- the object -- */

static void
govorun_integration_details_dispose (GObject *object)
{
  GovorunIntegrationDetails *self = GOVORUN_INTEGRATION_DETAILS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  govorun_integration_details_set_target (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_INTEGRATION_DETAILS);
  G_OBJECT_CLASS (govorun_integration_details_parent_class)->dispose (object);
}

static void
govorun_integration_details_class_init (GovorunIntegrationDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = govorun_integration_details_dispose;

  /* The target was deleted; the page goes back to its list. */
  signals[DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GOVORUN_TYPE_INTEGRATION_TARGET);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/govorun/Govorun/ui/govorun-integration-details.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, GovorunIntegrationDetails, name)
  BIND (address_row);
  BIND (state_row);
  BIND (pause_button);
  BIND (test_button);
  BIND (rotate_button);
  BIND (crm_only_label);
  BIND (crm_only_box);
  BIND (telephony_button);
  BIND (lines_button);
  BIND (backfill_button);
  BIND (delete_button);
  BIND (spinner);
  BIND (test_result);
  BIND (log_stack);
  BIND (log_view);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_pause);
  gtk_widget_class_bind_template_callback (widget_class, on_test);
  gtk_widget_class_bind_template_callback (widget_class, on_rotate);
  gtk_widget_class_bind_template_callback (widget_class, on_backfill);
  gtk_widget_class_bind_template_callback (widget_class, on_delete);
  gtk_widget_class_bind_template_callback (widget_class, on_try_telephony);
  gtk_widget_class_bind_template_callback (widget_class, on_lines);
}

static void
govorun_integration_details_init (GovorunIntegrationDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  build_columns (self);
}

void
govorun_integration_details_set_target (GovorunIntegrationDetails *self,
                                        GovorunIntegrations       *integrations,
                                        GovorunIntegrationTarget  *target)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *events = NULL;
  g_autofree char *subtitle = NULL;
  gboolean webhook;

  g_return_if_fail (GOVORUN_IS_INTEGRATION_DETAILS (self));

  if (self->target != NULL)
    g_signal_handlers_disconnect_by_func (self->target, update_state, self);
  if (self->log != NULL)
    g_signal_handlers_disconnect_by_func (self->log, update_log_stack, self);
  g_clear_object (&self->log);
  g_set_object (&self->integrations, integrations);
  g_set_object (&self->target, target);
  if (self->log_view != NULL)
    gtk_column_view_set_model (self->log_view, NULL);
  if (target == NULL || integrations == NULL)
    {
      g_clear_object (&self->integrations);
      g_clear_object (&self->target);
      return;
    }

  set_test_result (self, NULL, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->address_row), govorun_integration_target_get_url (target));
  events = govorun_integration_format_events (govorun_integration_target_get_events (target));
  /* Translators: a target's subtitle: its kind, then the events it gets */
  subtitle = g_strdup_printf (_("%s · %s"),
                              govorun_integration_format_kind (govorun_integration_target_get_kind (target)),
                              events);
  adw_action_row_set_subtitle (self->address_row, subtitle);
  /* Secrets and signed tests are the webhook's; another kind says what it supports. */
  webhook = govorun_integration_target_get_kind (target) == GOVORUN_INTEGRATION_KIND_WEBHOOK;
  gtk_widget_set_visible (self->rotate_button, webhook);
  gtk_widget_set_visible (self->lines_button,
                          govorun_integration_target_get_kind (target) == GOVORUN_INTEGRATION_KIND_BITRIX24);
  gtk_widget_set_tooltip_text (self->test_button, webhook ? _("Send a signed test delivery now")
                                                          : _("Ask the portal whether the webhook has the permissions Govorun needs"));
  gtk_widget_set_visible (self->test_button, webhook || govorun_integrations_supports_kind (integrations,
                                                                                          govorun_integration_target_get_kind (target)));
  g_signal_connect_object (target, "notify", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  update_state (self);

  self->log = govorun_delivery_log_new (integrations, govorun_integration_target_get_id (target));
  g_signal_connect_object (self->log, "items-changed", G_CALLBACK (update_log_stack), self, G_CONNECT_SWAPPED);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->log)));
  gtk_column_view_set_model (self->log_view, GTK_SELECTION_MODEL (selection));
  update_log_stack (self);
}

GovorunIntegrationTarget *
govorun_integration_details_get_target (GovorunIntegrationDetails *self)
{
  g_return_val_if_fail (GOVORUN_IS_INTEGRATION_DETAILS (self), NULL);
  return self->target;
}

GListModel *
govorun_integration_details_get_log (GovorunIntegrationDetails *self)
{
  g_return_val_if_fail (GOVORUN_IS_INTEGRATION_DETAILS (self), NULL);
  return self->log != NULL ? G_LIST_MODEL (self->log) : NULL;
}
