/* govorun-number-service.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-account.h"
#include "govorun-client-factory.h"
#include "govorun-voximplant-client.h"

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
  GOVORUN_NUMBER_SERVICE_ERROR_INSUFFICIENT_FUNDS = 1, /* 127 */
  GOVORUN_NUMBER_SERVICE_ERROR_NO_STOCK,               /* 331, 332 */
  /* Reserved for an explicit verification refusal: the reference documents
   * no such error code (UNVERIFIED), so nothing returns it yet. Numbers
   * that need documents are not an error: see verification_required. */
  GOVORUN_NUMBER_SERVICE_ERROR_VERIFICATION_FAILED,
  GOVORUN_NUMBER_SERVICE_ERROR_INVALID_NUMBER,         /* 121, 181, 182 */
  GOVORUN_NUMBER_SERVICE_ERROR_INVALID_REGION,         /* 239–243: country, category, region, state, count */
  GOVORUN_NUMBER_SERVICE_ERROR_BAD_RESPONSE,           /* a field missing or mistyped in an answer */
  GOVORUN_NUMBER_SERVICE_ERROR_WRONG_ACCOUNT,          /* not a Voximplant account */
} GovorunNumberServiceError;

/* A number the account owns (GetPhoneNumbers). */
typedef struct
{
  gint64    phone_id;
  char     *number;               /* E.164 digits, as Voximplant gives them */
  char     *country_code;
  char     *category;
  char     *region_name;
  double    monthly_price;
  char     *next_renewal;         /* "YYYY-MM-DD"; may be NULL */
  char     *verification_status;  /* may be NULL */
  gboolean  deactivated;
  gint64    application_id;       /* 0 when unbound */
  char     *application_name;     /* NULL when unbound */
  gint64    rule_id;              /* 0 when not bound to a rule */
  char     *rule_name;            /* NULL when not bound to a rule */
  /* Additions beyond the agreed API: */
  gboolean  verification_required; /* the number needs documents before use (after a buy) */
} GovorunPhoneNumber;

typedef struct
{
  char     *category;    /* e.g. GEOGRAPHIC */
  char     *label;       /* localized_phone_category_name or a translated fallback */
  gboolean  has_states;
} GovorunPhoneCategory;

typedef struct
{
  char      *country_code;
  char      *name;
  GPtrArray *categories; /* GovorunPhoneCategory */
  /* Additions beyond the agreed API: */
  char      *phone_prefix; /* e.g. "7"; may be NULL */
} GovorunPhoneCountry;

typedef struct
{
  char *code;
  char *name;
} GovorunPhoneState;

typedef struct
{
  gint64    region_id;
  char     *name;
  char     *code;
  guint     stock;
  double    monthly_price;
  double    installation_price;
  gboolean  verification_required;
} GovorunPhoneRegion;

typedef struct
{
  gint64  phone_id;
  char   *number;
  double  monthly_price;
  double  installation_price;
} GovorunAvailableNumber;

#define GOVORUN_TYPE_PHONE_NUMBER     (govorun_phone_number_get_type ())
#define GOVORUN_TYPE_PHONE_CATEGORY   (govorun_phone_category_get_type ())
#define GOVORUN_TYPE_PHONE_COUNTRY    (govorun_phone_country_get_type ())
#define GOVORUN_TYPE_PHONE_STATE      (govorun_phone_state_get_type ())
#define GOVORUN_TYPE_PHONE_REGION     (govorun_phone_region_get_type ())
#define GOVORUN_TYPE_AVAILABLE_NUMBER (govorun_available_number_get_type ())

GType                   govorun_phone_number_get_type      (void) G_GNUC_CONST;
GovorunPhoneNumber     *govorun_phone_number_copy          (const GovorunPhoneNumber     *number);
void                    govorun_phone_number_free          (GovorunPhoneNumber           *number);
GType                   govorun_phone_category_get_type    (void) G_GNUC_CONST;
GovorunPhoneCategory   *govorun_phone_category_copy        (const GovorunPhoneCategory   *category);
void                    govorun_phone_category_free        (GovorunPhoneCategory         *category);
GType                   govorun_phone_country_get_type     (void) G_GNUC_CONST;
GovorunPhoneCountry    *govorun_phone_country_copy         (const GovorunPhoneCountry    *country);
void                    govorun_phone_country_free         (GovorunPhoneCountry          *country);
GType                   govorun_phone_state_get_type       (void) G_GNUC_CONST;
GovorunPhoneState      *govorun_phone_state_copy           (const GovorunPhoneState      *state);
void                    govorun_phone_state_free           (GovorunPhoneState            *state);
GType                   govorun_phone_region_get_type      (void) G_GNUC_CONST;
GovorunPhoneRegion     *govorun_phone_region_copy          (const GovorunPhoneRegion     *region);
void                    govorun_phone_region_free          (GovorunPhoneRegion           *region);
GType                   govorun_available_number_get_type  (void) G_GNUC_CONST;
GovorunAvailableNumber *govorun_available_number_copy      (const GovorunAvailableNumber *number);
void                    govorun_available_number_free      (GovorunAvailableNumber       *number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunPhoneNumber, govorun_phone_number_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunPhoneCategory, govorun_phone_category_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunPhoneCountry, govorun_phone_country_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunPhoneState, govorun_phone_state_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunPhoneRegion, govorun_phone_region_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunAvailableNumber, govorun_available_number_free)

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
 * an error: the UI warns). @state: (nullable).
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
 * unless it is 0; or unbinds it (@bind FALSE). */
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

/* The balance, for the buy confirmation. */
void                  govorun_number_service_get_balance_async    (GovorunNumberService  *self,
                                                                   GovorunAccount        *account,
                                                                   GCancellable          *cancellable,
                                                                   GAsyncReadyCallback    callback,
                                                                   gpointer               user_data);
GovorunVoximplantAccountInfo *
                      govorun_number_service_get_balance_finish   (GovorunNumberService  *self,
                                                                   GAsyncResult          *result,
                                                                   GError               **error);

G_END_DECLS
