/* govorun-application.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-account-store.h"
#include "govorun-agent-catalog.h"
#include "govorun-agent-store.h"
#include "govorun-client-factory.h"
#include "govorun-connection-tester.h"
#include "govorun-number-service.h"
#include "govorun-provisioner.h"
#include "govorun-sandbox.h"

G_BEGIN_DECLS

typedef enum
{
  GOVORUN_APPLICATION_STATE_LOADING,
  GOVORUN_APPLICATION_STATE_READY,
  GOVORUN_APPLICATION_STATE_FAILED,
} GovorunApplicationState;

#define GOVORUN_TYPE_APPLICATION (govorun_application_get_type ())

G_DECLARE_FINAL_TYPE (GovorunApplication, govorun_application, GOVORUN, APPLICATION, AdwApplication)

GovorunApplication      *govorun_application_new           (void);
gboolean                 govorun_application_is_sandbox    (GovorunApplication *self);
GovorunApplicationState  govorun_application_get_state     (GovorunApplication *self);
const char              *govorun_application_get_failure   (GovorunApplication *self);
GovorunAccountStore     *govorun_application_get_accounts  (GovorunApplication *self);
GovorunConnectionTester *govorun_application_get_tester    (GovorunApplication *self);
GovorunSandbox          *govorun_application_get_sandbox   (GovorunApplication *self);
GovorunClientFactory    *govorun_application_get_factory   (GovorunApplication *self);
GovorunAgentStore       *govorun_application_get_agents    (GovorunApplication *self);
GovorunNumberService    *govorun_application_get_numbers   (GovorunApplication *self);
GovorunProvisioner      *govorun_application_get_provisioner (GovorunApplication *self);
GovorunAgentCatalog     *govorun_application_get_agent_catalog (GovorunApplication *self);

G_END_DECLS
