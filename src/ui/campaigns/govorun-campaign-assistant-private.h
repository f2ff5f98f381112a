/* govorun-campaign-assistant-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-campaign-assistant.h"
#include "govorun-error-banner.h"

G_BEGIN_DECLS

/*
 * "New campaign": five steps, one decision each — the file, its columns
 * (with the agent, whose variables they feed), when and how to call, the
 * preflight report of the prepared draft, and the start. Entering step 4
 * prepares a draft (streamed into the store by the service, atomically);
 * going back from it, or Cancel and Escape anywhere, delete that draft, so
 * a cancelled assistant leaves nothing behind. Only step 5's button sends
 * anything to Voximplant.
 */

/* What the files of the assistant share: one file a step (-file, -mapping,
 * -settings, -preflight), the navigation in govorun-campaign-assistant.c. */

enum {
  STEP_FILE,
  STEP_MAPPING,
  STEP_SETTINGS,
  STEP_PREFLIGHT,
  STEP_START,
  N_STEPS
};

struct _GovorunCampaignAssistant
{
  AdwWindow             parent_instance;

  GovorunServices      *services;
  GCancellable         *cancellable;       /* the running request's */
  guint                 busy;              /* requests running */

  /* step 1 */
  GFile                *file;
  GovorunImportPreview *preview;
  gboolean              filling_sheets;    /* the sheet row is being filled: not a choice */

  /* step 2 */
  GListStore           *agents;            /* the outbound-capable GovorunAgent */
  GStrv                 variables;         /* the chosen agent's */
  /* Its own: reading a new file must not cancel the agent's variables. */
  GCancellable         *variables_cancellable;
  gboolean              variables_busy;
  GPtrArray            *variable_rows;     /* AdwComboRow, one a variable */
  GovorunColumnMapping *mapping;
  gboolean              filling_mapping;

  /* step 3 */
  GPtrArray            *day_buttons;       /* GtkToggleButton, Monday first */
  GtkStringList        *zones;

  /* Add Contacts: the running campaign the file goes to (only the file
   * and the columns steps). */
  GovorunCampaign      *append_to;

  /* step 4 */
  GovorunCampaign      *draft;             /* prepared and saved, not started */
  GovorunPreflight     *preflight;
  gboolean              preparing;
  guint                 recount_id;        /* a recount after the do-not-call list changed */
  gboolean              watching_dnc;

  /* template children */
  AdwWindowTitle       *window_title;
  AdwHeaderBar         *header_bar;
  GtkWidget            *back_button;
  GtkWidget            *next_button;
  GtkWidget            *spinner;
  GovorunErrorBanner   *error_banner;
  GtkStack             *stack;
  AdwActionRow         *file_row;
  AdwComboRow          *sheet_row;
  AdwActionRow         *format_row;
  GtkWidget            *preview_label;
  GtkWidget            *preview_scroller;
  GtkColumnView        *preview_view;
  AdwComboRow          *agent_row;
  AdwComboRow          *phone_row;
  AdwComboRow          *zone_column_row;
  AdwPreferencesGroup  *variables_group;
  AdwEntryRow          *name_row;
  AdwComboRow          *caller_row;
  AdwComboRow          *start_row;
  AdwEntryRow          *start_at_row;
  GtkSpinButton        *start_hour;
  GtkSpinButton        *start_minute;
  GtkSpinButton        *end_hour;
  GtkSpinButton        *end_minute;
  GtkBox               *days_box;
  AdwComboRow          *zone_mode_row;
  AdwComboRow          *zone_row;
  AdwActionRow         *debt_row;
  GtkSwitch            *debt_switch;
  AdwActionRow         *hours_row;
  GtkSpinButton        *concurrency_spin;
  GtkSpinButton        *attempts_spin;
  GtkSpinButton        *retry_spin;
  GtkSpinButton        *priority_spin;
  GtkStack             *preflight_stack;
  GtkProgressBar       *prepare_progress;
  GtkLabel             *rows_label;
  GtkLabel             *valid_label;
  GtkLabel             *invalid_label;
  GtkLabel             *duplicates_label;
  GtkLabel             *dnc_label;
  GtkLabel             *missing_label;
  GtkWidget            *held_row;
  GtkLabel             *held_label;
  GtkLabel             *minutes_label;
  AdwActionRow         *cost_row;
  GtkLabel             *cost_label;
  GtkLabel             *finish_label;
  GtkWidget            *issues_group;
  GtkListView          *issues_view;
  GtkWidget            *export_invalid_button;
  GtkLabel             *reminder_label;
  AdwActionRow         *summary_agent_row;
  AdwActionRow         *summary_contacts_row;
  AdwActionRow         *summary_when_row;
  GtkCheckButton       *agreement_check;
};

/* govorun-campaign-assistant.c */
void             _govorun_campaign_assistant_update_buttons (GovorunCampaignAssistant *self);
void             _govorun_campaign_assistant_set_busy       (GovorunCampaignAssistant *self,
                                                             gboolean                  busy);
/* Cancels the running request and gives a fresh cancellable. */
GCancellable    *_govorun_campaign_assistant_renew          (GovorunCampaignAssistant *self);
/* Shows @error in the banner unless it is a cancellation; ends busy. */
void             _govorun_campaign_assistant_fail           (GovorunCampaignAssistant *self,
                                                             GError                   *error);
void             _govorun_campaign_assistant_set_subtitle   (AdwActionRow             *row,
                                                             const char               *text);
GovorunCampaigns *_govorun_campaign_assistant_campaigns     (GovorunCampaignAssistant *self);
/* Emits "done" with the started campaign and closes: the draft is a
 * campaign now and stays. */
void             _govorun_campaign_assistant_done           (GovorunCampaignAssistant *self,
                                                             GovorunCampaign          *started);

/* govorun-campaign-assistant-file.c: step 1 */
gboolean         _govorun_campaign_assistant_file_complete  (GovorunCampaignAssistant *self);
void             _govorun_campaign_assistant_file_class_init (GtkWidgetClass          *widget_class);

/* govorun-campaign-assistant-mapping.c: step 2 */
void             _govorun_campaign_assistant_fill_agents    (GovorunCampaignAssistant *self);
/* The agent chosen (borrowed), or NULL. */
GovorunAgent    *_govorun_campaign_assistant_agent          (GovorunCampaignAssistant *self);
/* The columns of a new preview: the mapping suggested again. */
void             _govorun_campaign_assistant_columns_changed (GovorunCampaignAssistant *self);
gboolean         _govorun_campaign_assistant_mapping_complete (GovorunCampaignAssistant *self);
/* The mapping as the rows show it (a new object). */
GovorunColumnMapping *_govorun_campaign_assistant_read_mapping (GovorunCampaignAssistant *self);
void             _govorun_campaign_assistant_mapping_class_init (GtkWidgetClass       *widget_class);

/* govorun-campaign-assistant-settings.c: step 3 */
void             _govorun_campaign_assistant_settings_init  (GovorunCampaignAssistant *self);
/* The caller numbers of the agent chosen. */
void             _govorun_campaign_assistant_agent_chosen   (GovorunCampaignAssistant *self);
/* Names the campaign after the file, unless named already. */
void             _govorun_campaign_assistant_default_name   (GovorunCampaignAssistant *self);
gboolean         _govorun_campaign_assistant_settings_complete (GovorunCampaignAssistant *self);
/* A DRAFT campaign with the settings shown (a new object), or NULL when
 * a setting is incomplete. */
GovorunCampaign *_govorun_campaign_assistant_read_settings  (GovorunCampaignAssistant *self);
void             _govorun_campaign_assistant_settings_class_init (GtkWidgetClass      *widget_class);

/* govorun-campaign-assistant-preflight.c: steps 4 and 5 */
void             _govorun_campaign_assistant_prepare        (GovorunCampaignAssistant *self);
/* Deletes the prepared draft (going back, or closing). */
void             _govorun_campaign_assistant_drop_draft     (GovorunCampaignAssistant *self);
void             _govorun_campaign_assistant_fill_summary   (GovorunCampaignAssistant *self);
void             _govorun_campaign_assistant_start          (GovorunCampaignAssistant *self);
/* The issues list's rows; once, from the assistant's init. */
void             _govorun_campaign_assistant_setup_issues   (GovorunCampaignAssistant *self);
void             _govorun_campaign_assistant_preflight_class_init (GtkWidgetClass     *widget_class);

G_END_DECLS
