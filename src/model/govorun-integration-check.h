/* govorun-integration-check.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What the Test button found out about a target, as the page shows it.
 * @ok: it answered and can take deliveries; @status: the HTTP status (0:
 * no answer); @scopes: a Bitrix24 webhook's scopes, @missing_scopes the
 * ones Govorun needs and it lacks (both NULL for a webhook); @message a
 * translated sentence saying what was found and what to do. */
typedef struct
{
  gboolean  ok;
  guint     status;
  guint     latency_ms;
  char    **scopes;
  char    **missing_scopes;
  char     *message;
} GovorunIntegrationCheck;

#define GOVORUN_TYPE_INTEGRATION_CHECK (govorun_integration_check_get_type ())

GType                    govorun_integration_check_get_type (void) G_GNUC_CONST;
GovorunIntegrationCheck *govorun_integration_check_copy     (const GovorunIntegrationCheck *check);
void                     govorun_integration_check_free     (GovorunIntegrationCheck       *check);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunIntegrationCheck, govorun_integration_check_free)

G_END_DECLS
