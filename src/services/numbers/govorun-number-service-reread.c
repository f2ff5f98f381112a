/* govorun-number-service-reread.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunNumberService"

#include "config.h"

#include "govorun-number-service-private.h"

/*
 * Reading a number again after a mutation (bind, unbind, deactivate) whose
 * answer was lost, so that what is said matches what the account holds.
 */

/* Whether a failed mutation may have been carried out all the same: its
 * answer could not be read (BAD_RESPONSE) or was lost on the way (a
 * transport error, or a server error that may come after the work). The
 * account's state is then read again before anything is said. */
gboolean
_govorun_number_service_answer_lost (const GError *error)
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
void
_govorun_number_service_reread (GTask               *task,
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
GovorunVoximplantPhoneNumber *
_govorun_number_service_reread_finish (GTask         *task,
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
void
_govorun_number_service_return_reread (GTask    *task,
                                       gboolean  done)
{
  Op *op = g_task_get_task_data (task);

  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, govorun_number_translate_error (g_steal_pointer (&op->error)));
}
