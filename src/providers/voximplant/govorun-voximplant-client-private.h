/* govorun-voximplant-client-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "govorun-http-private.h"
#include "govorun-voximplant-client.h"

G_BEGIN_DECLS

/*
 * The provider layer's side of the client: request parameters, the generic
 * call returning the raw envelope, and the field readers the typed methods
 * (one file per resource family) parse answers with. Nothing above the
 * provider layer includes this header: wire formats stay here.
 */

/* Request parameters: an ordered list of name/value pairs, encoded the way
 * the Management API wants them. */
typedef struct _GovorunVoximplantParams GovorunVoximplantParams;

struct _GovorunVoximplantParams
{
  GPtrArray *names;
  GPtrArray *values;
};

#define GOVORUN_TYPE_VOXIMPLANT_PARAMS (govorun_voximplant_params_get_type ())

GType                    govorun_voximplant_params_get_type      (void) G_GNUC_CONST;
GovorunVoximplantParams *govorun_voximplant_params_new           (void);
/* With "count" and "offset" when > 0. */
GovorunVoximplantParams *govorun_voximplant_params_new_page      (guint                    count,
                                                                  guint                    offset);
/* country_code, phone_category_name, then country_state and
 * phone_region_id when set (non-empty, > 0). */
GovorunVoximplantParams *govorun_voximplant_params_new_region    (const char              *country_code,
                                                                  const char              *phone_category_name,
                                                                  const char              *country_state,
                                                                  gint64                   phone_region_id);
GovorunVoximplantParams *govorun_voximplant_params_copy          (const GovorunVoximplantParams *params);
void                     govorun_voximplant_params_free          (GovorunVoximplantParams *params);
void                     govorun_voximplant_params_add           (GovorunVoximplantParams *params,
                                                                  const char              *name,
                                                                  const char              *value);
void                     govorun_voximplant_params_add_int       (GovorunVoximplantParams *params,
                                                                  const char              *name,
                                                                  gint64                   value);
/* "true" / "false" */
void                     govorun_voximplant_params_add_bool      (GovorunVoximplantParams *params,
                                                                  const char              *name,
                                                                  gboolean                 value);
/* Items joined with ';' (items must not contain ';'). */
void                     govorun_voximplant_params_add_list      (GovorunVoximplantParams *params,
                                                                  const char              *name,
                                                                  const char * const      *values);
void                     govorun_voximplant_params_add_int_list  (GovorunVoximplantParams *params,
                                                                  const char              *name,
                                                                  const gint64            *values,
                                                                  gsize                    n_values);
/* "YYYY-MM-DD HH:mm:ss" in UTC, whatever the time zone of @when. */
void                     govorun_voximplant_params_add_timestamp (GovorunVoximplantParams *params,
                                                                  const char              *name,
                                                                  GDateTime               *when);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantParams, govorun_voximplant_params_free)

/* Calls @method ("GetAccountInfo"). @params may be NULL; it is copied.
 * GOVORUN_HTTP_FLAGS_IDEMPOTENT is added for "Get*" methods. */
void        govorun_voximplant_client_call_async  (GovorunVoximplantClient *self,
                                                   const char              *method,
                                                   GovorunVoximplantParams *params,
                                                   GovorunHttpFlags         flags,
                                                   GCancellable            *cancellable,
                                                   GAsyncReadyCallback      callback,
                                                   gpointer                 user_data);
/* Returns: (transfer full): the whole success envelope; it has "result".
 * Treat it as possibly secret: with API-key auth GetAccountInfo's result
 * repeats the api_key, so don't log or store envelopes wholesale.
 * Errors: GOVORUN_VOXIMPLANT_ERROR, GOVORUN_HTTP_ERROR (unchanged from the
 * transport), G_IO_ERROR_CANCELLED, or a GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR
 * when no token could be signed. */
JsonObject *govorun_voximplant_client_call_finish (GovorunVoximplantClient  *self,
                                                   GAsyncResult             *result,
                                                   GError                  **error);

/* The same call, answered with the body as it came (transfer full) and
 * its HTTP status, for an answer too large to build a tree of
 * (GetCallHistory): the caller reads it and then checks it with
 * _govorun_voximplant_answer_check(). Transport errors and cancellation
 * as above. */
void        _govorun_voximplant_client_call_raw_async  (GovorunVoximplantClient  *self,
                                                        const char               *method,
                                                        GovorunVoximplantParams  *params,
                                                        GCancellable             *cancellable,
                                                        GAsyncReadyCallback       callback,
                                                        gpointer                  user_data);
GBytes     *_govorun_voximplant_client_call_raw_finish (GovorunVoximplantClient  *self,
                                                        GAsyncResult             *result,
                                                        guint                    *out_status,
                                                        gboolean                 *out_jwt_auth,
                                                        GError                  **error);

/* What an answer's top level says, however it was read. */
typedef struct
{
  const GError *json_error;   /* why it could not be read; NULL when it could */
  gboolean      is_object;    /* the top level is an object */
  gboolean      has_envelope; /* it has "error", or a non-empty "errors" */
  int           code;         /* the error's code; -1 when none or invalid */
  const char   *msg;          /* the error's message; may be NULL */
  gboolean      has_result;   /* "result" is there and not null */
} GovorunVoximplantAnswer;

/* The error an answer with @status is (rate limit, server, the provider's
 * error, an unexpected status, no object, no "result"), or NULL for a
 * success envelope. */
GError     *_govorun_voximplant_answer_check (const GovorunVoximplantAnswer *answer,
                                              guint                          status,
                                              gboolean                       jwt_auth);

/* ---- Typed calls: the generic call plus a parser ---- */

/* Parses a whole envelope (Add* ids, AttachPhoneNumber); NULL with @error
 * set on a bad answer. */
typedef gpointer (*GovorunVoximplantParseEnvelope) (JsonObject  *envelope,
                                                    GError     **error);
/* Parses one object of a list. */
typedef gpointer (*GovorunVoximplantParseItem)     (JsonObject  *item,
                                                    GError     **error);

/* Runs @method with @params (taken) and returns what @parse makes of the
 * envelope; with @parse NULL, TRUE once the call succeeded.
 * @source_tag is the public _async function. */
void       govorun_voximplant_client_call_parsed    (GovorunVoximplantClient        *self,
                                                     const char                     *method,
                                                     GovorunVoximplantParams        *params,
                                                     GovorunVoximplantParseEnvelope  parse,
                                                     GDestroyNotify                  free_func,
                                                     gpointer                        source_tag,
                                                     GCancellable                   *cancellable,
                                                     GAsyncReadyCallback             callback,
                                                     gpointer                        user_data);
gpointer   govorun_voximplant_client_parsed_finish  (GovorunVoximplantClient        *self,
                                                     GAsyncResult                   *result,
                                                     gpointer                        source_tag,
                                                     GError                        **error);
gboolean   govorun_voximplant_client_done_finish    (GovorunVoximplantClient        *self,
                                                     GAsyncResult                   *result,
                                                     gpointer                        source_tag,
                                                     GError                        **error);

/* Runs a list method: "result" must be an array of objects, each parsed
 * with @parse_item; "total_count" is read when present. */
void       govorun_voximplant_client_call_list      (GovorunVoximplantClient        *self,
                                                     const char                     *method,
                                                     GovorunVoximplantParams        *params,
                                                     GovorunVoximplantParseItem      parse_item,
                                                     GDestroyNotify                  free_item,
                                                     gpointer                        source_tag,
                                                     GCancellable                   *cancellable,
                                                     GAsyncReadyCallback             callback,
                                                     gpointer                        user_data);
/* @total_count: (out) (optional): -1 when the answer does not say */
GPtrArray *govorun_voximplant_client_list_finish    (GovorunVoximplantClient        *self,
                                                     GAsyncResult                   *result,
                                                     gpointer                        source_tag,
                                                     gint64                         *total_count,
                                                     GError                        **error);

/* ---- Reading answers ---- */

/* How a field is read. REQUIRED: a flow needs it; absent or mistyped is
 * BAD_RESPONSE. CHECKED: may be absent (or null), but a flow decides on it
 * when present, so a wrong type is BAD_RESPONSE. LENIENT: shown or kept
 * only; a wrong type is logged (without the value) and ignored. */
typedef enum
{
  GOVORUN_VOXIMPLANT_FIELD_REQUIRED,
  GOVORUN_VOXIMPLANT_FIELD_CHECKED,
  GOVORUN_VOXIMPLANT_FIELD_LENIENT,
} GovorunVoximplantField;

/* BAD_RESPONSE errors naming @field. */
GError    *govorun_voximplant_error_new_missing_field  (const char *field);
GError    *govorun_voximplant_error_new_mistyped_field (const char *field);

/* Each leaves *@out as it was when the field is absent, null or ignored,
 * so callers set defaults first. */
gboolean   govorun_voximplant_read_string   (JsonObject              *object,
                                             const char              *field,
                                             GovorunVoximplantField   mode,
                                             char                   **out,
                                             GError                 **error);
/* A JSON integer. */
gboolean   govorun_voximplant_read_int      (JsonObject              *object,
                                             const char              *field,
                                             GovorunVoximplantField   mode,
                                             gint64                  *out,
                                             GError                 **error);
/* An id: an integer (or an integral double) > 0. */
gboolean   govorun_voximplant_read_id       (JsonObject              *object,
                                             const char              *field,
                                             GovorunVoximplantField   mode,
                                             gint64                  *out,
                                             GError                 **error);
/* A JSON number, integral or not. */
gboolean   govorun_voximplant_read_double   (JsonObject              *object,
                                             const char              *field,
                                             GovorunVoximplantField   mode,
                                             double                  *out,
                                             GError                 **error);
gboolean   govorun_voximplant_read_bool     (JsonObject              *object,
                                             const char              *field,
                                             GovorunVoximplantField   mode,
                                             gboolean                *out,
                                             GError                 **error);
/* required_verification: a string, the country code where documents are
 * required ("RU"; "" or absent when none), in Voximplant's docs and
 * clients. Sets *@out to whether one is given. */
gboolean   govorun_voximplant_read_required_verification (JsonObject              *object,
                                                          const char              *field,
                                                          GovorunVoximplantField   mode,
                                                          gboolean                *out,
                                                          GError                 **error);
/* An array member whose elements are all objects; NULL when absent (not
 * an error unless REQUIRED). LENIENT is not allowed. */
gboolean   govorun_voximplant_read_objects  (JsonObject              *object,
                                             const char              *field,
                                             GovorunVoximplantField   mode,
                                             JsonArray              **out,
                                             GError                 **error);
/* Parses every object of @array with @parse_item. */
GPtrArray *govorun_voximplant_parse_items   (JsonArray                  *array,
                                             GovorunVoximplantParseItem  parse_item,
                                             GDestroyNotify              free_item,
                                             GError                    **error);

/* A list answer: "result" an array of objects, each parsed with
 * @parse_item, and "total_count" when present (else *@total_count is -1). */
GPtrArray *govorun_voximplant_parse_list    (JsonObject                 *envelope,
                                             GovorunVoximplantParseItem  parse_item,
                                             GDestroyNotify              free_item,
                                             gint64                     *total_count,
                                             GError                    **error);

/* For requests that are not Management API calls (recording downloads):
 * the transport, the service-account credentials (NULL with API-key
 * auth; transfer none) and an error of @code with its usual sentence. */
GovorunHttp                  *_govorun_voximplant_client_get_http        (GovorunVoximplantClient *self);
GovorunVoximplantCredentials *_govorun_voximplant_client_get_credentials (GovorunVoximplantClient *self);
GError                       *_govorun_voximplant_error_new_for_status   (GovorunVoximplantError   code,
                                                                          guint                    http_status,
                                                                          gboolean                 jwt_auth);

/* For the fuzz targets: each family's parsers run over one envelope. */
GPtrArray *_govorun_voximplant_fuzz_read_list (JsonObject                 *envelope,
                                               GovorunVoximplantParseItem  parse_item,
                                               GDestroyNotify              free_item);
void _govorun_voximplant_fuzz_list (JsonObject                 *envelope,
                                    GovorunVoximplantParseItem  parse_item,
                                    GDestroyNotify              free_item);
void _govorun_voximplant_account_parse_for_fuzzing       (JsonObject *envelope);
void _govorun_voximplant_applications_parse_for_fuzzing  (JsonObject *envelope);
void _govorun_voximplant_phone_numbers_parse_for_fuzzing (JsonObject *envelope);
void _govorun_voximplant_number_market_parse_for_fuzzing (JsonObject *envelope);
void _govorun_voximplant_call_history_parse_for_fuzzing  (JsonObject *envelope);
void _govorun_voximplant_call_lists_parse_for_fuzzing    (JsonObject *envelope);
/* The lists as each reader gives them (NULL where it refuses), for a
 * target that goes on to what the number service makes of them. */
void _govorun_voximplant_phone_numbers_read_for_fuzzing  (JsonObject  *envelope,
                                                          GPtrArray  **numbers,
                                                          GPtrArray  **attached);
void _govorun_voximplant_number_market_read_for_fuzzing  (JsonObject  *envelope,
                                                          GPtrArray  **countries,
                                                          GPtrArray  **states,
                                                          GPtrArray  **regions,
                                                          GPtrArray  **new_numbers);

/* For tests/fuzz only: the parsers of Voximplant answers, on raw bytes. */
void _govorun_voximplant_client_parse_for_fuzzing (const guint8 *data,
                                                   gsize         size);
/* The envelope of an answer with @status, as every call first reads it. */
JsonObject *_govorun_voximplant_client_envelope_for_fuzzing (const guint8  *data,
                                                             gsize          size,
                                                             guint          status,
                                                             GError       **error);

G_END_DECLS
