/* govorun-number-service-purchase.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunNumberService"

#include "config.h"

#include "govorun-number-service-private.h"

/*
 * Buying numbers: the balance and price checked when money runs short, the
 * purchase, and reading the bought numbers back (also when the answer to the
 * purchase was lost).
 */

/* -- buying -- */

static void
buy_return_insufficient_funds (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  g_task_return_error (task, govorun_number_new_insufficient_funds (op->have_cost, op->cost,
                                                                    op->have_balance, op->balance,
                                                                    op->currency, op->error));
}

static void
buy_price_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GError) error = NULL;

  /* Best effort: the sentence just says less without the price. */
  regions = govorun_voximplant_client_get_phone_number_regions_finish (op->client, result, &error);
  if (regions != NULL)
    {
      for (guint i = 0; i < regions->len; i++)
        {
          GovorunVoximplantPhoneRegion *region = g_ptr_array_index (regions, i);

          if (region->phone_region_id == op->region_id)
            {
              op->cost = g_strv_length (op->numbers) * (region->account_price + region->account_installation_price);
              op->have_cost = TRUE;
            }
        }
    }
  else
    g_debug ("No price for the insufficient-funds message: %s", error->message);

  if (g_task_return_error_if_cancelled (task))
    return;

  buy_return_insufficient_funds (task);
}

static void
buy_balance_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  g_autoptr(GovorunVoximplantAccountInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = govorun_voximplant_client_get_account_info_finish (op->client, result, &error);
  if (info != NULL)
    {
      op->balance = info->balance;
      op->currency = g_strdup (info->currency);
      op->have_balance = TRUE;
    }
  else
    g_debug ("No balance for the insufficient-funds message: %s", error->message);

  if (g_task_return_error_if_cancelled (task))
    return;

  govorun_voximplant_client_get_phone_number_regions_async (op->client, op->country, op->category, op->state,
                                                            op->region_id, NULL, g_task_get_cancellable (task),
                                                            buy_price_cb, g_object_ref (task));
}

/* Whether a failed AttachPhoneNumber may have bought all the same: its
 * answer was lost or unreadable, or it said 182 "taken", which a purchase
 * of ours that lost its answer also gets when the user tries again. */
static gboolean
attach_may_have_bought (const GError *error)
{
  return _govorun_number_service_answer_lost (error)
         || g_error_matches (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_NUMBER_TAKEN);
}

/* Digits only: "+7 495…" and "7495…" are one number. */
static gboolean
same_number (const char *a,
             const char *b)
{
  while (a != NULL && b != NULL)
    {
      while (*a != '\0' && !g_ascii_isdigit (*a))
        a++;
      while (*b != '\0' && !g_ascii_isdigit (*b))
        b++;
      if (*a == '\0' || *b == '\0')
        return *a == *b;
      if (*a++ != *b++)
        return FALSE;
    }

  return FALSE;
}

/* The account's numbers are read: those asked for that it now owns were
 * bought. None of them: the purchase's own error stands. */
void
_govorun_number_service_buy_recovered (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) bought = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_phone_number_free);

  for (guint i = 0; i < op->items->len; i++)
    {
      GovorunPhoneNumber *number = g_ptr_array_index (op->items, i);

      for (guint j = 0; op->numbers[j] != NULL; j++)
        if (!number->deactivated && same_number (number->number, op->numbers[j]))
          {
            g_ptr_array_add (bought, govorun_phone_number_copy (number));
            break;
          }
    }

  if (bought->len == 0)
    {
      g_task_return_error (task, govorun_number_translate_error (g_steal_pointer (&op->error)));
      return;
    }

  g_debug ("The purchase went through: %u of the numbers are the account's", bought->len);
  g_task_return_pointer (task, g_steal_pointer (&bought), (GDestroyNotify) g_ptr_array_unref);
}

static GPtrArray *
attached_numbers (Op *op)
{
  GPtrArray *numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_phone_number_free);

  for (guint i = 0; i < op->attached->len; i++)
    g_ptr_array_add (numbers, govorun_phone_number_from_attached (g_ptr_array_index (op->attached, i),
                                                                  op->country, op->category));

  return numbers;
}

/* The list read after a purchase failed. After a purchase Voximplant
 * confirmed, its own answer stands in for the list; while checking
 * whether a purchase went through, its error is the one to report.
 * Returns FALSE when @task is not a purchase. Takes @error. */
gboolean
_govorun_number_service_buy_list_failed (GTask  *task,
                                         GError *error)
{
  Op *op = g_task_get_task_data (task);

  if (op->attached != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("Returning the purchase's own answer: %s", error->message);
      g_error_free (error);
      g_task_return_pointer (task, attached_numbers (op), (GDestroyNotify) g_ptr_array_unref);
      return TRUE;
    }

  if (op->recovering)
    {
      g_debug ("Could not check the purchase: %s", error->message);
      g_error_free (error);
      g_task_return_error (task, govorun_number_translate_error (g_steal_pointer (&op->error)));
      return TRUE;
    }

  return FALSE;
}

static void
buy_attach_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) attached = NULL;
  GError *error = NULL;

  attached = govorun_voximplant_client_attach_phone_number_finish (op->client, result, &error);
  if (attached == NULL)
    {
      if (g_error_matches (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_INSUFFICIENT_FUNDS))
        {
          /* Say how short the money is: ask for the balance and the price. */
          op->error = error;
          govorun_voximplant_client_get_account_info_async (op->client, g_task_get_cancellable (task),
                                                            buy_balance_cb, g_object_ref (task));
          return;
        }

      if (attach_may_have_bought (error))
        {
          /* Look among the account's own numbers before saying anything:
           * a retry would buy twice or meet 182 for our own number. */
          g_debug ("Checking whether the purchase went through: %s", error->message);
          op->error = error;
          op->recovering = TRUE;
          op->items = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_phone_number_free);
          op->offset = 0;
          _govorun_number_service_list_owned_page (task);
          return;
        }

      g_task_return_error (task, govorun_number_translate_error (error));
      return;
    }

  op->attached = g_ptr_array_ref (attached);
  op->bought_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  op->bought_unverified = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < attached->len; i++)
    {
      GovorunVoximplantAttachedNumber *number = g_ptr_array_index (attached, i);

      g_array_append_val (op->bought_ids, number->phone_id);
      if (govorun_number_needs_verification (number->verification_status, number->required_verification))
        g_hash_table_add (op->bought_unverified, g_memdup2 (&number->phone_id, sizeof number->phone_id));
    }

  if (op->bought_ids->len == 0)
    {
      g_task_return_pointer (task, g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_phone_number_free),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  /* The purchase is done; fetch the numbers whole. If that fails, what
   * AttachPhoneNumber said is returned: a purchase is never a failure. */
  op->items = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_phone_number_free);
  op->offset = 0;
  _govorun_number_service_list_owned_page (task);
}

static void
buy_step (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  /* The client never repeats AttachPhoneNumber: it spends money. */
  govorun_voximplant_client_attach_phone_number_async (op->client, op->country, op->category, op->state,
                                                       op->region_id, (const char * const *) op->numbers,
                                                       g_task_get_cancellable (task),
                                                       buy_attach_cb, g_object_ref (task));
}

/* Marks the numbers AttachPhoneNumber said need documents, in case the
 * list does not say so itself. */
static void
buy_owned_ready (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  GPtrArray *items;

  items = g_task_propagate_pointer (G_TASK (result), &error);
  if (items == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < items->len; i++)
    {
      GovorunPhoneNumber *number = g_ptr_array_index (items, i);

      if (op->bought_unverified != NULL && g_hash_table_contains (op->bought_unverified, &number->phone_id))
        number->verification_required = TRUE;
    }

  g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

void
govorun_number_service_buy_async (GovorunNumberService *self,
                                  GovorunAccount       *account,
                                  const char           *country,
                                  const char           *category,
                                  const char           *state,
                                  gint64                region_id,
                                  const char * const   *numbers,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  GTask *outer;
  GTask *task;
  Op *op;

  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (country != NULL && category != NULL);
  g_return_if_fail (region_id > 0);
  g_return_if_fail (numbers != NULL && numbers[0] != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  /* The inner task does the work (its steps share the owned list's
   * paging); the outer one adds the verification marks. */
  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, govorun_number_service_buy_async);

  task = g_task_new (self, cancellable, buy_owned_ready, outer);
  op = g_new0 (Op, 1);
  g_task_set_task_data (task, op, (GDestroyNotify) _govorun_number_service_op_free);
  g_task_set_source_tag (task, buy_step);
  op->country = g_strdup (country);
  op->category = g_strdup (category);
  op->state = g_strdup (state);
  op->region_id = region_id;
  op->numbers = g_strdupv ((char **) numbers);
  _govorun_number_service_op_start (self, task, account, buy_step);
}

GPtrArray *
govorun_number_service_buy_finish (GovorunNumberService  *self,
                                   GAsyncResult          *result,
                                   GError               **error)
{
  return _govorun_number_service_propagate_array (self, result, govorun_number_service_buy_async, error);
}
