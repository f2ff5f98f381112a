/* govorun-column-mapping.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * GovorunColumnMapping: which column of a contact file is the phone,
 * which (if any) holds each contact's time zone, which column fills each
 * of the agent's dynamic variables, and whether the other columns are kept
 * as contact data (passed to the agent under their titles). Columns are
 * 0-based indexes into the preview's columns; -1 is "none". Saved per
 * agent as JSON so the next file with the same columns maps itself.
 */

#define GOVORUN_TYPE_COLUMN_MAPPING (govorun_column_mapping_get_type ())
G_DECLARE_FINAL_TYPE (GovorunColumnMapping, govorun_column_mapping, GOVORUN, COLUMN_MAPPING, GObject)

GovorunColumnMapping *govorun_column_mapping_new              (void);
GovorunColumnMapping *govorun_column_mapping_copy             (GovorunColumnMapping *self);

/* "phone-column" */
int                   govorun_column_mapping_get_phone_column (GovorunColumnMapping *self);
void                  govorun_column_mapping_set_phone_column (GovorunColumnMapping *self,
                                                               int                   column);
/* "time-zone-column" */
int                   govorun_column_mapping_get_time_zone_column (GovorunColumnMapping *self);
void                  govorun_column_mapping_set_time_zone_column (GovorunColumnMapping *self,
                                                                   int                   column);
/* "keep-rest": the columns neither phone nor variable nor zone go to the
 * agent under their titles. */
gboolean              govorun_column_mapping_get_keep_rest    (GovorunColumnMapping *self);
void                  govorun_column_mapping_set_keep_rest    (GovorunColumnMapping *self,
                                                               gboolean              keep);

/* The column of variable @name, or -1. Setting -1 unmaps it. Emits
 * "changed". */
int                   govorun_column_mapping_get_variable     (GovorunColumnMapping *self,
                                                               const char           *name);
void                  govorun_column_mapping_set_variable     (GovorunColumnMapping *self,
                                                               const char           *name,
                                                               int                   column);
/* The mapped variable names, sorted. */
GStrv                 govorun_column_mapping_list_variables   (GovorunColumnMapping *self);

/* {"phone": 2, "time_zone": -1, "keep_rest": true, "variables": {"name": 0}}
 * plus "columns", the titles the mapping was made for (set by the service
 * so a remembered mapping is only offered for the same columns). */
void                  govorun_column_mapping_set_columns      (GovorunColumnMapping *self,
                                                               const char * const   *columns);
const char * const   *govorun_column_mapping_get_columns      (GovorunColumnMapping *self);
char                 *govorun_column_mapping_to_json          (GovorunColumnMapping *self);
/* NULL (and @error) when @json is not a mapping. Bounded like any input. */
GovorunColumnMapping *govorun_column_mapping_new_from_json    (const char           *json,
                                                               GError              **error);

G_END_DECLS
