/* govorun-secrets.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * GovorunSecrets keeps API keys and credentials in the keyring (libsecret,
 * async API only), one item per (profile, account uuid, generation). A new
 * generation lets a key be replaced without ever leaving an account with no
 * valid key.
 */

#define GOVORUN_SECRETS_ERROR (govorun_secrets_error_quark ())

typedef enum
{
  GOVORUN_SECRETS_ERROR_UNAVAILABLE = 1,  /* no keyring service, or it is locked */
  GOVORUN_SECRETS_ERROR_NOT_FOUND,        /* no such item */
  GOVORUN_SECRETS_ERROR_FAILED,           /* the keyring refused the request */
  GOVORUN_SECRETS_ERROR_LOCKED,           /* the item is there, but its keyring stayed locked */
} GovorunSecretsError;

/* An item found by govorun_secrets_list_async(). */
typedef struct
{
  char  *uuid;
  guint  generation;
} GovorunSecretRef;

#define GOVORUN_TYPE_SECRET_REF (govorun_secret_ref_get_type ())

GType             govorun_secret_ref_get_type (void) G_GNUC_CONST;
GovorunSecretRef *govorun_secret_ref_new      (const char             *uuid,
                                               guint                   generation);
GovorunSecretRef *govorun_secret_ref_copy     (const GovorunSecretRef *ref);
void              govorun_secret_ref_free     (GovorunSecretRef       *ref);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunSecretRef, govorun_secret_ref_free)

/* The libsecret schema name of Govorun's items. */
#define GOVORUN_SECRETS_SCHEMA_NAME "io.github.govorun.Govorun.Credential"

#define GOVORUN_TYPE_SECRETS (govorun_secrets_get_type ())

G_DECLARE_FINAL_TYPE (GovorunSecrets, govorun_secrets, GOVORUN, SECRETS, GObject)

GQuark          govorun_secrets_error_quark     (void) G_GNUC_CONST;

GovorunSecrets *govorun_secrets_new             (const char           *profile);
const char     *govorun_secrets_get_profile     (GovorunSecrets       *self);
void            govorun_secrets_set_collection  (GovorunSecrets       *self,
                                                 const char           *collection);
const char     *govorun_secrets_get_collection  (GovorunSecrets       *self);

void            govorun_secrets_store_async     (GovorunSecrets       *self,
                                                 const char           *account_uuid,
                                                 guint                 generation,
                                                 const char           *label,
                                                 const char           *secret,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean        govorun_secrets_store_finish    (GovorunSecrets       *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void            govorun_secrets_lookup_async    (GovorunSecrets       *self,
                                                 const char           *account_uuid,
                                                 guint                 generation,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
char           *govorun_secrets_lookup_finish   (GovorunSecrets       *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void            govorun_secrets_clear_async     (GovorunSecrets       *self,
                                                 const char           *account_uuid,
                                                 int                   generation,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean        govorun_secrets_clear_finish    (GovorunSecrets       *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void            govorun_secrets_list_async      (GovorunSecrets       *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GPtrArray      *govorun_secrets_list_finish     (GovorunSecrets       *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

void            govorun_secret_free             (char                 *secret);

/* A secret string, for `g_autoptr(GovorunSecret) key = …_finish (…);`:
 * wiped and freed at scope exit. */
typedef char GovorunSecret;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunSecret, govorun_secret_free)

G_END_DECLS
