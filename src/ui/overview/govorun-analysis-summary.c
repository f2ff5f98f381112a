/* govorun-analysis-summary.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAnalysisSummary"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "govorun-analysis-summary.h"
#include "govorun-call-analysis-field.h"
#include "govorun-call-format.h"
#include "govorun-call-labels.h"

/* Values of a data item listed; the rest are counted together. */
#define SHOWN_VALUES 5

struct _GovorunAnalysisSummary
{
  GtkWidget  parent_instance;

  GtkWidget *criteria;  /* AdwPreferencesGroup */
  GtkWidget *data;      /* AdwPreferencesGroup */
};

G_DEFINE_FINAL_TYPE (GovorunAnalysisSummary, govorun_analysis_summary, GTK_TYPE_WIDGET)

static char *
calls_of (guint64 count,
          guint64 total)
{
  guint n = (guint) MIN (total, G_MAXUINT);

  /* Translators: calls that have a value or met a criterion, "12 of 40 calls" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u call", "%u of %u calls", n),
                          (guint) MIN (count, G_MAXUINT), n);
}

/* A new group with @title at the end of the box. */
static GtkWidget *
append_group (GovorunAnalysisSummary *self,
              const char             *title,
              const char             *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_widget_insert_before (group, GTK_WIDGET (self), NULL);
  return group;
}

static void
add_criterion (GtkWidget                      *group,
               const GovorunCallAnalysisField *field)
{
  guint64 success = govorun_call_analysis_field_get_count (field, "success");
  g_autofree char *title = govorun_call_format_analysis_name (field->name);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *subtitle = calls_of (success, field->n_calls);
  g_autofree char *percent = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
  GtkWidget *label;
  double share = field->n_calls > 0 ? (double) success / (double) field->n_calls : 0;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), share);
  /* Its own colour, not the level bar's low/high offsets. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_size_request (bar, 120, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* Translators: a share of calls, "75 %" */
  percent = g_strdup_printf (_("%.0f %%"), share * 100);
  label = gtk_label_new (percent);
  gtk_label_set_width_chars (GTK_LABEL (label), 5);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_widget_set_focusable (row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static GtkWidget *
value_row (const char *value,
           guint64     count)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (value, -1);
  g_autofree char *number = g_strdup_printf ("%'" G_GUINT64_FORMAT, count);
  GtkWidget *label = gtk_label_new (number);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
add_data_item (GtkWidget                      *group,
               const GovorunCallAnalysisField *field,
               gboolean                        expanded)
{
  g_autofree char *title = govorun_call_format_analysis_name (field->name);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  guint64 set = field->n_other;
  guint64 rest = field->n_other;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_expander_row_new ();

  for (guint i = 0; i < field->values->len; i++)
    set += ((GovorunCallAnalysisValue *) g_ptr_array_index (field->values, i))->count;
  subtitle = calls_of (set, field->n_calls);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  for (guint i = 0; i < field->values->len; i++)
    {
      const GovorunCallAnalysisValue *value = g_ptr_array_index (field->values, i);

      if (i >= SHOWN_VALUES)
        {
          rest += value->count;
          continue;
        }
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), value_row (value->value, value->count));
    }
  if (rest > 0)
    /* Translators: the values of a collected data item past the most frequent */
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), value_row (_("Other values"), rest));
  if (field->n_calls > set)
    /* Translators: calls in which a data item was not collected */
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), value_row (_("Not set"), field->n_calls - set));
  /* The first item is open: the page shows something without a click. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), expanded);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

void
govorun_analysis_summary_set_fields (GovorunAnalysisSummary *self,
                                     GPtrArray              *fields)
{
  guint n_criteria = 0, n_data = 0;

  g_return_if_fail (GOVORUN_IS_ANALYSIS_SUMMARY (self));

  g_clear_pointer (&self->criteria, gtk_widget_unparent);
  g_clear_pointer (&self->data, gtk_widget_unparent);
  self->criteria = append_group (self, _("Evaluation Criteria"),
                                 _("Share of calls in which ElevenLabs found each criterion met"));
  self->data = append_group (self, _("Collected Data"),
                             _("The most frequent values of each item ElevenLabs collected"));
  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      const GovorunCallAnalysisField *field = g_ptr_array_index (fields, i);

      if (field->kind == GOVORUN_CALL_ANALYSIS_EVALUATION)
        {
          add_criterion (self->criteria, field);
          n_criteria++;
        }
      else
        {
          add_data_item (self->data, field, n_data == 0);
          n_data++;
        }
    }
  gtk_widget_set_visible (self->criteria, n_criteria > 0);
  gtk_widget_set_visible (self->data, n_data > 0);
}

static void
govorun_analysis_summary_dispose (GObject *object)
{
  GovorunAnalysisSummary *self = GOVORUN_ANALYSIS_SUMMARY (object);

  g_clear_pointer (&self->criteria, gtk_widget_unparent);
  g_clear_pointer (&self->data, gtk_widget_unparent);

  G_OBJECT_CLASS (govorun_analysis_summary_parent_class)->dispose (object);
}

static void
govorun_analysis_summary_class_init (GovorunAnalysisSummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = govorun_analysis_summary_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
}

static void
govorun_analysis_summary_init (GovorunAnalysisSummary *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 18);
  govorun_analysis_summary_set_fields (self, NULL);
}

GtkWidget *
govorun_analysis_summary_new (void)
{
  return g_object_new (GOVORUN_TYPE_ANALYSIS_SUMMARY, NULL);
}
