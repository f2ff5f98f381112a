/* govorun-call-turn.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-call-turn.h"

GovorunCallTurn *
govorun_call_turn_new (GovorunCallRole  role,
                       const char      *text,
                       gint64           offset_ms)
{
  GovorunCallTurn *turn = g_new0 (GovorunCallTurn, 1);

  turn->role = role;
  turn->text = g_strdup (text != NULL ? text : "");
  turn->offset_ms = offset_ms;
  return turn;
}

GovorunCallTurn *
govorun_call_turn_copy (const GovorunCallTurn *turn)
{
  g_return_val_if_fail (turn != NULL, NULL);

  return govorun_call_turn_new (turn->role, turn->text, turn->offset_ms);
}

void
govorun_call_turn_free (GovorunCallTurn *turn)
{
  if (turn == NULL)
    return;

  g_free (turn->text);
  g_free (turn);
}

G_DEFINE_BOXED_TYPE (GovorunCallTurn, govorun_call_turn, govorun_call_turn_copy,
                     govorun_call_turn_free)
