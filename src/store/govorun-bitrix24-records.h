/* govorun-bitrix24-records.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-store.h"

G_BEGIN_DECLS

/*
 * How far a Bitrix24 delivery has gone, one row per delivery, written
 * after each step the portal accepted: a retry resumes after the last
 * one, so a call is never registered twice. @step counts the steps done
 * (the service names them); @call_id is register's CALL_ID; @entity_* the
 * CRM lead or contact of a CRM-only delivery.
 */
typedef struct
{
  guint   step;
  char   *call_id;
  char   *entity_type;
  gint64  entity_id;
} GovorunBitrix24Progress;

void                     govorun_bitrix24_progress_free (GovorunBitrix24Progress *progress);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunBitrix24Progress, govorun_bitrix24_progress_free)

/* _finish gives the progress (step 0 and no call when there is none yet). */
void                     govorun_bitrix24_records_load_progress_async  (GovorunStore                  *store,
                                                                        gint64                         delivery_id,
                                                                        GCancellable                  *cancellable,
                                                                        GAsyncReadyCallback            callback,
                                                                        gpointer                       user_data);
GovorunBitrix24Progress *govorun_bitrix24_records_load_progress_finish (GovorunStore                  *store,
                                                                        GAsyncResult                  *result,
                                                                        GError                       **error);
void                     govorun_bitrix24_records_save_progress_async  (GovorunStore                  *store,
                                                                        gint64                         delivery_id,
                                                                        const GovorunBitrix24Progress *progress,
                                                                        GCancellable                  *cancellable,
                                                                        GAsyncReadyCallback            callback,
                                                                        gpointer                       user_data);
gboolean                 govorun_bitrix24_records_save_progress_finish (GovorunStore                  *store,
                                                                        GAsyncResult                  *result,
                                                                        GError                       **error);

/* Marks a Bitrix24 target as CRM-only (its portal refused telephony calls
 * from the webhook), or not. */
void                     govorun_bitrix24_records_set_crm_only_async   (GovorunStore                  *store,
                                                                        gint64                         target_id,
                                                                        gboolean                       crm_only,
                                                                        GCancellable                  *cancellable,
                                                                        GAsyncReadyCallback            callback,
                                                                        gpointer                       user_data);
gboolean                 govorun_bitrix24_records_set_crm_only_finish  (GovorunStore                  *store,
                                                                        GAsyncResult                  *result,
                                                                        GError                       **error);

G_END_DECLS
