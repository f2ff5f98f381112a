/* govorun-integration-format.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunIntegrationsPage"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-integration-format.h"

const char *
govorun_integration_format_kind (GovorunIntegrationKind kind)
{
  switch (kind)
    {
    case GOVORUN_INTEGRATION_KIND_WEBHOOK:
      return _("Webhook");
    case GOVORUN_INTEGRATION_KIND_BITRIX24:
      return _("Bitrix24");
    default:
      return _("Unknown kind");
    }
}

char *
govorun_integration_format_events (guint events)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (events & GOVORUN_INTEGRATION_EVENT_CALL_FINISHED)
    g_ptr_array_add (names, (gpointer) _("Call finished"));
  if (events & GOVORUN_INTEGRATION_EVENT_CAMPAIGN_FINISHED)
    g_ptr_array_add (names, (gpointer) _("Campaign finished"));
  if (events & GOVORUN_INTEGRATION_EVENT_CONTACT_RESULT)
    g_ptr_array_add (names, (gpointer) _("Contact result"));
  if (names->len == 0)
    return g_strdup (_("No events"));
  g_ptr_array_add (names, NULL);
  /* Translators: the separator between event names in a list */
  return g_strjoinv (_(", "), (char **) names->pdata);
}

const char *
govorun_integration_format_event (const char *event)
{
  if (g_strcmp0 (event, "call.finished") == 0)
    return _("Call finished");
  if (g_strcmp0 (event, "campaign.finished") == 0)
    return _("Campaign finished");
  if (g_strcmp0 (event, "contact.result") == 0)
    return _("Contact result");
  if (g_strcmp0 (event, "test") == 0)
    return _("Test");
  return event != NULL ? event : "";
}

char *
govorun_integration_format_time (gint64   when,
                                 gboolean ms)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (ms ? when / 1000 : when);

  if (time == NULL || when <= 0)
    return g_strdup ("—");
  /* Translators: a date and time in the delivery log, as strftime() formats it */
  return g_date_time_format (time, _("%d %b %Y, %H:%M:%S"));
}

char *
govorun_integration_format_state (GovorunIntegrationTarget *target)
{
  gint64 failing = govorun_integration_target_get_failing_since (target);

  if (govorun_integration_target_get_paused (target))
    {
      const char *reason = govorun_integration_target_get_pause_reason (target);

      if (reason == NULL || *reason == '\0')
        return g_strdup (_("Paused"));
      /* Translators: a target's state; %s is why it was paused */
      return g_strdup_printf (_("Paused: %s"), reason);
    }
  if (failing > 0)
    {
      g_autofree char *since = govorun_integration_format_time (failing, TRUE);

      /* Translators: a target's state; %s is a date and time */
      return g_strdup_printf (_("Failing since %s"), since);
    }
  return g_strdup (_("Active"));
}

const char *
govorun_integration_format_delivery (GovorunDeliveryState state)
{
  switch (state)
    {
    case GOVORUN_DELIVERY_PENDING:
      return _("Waiting");
    case GOVORUN_DELIVERY_SENDING:
      return _("Sending");
    case GOVORUN_DELIVERY_DELIVERED:
      return _("Delivered");
    case GOVORUN_DELIVERY_FAILED:
      return _("Refused");
    case GOVORUN_DELIVERY_GAVE_UP:
      return _("Gave up");
    default:
      return "";
    }
}
