/* govorun-json.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * The one way Govorun reads JSON from outside: a provider's answer, a
 * credentials file, a request to an emulator. json-glib's parser recurses
 * once per nesting level, so 100,000 nested brackets (200 KB) overflow the
 * stack; every input is first bounded in size and nesting depth by a byte
 * scan that does not recurse, then handed to json-glib.
 */

#define GOVORUN_JSON_ERROR (govorun_json_error_quark ())

typedef enum
{
  GOVORUN_JSON_ERROR_TOO_LARGE = 1,  /* more bytes than the kind allows */
  GOVORUN_JSON_ERROR_TOO_DEEP,       /* nested deeper than the kind allows */
  GOVORUN_JSON_ERROR_INVALID,        /* empty, not UTF-8 or not JSON */
} GovorunJsonError;

/* Each kind of input has its own limits. */
typedef enum
{
  GOVORUN_JSON_ANSWER,       /* a provider's answer */
  GOVORUN_JSON_CREDENTIALS,  /* a key file the user chose */
  GOVORUN_JSON_REQUEST,      /* a request body an emulator receives */
} GovorunJsonKind;

/* The largest answer read from a provider; the transport stops reading past
 * it. A page of 1,000 numbers or agents is well under 1 MB. */
#define GOVORUN_JSON_ANSWER_MAX_SIZE      (8 * 1024 * 1024)
#define GOVORUN_JSON_CREDENTIALS_MAX_SIZE (64 * 1024)
#define GOVORUN_JSON_REQUEST_MAX_SIZE     (1024 * 1024)
/* Real answers nest about ten levels; json-glib copes with 20,000. */
#define GOVORUN_JSON_MAX_DEPTH            128

GQuark    govorun_json_error_quark (void);

gsize     govorun_json_max_size    (GovorunJsonKind   kind);
/* Checks size, UTF-8 and depth only, without parsing. */
gboolean  govorun_json_check       (const char       *data,
                                    gsize             length,
                                    gsize             max_size,
                                    guint             max_depth,
                                    GError          **error);
/* The same without the depth, for a reader that counts it as it parses
 * (and calls govorun_json_check () for the error when it fails). */
gboolean  govorun_json_check_text  (const char       *data,
                                    gsize             length,
                                    gsize             max_size,
                                    GError          **error);
/* The error's message is a clause (“it is nested deeper than 128 levels”)
 * for the caller's sentence about what it was reading; it never quotes
 * @data, which may hold a key. */
JsonNode *govorun_json_parse       (const char       *data,
                                    gsize             length,
                                    GovorunJsonKind   kind,
                                    GError          **error);
JsonNode *govorun_json_parse_bytes (GBytes           *bytes,
                                    GovorunJsonKind   kind,
                                    GError          **error);

G_END_DECLS
