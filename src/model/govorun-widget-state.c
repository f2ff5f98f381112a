/* govorun-widget-state.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-widget-state.h"

G_DEFINE_BOXED_TYPE (GovorunWidgetState, govorun_widget_state, govorun_widget_state_copy, govorun_widget_state_free)

/**
 * govorun_widget_state_new:
 *
 * Returns: (transfer full): an agent with the widget's defaults, no
 *   variables, public and open to any site
 */
GovorunWidgetState *
govorun_widget_state_new (void)
{
  GovorunWidgetState *state = g_new0 (GovorunWidgetState, 1);

  state->language = g_strdup ("en");
  state->dynamic_variable_names = g_new0 (char *, 1);
  state->variant = GOVORUN_WIDGET_VARIANT_FULL;
  state->placement = GOVORUN_WIDGET_PLACEMENT_BOTTOM_RIGHT;
  state->allowlist = g_new0 (char *, 1);

  return state;
}

GovorunWidgetState *
govorun_widget_state_copy (const GovorunWidgetState *state)
{
  GovorunWidgetState *copy;

  g_return_val_if_fail (state != NULL, NULL);

  copy = g_new0 (GovorunWidgetState, 1);
  copy->agent_id = g_strdup (state->agent_id);
  copy->language = g_strdup (state->language);
  copy->dynamic_variable_names = g_strdupv (state->dynamic_variable_names);
  copy->variant = state->variant;
  copy->placement = state->placement;
  for (guint i = 0; i < GOVORUN_WIDGET_N_COLORS; i++)
    copy->colors[i] = g_strdup (state->colors[i]);
  copy->avatar_url = g_strdup (state->avatar_url);
  copy->auth_required = state->auth_required;
  copy->allowlist = g_strdupv (state->allowlist);
  copy->language_override_allowed = state->language_override_allowed;

  return copy;
}

void
govorun_widget_state_free (GovorunWidgetState *state)
{
  if (state == NULL)
    return;

  g_free (state->agent_id);
  g_free (state->language);
  g_strfreev (state->dynamic_variable_names);
  for (guint i = 0; i < GOVORUN_WIDGET_N_COLORS; i++)
    g_free (state->colors[i]);
  g_free (state->avatar_url);
  g_strfreev (state->allowlist);
  g_free (state);
}
