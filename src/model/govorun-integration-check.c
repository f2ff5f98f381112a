/* govorun-integration-check.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-integration-check.h"

G_DEFINE_BOXED_TYPE (GovorunIntegrationCheck, govorun_integration_check,
                     govorun_integration_check_copy, govorun_integration_check_free)

GovorunIntegrationCheck *
govorun_integration_check_copy (const GovorunIntegrationCheck *check)
{
  GovorunIntegrationCheck *copy = g_new0 (GovorunIntegrationCheck, 1);

  *copy = *check;
  copy->scopes = g_strdupv (check->scopes);
  copy->missing_scopes = g_strdupv (check->missing_scopes);
  copy->message = g_strdup (check->message);
  return copy;
}

void
govorun_integration_check_free (GovorunIntegrationCheck *check)
{
  if (check == NULL)
    return;
  g_strfreev (check->scopes);
  g_strfreev (check->missing_scopes);
  g_free (check->message);
  g_free (check);
}
