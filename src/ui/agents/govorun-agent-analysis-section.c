/* govorun-agent-analysis-section.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAgentAnalysisSection"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-agent-analysis-section.h"
#include "govorun-analysis-templates.h"
#include "govorun-changed-elsewhere.h"
#include "govorun-error-banner.h"
#include "govorun-first-message.h"
#include "govorun-toast.h"

/* The draft is edited in place; Save (and a template or the first-message
 * fix, after their confirmation) sends what differs from what was read. */

struct _GovorunAgentAnalysisSection
{
  AdwPreferencesGroup      parent_instance;

  GovorunAgentAnalysis    *analysis;
  GovorunAgent            *agent;
  GovorunAnalysisSettings *read;      /* as ElevenLabs holds it; NULL until loaded */
  GovorunAnalysisSettings *draft;
  GCancellable            *cancellable;
  GPtrArray               *rows;      /* the criteria and field rows shown */
  GArray                  *retention; /* gint64 days per item of retention_row */
  gboolean                 updating;  /* widgets being set from the draft */
  gboolean                 busy;

  GtkWidget               *actions_box;
  GtkWidget               *template_button;
  GtkWidget               *save_button;
  GtkLabel                *status_label;
  GtkWidget               *compliance_group;
  AdwActionRow            *first_message_row;
  GtkWidget               *fix_button;
  AdwComboRow             *retention_row;
  GtkSwitch               *delete_transcript_switch;
  GtkSwitch               *delete_audio_switch;
  AdwPreferencesGroup     *criteria_group;
  AdwPreferencesGroup     *fields_group;
};

G_DEFINE_FINAL_TYPE (GovorunAgentAnalysisSection, govorun_agent_analysis_section, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_AGENT_ANALYSIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The data-collection types in the type drop-down's order. */
static const char * const data_types[] = {
  GOVORUN_DATA_TYPE_STRING, GOVORUN_DATA_TYPE_BOOLEAN, GOVORUN_DATA_TYPE_INTEGER, GOVORUN_DATA_TYPE_NUMBER,
};

static const char *
data_type_label (const char *type)
{
  if (g_strcmp0 (type, GOVORUN_DATA_TYPE_BOOLEAN) == 0)
    return _("Yes or No");
  if (g_strcmp0 (type, GOVORUN_DATA_TYPE_INTEGER) == 0)
    return _("Whole Number");
  if (g_strcmp0 (type, GOVORUN_DATA_TYPE_NUMBER) == 0)
    return _("Number");
  return _("Text");
}

/* The retention choices, in days; -1 is no limit. */
static const gint64 retention_choices[] = { -1, 1, 3, 7, 14, 30, 90, 180, 365 };

static char *
retention_label (gint64 days)
{
  if (days < 0)
    return g_strdup (_("No limit"));
  if (days == 0)
    return g_strdup (_("Not at all"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", (gulong) days), (int) days);
}

/* Titles and subtitles of rows are markup: provider text is escaped. */
static void
set_row_title (AdwPreferencesRow *row,
               const char        *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL && *text != '\0' ? text : _("(no name)"), -1);

  adw_preferences_row_set_title (row, escaped);
}

static gboolean
is_dirty (GovorunAgentAnalysisSection *self)
{
  if (self->read == NULL || self->draft == NULL)
    return FALSE;

  return !govorun_analysis_criteria_equal (self->read, self->draft)
         || !govorun_analysis_fields_equal (self->read, self->draft)
         || !govorun_analysis_privacy_equal (self->read, self->draft)
         || g_strcmp0 (self->read->first_message, self->draft->first_message) != 0;
}

static void
update_actions (GovorunAgentAnalysisSection *self)
{
  gboolean ready = self->read != NULL && !self->busy;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "analysis.save", ready && is_dirty (self));
  gtk_widget_action_set_enabled (widget, "analysis.apply-template", ready);
  gtk_widget_action_set_enabled (widget, "analysis.add-criterion", ready);
  gtk_widget_action_set_enabled (widget, "analysis.add-field", ready);
  gtk_widget_action_set_enabled (widget, "analysis.fix-first-message", ready);
  gtk_widget_set_sensitive (self->template_button, ready);
}

static void
show_status (GovorunAgentAnalysisSection *self,
             const char                  *text)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

/* -- the first message -- */

static void
update_first_message (GovorunAgentAnalysisSection *self)
{
  const char *message = self->draft->first_message;
  GovorunFirstMessageProblems problems = govorun_first_message_check (message);
  g_autofree char *warning = govorun_first_message_describe (problems);
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;

  if (message == NULL || *message == '\0')
    text = g_strdup (_("(none: the agent waits for the caller to speak)"));
  else
    text = g_strdup (message);
  if (warning != NULL)
    {
      g_autofree char *joined = g_strdup_printf ("%s\n%s", warning, text);

      g_free (text);
      text = g_steal_pointer (&joined);
    }
  escaped = g_markup_escape_text (text, -1);
  adw_action_row_set_subtitle (self->first_message_row, escaped);
  adw_action_row_set_subtitle_lines (self->first_message_row, warning != NULL ? 6 : 3);
  adw_action_row_set_icon_name (self->first_message_row, warning != NULL ? "dialog-warning-symbolic" : NULL);
  gtk_widget_set_visible (self->fix_button, warning != NULL);
  if (warning != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->first_message_row), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->first_message_row), "warning");
}

/* -- privacy -- */

static void
fill_retention (GovorunAgentAnalysisSection *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  gint64 current = self->draft->privacy.retention_days;
  gboolean listed = FALSE;
  guint selected = 0;

  g_array_set_size (self->retention, 0);
  for (guint i = 0; i < G_N_ELEMENTS (retention_choices); i++)
    {
      /* An agent's own value that is not a choice is listed in its place. */
      if (!listed && current >= 0 && current < retention_choices[i] && retention_choices[i] > 0)
        {
          g_array_append_val (self->retention, current);
          listed = TRUE;
        }
      if (retention_choices[i] == current)
        listed = TRUE;
      g_array_append_val (self->retention, retention_choices[i]);
    }
  if (!listed)
    g_array_append_val (self->retention, current);

  for (guint i = 0; i < self->retention->len; i++)
    {
      gint64 days = g_array_index (self->retention, gint64, i);
      g_autofree char *label = retention_label (days);

      gtk_string_list_append (labels, label);
      if (days == current)
        selected = i;
    }
  adw_combo_row_set_model (self->retention_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->retention_row, selected);
}

static void
on_retention_selected (GovorunAgentAnalysisSection *self)
{
  guint i = adw_combo_row_get_selected (self->retention_row);

  if (self->updating || self->draft == NULL || i >= self->retention->len)
    return;
  self->draft->privacy.retention_days = g_array_index (self->retention, gint64, i);
  update_actions (self);
}

static void
on_switch_active (GovorunAgentAnalysisSection *self)
{
  if (self->updating || self->draft == NULL)
    return;
  self->draft->privacy.delete_transcript_and_pii = gtk_switch_get_active (self->delete_transcript_switch);
  self->draft->privacy.delete_audio = gtk_switch_get_active (self->delete_audio_switch);
  update_actions (self);
}

/* -- criteria and fields -- */

static void rebuild (GovorunAgentAnalysisSection *self);

static guint
index_of (gpointer widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "govorun-index"));
}

static void
on_criterion_changed (GtkEditable                 *entry,
                      GovorunAgentAnalysisSection *self)
{
  guint i = index_of (entry);
  GovorunAnalysisCriterion *criterion;
  char **target;

  if (self->updating || self->draft == NULL || i >= self->draft->criteria->len)
    return;

  criterion = g_ptr_array_index (self->draft->criteria, i);
  target = g_object_get_data (G_OBJECT (entry), "govorun-prompt") ? &criterion->prompt : &criterion->name;
  g_free (*target);
  *target = g_strdup (gtk_editable_get_text (entry));
  if (target == &criterion->name)
    set_row_title (ADW_PREFERENCES_ROW (g_object_get_data (G_OBJECT (entry), "govorun-row")), criterion->name);
  update_actions (self);
}

static void
on_remove_criterion (GtkButton                   *button,
                     GovorunAgentAnalysisSection *self)
{
  guint i = index_of (button);

  if (self->draft != NULL && i < self->draft->criteria->len)
    g_ptr_array_remove_index (self->draft->criteria, i);
  rebuild (self);
}

static GtkWidget *
remove_button_new (const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
entry_row_new (const char *title,
               const char *text,
               GtkWidget  *row,
               guint       index)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  g_object_set_data (G_OBJECT (entry), "govorun-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (entry), "govorun-row", row);
  return entry;
}

static GtkWidget *
criterion_row_new (GovorunAgentAnalysisSection *self,
                   GovorunAnalysisCriterion    *criterion,
                   guint                        index)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *name = entry_row_new (_("Name"), criterion->name, row, index);
  GtkWidget *prompt = entry_row_new (_("Goal Prompt"), criterion->prompt, row, index);
  GtkWidget *remove = remove_button_new (_("Remove Criterion"));
  g_autofree char *id = g_markup_escape_text (criterion->id, -1);

  set_row_title (ADW_PREFERENCES_ROW (row), criterion->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), id);
  g_object_set_data (G_OBJECT (prompt), "govorun-prompt", GINT_TO_POINTER (TRUE));
  g_object_set_data (G_OBJECT (remove), "govorun-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (name, "changed", G_CALLBACK (on_criterion_changed), self, 0);
  g_signal_connect_object (prompt, "changed", G_CALLBACK (on_criterion_changed), self, 0);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_criterion), self, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), prompt);

  return row;
}

static void
on_field_changed (GtkEditable                 *entry,
                  GovorunAgentAnalysisSection *self)
{
  guint i = index_of (entry);
  GovorunAnalysisField *field;
  char **target;

  if (self->updating || self->draft == NULL || i >= self->draft->fields->len)
    return;

  field = g_ptr_array_index (self->draft->fields, i);
  target = g_object_get_data (G_OBJECT (entry), "govorun-description") ? &field->description : &field->name;
  g_free (*target);
  *target = g_strdup (gtk_editable_get_text (entry));
  if (target == &field->name)
    set_row_title (ADW_PREFERENCES_ROW (g_object_get_data (G_OBJECT (entry), "govorun-row")), field->name);
  update_actions (self);
}

static void
on_field_type (AdwComboRow                 *combo,
               GParamSpec                  *pspec,
               GovorunAgentAnalysisSection *self)
{
  guint i = index_of (combo);
  guint selected = adw_combo_row_get_selected (combo);
  GovorunAnalysisField *field;

  if (self->updating || self->draft == NULL || i >= self->draft->fields->len
      || selected >= G_N_ELEMENTS (data_types))
    return;

  field = g_ptr_array_index (self->draft->fields, i);
  g_free (field->type);
  field->type = g_strdup (data_types[selected]);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (g_object_get_data (G_OBJECT (combo), "govorun-row")),
                                 data_type_label (field->type));
  update_actions (self);
}

static void
on_remove_field (GtkButton                   *button,
                 GovorunAgentAnalysisSection *self)
{
  guint i = index_of (button);

  if (self->draft != NULL && i < self->draft->fields->len)
    g_ptr_array_remove_index (self->draft->fields, i);
  rebuild (self);
}

static GtkWidget *
field_row_new (GovorunAgentAnalysisSection *self,
               GovorunAnalysisField        *field,
               guint                        index)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *name = entry_row_new (_("Name"), field->name, row, index);
  GtkWidget *description = entry_row_new (_("Description"), field->description, row, index);
  GtkWidget *type = adw_combo_row_new ();
  GtkWidget *remove = remove_button_new (_("Remove Field"));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (data_types); i++)
    {
      gtk_string_list_append (labels, data_type_label (data_types[i]));
      if (g_strcmp0 (field->type, data_types[i]) == 0)
        selected = i;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (type), _("Type"));
  adw_combo_row_set_model (ADW_COMBO_ROW (type), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (type), selected);
  g_object_set_data (G_OBJECT (type), "govorun-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (type), "govorun-row", row);

  set_row_title (ADW_PREFERENCES_ROW (row), field->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), data_type_label (field->type));
  g_object_set_data (G_OBJECT (description), "govorun-description", GINT_TO_POINTER (TRUE));
  g_object_set_data (G_OBJECT (remove), "govorun-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (name, "changed", G_CALLBACK (on_field_changed), self, 0);
  g_signal_connect_object (description, "changed", G_CALLBACK (on_field_changed), self, 0);
  g_signal_connect_object (type, "notify::selected", G_CALLBACK (on_field_type), self, 0);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_field), self, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), type);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), description);

  return row;
}

static void
clear_rows (GovorunAgentAnalysisSection *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

/* Shows the draft. */
static void
rebuild (GovorunAgentAnalysisSection *self)
{
  gboolean loaded = self->draft != NULL;

  clear_rows (self);
  gtk_widget_set_visible (self->compliance_group, loaded);
  gtk_widget_set_visible (GTK_WIDGET (self->criteria_group), loaded);
  gtk_widget_set_visible (GTK_WIDGET (self->fields_group), loaded);
  if (!loaded)
    {
      update_actions (self);
      return;
    }

  self->updating = TRUE;
  for (guint i = 0; i < self->draft->criteria->len; i++)
    {
      GtkWidget *row = criterion_row_new (self, g_ptr_array_index (self->draft->criteria, i), i);

      adw_preferences_group_add (self->criteria_group, row);
      g_ptr_array_add (self->rows, row);
    }
  for (guint i = 0; i < self->draft->fields->len; i++)
    {
      GtkWidget *row = field_row_new (self, g_ptr_array_index (self->draft->fields, i), i);

      adw_preferences_group_add (self->fields_group, row);
      g_ptr_array_add (self->rows, row);
    }
  fill_retention (self);
  gtk_switch_set_active (self->delete_transcript_switch, self->draft->privacy.delete_transcript_and_pii);
  gtk_switch_set_active (self->delete_audio_switch, self->draft->privacy.delete_audio);
  update_first_message (self);
  self->updating = FALSE;

  update_actions (self);
}

/* -- loading and saving -- */

static void
take_settings (GovorunAgentAnalysisSection *self,
               GovorunAnalysisSettings     *settings)
{
  g_clear_pointer (&self->read, govorun_analysis_settings_free);
  g_clear_pointer (&self->draft, govorun_analysis_settings_free);
  if (settings != NULL)
    {
      self->draft = govorun_analysis_settings_copy (settings);
      self->read = settings;
    }
  rebuild (self);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GovorunAgentAnalysisSection *self = user_data; /* borrowed: dispose cancels */
  g_autoptr(GError) error = NULL;
  GovorunAnalysisSettings *settings;

  settings = govorun_agent_analysis_load_finish (GOVORUN_AGENT_ANALYSIS (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->busy = FALSE;
  if (settings == NULL)
    {
      show_status (self, error->message);
      take_settings (self, NULL);
      return;
    }

  show_status (self, NULL);
  take_settings (self, settings);
}

static void
load (GovorunAgentAnalysisSection *self)
{
  GovorunAccount *account;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  take_settings (self, NULL);

  if (self->analysis == NULL || self->agent == NULL)
    return;

  account = govorun_agent_analysis_account_for (self->analysis, self->agent);
  if (account == NULL)
    {
      show_status (self, _("The agent’s ElevenLabs account was removed, so its analysis settings cannot be read. Add the account again to edit them."));
      return;
    }

  show_status (self, _("Reading the agent’s settings from ElevenLabs…"));
  self->busy = TRUE;
  self->cancellable = g_cancellable_new ();
  govorun_agent_analysis_load_async (self->analysis, account, govorun_agent_get_el_agent_id (self->agent),
                                     self->cancellable, loaded_cb, self);
}

/* -- changed elsewhere --
 *
 * A save found the agent's settings changed at ElevenLabs since they were
 * read here. Load Their Version reads them again (the draft is dropped);
 * Replace Theirs reads them too — so they become what this computer has
 * seen — and saves the draft over them. */

static void save (GovorunAgentAnalysisSection *self);

static void
theirs_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GovorunAgentAnalysisSection *self = user_data; /* borrowed: dispose cancels */
  g_autoptr(GError) error = NULL;
  GovorunAnalysisSettings *theirs;

  theirs = govorun_agent_analysis_load_finish (GOVORUN_AGENT_ANALYSIS (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  if (theirs == NULL)
    {
      govorun_error_show (GTK_WIDGET (self), error->message);
      update_actions (self);
      return;
    }
  /* The draft stays; what it is compared with is theirs now. */
  g_clear_pointer (&self->read, govorun_analysis_settings_free);
  self->read = theirs;
  save (self);
}

static void
on_changed_elsewhere_response (AdwMessageDialog            *dialog,
                               const char                  *response,
                               GovorunAgentAnalysisSection *self)
{
  GovorunAccount *account;

  if (g_strcmp0 (response, "load") == 0)
    {
      load (self);
      return;
    }
  if (g_strcmp0 (response, "replace") != 0 || self->busy || self->analysis == NULL || self->agent == NULL ||
      (account = govorun_agent_analysis_account_for (self->analysis, self->agent)) == NULL)
    return;
  self->busy = TRUE;
  update_actions (self);
  govorun_agent_analysis_load_async (self->analysis, account, govorun_agent_get_el_agent_id (self->agent),
                                     self->cancellable, theirs_read_cb, self);
}

static void
ask_changed_elsewhere (GovorunAgentAnalysisSection *self,
                       const char                  *message)
{
  GtkWidget *dialog = govorun_changed_elsewhere_dialog_new (GTK_WIDGET (self), message);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_changed_elsewhere_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GovorunAgentAnalysisSection *self = user_data; /* borrowed: dispose cancels */
  g_autoptr(GError) error = NULL;
  GovorunAnalysisSettings *settings;
  gboolean sent = FALSE;

  settings = govorun_agent_analysis_save_finish (GOVORUN_AGENT_ANALYSIS (object), result, &sent, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->busy = FALSE;
  if (g_error_matches (error, GOVORUN_AGENT_ANALYSIS_ERROR, GOVORUN_AGENT_ANALYSIS_ERROR_CHANGED_ELSEWHERE))
    {
      update_actions (self);
      ask_changed_elsewhere (self, error->message);
      return;
    }
  if (settings == NULL)
    {
      govorun_error_show (GTK_WIDGET (self), error->message);
      update_actions (self);
      return;
    }

  take_settings (self, settings);
  govorun_toast_show (GTK_WIDGET (self), sent ? _("Saved to ElevenLabs") : _("Nothing to change"));
}

static void
save (GovorunAgentAnalysisSection *self)
{
  GovorunAccount *account;

  if (self->read == NULL || self->busy)
    return;

  account = govorun_agent_analysis_account_for (self->analysis, self->agent);
  if (account == NULL)
    return;

  self->busy = TRUE;
  update_actions (self);
  govorun_agent_analysis_save_async (self->analysis, account, govorun_agent_get_el_agent_id (self->agent),
                                     self->read, self->draft, self->cancellable, saved_cb, self);
}

/* -- actions -- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (GOVORUN_AGENT_ANALYSIS_SECTION (widget));
}

static void
add_criterion_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GovorunAgentAnalysisSection *self = GOVORUN_AGENT_ANALYSIS_SECTION (widget);
  g_autofree char *id = NULL;

  if (self->draft == NULL)
    return;

  for (guint n = self->draft->criteria->len + 1; id == NULL || govorun_analysis_settings_find_criterion (self->draft, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("criterion_%u", n);
    }
  g_ptr_array_add (self->draft->criteria, govorun_analysis_criterion_new (id, "", ""));
  rebuild (self);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (g_ptr_array_index (self->rows, self->draft->criteria->len - 1)), TRUE);
}

static void
add_field_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GovorunAgentAnalysisSection *self = GOVORUN_AGENT_ANALYSIS_SECTION (widget);
  g_autofree char *name = NULL;

  if (self->draft == NULL)
    return;

  for (guint n = self->draft->fields->len + 1; name == NULL || govorun_analysis_settings_find_field (self->draft, name); n++)
    {
      g_free (name);
      name = g_strdup_printf ("field_%u", n);
    }
  g_ptr_array_add (self->draft->fields, govorun_analysis_field_new (name, GOVORUN_DATA_TYPE_STRING, ""));
  rebuild (self);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (g_ptr_array_index (self->rows, self->rows->len - 1)), TRUE);
}

/* "Added: a, b. Replaced: c." — one sentence per kind that occurs. */
static char *
describe_changes (GPtrArray *changes)
{
  static const GovorunAnalysisChangeKind kinds[] = {
    GOVORUN_ANALYSIS_CHANGE_ADDED, GOVORUN_ANALYSIS_CHANGE_REPLACED, GOVORUN_ANALYSIS_CHANGE_KEPT,
  };
  GString *text = g_string_new (NULL);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *joined = NULL;

      for (guint i = 0; i < changes->len; i++)
        {
          GovorunAnalysisChange *change = g_ptr_array_index (changes, i);

          if (change->kind == kinds[k])
            g_ptr_array_add (names, change->name);
        }
      if (names->len == 0)
        continue;
      g_ptr_array_add (names, NULL);
      joined = g_strjoinv (", ", (char **) names->pdata);
      if (text->len > 0)
        g_string_append (text, "\n\n");
      if (kinds[k] == GOVORUN_ANALYSIS_CHANGE_ADDED)
        /* Translators: %s lists criteria and fields, e.g. “Клиент доволен, urgency” */
        g_string_append_printf (text, _("Added: %s."), joined);
      else if (kinds[k] == GOVORUN_ANALYSIS_CHANGE_REPLACED)
        g_string_append_printf (text, _("Replaced: %s."), joined);
      else
        g_string_append_printf (text, _("Kept as they are: %s."), joined);
    }

  return g_string_free (text, FALSE);
}

static void
template_response_cb (AdwMessageDialog            *dialog,
                      const char                  *response,
                      GovorunAgentAnalysisSection *self)
{
  GovorunAnalysisSettings *merged = g_object_get_data (G_OBJECT (dialog), "govorun-merged");

  if (g_strcmp0 (response, "apply") != 0 || merged == NULL || self->draft == NULL || self->busy)
    return;

  govorun_analysis_settings_free (self->draft);
  self->draft = govorun_analysis_settings_copy (merged);
  rebuild (self);
  save (self);
}

static void
apply_template_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GovorunAgentAnalysisSection *self = GOVORUN_AGENT_ANALYSIS_SECTION (widget);
  const char *template_id = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) changes = NULL;
  GovorunAnalysisSettings *merged;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->draft == NULL)
    return;

  merged = govorun_analysis_template_apply (template_id, self->draft, &changes);
  if (merged == NULL)
    return;

  if (!govorun_analysis_changes_any (changes))
    {
      govorun_analysis_settings_free (merged);
      govorun_toast_show (widget, _("The agent already has everything in this template"));
      return;
    }

  /* Translators: %s is a template's name such as “Clinic” */
  heading = g_strdup_printf (_("Apply the “%s” Template?"), govorun_analysis_template_title (template_id));
  body = describe_changes (changes);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", _("_Apply and Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "govorun-merged", merged, (GDestroyNotify) govorun_analysis_settings_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (template_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fix_response_cb (AdwMessageDialog            *dialog,
                 const char                  *response,
                 GovorunAgentAnalysisSection *self)
{
  const char *fixed = g_object_get_data (G_OBJECT (dialog), "govorun-fixed");

  if (g_strcmp0 (response, "rewrite") != 0 || fixed == NULL || self->draft == NULL || self->busy)
    return;

  g_free (self->draft->first_message);
  self->draft->first_message = g_strdup (fixed);
  rebuild (self);
  save (self);
}

/**
 * govorun_agent_analysis_section_fix_dialog_new:
 * @fixed: the first message as it would be
 *
 * The confirmation of the first-message fix (also the wizard's): its
 * "rewrite" response says yes; @fixed is kept as its "govorun-fixed" data.
 */
GtkWidget *
govorun_agent_analysis_section_fix_dialog_new (GtkWindow  *parent,
                                               const char *fixed)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is the agent's new first message */
  body = g_strdup_printf (_("The agent will greet callers with:\n\n“%s”\n\nThe new first message is written to ElevenLabs."), fixed);
  dialog = adw_message_dialog_new (parent, _("Rewrite the First Message?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rewrite", _("_Rewrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rewrite", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rewrite");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "govorun-fixed", g_strdup (fixed), g_free);

  return dialog;
}

static void
fix_first_message_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GovorunAgentAnalysisSection *self = GOVORUN_AGENT_ANALYSIS_SECTION (widget);
  g_autofree char *fixed = NULL;
  GtkWidget *dialog;

  if (self->draft == NULL)
    return;

  fixed = govorun_first_message_fix (self->draft->first_message, self->draft->language);
  dialog = govorun_agent_analysis_section_fix_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), fixed);
  g_signal_connect_object (dialog, "response", G_CALLBACK (fix_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* -- public -- */

void
govorun_agent_analysis_section_set_agent (GovorunAgentAnalysisSection *self,
                                          GovorunAgent                *agent)
{
  gboolean elevenlabs;

  g_return_if_fail (GOVORUN_IS_AGENT_ANALYSIS_SECTION (self));
  g_return_if_fail (agent == NULL || GOVORUN_IS_AGENT (agent));

  elevenlabs = agent != NULL && govorun_agent_get_engine (agent) == GOVORUN_AGENT_ENGINE_ELEVENLABS
               && govorun_agent_get_el_agent_id (agent) != NULL;
  gtk_widget_set_visible (GTK_WIDGET (self), elevenlabs);

  if (!elevenlabs)
    agent = NULL;
  if (self->agent == agent)
    return;
  g_set_object (&self->agent, agent);
  load (self);
}

/* -- GObject -- */

static void
govorun_agent_analysis_section_get_property (GObject    *object,
                                             guint       prop_id,
                                             GValue     *value,
                                             GParamSpec *pspec)
{
  GovorunAgentAnalysisSection *self = GOVORUN_AGENT_ANALYSIS_SECTION (object);

  switch (prop_id)
    {
    case PROP_AGENT_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_agent_analysis_section_set_property (GObject      *object,
                                             guint         prop_id,
                                             const GValue *value,
                                             GParamSpec   *pspec)
{
  GovorunAgentAnalysisSection *self = GOVORUN_AGENT_ANALYSIS_SECTION (object);

  switch (prop_id)
    {
    case PROP_AGENT_ANALYSIS:
      if (g_set_object (&self->analysis, g_value_get_object (value)))
        load (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_agent_analysis_section_dispose (GObject *object)
{
  GovorunAgentAnalysisSection *self = GOVORUN_AGENT_ANALYSIS_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_AGENT_ANALYSIS_SECTION);
  g_clear_object (&self->analysis);
  g_clear_object (&self->agent);

  G_OBJECT_CLASS (govorun_agent_analysis_section_parent_class)->dispose (object);
}

static void
govorun_agent_analysis_section_finalize (GObject *object)
{
  GovorunAgentAnalysisSection *self = GOVORUN_AGENT_ANALYSIS_SECTION (object);

  g_clear_pointer (&self->read, govorun_analysis_settings_free);
  g_clear_pointer (&self->draft, govorun_analysis_settings_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->retention, g_array_unref);

  G_OBJECT_CLASS (govorun_agent_analysis_section_parent_class)->finalize (object);
}

static void
govorun_agent_analysis_section_class_init (GovorunAgentAnalysisSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = govorun_agent_analysis_section_get_property;
  object_class->set_property = govorun_agent_analysis_section_set_property;
  object_class->dispose = govorun_agent_analysis_section_dispose;
  object_class->finalize = govorun_agent_analysis_section_finalize;

  properties[PROP_AGENT_ANALYSIS] =
    g_param_spec_object ("agent-analysis", NULL, NULL, GOVORUN_TYPE_AGENT_ANALYSIS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/govorun-agent-analysis-section.ui");
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentAnalysisSection, actions_box);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentAnalysisSection, template_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentAnalysisSection, save_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentAnalysisSection, status_label);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentAnalysisSection, compliance_group);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentAnalysisSection, first_message_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentAnalysisSection, fix_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentAnalysisSection, retention_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentAnalysisSection, delete_transcript_switch);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentAnalysisSection, delete_audio_switch);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentAnalysisSection, criteria_group);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentAnalysisSection, fields_group);

  gtk_widget_class_install_action (widget_class, "analysis.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "analysis.add-criterion", NULL, add_criterion_action);
  gtk_widget_class_install_action (widget_class, "analysis.add-field", NULL, add_field_action);
  gtk_widget_class_install_action (widget_class, "analysis.apply-template", "s", apply_template_action);
  gtk_widget_class_install_action (widget_class, "analysis.fix-first-message", NULL, fix_first_message_action);
}

static void
govorun_agent_analysis_section_init (GovorunAgentAnalysisSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The buttons are the Tab stops, not the flow box's cells. */
  for (GtkWidget *cell = gtk_widget_get_first_child (self->actions_box); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    gtk_widget_set_focusable (cell, FALSE);

  self->rows = g_ptr_array_new ();
  self->retention = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect_object (self->retention_row, "notify::selected", G_CALLBACK (on_retention_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->delete_transcript_switch, "notify::active", G_CALLBACK (on_switch_active), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->delete_audio_switch, "notify::active", G_CALLBACK (on_switch_active), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);
}
