/* govorun-analysis-settings.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-analysis-settings.h"

GovorunAnalysisCriterion *
govorun_analysis_criterion_new (const char *id,
                                const char *name,
                                const char *prompt)
{
  GovorunAnalysisCriterion *criterion = g_new0 (GovorunAnalysisCriterion, 1);

  criterion->id = g_strdup (id ? id : "");
  criterion->name = g_strdup (name ? name : "");
  criterion->prompt = g_strdup (prompt ? prompt : "");

  return criterion;
}

GovorunAnalysisCriterion *
govorun_analysis_criterion_copy (const GovorunAnalysisCriterion *criterion)
{
  GovorunAnalysisCriterion *copy;

  g_return_val_if_fail (criterion != NULL, NULL);

  copy = govorun_analysis_criterion_new (criterion->id, criterion->name, criterion->prompt);
  copy->extra_json = g_strdup (criterion->extra_json);
  return copy;
}

void
govorun_analysis_criterion_free (GovorunAnalysisCriterion *criterion)
{
  if (criterion == NULL)
    return;

  g_free (criterion->id);
  g_free (criterion->name);
  g_free (criterion->prompt);
  g_free (criterion->extra_json);
  g_free (criterion);
}

GovorunAnalysisField *
govorun_analysis_field_new (const char *name,
                            const char *type,
                            const char *description)
{
  GovorunAnalysisField *field = g_new0 (GovorunAnalysisField, 1);

  field->name = g_strdup (name ? name : "");
  field->type = g_strdup (type ? type : GOVORUN_DATA_TYPE_STRING);
  field->description = g_strdup (description ? description : "");

  return field;
}

GovorunAnalysisField *
govorun_analysis_field_copy (const GovorunAnalysisField *field)
{
  GovorunAnalysisField *copy;

  g_return_val_if_fail (field != NULL, NULL);

  copy = govorun_analysis_field_new (field->name, field->type, field->description);
  copy->extra_json = g_strdup (field->extra_json);
  return copy;
}

void
govorun_analysis_field_free (GovorunAnalysisField *field)
{
  if (field == NULL)
    return;

  g_free (field->name);
  g_free (field->type);
  g_free (field->description);
  g_free (field->extra_json);
  g_free (field);
}

GovorunAnalysisSettings *
govorun_analysis_settings_new (void)
{
  GovorunAnalysisSettings *settings = g_new0 (GovorunAnalysisSettings, 1);

  settings->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_analysis_criterion_free);
  settings->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_analysis_field_free);
  settings->privacy.retention_days = -1;
  settings->privacy.record_voice = TRUE;
  settings->first_message = g_strdup ("");
  settings->language = g_strdup ("en");

  return settings;
}

GovorunAnalysisSettings *
govorun_analysis_settings_copy (const GovorunAnalysisSettings *settings)
{
  GovorunAnalysisSettings *copy;

  g_return_val_if_fail (settings != NULL, NULL);

  copy = govorun_analysis_settings_new ();
  for (guint i = 0; i < settings->criteria->len; i++)
    g_ptr_array_add (copy->criteria, govorun_analysis_criterion_copy (g_ptr_array_index (settings->criteria, i)));
  for (guint i = 0; i < settings->fields->len; i++)
    g_ptr_array_add (copy->fields, govorun_analysis_field_copy (g_ptr_array_index (settings->fields, i)));
  copy->privacy = settings->privacy;
  g_free (copy->first_message);
  copy->first_message = g_strdup (settings->first_message);
  g_free (copy->language);
  copy->language = g_strdup (settings->language);

  return copy;
}

void
govorun_analysis_settings_free (GovorunAnalysisSettings *settings)
{
  if (settings == NULL)
    return;

  g_ptr_array_unref (settings->criteria);
  g_ptr_array_unref (settings->fields);
  g_free (settings->first_message);
  g_free (settings->language);
  g_free (settings);
}

G_DEFINE_BOXED_TYPE (GovorunAnalysisSettings, govorun_analysis_settings,
                     govorun_analysis_settings_copy, govorun_analysis_settings_free)

GovorunAnalysisCriterion *
govorun_analysis_settings_find_criterion (const GovorunAnalysisSettings *settings,
                                          const char                    *id)
{
  g_return_val_if_fail (settings != NULL, NULL);

  for (guint i = 0; i < settings->criteria->len; i++)
    {
      GovorunAnalysisCriterion *criterion = g_ptr_array_index (settings->criteria, i);

      if (g_strcmp0 (criterion->id, id) == 0)
        return criterion;
    }
  return NULL;
}

GovorunAnalysisField *
govorun_analysis_settings_find_field (const GovorunAnalysisSettings *settings,
                                      const char                    *name)
{
  g_return_val_if_fail (settings != NULL, NULL);

  for (guint i = 0; i < settings->fields->len; i++)
    {
      GovorunAnalysisField *field = g_ptr_array_index (settings->fields, i);

      if (g_strcmp0 (field->name, name) == 0)
        return field;
    }
  return NULL;
}

gboolean
govorun_analysis_criteria_equal (const GovorunAnalysisSettings *a,
                                 const GovorunAnalysisSettings *b)
{
  if (a->criteria->len != b->criteria->len)
    return FALSE;

  for (guint i = 0; i < a->criteria->len; i++)
    {
      GovorunAnalysisCriterion *x = g_ptr_array_index (a->criteria, i);
      GovorunAnalysisCriterion *y = g_ptr_array_index (b->criteria, i);

      if (g_strcmp0 (x->id, y->id) != 0 || g_strcmp0 (x->name, y->name) != 0
          || g_strcmp0 (x->prompt, y->prompt) != 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
govorun_analysis_fields_equal (const GovorunAnalysisSettings *a,
                               const GovorunAnalysisSettings *b)
{
  if (a->fields->len != b->fields->len)
    return FALSE;

  for (guint i = 0; i < a->fields->len; i++)
    {
      GovorunAnalysisField *x = g_ptr_array_index (a->fields, i);
      GovorunAnalysisField *y = g_ptr_array_index (b->fields, i);

      if (g_strcmp0 (x->name, y->name) != 0 || g_strcmp0 (x->type, y->type) != 0
          || g_strcmp0 (x->description, y->description) != 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
govorun_analysis_privacy_equal (const GovorunAnalysisSettings *a,
                                const GovorunAnalysisSettings *b)
{
  return a->privacy.retention_days == b->privacy.retention_days
         && !a->privacy.delete_transcript_and_pii == !b->privacy.delete_transcript_and_pii
         && !a->privacy.delete_audio == !b->privacy.delete_audio;
}
