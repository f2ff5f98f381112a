/* govorun-endpoints.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-elevenlabs-region.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_ENDPOINTS (govorun_endpoints_get_type ())

G_DECLARE_FINAL_TYPE (GovorunEndpoints, govorun_endpoints, GOVORUN, ENDPOINTS, GObject)

GovorunEndpoints *govorun_endpoints_new                (GSettings               *settings);
void              govorun_endpoints_set_sandbox        (GovorunEndpoints        *self,
                                                        const char              *voximplant_base,
                                                        const char              *elevenlabs_base);
gboolean          govorun_endpoints_is_sandbox         (GovorunEndpoints        *self);
/* NULL with a GOVORUN_URL_ERROR naming the setting when an override from
 * the environment or GSettings is refused. */
char             *govorun_endpoints_get_voximplant_url (GovorunEndpoints        *self,
                                                        GError                 **error);
char             *govorun_endpoints_get_elevenlabs_url (GovorunEndpoints        *self,
                                                        GovorunElevenlabsRegion  region,
                                                        GError                 **error);

G_END_DECLS
