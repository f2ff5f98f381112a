/* govorun-agent-details.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAgentDetails"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-agent-analysis-section.h"
#include "govorun-agent-details.h"
#include "govorun-agent-widget-page.h"
#include "govorun-agent-row.h"
#include "govorun-changed-elsewhere.h"
#include "govorun-phone-call-dialog.h"
#include "govorun-scenario-window.h"
#include "govorun-test-call-window.h"
#include "govorun-error-banner.h"
#include "govorun-toast.h"

/*
 * One agent: what it is, where its setup stands, and the actions on it.
 * "Create and configure", "Continue" and "Repair" are one action for the
 * provisioner (apply re-plans and finishes the job); this view lists the
 * plan's steps and marks each as the provisioner reports it.
 */

struct _GovorunAgentDetails
{
  GtkWidget            parent_instance;

  GovorunAccountStore *accounts;
  GovorunAgentStore   *agents;
  GovorunProvisioner  *provisioner;
  GovorunAgentWidget  *agent_widget;
  GovorunAgentFinder  *agent_finder;   /* for Load Their Version */
  GovorunTestCalls    *test_calls;
  GovorunAgent        *agent;
  GCancellable        *cancellable;
  GCancellable        *apply_cancellable;  /* the running apply's, for Cancel */
  gulong               apply_link;         /* chains it to cancellable */
  gboolean             stopping;           /* Cancel was pressed */
  GHashTable          *step_rows;   /* step id -> AdwActionRow */
  gulong               step_handler;
  gboolean             busy;

  /* template children */
  GtkLabel            *state_label;
  GtkLabel            *error_label;
  GtkWidget           *apply_button;
  GtkWidget           *stop_button;
  GtkWidget           *drift_button;
  GtkWidget           *spinner;
  GtkWidget           *more_button;
  GtkFlowBox          *actions_box;
  GtkWidget           *steps_group;
  GtkListBox          *steps_list;
  GtkWidget           *drift_group;
  GtkListBox          *drift_list;
  AdwActionRow        *el_agent_row;
  AdwActionRow        *accounts_row;
  GovorunAgentAnalysisSection *analysis_section;
  AdwActionRow        *numbers_row;
  AdwActionRow        *modes_row;
  AdwActionRow        *application_row;
  AdwActionRow        *key_row;
  GtkWidget           *widget_group;
};

G_DEFINE_FINAL_TYPE (GovorunAgentDetails, govorun_agent_details, GTK_TYPE_WIDGET)

enum {
  SIGNAL_BACK,
  SIGNAL_EDIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_ACCOUNTS,
  PROP_AGENTS,
  PROP_PROVISIONER,
  PROP_AGENT_WIDGET,
  PROP_AGENT_FINDER,
  PROP_AGENT_ANALYSIS,
  PROP_TEST_CALLS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Only the sandbox's application has this action: it changes the agent's
 * rules behind Govorun's back, as a person in the control panel could. */
#define BREAK_ROUTING_ACTION "sandbox-break-routing"

static gboolean
can_break_routing (GovorunAgentDetails *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return app != NULL && g_action_group_has_action (G_ACTION_GROUP (app), BREAK_ROUTING_ACTION);
}

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  adw_action_row_set_subtitle (row, escaped);
}

static const char *
account_name (GovorunAgentDetails *self,
              const char          *uuid)
{
  GovorunAccount *account = uuid ? govorun_account_store_find_by_uuid (self->accounts, uuid) : NULL;

  return account ? govorun_account_get_display_name (account) : _("(removed account)");
}

static void
update (GovorunAgentDetails *self)
{
  GovorunAgentState state;
  const char *last_error;
  g_autofree char *text = NULL;

  if (self->agent == NULL)
    return;

  state = govorun_agent_get_state (self->agent);
  last_error = govorun_agent_get_last_error (self->agent);

  gtk_label_set_text (self->state_label, govorun_agent_state_get_label (state));
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label),
                            state == GOVORUN_AGENT_STATE_READY ? "success" :
                            state == GOVORUN_AGENT_STATE_ERROR ? "error" : "warning");

  gtk_widget_set_visible (GTK_WIDGET (self->error_label),
                          !self->busy && last_error != NULL && *last_error != '\0' &&
                          state != GOVORUN_AGENT_STATE_READY);
  gtk_label_set_text (self->error_label, last_error ? last_error : "");

  switch (state)
    {
    case GOVORUN_AGENT_STATE_DRAFT:
      gtk_button_set_label (GTK_BUTTON (self->apply_button), _("_Create and Configure"));
      break;
    case GOVORUN_AGENT_STATE_DRIFTED:
      gtk_button_set_label (GTK_BUTTON (self->apply_button), _("_Repair"));
      break;
    case GOVORUN_AGENT_STATE_READY:
      gtk_button_set_label (GTK_BUTTON (self->apply_button), _("_Deploy Again"));
      break;
    case GOVORUN_AGENT_STATE_PARTIAL:
    case GOVORUN_AGENT_STATE_ERROR:
    default:
      gtk_button_set_label (GTK_BUTTON (self->apply_button), _("_Continue"));
      break;
    }
  gtk_widget_set_visible (self->apply_button, TRUE);
  if (state == GOVORUN_AGENT_STATE_READY)
    gtk_widget_remove_css_class (self->apply_button, "suggested-action");
  else
    gtk_widget_add_css_class (self->apply_button, "suggested-action");

  gtk_widget_set_sensitive (self->apply_button, !self->busy);
  gtk_widget_set_visible (self->stop_button, self->busy && self->apply_cancellable != NULL);
  gtk_widget_set_sensitive (self->stop_button, !self->stopping);
  gtk_widget_set_sensitive (self->drift_button, !self->busy && state != GOVORUN_AGENT_STATE_DRAFT);
  gtk_widget_set_sensitive (self->more_button, !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.sandbox-break",
                                 can_break_routing (self) &&
                                 govorun_agent_get_application_id (self->agent) != 0);
  gtk_widget_set_visible (self->spinner, self->busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), self->busy);

  /* A webhook bot has no ElevenLabs agent. */
  gtk_widget_set_visible (GTK_WIDGET (self->el_agent_row), govorun_agent_get_el_agent_id (self->agent) != NULL);
  gtk_widget_set_visible (self->widget_group, govorun_agent_get_el_agent_id (self->agent) != NULL &&
                          self->agent_widget != NULL);
  /* Translators: ElevenLabs agent name, then its ID */
  text = g_strdup_printf (_("%s (%s)"),
                          govorun_agent_get_el_agent_name (self->agent) ?
                          govorun_agent_get_el_agent_name (self->agent) : "",
                          govorun_agent_get_el_agent_id (self->agent));
  set_subtitle (self->el_agent_row, text);
  g_clear_pointer (&text, g_free);

  /* Translators: ElevenLabs account name, then Voximplant account name */
  text = g_strdup_printf (_("ElevenLabs: %s · Voximplant: %s"),
                          account_name (self, govorun_agent_get_el_account_uuid (self->agent)),
                          account_name (self, govorun_agent_get_vox_account_uuid (self->agent)));
  set_subtitle (self->accounts_row, text);
  g_clear_pointer (&text, g_free);

  text = govorun_agent_describe_numbers (self->agent);
  set_subtitle (self->numbers_row, text);
  g_clear_pointer (&text, g_free);

  text = g_strdup_printf ("%s · %s · %s", govorun_agent_modes_get_label (self->agent),
                          govorun_agent_get_engine (self->agent) == GOVORUN_AGENT_ENGINE_WEBHOOK ?
                          _("webhook bot") : _("ElevenLabs agent"),
                          govorun_agent_get_record (self->agent) ? _("recorded") : _("not recorded"));
  set_subtitle (self->modes_row, text);
  g_clear_pointer (&text, g_free);

  if (govorun_agent_get_application_id (self->agent) != 0)
    text = g_strdup_printf ("%s (ID %" G_GINT64_FORMAT ")",
                            govorun_agent_get_application_name (self->agent),
                            govorun_agent_get_application_id (self->agent));
  else
    text = g_strdup (_("Not created yet"));
  set_subtitle (self->application_row, text);

  /* Where the scenarios find the ElevenLabs key, once deployed. */
  gtk_widget_set_visible (GTK_WIDGET (self->key_row),
                          govorun_agent_get_engine (self->agent) == GOVORUN_AGENT_ENGINE_ELEVENLABS &&
                          govorun_agent_get_application_id (self->agent) != 0);
  if (govorun_agent_get_key_in_scenario (self->agent))
    {
      set_subtitle (self->key_row, _("Written into the scenarios: this Voximplant account has no secret storage, so anyone who can read the scenarios in the Voximplant control panel can see the key"));
      gtk_widget_add_css_class (GTK_WIDGET (self->key_row), "warning");
    }
  else
    {
      set_subtitle (self->key_row, _("Kept in the application’s secret storage, not in the scenarios"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->key_row), "warning");
    }
}

/* -- steps -- */

static void
clear_steps (GovorunAgentDetails *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list))) != NULL)
    gtk_list_box_remove (self->steps_list, child);
  g_hash_table_remove_all (self->step_rows);
  /* The steps are shown while (and after) they run, not as an empty box. */
  gtk_widget_set_visible (self->steps_group, FALSE);
}

static GtkWidget *
skipped_icon_new (void)
{
  GtkWidget *image = gtk_image_new_from_icon_name ("media-skip-forward-symbolic");

  gtk_widget_set_tooltip_text (image, _("Skipped: not needed"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Skipped: not needed"), -1);
  return image;
}

static GtkWidget *
step_row_new (const char *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  /* Step descriptions carry the agent's and provider objects' names. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_add_css_class (row, "step-row");

  gtk_stack_add_named (GTK_STACK (stack), gtk_image_new_from_icon_name ("content-loading-symbolic"), "pending");
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_stack_add_named (GTK_STACK (stack), spinner, "running");
  gtk_stack_add_named (GTK_STACK (stack), gtk_image_new_from_icon_name ("emblem-ok-symbolic"), "done");
  gtk_stack_add_named (GTK_STACK (stack), gtk_image_new_from_icon_name ("dialog-error-symbolic"), "failed");
  /* Skipped is not failed: "skip forward", not a no-entry sign. */
  gtk_stack_add_named (GTK_STACK (stack), skipped_icon_new (), "skipped");
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "pending");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), stack);
  g_object_set_data (G_OBJECT (row), "state-stack", stack);

  return row;
}

static void
show_plan (GovorunAgentDetails *self,
           GovorunPlan         *plan)
{
  clear_steps (self);
  gtk_widget_set_visible (self->steps_group, TRUE);

  for (guint i = 0; plan != NULL && i < plan->steps->len; i++)
    {
      GovorunPlanStep *step = g_ptr_array_index (plan->steps, i);
      GtkWidget *row = step_row_new (step->description);

      gtk_list_box_append (self->steps_list, row);
      g_hash_table_insert (self->step_rows, g_strdup (step->id), row);
    }

  if (plan == NULL || plan->steps->len == 0)
    {
      GtkWidget *row = step_row_new (_("Nothing to change: the account matches this agent."));

      gtk_stack_set_visible_child_name (g_object_get_data (G_OBJECT (row), "state-stack"), "done");
      gtk_list_box_append (self->steps_list, row);
    }
}

static void
on_step_changed (GovorunAgentDetails *self,
                 GovorunAgent        *agent,
                 const char          *step_id,
                 int                  state,
                 const char          *message)
{
  static const char *names[] = { "pending", "running", "done", "failed", "skipped" };
  GtkWidget *row;

  if (self->agent == NULL ||
      (agent != self->agent && g_strcmp0 (govorun_agent_get_uuid (agent),
                                           govorun_agent_get_uuid (self->agent)) != 0))
    return;

  gtk_widget_set_visible (self->steps_group, TRUE);
  row = g_hash_table_lookup (self->step_rows, step_id);
  if (row == NULL)
    {
      row = step_row_new (step_id);
      gtk_list_box_append (self->steps_list, row);
      g_hash_table_insert (self->step_rows, g_strdup (step_id), row);
    }

  if (state >= 0 && state < (int) G_N_ELEMENTS (names))
    gtk_stack_set_visible_child_name (g_object_get_data (G_OBJECT (row), "state-stack"), names[state]);

  if (message != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (message, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
    }
}

static void
set_busy (GovorunAgentDetails *self,
          gboolean             busy)
{
  self->busy = busy;
  update (self);
}

static void forget_apply (GovorunAgentDetails *self);

/* After the choice on "Changed on Another Computer": Replace Theirs deploys
 * again (it goes ahead now); Load Their Version shows their set-up. */
static void
elsewhere_done (GovorunChangedElsewhereChoice choice,
                gpointer                      user_data)
{
  g_autoptr(GovorunAgentDetails) self = user_data;

  if (self->agent == NULL)
    return;
  if (choice == GOVORUN_CHANGED_ELSEWHERE_REPLACE)
    govorun_agent_details_apply (self);
  else if (choice == GOVORUN_CHANGED_ELSEWHERE_LOADED)
    govorun_toast_show (GTK_WIDGET (self), _("Their version was loaded"));
}

static gboolean
ask_if_changed_elsewhere (GovorunAgentDetails *self,
                          const GError        *error)
{
  if (!g_error_matches (error, GOVORUN_PROVISIONER_ERROR, GOVORUN_PROVISIONER_ERROR_CHANGED_ELSEWHERE))
    return FALSE;
  govorun_changed_elsewhere_ask (GTK_WIDGET (self), self->provisioner, self->agent_finder, self->agent,
                                 error->message, elsewhere_done, g_object_ref (self));
  return TRUE;
}

static void
applied_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GovorunAgentDetails) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!govorun_provisioner_apply_finish (GOVORUN_PROVISIONER (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !self->stopping)
    return;

  forget_apply (self);
  self->stopping = FALSE;
  set_busy (self, FALSE);

  if (ask_if_changed_elsewhere (self, error))
    clear_steps (self);
  else if (error != NULL)
    govorun_toast_show (GTK_WIDGET (self), _("Setup stopped. Press Continue to finish it."));
  else
    {
      g_autofree char *text = g_strdup_printf (_("“%s” is ready"), govorun_agent_get_name (self->agent));

      gtk_widget_set_visible (self->drift_group, FALSE);
      govorun_toast_show (GTK_WIDGET (self), text);
    }
}

static void
cancel_other (GCancellable *cancellable,
              GCancellable *other)
{
  g_cancellable_cancel (other);
}

static void
forget_apply (GovorunAgentDetails *self)
{
  if (self->apply_link != 0)
    g_cancellable_disconnect (self->cancellable, self->apply_link);
  self->apply_link = 0;
  g_clear_object (&self->apply_cancellable);
}

static void
on_stop_clicked (GovorunAgentDetails *self)
{
  if (self->apply_cancellable == NULL)
    return;
  self->stopping = TRUE;
  update (self);
  g_cancellable_cancel (self->apply_cancellable);
}

static void
planned_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GovorunAgentDetails) self = user_data;
  g_autoptr(GovorunPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = govorun_provisioner_plan_finish (GOVORUN_PROVISIONER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (plan == NULL)
    {
      set_busy (self, FALSE);
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      /* Nothing changed in the account, so the saved state stands; but a
       * "Ready" beside "the key is missing" would say the opposite. */
      if (g_error_matches (error, GOVORUN_PROVISIONER_ERROR, GOVORUN_PROVISIONER_ERROR_ACCOUNT))
        {
          gtk_label_set_text (self->state_label, _("Key not available"));
          gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "success");
          gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "error");
        }
      return;
    }

  show_plan (self, plan);
  /* Its own cancellable, chained to the page's, so Cancel stops only it. */
  forget_apply (self);
  self->apply_cancellable = g_cancellable_new ();
  self->apply_link = g_cancellable_connect (self->cancellable, G_CALLBACK (cancel_other),
                                            g_object_ref (self->apply_cancellable), g_object_unref);
  update (self);
  govorun_provisioner_apply_async (self->provisioner, self->agent, self->apply_cancellable,
                                   applied_cb, g_object_ref (self));
}

void
govorun_agent_details_apply (GovorunAgentDetails *self)
{
  g_return_if_fail (GOVORUN_IS_AGENT_DETAILS (self));
  g_return_if_fail (self->agent != NULL);

  if (self->busy)
    return;

  set_busy (self, TRUE);
  govorun_provisioner_plan_async (self->provisioner, self->agent, self->cancellable,
                                  planned_cb, g_object_ref (self));
}

gboolean
govorun_agent_details_is_busy (GovorunAgentDetails *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT_DETAILS (self), FALSE);

  return self->busy;
}

static void
on_apply_clicked (GovorunAgentDetails *self)
{
  govorun_agent_details_apply (self);
}

/* -- drift -- */

static void
drift_checked_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GovorunAgentDetails) self = user_data;
  g_autoptr(GPtrArray) drift = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  drift = govorun_provisioner_check_drift_finish (GOVORUN_PROVISIONER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (drift == NULL)
    {
      govorun_error_show (GTK_WIDGET (self), error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->drift_list))) != NULL)
    gtk_list_box_remove (self->drift_list, child);

  for (guint i = 0; i < drift->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *escaped = g_markup_escape_text (g_ptr_array_index (drift, i), -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_list_box_append (self->drift_list, row);
    }

  gtk_widget_set_visible (self->drift_group, drift->len > 0);
  if (drift->len == 0)
    govorun_toast_show (GTK_WIDGET (self), _("No changes: the account matches what Govorun set up"));
}

void
govorun_agent_details_check_drift (GovorunAgentDetails *self)
{
  g_return_if_fail (GOVORUN_IS_AGENT_DETAILS (self));

  /* As the button would: not while another step runs, nor for a draft. */
  if (self->agent == NULL || !gtk_widget_is_sensitive (self->drift_button))
    return;

  set_busy (self, TRUE);
  govorun_provisioner_check_drift_async (self->provisioner, self->agent, self->cancellable,
                                         drift_checked_cb, g_object_ref (self));
}

static void
on_drift_clicked (GovorunAgentDetails *self)
{
  govorun_agent_details_check_drift (self);
}

/* -- roll back, delete -- */

static void
rolled_back_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GovorunAgentDetails) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!govorun_provisioner_rollback_finish (GOVORUN_PROVISIONER (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  clear_steps (self);
  if (ask_if_changed_elsewhere (self, error))
    return;
  if (error != NULL)
    govorun_error_show (GTK_WIDGET (self), error->message);
  else
    govorun_toast_show (GTK_WIDGET (self), _("Everything Govorun created for this agent was removed"));
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GovorunAgentDetails) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!govorun_provisioner_delete_finish (GOVORUN_PROVISIONER (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      if (!ask_if_changed_elsewhere (self, error))
        govorun_error_show (GTK_WIDGET (self), error->message);
      return;
    }

  set_busy (self, FALSE);
  govorun_toast_show (GTK_WIDGET (self), _("Agent deleted"));
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

static void
confirm_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     GovorunAgentDetails *self)
{
  if (g_strcmp0 (response, "rollback") == 0)
    {
      set_busy (self, TRUE);
      govorun_provisioner_rollback_async (self->provisioner, self->agent, self->cancellable,
                                          rolled_back_cb, g_object_ref (self));
    }
  else if (g_strcmp0 (response, "delete") == 0)
    {
      set_busy (self, TRUE);
      govorun_provisioner_delete_async (self->provisioner, self->agent, self->cancellable,
                                        deleted_cb, g_object_ref (self));
    }
}

static void
confirm (GovorunAgentDetails *self,
         const char          *heading,
         const char          *body,
         const char          *response,
         const char          *label)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response, label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rollback_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GovorunAgentDetails *self = GOVORUN_AGENT_DETAILS (widget);

  confirm (self, _("Roll Back This Agent?"),
           _("Govorun unbinds its numbers and deletes the routing rules, scenarios and application it created for this agent. Objects it did not create stay untouched. Calls to its numbers stop being answered by the agent."),
           "rollback", _("_Roll Back"));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GovorunAgentDetails *self = GOVORUN_AGENT_DETAILS (widget);
  g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), govorun_agent_get_name (self->agent));

  confirm (self, heading,
           _("Govorun first removes what it created for this agent in the Voximplant account (number bindings, rules, scenarios, application), then forgets the agent. The ElevenLabs agent itself and the phone numbers are kept."),
           "delete", _("_Delete"));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_EDIT], 0);
}

static void
scenario_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GovorunAgentDetails *self = GOVORUN_AGENT_DETAILS (widget);
  GovorunScenarioWindow *window;

  window = govorun_scenario_window_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                        self->provisioner, self->agent);
  gtk_window_present (GTK_WINDOW (window));
}

/* The agent's website widget, in a window of its own (it needs the width). */
static void
on_widget_row_activated (GovorunAgentDetails *self)
{
  const char *uuid = self->agent ? govorun_agent_get_el_account_uuid (self->agent) : NULL;
  GovorunAccount *account = uuid ? govorun_account_store_find_by_uuid (self->accounts, uuid) : NULL;

  if (account == NULL || self->agent_widget == NULL || govorun_agent_get_el_agent_id (self->agent) == NULL)
    return;

  gtk_window_present (GTK_WINDOW (govorun_agent_widget_page_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                                 self->agent_widget, account,
                                                                 govorun_agent_get_el_agent_id (self->agent),
                                                                 govorun_agent_get_name (self->agent))));
}

/* Test calls (govorun-test-call-window.c, govorun-phone-call-dialog.c) */
static void
talk_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GovorunAgentDetails *self = GOVORUN_AGENT_DETAILS (widget);

  if (self->test_calls != NULL && self->agent != NULL)
    gtk_window_present (GTK_WINDOW (govorun_test_call_window_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                                  self->test_calls, self->agent)));
}

static void
call_phone_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GovorunAgentDetails *self = GOVORUN_AGENT_DETAILS (widget);

  if (self->test_calls != NULL && self->agent != NULL)
    gtk_window_present (GTK_WINDOW (govorun_phone_call_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                                   self->test_calls, self->agent)));
}

static void
sandbox_break_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GovorunAgentDetails *self = GOVORUN_AGENT_DETAILS (widget);

  if (self->agent != NULL && govorun_agent_get_uuid (self->agent) != NULL)
    gtk_widget_activate_action (widget, "app." BREAK_ROUTING_ACTION, "s",
                                govorun_agent_get_uuid (self->agent));
}


/* -- public -- */

static void
set_provisioner (GovorunAgentDetails *self,
                 GovorunProvisioner  *provisioner)
{
  if (self->provisioner == provisioner)
    return;

  g_clear_signal_handler (&self->step_handler, self->provisioner);
  g_set_object (&self->provisioner, provisioner);
  if (provisioner != NULL)
    self->step_handler = g_signal_connect_object (provisioner, "step-changed",
                                                  G_CALLBACK (on_step_changed), self,
                                                  G_CONNECT_SWAPPED);
}

void
govorun_agent_details_set_agent (GovorunAgentDetails *self,
                                 GovorunAgent        *agent)
{
  g_return_if_fail (GOVORUN_IS_AGENT_DETAILS (self));

  if (self->agent == agent)
    return;

  if (self->agent != NULL)
    g_signal_handlers_disconnect_by_func (self->agent, update, self);

  g_set_object (&self->agent, agent);
  clear_steps (self);
  gtk_widget_set_visible (self->drift_group, FALSE);

  if (agent != NULL)
    g_signal_connect_object (agent, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  govorun_agent_analysis_section_set_agent (self->analysis_section, agent);
  update (self);
}

GovorunAgent *
govorun_agent_details_get_agent (GovorunAgentDetails *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT_DETAILS (self), NULL);

  return self->agent;
}

static void
govorun_agent_details_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GovorunAgentDetails *self = GOVORUN_AGENT_DETAILS (object);

  switch (prop_id)
    {
    case PROP_ACCOUNTS:
      g_value_set_object (value, self->accounts);
      break;

    case PROP_AGENTS:
      g_value_set_object (value, self->agents);
      break;

    case PROP_PROVISIONER:
      g_value_set_object (value, self->provisioner);
      break;

    case PROP_AGENT_WIDGET:
      g_value_set_object (value, self->agent_widget);
      break;

    case PROP_AGENT_FINDER:
      g_value_set_object (value, self->agent_finder);
      break;

    case PROP_AGENT_ANALYSIS:
      g_object_get_property (G_OBJECT (self->analysis_section), "agent-analysis", value);
      break;

    case PROP_TEST_CALLS:
      g_value_set_object (value, self->test_calls);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_agent_details_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GovorunAgentDetails *self = GOVORUN_AGENT_DETAILS (object);

  switch (prop_id)
    {
    case PROP_ACCOUNTS:
      g_set_object (&self->accounts, g_value_get_object (value));
      break;

    case PROP_AGENTS:
      g_set_object (&self->agents, g_value_get_object (value));
      break;

    case PROP_PROVISIONER:
      set_provisioner (self, g_value_get_object (value));
      break;

    case PROP_AGENT_WIDGET:
      g_set_object (&self->agent_widget, g_value_get_object (value));
      break;

    case PROP_AGENT_FINDER:
      g_set_object (&self->agent_finder, g_value_get_object (value));
      break;

    case PROP_AGENT_ANALYSIS:
      g_object_set_property (G_OBJECT (self->analysis_section), "agent-analysis", value);
      break;

    case PROP_TEST_CALLS:
      g_set_object (&self->test_calls, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_agent_details_dispose (GObject *object)
{
  GovorunAgentDetails *self = GOVORUN_AGENT_DETAILS (object);

  self->stopping = FALSE;
  g_cancellable_cancel (self->cancellable);
  if (self->cancellable != NULL)
    forget_apply (self);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_AGENT_DETAILS);
  g_clear_pointer (&self->step_rows, g_hash_table_unref);
  g_clear_object (&self->agent);
  g_clear_object (&self->provisioner);
  g_clear_object (&self->agent_widget);
  g_clear_object (&self->agent_finder);
  g_clear_object (&self->test_calls);
  g_clear_object (&self->agents);
  g_clear_object (&self->accounts);

  G_OBJECT_CLASS (govorun_agent_details_parent_class)->dispose (object);
}

static void
govorun_agent_details_class_init (GovorunAgentDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = govorun_agent_details_dispose;
  object_class->get_property = govorun_agent_details_get_property;
  object_class->set_property = govorun_agent_details_set_property;

  properties[PROP_ACCOUNTS] =
    g_param_spec_object ("accounts", NULL, NULL, GOVORUN_TYPE_ACCOUNT_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGENTS] =
    g_param_spec_object ("agents", NULL, NULL, GOVORUN_TYPE_AGENT_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROVISIONER] =
    g_param_spec_object ("provisioner", NULL, NULL, GOVORUN_TYPE_PROVISIONER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGENT_WIDGET] =
    g_param_spec_object ("agent-widget", NULL, NULL, GOVORUN_TYPE_AGENT_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGENT_FINDER] =
    g_param_spec_object ("agent-finder", NULL, NULL, GOVORUN_TYPE_AGENT_FINDER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Handed to the Analysis section. */
  properties[PROP_AGENT_ANALYSIS] =
    g_param_spec_object ("agent-analysis", NULL, NULL, GOVORUN_TYPE_AGENT_ANALYSIS,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEST_CALLS] =
    g_param_spec_object ("test-calls", NULL, NULL, GOVORUN_TYPE_TEST_CALLS,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (GOVORUN_TYPE_AGENT_ANALYSIS_SECTION);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/govorun-agent-details.ui");
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentDetails, state_label);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentDetails, error_label);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentDetails, apply_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentDetails, stop_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentDetails, drift_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentDetails, spinner);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentDetails, more_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentDetails, actions_box);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentDetails, steps_group);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentDetails, steps_list);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentDetails, drift_group);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentDetails, drift_list);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentDetails, el_agent_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentDetails, accounts_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentDetails, analysis_section);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentDetails, numbers_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentDetails, modes_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentDetails, application_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentDetails, key_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentDetails, widget_group);
  gtk_widget_class_bind_template_callback (widget_class, on_widget_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_drift_clicked);

  gtk_widget_class_install_action (widget_class, "details.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "details.scenario", NULL, scenario_action);
  gtk_widget_class_install_action (widget_class, "details.talk", NULL, talk_action);
  gtk_widget_class_install_action (widget_class, "details.call-phone", NULL, call_phone_action);
  gtk_widget_class_install_action (widget_class, "details.rollback", NULL, rollback_action);
  gtk_widget_class_install_action (widget_class, "details.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "details.sandbox-break", NULL, sandbox_break_action);
}

static void
govorun_agent_details_init (GovorunAgentDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.sandbox-break", FALSE);

  /* The flow box's cells are layout, not Tab stops; a hidden button takes
   * its cell (and the spacing) with it. */
  for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box));
       cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      gtk_widget_set_focusable (cell, FALSE);
      g_object_bind_property (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (cell)), "visible",
                              cell, "visible", G_BINDING_SYNC_CREATE);
    }

  self->cancellable = g_cancellable_new ();
  self->step_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
