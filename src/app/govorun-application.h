/* govorun-application.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-sandbox.h"
#include "govorun-services.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_APPLICATION (govorun_application_get_type ())

G_DECLARE_FINAL_TYPE (GovorunApplication, govorun_application, GOVORUN, APPLICATION, AdwApplication)

GovorunApplication *govorun_application_new          (void);
GovorunServices    *govorun_application_get_services (GovorunApplication *self);
/* The running emulators in sandbox mode, else NULL. */
GovorunSandbox     *govorun_application_get_sandbox  (GovorunApplication *self);

G_END_DECLS
