/* govorun-number-service.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-account.h"
#include "govorun-account-balance.h"
#include "govorun-number-market.h"
#include "govorun-phone-number.h"

G_BEGIN_DECLS

/*
 * GovorunNumberService: the phone numbers of a Voximplant account — the
 * ones it owns, the inventory to buy from (country → category → state →
 * region → available numbers), buying, binding to an application (and a
 * rule) and deactivating. Every call takes the Voximplant GovorunAccount;
 * the client is built through the GovorunClientFactory with the saved
 * secret.
 */

#define GOVORUN_NUMBER_SERVICE_ERROR (govorun_number_service_error_quark ())

typedef enum
{
  GOVORUN_NUMBER_SERVICE_ERROR_INSUFFICIENT_FUNDS = 1, /* 127: top up the balance */
  GOVORUN_NUMBER_SERVICE_ERROR_NO_STOCK,               /* 331, 332: choose fewer numbers or another region */
  /* Reserved for an explicit verification refusal: the reference documents
   * no such error code (UNVERIFIED), so nothing returns it yet. Numbers
   * that need documents are not an error: see verification_required. */
  GOVORUN_NUMBER_SERVICE_ERROR_VERIFICATION_FAILED,
  GOVORUN_NUMBER_SERVICE_ERROR_INVALID_NUMBER,         /* 121, 181, 182 */
  GOVORUN_NUMBER_SERVICE_ERROR_INVALID_REGION,         /* 239–243: country, category, region, state, count */
  GOVORUN_NUMBER_SERVICE_ERROR_BAD_RESPONSE,           /* a field missing or mistyped in an answer */
  GOVORUN_NUMBER_SERVICE_ERROR_WRONG_ACCOUNT,          /* not a Voximplant account */
} GovorunNumberServiceError;

/* The accounts service's; declared here so views need no provider header. */
typedef struct _GovorunClientFactory GovorunClientFactory;

#define GOVORUN_TYPE_NUMBER_SERVICE (govorun_number_service_get_type ())

G_DECLARE_FINAL_TYPE (GovorunNumberService, govorun_number_service, GOVORUN, NUMBER_SERVICE, GObject)

GQuark                govorun_number_service_error_quark          (void) G_GNUC_CONST;

GovorunNumberService *govorun_number_service_new                  (GovorunClientFactory  *factory);
/* Additions beyond the agreed API: GetPhoneNumbers page size (default
 * 100; tests use small pages), and the "locale" sent to Voximplant ("RU"
 * when the UI language is Russian, else "EN"). */
void                  govorun_number_service_set_page_size        (GovorunNumberService  *self,
                                                                   guint                  page_size);
const char           *govorun_number_service_get_api_locale       (void);

/* All the account's numbers (every page of GetPhoneNumbers).
 * Returns: (transfer full) (element-type GovorunPhoneNumber) */
void                  govorun_number_service_list_owned_async     (GovorunNumberService  *self,
                                                                   GovorunAccount        *account,
                                                                   GCancellable          *cancellable,
                                                                   GAsyncReadyCallback    callback,
                                                                   gpointer               user_data);
GPtrArray            *govorun_number_service_list_owned_finish    (GovorunNumberService  *self,
                                                                   GAsyncResult          *result,
                                                                   GError               **error);

/* Countries with their categories (GetPhoneNumberCategories), names in
 * Russian when the UI language is Russian, else in English.
 * Returns: (transfer full) (element-type GovorunPhoneCountry) */
void                  govorun_number_service_list_countries_async (GovorunNumberService  *self,
                                                                   GovorunAccount        *account,
                                                                   GCancellable          *cancellable,
                                                                   GAsyncReadyCallback    callback,
                                                                   gpointer               user_data);
GPtrArray            *govorun_number_service_list_countries_finish (GovorunNumberService *self,
                                                                   GAsyncResult          *result,
                                                                   GError               **error);

/* Returns: (transfer full) (element-type GovorunPhoneState) */
void                  govorun_number_service_list_states_async    (GovorunNumberService  *self,
                                                                   GovorunAccount        *account,
                                                                   const char            *country,
                                                                   const char            *category,
                                                                   GCancellable          *cancellable,
                                                                   GAsyncReadyCallback    callback,
                                                                   gpointer               user_data);
GPtrArray            *govorun_number_service_list_states_finish   (GovorunNumberService  *self,
                                                                   GAsyncResult          *result,
                                                                   GError               **error);

/* @state: (nullable): for categories with states
 * Returns: (transfer full) (element-type GovorunPhoneRegion) */
void                  govorun_number_service_list_regions_async   (GovorunNumberService  *self,
                                                                   GovorunAccount        *account,
                                                                   const char            *country,
                                                                   const char            *category,
                                                                   const char            *state,
                                                                   GCancellable          *cancellable,
                                                                   GAsyncReadyCallback    callback,
                                                                   gpointer               user_data);
GPtrArray            *govorun_number_service_list_regions_finish  (GovorunNumberService  *self,
                                                                   GAsyncResult          *result,
                                                                   GError               **error);

/* Numbers on sale in a region (GetNewPhoneNumbers). @state: (nullable).
 * @mask: (nullable): digits with "*" wildcards. @count 0: the server's
 * default.
 * Returns: (transfer full) (element-type GovorunAvailableNumber) */
void                  govorun_number_service_list_available_async (GovorunNumberService  *self,
                                                                   GovorunAccount        *account,
                                                                   const char            *country,
                                                                   const char            *category,
                                                                   const char            *state,
                                                                   gint64                 region_id,
                                                                   const char            *mask,
                                                                   guint                  count,
                                                                   guint                  offset,
                                                                   GCancellable          *cancellable,
                                                                   GAsyncReadyCallback    callback,
                                                                   gpointer               user_data);
GPtrArray            *govorun_number_service_list_available_finish (GovorunNumberService *self,
                                                                   GAsyncResult          *result,
                                                                   GError               **error);

/* Buys @numbers (AttachPhoneNumber; never retried: it spends money). The
 * bought numbers are fetched again with GetPhoneNumbers so they are
 * complete; those that need documents have verification_required set (not
 * an error: the UI warns). A purchase is never reported as failed once
 * Voximplant made it: when its answer is unreadable or lost, or says 182
 * ("taken"), the account's own numbers are read and those asked for that
 * it owns are returned. @state: (nullable).
 * Returns: (transfer full) (element-type GovorunPhoneNumber) */
void                  govorun_number_service_buy_async            (GovorunNumberService  *self,
                                                                   GovorunAccount        *account,
                                                                   const char            *country,
                                                                   const char            *category,
                                                                   const char            *state,
                                                                   gint64                 region_id,
                                                                   const char * const    *numbers,
                                                                   GCancellable          *cancellable,
                                                                   GAsyncReadyCallback    callback,
                                                                   gpointer               user_data);
GPtrArray            *govorun_number_service_buy_finish           (GovorunNumberService  *self,
                                                                   GAsyncResult          *result,
                                                                   GError               **error);

/* Binds (@bind TRUE) the number to the application, and to @rule_id
 * unless it is 0; or unbinds it (@bind FALSE). Like deactivating, when
 * the answer is unreadable or lost the number is read again, and the
 * change is done if the number shows it. */
void                  govorun_number_service_bind_async           (GovorunNumberService  *self,
                                                                   GovorunAccount        *account,
                                                                   gint64                 phone_id,
                                                                   gint64                 application_id,
                                                                   gint64                 rule_id,
                                                                   gboolean               bind,
                                                                   GCancellable          *cancellable,
                                                                   GAsyncReadyCallback    callback,
                                                                   gpointer               user_data);
gboolean              govorun_number_service_bind_finish          (GovorunNumberService  *self,
                                                                   GAsyncResult          *result,
                                                                   GError               **error);

void                  govorun_number_service_deactivate_async     (GovorunNumberService  *self,
                                                                   GovorunAccount        *account,
                                                                   gint64                 phone_id,
                                                                   GCancellable          *cancellable,
                                                                   GAsyncReadyCallback    callback,
                                                                   gpointer               user_data);
gboolean              govorun_number_service_deactivate_finish    (GovorunNumberService  *self,
                                                                   GAsyncResult          *result,
                                                                   GError               **error);

/* The balance, for the buy confirmation.
 * Returns: (transfer full) */
void                  govorun_number_service_get_balance_async    (GovorunNumberService  *self,
                                                                   GovorunAccount        *account,
                                                                   GCancellable          *cancellable,
                                                                   GAsyncReadyCallback    callback,
                                                                   gpointer               user_data);
GovorunAccountBalance *
                      govorun_number_service_get_balance_finish   (GovorunNumberService  *self,
                                                                   GAsyncResult          *result,
                                                                   GError               **error);

G_END_DECLS
