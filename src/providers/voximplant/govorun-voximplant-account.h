/* govorun-voximplant-account.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The account: GetAccountInfo. */

typedef struct _GovorunVoximplantClient GovorunVoximplantClient;

/* GetAccountInfo's answer, the fields Govorun shows. */
typedef struct
{
  gint64    account_id;
  char     *account_name;
  char     *account_email;   /* may be NULL */
  double    balance;
  char     *currency;
  gboolean  active;
  gboolean  frozen;
  char     *api_address;     /* preferred API host; may be NULL */
} GovorunVoximplantAccountInfo;

#define GOVORUN_TYPE_VOXIMPLANT_ACCOUNT_INFO (govorun_voximplant_account_info_get_type ())

GType                         govorun_voximplant_account_info_get_type (void) G_GNUC_CONST;
GovorunVoximplantAccountInfo *govorun_voximplant_account_info_copy     (const GovorunVoximplantAccountInfo *info);
void                          govorun_voximplant_account_info_free     (GovorunVoximplantAccountInfo       *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantAccountInfo, govorun_voximplant_account_info_free)

/* With the live balance, not the cached one. */
void                     govorun_voximplant_client_get_account_info_async  (GovorunVoximplantClient *self,
                                                                            GCancellable            *cancellable,
                                                                            GAsyncReadyCallback      callback,
                                                                            gpointer                 user_data);
GovorunVoximplantAccountInfo *
                         govorun_voximplant_client_get_account_info_finish (GovorunVoximplantClient  *self,
                                                                            GAsyncResult             *result,
                                                                            GError                  **error);

G_END_DECLS
