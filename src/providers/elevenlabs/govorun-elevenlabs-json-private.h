/* govorun-elevenlabs-json-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "govorun-elevenlabs-error.h"

G_BEGIN_DECLS

/* Validated reading of ElevenLabs answers, for the parsers in this folder.
 * @prefix names the enclosing object in error messages ("a.b"), NULL at the
 * top. Each returns FALSE with BAD_RESPONSE naming the field. */

typedef enum
{
  FIELD_REQUIRED = 1 << 0,  /* absent is an error */
  FIELD_NULLABLE = 1 << 1,  /* null is accepted, read as absent */
  /* Shown or kept only, no flow decides on it: absent or of the wrong
   * type, it is logged (the name only) and read as absent. */
  FIELD_LENIENT  = 1 << 2,
} GovorunElevenlabsFieldFlags;

gboolean    govorun_elevenlabs_json_bad_field         (GError                     **error,
                                                       const char                  *field);
char       *govorun_elevenlabs_json_field_path        (const char                  *prefix,
                                                       const char                  *name);
gboolean    govorun_elevenlabs_json_read_string       (JsonObject                  *object,
                                                       const char                  *prefix,
                                                       const char                  *name,
                                                       GovorunElevenlabsFieldFlags  flags,
                                                       char                       **out,
                                                       GError                     **error);
gboolean    govorun_elevenlabs_json_read_int64        (JsonObject                  *object,
                                                       const char                  *prefix,
                                                       const char                  *name,
                                                       GovorunElevenlabsFieldFlags  flags,
                                                       gint64                      *out,
                                                       GError                     **error);
gboolean    govorun_elevenlabs_json_read_boolean      (JsonObject                  *object,
                                                       const char                  *prefix,
                                                       const char                  *name,
                                                       GovorunElevenlabsFieldFlags  flags,
                                                       gboolean                    *out,
                                                       GError                     **error);
gboolean    govorun_elevenlabs_json_read_object       (JsonObject                  *object,
                                                       const char                  *prefix,
                                                       const char                  *name,
                                                       GovorunElevenlabsFieldFlags  flags,
                                                       JsonObject                 **out,
                                                       GError                     **error);
gboolean    govorun_elevenlabs_json_read_array        (JsonObject                  *object,
                                                       const char                  *prefix,
                                                       const char                  *name,
                                                       GovorunElevenlabsFieldFlags  flags,
                                                       JsonArray                  **out,
                                                       GError                     **error);
gboolean    govorun_elevenlabs_json_read_string_array (JsonObject                  *object,
                                                       const char                  *prefix,
                                                       const char                  *name,
                                                       GovorunElevenlabsFieldFlags  flags,
                                                       GStrv                       *out,
                                                       GError                     **error);
/* (transfer none): the root object, or NULL with BAD_RESPONSE */
JsonObject *govorun_elevenlabs_json_root_object       (JsonNode                    *root,
                                                       GError                     **error);

G_END_DECLS
