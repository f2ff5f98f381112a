/* govorun-voximplant-phone-numbers.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * The account's own phone numbers: GetPhoneNumbers, buying
 * (AttachPhoneNumber), binding to an application and deactivating.
 */

typedef struct _GovorunVoximplantClient GovorunVoximplantClient;

/* A number the account owns (GetPhoneNumbers). */
typedef struct
{
  gint64    phone_id;
  char     *phone_number;           /* E.164 digits */
  char     *phone_country_code;     /* may be NULL */
  char     *category_name;          /* may be NULL */
  char     *phone_region_name;      /* may be NULL */
  double    phone_price;            /* monthly */
  char     *phone_next_renewal;     /* "YYYY-MM-DD"; may be NULL */
  char     *verification_status;    /* may be NULL */
  gboolean  required_verification;
  gboolean  deactivated;
  gint64    application_id;         /* 0 when unbound */
  char     *application_name;       /* NULL when unbound */
  gint64    rule_id;                /* 0 when not bound to a rule */
  char     *rule_name;              /* NULL when not bound to a rule */
} GovorunVoximplantPhoneNumber;

/* One number AttachPhoneNumber bought. */
typedef struct
{
  gint64    phone_id;
  char     *phone_number;           /* may be NULL */
  gboolean  required_verification;
  char     *verification_status;    /* may be NULL */
} GovorunVoximplantAttachedNumber;

#define GOVORUN_TYPE_VOXIMPLANT_PHONE_NUMBER    (govorun_voximplant_phone_number_get_type ())
#define GOVORUN_TYPE_VOXIMPLANT_ATTACHED_NUMBER (govorun_voximplant_attached_number_get_type ())

GType                            govorun_voximplant_phone_number_get_type    (void) G_GNUC_CONST;
GovorunVoximplantPhoneNumber    *govorun_voximplant_phone_number_copy        (const GovorunVoximplantPhoneNumber    *number);
void                             govorun_voximplant_phone_number_free        (GovorunVoximplantPhoneNumber          *number);
GType                            govorun_voximplant_attached_number_get_type (void) G_GNUC_CONST;
GovorunVoximplantAttachedNumber *govorun_voximplant_attached_number_copy     (const GovorunVoximplantAttachedNumber *number);
void                             govorun_voximplant_attached_number_free     (GovorunVoximplantAttachedNumber       *number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantPhoneNumber, govorun_voximplant_phone_number_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantAttachedNumber, govorun_voximplant_attached_number_free)

/* @phone_ids: (array length=n_phone_ids) (nullable): only these; @count,
 * @offset: 0 is not sent (the server's default).
 * Returns: (transfer full) (element-type GovorunVoximplantPhoneNumber) */
void       govorun_voximplant_client_get_phone_numbers_async  (GovorunVoximplantClient *self,
                                                               const gint64            *phone_ids,
                                                               gsize                    n_phone_ids,
                                                               guint                    count,
                                                               guint                    offset,
                                                               GCancellable            *cancellable,
                                                               GAsyncReadyCallback      callback,
                                                               gpointer                 user_data);
/* @total_count: (out) (optional): -1 when the answer does not say */
GPtrArray *govorun_voximplant_client_get_phone_numbers_finish (GovorunVoximplantClient  *self,
                                                               GAsyncResult             *result,
                                                               gint64                   *total_count,
                                                               GError                  **error);

/* Buys @numbers in a region (never repeated: it spends money).
 * @country_state: (nullable).
 * Errors: GOVORUN_VOXIMPLANT_ERROR_INSUFFICIENT_FUNDS, _NO_STOCK,
 * _NUMBER_TAKEN among others.
 * Returns: (transfer full) (element-type GovorunVoximplantAttachedNumber) */
void       govorun_voximplant_client_attach_phone_number_async  (GovorunVoximplantClient *self,
                                                                 const char              *country_code,
                                                                 const char              *phone_category_name,
                                                                 const char              *country_state,
                                                                 gint64                   phone_region_id,
                                                                 const char * const      *phone_numbers,
                                                                 GCancellable            *cancellable,
                                                                 GAsyncReadyCallback      callback,
                                                                 gpointer                 user_data);
GPtrArray *govorun_voximplant_client_attach_phone_number_finish (GovorunVoximplantClient  *self,
                                                                 GAsyncResult             *result,
                                                                 GError                  **error);

/* Binds (@bind TRUE) the numbers to the application, and to @rule_id
 * when > 0; or unbinds them (@bind FALSE). */
void       govorun_voximplant_client_bind_phone_number_to_application_async  (GovorunVoximplantClient *self,
                                                                               const gint64            *phone_ids,
                                                                               gsize                    n_phone_ids,
                                                                               gint64                   application_id,
                                                                               gint64                   rule_id,
                                                                               gboolean                 bind,
                                                                               GCancellable            *cancellable,
                                                                               GAsyncReadyCallback      callback,
                                                                               gpointer                 user_data);
gboolean   govorun_voximplant_client_bind_phone_number_to_application_finish (GovorunVoximplantClient  *self,
                                                                               GAsyncResult             *result,
                                                                               GError                  **error);

void       govorun_voximplant_client_deactivate_phone_number_async  (GovorunVoximplantClient *self,
                                                                     gint64                   phone_id,
                                                                     GCancellable            *cancellable,
                                                                     GAsyncReadyCallback      callback,
                                                                     gpointer                 user_data);
gboolean   govorun_voximplant_client_deactivate_phone_number_finish (GovorunVoximplantClient  *self,
                                                                     GAsyncResult             *result,
                                                                     GError                  **error);

G_END_DECLS
