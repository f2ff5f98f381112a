/* govorun-integration-secret.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GOVORUN_TYPE_INTEGRATION_SECRET (govorun_integration_secret_get_type ())

G_DECLARE_FINAL_TYPE (GovorunIntegrationSecret, govorun_integration_secret, GOVORUN,
                      INTEGRATION_SECRET, GtkWidget)

/*
 * A webhook secret shown the one time it is shown: the sentence that says
 * so, the secret in a monospace, selectable line, and Copy. It keeps the
 * text only while it is on screen and wipes it when disposed.
 */
GtkWidget  *govorun_integration_secret_new        (const char *secret);
/* What is shown (for the tests: the receiver is given the same text). */
const char *govorun_integration_secret_get_secret (GovorunIntegrationSecret *self);

G_END_DECLS
