/* govorun-call-turn.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Who spoke a line of a call's transcript. */
typedef enum
{
  GOVORUN_CALL_ROLE_AGENT = 1,
  GOVORUN_CALL_ROLE_CALLER,
  GOVORUN_CALL_ROLE_TOOL,      /* a tool call or its result, shown compactly */
} GovorunCallRole;

/* One line of a transcript. */
typedef struct
{
  GovorunCallRole  role;
  char            *text;
  gint64           offset_ms;  /* from the start of the conversation */
} GovorunCallTurn;

#define GOVORUN_TYPE_CALL_TURN (govorun_call_turn_get_type ())

GType            govorun_call_turn_get_type (void) G_GNUC_CONST;
GovorunCallTurn *govorun_call_turn_new      (GovorunCallRole        role,
                                             const char            *text,
                                             gint64                 offset_ms);
GovorunCallTurn *govorun_call_turn_copy     (const GovorunCallTurn *turn);
void             govorun_call_turn_free     (GovorunCallTurn       *turn);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunCallTurn, govorun_call_turn_free)

G_END_DECLS
