/* govorun-voximplant-phone-numbers.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantClient"

#include "config.h"

#include "govorun-voximplant-client-private.h"

#define REQUIRED GOVORUN_VOXIMPLANT_FIELD_REQUIRED
#define CHECKED  GOVORUN_VOXIMPLANT_FIELD_CHECKED
#define LENIENT  GOVORUN_VOXIMPLANT_FIELD_LENIENT

G_DEFINE_BOXED_TYPE (GovorunVoximplantPhoneNumber, govorun_voximplant_phone_number,
                     govorun_voximplant_phone_number_copy, govorun_voximplant_phone_number_free)
G_DEFINE_BOXED_TYPE (GovorunVoximplantAttachedNumber, govorun_voximplant_attached_number,
                     govorun_voximplant_attached_number_copy, govorun_voximplant_attached_number_free)

GovorunVoximplantPhoneNumber *
govorun_voximplant_phone_number_copy (const GovorunVoximplantPhoneNumber *number)
{
  GovorunVoximplantPhoneNumber *copy;

  g_return_val_if_fail (number != NULL, NULL);

  copy = g_memdup2 (number, sizeof *number);
  copy->phone_number = g_strdup (number->phone_number);
  copy->phone_country_code = g_strdup (number->phone_country_code);
  copy->category_name = g_strdup (number->category_name);
  copy->phone_region_name = g_strdup (number->phone_region_name);
  copy->phone_next_renewal = g_strdup (number->phone_next_renewal);
  copy->verification_status = g_strdup (number->verification_status);
  copy->application_name = g_strdup (number->application_name);
  copy->rule_name = g_strdup (number->rule_name);

  return copy;
}

void
govorun_voximplant_phone_number_free (GovorunVoximplantPhoneNumber *number)
{
  if (number == NULL)
    return;

  g_free (number->phone_number);
  g_free (number->phone_country_code);
  g_free (number->category_name);
  g_free (number->phone_region_name);
  g_free (number->phone_next_renewal);
  g_free (number->verification_status);
  g_free (number->application_name);
  g_free (number->rule_name);
  g_free (number);
}

GovorunVoximplantAttachedNumber *
govorun_voximplant_attached_number_copy (const GovorunVoximplantAttachedNumber *number)
{
  GovorunVoximplantAttachedNumber *copy;

  g_return_val_if_fail (number != NULL, NULL);

  copy = g_memdup2 (number, sizeof *number);
  copy->phone_number = g_strdup (number->phone_number);
  copy->verification_status = g_strdup (number->verification_status);

  return copy;
}

void
govorun_voximplant_attached_number_free (GovorunVoximplantAttachedNumber *number)
{
  if (number == NULL)
    return;

  g_free (number->phone_number);
  g_free (number->verification_status);
  g_free (number);
}

/* ---- Parsers ---- */

/* The state and the binding decide what the views offer, so they are
 * CHECKED; names, the price and the verification are shown only. */
static gpointer
parse_phone_number (JsonObject  *object,
                    GError     **error)
{
  g_autoptr(GovorunVoximplantPhoneNumber) number = g_new0 (GovorunVoximplantPhoneNumber, 1);

  if (!govorun_voximplant_read_int (object, "phone_id", REQUIRED, &number->phone_id, error) ||
      !govorun_voximplant_read_string (object, "phone_number", REQUIRED, &number->phone_number, error) ||
      !govorun_voximplant_read_string (object, "phone_country_code", LENIENT, &number->phone_country_code, error) ||
      !govorun_voximplant_read_string (object, "category_name", LENIENT, &number->category_name, error) ||
      !govorun_voximplant_read_string (object, "phone_region_name", LENIENT, &number->phone_region_name, error) ||
      !govorun_voximplant_read_double (object, "phone_price", LENIENT, &number->phone_price, error) ||
      !govorun_voximplant_read_string (object, "phone_next_renewal", LENIENT, &number->phone_next_renewal, error) ||
      !govorun_voximplant_read_string (object, "verification_status", LENIENT, &number->verification_status, error) ||
      !govorun_voximplant_read_required_verification (object, "required_verification", LENIENT,
                                                      &number->required_verification, error) ||
      !govorun_voximplant_read_bool (object, "deactivated", CHECKED, &number->deactivated, error) ||
      !govorun_voximplant_read_int (object, "application_id", CHECKED, &number->application_id, error) ||
      !govorun_voximplant_read_string (object, "application_name", LENIENT, &number->application_name, error) ||
      !govorun_voximplant_read_int (object, "rule_id", CHECKED, &number->rule_id, error) ||
      !govorun_voximplant_read_string (object, "rule_name", LENIENT, &number->rule_name, error))
    return NULL;

  return g_steal_pointer (&number);
}

static gpointer
parse_attached_number (JsonObject  *object,
                       GError     **error)
{
  g_autoptr(GovorunVoximplantAttachedNumber) number = g_new0 (GovorunVoximplantAttachedNumber, 1);

  if (!govorun_voximplant_read_int (object, "phone_id", REQUIRED, &number->phone_id, error) ||
      !govorun_voximplant_read_string (object, "phone_number", LENIENT, &number->phone_number, error) ||
      !govorun_voximplant_read_required_verification (object, "required_verification", LENIENT,
                                                      &number->required_verification, error) ||
      !govorun_voximplant_read_string (object, "verification_status", LENIENT, &number->verification_status, error))
    return NULL;

  return g_steal_pointer (&number);
}

/* AttachPhoneNumber: the bought numbers come beside "result". */
static gpointer
parse_attached (JsonObject  *envelope,
                GError     **error)
{
  JsonArray *array = NULL;

  if (!govorun_voximplant_read_objects (envelope, "phone_numbers", REQUIRED, &array, error))
    return NULL;

  return govorun_voximplant_parse_items (array, parse_attached_number,
                                         (GDestroyNotify) govorun_voximplant_attached_number_free, error);
}

/* ---- Calls ---- */

void
govorun_voximplant_client_get_phone_numbers_async (GovorunVoximplantClient *self,
                                                   const gint64            *phone_ids,
                                                   gsize                    n_phone_ids,
                                                   guint                    count,
                                                   guint                    offset,
                                                   GCancellable            *cancellable,
                                                   GAsyncReadyCallback      callback,
                                                   gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new_page (count, offset);

  if (n_phone_ids > 0)
    govorun_voximplant_params_add_int_list (params, "phone_id", phone_ids, n_phone_ids);

  govorun_voximplant_client_call_list (self, "GetPhoneNumbers", params, parse_phone_number,
                                       (GDestroyNotify) govorun_voximplant_phone_number_free,
                                       govorun_voximplant_client_get_phone_numbers_async,
                                       cancellable, callback, user_data);
}

GPtrArray *
govorun_voximplant_client_get_phone_numbers_finish (GovorunVoximplantClient  *self,
                                                    GAsyncResult             *result,
                                                    gint64                   *total_count,
                                                    GError                  **error)
{
  return govorun_voximplant_client_list_finish (self, result, govorun_voximplant_client_get_phone_numbers_async,
                                                total_count, error);
}

void
govorun_voximplant_client_attach_phone_number_async (GovorunVoximplantClient *self,
                                                     const char              *country_code,
                                                     const char              *phone_category_name,
                                                     const char              *country_state,
                                                     gint64                   phone_region_id,
                                                     const char * const      *phone_numbers,
                                                     GCancellable            *cancellable,
                                                     GAsyncReadyCallback      callback,
                                                     gpointer                 user_data)
{
  GovorunVoximplantParams *params;

  g_return_if_fail (phone_numbers != NULL);

  params = govorun_voximplant_params_new_region (country_code, phone_category_name, country_state, phone_region_id);
  govorun_voximplant_params_add_list (params, "phone_number", phone_numbers);

  /* Not a "Get" method, so the client never repeats it after a failure
   * that may have happened after the purchase (reference §6, 484). */
  govorun_voximplant_client_call_parsed (self, "AttachPhoneNumber", params, parse_attached,
                                         (GDestroyNotify) g_ptr_array_unref,
                                         govorun_voximplant_client_attach_phone_number_async,
                                         cancellable, callback, user_data);
}

GPtrArray *
govorun_voximplant_client_attach_phone_number_finish (GovorunVoximplantClient  *self,
                                                      GAsyncResult             *result,
                                                      GError                  **error)
{
  return govorun_voximplant_client_parsed_finish (self, result, govorun_voximplant_client_attach_phone_number_async,
                                                  error);
}

void
govorun_voximplant_client_bind_phone_number_to_application_async (GovorunVoximplantClient *self,
                                                                  const gint64            *phone_ids,
                                                                  gsize                    n_phone_ids,
                                                                  gint64                   application_id,
                                                                  gint64                   rule_id,
                                                                  gboolean                 bind,
                                                                  GCancellable            *cancellable,
                                                                  GAsyncReadyCallback      callback,
                                                                  gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new ();

  govorun_voximplant_params_add_int_list (params, "phone_id", phone_ids, n_phone_ids);
  govorun_voximplant_params_add_int (params, "application_id", application_id);
  if (rule_id > 0)
    govorun_voximplant_params_add_int (params, "rule_id", rule_id);
  /* Always explicit: the default of "bind" is UNVERIFIED (reference §2). */
  govorun_voximplant_params_add_bool (params, "bind", bind);

  govorun_voximplant_client_call_parsed (self, "BindPhoneNumberToApplication", params, NULL, NULL,
                                         govorun_voximplant_client_bind_phone_number_to_application_async,
                                         cancellable, callback, user_data);
}

gboolean
govorun_voximplant_client_bind_phone_number_to_application_finish (GovorunVoximplantClient  *self,
                                                                   GAsyncResult             *result,
                                                                   GError                  **error)
{
  return govorun_voximplant_client_done_finish (self, result,
                                                govorun_voximplant_client_bind_phone_number_to_application_async,
                                                error);
}

void
govorun_voximplant_client_deactivate_phone_number_async (GovorunVoximplantClient *self,
                                                         gint64                   phone_id,
                                                         GCancellable            *cancellable,
                                                         GAsyncReadyCallback      callback,
                                                         gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new ();

  govorun_voximplant_params_add_int (params, "phone_id", phone_id);

  govorun_voximplant_client_call_parsed (self, "DeactivatePhoneNumber", params, NULL, NULL,
                                         govorun_voximplant_client_deactivate_phone_number_async,
                                         cancellable, callback, user_data);
}

gboolean
govorun_voximplant_client_deactivate_phone_number_finish (GovorunVoximplantClient  *self,
                                                          GAsyncResult             *result,
                                                          GError                  **error)
{
  return govorun_voximplant_client_done_finish (self, result,
                                                govorun_voximplant_client_deactivate_phone_number_async, error);
}

/* ---- Fuzzing ---- */

void
_govorun_voximplant_phone_numbers_parse_for_fuzzing (JsonObject *envelope)
{
  g_autoptr(GError) attach_error = NULL;
  GPtrArray *items;

  _govorun_voximplant_fuzz_list (envelope, parse_phone_number,
                                 (GDestroyNotify) govorun_voximplant_phone_number_free);

  items = parse_attached (envelope, &attach_error);
  g_assert ((items == NULL) == (attach_error != NULL));
  g_clear_pointer (&items, g_ptr_array_unref);
}
