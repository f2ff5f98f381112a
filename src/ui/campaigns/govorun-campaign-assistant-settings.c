/* govorun-campaign-assistant-settings.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCampaignAssistant"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "govorun-campaign-assistant-private.h"
#include "govorun-format.h"

/* Step 3: when and how — the name, the caller number (one of the agent's),
 * now or at a set time, the calling hours in the contacts' local time and
 * the days allowed, the calls at once, attempts, the pause between them
 * and the priority. */

/* Russia's zones west to east, then a few the contacts abroad often have;
 * the computer's own zone comes first when it is not among them. */
static const char *known_zones[] = {
  "Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg", "Asia/Omsk",
  "Asia/Novosibirsk", "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Yakutsk", "Asia/Vladivostok",
  "Asia/Magadan", "Asia/Kamchatka", "Europe/Minsk", "Asia/Almaty", "Asia/Tashkent", "Europe/Istanbul",
  "Asia/Dubai", "Europe/Berlin", "Europe/London", "America/New_York", "UTC",
};

static gboolean
on_two_digits (GtkSpinButton *spin,
               gpointer       user_data)
{
  char text[8];

  /* 09:05, not 9:5. */
  g_snprintf (text, sizeof text, "%02d", gtk_spin_button_get_value_as_int (spin));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
on_settings_changed (GovorunCampaignAssistant *self)
{
  gboolean later = adw_combo_row_get_selected (self->start_row) == 1;
  GovorunCampaignZoneMode mode = adw_combo_row_get_selected (self->zone_mode_row);

  gtk_widget_set_visible (GTK_WIDGET (self->start_at_row), later);
  /* With a zone per contact, the campaign's zone is for those without. */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->zone_row),
                               mode == GOVORUN_CAMPAIGN_ZONE_CAMPAIGN ? ""
                               : _("For contacts whose zone is not known"));
  _govorun_campaign_assistant_update_buttons (self);
}

/* Debt collection (230-FZ): the law's hours and a day between attempts,
 * which the person cannot widen; the service applies them again. */
static void
on_debt_mode_changed (GovorunCampaignAssistant *self)
{
  gboolean debt = gtk_switch_get_active (self->debt_switch);

  if (debt)
    {
      gtk_spin_button_set_value (self->start_hour, 8);
      gtk_spin_button_set_value (self->start_minute, 0);
      gtk_spin_button_set_value (self->end_hour, 22);
      gtk_spin_button_set_value (self->end_minute, 0);
      gtk_spin_button_set_value (self->retry_spin, 1440);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_hour), !debt);
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_minute), !debt);
  gtk_widget_set_sensitive (GTK_WIDGET (self->end_hour), !debt);
  gtk_widget_set_sensitive (GTK_WIDGET (self->end_minute), !debt);
  gtk_widget_set_sensitive (GTK_WIDGET (self->retry_spin), !debt);
  adw_action_row_set_subtitle (self->hours_row,
                               debt ? _("08:00–22:00 on workdays, 09:00–20:00 on weekends and holidays, as 230-FZ allows")
                                    : "");
  on_settings_changed (self);
}

/* "YYYY-MM-DD HH:MM" in local time, or 0. */
static gint64
parse_start (const char *text)
{
  int year, month, day, hour, minute;
  char extra;
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL || sscanf (text, "%d-%d-%d %d:%d %c", &year, &month, &day, &hour, &minute, &extra) != 5)
    return 0;
  time = g_date_time_new_local (year, month, day, hour, minute, 0);
  return time != NULL ? g_date_time_to_unix (time) : 0;
}

static guint
chosen_days (GovorunCampaignAssistant *self)
{
  guint days = 0;

  for (guint i = 0; self->day_buttons != NULL && i < self->day_buttons->len; i++)
    if (gtk_toggle_button_get_active (g_ptr_array_index (self->day_buttons, i)))
      days |= 1u << i;
  return days;
}

static const char *
chosen_zone (GovorunCampaignAssistant *self)
{
  guint i = adw_combo_row_get_selected (self->zone_row);

  if (i == GTK_INVALID_LIST_POSITION || i >= g_list_model_get_n_items (G_LIST_MODEL (self->zones)))
    return "Europe/Moscow";
  return gtk_string_list_get_string (self->zones, i);
}

static const char *
chosen_caller (GovorunCampaignAssistant *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->caller_row);

  return item != NULL ? g_object_get_data (G_OBJECT (item), "number") : NULL;
}

gboolean
_govorun_campaign_assistant_settings_complete (GovorunCampaignAssistant *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  GovorunCampaignZoneMode mode = adw_combo_row_get_selected (self->zone_mode_row);

  if (*name == '\0' || chosen_caller (self) == NULL || chosen_days (self) == 0)
    return FALSE;
  if (adw_combo_row_get_selected (self->start_row) == 1 &&
      parse_start (gtk_editable_get_text (GTK_EDITABLE (self->start_at_row))) <= g_get_real_time () / G_USEC_PER_SEC)
    return FALSE;
  /* A zone per row needs the column, chosen on step 2. */
  if (mode == GOVORUN_CAMPAIGN_ZONE_COLUMN && self->mapping != NULL)
    {
      g_autoptr(GovorunColumnMapping) mapping = _govorun_campaign_assistant_read_mapping (self);

      if (govorun_column_mapping_get_time_zone_column (mapping) < 0)
        return FALSE;
    }
  return TRUE;
}

GovorunCampaign *
_govorun_campaign_assistant_read_settings (GovorunCampaignAssistant *self)
{
  GovorunAgent *agent = _govorun_campaign_assistant_agent (self);
  g_autoptr(GovorunCampaign) campaign = NULL;
  g_autofree char *name = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (agent == NULL || !_govorun_campaign_assistant_settings_complete (self))
    return NULL;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  campaign = govorun_campaign_new ();
  govorun_campaign_set_state (campaign, GOVORUN_CAMPAIGN_STATE_DRAFT);
  govorun_campaign_set_name (campaign, name);
  govorun_campaign_set_agent_id (campaign, govorun_agent_get_uuid (agent));
  govorun_campaign_set_account_id (campaign, govorun_agent_get_vox_account_uuid (agent));
  govorun_campaign_set_caller_number (campaign, chosen_caller (self));
  govorun_campaign_set_created_at (campaign, now);
  govorun_campaign_set_start_at (campaign, adw_combo_row_get_selected (self->start_row) == 1
                                           ? parse_start (gtk_editable_get_text (GTK_EDITABLE (self->start_at_row)))
                                           : 0);
  govorun_campaign_set_window_start (campaign, gtk_spin_button_get_value_as_int (self->start_hour) * 60 +
                                               gtk_spin_button_get_value_as_int (self->start_minute));
  govorun_campaign_set_window_end (campaign, gtk_spin_button_get_value_as_int (self->end_hour) * 60 +
                                             gtk_spin_button_get_value_as_int (self->end_minute));
  govorun_campaign_set_allowed_days (campaign, chosen_days (self));
  govorun_campaign_set_zone_mode (campaign, adw_combo_row_get_selected (self->zone_mode_row));
  govorun_campaign_set_time_zone (campaign, chosen_zone (self));
  govorun_campaign_set_concurrency (campaign, gtk_spin_button_get_value_as_int (self->concurrency_spin));
  govorun_campaign_set_attempts (campaign, gtk_spin_button_get_value_as_int (self->attempts_spin));
  govorun_campaign_set_retry_interval_minutes (campaign, gtk_spin_button_get_value_as_int (self->retry_spin));
  govorun_campaign_set_priority (campaign, gtk_spin_button_get_value_as_int (self->priority_spin));
  govorun_campaign_set_debt_mode (campaign, gtk_switch_get_active (self->debt_switch));

  return g_steal_pointer (&campaign);
}

/* The agent's numbers as caller IDs. */
void
_govorun_campaign_assistant_agent_chosen (GovorunCampaignAssistant *self)
{
  GovorunAgent *agent = _govorun_campaign_assistant_agent (self);
  GPtrArray *numbers = agent != NULL ? govorun_agent_get_numbers (agent) : NULL;
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; numbers != NULL && i < numbers->len; i++)
    {
      GovorunAgentNumber *number = g_ptr_array_index (numbers, i);
      g_autofree char *shown = govorun_format_phone_number (number->number);
      g_autoptr(GtkStringObject) item = NULL;

      gtk_string_list_append (list, shown);
      item = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_object_set_data_full (G_OBJECT (item), "number", g_strdup (number->number), g_free);
    }
  adw_combo_row_set_model (self->caller_row, G_LIST_MODEL (list));
  _govorun_campaign_assistant_update_buttons (self);
}

/* The file's name, until the person names the campaign. */
void
_govorun_campaign_assistant_default_name (GovorunCampaignAssistant *self)
{
  g_autofree char *base = NULL;
  char *dot;

  if (*gtk_editable_get_text (GTK_EDITABLE (self->name_row)) != '\0' || self->file == NULL)
    return;
  base = g_file_get_basename (self->file);
  if (base == NULL)
    return;
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), base);
}

void
_govorun_campaign_assistant_settings_init (GovorunCampaignAssistant *self)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *local_id = g_time_zone_get_identifier (local);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = NULL;
  g_autofree char *start_text = NULL;
  guint selected = 1;  /* Moscow */
  gboolean known = FALSE;

  /* Monday first, named as the locale names it (1 January 2024 was a
   * Monday). */
  self->day_buttons = g_ptr_array_new ();
  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_new_utc (2024, 1, 1 + i, 12, 0, 0);
      g_autofree char *short_name = g_date_time_format (day, "%a");
      g_autofree char *long_name = g_date_time_format (day, "%A");
      GtkWidget *button = gtk_toggle_button_new_with_label (short_name);

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), (GOVORUN_CAMPAIGN_WEEKDAYS & (1u << i)) != 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, long_name, -1);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->days_box, button);
      g_ptr_array_add (self->day_buttons, button);
    }

  self->zones = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (known_zones); i++)
    known |= g_strcmp0 (known_zones[i], local_id) == 0;
  if (!known && local_id != NULL && g_strcmp0 (local_id, "UTC") != 0 && strchr (local_id, '/') != NULL)
    gtk_string_list_append (self->zones, local_id);
  for (guint i = 0; i < G_N_ELEMENTS (known_zones); i++)
    {
      if (g_strcmp0 (known_zones[i], local_id) == 0)
        selected = g_list_model_get_n_items (G_LIST_MODEL (self->zones));
      gtk_string_list_append (self->zones, known_zones[i]);
    }
  if (!known && local_id != NULL && strchr (local_id, '/') != NULL)
    selected = 0;
  adw_combo_row_set_model (self->zone_row, G_LIST_MODEL (self->zones));
  adw_combo_row_set_selected (self->zone_row, selected);

  /* A later start defaults to the next whole hour. */
  later = g_date_time_add_minutes (now, 60 - g_date_time_get_minute (now));
  start_text = g_date_time_format (later, "%Y-%m-%d %H:00");
  gtk_editable_set_text (GTK_EDITABLE (self->start_at_row), start_text);
}

void
_govorun_campaign_assistant_settings_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_settings_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_two_digits);
  gtk_widget_class_bind_template_callback (widget_class, on_debt_mode_changed);
}
