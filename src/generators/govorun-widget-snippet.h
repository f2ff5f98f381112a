/* govorun-widget-snippet.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-widget-choices.h"

G_BEGIN_DECLS

/* The script that registers <elevenlabs-convai> (reference §5). */
#define GOVORUN_WIDGET_SCRIPT_URL "https://unpkg.com/@elevenlabs/convai-widget-embed"

/* The HTML a person pastes into a website for @choices: the
 * <elevenlabs-convai> element, one attribute a line in a fixed order, then
 * the script tag. Attribute values are HTML-escaped (UTF-8 kept);
 * dynamic-variables and text-contents are JSON objects with their members
 * sorted, so the same choices always give the same text. */
char *govorun_widget_snippet_generate (GovorunWidgetChoices *choices);

G_END_DECLS
