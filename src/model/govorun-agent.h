/* govorun-agent.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * GovorunAgent is one "agent" as Govorun sees it: an ElevenLabs agent (or a
 * webhook bot) put on one or more Voximplant numbers. Plain properties; the
 * agents service (GovorunAgentStore) saves them and the provisioner
 * (GovorunProvisioner) makes the Voximplant account match them.
 */

typedef enum
{
  GOVORUN_AGENT_ENGINE_ELEVENLABS,
  GOVORUN_AGENT_ENGINE_WEBHOOK,
} GovorunAgentEngine;

typedef enum
{
  GOVORUN_AGENT_STATE_DRAFT,    /* nothing deployed (or rolled back) */
  GOVORUN_AGENT_STATE_PARTIAL,  /* a run stopped half-way: Continue finishes it */
  GOVORUN_AGENT_STATE_READY,    /* the account matches the agent */
  GOVORUN_AGENT_STATE_DRIFTED,  /* the account was changed behind Govorun's back */
  GOVORUN_AGENT_STATE_ERROR,    /* a run failed in a way a retry alone will not fix */
} GovorunAgentState;

#define GOVORUN_TYPE_AGENT_ENGINE (govorun_agent_engine_get_type ())
#define GOVORUN_TYPE_AGENT_STATE  (govorun_agent_state_get_type ())

GType       govorun_agent_engine_get_type    (void) G_GNUC_CONST;
GType       govorun_agent_state_get_type     (void) G_GNUC_CONST;

/* The strings stored in the database ("elevenlabs", "partial", …). */
const char *govorun_agent_engine_to_string   (GovorunAgentEngine  engine);
gboolean    govorun_agent_engine_from_string (const char         *str,
                                              GovorunAgentEngine *out_engine);
const char *govorun_agent_state_to_string    (GovorunAgentState   state);
gboolean    govorun_agent_state_from_string  (const char         *str,
                                              GovorunAgentState  *out_state);

/* A Voximplant number of the agent: its phone_id and E.164 digits. */
typedef struct
{
  gint64  phone_id;
  char   *number;
} GovorunAgentNumber;

#define GOVORUN_TYPE_AGENT_NUMBER (govorun_agent_number_get_type ())

GType               govorun_agent_number_get_type (void) G_GNUC_CONST;
GovorunAgentNumber *govorun_agent_number_new      (gint64                    phone_id,
                                                   const char               *number);
GovorunAgentNumber *govorun_agent_number_copy     (const GovorunAgentNumber *number);
void                govorun_agent_number_free     (GovorunAgentNumber       *number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunAgentNumber, govorun_agent_number_free)

/* Names are for a list: longer ones are refused (and would make every
 * wrapped row title slow to lay out). */
#define GOVORUN_AGENT_NAME_MAX_CHARS 100

/* The slug an agent named @name starts from (before it is made unique):
 * lower-case ASCII with Cyrillic transliterated, runs of anything other
 * than [a-z0-9] turned into one "-", no "-" at either end, at most
 * GOVORUN_AGENT_SLUG_MAX_LEN characters; "agent" when nothing is left. */
#define GOVORUN_AGENT_SLUG_MAX_LEN 20
char       *govorun_agent_slugify            (const char         *name);
/* The @n-th choice for a slug starting from @base (a slugify() result):
 * @base itself for n < 2, else @base (cut to fit) with "-n". */
char       *govorun_agent_slug_candidate     (const char         *base,
                                              guint               n);

#define GOVORUN_TYPE_AGENT (govorun_agent_get_type ())

G_DECLARE_FINAL_TYPE (GovorunAgent, govorun_agent, GOVORUN, AGENT, GObject)

GovorunAgent       *govorun_agent_new                  (void);
/* A detached copy with every property (uuid and slug included), for edit
 * dialogs: save it with govorun_agent_store_save_async(). */
GovorunAgent       *govorun_agent_copy                 (GovorunAgent       *self);

const char         *govorun_agent_get_uuid             (GovorunAgent       *self);
const char         *govorun_agent_get_name             (GovorunAgent       *self);
void                govorun_agent_set_name             (GovorunAgent       *self,
                                                        const char         *name);
const char         *govorun_agent_get_slug             (GovorunAgent       *self);
const char         *govorun_agent_get_el_account_uuid  (GovorunAgent       *self);
void                govorun_agent_set_el_account_uuid  (GovorunAgent       *self,
                                                        const char         *uuid);
const char         *govorun_agent_get_el_agent_id      (GovorunAgent       *self);
void                govorun_agent_set_el_agent_id      (GovorunAgent       *self,
                                                        const char         *el_agent_id);
const char         *govorun_agent_get_el_agent_name    (GovorunAgent       *self);
void                govorun_agent_set_el_agent_name    (GovorunAgent       *self,
                                                        const char         *el_agent_name);
const char         *govorun_agent_get_vox_account_uuid (GovorunAgent       *self);
void                govorun_agent_set_vox_account_uuid (GovorunAgent       *self,
                                                        const char         *uuid);
gboolean            govorun_agent_get_inbound          (GovorunAgent       *self);
void                govorun_agent_set_inbound          (GovorunAgent       *self,
                                                        gboolean            inbound);
gboolean            govorun_agent_get_outbound         (GovorunAgent       *self);
void                govorun_agent_set_outbound         (GovorunAgent       *self,
                                                        gboolean            outbound);
GovorunAgentEngine  govorun_agent_get_engine           (GovorunAgent       *self);
void                govorun_agent_set_engine           (GovorunAgent       *self,
                                                        GovorunAgentEngine  engine);
const char         *govorun_agent_get_webhook_url      (GovorunAgent       *self);
void                govorun_agent_set_webhook_url      (GovorunAgent       *self,
                                                        const char         *webhook_url);
const char         *govorun_agent_get_tenant_slug      (GovorunAgent       *self);
void                govorun_agent_set_tenant_slug      (GovorunAgent       *self,
                                                        const char         *tenant_slug);
gboolean            govorun_agent_get_record           (GovorunAgent       *self);
void                govorun_agent_set_record           (GovorunAgent       *self,
                                                        gboolean            record);
/* The webhook bot's language ("ru", "en"; NULL: Russian) and TTS voice
 * (a VoiceList path; NULL: the language's default). Speech recognition
 * follows the language. */
const char         *govorun_agent_get_bot_language     (GovorunAgent       *self);
void                govorun_agent_set_bot_language     (GovorunAgent       *self,
                                                        const char         *bot_language);
const char         *govorun_agent_get_bot_voice        (GovorunAgent       *self);
void                govorun_agent_set_bot_voice        (GovorunAgent       *self,
                                                        const char         *bot_voice);
/* TRUE when the account has no secret storage, so the deployed scenarios
 * carry the ElevenLabs key in their text (the agent's page says so). */
gboolean            govorun_agent_get_key_in_scenario  (GovorunAgent       *self);
void                govorun_agent_set_key_in_scenario  (GovorunAgent       *self,
                                                        gboolean            key_in_scenario);
GovorunAgentState   govorun_agent_get_state            (GovorunAgent       *self);
void                govorun_agent_set_state            (GovorunAgent       *self,
                                                        GovorunAgentState   state);
const char         *govorun_agent_get_last_step        (GovorunAgent       *self);
void                govorun_agent_set_last_step        (GovorunAgent       *self,
                                                        const char         *last_step);
const char         *govorun_agent_get_last_error       (GovorunAgent       *self);
void                govorun_agent_set_last_error       (GovorunAgent       *self,
                                                        const char         *last_error);
gint64              govorun_agent_get_application_id   (GovorunAgent       *self);
void                govorun_agent_set_application_id   (GovorunAgent       *self,
                                                        gint64              application_id);
const char         *govorun_agent_get_application_name (GovorunAgent       *self);
void                govorun_agent_set_application_name (GovorunAgent       *self,
                                                        const char         *application_name);
gint64              govorun_agent_get_created_at       (GovorunAgent       *self);
void                govorun_agent_set_created_at       (GovorunAgent       *self,
                                                        gint64              created_at);
void                govorun_agent_set_updated_at       (GovorunAgent       *self,
                                                        gint64              updated_at);

/* Of GovorunAgentNumber (transfer none); never NULL. */
GPtrArray          *govorun_agent_get_numbers          (GovorunAgent       *self);
/* @numbers: of GovorunAgentNumber (transfer none, copied); NULL empties. */
void                govorun_agent_set_numbers          (GovorunAgent       *self,
                                                        GPtrArray          *numbers);
gboolean            govorun_agent_has_phone_id         (GovorunAgent       *self,
                                                        gint64              phone_id);

/* The revision of the scenario manifest this computer last deployed or
 * adopted, and the id of the computer that wrote it (0 and NULL: none).
 * The provisioner stops a deploy when the account holds another one. */
gint64              govorun_agent_get_seen_revision    (GovorunAgent       *self);
const char         *govorun_agent_get_seen_computer    (GovorunAgent       *self);
void                govorun_agent_set_seen_manifest    (GovorunAgent       *self,
                                                        gint64              revision,
                                                        const char         *computer_id);

/* For GovorunAgentStore only: the identity it gives an agent when first
 * saved. Nobody else sets these. */
void                govorun_agent_set_uuid             (GovorunAgent       *self,
                                                        const char         *uuid);
void                govorun_agent_set_slug             (GovorunAgent       *self,
                                                        const char         *slug);
/* Copies every property of @from (uuid, slug and numbers included) into
 * @self, notifying what changed. */
void                govorun_agent_assign               (GovorunAgent       *self,
                                                        GovorunAgent       *from);

G_END_DECLS
