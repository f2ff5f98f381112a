/* govorun-campaign-assistant-preflight.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCampaignAssistant"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-campaign-assistant-private.h"
#include "govorun-call-format.h"
#include "govorun-campaign-format.h"
#include "govorun-do-not-call-dialog.h"
#include "govorun-do-not-call-scope.h"
#include "govorun-format.h"
#include "govorun-toast.h"

/* Steps 4 and 5: the draft prepared from the file (a progress bar and
 * Cancel while the service streams the rows into the store), its preflight
 * report — counts, the rows with problems, the estimates, the invalid rows
 * exportable —, and the start. */

/* -- preparing -- */

static void
on_progress (guint64  rows_done,
             guint64  rows_estimate,
             gpointer user_data)
{
  GovorunCampaignAssistant *self = user_data;
  g_autofree char *done = govorun_campaign_format_number (rows_done);
  g_autofree char *text = NULL;

  if (rows_estimate > 0)
    {
      g_autofree char *estimate = govorun_campaign_format_number (rows_estimate);

      gtk_progress_bar_set_fraction (self->prepare_progress, MIN (1.0, (double) rows_done / rows_estimate));
      /* Translators: rows of the contacts file checked so far, of an estimate */
      text = g_strdup_printf (_("Rows checked: %s of about %s"), done, estimate);
    }
  else
    {
      gtk_progress_bar_pulse (self->prepare_progress);
      /* Translators: rows of the contacts file checked so far */
      text = g_strdup_printf (_("Rows checked: %s"), done);
    }
  gtk_progress_bar_set_text (self->prepare_progress, text);
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = govorun_campaign_format_number (count);

  gtk_label_set_text (label, text);
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (label), ADW_TYPE_ACTION_ROW), TRUE);
}

static char *
format_minutes (double minutes)
{
  guint whole = (guint) CLAMP (minutes + 0.5, 0, G_MAXUINT);

  if (whole >= 120)
    {
      guint hours = (whole + 30) / 60;

      /* Translators: the estimated talk time of a campaign */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %u hour", "about %u hours", hours), hours);
    }
  /* Translators: the estimated talk time of a campaign */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %u minute", "about %u minutes", whole), whole);
}

static void
update_reminder (GovorunCampaignAssistant *self)
{
  GovorunDoNotCall *dnc = govorun_services_get_do_not_call (self->services);
  guint n = dnc != NULL ? g_list_model_get_n_items (govorun_do_not_call_get_model (dnc)) : 0;
  g_autofree char *count = NULL;
  g_autofree char *link = NULL;
  g_autofree char *markup = NULL;
  /* The list is this computer's (HACKING.md, "The do-not-call list is
   * this computer's"): say so where it is relied on. */
  g_autofree char *scope = g_markup_escape_text (govorun_do_not_call_scope_note (), -1);
  g_autofree char *agreement = g_markup_escape_text (_("Calling many people also needs the operator's call-marking agreement for the caller number, or the calls are shown as spam."), -1);

  /* Translators: %u is the number of entries of the do-not-call list */
  count = g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE,
                                                "The do-not-call list applies: its %u number is never called.",
                                                "The do-not-call list applies: its %u numbers are never called.", n),
                                   n);
  link = g_markup_printf_escaped ("<a href=\"do-not-call\">%s</a>", _("Edit the list…"));
  markup = g_strdup_printf ("%s %s\n%s\n%s", count, link, scope, agreement);
  if (self->draft != NULL && govorun_campaign_get_debt_mode (self->draft))
    {
      g_autofree char *debt = g_markup_escape_text (_("Debt collection mode applies the hours and limits of 230-FZ "
                                                      "(article 7) as Govorun reads them. This is not legal advice: "
                                                      "check your obligations with a lawyer."), -1);
      g_autofree char *with_debt = g_strdup_printf ("%s\n%s", markup, debt);

      g_free (markup);
      markup = g_steal_pointer (&with_debt);
    }
  gtk_label_set_markup (self->reminder_label, markup);
}

static void
show_report (GovorunCampaignAssistant *self)
{
  GovorunPreflight *preflight = self->preflight;
  g_autofree char *minutes = format_minutes (govorun_preflight_get_estimated_minutes (preflight));
  g_autofree char *finish = govorun_campaign_format_time (govorun_preflight_get_estimated_finish (preflight));
  g_autofree char *cost = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  GListModel *issues = govorun_preflight_get_issues (preflight);

  set_count (self->rows_label, govorun_preflight_get_rows (preflight));
  set_count (self->valid_label, govorun_preflight_get_valid (preflight));
  set_count (self->invalid_label, govorun_preflight_get_invalid (preflight));
  set_count (self->duplicates_label, govorun_preflight_get_duplicates (preflight));
  set_count (self->dnc_label, govorun_preflight_get_do_not_call (preflight));
  set_count (self->missing_label, govorun_preflight_get_missing_variables (preflight));
  set_count (self->held_label, govorun_preflight_get_held_back (preflight));
  /* Only a debt-mode campaign holds anybody back. */
  gtk_widget_set_visible (self->held_row, self->draft != NULL && govorun_campaign_get_debt_mode (self->draft));
  gtk_label_set_text (self->minutes_label, minutes);

  if (govorun_preflight_get_currency (preflight) != NULL)
    cost = govorun_format_money (govorun_preflight_get_estimated_cost (preflight),
                                 govorun_preflight_get_currency (preflight));
  gtk_label_set_text (self->cost_label, cost != NULL ? cost : _("Not known"));
  _govorun_campaign_assistant_set_subtitle (self->cost_row, govorun_preflight_get_cost_assumption (preflight));
  gtk_label_set_text (self->finish_label, *finish != '\0' ? finish : _("Not known"));

  gtk_widget_set_visible (self->issues_group, issues != NULL && g_list_model_get_n_items (issues) > 0);
  gtk_widget_set_sensitive (self->export_invalid_button,
                            govorun_preflight_get_invalid (preflight) + govorun_preflight_get_duplicates (preflight) +
                            govorun_preflight_get_do_not_call (preflight) +
                            govorun_preflight_get_held_back (preflight) > 0);
  if (issues != NULL)
    selection = gtk_no_selection_new (g_object_ref (issues));
  gtk_list_view_set_model (self->issues_view, GTK_SELECTION_MODEL (selection));

  update_reminder (self);
  gtk_stack_set_visible_child_name (self->preflight_stack, "report");
}

static void
on_prepared (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GovorunCampaignAssistant) self = user_data;
  g_autoptr(GovorunPreflight) preflight = NULL;
  g_autoptr(GError) error = NULL;
  GovorunCampaign *draft = g_object_get_data (G_OBJECT (self), "preparing-draft");
  GovorunCampaign *saved;

  preflight = govorun_campaigns_prepare_finish (GOVORUN_CAMPAIGNS (source), result, &error);
  if (preflight == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->preparing = FALSE;
      _govorun_campaign_assistant_fail (self, error);
      /* Nothing was saved: back to the settings, where Next tries again. */
      gtk_stack_set_visible_child_name (self->stack, "settings");
      return;
    }

  /* The model's object, which the start and the page then follow. */
  saved = govorun_campaigns_lookup (GOVORUN_CAMPAIGNS (source), govorun_campaign_get_id (draft));
  if (saved == NULL)
    saved = draft;
  g_set_object (&self->draft, saved);
  g_set_object (&self->preflight, preflight);
  self->preparing = FALSE;
  show_report (self);
  _govorun_campaign_assistant_set_busy (self, FALSE);
}

void
_govorun_campaign_assistant_prepare (GovorunCampaignAssistant *self)
{
  g_autoptr(GovorunCampaign) draft = _govorun_campaign_assistant_read_settings (self);
  g_autoptr(GovorunColumnMapping) mapping = _govorun_campaign_assistant_read_mapping (self);
  g_autofree char *id = g_uuid_string_random ();
  GCancellable *cancellable;

  if (draft == NULL || self->file == NULL)
    return;
  if (govorun_campaign_get_id (draft) == NULL)
    govorun_campaign_set_id (draft, id);

  cancellable = _govorun_campaign_assistant_renew (self);
  g_object_set_data_full (G_OBJECT (self), "preparing-draft", g_object_ref (draft), g_object_unref);
  gtk_progress_bar_set_fraction (self->prepare_progress, 0);
  gtk_progress_bar_set_text (self->prepare_progress, "");
  gtk_stack_set_visible_child_name (self->preflight_stack, "preparing");
  self->preparing = TRUE;
  _govorun_campaign_assistant_set_busy (self, TRUE);
  govorun_campaigns_prepare_async (_govorun_campaign_assistant_campaigns (self), self->file,
                                   self->preview != NULL ? govorun_import_preview_get_sheet (self->preview) : NULL,
                                   mapping, draft, on_progress, g_object_ref (self), g_object_unref,
                                   cancellable, on_prepared, g_object_ref (self));
}

static void
on_prepare_cancel (GovorunCampaignAssistant *self)
{
  /* The service saves nothing when cancelled: back to the settings. */
  _govorun_campaign_assistant_renew (self);
  gtk_stack_set_visible_child_name (self->stack, "settings");
}

static void
on_draft_deleted (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The assistant may be gone; a draft that stays shows in the list, where
   * it can be deleted. */
  if (!govorun_campaigns_delete_draft_finish (GOVORUN_CAMPAIGNS (source), result, &error))
    g_debug ("The draft was not deleted: %s", error->message);
}

void
_govorun_campaign_assistant_drop_draft (GovorunCampaignAssistant *self)
{
  if (self->draft != NULL && govorun_campaign_get_state (self->draft) == GOVORUN_CAMPAIGN_STATE_DRAFT &&
      govorun_campaign_get_list_id (self->draft) == 0)
    govorun_campaigns_delete_draft_async (_govorun_campaign_assistant_campaigns (self), self->draft, NULL,
                                          on_draft_deleted, NULL);
  g_clear_object (&self->draft);
  g_clear_object (&self->preflight);
  gtk_list_view_set_model (self->issues_view, NULL);
  gtk_stack_set_visible_child_name (self->preflight_stack, "preparing");
}

/* -- the report's rows -- */

static const char *
issue_kind (GovorunPreflightIssueKind kind)
{
  switch (kind)
    {
    case GOVORUN_PREFLIGHT_ISSUE_INVALID:
      return C_("preflight issue", "Invalid");
    case GOVORUN_PREFLIGHT_ISSUE_DUPLICATE:
      return C_("preflight issue", "Duplicate");
    case GOVORUN_PREFLIGHT_ISSUE_DO_NOT_CALL:
      return C_("preflight issue", "Do not call");
    case GOVORUN_PREFLIGHT_ISSUE_MISSING_VARIABLE:
      return C_("preflight issue", "Missing variable");
    case GOVORUN_PREFLIGHT_ISSUE_DEBT_CAP:
      return C_("preflight issue", "Held back (230-FZ)");
    case GOVORUN_PREFLIGHT_ISSUE_TIME_ZONE:
    default:
      return C_("preflight issue", "Time zone");
    }
}

static void
setup_issue (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *reason = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (reason), 0);
  gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (reason), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), reason);
  gtk_list_item_set_child (item, box);
}

static void
bind_issue (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GovorunPreflightIssue *issue = gtk_list_item_get_item (item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *reason = gtk_widget_get_next_sibling (title);
  const char *column = govorun_preflight_issue_get_column (issue);
  const char *value = govorun_preflight_issue_get_value (issue);
  g_autofree char *heading = NULL;
  g_autofree char *text = NULL;
  g_autofree char *row = NULL;

  if (!GOVORUN_IS_PREFLIGHT_ISSUE (issue))
    return;

  row = g_strdup_printf ("%" G_GINT64_FORMAT, govorun_preflight_issue_get_row (issue));
  if (column != NULL && *column != '\0')
    /* Translators: a problem's place in the file and its kind, e.g. "Row 12, Phone: Invalid" */
    heading = g_strdup_printf (_("Row %s, %s: %s"), row, column,
                               issue_kind (govorun_preflight_issue_get_kind (issue)));
  else
    /* Translators: a problem's row in the file and its kind, e.g. "Row 12: Duplicate" */
    heading = g_strdup_printf (_("Row %s: %s"), row, issue_kind (govorun_preflight_issue_get_kind (issue)));
  if (value != NULL && *value != '\0')
    /* Translators: the cell's value, then why the row has a problem */
    text = g_strdup_printf (_("“%s”: %s"), value, govorun_preflight_issue_get_reason (issue));
  else
    text = g_strdup (govorun_preflight_issue_get_reason (issue));

  gtk_label_set_text (GTK_LABEL (title), heading);
  gtk_label_set_text (GTK_LABEL (reason), text);
}

/* -- export of the invalid rows -- */

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GovorunCampaignAssistant) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!govorun_campaigns_export_invalid_finish (GOVORUN_CAMPAIGNS (source), result, &error))
    {
      _govorun_campaign_assistant_fail (self, error);
      return;
    }
  _govorun_campaign_assistant_set_busy (self, FALSE);
  govorun_toast_show (GTK_WIDGET (self), _("Invalid rows exported"));
}

void
govorun_campaign_assistant_export_invalid (GovorunCampaignAssistant *self,
                                           GFile                    *file)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN_ASSISTANT (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->draft == NULL)
    return;

  _govorun_campaign_assistant_set_busy (self, TRUE);
  govorun_campaigns_export_invalid_async (_govorun_campaign_assistant_campaigns (self), self->draft, file,
                                          self->cancellable, on_export_done, g_object_ref (self));
}

static void
on_export_response (GtkNativeDialog          *chooser,
                    int                       response,
                    GovorunCampaignAssistant *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        govorun_campaign_assistant_export_invalid (self, file);
    }
  g_object_unref (chooser);
}

static void
on_export_invalid_clicked (GovorunCampaignAssistant *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *base = self->file != NULL ? g_file_get_basename (self->file) : g_strdup ("contacts");
  char *dot = strrchr (base, '.');
  GtkFileChooserNative *chooser;

  if (dot != NULL && dot != base)
    *dot = '\0';
  chooser = gtk_file_chooser_native_new (_("Export Invalid Rows"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the suggested file name of the invalid rows; %s is the
   * contacts file's name; no spaces */
  name = g_strdup_printf (C_("file name", "%s-invalid.csv"), base);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
recount (gpointer user_data)
{
  GovorunCampaignAssistant *self = user_data;

  self->recount_id = 0;
  if (govorun_campaign_assistant_get_step (self) != STEP_PREFLIGHT)
    return G_SOURCE_REMOVE;
  /* As Back and Next do: the draft goes and is prepared again. */
  _govorun_campaign_assistant_renew (self);
  _govorun_campaign_assistant_drop_draft (self);
  _govorun_campaign_assistant_prepare (self);
  _govorun_campaign_assistant_update_buttons (self);
  return G_SOURCE_REMOVE;
}

/* The list changed while the report is shown: the count in the sentence
 * follows at once, the report a moment later (one recount for a burst of
 * changes, such as an imported file). */
static void
on_do_not_call_changed (GovorunCampaignAssistant *self)
{
  update_reminder (self);
  if (govorun_campaign_assistant_get_step (self) != STEP_PREFLIGHT)
    return;
  g_clear_handle_id (&self->recount_id, g_source_remove);
  self->recount_id = g_timeout_add (300, recount, self);
}

static gboolean
on_reminder_link (GovorunCampaignAssistant *self,
                  const char               *uri)
{
  GovorunDoNotCall *dnc = govorun_services_get_do_not_call (self->services);
  GovorunDoNotCallDialog *dialog;

  if (g_strcmp0 (uri, "do-not-call") != 0 || dnc == NULL)
    return FALSE;

  dialog = govorun_do_not_call_dialog_new (GTK_WINDOW (self), dnc);
  if (!self->watching_dnc)
    g_signal_connect_object (govorun_do_not_call_get_model (dnc), "items-changed",
                             G_CALLBACK (on_do_not_call_changed), self, G_CONNECT_SWAPPED);
  self->watching_dnc = TRUE;
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* -- step 5: the start -- */

void
_govorun_campaign_assistant_fill_summary (GovorunCampaignAssistant *self)
{
  GovorunAgent *agent = _govorun_campaign_assistant_agent (self);
  g_autofree char *caller = NULL;
  g_autofree char *agent_text = NULL;
  g_autofree char *contacts = NULL;
  g_autofree char *when = NULL;
  g_autofree char *start = NULL;
  guint valid = self->preflight != NULL ? govorun_preflight_get_valid (self->preflight) : 0;
  int from, to;

  if (self->draft == NULL || agent == NULL)
    return;

  caller = govorun_format_phone_number (govorun_campaign_get_caller_number (self->draft));
  /* Translators: the agent that calls and the number it calls from */
  agent_text = g_strdup_printf (_("%s, calling from %s"), govorun_agent_get_name (agent), caller);
  _govorun_campaign_assistant_set_subtitle (self->summary_agent_row, agent_text);

  /* Translators: how many contacts the campaign calls */
  contacts = govorun_call_format_group_digits (g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact",
                                                                             "%u contacts", valid), valid),
                                               valid);
  _govorun_campaign_assistant_set_subtitle (self->summary_contacts_row, contacts);

  from = govorun_campaign_get_window_start (self->draft);
  to = govorun_campaign_get_window_end (self->draft);
  start = govorun_campaign_get_start_at (self->draft) > 0
          ? govorun_campaign_format_time (govorun_campaign_get_start_at (self->draft))
          : g_strdup (_("now"));
  if (govorun_campaign_get_debt_mode (self->draft))
    /* Translators: when a campaign starts (a time or "now"), then its calling hours */
    when = g_strdup_printf (_("Starts %s, calls 08:00–22:00 on workdays and 09:00–20:00 on weekends and holidays, "
                              "local time (230-FZ)"), start);
  else if (from == to)
    /* Translators: when a campaign starts (a time or "now"), calling at any hour */
    when = g_strdup_printf (_("Starts %s, at any hour"), start);
  else
    /* Translators: when a campaign starts (a time or "now"), then its calling hours */
    when = g_strdup_printf (_("Starts %s, calls from %02d:%02d to %02d:%02d local time"), start,
                            from / 60, from % 60, to / 60, to % 60);
  _govorun_campaign_assistant_set_subtitle (self->summary_when_row, when);
}

static void
on_started (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GovorunCampaignAssistant) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!govorun_campaigns_start_finish (GOVORUN_CAMPAIGNS (source), result, &error))
    {
      _govorun_campaign_assistant_fail (self, error);
      return;
    }

  _govorun_campaign_assistant_set_busy (self, FALSE);
  _govorun_campaign_assistant_done (self, self->draft);
}

void
_govorun_campaign_assistant_start (GovorunCampaignAssistant *self)
{
  GCancellable *cancellable;

  if (self->draft == NULL)
    return;

  cancellable = _govorun_campaign_assistant_renew (self);
  _govorun_campaign_assistant_set_busy (self, TRUE);
  govorun_campaigns_start_async (_govorun_campaign_assistant_campaigns (self), self->draft, cancellable,
                                 on_started, g_object_ref (self));
}

void
_govorun_campaign_assistant_preflight_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_prepare_cancel);
  gtk_widget_class_bind_template_callback (widget_class, on_export_invalid_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_reminder_link);
}

void
_govorun_campaign_assistant_setup_issues (GovorunCampaignAssistant *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_issue), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_issue), NULL);
  gtk_list_view_set_factory (self->issues_view, factory);
  g_object_unref (factory);
}
