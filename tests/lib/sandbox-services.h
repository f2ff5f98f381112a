/* sandbox-services.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The services the application builds (GovorunServices, built the same
 * way), over the sandbox's emulators and a throwaway database, for tests
 * that run inside run-with-keyring.sh.
 */
#pragma once

#include "govorun-sandbox.h"
#include "govorun-services-private.h"
#include "test-util.h"

G_BEGIN_DECLS

/* Everything but @sandbox, @services and @dir is borrowed from @services. */
typedef struct
{
  GovorunSandbox       *sandbox;
  GovorunServices      *services;
  GovorunHttp          *http;
  GovorunEndpoints     *endpoints;
  GovorunStore         *store;
  GovorunSecrets       *secrets;
  GovorunAccountStore  *accounts;
  GovorunClientFactory *factory;
  char                 *dir;
} SandboxServices;

/* Starts the emulators, opens a database in a new temporary directory and
 * loads its (empty) accounts and agents. The transport retries twice, 5 ms apart,
 * with a 5 s deadline; tests may change that. */
void            sandbox_services_start       (SandboxServices *s);
/* Another installation over @sandbox's emulators (already started): its
 * own temporary database, and @profile as its keyring attribute, so two
 * of them share no row and no key. */
void            sandbox_services_start_on    (SandboxServices *s,
                                              GovorunSandbox  *sandbox,
                                              const char      *profile);
void            sandbox_services_stop        (SandboxServices *s);
/* Adds @draft with @secret and returns the saved account (transfer full). */
GovorunAccount *sandbox_services_add_account (SandboxServices *s,
                                              GovorunAccount  *draft,
                                              const char      *secret);

G_END_DECLS
