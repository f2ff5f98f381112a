/* govorun-account-key.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-account.h"

G_BEGIN_DECLS

/*
 * A key as a person pastes it, made into the key a provider expects.
 * Pastes from a file carry a trailing newline or spaces; those go. What
 * cannot be part of any real key is refused with a sentence instead of
 * being sent (or silently cut by an entry).
 */

/* Longer than any real API key: Voximplant's are 36 characters, and
 * ElevenLabs' 51 ("sk_" and 48 hex digits). */
#define GOVORUN_ACCOUNT_API_KEY_MAX_CHARS 256
/* A service-account credentials file is about 2 KB of JSON. */
#define GOVORUN_ACCOUNT_CREDENTIALS_MAX_BYTES (64 * 1024)

/* Returns: (transfer full): the key to store or send for @account (an API
 * key trimmed, a credentials file as it is), or %NULL with
 * GOVORUN_ACCOUNT_STORE_ERROR_INVALID set. Free with govorun_secret_free(). */
char *govorun_account_key_clean (GovorunAccount  *account,
                                 const char      *secret,
                                 GError         **error);

G_END_DECLS
