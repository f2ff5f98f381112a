/* govorun-widget-state.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-widget-choices.h"

G_BEGIN_DECLS

/* What an ElevenLabs agent says about its website widget, as last read:
 * the colours it keeps, who may start a conversation from a website, and
 * what the widget may override. Plain data; the agent widget service makes
 * it. */
typedef struct
{
  char                   *agent_id;
  char                   *language;                  /* the agent's, e.g. "ru" */
  GStrv                   dynamic_variable_names;    /* sorted; never NULL */
  GovorunWidgetVariant    variant;
  GovorunWidgetPlacement  placement;
  char                   *colors[GOVORUN_WIDGET_N_COLORS];  /* "#rrggbb" */
  char                   *avatar_url;                /* NULL: the orb */
  gboolean                auth_required;             /* platform_settings.auth.enable_auth */
  GStrv                   allowlist;                 /* hostnames; empty: any site; never NULL */
  gboolean                language_override_allowed;
} GovorunWidgetState;

#define GOVORUN_TYPE_WIDGET_STATE (govorun_widget_state_get_type ())

GType               govorun_widget_state_get_type (void) G_GNUC_CONST;
GovorunWidgetState *govorun_widget_state_new      (void);
GovorunWidgetState *govorun_widget_state_copy     (const GovorunWidgetState *state);
void                govorun_widget_state_free     (GovorunWidgetState       *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunWidgetState, govorun_widget_state_free)

G_END_DECLS
