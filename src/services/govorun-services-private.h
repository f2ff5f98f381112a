/* govorun-services-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the services keep to themselves, open to the test fixtures only:
 * they tune the transport's retries and reach the database directly.
 * Views never include this.
 */
#pragma once

#include "govorun-client-factory.h"
#include "govorun-http.h"
#include "govorun-secrets.h"
#include "govorun-services.h"
#include "govorun-store.h"

G_BEGIN_DECLS

GovorunHttp    *govorun_services_get_http    (GovorunServices *self);
GovorunStore   *govorun_services_get_store   (GovorunServices *self);
GovorunSecrets *govorun_services_get_secrets (GovorunServices *self);

/* Provider clients for an account: for the services and their tests. */
GovorunClientFactory    *govorun_services_get_factory     (GovorunServices      *self);

G_END_DECLS
