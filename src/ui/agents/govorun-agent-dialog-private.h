/* govorun-agent-dialog-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-agent-dialog.h"
#include "govorun-error-banner.h"

G_BEGIN_DECLS

/*
 * "New agent": four pages, one decision each — who answers (an ElevenLabs
 * agent, or the user's webhook bot, which needs none), which Voximplant
 * account and numbers, how the agent works, and the plan.
 * Nothing changes in either account before the last page's button, except
 * an explicit, confirmed fix of the agent's audio formats. The plan is
 * computed from the unsaved draft; the agent is saved only by the last
 * page's button, so Cancel anywhere leaves the saved agents as they were.
 */

/* What the files of the dialog share: one file a page (the -answerer,
 * -numbers and -plan files), the navigation and the setup in
 * govorun-agent-dialog.c. */

/* The items of the "Who Answers" row. */
enum {
  ENGINE_ROW_ELEVENLABS,
  ENGINE_ROW_WEBHOOK,
};

struct _GovorunAgentDialog
{
  AdwWindow               parent_instance;

  GovorunServices        *services;
  GovorunAgent           *editing;
  GovorunAgent           *planned;      /* the unsaved draft the plan shown is of */
  gboolean                plan_ready;
  gboolean                creating;
  GCancellable           *cancellable;
  /* Each list its own: searching agents must not cancel the numbers'
   * listing (which would leave the dialog busy); see update_buttons(). */
  GCancellable           *agents_cancellable;
  GCancellable           *numbers_cancellable;

  GListStore             *el_accounts;
  GListStore             *vox_accounts;
  GovorunVoiceAgent      *chosen;
  char                   *next_cursor;
  GPtrArray              *owned;        /* GovorunPhoneNumber of the chosen Voximplant account */
  GHashTable             *checked;      /* phone_id (gint64*) set */
  gboolean                busy;
  gboolean                numbers_busy;

  /* template children */
  AdwWindowTitle         *window_title;
  AdwHeaderBar           *header_bar;
  GtkWidget              *back_button;
  GtkWidget              *next_button;
  GtkWidget              *spinner;
  GtkStack               *stack;
  GovorunErrorBanner     *error_banner;
  AdwComboRow            *el_account_row;
  AdwEntryRow            *agent_id_row;
  GtkLabel               *agent_error_label;
  GtkSearchEntry         *agent_search;
  GtkListBox             *agents_list;
  GtkWidget              *more_agents_button;
  GtkWidget              *chosen_group;
  AdwPreferencesGroup    *engine_group;
  GtkWidget              *el_group;
  GtkWidget              *agents_group;
  AdwActionRow           *chosen_name_row;
  AdwActionRow           *chosen_message_row;
  AdwActionRow           *chosen_language_row;
  AdwActionRow           *chosen_variables_row;
  AdwActionRow           *chosen_audio_row;
  GtkWidget              *fix_audio_button;
  GtkLabel               *compliance_label;
  GtkWidget              *fix_message_button;
  AdwComboRow            *vox_account_row;
  GtkWidget              *buy_button;
  GtkListBox             *numbers_list;
  AdwEntryRow            *name_row;
  GtkSwitch              *inbound_switch;
  GtkSwitch              *outbound_switch;
  GtkSwitch              *record_switch;
  AdwComboRow            *engine_row;
  AdwEntryRow            *webhook_row;
  AdwEntryRow            *tenant_row;
  AdwComboRow            *language_row;
  AdwComboRow            *voice_row;
  gboolean                language_chosen;  /* by the person or the agent edited: keep it */
  GtkListBox             *plan_list;
  GtkLabel               *plan_error_label;
};

/* govorun-agent-dialog.c */
void            _govorun_agent_dialog_set_subtitle      (AdwActionRow       *row,
                                                         const char         *text);
/* A borrowed pointer to the account chosen in @row, or NULL. */
GovorunAccount *_govorun_agent_dialog_selected_account  (AdwComboRow        *row,
                                                         GListStore         *store);
gboolean        _govorun_agent_dialog_uses_webhook      (GovorunAgentDialog *self);
void            _govorun_agent_dialog_update_buttons    (GovorunAgentDialog *self);
void            _govorun_agent_dialog_set_busy          (GovorunAgentDialog *self,
                                                         gboolean            busy);
void            _govorun_agent_dialog_reset_cancellable (GCancellable      **cancellable);
/* The saved agent: emits "done" and closes. */
void            _govorun_agent_dialog_done              (GovorunAgentDialog *self,
                                                         GovorunAgent       *saved);

/* govorun-agent-dialog-answerer.c: page 1, who answers */
const char     *_govorun_agent_dialog_bot_language      (GovorunAgentDialog *self);
const char     *_govorun_agent_dialog_bot_voice         (GovorunAgentDialog *self);
void            _govorun_agent_dialog_fill_voices       (GovorunAgentDialog *self,
                                                         const char         *voice_id);
void            _govorun_agent_dialog_set_bot_language  (GovorunAgentDialog *self,
                                                         const char         *language);
void            _govorun_agent_dialog_fetch_agent       (GovorunAgentDialog *self,
                                                         const char         *agent_id);
/* Lists the ElevenLabs account's agents again, or @more of them. */
void            _govorun_agent_dialog_list_agents       (GovorunAgentDialog *self,
                                                         gboolean            more);
void            _govorun_agent_dialog_answerer_class_init (GtkWidgetClass   *widget_class);

/* govorun-agent-dialog-numbers.c: page 2, the account and its numbers */
void            _govorun_agent_dialog_list_numbers      (GovorunAgentDialog *self);
void            _govorun_agent_dialog_numbers_class_init (GtkWidgetClass    *widget_class);

/* govorun-agent-dialog-plan.c: page 4, the plan of the unsaved draft */
void            _govorun_agent_dialog_make_plan         (GovorunAgentDialog *self);
void            _govorun_agent_dialog_save_planned      (GovorunAgentDialog *self);

G_END_DECLS
