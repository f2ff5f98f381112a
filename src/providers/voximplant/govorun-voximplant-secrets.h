/* govorun-voximplant-secrets.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * An application's secret storage: values a scenario reads with
 * VoxEngine.getSecretValue(name) and that never appear in its text.
 *
 * The storage is newer than Voximplant's typed clients and VoxEngine
 * typings: its method and parameter names come from Voximplant's 2026
 * docs and are unverified, hence these constants, the one place to
 * correct them. An account or API without it answers "Unknown command"
 * (see govorun_voximplant_error_is_unknown_method()).
 */
#define GOVORUN_VOXIMPLANT_METHOD_ADD_SECRET      "AddSecret"
#define GOVORUN_VOXIMPLANT_METHOD_SET_SECRET_INFO "SetSecretInfo"
#define GOVORUN_VOXIMPLANT_METHOD_DEL_SECRET      "DelSecret"
#define GOVORUN_VOXIMPLANT_METHOD_GET_SECRETS     "GetSecrets"
#define GOVORUN_VOXIMPLANT_PARAM_SECRET_NAME      "secret_name"
#define GOVORUN_VOXIMPLANT_PARAM_SECRET_VALUE     "secret_value"

/* Voximplant's "Unknown command" error code. */
#define GOVORUN_VOXIMPLANT_CODE_UNKNOWN_METHOD 103

typedef struct _GovorunVoximplantClient GovorunVoximplantClient;

/* TRUE if @error says the API does not know the method called. */
gboolean   govorun_voximplant_error_is_unknown_method      (const GError            *error);

/* Stores @secret_value under @secret_name in the application. */
void       govorun_voximplant_client_add_secret_async      (GovorunVoximplantClient *self,
                                                            gint64                   application_id,
                                                            const char              *secret_name,
                                                            const char              *secret_value,
                                                            GCancellable            *cancellable,
                                                            GAsyncReadyCallback      callback,
                                                            gpointer                 user_data);
gboolean   govorun_voximplant_client_add_secret_finish     (GovorunVoximplantClient  *self,
                                                            GAsyncResult             *result,
                                                            GError                  **error);
/* Replaces the value of the application's secret @secret_name. */
void       govorun_voximplant_client_set_secret_info_async (GovorunVoximplantClient *self,
                                                            gint64                   application_id,
                                                            const char              *secret_name,
                                                            const char              *secret_value,
                                                            GCancellable            *cancellable,
                                                            GAsyncReadyCallback      callback,
                                                            gpointer                 user_data);
gboolean   govorun_voximplant_client_set_secret_info_finish (GovorunVoximplantClient  *self,
                                                            GAsyncResult             *result,
                                                            GError                  **error);
void       govorun_voximplant_client_del_secret_async      (GovorunVoximplantClient *self,
                                                            gint64                   application_id,
                                                            const char              *secret_name,
                                                            GCancellable            *cancellable,
                                                            GAsyncReadyCallback      callback,
                                                            gpointer                 user_data);
gboolean   govorun_voximplant_client_del_secret_finish     (GovorunVoximplantClient  *self,
                                                            GAsyncResult             *result,
                                                            GError                  **error);
/* The names of the application's secrets (never their values).
 * Returns: (transfer full) (element-type utf8) */
void       govorun_voximplant_client_get_secrets_async     (GovorunVoximplantClient *self,
                                                            gint64                   application_id,
                                                            GCancellable            *cancellable,
                                                            GAsyncReadyCallback      callback,
                                                            gpointer                 user_data);
GPtrArray *govorun_voximplant_client_get_secrets_finish    (GovorunVoximplantClient  *self,
                                                            GAsyncResult             *result,
                                                            GError                  **error);

G_END_DECLS
