/* govorun-number-service-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-client-factory.h"
#include "govorun-number-results.h"
#include "govorun-number-service.h"
#include "govorun-voximplant-client.h"

G_BEGIN_DECLS

/*
 * What the files of GovorunNumberService share; nothing outside
 * src/services/numbers/govorun-number-service*.c includes this.
 */

struct _GovorunNumberService
{
  GObject               parent_instance;

  GovorunClientFactory *factory;
  guint                 page_size;
};

typedef struct _Op Op;
typedef void (*OpStep) (GTask *task);

/* The task data of every operation; each uses the fields it needs. */
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

/* govorun-number-service.c: starting operations and returning results */
void       _govorun_number_service_op_free            (Op                    *op);
GTask     *_govorun_number_service_op_new             (GovorunNumberService  *self,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data,
                                                       gpointer               source_tag,
                                                       Op                   **op_out);
void       _govorun_number_service_op_start           (GovorunNumberService  *self,
                                                       GTask                 *task,
                                                       GovorunAccount        *account,
                                                       OpStep                 first_step);
GPtrArray *_govorun_number_service_propagate_array    (GovorunNumberService  *self,
                                                       GAsyncResult          *result,
                                                       gpointer               source_tag,
                                                       GError               **error);
void       _govorun_number_service_return_converted   (GTask                 *task,
                                                       GPtrArray             *items,
                                                       GError                *error,
                                                       gpointer             (*convert) (gconstpointer item),
                                                       GDestroyNotify         free_func);
void       _govorun_number_service_return_done        (GTask                 *task,
                                                       gboolean               done,
                                                       GError                *error);

/* govorun-number-service-reread.c: after a mutation whose answer was lost */
gboolean   _govorun_number_service_answer_lost        (const GError          *error);
void       _govorun_number_service_reread             (GTask                 *task,
                                                       GError                *error,
                                                       GAsyncReadyCallback    callback);
GovorunVoximplantPhoneNumber *
           _govorun_number_service_reread_finish      (GTask                 *task,
                                                       GAsyncResult          *result,
                                                       GPtrArray            **numbers,
                                                       gboolean              *read_ok);
void       _govorun_number_service_return_reread      (GTask                 *task,
                                                       gboolean               done);

/* govorun-number-service-owned.c: the account's numbers, one page after another */
void       _govorun_number_service_list_owned_page    (GTask                 *task);

/* govorun-number-service-purchase.c: when the owned list serves a purchase */
gboolean   _govorun_number_service_buy_list_failed    (GTask                 *task,
                                                       GError                *error);
void       _govorun_number_service_buy_recovered      (GTask                 *task);

G_END_DECLS
