/* govorun-json-fields.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The members of a flat JSON object (a campaign contact's variables) as
 * name, value, name, value…, in the object's order, for views that show
 * them and must not include json-glib. Strings, numbers and booleans only;
 * nested values and anything past @max_members are left out. NULL when
 * @json is not an object. */
GStrv govorun_json_fields_from_object (const char *json,
                                       guint       max_members);

G_END_DECLS
