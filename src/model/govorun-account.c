/* govorun-account.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAccount"

#include "config.h"

#include <string.h>

#include "govorun-account.h"
#include "govorun-util.h"
#include "govorun-elevenlabs-region.h"
#include "govorun-account-private.h"

struct _GovorunAccount
{
  GObject                parent_instance;

  char                  *uuid;
  GovorunAccountKind     kind;
  char                  *display_name;
  char                  *vox_account_id;
  GovorunVoximplantAuth  vox_auth;
  char                  *vox_key_id;
  char                  *vox_account_email;
  char                  *el_region;
  gint64                 created_at;
  gint64                 updated_at;
  gint64                 last_test_at;
  gboolean               last_test_ok;
  char                  *last_test_summary;
  guint                  secret_generation;
};

G_DEFINE_FINAL_TYPE (GovorunAccount, govorun_account, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (GovorunAccountKind, govorun_account_kind,
  G_DEFINE_ENUM_VALUE (GOVORUN_ACCOUNT_KIND_VOXIMPLANT, "voximplant"),
  G_DEFINE_ENUM_VALUE (GOVORUN_ACCOUNT_KIND_ELEVENLABS, "elevenlabs"))

G_DEFINE_ENUM_TYPE (GovorunVoximplantAuth, govorun_voximplant_auth,
  G_DEFINE_ENUM_VALUE (GOVORUN_VOXIMPLANT_AUTH_API_KEY, "api-key"),
  G_DEFINE_ENUM_VALUE (GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT, "service-account"))

enum {
  PROP_0,
  PROP_UUID,
  PROP_KIND,
  PROP_DISPLAY_NAME,
  PROP_VOX_ACCOUNT_ID,
  PROP_VOX_AUTH,
  PROP_VOX_KEY_ID,
  PROP_VOX_ACCOUNT_EMAIL,
  PROP_EL_REGION,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_LAST_TEST_AT,
  PROP_LAST_TEST_OK,
  PROP_LAST_TEST_SUMMARY,
  PROP_SECRET_GENERATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
govorun_account_kind_to_string (GovorunAccountKind kind)
{
  return govorun_enum_to_nick (GOVORUN_TYPE_ACCOUNT_KIND, kind);
}

gboolean
govorun_account_kind_from_string (const char         *str,
                                  GovorunAccountKind *out_kind)
{
  int value;

  if (!govorun_enum_from_nick (GOVORUN_TYPE_ACCOUNT_KIND, str, &value))
    return FALSE;
  if (out_kind != NULL)
    *out_kind = value;
  return TRUE;
}

const char *
govorun_voximplant_auth_to_string (GovorunVoximplantAuth auth)
{
  return govorun_enum_to_nick (GOVORUN_TYPE_VOXIMPLANT_AUTH, auth);
}

gboolean
govorun_voximplant_auth_from_string (const char            *str,
                                     GovorunVoximplantAuth *out_auth)
{
  int value;

  if (!govorun_enum_from_nick (GOVORUN_TYPE_VOXIMPLANT_AUTH, str, &value))
    return FALSE;
  if (out_auth != NULL)
    *out_auth = value;
  return TRUE;
}

gboolean
govorun_account_is_valid_el_region (const char *region)
{
  return govorun_elevenlabs_region_from_string (region, NULL);
}

/* A Voximplant account ID as a person may type it: digits (surrounding
 * spaces aside), not all zeros, at most 18 of them (it is a 64-bit id). */
gboolean
govorun_account_is_valid_vox_account_id (const char *text)
{
  g_autofree char *stripped = NULL;
  gboolean nonzero = FALSE;
  gsize len;

  if (text == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (text));
  len = strlen (stripped);
  if (len == 0 || len > 18)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (stripped[i]))
        return FALSE;
      nonzero = nonzero || stripped[i] != '0';
    }
  return nonzero;
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
govorun_account_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GovorunAccount *self = GOVORUN_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_VOX_ACCOUNT_ID:
      g_value_set_string (value, self->vox_account_id);
      break;
    case PROP_VOX_AUTH:
      g_value_set_enum (value, self->vox_auth);
      break;
    case PROP_VOX_KEY_ID:
      g_value_set_string (value, self->vox_key_id);
      break;
    case PROP_VOX_ACCOUNT_EMAIL:
      g_value_set_string (value, self->vox_account_email);
      break;
    case PROP_EL_REGION:
      g_value_set_string (value, self->el_region);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    case PROP_LAST_TEST_AT:
      g_value_set_int64 (value, self->last_test_at);
      break;
    case PROP_LAST_TEST_OK:
      g_value_set_boolean (value, self->last_test_ok);
      break;
    case PROP_LAST_TEST_SUMMARY:
      g_value_set_string (value, self->last_test_summary);
      break;
    case PROP_SECRET_GENERATION:
      g_value_set_uint (value, self->secret_generation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_account_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GovorunAccount *self = GOVORUN_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_DISPLAY_NAME:
      govorun_account_set_display_name (self, g_value_get_string (value));
      break;
    case PROP_VOX_ACCOUNT_ID:
      govorun_account_set_vox_account_id (self, g_value_get_string (value));
      break;
    case PROP_VOX_AUTH:
      govorun_account_set_vox_auth (self, g_value_get_enum (value));
      break;
    case PROP_VOX_KEY_ID:
      govorun_account_set_vox_key_id (self, g_value_get_string (value));
      break;
    case PROP_VOX_ACCOUNT_EMAIL:
      govorun_account_set_vox_account_email (self, g_value_get_string (value));
      break;
    case PROP_EL_REGION:
      govorun_account_set_el_region (self, g_value_get_string (value));
      break;
    case PROP_CREATED_AT:
      govorun_account_set_created_at (self, g_value_get_int64 (value));
      break;
    case PROP_UPDATED_AT:
      govorun_account_set_updated_at (self, g_value_get_int64 (value));
      break;
    case PROP_LAST_TEST_AT:
      govorun_account_set_last_test_at (self, g_value_get_int64 (value));
      break;
    case PROP_LAST_TEST_OK:
      govorun_account_set_last_test_ok (self, g_value_get_boolean (value));
      break;
    case PROP_LAST_TEST_SUMMARY:
      govorun_account_set_last_test_summary (self, g_value_get_string (value));
      break;
    case PROP_SECRET_GENERATION:
      govorun_account_set_secret_generation (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_account_constructed (GObject *object)
{
  GovorunAccount *self = GOVORUN_ACCOUNT (object);

  G_OBJECT_CLASS (govorun_account_parent_class)->constructed (object);

  /* A new ElevenLabs account starts in the default (non-resident) region. */
  if (self->kind == GOVORUN_ACCOUNT_KIND_ELEVENLABS && self->el_region == NULL)
    self->el_region = g_strdup (GOVORUN_EL_REGION_DEFAULT);
}

static void
govorun_account_finalize (GObject *object)
{
  GovorunAccount *self = GOVORUN_ACCOUNT (object);

  g_free (self->uuid);
  g_free (self->display_name);
  g_free (self->vox_account_id);
  g_free (self->vox_key_id);
  g_free (self->vox_account_email);
  g_free (self->el_region);
  g_free (self->last_test_summary);

  G_OBJECT_CLASS (govorun_account_parent_class)->finalize (object);
}

static void
govorun_account_class_init (GovorunAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = govorun_account_get_property;
  object_class->set_property = govorun_account_set_property;
  object_class->constructed = govorun_account_constructed;
  object_class->finalize = govorun_account_finalize;

  /* NULL until the account store has saved the account. */
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       GOVORUN_TYPE_ACCOUNT_KIND, GOVORUN_ACCOUNT_KIND_VOXIMPLANT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, rw);
  /* Voximplant's numeric account ID, as a string of digits. */
  properties[PROP_VOX_ACCOUNT_ID] =
    g_param_spec_string ("vox-account-id", NULL, NULL, NULL, rw);
  properties[PROP_VOX_AUTH] =
    g_param_spec_enum ("vox-auth", NULL, NULL,
                       GOVORUN_TYPE_VOXIMPLANT_AUTH, GOVORUN_VOXIMPLANT_AUTH_API_KEY, rw);
  /* The service account's key_id (not secret); NULL for API-key auth. */
  properties[PROP_VOX_KEY_ID] =
    g_param_spec_string ("vox-key-id", NULL, NULL, NULL, rw);
  properties[PROP_VOX_ACCOUNT_EMAIL] =
    g_param_spec_string ("vox-account-email", NULL, NULL, NULL, rw);
  /* One of "global", "us", "eu-residency", "in-residency", "sg-residency". */
  properties[PROP_EL_REGION] =
    g_param_spec_string ("el-region", NULL, NULL, NULL, rw);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0, rw);
  /* 0 = never tested. */
  properties[PROP_LAST_TEST_AT] =
    g_param_spec_int64 ("last-test-at", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_LAST_TEST_OK] =
    g_param_spec_boolean ("last-test-ok", NULL, NULL, FALSE, rw);
  /* What the test found, e.g. "Acme LLC · 1 234.50 USD"; never a secret. */
  properties[PROP_LAST_TEST_SUMMARY] =
    g_param_spec_string ("last-test-summary", NULL, NULL, NULL, rw);
  /* Which keyring item holds the current key; bumped when it is replaced. */
  properties[PROP_SECRET_GENERATION] =
    /* 0: no key on this computer yet (govorun_account_get_key_needed()). */
    g_param_spec_uint ("secret-generation", NULL, NULL, 0, G_MAXINT, 1, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_account_init (GovorunAccount *self)
{
  self->secret_generation = 1;
}

/**
 * govorun_account_new:
 * @kind: Voximplant or ElevenLabs
 *
 * Returns: (transfer full): an unsaved account (no uuid)
 */
GovorunAccount *
govorun_account_new (GovorunAccountKind kind)
{
  return g_object_new (GOVORUN_TYPE_ACCOUNT, "kind", kind, NULL);
}

/**
 * govorun_account_copy:
 * @self: a #GovorunAccount
 *
 * For edit dialogs: edit the copy, then pass it to
 * govorun_account_store_update_async().
 *
 * Returns: (transfer full): a new account with the same uuid and values
 */
GovorunAccount *
govorun_account_copy (GovorunAccount *self)
{
  GovorunAccount *copy;

  g_return_val_if_fail (GOVORUN_IS_ACCOUNT (self), NULL);

  copy = govorun_account_new (self->kind);
  copy->uuid = g_strdup (self->uuid);
  _govorun_account_assign (copy, self);
  return copy;
}

void
_govorun_account_set_uuid (GovorunAccount *self,
                           const char     *uuid)
{
  g_return_if_fail (GOVORUN_IS_ACCOUNT (self));

  if (set_string (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

void
_govorun_account_assign (GovorunAccount *self,
                         GovorunAccount *src)
{
  g_return_if_fail (GOVORUN_IS_ACCOUNT (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (src));

  g_object_freeze_notify (G_OBJECT (self));
  govorun_account_set_display_name (self, src->display_name);
  govorun_account_set_vox_account_id (self, src->vox_account_id);
  govorun_account_set_vox_auth (self, src->vox_auth);
  govorun_account_set_vox_key_id (self, src->vox_key_id);
  govorun_account_set_vox_account_email (self, src->vox_account_email);
  govorun_account_set_el_region (self, src->el_region);
  govorun_account_set_created_at (self, src->created_at);
  govorun_account_set_updated_at (self, src->updated_at);
  govorun_account_set_last_test_at (self, src->last_test_at);
  govorun_account_set_last_test_ok (self, src->last_test_ok);
  govorun_account_set_last_test_summary (self, src->last_test_summary);
  govorun_account_set_secret_generation (self, src->secret_generation);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
govorun_account_get_uuid (GovorunAccount *self)
{
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT (self), NULL);
  return self->uuid;
}

GovorunAccountKind
govorun_account_get_kind (GovorunAccount *self)
{
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT (self), GOVORUN_ACCOUNT_KIND_VOXIMPLANT);
  return self->kind;
}

#define DEFINE_STRING_PROPERTY(name, PROP)                                   \
  const char *                                                               \
  govorun_account_get_##name (GovorunAccount *self)                          \
  {                                                                          \
    g_return_val_if_fail (GOVORUN_IS_ACCOUNT (self), NULL);                  \
    return self->name;                                                       \
  }                                                                          \
                                                                             \
  void                                                                       \
  govorun_account_set_##name (GovorunAccount *self,                          \
                              const char     *name)                          \
  {                                                                          \
    g_return_if_fail (GOVORUN_IS_ACCOUNT (self));                            \
    if (set_string (&self->name, name))                                      \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);          \
  }

#define DEFINE_SCALAR_PROPERTY(type, name, PROP)                             \
  type                                                                       \
  govorun_account_get_##name (GovorunAccount *self)                          \
  {                                                                          \
    g_return_val_if_fail (GOVORUN_IS_ACCOUNT (self), 0);                     \
    return self->name;                                                       \
  }                                                                          \
                                                                             \
  void                                                                       \
  govorun_account_set_##name (GovorunAccount *self,                          \
                              type            name)                          \
  {                                                                          \
    g_return_if_fail (GOVORUN_IS_ACCOUNT (self));                            \
    if (self->name == name)                                                  \
      return;                                                                \
    self->name = name;                                                       \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);            \
  }

DEFINE_STRING_PROPERTY (display_name, PROP_DISPLAY_NAME)
DEFINE_STRING_PROPERTY (vox_account_id, PROP_VOX_ACCOUNT_ID)
DEFINE_STRING_PROPERTY (vox_key_id, PROP_VOX_KEY_ID)
DEFINE_STRING_PROPERTY (vox_account_email, PROP_VOX_ACCOUNT_EMAIL)
DEFINE_STRING_PROPERTY (el_region, PROP_EL_REGION)
DEFINE_STRING_PROPERTY (last_test_summary, PROP_LAST_TEST_SUMMARY)
DEFINE_SCALAR_PROPERTY (GovorunVoximplantAuth, vox_auth, PROP_VOX_AUTH)
DEFINE_SCALAR_PROPERTY (gint64, created_at, PROP_CREATED_AT)
DEFINE_SCALAR_PROPERTY (gint64, updated_at, PROP_UPDATED_AT)
DEFINE_SCALAR_PROPERTY (gint64, last_test_at, PROP_LAST_TEST_AT)
DEFINE_SCALAR_PROPERTY (guint, secret_generation, PROP_SECRET_GENERATION)

gboolean
govorun_account_get_last_test_ok (GovorunAccount *self)
{
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT (self), FALSE);
  return self->last_test_ok;
}

void
govorun_account_set_last_test_ok (GovorunAccount *self,
                                  gboolean        last_test_ok)
{
  g_return_if_fail (GOVORUN_IS_ACCOUNT (self));

  last_test_ok = !!last_test_ok;
  if (self->last_test_ok == last_test_ok)
    return;
  self->last_test_ok = last_test_ok;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_TEST_OK]);
}

/* An account from a settings file whose key was not typed here yet: it is
 * listed, and everything that would use its key skips it with a sentence. */
gboolean
govorun_account_get_key_needed (GovorunAccount *self)
{
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT (self), FALSE);

  return self->secret_generation == 0;
}
