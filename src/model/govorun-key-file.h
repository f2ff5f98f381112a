/* govorun-key-file.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * A Voximplant service account key file a person chose, as the accounts
 * service read and checked it: who it signs in as, and its text, which is
 * the secret that goes to the keyring and nowhere else.
 */

#define GOVORUN_TYPE_KEY_FILE (govorun_key_file_get_type ())

G_DECLARE_FINAL_TYPE (GovorunKeyFile, govorun_key_file, GOVORUN, KEY_FILE, GObject)

GovorunKeyFile *govorun_key_file_new               (gint64          account_id,
                                                    const char     *key_id,
                                                    const char     *account_email,
                                                    const char     *contents);
gint64          govorun_key_file_get_account_id    (GovorunKeyFile *self);
const char     *govorun_key_file_get_key_id        (GovorunKeyFile *self);
const char     *govorun_key_file_get_account_email (GovorunKeyFile *self);
/* The secret: never log, store or show it. */
const char     *govorun_key_file_get_contents      (GovorunKeyFile *self);

G_END_DECLS
