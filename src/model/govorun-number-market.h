/* govorun-number-market.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * What the number market offers, as the numbers service gives it to the
 * views: countries with their categories, states, regions and the numbers
 * on sale in a region.
 */

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

#define GOVORUN_TYPE_PHONE_CATEGORY   (govorun_phone_category_get_type ())
#define GOVORUN_TYPE_PHONE_COUNTRY    (govorun_phone_country_get_type ())
#define GOVORUN_TYPE_PHONE_STATE      (govorun_phone_state_get_type ())
#define GOVORUN_TYPE_PHONE_REGION     (govorun_phone_region_get_type ())
#define GOVORUN_TYPE_AVAILABLE_NUMBER (govorun_available_number_get_type ())

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunPhoneCategory, govorun_phone_category_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunPhoneCountry, govorun_phone_country_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunPhoneState, govorun_phone_state_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunPhoneRegion, govorun_phone_region_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunAvailableNumber, govorun_available_number_free)

G_END_DECLS
