/* govorun-emulator.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/*
 * GovorunEmulator is the base of the in-process provider emulators used by
 * the sandbox and the tests: a SoupServer on 127.0.0.1 with a random port,
 * parameter parsing, per-method fault injection, latency and request
 * counters. Subclasses (Voximplant, ElevenLabs) route requests to a method
 * name and answer them from their own state.
 *
 * It is a documented extension point, hence derivable.
 */

/* Rewrites a JSON object answer in place (tests of answer shapes). */
typedef void (*GovorunAnswerEdit) (JsonObject *answer,
                                   gpointer    user_data);

typedef struct
{
  guint    http_status;      /* 0: none; else answer with this HTTP status */
  int      provider_code;    /* 0: none; else the provider's own error code */
  guint    delay_ms;         /* wait before answering (or before dropping) */
  gboolean drop_connection;  /* close the connection without an answer */
  int      times;            /* requests it applies to; -1 means always, 0 is taken as 1 */
  /* The request is carried out first (a purchase charges), then its
   * answer is lost (drop_connection) or rewritten by edit_answer: what a
   * provider does when its answer cannot be read or never arrives. */
  gboolean          after_handling;
  GovorunAnswerEdit edit_answer;
  gpointer          edit_data;
} GovorunFault;

#define GOVORUN_TYPE_EMULATOR (govorun_emulator_get_type ())

G_DECLARE_DERIVABLE_TYPE (GovorunEmulator, govorun_emulator, GOVORUN, EMULATOR, GObject)

struct _GovorunEmulatorClass
{
  GObjectClass parent_class;

  /* Maps a request to a method name used for faults and counters, such as
   * "GetAccountInfo" or "GET /v1/convai/agents"; NULL when nothing matches
   * (the base then answers 404). @params holds the merged query, urlencoded
   * and multipart form fields. */
  char *(*route)        (GovorunEmulator   *self,
                         SoupServerMessage *msg,
                         const char        *path,
                         GHashTable        *params);
  /* Answers a routed request; sets status and body. */
  void  (*handle)       (GovorunEmulator   *self,
                         SoupServerMessage *msg,
                         const char        *method,
                         GHashTable        *params);
  /* Answers with an injected fault (HTTP status and/or provider code) in the
   * provider's own error envelope. */
  void  (*render_fault) (GovorunEmulator   *self,
                         SoupServerMessage *msg,
                         const char        *method,
                         const GovorunFault *fault);

  /* A WebSocket whose upgrade request was routed and handled without an
   * answer (handle() left the status unset, so the handshake went on).
   * The default closes it. */
  void  (*websocket)    (GovorunEmulator         *self,
                         SoupServerMessage       *msg,
                         const char              *path,
                         SoupWebsocketConnection *connection);

  gpointer padding[7];
};

gboolean         govorun_emulator_start             (GovorunEmulator    *self,
                                                     GError            **error);
void             govorun_emulator_stop              (GovorunEmulator    *self);
/* "http://127.0.0.1:PORT" without a trailing slash; NULL before start. */
const char      *govorun_emulator_get_base_url      (GovorunEmulator    *self);

/* @method "*" applies to every method. Faults for one method are consumed in
 * the order they were added. */
void             govorun_emulator_add_fault         (GovorunEmulator    *self,
                                                     const char         *method,
                                                     const GovorunFault *fault);
void             govorun_emulator_clear_faults      (GovorunEmulator    *self);
/* Added to every answer, for latency benchmarks. */
void             govorun_emulator_set_latency       (GovorunEmulator    *self,
                                                     guint               latency_ms);
/* Requests routed to @method so far (faulted ones included); "*" for all
 * routed requests (unrouted 404s are not counted). */
guint            govorun_emulator_get_request_count (GovorunEmulator    *self,
                                                     const char         *method);
/* Also clears the request log. */
void             govorun_emulator_reset_counts      (GovorunEmulator    *self);
/* The methods of the routed requests since the last reset, in the order
 * they arrived (for tests of ordering); free with g_strfreev. */
char           **govorun_emulator_get_request_log   (GovorunEmulator    *self);

/* Helpers for subclasses */
void             govorun_emulator_respond_json      (SoupServerMessage  *msg,
                                                     guint               status,
                                                     JsonNode           *node);
void             govorun_emulator_respond_json_string (SoupServerMessage *msg,
                                                     guint               status,
                                                     const char         *json);
void             govorun_emulator_respond_json_take (SoupServerMessage  *msg,
                                                     guint               status,
                                                     GString            *json);

G_END_DECLS
