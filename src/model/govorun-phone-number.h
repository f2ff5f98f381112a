/* govorun-phone-number.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A phone number the Voximplant account owns, as the numbers service
 * gives it to the views. */
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

#define GOVORUN_TYPE_PHONE_NUMBER (govorun_phone_number_get_type ())

GType               govorun_phone_number_get_type (void) G_GNUC_CONST;
GovorunPhoneNumber *govorun_phone_number_copy     (const GovorunPhoneNumber *number);
void                govorun_phone_number_free     (GovorunPhoneNumber       *number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunPhoneNumber, govorun_phone_number_free)

G_END_DECLS
