/* govorun-voximplant-account.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantClient"

#include "config.h"

#include "govorun-voximplant-client-private.h"

G_DEFINE_BOXED_TYPE (GovorunVoximplantAccountInfo, govorun_voximplant_account_info,
                     govorun_voximplant_account_info_copy, govorun_voximplant_account_info_free)

GovorunVoximplantAccountInfo *
govorun_voximplant_account_info_copy (const GovorunVoximplantAccountInfo *info)
{
  GovorunVoximplantAccountInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_memdup2 (info, sizeof *info);
  copy->account_name = g_strdup (info->account_name);
  copy->account_email = g_strdup (info->account_email);
  copy->currency = g_strdup (info->currency);
  copy->api_address = g_strdup (info->api_address);

  return copy;
}

void
govorun_voximplant_account_info_free (GovorunVoximplantAccountInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->account_name);
  g_free (info->account_email);
  g_free (info->currency);
  g_free (info->api_address);
  g_free (info);
}

static gpointer
parse_account_info (JsonObject  *envelope,
                    GError     **error)
{
  g_autoptr(GovorunVoximplantAccountInfo) info = g_new0 (GovorunVoximplantAccountInfo, 1);
  JsonNode *result = json_object_get_member (envelope, "result");
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (result))
    {
      g_propagate_error (error, govorun_voximplant_error_new_mistyped_field ("result"));
      return NULL;
    }
  object = json_node_get_object (result);

  /* Everything here is shown or decides the "Test connection" verdict. */
  info->active = TRUE;
  if (!govorun_voximplant_read_id (object, "account_id", GOVORUN_VOXIMPLANT_FIELD_REQUIRED, &info->account_id, error) ||
      !govorun_voximplant_read_string (object, "account_name", GOVORUN_VOXIMPLANT_FIELD_REQUIRED, &info->account_name, error) ||
      !govorun_voximplant_read_string (object, "account_email", GOVORUN_VOXIMPLANT_FIELD_CHECKED, &info->account_email, error) ||
      !govorun_voximplant_read_double (object, "balance", GOVORUN_VOXIMPLANT_FIELD_REQUIRED, &info->balance, error) ||
      !govorun_voximplant_read_string (object, "currency", GOVORUN_VOXIMPLANT_FIELD_REQUIRED, &info->currency, error) ||
      !govorun_voximplant_read_bool (object, "active", GOVORUN_VOXIMPLANT_FIELD_CHECKED, &info->active, error) ||
      !govorun_voximplant_read_bool (object, "frozen", GOVORUN_VOXIMPLANT_FIELD_CHECKED, &info->frozen, error) ||
      !govorun_voximplant_read_string (envelope, "api_address", GOVORUN_VOXIMPLANT_FIELD_CHECKED, &info->api_address, error))
    return NULL;

  return g_steal_pointer (&info);
}

void
govorun_voximplant_client_get_account_info_async (GovorunVoximplantClient *self,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new ();

  /* The cached balance can lag behind; "Test connection" wants it now. */
  govorun_voximplant_params_add_bool (params, "return_live_balance", TRUE);

  govorun_voximplant_client_call_parsed (self, "GetAccountInfo", params,
                                         parse_account_info, (GDestroyNotify) govorun_voximplant_account_info_free,
                                         govorun_voximplant_client_get_account_info_async,
                                         cancellable, callback, user_data);
}

GovorunVoximplantAccountInfo *
govorun_voximplant_client_get_account_info_finish (GovorunVoximplantClient  *self,
                                                   GAsyncResult             *result,
                                                   GError                  **error)
{
  return govorun_voximplant_client_parsed_finish (self, result,
                                                  govorun_voximplant_client_get_account_info_async, error);
}

void
_govorun_voximplant_account_parse_for_fuzzing (JsonObject *envelope)
{
  g_autoptr(GError) error = NULL;
  GovorunVoximplantAccountInfo *info = parse_account_info (envelope, &error);

  g_assert ((info == NULL) == (error != NULL));
  govorun_voximplant_account_info_free (info);
}
