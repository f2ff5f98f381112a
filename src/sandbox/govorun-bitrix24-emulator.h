/* govorun-bitrix24-emulator.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-emulator.h"

G_BEGIN_DECLS

/* Injected faults' provider_code: the portal's error code it answers. */
typedef enum
{
  GOVORUN_BITRIX24_EMU_QUERY_LIMIT_EXCEEDED = 1,  /* 503 */
  GOVORUN_BITRIX24_EMU_WRONG_AUTH_TYPE,           /* 403 */
  GOVORUN_BITRIX24_EMU_INSUFFICIENT_SCOPE,        /* 403 */
  GOVORUN_BITRIX24_EMU_INTERNAL_SERVER_ERROR,     /* 500 */
  GOVORUN_BITRIX24_EMU_NO_AUTH_FOUND,             /* 401 */
} GovorunBitrix24EmuCode;

/* A call the emulator registered, as tests check it. */
typedef struct
{
  char    *call_id;
  char    *external_call_id;
  int      type;
  char    *phone_number;
  char    *line_number;
  gint64   user_id;
  gboolean crm_create;
  gint64   crm_created_lead;
  char    *crm_entity_type;   /* what it was bound to: CONTACT, LEAD or NULL */
  gint64   crm_entity_id;
  gboolean finished;
  guint    duration;
  char    *status_code;
  double   cost;
  char    *cost_currency;
  char    *record_url;       /* RECORD_URL, or the FILENAME of an upload */
  gsize    record_bytes;     /* the upload's decoded size */
  guint    n_transcript;
  char    *first_side;        /* SIDE of the first transcript line */
} GovorunBitrix24EmuCall;

/* A CRM activity made by finish (the portal's own) or crm.activity.add. */
typedef struct
{
  int      owner_type;        /* 1 lead, 3 contact */
  gint64   owner_id;
  gint64   type_id;
  int      direction;
  char    *subject;
  char    *description;
  gboolean from_rest;         /* crm.activity.add rather than finish */
} GovorunBitrix24EmuActivity;

#define GOVORUN_TYPE_BITRIX24_EMULATOR (govorun_bitrix24_emulator_get_type ())

G_DECLARE_FINAL_TYPE (GovorunBitrix24Emulator, govorun_bitrix24_emulator, GOVORUN, BITRIX24_EMULATOR,
                      GovorunEmulator)

/*
 * A Bitrix24 portal's incoming webhook on loopback, with exactly the
 * methods Govorun calls (scope, profile, telephony.externalCall.register /
 * finish / attachRecord, telephony.call.attachTranscription,
 * telephony.externalLine.add, crm.duplicate.findbycomm, crm.lead.add,
 * crm.activity.add), their envelopes and validation texts as
 * /work/shared/reference/bitrix24.md records them. Switches: the scopes
 * the webhook has, WRONG_AUTH_TYPE for the telephony methods the docs
 * reserve to applications, a leaky-bucket rate limit (503
 * QUERY_LIMIT_EXCEEDED). It keeps what it received.
 */
GovorunBitrix24Emulator *govorun_bitrix24_emulator_new              (void);
/* http://127.0.0.1:PORT/rest/1/<secret>/ once started. */
char                    *govorun_bitrix24_emulator_get_webhook_url  (GovorunBitrix24Emulator *self);
void                     govorun_bitrix24_emulator_set_scopes       (GovorunBitrix24Emulator *self,
                                                                     const char * const      *scopes);
void                     govorun_bitrix24_emulator_set_wrong_auth_type (GovorunBitrix24Emulator *self,
                                                                        gboolean                 refuse);
/* @capacity requests in the bucket, drained @per_second a second; 0
 * switches the limit off (the default). */
void                     govorun_bitrix24_emulator_set_rate_limit   (GovorunBitrix24Emulator *self,
                                                                     guint                    capacity,
                                                                     double                   per_second);
/* A contact with @phone; its id. */
gint64                   govorun_bitrix24_emulator_add_contact      (GovorunBitrix24Emulator *self,
                                                                     const char              *phone);

guint                    govorun_bitrix24_emulator_get_n_calls      (GovorunBitrix24Emulator *self);
const GovorunBitrix24EmuCall *govorun_bitrix24_emulator_get_call    (GovorunBitrix24Emulator *self,
                                                                     guint                    index);
guint                    govorun_bitrix24_emulator_get_n_leads      (GovorunBitrix24Emulator *self);
guint                    govorun_bitrix24_emulator_get_n_activities (GovorunBitrix24Emulator *self);
const GovorunBitrix24EmuActivity *govorun_bitrix24_emulator_get_activity (GovorunBitrix24Emulator *self,
                                                                          guint                    index);
guint                    govorun_bitrix24_emulator_get_n_lines      (GovorunBitrix24Emulator *self);
/* Requests the rate limit answered 503. */
guint                    govorun_bitrix24_emulator_get_n_limited    (GovorunBitrix24Emulator *self);

G_END_DECLS
