/* govorun-provisioner-names.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunProvisioner"

#include "config.h"

#include "govorun-provisioner-private.h"

/* Provider-side names, deterministic from the agent's slug so that any run
 * finds what an earlier one did. */

char *
govorun_provisioner_application_name (const char *slug)
{
  return g_strdup_printf ("gv-%s", slug);
}

char *
govorun_provisioner_rule_name (const char *slug,
                               gboolean    inbound)
{
  return g_strdup_printf ("gv-%s-%s", slug, inbound ? "inbound" : "outbound");
}

char *
govorun_provisioner_inbound_pattern (GPtrArray *numbers)
{
  g_autoptr(GString) pattern = NULL;

  if (numbers == NULL || numbers->len == 0)
    return NULL;

  /* Voximplant matches the whole destination, so no anchors are needed. */
  pattern = g_string_new ("(");
  for (guint i = 0; i < numbers->len; i++)
    {
      GovorunAgentNumber *number = g_ptr_array_index (numbers, i);
      const char *digits = number->number != NULL ? number->number : "";

      if (*digits == '+')
        digits++;
      if (i > 0)
        g_string_append_c (pattern, '|');
      g_string_append (pattern, digits);
    }
  g_string_append_c (pattern, ')');
  return g_string_free (g_steal_pointer (&pattern), FALSE);
}
