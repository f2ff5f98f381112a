/* govorun-account.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * GovorunAccount is one Voximplant account or ElevenLabs API key as the UI
 * sees it: plain properties, never the secret itself (that stays in the
 * keyring; see GovorunAccountStore).
 */

typedef enum
{
  GOVORUN_ACCOUNT_KIND_VOXIMPLANT,
  GOVORUN_ACCOUNT_KIND_ELEVENLABS,
} GovorunAccountKind;

typedef enum
{
  GOVORUN_VOXIMPLANT_AUTH_API_KEY,
  GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT,
} GovorunVoximplantAuth;

#define GOVORUN_TYPE_ACCOUNT_KIND    (govorun_account_kind_get_type ())
#define GOVORUN_TYPE_VOXIMPLANT_AUTH (govorun_voximplant_auth_get_type ())

GType govorun_account_kind_get_type    (void) G_GNUC_CONST;
GType govorun_voximplant_auth_get_type (void) G_GNUC_CONST;

/* The strings stored in the database ("voximplant", "api-key", …). */
const char *govorun_account_kind_to_string    (GovorunAccountKind     kind);
gboolean    govorun_account_kind_from_string  (const char            *str,
                                               GovorunAccountKind    *out_kind);
const char *govorun_voximplant_auth_to_string (GovorunVoximplantAuth  auth);
gboolean    govorun_voximplant_auth_from_string (const char          *str,
                                               GovorunVoximplantAuth *out_auth);

/* Names are for a list: longer ones are refused (and would make every
 * wrapped row title slow to lay out). */
#define GOVORUN_ACCOUNT_NAME_MAX_CHARS 100
/* RFC 5321's limit on an address. */
#define GOVORUN_ACCOUNT_EMAIL_MAX_CHARS 254

/* The ElevenLabs data-residency regions an account may use. */
#define GOVORUN_EL_REGION_DEFAULT "global"
gboolean    govorun_account_is_valid_el_region (const char           *region);
gboolean    govorun_account_is_valid_vox_account_id (const char      *text);

#define GOVORUN_TYPE_ACCOUNT (govorun_account_get_type ())

G_DECLARE_FINAL_TYPE (GovorunAccount, govorun_account, GOVORUN, ACCOUNT, GObject)

GovorunAccount        *govorun_account_new                   (GovorunAccountKind     kind);
GovorunAccount        *govorun_account_copy                  (GovorunAccount        *self);

const char            *govorun_account_get_uuid              (GovorunAccount        *self);
GovorunAccountKind     govorun_account_get_kind              (GovorunAccount        *self);

const char            *govorun_account_get_display_name      (GovorunAccount        *self);
void                   govorun_account_set_display_name      (GovorunAccount        *self,
                                                              const char            *display_name);
const char            *govorun_account_get_vox_account_id    (GovorunAccount        *self);
void                   govorun_account_set_vox_account_id    (GovorunAccount        *self,
                                                              const char            *vox_account_id);
GovorunVoximplantAuth  govorun_account_get_vox_auth          (GovorunAccount        *self);
void                   govorun_account_set_vox_auth          (GovorunAccount        *self,
                                                              GovorunVoximplantAuth  vox_auth);
const char            *govorun_account_get_vox_key_id        (GovorunAccount        *self);
void                   govorun_account_set_vox_key_id        (GovorunAccount        *self,
                                                              const char            *vox_key_id);
const char            *govorun_account_get_vox_account_email (GovorunAccount        *self);
void                   govorun_account_set_vox_account_email (GovorunAccount        *self,
                                                              const char            *vox_account_email);
const char            *govorun_account_get_el_region         (GovorunAccount        *self);
void                   govorun_account_set_el_region         (GovorunAccount        *self,
                                                              const char            *el_region);
gint64                 govorun_account_get_created_at        (GovorunAccount        *self);
void                   govorun_account_set_created_at        (GovorunAccount        *self,
                                                              gint64                 created_at);
gint64                 govorun_account_get_updated_at        (GovorunAccount        *self);
void                   govorun_account_set_updated_at        (GovorunAccount        *self,
                                                              gint64                 updated_at);
gint64                 govorun_account_get_last_test_at      (GovorunAccount        *self);
void                   govorun_account_set_last_test_at      (GovorunAccount        *self,
                                                              gint64                 last_test_at);
gboolean               govorun_account_get_last_test_ok      (GovorunAccount        *self);
void                   govorun_account_set_last_test_ok      (GovorunAccount        *self,
                                                              gboolean               last_test_ok);
const char            *govorun_account_get_last_test_summary (GovorunAccount        *self);
void                   govorun_account_set_last_test_summary (GovorunAccount        *self,
                                                              const char            *last_test_summary);
guint                  govorun_account_get_secret_generation (GovorunAccount        *self);
void                   govorun_account_set_secret_generation (GovorunAccount        *self,
                                                              guint                  secret_generation);
/* No key on this computer yet (secret generation 0): "Key needed". */
gboolean               govorun_account_get_key_needed        (GovorunAccount        *self);

G_END_DECLS
