/* govorun-number-service-market.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunNumberService"

#include "config.h"

#include "govorun-number-service-private.h"

/*
 * What is on sale: countries with their categories, states, regions, the
 * numbers in a region, and the balance that pays for them.
 */

/* -- countries -- */

static void
list_countries_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *items;

  items = govorun_voximplant_client_get_phone_number_categories_finish (GOVORUN_VOXIMPLANT_CLIENT (object),
                                                                        result, &error);
  _govorun_number_service_return_converted (task, items, error, (gpointer) govorun_phone_country_from_voximplant,
                                            (GDestroyNotify) govorun_phone_country_free);
}

static void
list_countries_step (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  govorun_voximplant_client_get_phone_number_categories_async (op->client, govorun_number_service_get_api_locale (),
                                                               g_task_get_cancellable (task),
                                                               list_countries_cb, g_object_ref (task));
}

void
govorun_number_service_list_countries_async (GovorunNumberService *self,
                                             GovorunAccount       *account,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = _govorun_number_service_op_new (self, cancellable, callback, user_data,
                                         govorun_number_service_list_countries_async, &op);
  _govorun_number_service_op_start (self, task, account, list_countries_step);
}

GPtrArray *
govorun_number_service_list_countries_finish (GovorunNumberService  *self,
                                              GAsyncResult          *result,
                                              GError               **error)
{
  return _govorun_number_service_propagate_array (self, result, govorun_number_service_list_countries_async, error);
}

/* -- states -- */

static void
list_states_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *items;

  items = govorun_voximplant_client_get_phone_number_country_states_finish (GOVORUN_VOXIMPLANT_CLIENT (object),
                                                                            result, &error);
  _govorun_number_service_return_converted (task, items, error, (gpointer) govorun_phone_state_from_voximplant,
                                            (GDestroyNotify) govorun_phone_state_free);
}

static void
list_states_step (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  govorun_voximplant_client_get_phone_number_country_states_async (op->client, op->country, op->category,
                                                                   g_task_get_cancellable (task),
                                                                   list_states_cb, g_object_ref (task));
}

void
govorun_number_service_list_states_async (GovorunNumberService *self,
                                          GovorunAccount       *account,
                                          const char           *country,
                                          const char           *category,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (country != NULL && category != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = _govorun_number_service_op_new (self, cancellable, callback, user_data,
                                         govorun_number_service_list_states_async, &op);
  op->country = g_strdup (country);
  op->category = g_strdup (category);
  _govorun_number_service_op_start (self, task, account, list_states_step);
}

GPtrArray *
govorun_number_service_list_states_finish (GovorunNumberService  *self,
                                           GAsyncResult          *result,
                                           GError               **error)
{
  return _govorun_number_service_propagate_array (self, result, govorun_number_service_list_states_async, error);
}

/* -- regions -- */

static void
list_regions_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *items;

  items = govorun_voximplant_client_get_phone_number_regions_finish (GOVORUN_VOXIMPLANT_CLIENT (object),
                                                                     result, &error);
  _govorun_number_service_return_converted (task, items, error, (gpointer) govorun_phone_region_from_voximplant,
                                            (GDestroyNotify) govorun_phone_region_free);
}

static void
list_regions_step (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  govorun_voximplant_client_get_phone_number_regions_async (op->client, op->country, op->category, op->state, 0,
                                                            govorun_number_service_get_api_locale (),
                                                            g_task_get_cancellable (task),
                                                            list_regions_cb, g_object_ref (task));
}

void
govorun_number_service_list_regions_async (GovorunNumberService *self,
                                           GovorunAccount       *account,
                                           const char           *country,
                                           const char           *category,
                                           const char           *state,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (country != NULL && category != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = _govorun_number_service_op_new (self, cancellable, callback, user_data,
                                         govorun_number_service_list_regions_async, &op);
  op->country = g_strdup (country);
  op->category = g_strdup (category);
  op->state = g_strdup (state);
  _govorun_number_service_op_start (self, task, account, list_regions_step);
}

GPtrArray *
govorun_number_service_list_regions_finish (GovorunNumberService  *self,
                                            GAsyncResult          *result,
                                            GError               **error)
{
  return _govorun_number_service_propagate_array (self, result, govorun_number_service_list_regions_async, error);
}

/* -- numbers on sale -- */

static void
list_available_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *items;

  items = govorun_voximplant_client_get_new_phone_numbers_finish (GOVORUN_VOXIMPLANT_CLIENT (object),
                                                                  result, NULL, &error);
  _govorun_number_service_return_converted (task, items, error, (gpointer) govorun_available_number_from_voximplant,
                                            (GDestroyNotify) govorun_available_number_free);
}

static void
list_available_step (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  govorun_voximplant_client_get_new_phone_numbers_async (op->client, op->country, op->category, op->state,
                                                         op->region_id, op->mask, op->count, op->offset,
                                                         g_task_get_cancellable (task),
                                                         list_available_cb, g_object_ref (task));
}

void
govorun_number_service_list_available_async (GovorunNumberService *self,
                                             GovorunAccount       *account,
                                             const char           *country,
                                             const char           *category,
                                             const char           *state,
                                             gint64                region_id,
                                             const char           *mask,
                                             guint                 count,
                                             guint                 offset,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (country != NULL && category != NULL);
  g_return_if_fail (region_id > 0);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = _govorun_number_service_op_new (self, cancellable, callback, user_data,
                                         govorun_number_service_list_available_async, &op);
  op->country = g_strdup (country);
  op->category = g_strdup (category);
  op->state = g_strdup (state);
  op->region_id = region_id;
  op->mask = g_strdup (mask);
  op->count = count;
  op->offset = offset;
  _govorun_number_service_op_start (self, task, account, list_available_step);
}

GPtrArray *
govorun_number_service_list_available_finish (GovorunNumberService  *self,
                                              GAsyncResult          *result,
                                              GError               **error)
{
  return _govorun_number_service_propagate_array (self, result, govorun_number_service_list_available_async, error);
}

/* -- balance -- */

static void
balance_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GovorunVoximplantAccountInfo) info = NULL;
  GError *error = NULL;

  info = govorun_voximplant_client_get_account_info_finish (GOVORUN_VOXIMPLANT_CLIENT (object), result, &error);
  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, govorun_account_balance_new (info->balance, info->currency),
                           (GDestroyNotify) govorun_account_balance_free);
}

static void
balance_step (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  govorun_voximplant_client_get_account_info_async (op->client, g_task_get_cancellable (task),
                                                    balance_cb, g_object_ref (task));
}

void
govorun_number_service_get_balance_async (GovorunNumberService *self,
                                          GovorunAccount       *account,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = _govorun_number_service_op_new (self, cancellable, callback, user_data,
                                         govorun_number_service_get_balance_async, &op);
  _govorun_number_service_op_start (self, task, account, balance_step);
}

GovorunAccountBalance *
govorun_number_service_get_balance_finish (GovorunNumberService  *self,
                                           GAsyncResult          *result,
                                           GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_number_service_get_balance_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
