/* govorun-elevenlabs-widget-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "govorun-elevenlabs-widget.h"

G_BEGIN_DECLS

/* For this folder and tests/fuzz only: the widget settings of a
 * GetAgentResponseModel; NULL with BAD_RESPONSE naming the field. */
GovorunElevenlabsWidgetSettings *_govorun_elevenlabs_parse_widget_settings (JsonNode  *root,
                                                                           GError   **error);

G_END_DECLS
