/* govorun-recordings-info.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-recordings-info-private.h"

void
_govorun_recordings_info_from_session (GovorunCallRecord                  *record,
                                       const GovorunVoximplantCallSession *session,
                                       const char                         *account_uuid)
{
  GovorunCallInfo *info = govorun_call_info_new ();
  const GovorunVoximplantCall *first = NULL;

  info->vox_account_uuid = g_strdup (account_uuid);
  /* The session's recording, else one a call leg made. */
  for (guint i = 0; i < session->records->len && info->record_url == NULL; i++)
    info->record_url = g_strdup (((const GovorunVoximplantRecord *) g_ptr_array_index (session->records, i))->record_url);
  for (guint i = 0; i < session->calls->len; i++)
    {
      const GovorunVoximplantCall *call = g_ptr_array_index (session->calls, i);

      if (first == NULL)
        first = call;
      if (info->record_url == NULL && call->record_url != NULL)
        info->record_url = g_strdup (call->record_url);
    }
  if (first != NULL && first->end_reason != NULL)
    info->end_reason = first->end_reason_code != 0
                       ? g_strdup_printf ("%d %s", first->end_reason_code, first->end_reason)
                       : g_strdup (first->end_reason);
  govorun_call_record_take_info (record, info);
}

static void
add_items (GPtrArray               *analysis,
           GPtrArray               *items,
           GovorunCallAnalysisKind  kind)
{
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const GovorunElevenlabsAnalysisItem *item = g_ptr_array_index (items, i);

      g_ptr_array_add (analysis, govorun_call_analysis_item_new (kind, item->id, item->result,
                                                                 item->rationale));
    }
}

void
_govorun_recordings_info_from_conversation (GovorunCallRecord                   *record,
                                            const GovorunElevenlabsConversation *conversation,
                                            const char                          *account_uuid)
{
  g_autoptr(GovorunCallInfo) info = govorun_call_info_new ();

  info->el_account_uuid = g_strdup (account_uuid);
  info->el_has_audio = conversation->has_audio;
  info->el_termination_reason = g_strdup (conversation->termination_reason);
  if (conversation->error_reason != NULL || conversation->error_code != 0)
    info->el_error = g_strdup_printf ("%d: %s", conversation->error_code,
                                      conversation->error_reason != NULL ? conversation->error_reason : "");
  info->summary_title = g_strdup (conversation->call_summary_title);
  info->main_language = g_strdup (conversation->main_language);
  /* Known once the analysis is ready; until then the stored one stays. */
  if (conversation->evaluation_results != NULL || conversation->data_collection != NULL)
    {
      info->analysis = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_call_analysis_item_free);
      add_items (info->analysis, conversation->evaluation_results, GOVORUN_CALL_ANALYSIS_EVALUATION);
      add_items (info->analysis, conversation->data_collection, GOVORUN_CALL_ANALYSIS_DATA);
    }
  govorun_call_record_set_info (record, info);
}
