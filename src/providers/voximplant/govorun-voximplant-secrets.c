/* govorun-voximplant-secrets.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplant"

#include "config.h"

#include "govorun-voximplant-client-private.h"
#include "govorun-voximplant-secrets.h"

#define REQUIRED GOVORUN_VOXIMPLANT_FIELD_REQUIRED

gboolean
govorun_voximplant_error_is_unknown_method (const GError *error)
{
  return govorun_voximplant_error_get_provider_code (error) == GOVORUN_VOXIMPLANT_CODE_UNKNOWN_METHOD;
}

/* @method with the application, the secret's name and, unless NULL, its value. */
static void
call_secret (GovorunVoximplantClient *self,
             const char              *method,
             gint64                   application_id,
             const char              *secret_name,
             const char              *secret_value,
             gpointer                 source_tag,
             GCancellable            *cancellable,
             GAsyncReadyCallback      callback,
             gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new ();

  govorun_voximplant_params_add_int (params, "application_id", application_id);
  govorun_voximplant_params_add (params, GOVORUN_VOXIMPLANT_PARAM_SECRET_NAME, secret_name);
  if (secret_value != NULL)
    govorun_voximplant_params_add (params, GOVORUN_VOXIMPLANT_PARAM_SECRET_VALUE, secret_value);

  govorun_voximplant_client_call_parsed (self, method, params, NULL, NULL, source_tag,
                                         cancellable, callback, user_data);
}

void
govorun_voximplant_client_add_secret_async (GovorunVoximplantClient *self,
                                            gint64                   application_id,
                                            const char              *secret_name,
                                            const char              *secret_value,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data)
{
  g_return_if_fail (secret_value != NULL);

  call_secret (self, GOVORUN_VOXIMPLANT_METHOD_ADD_SECRET, application_id, secret_name, secret_value,
               govorun_voximplant_client_add_secret_async, cancellable, callback, user_data);
}

gboolean
govorun_voximplant_client_add_secret_finish (GovorunVoximplantClient  *self,
                                             GAsyncResult             *result,
                                             GError                  **error)
{
  return govorun_voximplant_client_done_finish (self, result, govorun_voximplant_client_add_secret_async, error);
}

void
govorun_voximplant_client_set_secret_info_async (GovorunVoximplantClient *self,
                                                 gint64                   application_id,
                                                 const char              *secret_name,
                                                 const char              *secret_value,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data)
{
  g_return_if_fail (secret_value != NULL);

  call_secret (self, GOVORUN_VOXIMPLANT_METHOD_SET_SECRET_INFO, application_id, secret_name, secret_value,
               govorun_voximplant_client_set_secret_info_async, cancellable, callback, user_data);
}

gboolean
govorun_voximplant_client_set_secret_info_finish (GovorunVoximplantClient  *self,
                                                  GAsyncResult             *result,
                                                  GError                  **error)
{
  return govorun_voximplant_client_done_finish (self, result, govorun_voximplant_client_set_secret_info_async,
                                                error);
}

void
govorun_voximplant_client_del_secret_async (GovorunVoximplantClient *self,
                                            gint64                   application_id,
                                            const char              *secret_name,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data)
{
  call_secret (self, GOVORUN_VOXIMPLANT_METHOD_DEL_SECRET, application_id, secret_name, NULL,
               govorun_voximplant_client_del_secret_async, cancellable, callback, user_data);
}

gboolean
govorun_voximplant_client_del_secret_finish (GovorunVoximplantClient  *self,
                                             GAsyncResult             *result,
                                             GError                  **error)
{
  return govorun_voximplant_client_done_finish (self, result, govorun_voximplant_client_del_secret_async, error);
}

static gpointer
parse_secret_name (JsonObject  *object,
                   GError     **error)
{
  char *name = NULL;

  if (!govorun_voximplant_read_string (object, GOVORUN_VOXIMPLANT_PARAM_SECRET_NAME, REQUIRED, &name, error))
    return NULL;
  return name;
}

void
govorun_voximplant_client_get_secrets_async (GovorunVoximplantClient *self,
                                             gint64                   application_id,
                                             GCancellable            *cancellable,
                                             GAsyncReadyCallback      callback,
                                             gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new ();

  govorun_voximplant_params_add_int (params, "application_id", application_id);
  govorun_voximplant_client_call_list (self, GOVORUN_VOXIMPLANT_METHOD_GET_SECRETS, params, parse_secret_name, g_free,
                                       govorun_voximplant_client_get_secrets_async, cancellable, callback, user_data);
}

GPtrArray *
govorun_voximplant_client_get_secrets_finish (GovorunVoximplantClient  *self,
                                              GAsyncResult             *result,
                                              GError                  **error)
{
  return govorun_voximplant_client_list_finish (self, result, govorun_voximplant_client_get_secrets_async, NULL,
                                                error);
}
