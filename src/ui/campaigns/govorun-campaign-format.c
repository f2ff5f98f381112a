/* govorun-campaign-format.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCampaignFormat"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-campaign-format.h"

const char *
govorun_campaign_format_state (GovorunCampaignState state)
{
  switch (state)
    {
    case GOVORUN_CAMPAIGN_STATE_DRAFT:
      return C_("campaign state", "Draft");
    case GOVORUN_CAMPAIGN_STATE_SCHEDULED:
      return C_("campaign state", "Scheduled");
    case GOVORUN_CAMPAIGN_STATE_RUNNING:
      return C_("campaign state", "Running");
    case GOVORUN_CAMPAIGN_STATE_PAUSED:
      return C_("campaign state", "Paused");
    case GOVORUN_CAMPAIGN_STATE_FINISHED:
      return C_("campaign state", "Finished");
    case GOVORUN_CAMPAIGN_STATE_CANCELLED:
      return C_("campaign state", "Cancelled");
    case GOVORUN_CAMPAIGN_STATE_FAILED:
    default:
      return C_("campaign state", "Stopped on an error");
    }
}

void
govorun_campaign_format_state_label (GtkLabel             *label,
                                     GovorunCampaignState  state)
{
  static const char *classes[] = { "success", "warning", "error", "accent", "dim-label" };
  const char *style;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), classes[i]);

  switch (state)
    {
    case GOVORUN_CAMPAIGN_STATE_RUNNING:
    case GOVORUN_CAMPAIGN_STATE_SCHEDULED:
      style = "accent";
      break;
    case GOVORUN_CAMPAIGN_STATE_FINISHED:
      style = "success";
      break;
    case GOVORUN_CAMPAIGN_STATE_PAUSED:
      style = "warning";
      break;
    case GOVORUN_CAMPAIGN_STATE_FAILED:
      style = "error";
      break;
    case GOVORUN_CAMPAIGN_STATE_DRAFT:
    case GOVORUN_CAMPAIGN_STATE_CANCELLED:
    default:
      style = "dim-label";
      break;
    }

  gtk_widget_add_css_class (GTK_WIDGET (label), "campaign-state");
  gtk_widget_add_css_class (GTK_WIDGET (label), style);
  gtk_label_set_text (label, govorun_campaign_format_state (state));
}

char *
govorun_campaign_format_number (guint64 n)
{
  /* %' groups digits as the locale does (a no-break space in Russian). */
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

char *
govorun_campaign_format_counts (GovorunCampaign *campaign)
{
  g_autofree char *done = govorun_campaign_format_number (govorun_campaign_get_done (campaign));
  g_autofree char *total = govorun_campaign_format_number (govorun_campaign_get_total (campaign));
  g_autofree char *answered = govorun_campaign_format_number (govorun_campaign_get_answered (campaign));
  g_autofree char *successful = govorun_campaign_format_number (govorun_campaign_get_successful (campaign));

  /* Translators: campaign progress, e.g. "Called 12 of 40 · answered: 9 · successful: 5" */
  return g_strdup_printf (_("Called %s of %s · answered: %s · successful: %s"), done, total, answered, successful);
}

double
govorun_campaign_format_fraction (GovorunCampaign *campaign)
{
  guint total = govorun_campaign_get_total (campaign);

  if (total == 0)
    return 0;
  return CLAMP ((double) govorun_campaign_get_done (campaign) / total, 0, 1);
}

char *
govorun_campaign_format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (unix_time <= 0)
    return g_strdup ("");
  time = g_date_time_new_from_unix_local (unix_time);
  if (time == NULL)
    return g_strdup ("");

  if (g_date_time_get_year (time) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (time) == g_date_time_get_day_of_year (now))
    return g_date_time_format (time, "%H:%M");
  /* Translators: a campaign's start or finish; %x is the locale's date, see
   * the strftime manual for the rest */
  return g_date_time_format (time, _("%x %H:%M"));
}

char *
govorun_campaign_format_times (GovorunCampaign *campaign)
{
  GovorunCampaignState state = govorun_campaign_get_state (campaign);
  gint64 start_at = govorun_campaign_get_start_at (campaign);
  g_autofree char *start = NULL;
  g_autofree char *finish = govorun_campaign_format_time (govorun_campaign_get_expected_finish (campaign));
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  /* Started "now": the campaign was created a moment before. */
  if (start_at <= 0 && state != GOVORUN_CAMPAIGN_STATE_DRAFT)
    start_at = govorun_campaign_get_created_at (campaign);
  start = govorun_campaign_format_time (start_at);

  if (*start != '\0')
    {
      if (state == GOVORUN_CAMPAIGN_STATE_DRAFT || state == GOVORUN_CAMPAIGN_STATE_SCHEDULED)
        /* Translators: %s is a date and time or a time */
        first = g_strdup_printf (_("Starts %s"), start);
      else
        /* Translators: %s is a date and time or a time */
        first = g_strdup_printf (_("Started %s"), start);
    }

  if (*finish != '\0' && state == GOVORUN_CAMPAIGN_STATE_FINISHED)
    /* Translators: when a campaign finished; %s is a date and time or a time */
    second = g_strdup_printf (_("finished %s"), finish);
  else if (*finish != '\0' && !govorun_campaign_is_over (campaign))
    /* Translators: %s is a date and time or a time */
    second = g_strdup_printf (_("expected to finish %s"), finish);

  if (first != NULL && second != NULL)
    return g_strdup_printf ("%s · %s", first, second);
  if (first != NULL)
    return g_steal_pointer (&first);
  return second != NULL ? g_steal_pointer (&second) : g_strdup ("");
}

const char *
govorun_campaign_format_contact_status (GovorunContactStatus status)
{
  switch (status)
    {
    case GOVORUN_CONTACT_STATUS_NEW:
      return C_("contact status", "Waiting");
    case GOVORUN_CONTACT_STATUS_IN_PROGRESS:
      return C_("contact status", "In progress");
    case GOVORUN_CONTACT_STATUS_PROCESSED:
      return C_("contact status", "Called");
    case GOVORUN_CONTACT_STATUS_ERROR:
      return C_("contact status", "Failed");
    case GOVORUN_CONTACT_STATUS_CANCELED:
    default:
      return C_("contact status", "Cancelled");
    }
}
