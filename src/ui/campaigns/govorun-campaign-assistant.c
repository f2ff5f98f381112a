/* govorun-campaign-assistant.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCampaignAssistant"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-campaign-assistant-private.h"
#include "govorun-first-field.h"
#include "govorun-toast.h"

/*
 * The New Campaign assistant: its steps, Back and Next, closing. Each
 * step's own work lives in a file of its own (see
 * govorun-campaign-assistant-private.h).
 */

G_DEFINE_FINAL_TYPE (GovorunCampaignAssistant, govorun_campaign_assistant, ADW_TYPE_WINDOW)

enum {
  SIGNAL_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *steps[N_STEPS] = { "file", "mapping", "settings", "preflight", "start" };

guint
govorun_campaign_assistant_get_step (GovorunCampaignAssistant *self)
{
  const char *name;

  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN_ASSISTANT (self), 0);

  name = gtk_stack_get_visible_child_name (self->stack);
  for (guint i = 0; i < N_STEPS; i++)
    if (g_strcmp0 (name, steps[i]) == 0)
      return i;

  return 0;
}

gboolean
govorun_campaign_assistant_get_busy (GovorunCampaignAssistant *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN_ASSISTANT (self), FALSE);

  return self->busy > 0 || self->variables_busy;
}

GovorunPreflight *
govorun_campaign_assistant_get_preflight (GovorunCampaignAssistant *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN_ASSISTANT (self), NULL);

  return self->preflight;
}

GovorunCampaigns *
_govorun_campaign_assistant_campaigns (GovorunCampaignAssistant *self)
{
  return govorun_services_get_campaigns (self->services);
}

void
_govorun_campaign_assistant_set_subtitle (AdwActionRow *row,
                                          const char   *text)
{
  /* Row subtitles are markup; file names and sheet names are not. */
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  adw_action_row_set_subtitle (row, escaped);
}

static gboolean
step_complete (GovorunCampaignAssistant *self,
               guint                     step)
{
  switch (step)
    {
    case STEP_FILE:
      return _govorun_campaign_assistant_file_complete (self);
    case STEP_MAPPING:
      return _govorun_campaign_assistant_mapping_complete (self);
    case STEP_SETTINGS:
      return _govorun_campaign_assistant_settings_complete (self);
    case STEP_PREFLIGHT:
      return self->draft != NULL && self->preflight != NULL && govorun_preflight_get_valid (self->preflight) > 0;
    case STEP_START:
      return self->draft != NULL && gtk_check_button_get_active (self->agreement_check);
    default:
      return FALSE;
    }
}

void
_govorun_campaign_assistant_update_buttons (GovorunCampaignAssistant *self)
{
  guint step = govorun_campaign_assistant_get_step (self);
  const char *names[N_STEPS] = { _("Contacts File"), _("Columns"), _("When and How"), _("Check"), _("Start") };
  g_autofree char *subtitle = NULL;
  gboolean busy = self->busy > 0 || self->variables_busy;
  guint n_steps = self->append_to != NULL ? STEP_MAPPING + 1 : N_STEPS;

  /* Translators: the assistant's header subtitle, e.g. "Step 2 of 5 — Columns" */
  subtitle = g_strdup_printf (_("Step %u of %u — %s"), step + 1, n_steps, names[step]);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* Cancel on the first step; after it a back arrow, and the window's
   * close button (as Escape) still cancels: never Back and Cancel side by
   * side. */
  if (step == STEP_FILE)
    {
      gtk_button_set_label (GTK_BUTTON (self->back_button), _("_Cancel"));
      gtk_widget_set_tooltip_text (self->back_button, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->back_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
  else
    {
      gtk_button_set_icon_name (GTK_BUTTON (self->back_button), "go-previous-symbolic");
      gtk_widget_set_tooltip_text (self->back_button, _("Back"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"), -1);
    }
  adw_header_bar_set_show_end_title_buttons (self->header_bar, step > STEP_FILE);

  if (step == STEP_MAPPING && self->append_to != NULL)
    gtk_button_set_label (GTK_BUTTON (self->next_button), _("_Add Contacts"));
  else if (step == STEP_START)
    gtk_button_set_label (GTK_BUTTON (self->next_button),
                          adw_combo_row_get_selected (self->start_row) == 1 ? _("_Schedule Campaign")
                                                                            : _("_Start Campaign"));
  else
    gtk_button_set_label (GTK_BUTTON (self->next_button), _("_Next"));

  gtk_widget_set_sensitive (self->next_button, !busy && step_complete (self, step));
  gtk_widget_set_visible (self->spinner, busy && !self->preparing);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy && !self->preparing);
}

void
_govorun_campaign_assistant_set_busy (GovorunCampaignAssistant *self,
                                      gboolean                  busy)
{
  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;
  _govorun_campaign_assistant_update_buttons (self);
}

GCancellable *
_govorun_campaign_assistant_renew (GovorunCampaignAssistant *self)
{
  g_clear_handle_id (&self->recount_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  /* The cancelled request's callback returns without counting itself off. */
  self->busy = 0;
  self->preparing = FALSE;

  return self->cancellable;
}

void
_govorun_campaign_assistant_fail (GovorunCampaignAssistant *self,
                                  GError                   *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _govorun_campaign_assistant_set_busy (self, FALSE);
  govorun_error_show (GTK_WIDGET (self), error->message);
}

/* -- navigation -- */

static void
go_to (GovorunCampaignAssistant *self,
       guint                     step)
{
  govorun_error_banner_set_text (self->error_banner, NULL);
  gtk_stack_set_visible_child_name (self->stack, steps[step]);

  if (step == STEP_PREFLIGHT && self->draft == NULL)
    _govorun_campaign_assistant_prepare (self);
  else if (step == STEP_START)
    _govorun_campaign_assistant_fill_summary (self);

  _govorun_campaign_assistant_update_buttons (self);
}

static void
on_appended (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GovorunCampaignAssistant) self = user_data;
  g_autoptr(GovorunPreflight) preflight = NULL;
  g_autoptr(GError) error = NULL;

  preflight = govorun_campaigns_append_finish (GOVORUN_CAMPAIGNS (source), result, &error);
  if (preflight == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _govorun_campaign_assistant_fail (self, error);
      return;
    }
  _govorun_campaign_assistant_set_busy (self, FALSE);
  /* Read by whoever opened the assistant, in its "done" handler. */
  g_set_object (&self->preflight, preflight);
  _govorun_campaign_assistant_done (self, self->append_to);
}

/* Add Contacts: the file with the columns as chosen goes to the campaign. */
static void
append_contacts (GovorunCampaignAssistant *self)
{
  g_autoptr(GovorunColumnMapping) mapping = _govorun_campaign_assistant_read_mapping (self);
  GCancellable *cancellable;

  if (mapping == NULL || self->file == NULL)
    return;
  cancellable = _govorun_campaign_assistant_renew (self);
  _govorun_campaign_assistant_set_busy (self, TRUE);
  govorun_campaigns_append_async (_govorun_campaign_assistant_campaigns (self), self->append_to, self->file,
                                  self->preview != NULL ? govorun_import_preview_get_sheet (self->preview) : NULL,
                                  mapping, cancellable, on_appended, g_object_ref (self));
}

static void
on_next_clicked (GovorunCampaignAssistant *self)
{
  guint step = govorun_campaign_assistant_get_step (self);

  if (step == STEP_MAPPING && self->append_to != NULL)
    append_contacts (self);
  else if (step < STEP_START)
    go_to (self, step + 1);
  else
    _govorun_campaign_assistant_start (self);
}

static void
on_back_clicked (GovorunCampaignAssistant *self)
{
  guint step = govorun_campaign_assistant_get_step (self);

  if (step == STEP_FILE)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  _govorun_campaign_assistant_renew (self);
  /* The draft was prepared from what the earlier steps say: changing them
   * prepares it again. */
  if (step == STEP_PREFLIGHT)
    _govorun_campaign_assistant_drop_draft (self);
  go_to (self, step - 1);
}

static gboolean
on_close_request (GtkWindow *window)
{
  GovorunCampaignAssistant *self = GOVORUN_CAMPAIGN_ASSISTANT (window);

  /* Cancel means nothing is kept: a running preparation saves nothing, a
   * prepared draft goes. */
  _govorun_campaign_assistant_renew (self);
  _govorun_campaign_assistant_drop_draft (self);

  return FALSE;
}

static void
on_step_changed (GovorunCampaignAssistant *self)
{
  _govorun_campaign_assistant_update_buttons (self);
}

/* -- setup -- */

static void
govorun_campaign_assistant_dispose (GObject *object)
{
  GovorunCampaignAssistant *self = GOVORUN_CAMPAIGN_ASSISTANT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->variables_cancellable);
  g_clear_object (&self->variables_cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->preview);
  g_clear_object (&self->agents);
  g_clear_pointer (&self->variables, g_strfreev);
  g_clear_pointer (&self->variable_rows, g_ptr_array_unref);
  g_clear_object (&self->mapping);
  g_clear_pointer (&self->day_buttons, g_ptr_array_unref);
  g_clear_object (&self->zones);
  g_clear_object (&self->draft);
  g_clear_object (&self->preflight);
  g_clear_object (&self->append_to);
  g_clear_object (&self->services);
  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_CAMPAIGN_ASSISTANT);

  G_OBJECT_CLASS (govorun_campaign_assistant_parent_class)->dispose (object);
}

static void
govorun_campaign_assistant_class_init (GovorunCampaignAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = govorun_campaign_assistant_dispose;
  window_class->close_request = on_close_request;

  signals[SIGNAL_DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, GOVORUN_TYPE_CAMPAIGN);

  g_type_ensure (GOVORUN_TYPE_ERROR_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/govorun-campaign-assistant.ui");
  govorun_toast_install_action (widget_class);
  /* Where the toasts go; found by name, not kept. */
  gtk_widget_class_bind_template_child_full (widget_class, "toast_overlay", FALSE, 0);
  govorun_error_banner_install_action (widget_class, G_STRUCT_OFFSET (GovorunCampaignAssistant, error_banner));
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, GovorunCampaignAssistant, name)
  BIND (window_title);
  BIND (header_bar);
  BIND (back_button);
  BIND (next_button);
  BIND (spinner);
  BIND (error_banner);
  BIND (stack);
  BIND (file_row);
  BIND (sheet_row);
  BIND (format_row);
  BIND (preview_label);
  BIND (preview_scroller);
  BIND (preview_view);
  BIND (agent_row);
  BIND (phone_row);
  BIND (zone_column_row);
  BIND (variables_group);
  BIND (name_row);
  BIND (caller_row);
  BIND (start_row);
  BIND (start_at_row);
  BIND (start_hour);
  BIND (start_minute);
  BIND (end_hour);
  BIND (end_minute);
  BIND (days_box);
  BIND (zone_mode_row);
  BIND (zone_row);
  BIND (debt_row);
  BIND (debt_switch);
  BIND (hours_row);
  BIND (concurrency_spin);
  BIND (attempts_spin);
  BIND (retry_spin);
  BIND (priority_spin);
  BIND (preflight_stack);
  BIND (prepare_progress);
  BIND (rows_label);
  BIND (valid_label);
  BIND (invalid_label);
  BIND (duplicates_label);
  BIND (dnc_label);
  BIND (missing_label);
  BIND (held_row);
  BIND (held_label);
  BIND (minutes_label);
  BIND (cost_row);
  BIND (cost_label);
  BIND (finish_label);
  BIND (issues_group);
  BIND (issues_view);
  BIND (export_invalid_button);
  BIND (reminder_label);
  BIND (summary_agent_row);
  BIND (summary_contacts_row);
  BIND (summary_when_row);
  BIND (agreement_check);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked);
  _govorun_campaign_assistant_file_class_init (widget_class);
  _govorun_campaign_assistant_mapping_class_init (widget_class);
  _govorun_campaign_assistant_settings_class_init (widget_class);
  _govorun_campaign_assistant_preflight_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
govorun_campaign_assistant_init (GovorunCampaignAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->agents = g_list_store_new (GOVORUN_TYPE_AGENT);
  self->variable_rows = g_ptr_array_new ();
  _govorun_campaign_assistant_setup_issues (self);
  /* The file comes first; Enter on its row opens the chooser. */
  govorun_first_field_focus_on_map (GTK_WINDOW (self), GTK_WIDGET (self->file_row));
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (on_step_changed), self,
                           G_CONNECT_SWAPPED);
}

void
_govorun_campaign_assistant_done (GovorunCampaignAssistant *self,
                                  GovorunCampaign          *started)
{
  g_autoptr(GovorunCampaign) campaign = g_object_ref (started);

  g_clear_object (&self->draft);
  g_signal_emit (self, signals[SIGNAL_DONE], 0, campaign);
  gtk_window_destroy (GTK_WINDOW (self));
}

GovorunCampaignAssistant *
govorun_campaign_assistant_new (GtkWindow       *parent,
                                GovorunServices *services,
                                GFile           *file)
{
  GovorunCampaignAssistant *self;

  g_return_val_if_fail (GOVORUN_IS_SERVICES (services), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (GOVORUN_TYPE_CAMPAIGN_ASSISTANT, "transient-for", parent, NULL);
  self->services = g_object_ref (services);

  _govorun_campaign_assistant_settings_init (self);
  _govorun_campaign_assistant_fill_agents (self);
  if (file != NULL)
    govorun_campaign_assistant_set_file (self, file);
  _govorun_campaign_assistant_update_buttons (self);

  return self;
}

GovorunCampaignAssistant *
govorun_campaign_assistant_new_for_append (GtkWindow       *parent,
                                           GovorunServices *services,
                                           GovorunCampaign *campaign,
                                           GFile           *file)
{
  GovorunCampaignAssistant *self;
  GListModel *agents;

  g_return_val_if_fail (GOVORUN_IS_SERVICES (services), NULL);
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (campaign), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (GOVORUN_TYPE_CAMPAIGN_ASSISTANT, "transient-for", parent, NULL);
  self->services = g_object_ref (services);
  self->append_to = g_object_ref (campaign);
  gtk_window_set_title (GTK_WINDOW (self), _("Add Contacts"));
  adw_window_title_set_title (self->window_title, _("Add Contacts"));

  _govorun_campaign_assistant_settings_init (self);
  _govorun_campaign_assistant_fill_agents (self);
  /* The campaign's agent, fixed: its variables and its remembered columns. */
  agents = G_LIST_MODEL (self->agents);
  for (guint i = 0; i < g_list_model_get_n_items (agents); i++)
    {
      g_autoptr(GovorunAgent) agent = g_list_model_get_item (agents, i);

      if (g_strcmp0 (govorun_agent_get_uuid (agent), govorun_campaign_get_agent_id (campaign)) == 0)
        adw_combo_row_set_selected (self->agent_row, i);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->agent_row), FALSE);
  govorun_campaign_assistant_set_file (self, file);
  _govorun_campaign_assistant_update_buttons (self);

  return self;
}
