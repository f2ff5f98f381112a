/* govorun-bitrix24-crm.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-bitrix24-client.h"

G_BEGIN_DECLS

/* The CRM-only delivery (scope crm), for portals that refuse telephony
 * calls from a webhook: find the caller, or make a lead, then add a call
 * activity. CRM owner types: 1 lead, 3 contact, 4 company. */
typedef enum
{
  GOVORUN_BITRIX24_OWNER_NONE    = 0,
  GOVORUN_BITRIX24_OWNER_LEAD    = 1,
  GOVORUN_BITRIX24_OWNER_CONTACT = 3,
  GOVORUN_BITRIX24_OWNER_COMPANY = 4,
} GovorunBitrix24Owner;

/* A call activity (crm.activity.add, TYPE_ID 2); strings borrowed. */
typedef struct
{
  GovorunBitrix24Owner owner_type;
  gint64               owner_id;
  gint64               responsible_id;
  gboolean             incoming;
  const char          *phone;
  const char          *subject;
  const char          *description;
  gint64               start_time;   /* Unix seconds */
  guint                duration;
} GovorunBitrix24Activity;

/* crm.duplicate.findbycomm type=PHONE: the first contact, else lead, else
 * company with @phone; _finish gives NONE (and TRUE) when there is none. */
void     govorun_bitrix24_find_by_phone_async  (GovorunBitrix24Client         *client,
                                                const char                    *phone,
                                                GCancellable                  *cancellable,
                                                GAsyncReadyCallback            callback,
                                                gpointer                       user_data);
gboolean govorun_bitrix24_find_by_phone_finish (GovorunBitrix24Client         *client,
                                                GAsyncResult                  *result,
                                                GovorunBitrix24Owner          *out_type,
                                                gint64                        *out_id,
                                                GError                       **error);

/* crm.lead.add with the number as work phone and SOURCE_ID CALL; the id. */
void     govorun_bitrix24_add_lead_async       (GovorunBitrix24Client         *client,
                                                const char                    *title,
                                                const char                    *phone,
                                                gint64                         responsible_id,
                                                GCancellable                  *cancellable,
                                                GAsyncReadyCallback            callback,
                                                gpointer                       user_data);
gint64   govorun_bitrix24_add_lead_finish      (GovorunBitrix24Client         *client,
                                                GAsyncResult                  *result,
                                                GError                       **error);

/* crm.activity.add; the activity's id. */
void     govorun_bitrix24_add_activity_async   (GovorunBitrix24Client         *client,
                                                const GovorunBitrix24Activity *activity,
                                                GCancellable                  *cancellable,
                                                GAsyncReadyCallback            callback,
                                                gpointer                       user_data);
gint64   govorun_bitrix24_add_activity_finish  (GovorunBitrix24Client         *client,
                                                GAsyncResult                  *result,
                                                GError                       **error);

G_END_DECLS
