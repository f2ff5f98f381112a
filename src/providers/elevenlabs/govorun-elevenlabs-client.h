/* govorun-elevenlabs-client.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-http-private.h"

G_BEGIN_DECLS

/*
 * GovorunElevenlabsClient talks to the ElevenLabs REST API (agents, user,
 * subscription) through the shared GovorunHttp transport. The API key is
 * sent in the xi-api-key header only; it never appears in a URL or a log.
 */

/* Data-residency regions; each has its own API host. A key made in a
 * residency region works only against that region's host. */
typedef enum
{
  GOVORUN_ELEVENLABS_REGION_GLOBAL,
  GOVORUN_ELEVENLABS_REGION_US,
  GOVORUN_ELEVENLABS_REGION_EU,
  GOVORUN_ELEVENLABS_REGION_IN,
  GOVORUN_ELEVENLABS_REGION_SG,
} GovorunElevenlabsRegion;

#define GOVORUN_ELEVENLABS_N_REGIONS (GOVORUN_ELEVENLABS_REGION_SG + 1)

/* "global", "us", "eu-residency", "in-residency", "sg-residency" */
const char *govorun_elevenlabs_region_to_string    (GovorunElevenlabsRegion  region);
gboolean    govorun_elevenlabs_region_from_string  (const char              *string,
                                                    GovorunElevenlabsRegion *out_region);
/* e.g. "https://api.eu.residency.elevenlabs.io", without a trailing slash */
const char *govorun_elevenlabs_region_get_base_url (GovorunElevenlabsRegion  region);
/* Translated name for people, e.g. "EU data residency" */
const char *govorun_elevenlabs_region_get_label    (GovorunElevenlabsRegion  region);

#define GOVORUN_ELEVENLABS_ERROR (govorun_elevenlabs_error_quark ())

typedef enum
{
  GOVORUN_ELEVENLABS_ERROR_INVALID_API_KEY = 1, /* 401 invalid_api_key or another 401 */
  GOVORUN_ELEVENLABS_ERROR_NEEDS_AUTHORIZATION, /* 401 needs_authorization, or no key given */
  GOVORUN_ELEVENLABS_ERROR_MISSING_PERMISSIONS, /* 401 missing_permissions: a scoped key */
  GOVORUN_ELEVENLABS_ERROR_QUOTA_EXCEEDED,      /* detail.status quota_exceeded */
  GOVORUN_ELEVENLABS_ERROR_RATE_LIMITED,        /* 429, after the transport's retries */
  GOVORUN_ELEVENLABS_ERROR_NOT_FOUND,           /* 404 */
  GOVORUN_ELEVENLABS_ERROR_FORBIDDEN,           /* 403 */
  GOVORUN_ELEVENLABS_ERROR_VALIDATION,          /* 422 */
  GOVORUN_ELEVENLABS_ERROR_SERVER,              /* 5xx */
  GOVORUN_ELEVENLABS_ERROR_BAD_RESPONSE,        /* not JSON, or a field missing or mistyped */
  GOVORUN_ELEVENLABS_ERROR_FAILED,              /* any other answer */
} GovorunElevenlabsError;

GQuark govorun_elevenlabs_error_quark (void) G_GNUC_CONST;

/* One item of GET /v1/convai/agents */
typedef struct
{
  char   *agent_id;
  char   *name;
  GStrv   tags;
  gint64  created_at_unix_secs;
  char   *access_role;            /* access_info.role: "admin", "editor" or "viewer" */
} GovorunElevenlabsAgentSummary;

typedef struct
{
  GPtrArray *agents;              /* of GovorunElevenlabsAgentSummary */
  gboolean   has_more;
  char      *next_cursor;         /* nullable; pass it back as @cursor */
} GovorunElevenlabsAgentPage;

/* GET /v1/convai/agents/{agent_id}, the parts Govorun uses. Absent optional
 * fields carry the API's documented defaults. */
typedef struct
{
  char  *agent_id;
  char  *name;
  char  *first_message;                 /* default "" */
  char  *language;                      /* default "en" */
  GStrv  dynamic_variable_names;        /* keys of dynamic_variable_placeholders, sorted */
  char  *agent_output_audio_format;     /* default "pcm_16000" */
  char  *user_input_audio_format;       /* default "pcm_16000" */
} GovorunElevenlabsAgent;

/* GET /v1/user/subscription */
typedef struct
{
  char   *tier;
  char   *status;
  gint64  character_count;
  gint64  character_limit;
  char   *currency;               /* nullable: "usd" or "eur" */
} GovorunElevenlabsSubscription;

typedef struct
{
  guint                          agent_count;
  gboolean                       agent_count_is_lower_bound;
  gboolean                       limited_scope;  /* key valid, but no user_read */
  GovorunElevenlabsSubscription *subscription;   /* nullable */
} GovorunElevenlabsConnectionInfo;

#define GOVORUN_TYPE_ELEVENLABS_AGENT_SUMMARY   (govorun_elevenlabs_agent_summary_get_type ())
#define GOVORUN_TYPE_ELEVENLABS_AGENT_PAGE      (govorun_elevenlabs_agent_page_get_type ())
#define GOVORUN_TYPE_ELEVENLABS_AGENT           (govorun_elevenlabs_agent_get_type ())
#define GOVORUN_TYPE_ELEVENLABS_SUBSCRIPTION    (govorun_elevenlabs_subscription_get_type ())
#define GOVORUN_TYPE_ELEVENLABS_CONNECTION_INFO (govorun_elevenlabs_connection_info_get_type ())

GType                            govorun_elevenlabs_agent_summary_get_type   (void) G_GNUC_CONST;
GovorunElevenlabsAgentSummary   *govorun_elevenlabs_agent_summary_copy       (const GovorunElevenlabsAgentSummary   *summary);
void                             govorun_elevenlabs_agent_summary_free       (GovorunElevenlabsAgentSummary         *summary);

GType                            govorun_elevenlabs_agent_page_get_type      (void) G_GNUC_CONST;
GovorunElevenlabsAgentPage      *govorun_elevenlabs_agent_page_copy          (const GovorunElevenlabsAgentPage      *page);
void                             govorun_elevenlabs_agent_page_free          (GovorunElevenlabsAgentPage            *page);

GType                            govorun_elevenlabs_agent_get_type           (void) G_GNUC_CONST;
GovorunElevenlabsAgent          *govorun_elevenlabs_agent_copy               (const GovorunElevenlabsAgent          *agent);
void                             govorun_elevenlabs_agent_free               (GovorunElevenlabsAgent                *agent);

GType                            govorun_elevenlabs_subscription_get_type    (void) G_GNUC_CONST;
GovorunElevenlabsSubscription   *govorun_elevenlabs_subscription_copy        (const GovorunElevenlabsSubscription   *subscription);
void                             govorun_elevenlabs_subscription_free        (GovorunElevenlabsSubscription         *subscription);

GType                            govorun_elevenlabs_connection_info_get_type (void) G_GNUC_CONST;
GovorunElevenlabsConnectionInfo *govorun_elevenlabs_connection_info_copy     (const GovorunElevenlabsConnectionInfo *info);
void                             govorun_elevenlabs_connection_info_free     (GovorunElevenlabsConnectionInfo       *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunElevenlabsAgentSummary, govorun_elevenlabs_agent_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunElevenlabsAgentPage, govorun_elevenlabs_agent_page_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunElevenlabsAgent, govorun_elevenlabs_agent_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunElevenlabsSubscription, govorun_elevenlabs_subscription_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunElevenlabsConnectionInfo, govorun_elevenlabs_connection_info_free)

#define GOVORUN_TYPE_ELEVENLABS_CLIENT (govorun_elevenlabs_client_get_type ())

G_DECLARE_FINAL_TYPE (GovorunElevenlabsClient, govorun_elevenlabs_client, GOVORUN, ELEVENLABS_CLIENT, GObject)

/* @base_url: e.g. govorun_elevenlabs_region_get_base_url() or an emulator's
 * URL; a trailing slash is ignored. @api_key may be empty (every call then
 * fails with NEEDS_AUTHORIZATION without sending anything). */
GovorunElevenlabsClient         *govorun_elevenlabs_client_new                  (GovorunHttp             *http,
                                                                                 const char              *base_url,
                                                                                 const char              *api_key);
const char                      *govorun_elevenlabs_client_get_base_url         (GovorunElevenlabsClient *self);

/* @cursor: nullable, a previous page's next_cursor; @page_size: 1..100, or 0
 * for the API's default (30); @search: nullable, matches agent names. */
void                             govorun_elevenlabs_client_list_agents_async     (GovorunElevenlabsClient *self,
                                                                                 const char              *cursor,
                                                                                 guint                    page_size,
                                                                                 const char              *search,
                                                                                 GCancellable            *cancellable,
                                                                                 GAsyncReadyCallback      callback,
                                                                                 gpointer                 user_data);
GovorunElevenlabsAgentPage      *govorun_elevenlabs_client_list_agents_finish    (GovorunElevenlabsClient *self,
                                                                                 GAsyncResult            *result,
                                                                                 GError                 **error);

void                             govorun_elevenlabs_client_get_agent_async       (GovorunElevenlabsClient *self,
                                                                                 const char              *agent_id,
                                                                                 GCancellable            *cancellable,
                                                                                 GAsyncReadyCallback      callback,
                                                                                 gpointer                 user_data);
GovorunElevenlabsAgent          *govorun_elevenlabs_client_get_agent_finish      (GovorunElevenlabsClient *self,
                                                                                 GAsyncResult            *result,
                                                                                 GError                 **error);

/* Whether @format is in the documented audio-format enum (§2.1). */
gboolean                         govorun_elevenlabs_audio_format_is_valid        (const char              *format);

/* PATCH /v1/convai/agents/{agent_id}: sets conversation_config.asr.
 * user_input_audio_format to @input_format and conversation_config.tts.
 * agent_output_audio_format to @output_format (either may be NULL to keep
 * it). Formats are checked against the enum before sending (VALIDATION).
 * Returns the whole updated agent. */
void                             govorun_elevenlabs_client_update_agent_audio_async  (GovorunElevenlabsClient *self,
                                                                                     const char              *agent_id,
                                                                                     const char              *input_format,
                                                                                     const char              *output_format,
                                                                                     GCancellable            *cancellable,
                                                                                     GAsyncReadyCallback      callback,
                                                                                     gpointer                 user_data);
GovorunElevenlabsAgent          *govorun_elevenlabs_client_update_agent_audio_finish (GovorunElevenlabsClient *self,
                                                                                     GAsyncResult            *result,
                                                                                     GError                 **error);

void                             govorun_elevenlabs_client_get_subscription_async  (GovorunElevenlabsClient *self,
                                                                                   GCancellable            *cancellable,
                                                                                   GAsyncReadyCallback      callback,
                                                                                   gpointer                 user_data);
GovorunElevenlabsSubscription   *govorun_elevenlabs_client_get_subscription_finish (GovorunElevenlabsClient *self,
                                                                                   GAsyncResult            *result,
                                                                                   GError                 **error);

/* "Test connection": checks the key with GET /v1/convai/agents?page_size=1,
 * counts the agents (at most 10 pages of 100; beyond that the count is a
 * lower bound and agent_count_is_lower_bound is set), then reads the
 * subscription. A key without the user_read scope is valid: limited_scope
 * is set, subscription is NULL and no error is returned. */
void                             govorun_elevenlabs_client_test_connection_async  (GovorunElevenlabsClient *self,
                                                                                  GCancellable            *cancellable,
                                                                                  GAsyncReadyCallback      callback,
                                                                                  gpointer                 user_data);
GovorunElevenlabsConnectionInfo *govorun_elevenlabs_client_test_connection_finish (GovorunElevenlabsClient *self,
                                                                                  GAsyncResult            *result,
                                                                                  GError                 **error);

G_END_DECLS
