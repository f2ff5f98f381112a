/* govorun-call-analysis-field.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-call-analysis-field.h"

static void
value_free (GovorunCallAnalysisValue *value)
{
  g_free (value->value);
  g_free (value);
}

GovorunCallAnalysisField *
govorun_call_analysis_field_new (GovorunCallAnalysisKind  kind,
                                 const char              *name)
{
  GovorunCallAnalysisField *field = g_new0 (GovorunCallAnalysisField, 1);

  field->kind = kind;
  field->name = g_strdup (name);
  field->values = g_ptr_array_new_with_free_func ((GDestroyNotify) value_free);
  return field;
}

void
govorun_call_analysis_field_add_value (GovorunCallAnalysisField *field,
                                       const char               *value,
                                       guint64                   count)
{
  GovorunCallAnalysisValue *item = g_new0 (GovorunCallAnalysisValue, 1);

  item->value = g_strdup (value);
  item->count = count;
  g_ptr_array_add (field->values, item);
}

guint64
govorun_call_analysis_field_get_count (const GovorunCallAnalysisField *field,
                                       const char                     *value)
{
  for (guint i = 0; i < field->values->len; i++)
    {
      const GovorunCallAnalysisValue *item = g_ptr_array_index (field->values, i);

      if (g_strcmp0 (item->value, value) == 0)
        return item->count;
    }
  return 0;
}

GovorunCallAnalysisField *
govorun_call_analysis_field_copy (const GovorunCallAnalysisField *field)
{
  GovorunCallAnalysisField *copy = govorun_call_analysis_field_new (field->kind, field->name);

  copy->n_calls = field->n_calls;
  copy->n_other = field->n_other;
  for (guint i = 0; i < field->values->len; i++)
    {
      const GovorunCallAnalysisValue *item = g_ptr_array_index (field->values, i);

      govorun_call_analysis_field_add_value (copy, item->value, item->count);
    }
  return copy;
}

void
govorun_call_analysis_field_free (GovorunCallAnalysisField *field)
{
  if (field == NULL)
    return;
  g_free (field->name);
  g_ptr_array_unref (field->values);
  g_free (field);
}

G_DEFINE_BOXED_TYPE (GovorunCallAnalysisField, govorun_call_analysis_field,
                     govorun_call_analysis_field_copy, govorun_call_analysis_field_free)
