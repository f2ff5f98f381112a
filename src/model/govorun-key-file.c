/* govorun-key-file.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "govorun-key-file.h"

struct _GovorunKeyFile
{
  GObject  parent_instance;

  gint64   account_id;
  char    *key_id;
  char    *account_email;
  char    *contents;
};

G_DEFINE_FINAL_TYPE (GovorunKeyFile, govorun_key_file, G_TYPE_OBJECT)

static void
govorun_key_file_finalize (GObject *object)
{
  GovorunKeyFile *self = GOVORUN_KEY_FILE (object);

  g_free (self->key_id);
  g_free (self->account_email);
  /* The private key should not linger in freed memory. */
  if (self->contents != NULL)
    explicit_bzero (self->contents, strlen (self->contents));
  g_free (self->contents);

  G_OBJECT_CLASS (govorun_key_file_parent_class)->finalize (object);
}

static void
govorun_key_file_class_init (GovorunKeyFileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = govorun_key_file_finalize;
}

static void
govorun_key_file_init (GovorunKeyFile *self)
{
}

GovorunKeyFile *
govorun_key_file_new (gint64      account_id,
                      const char *key_id,
                      const char *account_email,
                      const char *contents)
{
  GovorunKeyFile *self = g_object_new (GOVORUN_TYPE_KEY_FILE, NULL);

  self->account_id = account_id;
  self->key_id = g_strdup (key_id);
  self->account_email = g_strdup (account_email);
  self->contents = g_strdup (contents);
  return self;
}

gint64
govorun_key_file_get_account_id (GovorunKeyFile *self)
{
  g_return_val_if_fail (GOVORUN_IS_KEY_FILE (self), 0);

  return self->account_id;
}

const char *
govorun_key_file_get_key_id (GovorunKeyFile *self)
{
  g_return_val_if_fail (GOVORUN_IS_KEY_FILE (self), NULL);

  return self->key_id;
}

const char *
govorun_key_file_get_account_email (GovorunKeyFile *self)
{
  g_return_val_if_fail (GOVORUN_IS_KEY_FILE (self), NULL);

  return self->account_email;
}

const char *
govorun_key_file_get_contents (GovorunKeyFile *self)
{
  g_return_val_if_fail (GOVORUN_IS_KEY_FILE (self), NULL);

  return self->contents;
}
