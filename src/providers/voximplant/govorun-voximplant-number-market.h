/* govorun-voximplant-number-market.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * The numbers on sale: countries with their categories, states, regions
 * and the numbers of a region (GetPhoneNumberCategories,
 * GetPhoneNumberCountryStates, GetPhoneNumberRegions, GetNewPhoneNumbers).
 * Names are as Voximplant gives them; a missing localized name stays NULL.
 */

typedef struct _GovorunVoximplantClient GovorunVoximplantClient;

typedef struct
{
  char     *phone_category_name;            /* e.g. GEOGRAPHIC */
  char     *localized_phone_category_name;  /* may be NULL */
  gboolean  country_has_states;
} GovorunVoximplantPhoneCategory;

typedef struct
{
  char      *country_code;
  char      *localized_country_name;        /* may be NULL */
  char      *phone_prefix;                  /* e.g. "7"; may be NULL */
  GPtrArray *phone_categories;              /* GovorunVoximplantPhoneCategory */
} GovorunVoximplantPhoneCountry;

typedef struct
{
  char *country_state;                      /* e.g. "NY" */
  char *country_state_name;                 /* may be NULL */
} GovorunVoximplantPhoneState;

typedef struct
{
  gint64    phone_region_id;
  char     *phone_region_name;
  char     *localized_phone_region_name;    /* may be NULL */
  char     *phone_region_code;              /* may be NULL */
  gint64    phone_count;                    /* in stock */
  double    account_price;                  /* monthly, in the account's currency */
  double    account_installation_price;
  char     *verification_status;            /* may be NULL */
  gboolean  required_verification;          /* a country code is given */
} GovorunVoximplantPhoneRegion;

/* A number on sale (GetNewPhoneNumbers). */
typedef struct
{
  gint64  phone_id;
  char   *phone_number;
  double  phone_price;
  double  phone_installation_price;
} GovorunVoximplantNewPhoneNumber;

#define GOVORUN_TYPE_VOXIMPLANT_PHONE_CATEGORY   (govorun_voximplant_phone_category_get_type ())
#define GOVORUN_TYPE_VOXIMPLANT_PHONE_COUNTRY    (govorun_voximplant_phone_country_get_type ())
#define GOVORUN_TYPE_VOXIMPLANT_PHONE_STATE      (govorun_voximplant_phone_state_get_type ())
#define GOVORUN_TYPE_VOXIMPLANT_PHONE_REGION     (govorun_voximplant_phone_region_get_type ())
#define GOVORUN_TYPE_VOXIMPLANT_NEW_PHONE_NUMBER (govorun_voximplant_new_phone_number_get_type ())

GType                            govorun_voximplant_phone_category_get_type   (void) G_GNUC_CONST;
GovorunVoximplantPhoneCategory  *govorun_voximplant_phone_category_copy       (const GovorunVoximplantPhoneCategory  *category);
void                             govorun_voximplant_phone_category_free       (GovorunVoximplantPhoneCategory        *category);
GType                            govorun_voximplant_phone_country_get_type    (void) G_GNUC_CONST;
GovorunVoximplantPhoneCountry   *govorun_voximplant_phone_country_copy        (const GovorunVoximplantPhoneCountry   *country);
void                             govorun_voximplant_phone_country_free        (GovorunVoximplantPhoneCountry         *country);
GType                            govorun_voximplant_phone_state_get_type      (void) G_GNUC_CONST;
GovorunVoximplantPhoneState     *govorun_voximplant_phone_state_copy          (const GovorunVoximplantPhoneState     *state);
void                             govorun_voximplant_phone_state_free          (GovorunVoximplantPhoneState           *state);
GType                            govorun_voximplant_phone_region_get_type     (void) G_GNUC_CONST;
GovorunVoximplantPhoneRegion    *govorun_voximplant_phone_region_copy         (const GovorunVoximplantPhoneRegion    *region);
void                             govorun_voximplant_phone_region_free         (GovorunVoximplantPhoneRegion          *region);
GType                            govorun_voximplant_new_phone_number_get_type (void) G_GNUC_CONST;
GovorunVoximplantNewPhoneNumber *govorun_voximplant_new_phone_number_copy     (const GovorunVoximplantNewPhoneNumber *number);
void                             govorun_voximplant_new_phone_number_free     (GovorunVoximplantNewPhoneNumber       *number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantPhoneCategory, govorun_voximplant_phone_category_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantPhoneCountry, govorun_voximplant_phone_country_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantPhoneState, govorun_voximplant_phone_state_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantPhoneRegion, govorun_voximplant_phone_region_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantNewPhoneNumber, govorun_voximplant_new_phone_number_free)

/* @locale: (nullable): "RU" or "EN", the language of the localized names
 * Returns: (transfer full) (element-type GovorunVoximplantPhoneCountry) */
void       govorun_voximplant_client_get_phone_number_categories_async  (GovorunVoximplantClient *self,
                                                                         const char              *locale,
                                                                         GCancellable            *cancellable,
                                                                         GAsyncReadyCallback      callback,
                                                                         gpointer                 user_data);
GPtrArray *govorun_voximplant_client_get_phone_number_categories_finish (GovorunVoximplantClient  *self,
                                                                         GAsyncResult             *result,
                                                                         GError                  **error);

/* Returns: (transfer full) (element-type GovorunVoximplantPhoneState) */
void       govorun_voximplant_client_get_phone_number_country_states_async  (GovorunVoximplantClient *self,
                                                                             const char              *country_code,
                                                                             const char              *phone_category_name,
                                                                             GCancellable            *cancellable,
                                                                             GAsyncReadyCallback      callback,
                                                                             gpointer                 user_data);
GPtrArray *govorun_voximplant_client_get_phone_number_country_states_finish (GovorunVoximplantClient  *self,
                                                                             GAsyncResult             *result,
                                                                             GError                  **error);

/* @country_state: (nullable); @phone_region_id: only this region (0: all);
 * @locale: (nullable).
 * Returns: (transfer full) (element-type GovorunVoximplantPhoneRegion) */
void       govorun_voximplant_client_get_phone_number_regions_async  (GovorunVoximplantClient *self,
                                                                      const char              *country_code,
                                                                      const char              *phone_category_name,
                                                                      const char              *country_state,
                                                                      gint64                   phone_region_id,
                                                                      const char              *locale,
                                                                      GCancellable            *cancellable,
                                                                      GAsyncReadyCallback      callback,
                                                                      gpointer                 user_data);
GPtrArray *govorun_voximplant_client_get_phone_number_regions_finish (GovorunVoximplantClient  *self,
                                                                      GAsyncResult             *result,
                                                                      GError                  **error);

/* @country_state: (nullable); @phone_number_mask: (nullable): digits with
 * "*" wildcards; @count, @offset: 0 is not sent.
 * Returns: (transfer full) (element-type GovorunVoximplantNewPhoneNumber) */
void       govorun_voximplant_client_get_new_phone_numbers_async  (GovorunVoximplantClient *self,
                                                                   const char              *country_code,
                                                                   const char              *phone_category_name,
                                                                   const char              *country_state,
                                                                   gint64                   phone_region_id,
                                                                   const char              *phone_number_mask,
                                                                   guint                    count,
                                                                   guint                    offset,
                                                                   GCancellable            *cancellable,
                                                                   GAsyncReadyCallback      callback,
                                                                   gpointer                 user_data);
GPtrArray *govorun_voximplant_client_get_new_phone_numbers_finish (GovorunVoximplantClient  *self,
                                                                   GAsyncResult             *result,
                                                                   gint64                   *total_count,
                                                                   GError                  **error);

G_END_DECLS
