/* govorun-call-variable.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A dynamic variable of an agent with the value a test call sends for it. */

#define GOVORUN_TYPE_CALL_VARIABLE (govorun_call_variable_get_type ())

G_DECLARE_FINAL_TYPE (GovorunCallVariable, govorun_call_variable, GOVORUN, CALL_VARIABLE, GObject)

GovorunCallVariable *govorun_call_variable_new       (const char          *name,
                                                      const char          *value);
const char          *govorun_call_variable_get_name  (GovorunCallVariable *self);
const char          *govorun_call_variable_get_value (GovorunCallVariable *self);
void                 govorun_call_variable_set_value (GovorunCallVariable *self,
                                                      const char          *value);

G_END_DECLS
