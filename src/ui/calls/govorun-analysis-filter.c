/* govorun-analysis-filter.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAnalysisFilter"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-analysis-filter.h"
#include "govorun-call-format.h"
#include "govorun-call-labels.h"

struct _GovorunAnalysisFilter
{
  GtkWidget            parent_instance;

  GtkDropDown         *field_dropdown;
  GtkDropDown         *value_dropdown;
  GtkStringList       *field_names;
  GtkStringList       *value_names;

  GovorunCallAnalysis *analysis;
  GCancellable        *cancellable;
  GPtrArray           *fields;    /* GovorunCallAnalysisField*, the field drop-down's rows after "Any" */
  gboolean             updating;  /* the drop-downs are being refilled */
};

G_DEFINE_FINAL_TYPE (GovorunAnalysisFilter, govorun_analysis_filter, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const GovorunCallAnalysisField *
selected_field (GovorunAnalysisFilter *self)
{
  guint position = gtk_drop_down_get_selected (self->field_dropdown);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION || self->fields == NULL ||
      position - 1 >= self->fields->len)
    return NULL;
  return g_ptr_array_index (self->fields, position - 1);
}

/* The value drop-down of the chosen field: a criterion's results, or
 * "Is set" and a data item's values. */
static void
fill_values (GovorunAnalysisFilter *self)
{
  const GovorunCallAnalysisField *field = selected_field (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->value_names));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (field != NULL && field->kind == GOVORUN_CALL_ANALYSIS_DATA)
    /* Translators: the analysis filter: a collected data item has any value */
    g_ptr_array_add (names, (gpointer) _("Is set"));
  for (guint i = 0; field != NULL && i < field->values->len; i++)
    {
      const GovorunCallAnalysisValue *value = g_ptr_array_index (field->values, i);

      g_ptr_array_add (names, (gpointer) (field->kind == GOVORUN_CALL_ANALYSIS_EVALUATION
                                          ? govorun_call_criterion_label (value->value)
                                          : value->value));
    }
  g_ptr_array_add (names, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->value_names, 0, n, (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->value_dropdown, 0);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->value_dropdown), field != NULL);
}

static void
on_field_selected (GovorunAnalysisFilter *self)
{
  if (self->updating)
    return;
  fill_values (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_value_selected (GovorunAnalysisFilter *self)
{
  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
same_field (const GovorunCallAnalysisField *a,
            const GovorunCallAnalysisField *b)
{
  return a != NULL && b != NULL && a->kind == b->kind && g_strcmp0 (a->name, b->name) == 0;
}

static void
on_fields (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GovorunAnalysisFilter *self;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GovorunCallAnalysisField) chosen = NULL;
  g_autofree char *chosen_value = NULL;
  guint n, select = 0, select_value = 0;

  fields = govorun_call_analysis_fields_finish (GOVORUN_CALL_ANALYSIS (source), result, &error);
  if (fields == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("The analysis fields could not be read: %s", error->message);
      return;
    }
  self = GOVORUN_ANALYSIS_FILTER (user_data);

  /* Keep what was chosen when it is still there. */
  if (selected_field (self) != NULL)
    {
      guint value = gtk_drop_down_get_selected (self->value_dropdown);
      const GovorunCallAnalysisField *old = selected_field (self);
      guint offset = old->kind == GOVORUN_CALL_ANALYSIS_DATA ? 1 : 0;

      chosen = govorun_call_analysis_field_copy (old);
      if (value != GTK_INVALID_LIST_POSITION && value >= offset && value - offset < old->values->len)
        chosen_value = g_strdup (((GovorunCallAnalysisValue *) g_ptr_array_index (old->values, value - offset))->value);
    }

  g_ptr_array_add (names, g_strdup (_("Any Analysis")));
  for (guint i = 0; i < fields->len; i++)
    {
      const GovorunCallAnalysisField *field = g_ptr_array_index (fields, i);

      g_ptr_array_add (names, govorun_call_format_analysis_name (field->name));
      if (same_field (field, chosen))
        {
          guint offset = field->kind == GOVORUN_CALL_ANALYSIS_DATA ? 1 : 0;

          select = i + 1;
          for (guint j = 0; chosen_value != NULL && j < field->values->len; j++)
            if (g_strcmp0 (((GovorunCallAnalysisValue *) g_ptr_array_index (field->values, j))->value,
                           chosen_value) == 0)
              select_value = j + offset;
        }
    }
  g_ptr_array_add (names, NULL);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  self->fields = g_steal_pointer (&fields);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->field_names));
  self->updating = TRUE;
  gtk_string_list_splice (self->field_names, 0, n, (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->field_dropdown, select);
  self->updating = FALSE;
  fill_values (self);
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->value_dropdown, select_value);
  self->updating = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->field_dropdown), self->fields->len > 0);
  /* The choice was lost with its field: the list must say so. */
  if (chosen != NULL && select == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
reload (GovorunAnalysisFilter *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->analysis == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  govorun_call_analysis_fields_async (self->analysis, self->cancellable, on_fields, self);
}

void
govorun_analysis_filter_set_analysis (GovorunAnalysisFilter *self,
                                      GovorunCallAnalysis   *analysis)
{
  g_return_if_fail (GOVORUN_IS_ANALYSIS_FILTER (self));
  g_return_if_fail (analysis == NULL || GOVORUN_IS_CALL_ANALYSIS (analysis));

  if (self->analysis != NULL)
    g_signal_handlers_disconnect_by_data (self->analysis, self);
  g_set_object (&self->analysis, analysis);
  if (analysis != NULL)
    g_signal_connect_object (analysis, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
}

void
govorun_analysis_filter_apply (GovorunAnalysisFilter *self,
                               GovorunCallFilter     *filter)
{
  const GovorunCallAnalysisField *field;
  guint value, offset;

  g_return_if_fail (GOVORUN_IS_ANALYSIS_FILTER (self));

  g_clear_pointer (&filter->analysis_name, g_free);
  g_clear_pointer (&filter->analysis_value, g_free);
  filter->analysis_kind = 0;
  field = selected_field (self);
  if (field == NULL)
    return;

  filter->analysis_kind = field->kind;
  filter->analysis_name = g_strdup (field->name);
  value = gtk_drop_down_get_selected (self->value_dropdown);
  offset = field->kind == GOVORUN_CALL_ANALYSIS_DATA ? 1 : 0;
  if (value != GTK_INVALID_LIST_POSITION && value >= offset && value - offset < field->values->len)
    filter->analysis_value =
      g_strdup (((GovorunCallAnalysisValue *) g_ptr_array_index (field->values, value - offset))->value);
}

gboolean
govorun_analysis_filter_is_set (GovorunAnalysisFilter *self)
{
  g_return_val_if_fail (GOVORUN_IS_ANALYSIS_FILTER (self), FALSE);

  return selected_field (self) != NULL;
}

void
govorun_analysis_filter_clear (GovorunAnalysisFilter *self)
{
  g_return_if_fail (GOVORUN_IS_ANALYSIS_FILTER (self));

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->field_dropdown, 0);
  self->updating = FALSE;
  fill_values (self);
}

static void
govorun_analysis_filter_dispose (GObject *object)
{
  GovorunAnalysisFilter *self = GOVORUN_ANALYSIS_FILTER (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->analysis != NULL)
    g_signal_handlers_disconnect_by_data (self->analysis, self);
  g_clear_object (&self->analysis);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->field_names);
  g_clear_object (&self->value_names);

  G_OBJECT_CLASS (govorun_analysis_filter_parent_class)->dispose (object);
}

static void
govorun_analysis_filter_class_init (GovorunAnalysisFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = govorun_analysis_filter_dispose;

  /**
   * GovorunAnalysisFilter::changed:
   *
   * The analysis condition changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
govorun_analysis_filter_init (GovorunAnalysisFilter *self)
{
  const char *any[] = { _("Any Analysis"), NULL };

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  self->field_names = gtk_string_list_new (any);
  self->value_names = gtk_string_list_new (NULL);
  self->field_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->field_names)), NULL));
  self->value_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->value_names)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->field_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: the analysis filter's first drop-down */
                                  _("Criterion or collected data"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: the analysis filter's second drop-down */
                                  _("Result or value"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->field_dropdown), GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->value_dropdown), GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->value_dropdown), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->field_dropdown), FALSE);
  g_signal_connect_swapped (self->field_dropdown, "notify::selected",
                            G_CALLBACK (on_field_selected), self);
  g_signal_connect_swapped (self->value_dropdown, "notify::selected",
                            G_CALLBACK (on_value_selected), self);
}

GtkWidget *
govorun_analysis_filter_new (void)
{
  return g_object_new (GOVORUN_TYPE_ANALYSIS_FILTER, NULL);
}
