/* govorun-elevenlabs-client.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-elevenlabs-error.h"
#include "govorun-elevenlabs-endpoint.h"
#include "govorun-http.h"

G_BEGIN_DECLS

/*
 * GovorunElevenlabsClient talks to the ElevenLabs REST API through the
 * shared GovorunHttp transport. The API key is sent in the xi-api-key
 * header only; it never appears in a URL or a log. Its calls are declared
 * by resource: govorun-elevenlabs-agents.h and govorun-elevenlabs-user.h.
 */

#define GOVORUN_TYPE_ELEVENLABS_CLIENT (govorun_elevenlabs_client_get_type ())

G_DECLARE_FINAL_TYPE (GovorunElevenlabsClient, govorun_elevenlabs_client, GOVORUN, ELEVENLABS_CLIENT, GObject)

/* @base_url: e.g. govorun_elevenlabs_region_get_base_url() or an emulator's
 * URL; a trailing slash is ignored. @api_key may be empty (every call then
 * fails with NEEDS_AUTHORIZATION without sending anything). */
GovorunElevenlabsClient         *govorun_elevenlabs_client_new                  (GovorunHttp             *http,
                                                                                 const char              *base_url,
                                                                                 const char              *api_key);

G_END_DECLS
