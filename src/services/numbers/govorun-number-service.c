/* govorun-number-service.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunNumberService"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-client-factory.h"
#include "govorun-number-results.h"
#include "govorun-number-service.h"
#include "govorun-voximplant-client.h"

/*
 * Every call is a short chain: the client from the factory, then one or
 * a few typed Management API calls. The client checks the answers (a
 * malformed one is BAD_RESPONSE, never a crash); govorun-number-results
 * turns them into model types and gives number-specific errors (money,
 * stock, invalid number or region) a sentence of their own. All other
 * errors (transport, authorization, rate limits) pass through unchanged.
 */

#define DEFAULT_PAGE_SIZE 100

struct _GovorunNumberService
{
  GObject               parent_instance;

  GovorunClientFactory *factory;
  guint                 page_size;
};

G_DEFINE_FINAL_TYPE (GovorunNumberService, govorun_number_service, G_TYPE_OBJECT)

G_DEFINE_QUARK (govorun-number-service-error-quark, govorun_number_service_error)

/* ---- The service ---- */

static void
govorun_number_service_dispose (GObject *object)
{
  GovorunNumberService *self = GOVORUN_NUMBER_SERVICE (object);

  g_clear_object (&self->factory);

  G_OBJECT_CLASS (govorun_number_service_parent_class)->dispose (object);
}

static void
govorun_number_service_class_init (GovorunNumberServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = govorun_number_service_dispose;
}

static void
govorun_number_service_init (GovorunNumberService *self)
{
  self->page_size = DEFAULT_PAGE_SIZE;
}

GovorunNumberService *
govorun_number_service_new (GovorunClientFactory *factory)
{
  GovorunNumberService *self;

  g_return_val_if_fail (GOVORUN_IS_CLIENT_FACTORY (factory), NULL);

  self = g_object_new (GOVORUN_TYPE_NUMBER_SERVICE, NULL);
  self->factory = g_object_ref (factory);

  return self;
}

void
govorun_number_service_set_page_size (GovorunNumberService *self,
                                      guint                 page_size)
{
  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (page_size > 0);

  self->page_size = page_size;
}

/* "RU" when the UI speaks Russian, else "EN": the only two locales the
 * Management API knows. */
const char *
govorun_number_service_get_api_locale (void)
{
  const char * const *languages = g_get_language_names ();
  const char *first = languages != NULL ? languages[0] : NULL;

  if (first != NULL && g_ascii_strncasecmp (first, "ru", 2) == 0
      && (first[2] == '\0' || first[2] == '_' || first[2] == '.' || first[2] == '@'))
    return "RU";

  return "EN";
}

/* ---- Operations ---- */
/* ---- Operations ---- */

typedef struct _Op Op;
typedef void (*OpStep) (GTask *task);

struct _Op
{
  GovorunVoximplantClient *client;
  OpStep                   first_step;

  char                    *country;
  char                    *category;
  char                    *state;
  char                    *mask;
  GStrv                    numbers;
  gint64                   region_id;
  guint                    count;
  guint                    offset;

  gint64                   phone_id;
  gint64                   application_id;
  gint64                   rule_id;
  gboolean                 bind;

  GPtrArray               *items;
  GArray                  *bought_ids;        /* gint64 */
  GHashTable              *bought_unverified; /* phone_id set, from AttachPhoneNumber */
  GPtrArray               *attached;          /* GovorunVoximplantAttachedNumber */
  /* The purchase's answer was unreadable or lost (its error in @error):
   * the account's own numbers are read to see whether it went through. */
  gboolean                 recovering;

  /* For the 127 sentence: what is known about the price and the balance. */
  GError                  *error;
  double                   cost;
  gboolean                 have_cost;
  double                   balance;
  char                    *currency;
  gboolean                 have_balance;
};

static void
op_free (Op *op)
{
  g_clear_object (&op->client);
  g_free (op->country);
  g_free (op->category);
  g_free (op->state);
  g_free (op->mask);
  g_strfreev (op->numbers);
  g_clear_pointer (&op->items, g_ptr_array_unref);
  g_clear_pointer (&op->bought_ids, g_array_unref);
  g_clear_pointer (&op->bought_unverified, g_hash_table_unref);
  g_clear_pointer (&op->attached, g_ptr_array_unref);
  g_clear_error (&op->error);
  g_free (op->currency);
  g_free (op);
}

static void
client_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  GError *error = NULL;

  op->client = govorun_client_factory_voximplant_finish (GOVORUN_CLIENT_FACTORY (object), result, &error);
  if (op->client == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  op->first_step (task);
}

/* Starts an operation: checks the account, then gets its client and runs
 * @first_step. Takes @task. */
static void
op_start (GovorunNumberService *self,
          GTask                *task,
          GovorunAccount       *account,
          OpStep                first_step)
{
  Op *op = g_task_get_task_data (task);

  op->first_step = first_step;

  if (govorun_account_get_kind (account) != GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
    {
      g_task_return_new_error (task, GOVORUN_NUMBER_SERVICE_ERROR,
                               GOVORUN_NUMBER_SERVICE_ERROR_WRONG_ACCOUNT,
                               _("Phone numbers belong to a Voximplant account. Choose a Voximplant account."));
      g_object_unref (task);
      return;
    }

  govorun_client_factory_voximplant_async (self->factory, account, NULL,
                                           g_task_get_cancellable (task),
                                           client_ready_cb, task);
}

static GTask *
op_task_new (GovorunNumberService *self,
             GCancellable         *cancellable,
             GAsyncReadyCallback   callback,
             gpointer              user_data,
             gpointer              source_tag,
             Op                  **op_out)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Op *op = g_new0 (Op, 1);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify) op_free);
  *op_out = op;

  return task;
}

static GPtrArray *
propagate_array (GovorunNumberService  *self,
                 GAsyncResult          *result,
                 gpointer               source_tag,
                 GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Returns the parsed "result" list of @envelope on @task. */
/* Returns @items converted on @task, or @error translated. Takes both. */
static void
return_converted (GTask          *task,
                  GPtrArray      *items,
                  GError         *error,
                  gpointer      (*convert) (gconstpointer item),
                  GDestroyNotify  free_func)
{
  g_autoptr(GPtrArray) owned = items;

  if (owned == NULL)
    g_task_return_error (task, govorun_number_translate_error (error));
  else
    g_task_return_pointer (task, govorun_number_convert_list (owned, convert, free_func),
                           (GDestroyNotify) g_ptr_array_unref);
}

/* Returns TRUE on @task once a call succeeded, or @error translated. */
static void
return_done (GTask    *task,
             gboolean  done,
             GError   *error)
{
  if (!done)
    g_task_return_error (task, govorun_number_translate_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Whether a failed mutation may have been carried out all the same: its
 * answer could not be read (BAD_RESPONSE) or was lost on the way (a
 * transport error, or a server error that may come after the work). The
 * account's state is then read again before anything is said. */
static gboolean
mutation_answer_lost (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  if (error->domain != GOVORUN_VOXIMPLANT_ERROR)
    return TRUE;

  return error->code == GOVORUN_VOXIMPLANT_ERROR_BAD_RESPONSE
         || error->code == GOVORUN_VOXIMPLANT_ERROR_SERVER;
}

/* Reads the number @op is about again, for a mutation whose answer was
 * lost (@error, kept for when the number does not show it done). */
static void
reread_number (GTask               *task,
               GError              *error,
               GAsyncReadyCallback  callback)
{
  Op *op = g_task_get_task_data (task);

  g_debug ("Reading the number again: %s", error->message);
  op->error = error;
  govorun_voximplant_client_get_phone_numbers_async (op->client, &op->phone_id, 1, 0, 0,
                                                     g_task_get_cancellable (task),
                                                     callback, g_object_ref (task));
}

/* The number @op is about, as read again; NULL when the account has no
 * such number (or it could not be read: *@read_ok is FALSE then). */
static GovorunVoximplantPhoneNumber *
reread_number_finish (GTask         *task,
                      GAsyncResult  *result,
                      GPtrArray    **numbers,
                      gboolean      *read_ok)
{
  Op *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  *numbers = govorun_voximplant_client_get_phone_numbers_finish (op->client, result, NULL, &error);
  /* 181 "Invalid phone_id": the account has no such number. */
  *read_ok = *numbers != NULL || govorun_voximplant_error_get_provider_code (error) == 181;
  if (*numbers == NULL)
    {
      g_debug ("Could not read the number again: %s", error->message);
      return NULL;
    }

  for (guint i = 0; i < (*numbers)->len; i++)
    {
      GovorunVoximplantPhoneNumber *number = g_ptr_array_index (*numbers, i);

      if (number->phone_id == op->phone_id)
        return number;
    }

  return NULL;
}

/* Returns TRUE on @task when @done, else the mutation's own error. */
static void
return_reread (GTask    *task,
               gboolean  done)
{
  Op *op = g_task_get_task_data (task);

  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, govorun_number_translate_error (g_steal_pointer (&op->error)));
}

/* -- owned numbers, every page -- */

static void list_owned_page (GTask *task);
static gboolean buy_list_failed (GTask *task, GError *error);
static void buy_recovered (GTask *task);

static void
list_owned_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunNumberService *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) page = NULL;
  GError *error = NULL;
  gint64 total = -1;

  page = govorun_voximplant_client_get_phone_numbers_finish (op->client, result, &total, &error);
  if (page == NULL)
    {
      if (!buy_list_failed (task, error))
        g_task_return_error (task, govorun_number_translate_error (error));
      return;
    }

  for (guint i = 0; i < page->len; i++)
    g_ptr_array_add (op->items, govorun_phone_number_from_voximplant (g_ptr_array_index (page, i)));
  op->offset += page->len;

  /* A short page is the last one; total_count, when given, says so too. */
  if ((page->len < self->page_size || (total >= 0 && op->offset >= total)) && op->recovering)
    buy_recovered (task);
  else if (page->len < self->page_size || (total >= 0 && op->offset >= total))
    g_task_return_pointer (task, g_steal_pointer (&op->items), (GDestroyNotify) g_ptr_array_unref);
  else
    list_owned_page (task);
}

static void
list_owned_page (GTask *task)
{
  GovorunNumberService *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  const gint64 *ids = NULL;
  gsize n_ids = 0;

  if (op->phone_id > 0)
    {
      ids = &op->phone_id;
      n_ids = 1;
    }
  else if (op->bought_ids != NULL)
    {
      ids = (const gint64 *) op->bought_ids->data;
      n_ids = op->bought_ids->len;
    }

  govorun_voximplant_client_get_phone_numbers_async (op->client, ids, n_ids, self->page_size, op->offset,
                                                     g_task_get_cancellable (task),
                                                     list_owned_cb, g_object_ref (task));
}

void
govorun_number_service_list_owned_async (GovorunNumberService *self,
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

  task = op_task_new (self, cancellable, callback, user_data,
                      govorun_number_service_list_owned_async, &op);
  op->items = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_phone_number_free);
  op_start (self, task, account, list_owned_page);
}

GPtrArray *
govorun_number_service_list_owned_finish (GovorunNumberService  *self,
                                          GAsyncResult          *result,
                                          GError               **error)
{
  return propagate_array (self, result, govorun_number_service_list_owned_async, error);
}

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
  return_converted (task, items, error, (gpointer) govorun_phone_country_from_voximplant,
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

  task = op_task_new (self, cancellable, callback, user_data,
                      govorun_number_service_list_countries_async, &op);
  op_start (self, task, account, list_countries_step);
}

GPtrArray *
govorun_number_service_list_countries_finish (GovorunNumberService  *self,
                                              GAsyncResult          *result,
                                              GError               **error)
{
  return propagate_array (self, result, govorun_number_service_list_countries_async, error);
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
  return_converted (task, items, error, (gpointer) govorun_phone_state_from_voximplant,
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

  task = op_task_new (self, cancellable, callback, user_data,
                      govorun_number_service_list_states_async, &op);
  op->country = g_strdup (country);
  op->category = g_strdup (category);
  op_start (self, task, account, list_states_step);
}

GPtrArray *
govorun_number_service_list_states_finish (GovorunNumberService  *self,
                                           GAsyncResult          *result,
                                           GError               **error)
{
  return propagate_array (self, result, govorun_number_service_list_states_async, error);
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
  return_converted (task, items, error, (gpointer) govorun_phone_region_from_voximplant,
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

  task = op_task_new (self, cancellable, callback, user_data,
                      govorun_number_service_list_regions_async, &op);
  op->country = g_strdup (country);
  op->category = g_strdup (category);
  op->state = g_strdup (state);
  op_start (self, task, account, list_regions_step);
}

GPtrArray *
govorun_number_service_list_regions_finish (GovorunNumberService  *self,
                                            GAsyncResult          *result,
                                            GError               **error)
{
  return propagate_array (self, result, govorun_number_service_list_regions_async, error);
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
  return_converted (task, items, error, (gpointer) govorun_available_number_from_voximplant,
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

  task = op_task_new (self, cancellable, callback, user_data,
                      govorun_number_service_list_available_async, &op);
  op->country = g_strdup (country);
  op->category = g_strdup (category);
  op->state = g_strdup (state);
  op->region_id = region_id;
  op->mask = g_strdup (mask);
  op->count = count;
  op->offset = offset;
  op_start (self, task, account, list_available_step);
}

GPtrArray *
govorun_number_service_list_available_finish (GovorunNumberService  *self,
                                              GAsyncResult          *result,
                                              GError               **error)
{
  return propagate_array (self, result, govorun_number_service_list_available_async, error);
}

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
  return mutation_answer_lost (error)
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
static void
buy_recovered (GTask *task)
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
static gboolean
buy_list_failed (GTask  *task,
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
          list_owned_page (task);
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
  list_owned_page (task);
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

  /* The inner task does the work (its steps share list_owned_page); the
   * outer one adds the verification marks. */
  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, govorun_number_service_buy_async);

  task = g_task_new (self, cancellable, buy_owned_ready, outer);
  op = g_new0 (Op, 1);
  g_task_set_task_data (task, op, (GDestroyNotify) op_free);
  g_task_set_source_tag (task, buy_step);
  op->country = g_strdup (country);
  op->category = g_strdup (category);
  op->state = g_strdup (state);
  op->region_id = region_id;
  op->numbers = g_strdupv ((char **) numbers);
  op_start (self, task, account, buy_step);
}

GPtrArray *
govorun_number_service_buy_finish (GovorunNumberService  *self,
                                   GAsyncResult          *result,
                                   GError               **error)
{
  return propagate_array (self, result, govorun_number_service_buy_async, error);
}

/* -- binding -- */

static void
bind_check_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) numbers = NULL;
  GovorunVoximplantPhoneNumber *number;
  gboolean read_ok;

  number = reread_number_finish (task, result, &numbers, &read_ok);
  if (number == NULL)
    return_reread (task, FALSE);
  else if (op->bind)
    return_reread (task, number->application_id == op->application_id
                         && (op->rule_id <= 0 || number->rule_id == op->rule_id));
  else
    return_reread (task, number->application_id == 0);
}

static void
bind_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gboolean done;

  done = govorun_voximplant_client_bind_phone_number_to_application_finish (GOVORUN_VOXIMPLANT_CLIENT (object),
                                                                            result, &error);
  if (!done && mutation_answer_lost (error))
    reread_number (task, error, bind_check_cb);
  else
    return_done (task, done, error);
}

static void
bind_call (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  govorun_voximplant_client_bind_phone_number_to_application_async (op->client, &op->phone_id, 1,
                                                                    op->application_id,
                                                                    op->bind ? op->rule_id : 0, op->bind,
                                                                    g_task_get_cancellable (task),
                                                                    bind_cb, g_object_ref (task));
}

/* Unbinding without an application: find the number's own first. */
static void
unbind_lookup_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) numbers = NULL;
  GError *error = NULL;

  numbers = govorun_voximplant_client_get_phone_numbers_finish (op->client, result, NULL, &error);
  if (numbers == NULL)
    {
      g_task_return_error (task, govorun_number_translate_error (error));
      return;
    }

  for (guint i = 0; i < numbers->len; i++)
    {
      GovorunVoximplantPhoneNumber *number = g_ptr_array_index (numbers, i);

      if (number->phone_id == op->phone_id)
        op->application_id = number->application_id;
    }

  if (numbers->len == 0)
    {
      g_task_return_new_error (task, GOVORUN_NUMBER_SERVICE_ERROR, GOVORUN_NUMBER_SERVICE_ERROR_INVALID_NUMBER,
                               "%s", _("This phone number is not in the Voximplant account any more. Refresh the list of numbers."));
      return;
    }

  /* Not bound: nothing to undo. */
  if (op->application_id == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  bind_call (task);
}

static void
bind_step (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  if (op->application_id > 0)
    {
      bind_call (task);
      return;
    }

  govorun_voximplant_client_get_phone_numbers_async (op->client, &op->phone_id, 1, 0, 0,
                                                     g_task_get_cancellable (task),
                                                     unbind_lookup_cb, g_object_ref (task));
}

/**
 * govorun_number_service_bind_async:
 * @application_id: the application; when unbinding, 0 means "whichever
 *   the number is bound to" (looked up first)
 */
void
govorun_number_service_bind_async (GovorunNumberService *self,
                                   GovorunAccount       *account,
                                   gint64                phone_id,
                                   gint64                application_id,
                                   gint64                rule_id,
                                   gboolean              bind,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (phone_id > 0);
  g_return_if_fail (application_id > 0 || !bind);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = op_task_new (self, cancellable, callback, user_data,
                      govorun_number_service_bind_async, &op);
  op->phone_id = phone_id;
  op->application_id = application_id;
  op->rule_id = rule_id;
  op->bind = !!bind;
  op_start (self, task, account, bind_step);
}

gboolean
govorun_number_service_bind_finish (GovorunNumberService  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_number_service_bind_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* -- deactivation -- */

/* Deactivated: the number left the account, or is listed as such. */
static void
deactivate_check_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) numbers = NULL;
  GovorunVoximplantPhoneNumber *number;
  gboolean read_ok;

  number = reread_number_finish (task, result, &numbers, &read_ok);
  return_reread (task, read_ok && (number == NULL || number->deactivated));
}

static void
deactivate_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gboolean done;

  done = govorun_voximplant_client_deactivate_phone_number_finish (GOVORUN_VOXIMPLANT_CLIENT (object),
                                                                   result, &error);
  if (!done && mutation_answer_lost (error))
    reread_number (task, error, deactivate_check_cb);
  else
    return_done (task, done, error);
}

static void
deactivate_step (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  govorun_voximplant_client_deactivate_phone_number_async (op->client, op->phone_id,
                                                           g_task_get_cancellable (task),
                                                           deactivate_cb, g_object_ref (task));
}

void
govorun_number_service_deactivate_async (GovorunNumberService *self,
                                         GovorunAccount       *account,
                                         gint64                phone_id,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (phone_id > 0);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = op_task_new (self, cancellable, callback, user_data,
                      govorun_number_service_deactivate_async, &op);
  op->phone_id = phone_id;
  op_start (self, task, account, deactivate_step);
}

gboolean
govorun_number_service_deactivate_finish (GovorunNumberService  *self,
                                          GAsyncResult          *result,
                                          GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_number_service_deactivate_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
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

  task = op_task_new (self, cancellable, callback, user_data,
                      govorun_number_service_get_balance_async, &op);
  op_start (self, task, account, balance_step);
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
