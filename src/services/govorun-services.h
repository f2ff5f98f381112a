/* govorun-services.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-account-store.h"
#include "govorun-agent-finder.h"
#include "govorun-agent-analysis.h"
#include "govorun-agent-catalog.h"
#include "govorun-agent-store.h"
#include "govorun-agent-widget.h"
#include "govorun-call-export.h"
#include "govorun-call-list.h"
#include "govorun-call-analysis.h"
#include "govorun-call-stats.h"
#include "govorun-call-sync.h"
#include "govorun-campaigns.h"
#include "govorun-connection-tester.h"
#include "govorun-do-not-call.h"
#include "govorun-endpoints.h"
#include "govorun-delivery-log.h"
#include "govorun-integrations.h"
#include "govorun-number-service.h"
#include "govorun-provisioner.h"
#include "govorun-recordings.h"
#include "govorun-settings-file.h"
#include "govorun-test-calls.h"

G_BEGIN_DECLS

typedef enum
{
  GOVORUN_SERVICES_STATE_LOADING,
  GOVORUN_SERVICES_STATE_READY,
  GOVORUN_SERVICES_STATE_FAILED,
} GovorunServicesState;

#define GOVORUN_TYPE_SERVICES (govorun_services_get_type ())

G_DECLARE_FINAL_TYPE (GovorunServices, govorun_services, GOVORUN, SERVICES, GObject)

/* The one place the service graph is built, for the application and the
 * tests alike. @profile picks the keyring attribute (and marks the sandbox);
 * the database lives in @data_dir; @settings (nullable) carries the
 * endpoint overrides; @voximplant_url and @elevenlabs_url (nullable), when
 * given, point every client at the sandbox's emulators. */
GovorunServices         *govorun_services_new             (const char           *profile,
                                                           const char           *data_dir,
                                                           GSettings            *settings,
                                                           const char           *voximplant_url,
                                                           const char           *elevenlabs_url);
/* Opens the database and loads the accounts, then the agents; :state
 * follows. */
void                     govorun_services_load_async      (GovorunServices      *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean                 govorun_services_load_finish     (GovorunServices      *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
/* Marks the services failed for a reason found outside them (the sandbox's
 * emulators not starting); @message is shown to the person. */
void                     govorun_services_fail            (GovorunServices      *self,
                                                           const char           *message);
/* Lets queued writes finish; call before the process goes away. */
void                     govorun_services_close           (GovorunServices      *self);

gboolean                 govorun_services_is_sandbox      (GovorunServices      *self);
GovorunServicesState     govorun_services_get_state       (GovorunServices      *self);
/* Why loading failed, or NULL. */
const char              *govorun_services_get_failure     (GovorunServices      *self);
GovorunAccountStore     *govorun_services_get_accounts    (GovorunServices      *self);
GovorunConnectionTester *govorun_services_get_tester      (GovorunServices      *self);
GovorunEndpoints        *govorun_services_get_endpoints   (GovorunServices      *self);
GovorunAgentStore       *govorun_services_get_agents      (GovorunServices      *self);
GovorunProvisioner      *govorun_services_get_provisioner (GovorunServices      *self);
/* Find Agents: agents set up from other computers. */
GovorunAgentFinder      *govorun_services_get_agent_finder (GovorunServices     *self);
GovorunNumberService    *govorun_services_get_numbers     (GovorunServices      *self);
GovorunAgentCatalog     *govorun_services_get_agent_catalog (GovorunServices    *self);
/* An ElevenLabs agent's website widget: state, site check, changes. */
GovorunAgentWidget      *govorun_services_get_agent_widget (GovorunServices     *self);
GovorunAgentAnalysis    *govorun_services_get_agent_analysis (GovorunServices   *self);
/* The Calls page's list; NULL until the services are ready (the store is
 * open). */
GovorunCallList         *govorun_services_get_call_list   (GovorunServices      *self);
GovorunCallSync         *govorun_services_get_call_sync   (GovorunServices      *self);
/* One call's details and its audio in the recordings cache. */
GovorunRecordings       *govorun_services_get_recordings  (GovorunServices      *self);
/* Test calls: talking to an agent from the app, and Call My Phone. */
GovorunTestCalls        *govorun_services_get_test_calls  (GovorunServices      *self);
/* The Overview's statistics; NULL until the services are ready. Also the
 * property "call-stats". */
GovorunCallStats        *govorun_services_get_call_stats  (GovorunServices      *self);
GovorunCallAnalysis     *govorun_services_get_call_analysis (GovorunServices    *self);
/* Exports of the call history; NULL until the services are ready. */
GovorunCallExport       *govorun_services_get_call_export (GovorunServices      *self);
/* The do-not-call list, reading itself from the store on first use; NULL
 * until the services are ready. */
GovorunDoNotCall        *govorun_services_get_do_not_call (GovorunServices      *self);
/* Outbound campaigns, loading themselves on first use and refreshing the
 * running ones; NULL until the services are ready. */
GovorunCampaigns        *govorun_services_get_campaigns   (GovorunServices      *self);
/* Integration targets (webhooks) and the outbox of deliveries to them;
 * loaded and delivering once the services are ready. */
GovorunIntegrations     *govorun_services_get_integrations (GovorunServices    *self);
/* Export and import of the settings file; NULL until the services are ready. */
GovorunSettingsFile     *govorun_services_get_settings_file (GovorunServices    *self);

G_END_DECLS
