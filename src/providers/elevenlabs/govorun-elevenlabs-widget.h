/* govorun-elevenlabs-widget.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-elevenlabs-client.h"

G_BEGIN_DECLS

/* An agent's website-widget settings (reference §2.1 platform_settings and
 * §5): read from GET /v1/convai/agents/{id}, changed with PATCHes that
 * carry only the fields that change. */

typedef struct
{
  char     *agent_id;
  char     *language;                   /* conversation_config.agent.language; default "en" */
  GStrv     dynamic_variable_names;     /* sorted; never NULL */
  /* platform_settings.widget */
  char     *variant;                    /* default "full" */
  char     *placement;                  /* default "bottom-right" */
  char     *avatar_type;                /* "orb" (default), "url" or "image" */
  char     *avatar_color_1;             /* orb; default "#2792dc" */
  char     *avatar_color_2;             /* orb; default "#9ce6e6" */
  char     *avatar_url;                 /* "url": custom_url, "image": url; else NULL */
  char     *bg_color;                   /* default "#ffffff" */
  char     *text_color;                 /* default "#000000" */
  char     *btn_color;                  /* default "#000000" */
  char     *btn_text_color;             /* default "#ffffff" */
  /* platform_settings.auth */
  gboolean  enable_auth;                /* default FALSE */
  GStrv     allowlist;                  /* allowlist[].hostname in order; never NULL */
  /* platform_settings.overrides.conversation_config_override.agent.language */
  gboolean  language_override_allowed;  /* default FALSE */
} GovorunElevenlabsWidgetSettings;

/* The colours to change; NULL members are left as they are. The two orb
 * colours go together (the avatar object is replaced whole). */
typedef struct
{
  const char *avatar_color_1;
  const char *avatar_color_2;
  const char *bg_color;
  const char *text_color;
  const char *btn_color;
  const char *btn_text_color;
} GovorunElevenlabsWidgetColors;

#define GOVORUN_TYPE_ELEVENLABS_WIDGET_SETTINGS (govorun_elevenlabs_widget_settings_get_type ())

GType                            govorun_elevenlabs_widget_settings_get_type (void) G_GNUC_CONST;
GovorunElevenlabsWidgetSettings *govorun_elevenlabs_widget_settings_copy     (const GovorunElevenlabsWidgetSettings *settings);
void                             govorun_elevenlabs_widget_settings_free     (GovorunElevenlabsWidgetSettings       *settings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunElevenlabsWidgetSettings, govorun_elevenlabs_widget_settings_free)

/* GET /v1/convai/agents/{agent_id}, read for its widget settings. */
void                             govorun_elevenlabs_client_get_widget_settings_async  (GovorunElevenlabsClient  *self,
                                                                                      const char               *agent_id,
                                                                                      GCancellable             *cancellable,
                                                                                      GAsyncReadyCallback       callback,
                                                                                      gpointer                  user_data);
GovorunElevenlabsWidgetSettings *govorun_elevenlabs_client_get_widget_settings_finish (GovorunElevenlabsClient  *self,
                                                                                      GAsyncResult             *result,
                                                                                      GError                  **error);

/* PATCH {"platform_settings":{"widget":{…}}} with only the colours set in
 * @colors ("#rrggbb", else VALIDATION before anything is sent). TRUE when
 * ElevenLabs accepted it; read the settings again to see them. */
void                             govorun_elevenlabs_client_update_widget_colors_async  (GovorunElevenlabsClient             *self,
                                                                                       const char                          *agent_id,
                                                                                       const GovorunElevenlabsWidgetColors *colors,
                                                                                       GCancellable                        *cancellable,
                                                                                       GAsyncReadyCallback                  callback,
                                                                                       gpointer                             user_data);
gboolean                         govorun_elevenlabs_client_update_widget_colors_finish (GovorunElevenlabsClient             *self,
                                                                                       GAsyncResult                        *result,
                                                                                       GError                             **error);

/* PATCH {"platform_settings":{"auth":{"allowlist":[{"hostname":…},…]}}}:
 * the whole list (arrays are replaced, not merged), nothing else. */
void                             govorun_elevenlabs_client_set_allowlist_async  (GovorunElevenlabsClient  *self,
                                                                                const char               *agent_id,
                                                                                const char * const       *hostnames,
                                                                                GCancellable             *cancellable,
                                                                                GAsyncReadyCallback       callback,
                                                                                gpointer                  user_data);
gboolean                         govorun_elevenlabs_client_set_allowlist_finish (GovorunElevenlabsClient  *self,
                                                                                GAsyncResult             *result,
                                                                                GError                  **error);

G_END_DECLS
