/* govorun-scenario-manifest.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * The manifest is the first line of every scenario Govorun uploads:
 *
 *   // govorun-manifest: {"v":1,"agent":"Clinic",…}
 *
 * one line of JSON saying which agent the scenario belongs to and how it
 * was set up, so that another computer with the same accounts can find the
 * agent, rebuild it, and see who deployed it last. It never holds a key.
 * Read back, it is outside input (anyone with the account can edit a
 * scenario): the parser is strict, bounded in size, depth and every field,
 * and refuses what it does not know.
 */

#define GOVORUN_SCENARIO_MANIFEST_PREFIX  "// govorun-manifest: "
#define GOVORUN_SCENARIO_MANIFEST_VERSION 1
/* The whole line, prefix included; 100 numbers fit with room to spare. */
#define GOVORUN_SCENARIO_MANIFEST_MAX_BYTES (8 * 1024)
#define GOVORUN_SCENARIO_MANIFEST_MAX_NUMBERS 100

#define GOVORUN_SCENARIO_MANIFEST_ERROR (govorun_scenario_manifest_error_quark ())

typedef enum
{
  GOVORUN_SCENARIO_MANIFEST_ERROR_NONE = 1, /* the script has no manifest line (not made by Govorun) */
  GOVORUN_SCENARIO_MANIFEST_ERROR_INVALID,  /* a manifest line that is damaged or has a bad value */
  GOVORUN_SCENARIO_MANIFEST_ERROR_NEWER,    /* written by a newer Govorun */
} GovorunScenarioManifestError;

GQuark govorun_scenario_manifest_error_quark (void) G_GNUC_CONST;

typedef struct
{
  gint64  phone_id;
  char   *number;   /* E.164 digits without "+" */
} GovorunManifestNumber;

typedef struct
{
  /* What the agent is */
  char      *agent_name;       /* required, ≤ 100 characters */
  char      *slug;             /* required, [a-z0-9-], ≤ 20 */
  gboolean   inbound;
  gboolean   outbound;
  gboolean   webhook;          /* engine: the user's bot, else the ElevenLabs agent */
  char      *el_agent_id;      /* ElevenLabs agent id; NULL for a bot */
  char      *el_account_hint;  /* the ElevenLabs account's name in Govorun; never a key */
  char      *webhook_url;      /* bot only */
  char      *tenant_slug;      /* bot only */
  char      *language;         /* bot only, "ru", "en-US", … */
  char      *voice;            /* bot only, a VoiceList path; NULL: the language's default */
  gboolean   record;
  gboolean   key_in_scenario;  /* the scenario text carries the key (no secret storage) */
  GPtrArray *numbers;          /* of GovorunManifestNumber; the first is the caller id */
  /* Who deployed it */
  char      *generator;        /* "Govorun 0.3.0" */
  gint64     revision;         /* ≥ 1, one more on every deploy that changes the account */
  char      *computer_id;      /* the deploying installation's random id */
  char      *host;             /* its readable host name */
  gint64     time;             /* deploy time, Unix seconds */
} GovorunScenarioManifest;

#define GOVORUN_TYPE_SCENARIO_MANIFEST (govorun_scenario_manifest_get_type ())

GType                    govorun_scenario_manifest_get_type   (void) G_GNUC_CONST;
GovorunScenarioManifest *govorun_scenario_manifest_new        (void);
GovorunScenarioManifest *govorun_scenario_manifest_copy       (const GovorunScenarioManifest *manifest);
void                     govorun_scenario_manifest_free       (GovorunScenarioManifest       *manifest);
void                     govorun_scenario_manifest_add_number (GovorunScenarioManifest       *manifest,
                                                               gint64                         phone_id,
                                                               const char                    *number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunScenarioManifest, govorun_scenario_manifest_free)

/* The line (without "\n"), or NULL with GOVORUN_SCENARIO_MANIFEST_ERROR_INVALID
 * when a field would not pass the parser (so what is written can be read). */
char                    *govorun_scenario_manifest_to_line    (const GovorunScenarioManifest *manifest,
                                                               GError                       **error);
/* Reads the manifest from the first line of @script (length -1: NUL-terminated). */
GovorunScenarioManifest *govorun_scenario_manifest_parse      (const char                    *script,
                                                               gssize                         length,
                                                               GError                       **error);
/* @script after its manifest line (all of it when it has none). */
const char              *govorun_scenario_manifest_body       (const char                    *script);
/* TRUE when the two describe the same agent set-up; the deploy stamp
 * (revision, computer, host, time, generator) and the ElevenLabs account's
 * name (each computer names its accounts) are not compared. */
gboolean                 govorun_scenario_manifest_same_setup (const GovorunScenarioManifest *a,
                                                               const GovorunScenarioManifest *b);
/* TRUE when the two scripts deploy the same thing: the same body and the
 * same set-up in their manifests (or neither has one). */
gboolean                 govorun_scenario_manifest_same_script (const char                   *a,
                                                                const char                   *b);

G_END_DECLS
