/* govorun-settings-document.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The settings file's format: one JSON object
 *
 *   {"format":"govorun-settings","version":1,
 *    "accounts":[{"kind":"voximplant","name":…,"account_id":…,"auth":"api-key",…}, …],
 *    "do_not_call":[{"number":"+7…","note":…,"added_at":…}, …],
 *    "preferences":{"key":"GVariant text", …},
 *    "targets":[{"kind":"webhook","name":…,"url":"https://…","events":["call.finished", …]},
 *               {"kind":"bitrix24","name":…,"events":[…]}, …]}
 *   (a target's optional "include":["transcript","recording-link"] says what
 *   its call deliveries add)
 *
 * It has no field for a key or a webhook's secret, and a Bitrix24 target
 * has no URL (the URL is its secret). Version 2 added "targets"; version 1
 * files are read as well. Read back it is outside input: bounded in size
 * and depth, every field checked, refused whole with one sentence.
 */

#define GOVORUN_SETTINGS_DOCUMENT_FORMAT       "govorun-settings"
#define GOVORUN_SETTINGS_DOCUMENT_VERSION      2
/* 100,000 do-not-call numbers with notes are about 10 MB. */
#define GOVORUN_SETTINGS_DOCUMENT_MAX_BYTES    (32 * 1024 * 1024)
#define GOVORUN_SETTINGS_DOCUMENT_MAX_ACCOUNTS 100
#define GOVORUN_SETTINGS_DOCUMENT_MAX_NUMBERS  200000
#define GOVORUN_SETTINGS_DOCUMENT_MAX_PREFERENCES 200
#define GOVORUN_SETTINGS_DOCUMENT_MAX_TARGETS  100

#define GOVORUN_SETTINGS_DOCUMENT_ERROR (govorun_settings_document_error_quark ())

typedef enum
{
  GOVORUN_SETTINGS_DOCUMENT_ERROR_DAMAGED = 1, /* not a settings file, or a bad field */
  GOVORUN_SETTINGS_DOCUMENT_ERROR_NEWER,       /* written by a newer Govorun */
} GovorunSettingsDocumentError;

GQuark govorun_settings_document_error_quark (void) G_GNUC_CONST;

typedef struct
{
  char *kind;        /* "voximplant" or "elevenlabs" */
  char *name;
  char *account_id;  /* Voximplant: digits */
  char *auth;        /* Voximplant: "api-key" or "service-account" */
  char *key_id;      /* Voximplant service account: the key's id (not the key) */
  char *email;       /* Voximplant: optional */
  char *region;      /* ElevenLabs: optional */
} GovorunSettingsAccount;

typedef struct
{
  char   *number;    /* E.164 with "+" */
  char   *note;      /* may be NULL */
  gint64  added_at;  /* Unix seconds */
} GovorunSettingsNumber;

typedef struct
{
  char  *kind;       /* "webhook" or "bitrix24" */
  char  *name;
  char  *url;        /* webhook: http(s), ≤ 2,000 characters; bitrix24: NULL */
  char **events;     /* "call.finished", "campaign.finished", "contact.result"; at least one */
  char **include;    /* what a call delivery adds: "transcript", "recording-link"; may be NULL */
} GovorunSettingsTarget;

typedef struct
{
  GPtrArray  *accounts;     /* GovorunSettingsAccount */
  GPtrArray  *do_not_call;  /* GovorunSettingsNumber */
  GHashTable *preferences;  /* key → GVariant text form (both strings) */
  GPtrArray  *targets;      /* GovorunSettingsTarget */
} GovorunSettingsDocument;

GovorunSettingsDocument *govorun_settings_document_new         (void);
void                     govorun_settings_document_free        (GovorunSettingsDocument       *document);
void                     govorun_settings_document_add_account (GovorunSettingsDocument       *document,
                                                                const GovorunSettingsAccount  *account);
void                     govorun_settings_document_add_number  (GovorunSettingsDocument       *document,
                                                                const char                    *number,
                                                                const char                    *note,
                                                                gint64                         added_at);
void                     govorun_settings_document_add_target  (GovorunSettingsDocument       *document,
                                                                const GovorunSettingsTarget   *target);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunSettingsDocument, govorun_settings_document_free)

char                    *govorun_settings_document_to_json     (const GovorunSettingsDocument *document);
GovorunSettingsDocument *govorun_settings_document_parse       (const char                    *data,
                                                                gsize                          length,
                                                                GError                       **error);

G_END_DECLS
