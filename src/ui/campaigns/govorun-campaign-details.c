/* govorun-campaign-details.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCampaignDetails"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-campaign-assistant.h"
#include "govorun-campaign-details.h"
#include "govorun-campaign-format.h"
#include "govorun-campaign-row.h"
#include "govorun-error-banner.h"
#include "govorun-format.h"
#include "govorun-json-fields.h"
#include "govorun-table-chooser.h"
#include "govorun-toast.h"

struct _GovorunCampaignDetails
{
  GtkWidget         parent_instance;

  GovorunServices  *services;
  GovorunCampaign  *campaign;
  GCancellable     *cancellable;   /* the running request's */
  gboolean          busy;

  /* template children */
  GtkLabel         *state_label;
  GtkLabel         *agent_label;
  GtkProgressBar   *progress_bar;
  GtkLabel         *counts_label;
  GtkLabel         *times_label;
  GtkLabel         *error_label;
  GtkFlowBox       *buttons_box;
  GtkWidget        *pause_button;
  GtkWidget        *resume_button;
  GtkWidget        *start_button;
  GtkWidget        *add_button;
  GtkWidget        *export_button;
  GtkWidget        *cancel_button;
  GtkWidget        *delete_button;
  GtkColumnView    *contacts_view;
};

G_DEFINE_FINAL_TYPE (GovorunCampaignDetails, govorun_campaign_details, GTK_TYPE_WIDGET)

enum {
  COLUMN_ROW,
  COLUMN_PHONE,
  COLUMN_DATA,
  COLUMN_STATUS,
  COLUMN_ATTEMPTS,
  COLUMN_LAST_ATTEMPT,
  COLUMN_RESULT,
  COLUMN_CALL,
  N_COLUMNS
};

static GovorunCampaigns *
campaigns (GovorunCampaignDetails *self)
{
  return self->services != NULL ? govorun_services_get_campaigns (self->services) : NULL;
}

/* --- what the campaign's state allows ------------------------------------------ */

static void
update_buttons (GovorunCampaignDetails *self)
{
  GovorunCampaignState state = self->campaign != NULL ? govorun_campaign_get_state (self->campaign)
                                                      : GOVORUN_CAMPAIGN_STATE_DRAFT;
  gboolean shown = self->campaign != NULL;
  gboolean draft = state == GOVORUN_CAMPAIGN_STATE_DRAFT;
  gboolean running = state == GOVORUN_CAMPAIGN_STATE_RUNNING || state == GOVORUN_CAMPAIGN_STATE_SCHEDULED;
  gboolean paused = state == GOVORUN_CAMPAIGN_STATE_PAUSED;
  /* A campaign stopped on an error (the balance) resumes once fixed. */
  gboolean failed = state == GOVORUN_CAMPAIGN_STATE_FAILED;
  struct { GtkWidget *button; const char *action; gboolean visible; } buttons[] = {
    { self->start_button,  "campaign.start",        shown && draft },
    { self->pause_button,  "campaign.pause",        shown && running },
    { self->resume_button, "campaign.resume",       shown && (paused || failed) },
    { self->add_button,    "campaign.add-contacts", shown && (running || paused) },
    { self->export_button, "campaign.export",       shown && !draft },
    { self->cancel_button, "campaign.cancel",       shown && (running || paused || failed) },
    { self->delete_button, "campaign.delete",       shown && draft },
  };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      /* The flow box's cell, so that a hidden button leaves no gap. */
      gtk_widget_set_visible (gtk_widget_get_parent (buttons[i].button), buttons[i].visible);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), buttons[i].action,
                                     buttons[i].visible && !self->busy);
    }
}

static void
update (GovorunCampaignDetails *self)
{
  g_autofree char *agent = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *times = NULL;
  g_autofree char *caller = NULL;
  g_autofree char *line = NULL;
  const char *error;

  if (self->campaign == NULL)
    return;

  agent = govorun_campaign_row_agent_name (self->services != NULL ? govorun_services_get_agents (self->services) : NULL,
                                           govorun_campaign_get_agent_id (self->campaign));
  caller = govorun_format_phone_number (govorun_campaign_get_caller_number (self->campaign));
  counts = govorun_campaign_format_counts (self->campaign);
  times = govorun_campaign_format_times (self->campaign);
  error = govorun_campaign_get_error_message (self->campaign);

  govorun_campaign_format_state_label (self->state_label, govorun_campaign_get_state (self->campaign));
  /* Translators: the agent that calls and the number it calls from */
  line = *caller != '\0' ? g_strdup_printf (_("%s, calling from %s"), agent, caller) : g_strdup (agent);
  gtk_label_set_text (self->agent_label, line);
  if (govorun_campaign_get_debt_mode (self->campaign))
    {
      const char *mode = _("Debt-collection mode (230-FZ): the law’s hours and limits");
      g_autofree char *with_mode = *times != '\0' ? g_strdup_printf ("%s · %s", times, mode) : g_strdup (mode);

      g_free (times);
      times = g_steal_pointer (&with_mode);
    }
  gtk_progress_bar_set_fraction (self->progress_bar, govorun_campaign_format_fraction (self->campaign));
  gtk_label_set_text (self->counts_label, counts);
  gtk_label_set_text (self->times_label, times);
  gtk_widget_set_visible (GTK_WIDGET (self->times_label), *times != '\0');
  gtk_label_set_text (self->error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL && *error != '\0');
  update_buttons (self);
}

static void
set_busy (GovorunCampaignDetails *self,
          gboolean                busy)
{
  self->busy = busy;
  update_buttons (self);
}

/* --- requests ------------------------------------------------------------------- */

/* A request ended: the buttons come back and a failure is said in the
 * window; TRUE when it went through (a cancelled one was replaced). */
static gboolean
request_ended (GovorunCampaignDetails *self,
               gboolean                ok,
               GError                 *error)
{
  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  set_busy (self, FALSE);
  if (!ok)
    govorun_error_show (GTK_WIDGET (self), error->message);
  return ok;
}


typedef gboolean (*FinishFunc) (GovorunCampaigns *, GAsyncResult *, GError **);
typedef void (*StartFunc) (GovorunCampaigns *, GovorunCampaign *, GCancellable *,
                           GAsyncReadyCallback, gpointer);

/* A request the buttons started: the details kept alive until it ends,
 * and how to finish it (or the file Add Contacts reads). */
typedef struct
{
  GovorunCampaignDetails *self;
  FinishFunc              finish;
  GFile                  *file;
} Request;

static Request *
request_new (GovorunCampaignDetails *self,
             FinishFunc              finish,
             GFile                  *file)
{
  Request *request = g_new0 (Request, 1);

  request->self = g_object_ref (self);
  request->finish = finish;
  request->file = file != NULL ? g_object_ref (file) : NULL;

  return request;
}

static void
request_free (Request *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->file);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static void
on_request_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  GovorunCampaignDetails *self = request->self;
  g_autoptr(GError) error = NULL;

  if (request_ended (self, request->finish (GOVORUN_CAMPAIGNS (source), result, &error), error))
    update (self);
}

static void
renew_cancellable (GovorunCampaignDetails *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

static void
run (GovorunCampaignDetails *self,
     StartFunc               start,
     FinishFunc              finish)
{
  if (self->campaign == NULL || campaigns (self) == NULL || self->busy)
    return;

  renew_cancellable (self);
  set_busy (self, TRUE);
  start (campaigns (self), self->campaign, self->cancellable, on_request_done,
         request_new (self, finish, NULL));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  run (GOVORUN_CAMPAIGN_DETAILS (widget), govorun_campaigns_start_async, govorun_campaigns_start_finish);
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  run (GOVORUN_CAMPAIGN_DETAILS (widget), govorun_campaigns_pause_async, govorun_campaigns_pause_finish);
}

static void
resume_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  run (GOVORUN_CAMPAIGN_DETAILS (widget), govorun_campaigns_resume_async, govorun_campaigns_resume_finish);
}

static void
on_cancel_response (AdwMessageDialog       *dialog,
                    const char             *response,
                    GovorunCampaignDetails *self)
{
  if (g_strcmp0 (response, "cancel") == 0)
    run (self, govorun_campaigns_cancel_async, govorun_campaigns_cancel_finish);
}

static void
on_delete_response (AdwMessageDialog       *dialog,
                    const char             *response,
                    GovorunCampaignDetails *self)
{
  if (g_strcmp0 (response, "delete") == 0)
    run (self, govorun_campaigns_delete_draft_async, govorun_campaigns_delete_draft_finish);
}

static void
confirm (GovorunCampaignDetails *self,
         const char             *heading,
         const char             *body,
         const char             *keep_label,
         const char             *response,
         const char             *response_label,
         GCallback               callback)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", keep_label,
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", callback, self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GovorunCampaignDetails *self = GOVORUN_CAMPAIGN_DETAILS (widget);
  g_autofree char *heading = NULL;

  if (self->campaign == NULL)
    return;
  /* Translators: %s is the campaign's name */
  heading = g_strdup_printf (_("Cancel “%s”?"), govorun_campaign_get_name (self->campaign));
  confirm (self, heading,
           _("Contacts not called yet will not be called. A cancelled campaign cannot be resumed; its results stay."),
           _("_Keep Calling"), "cancel", _("_Cancel Campaign"), G_CALLBACK (on_cancel_response));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GovorunCampaignDetails *self = GOVORUN_CAMPAIGN_DETAILS (widget);
  g_autofree char *heading = NULL;

  if (self->campaign == NULL)
    return;
  /* Translators: %s is the campaign's name */
  heading = g_strdup_printf (_("Delete the Draft “%s”?"), govorun_campaign_get_name (self->campaign));
  confirm (self, heading, _("Nobody was called yet. Its contacts are removed from Govorun; the file stays."),
           _("_Keep"), "delete", _("_Delete"), G_CALLBACK (on_delete_response));
}

/* --- export and add ------------------------------------------------------------- */

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GovorunCampaignDetails) self = user_data;
  g_autoptr(GError) error = NULL;

  if (request_ended (self, govorun_campaigns_export_results_finish (GOVORUN_CAMPAIGNS (source), result, &error),
                     error))
    govorun_toast_show (GTK_WIDGET (self), _("Results exported"));
}

void
govorun_campaign_details_export_to (GovorunCampaignDetails *self,
                                    GFile                  *file)
{
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;
  GovorunCampaignExportFormat format;

  g_return_if_fail (GOVORUN_IS_CAMPAIGN_DETAILS (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->campaign == NULL || campaigns (self) == NULL || self->busy)
    return;

  name = g_file_get_basename (file);
  lower = g_ascii_strdown (name != NULL ? name : "", -1);
  format = g_str_has_suffix (lower, ".xlsx") ? GOVORUN_CAMPAIGN_EXPORT_XLSX : GOVORUN_CAMPAIGN_EXPORT_CSV;
  renew_cancellable (self);
  set_busy (self, TRUE);
  govorun_campaigns_export_results_async (campaigns (self), self->campaign, file, format,
                                          self->cancellable, on_export_done, g_object_ref (self));
}

/* The Add Contacts assistant added the file's contacts. */
static void
on_append_assistant_done (GovorunCampaignDetails   *self,
                          GovorunCampaign          *campaign,
                          GovorunCampaignAssistant *assistant)
{
  GovorunPreflight *preflight = govorun_campaign_assistant_get_preflight (assistant);
  g_autofree char *text = NULL;
  guint added, left_out;

  update (self);
  if (preflight == NULL)
    return;
  added = govorun_preflight_get_valid (preflight);
  left_out = govorun_preflight_get_invalid (preflight) + govorun_preflight_get_duplicates (preflight) +
             govorun_preflight_get_do_not_call (preflight);
  if (left_out > 0)
    /* Translators: after Add Contacts; both are counts of contacts */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact added, %u left out",
                                         "%u contacts added, %u left out", added), added, left_out);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact added", "%u contacts added", added),
                            added);
  govorun_toast_show (GTK_WIDGET (self), text);
}

/* Opens the Add Contacts assistant on @file: its first rows, then the
 * columns as the agent's last file had them, then the contacts go. */
void
govorun_campaign_details_add_contacts (GovorunCampaignDetails *self,
                                       GFile                  *file)
{
  GovorunCampaignAssistant *assistant;

  g_return_if_fail (GOVORUN_IS_CAMPAIGN_DETAILS (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->campaign == NULL || self->services == NULL || self->busy)
    return;

  assistant = govorun_campaign_assistant_new_for_append (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                         self->services, self->campaign, file);
  g_signal_connect_object (assistant, "done", G_CALLBACK (on_append_assistant_done), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (assistant));
}

static void
on_chooser_response (GtkNativeDialog        *chooser,
                     int                     response,
                     GovorunCampaignDetails *self)
{
  gboolean saving = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL && saving)
        govorun_campaign_details_export_to (self, file);
      else if (file != NULL)
        govorun_campaign_details_add_contacts (self, file);
    }
  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *suffix)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
add_contacts_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GovorunCampaignDetails *self = GOVORUN_CAMPAIGN_DETAILS (widget);
  GtkFileChooserNative *chooser = govorun_table_chooser_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                             _("Add Contacts"), _("_Add"));

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GovorunCampaignDetails *self = GOVORUN_CAMPAIGN_DETAILS (widget);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->campaign == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Results"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* A name typed with .xlsx gets a workbook, anything else CSV. */
  name = g_strdup_printf ("%s.xlsx", govorun_campaign_get_name (self->campaign));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Excel workbooks"), "xlsx");
  add_filter (GTK_FILE_CHOOSER (chooser), _("CSV files"), "csv");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- the contacts --------------------------------------------------------------- */

/* A JSON object (the contact's data, what the scenario reported) as
 * "name: Anna, date: 12 May", at most a few fields; other text as it is. */
static char *
object_text (const char *json)
{
  g_auto(GStrv) fields = govorun_json_fields_from_object (json, 4);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; fields != NULL && fields[i] != NULL && fields[i + 1] != NULL; i += 2)
    {
      if (*fields[i + 1] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      /* Translators: a contact's field and its value in the contacts list */
      g_string_append_printf (text, _("%s: %s"), fields[i], fields[i + 1]);
    }

  if (fields == NULL && json != NULL)
    g_string_append (text, json);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gint64
call_id (GovorunCampaignContact *contact)
{
  const char *id = govorun_campaign_contact_get_call_record_id (contact);
  guint64 value = 0;

  /* The record's row id in Calls, as text. */
  if (id == NULL || !g_ascii_string_to_unsigned (id, 10, 1, G_MAXINT64, &value, NULL))
    return 0;
  return (gint64) value;
}

static char *
cell_text (guint                   column,
           GovorunCampaignContact *contact)
{
  switch (column)
    {
    case COLUMN_ROW:
      return g_strdup_printf ("%" G_GINT64_FORMAT, govorun_campaign_contact_get_row (contact));
    case COLUMN_PHONE:
      return govorun_format_phone_number (govorun_campaign_contact_get_phone (contact));
    case COLUMN_DATA:
      return object_text (govorun_campaign_contact_get_variables (contact));
    case COLUMN_STATUS:
      return g_strdup (govorun_campaign_format_contact_status (govorun_campaign_contact_get_status (contact)));
    case COLUMN_ATTEMPTS:
      /* Not known until Voximplant has the contact's task. */
      if (govorun_campaign_contact_get_status (contact) == GOVORUN_CONTACT_STATUS_NEW &&
          govorun_campaign_contact_get_attempts_left (contact) == 0)
        return g_strdup ("");
      return g_strdup_printf ("%u", govorun_campaign_contact_get_attempts_left (contact));
    case COLUMN_LAST_ATTEMPT:
      return govorun_campaign_format_time (govorun_campaign_contact_get_last_attempt (contact));
    case COLUMN_RESULT:
      return object_text (govorun_campaign_contact_get_result (contact));
    default:
      return g_strdup ("");
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);

  if (column == COLUMN_CALL)
    {
      GtkWidget *button = gtk_button_new_with_label (_("Open Call"));

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_visible (button, FALSE);
      gtk_list_item_set_child (item, button);
    }
  else
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_ROW || column == COLUMN_ATTEMPTS ? 1 : 0);
      /* A phone number is read whole; the free text gives way. */
      if (column == COLUMN_DATA || column == COLUMN_RESULT)
        {
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_width_chars (GTK_LABEL (label), 18);
        }
      gtk_list_item_set_child (item, label);
    }
}

static void
update_cell (GtkListItem *item)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (item), "column"));
  GovorunCampaignContact *contact = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);

  if (!GOVORUN_IS_CAMPAIGN_CONTACT (contact))
    return;

  if (column == COLUMN_CALL)
    {
      gint64 id = call_id (contact);

      /* The target first: an action name without its parameter warns. */
      if (id > 0)
        {
          gtk_actionable_set_action_target (GTK_ACTIONABLE (child), "x", id);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (child), "win.show-call");
        }
      gtk_widget_set_visible (child, id > 0);
    }
  else
    {
      g_autofree char *text = cell_text (column, contact);

      gtk_label_set_text (GTK_LABEL (child), text);
      if (column == COLUMN_RESULT || column == COLUMN_DATA)
        gtk_widget_set_tooltip_text (child, *text != '\0' ? text : NULL);
    }
}

/* The lazy model hands out placeholders and fills them in place when their
 * page is read (and again on a refresh): the cell follows its contact. */
static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GObject *contact = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (item), "column", user_data);
  if (contact != NULL)
    g_signal_connect_object (contact, "notify", G_CALLBACK (update_cell), item, G_CONNECT_SWAPPED);
  update_cell (item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GObject *contact = gtk_list_item_get_item (item);

  if (contact != NULL)
    g_signal_handlers_disconnect_by_func (contact, update_cell, item);
}

static void
add_columns (GovorunCampaignDetails *self)
{
  const char *titles[N_COLUMNS] = {
    C_("column", "Row"), C_("column", "Phone"), C_("column", "Contact Data"), C_("column", "Status"),
    C_("column", "Attempts Left"), C_("column", "Last Attempt"), C_("column", "Result"), C_("column", "Call"),
  };

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (titles[i], factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, i == COLUMN_DATA || i == COLUMN_RESULT);
      gtk_column_view_append_column (self->contacts_view, column);
    }
}

/* --- public --------------------------------------------------------------------- */

static void on_calls_changed (GovorunCampaignDetails *self);

void
govorun_campaign_details_set_services (GovorunCampaignDetails *self,
                                       GovorunServices        *services)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN_DETAILS (self));

  g_set_object (&self->services, services);
  if (services != NULL && govorun_services_get_call_sync (services) != NULL)
    g_signal_connect_object (govorun_services_get_call_sync (services), "changed",
                             G_CALLBACK (on_calls_changed), self, G_CONNECT_SWAPPED);
}

GovorunCampaign *
govorun_campaign_details_get_campaign (GovorunCampaignDetails *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN_DETAILS (self), NULL);

  return self->campaign;
}

gboolean
govorun_campaign_details_get_busy (GovorunCampaignDetails *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN_DETAILS (self), FALSE);

  return self->busy;
}

void
govorun_campaign_details_set_campaign (GovorunCampaignDetails *self,
                                       GovorunCampaign        *campaign)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN_DETAILS (self));

  if (self->campaign == campaign)
    return;

  /* A request for the campaign shown before is not this one's. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->busy = FALSE;
  if (self->campaign != NULL)
    g_signal_handlers_disconnect_by_func (self->campaign, update, self);
  g_set_object (&self->campaign, campaign);

  if (campaign != NULL)
    g_signal_connect_object (campaign, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  govorun_campaign_details_reload (self);
  update (self);
  update_buttons (self);
}

void
govorun_campaign_details_reload (GovorunCampaignDetails *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (GOVORUN_IS_CAMPAIGN_DETAILS (self));

  /* A new lazy model: its pages are read again (a new one each call). */
  if (self->campaign != NULL && campaigns (self) != NULL)
    selection = gtk_no_selection_new (govorun_campaigns_get_contacts (campaigns (self), self->campaign));
  gtk_column_view_set_model (self->contacts_view, GTK_SELECTION_MODEL (selection));
}

/* Calls just synced may be this campaign's: their buttons appear. */
static void
on_calls_changed (GovorunCampaignDetails *self)
{
  if (self->campaign != NULL)
    govorun_campaign_details_reload (self);
}

static void
govorun_campaign_details_dispose (GObject *object)
{
  GovorunCampaignDetails *self = GOVORUN_CAMPAIGN_DETAILS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->campaign != NULL)
    g_signal_handlers_disconnect_by_func (self->campaign, update, self);
  g_clear_object (&self->campaign);
  g_clear_object (&self->services);
  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_CAMPAIGN_DETAILS);

  G_OBJECT_CLASS (govorun_campaign_details_parent_class)->dispose (object);
}

static void
govorun_campaign_details_class_init (GovorunCampaignDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = govorun_campaign_details_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/govorun-campaign-details.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, GovorunCampaignDetails, name)
  BIND (state_label);
  BIND (agent_label);
  BIND (progress_bar);
  BIND (counts_label);
  BIND (times_label);
  BIND (error_label);
  BIND (buttons_box);
  BIND (pause_button);
  BIND (resume_button);
  BIND (start_button);
  BIND (add_button);
  BIND (export_button);
  BIND (cancel_button);
  BIND (delete_button);
  BIND (contacts_view);
#undef BIND

  gtk_widget_class_install_action (widget_class, "campaign.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "campaign.pause", NULL, pause_action);
  gtk_widget_class_install_action (widget_class, "campaign.resume", NULL, resume_action);
  gtk_widget_class_install_action (widget_class, "campaign.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "campaign.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "campaign.add-contacts", NULL, add_contacts_action);
  gtk_widget_class_install_action (widget_class, "campaign.export", NULL, export_action);
}

static void
govorun_campaign_details_init (GovorunCampaignDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_columns (self);

  /* The buttons' cells are not Tab stops; the buttons are. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->buttons_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  update_buttons (self);
}
