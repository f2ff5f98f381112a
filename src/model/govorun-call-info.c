/* govorun-call-info.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-call-info.h"

G_DEFINE_BOXED_TYPE (GovorunCallAnalysisItem, govorun_call_analysis_item,
                     govorun_call_analysis_item_copy, govorun_call_analysis_item_free)
G_DEFINE_BOXED_TYPE (GovorunCallInfo, govorun_call_info,
                     govorun_call_info_copy, govorun_call_info_free)

GovorunCallAnalysisItem *
govorun_call_analysis_item_new (GovorunCallAnalysisKind  kind,
                                const char              *name,
                                const char              *result,
                                const char              *rationale)
{
  GovorunCallAnalysisItem *item = g_new0 (GovorunCallAnalysisItem, 1);

  item->kind = kind;
  item->name = g_strdup (name);
  item->result = g_strdup (result);
  item->rationale = g_strdup (rationale);
  return item;
}

GovorunCallAnalysisItem *
govorun_call_analysis_item_copy (const GovorunCallAnalysisItem *item)
{
  return govorun_call_analysis_item_new (item->kind, item->name, item->result, item->rationale);
}

void
govorun_call_analysis_item_free (GovorunCallAnalysisItem *item)
{
  if (item == NULL)
    return;
  g_free (item->name);
  g_free (item->result);
  g_free (item->rationale);
  g_free (item);
}

GovorunCallInfo *
govorun_call_info_new (void)
{
  return g_new0 (GovorunCallInfo, 1);
}

GovorunCallInfo *
govorun_call_info_copy (const GovorunCallInfo *details)
{
  GovorunCallInfo *copy = govorun_call_info_new ();

  copy->vox_account_uuid = g_strdup (details->vox_account_uuid);
  copy->el_account_uuid = g_strdup (details->el_account_uuid);
  copy->record_url = g_strdup (details->record_url);
  copy->el_has_audio = details->el_has_audio;
  copy->end_reason = g_strdup (details->end_reason);
  copy->el_termination_reason = g_strdup (details->el_termination_reason);
  copy->el_error = g_strdup (details->el_error);
  copy->summary_title = g_strdup (details->summary_title);
  copy->main_language = g_strdup (details->main_language);
  if (details->analysis != NULL)
    copy->analysis = g_ptr_array_copy (details->analysis, (GCopyFunc) govorun_call_analysis_item_copy,
                                       NULL);
  if (copy->analysis != NULL)
    g_ptr_array_set_free_func (copy->analysis, (GDestroyNotify) govorun_call_analysis_item_free);
  return copy;
}

void
govorun_call_info_free (GovorunCallInfo *details)
{
  if (details == NULL)
    return;
  g_free (details->vox_account_uuid);
  g_free (details->el_account_uuid);
  g_free (details->record_url);
  g_free (details->end_reason);
  g_free (details->el_termination_reason);
  g_free (details->el_error);
  g_free (details->summary_title);
  g_free (details->main_language);
  g_clear_pointer (&details->analysis, g_ptr_array_unref);
  g_free (details);
}
