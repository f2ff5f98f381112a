/* govorun-agent-dialog-answerer.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAgentDialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-agent-analysis-section.h"
#include "govorun-agent-catalog.h"
#include "govorun-agent-dialog-private.h"
#include "govorun-bot-voice.h"
#include "govorun-empty-state.h"
#include "govorun-first-message.h"
#include "govorun-format.h"
#include "govorun-toast.h"

/*
 * Page 1 of New Agent: who answers. An ElevenLabs agent, picked from the
 * account's list or pasted by ID (and its audio formats fixed, when asked),
 * or the user's webhook bot with its language and voice.
 */

/* The VoxEngine ElevenLabs module exchanges 16 kHz PCM both ways. */
#define NEEDED_FORMAT "pcm_16000"

/* The items of the language row. */
static const char * const bot_languages[] = { GOVORUN_BOT_LANGUAGE_RUSSIAN, GOVORUN_BOT_LANGUAGE_ENGLISH };

/* The webhook bot's language and voice. */

const char *
_govorun_agent_dialog_bot_language (GovorunAgentDialog *self)
{
  guint i = adw_combo_row_get_selected (self->language_row);

  return i < G_N_ELEMENTS (bot_languages) ? bot_languages[i] : GOVORUN_BOT_LANGUAGE_RUSSIAN;
}

/* The language's voices, @voice_id selected (the first when NULL or not
 * among them). */
void
_govorun_agent_dialog_fill_voices (GovorunAgentDialog *self,
                                   const char         *voice_id)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const GovorunBotVoice *voices;
  guint n, selected = 0;

  voices = govorun_bot_voices_for_language (_govorun_agent_dialog_bot_language (self), &n);
  for (guint i = 0; i < n; i++)
    {
      gtk_string_list_append (labels, _(voices[i].label));
      if (g_strcmp0 (voices[i].id, voice_id) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->voice_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->voice_row, selected);
}

const char *
_govorun_agent_dialog_bot_voice (GovorunAgentDialog *self)
{
  const GovorunBotVoice *voices;
  guint n;
  guint i = adw_combo_row_get_selected (self->voice_row);

  voices = govorun_bot_voices_for_language (_govorun_agent_dialog_bot_language (self), &n);
  return i < n ? voices[i].id : voices[0].id;
}

void
_govorun_agent_dialog_set_bot_language (GovorunAgentDialog *self,
                                        const char         *language)
{
  const char *code = govorun_bot_language_for_tag (language);

  for (guint i = 0; i < G_N_ELEMENTS (bot_languages); i++)
    if (g_str_equal (bot_languages[i], code))
      adw_combo_row_set_selected (self->language_row, i);
}

/* -- page 1: the ElevenLabs agent -- */

static void
show_chosen (GovorunAgentDialog *self)
{
  GovorunVoiceAgent *agent = self->chosen;
  const char *first_message;
  const char *input_format;
  const char *output_format;
  const char * const *names;
  g_autofree char *variables = NULL;
  g_autofree char *formats = NULL;
  gboolean formats_ok;
  g_autofree char *advice = NULL;

  gtk_widget_set_visible (self->chosen_group, agent != NULL && !_govorun_agent_dialog_uses_webhook (self));
  if (agent == NULL)
    return;

  first_message = govorun_voice_agent_get_first_message (agent);
  input_format = govorun_voice_agent_get_input_audio_format (agent);
  output_format = govorun_voice_agent_get_output_audio_format (agent);
  names = govorun_voice_agent_get_dynamic_variable_names (agent);

  _govorun_agent_dialog_set_subtitle (self->chosen_name_row, govorun_voice_agent_get_name (agent));
  _govorun_agent_dialog_set_subtitle (self->chosen_message_row, *first_message ?
                                      first_message : _("(none: the agent waits for the caller to speak)"));
  _govorun_agent_dialog_set_subtitle (self->chosen_language_row,
                                      govorun_format_language_name (govorun_voice_agent_get_language (agent)));

  if (names[0] != NULL)
    variables = g_strjoinv (", ", (char **) names);
  else
    variables = g_strdup (_("None"));
  _govorun_agent_dialog_set_subtitle (self->chosen_variables_row, variables);

  formats_ok = g_strcmp0 (input_format, NEEDED_FORMAT) == 0 &&
               g_strcmp0 (output_format, NEEDED_FORMAT) == 0;
  if (formats_ok)
    /* Translators: audio formats of the caller's and the agent's voice */
    formats = g_strdup_printf (_("Caller %s, agent %s: suits Voximplant"),
                               input_format, output_format);
  else
    formats = g_strdup_printf (_("Caller %s, agent %s. Voximplant's ElevenLabs module needs 16 kHz PCM (pcm_16000) both ways; calls would sound wrong."),
                               input_format, output_format);
  _govorun_agent_dialog_set_subtitle (self->chosen_audio_row, formats);
  gtk_widget_set_visible (self->fix_audio_button, !formats_ok);
  if (formats_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->chosen_audio_row), "warning");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->chosen_audio_row), "warning");

  /* Russian rules ahead: the first sentence says it is a robot and that
   * the call is recorded (govorun-first-message). */
  advice = govorun_first_message_describe (govorun_first_message_check (first_message));
  gtk_label_set_text (self->compliance_label, advice != NULL ? advice : "");
  gtk_widget_set_visible (GTK_WIDGET (self->compliance_label), advice != NULL);
  gtk_widget_set_visible (self->fix_message_button, advice != NULL);

  /* The bot speaks the agent's language unless told otherwise. */
  if (!self->language_chosen)
    {
      _govorun_agent_dialog_set_bot_language (self, govorun_voice_agent_get_language (agent));
      self->language_chosen = FALSE;
    }

  /* A sensible default name, once. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->name_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), govorun_voice_agent_get_name (agent));
}

/* The one way the dialog reaches the agent catalog. */
static GovorunAgentCatalog *
get_catalog (GovorunAgentDialog *self)
{
  return govorun_services_get_agent_catalog (self->services);
}

static void
agent_fetched_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GovorunAgentDialog *self = user_data; /* borrowed: dispose cancels */
  g_autoptr(GError) error = NULL;
  GovorunVoiceAgent *agent;
  const char *agent_id;

  agent = govorun_agent_catalog_get_finish (GOVORUN_AGENT_CATALOG (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _govorun_agent_dialog_set_busy (self, FALSE);

  /* Whatever was chosen before is not what the ID field says any more. */
  g_clear_object (&self->chosen);
  self->chosen = agent;
  agent_id = agent != NULL ? govorun_voice_agent_get_id (agent) : NULL;

  if (agent == NULL)
    {
      /* Only an answer about the agent marks the ID; an unreadable key does not. */
      if (!g_error_matches (error, GOVORUN_AGENT_CATALOG_ERROR, GOVORUN_AGENT_CATALOG_ERROR_SECRET_UNAVAILABLE))
        gtk_widget_add_css_class (GTK_WIDGET (self->agent_id_row), "error");
      /* In the page, where it can be read whole, next to the field. */
      gtk_label_set_text (self->agent_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->agent_error_label), TRUE);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->agent_id_row), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->agent_error_label), FALSE);
    }

  /* Mark the chosen one in the list. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->agents_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "check") != NULL)
      gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "check"),
                              g_strcmp0 (g_object_get_data (G_OBJECT (row), "agent-id"),
                                         agent_id) == 0);
  if (agent_id != NULL && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->agent_id_row)), agent_id) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->agent_id_row), agent_id);
  show_chosen (self);
  _govorun_agent_dialog_update_buttons (self);
}

void
_govorun_agent_dialog_fetch_agent (GovorunAgentDialog *self,
                                   const char         *agent_id)
{
  GovorunAccount *account = _govorun_agent_dialog_selected_account (self->el_account_row, self->el_accounts);
  g_autofree char *stripped = NULL;

  if (account == NULL || agent_id == NULL || *agent_id == '\0')
    return;

  _govorun_agent_dialog_reset_cancellable (&self->cancellable);
  _govorun_agent_dialog_set_busy (self, TRUE);
  stripped = g_strstrip (g_strdup (agent_id));
  govorun_agent_catalog_get_async (get_catalog (self), account, stripped, self->cancellable,
                                   agent_fetched_cb, self);
}

static void
on_agent_id_apply (GovorunAgentDialog *self)
{
  _govorun_agent_dialog_fetch_agent (self, gtk_editable_get_text (GTK_EDITABLE (self->agent_id_row)));
}

static void
on_agent_row_activated (GovorunAgentDialog *self,
                        GtkListBoxRow      *row)
{
  const char *agent_id = g_object_get_data (G_OBJECT (row), "agent-id");

  if (agent_id != NULL)
    _govorun_agent_dialog_fetch_agent (self, agent_id);
}

static void
agents_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GovorunAgentDialog *self = user_data; /* borrowed: dispose cancels */
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *next_cursor = NULL;

  agents = govorun_agent_catalog_list_finish (GOVORUN_AGENT_CATALOG (object), result, &next_cursor, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Nothing was asked when the key could not be read: the banner, as for
   * any account trouble; an answer's error stays in the list. */
  if (g_error_matches (error, GOVORUN_AGENT_CATALOG_ERROR, GOVORUN_AGENT_CATALOG_ERROR_SECRET_UNAVAILABLE))
    {
      govorun_error_show (GTK_WIDGET (self), error->message);
      return;
    }

  if (agents == NULL)
    {
      GtkWidget *label = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_append (self->agents_list, label);
      return;
    }

  for (guint i = 0; i < agents->len; i++)
    {
      GovorunVoiceAgent *agent = g_ptr_array_index (agents, i);
      const char *agent_id = govorun_voice_agent_get_id (agent);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check;
      g_autofree char *escaped = g_markup_escape_text (govorun_voice_agent_get_name (agent), -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      _govorun_agent_dialog_set_subtitle (ADW_ACTION_ROW (row), agent_id);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      check = gtk_image_new_from_icon_name ("object-select-symbolic");
      gtk_widget_set_visible (check, self->chosen != NULL &&
                              g_strcmp0 (govorun_voice_agent_get_id (self->chosen), agent_id) == 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "check", check);
      g_object_set_data_full (G_OBJECT (row), "agent-id", g_strdup (agent_id), g_free);
      gtk_list_box_append (self->agents_list, row);
    }

  if (gtk_widget_get_first_child (GTK_WIDGET (self->agents_list)) == NULL)
    {
      if (*gtk_editable_get_text (GTK_EDITABLE (self->agent_search)) != '\0')
        govorun_empty_state_set (self->agents_list, "edit-find-symbolic", _("No Matching Agents"),
                                 _("No agent in this account has that in its name. Try another search or paste the agent’s ID above."));
      else
        govorun_empty_state_set (self->agents_list, "system-users-symbolic", _("No Agents in This Account"),
                                 _("Create an agent in ElevenLabs first, then come back here."));
    }

  g_free (self->next_cursor);
  self->next_cursor = g_steal_pointer (&next_cursor);
  gtk_widget_set_visible (self->more_agents_button, self->next_cursor != NULL);
}

void
_govorun_agent_dialog_list_agents (GovorunAgentDialog *self,
                                   gboolean            more)
{
  GovorunAccount *account = _govorun_agent_dialog_selected_account (self->el_account_row, self->el_accounts);

  if (!more)
    {
      govorun_empty_state_clear_rows (self->agents_list);
      govorun_empty_state_set (self->agents_list, NULL, NULL, NULL);
      gtk_widget_set_visible (self->more_agents_button, FALSE);
    }

  if (account == NULL)
    return;

  _govorun_agent_dialog_reset_cancellable (&self->agents_cancellable);
  govorun_agent_catalog_list_async (get_catalog (self), account,
                                    gtk_editable_get_text (GTK_EDITABLE (self->agent_search)),
                                    more ? self->next_cursor : NULL, self->agents_cancellable,
                                    agents_listed_cb, self);
}

static void
on_el_account_changed (GovorunAgentDialog *self)
{
  if (self->services != NULL)
    _govorun_agent_dialog_list_agents (self, FALSE);
}

static void
on_agent_search_changed (GovorunAgentDialog *self)
{
  _govorun_agent_dialog_list_agents (self, FALSE);
}

static void
on_more_agents_clicked (GovorunAgentDialog *self)
{
  _govorun_agent_dialog_list_agents (self, TRUE);
}

/* Fixing the audio formats changes the ElevenLabs agent: ask first. */

static void
audio_fixed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GovorunAgentDialog *self = user_data; /* borrowed: dispose cancels */
  g_autoptr(GError) error = NULL;
  GovorunVoiceAgent *agent;

  agent = govorun_agent_catalog_set_audio_formats_finish (GOVORUN_AGENT_CATALOG (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _govorun_agent_dialog_set_busy (self, FALSE);

  if (agent == NULL)
    {
      govorun_error_show (GTK_WIDGET (self), error->message);
      return;
    }

  g_clear_object (&self->chosen);
  self->chosen = agent;
  show_chosen (self);
  govorun_toast_show (GTK_WIDGET (self), _("The agent now uses 16 kHz PCM both ways"));
}

static void
fix_response_cb (AdwMessageDialog   *dialog,
                 const char         *response,
                 GovorunAgentDialog *self)
{
  GovorunAccount *account = _govorun_agent_dialog_selected_account (self->el_account_row, self->el_accounts);

  if (g_strcmp0 (response, "fix") != 0 || account == NULL || self->chosen == NULL)
    return;

  _govorun_agent_dialog_reset_cancellable (&self->cancellable);
  _govorun_agent_dialog_set_busy (self, TRUE);
  govorun_agent_catalog_set_audio_formats_async (get_catalog (self), account,
                                                 govorun_voice_agent_get_id (self->chosen),
                                                 NEEDED_FORMAT, NEEDED_FORMAT, self->cancellable,
                                                 audio_fixed_cb, self);
}

static void
on_fix_audio_clicked (GovorunAgentDialog *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Change the Agent's Audio Formats?"),
                                   _("Govorun sets the agent's input and output audio to 16 kHz PCM in ElevenLabs. Other places that use this agent (a website widget, other phone integrations) get the same formats."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "fix", _("_Change Formats"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "fix",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (fix_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The first message's fix: a PATCH of only the first message, then the
 * agent read again. */
static void
message_fixed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GovorunAgentDialog *self = user_data; /* borrowed: dispose cancels */
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunAnalysisSettings) settings = NULL;

  settings = govorun_agent_analysis_save_finish (GOVORUN_AGENT_ANALYSIS (object), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _govorun_agent_dialog_set_busy (self, FALSE);
  if (settings == NULL)
    {
      govorun_error_show (GTK_WIDGET (self), error->message);
      return;
    }

  govorun_toast_show (GTK_WIDGET (self), _("The first message now says it is a robot and the call is recorded"));
  if (self->chosen != NULL)
    _govorun_agent_dialog_fetch_agent (self, govorun_voice_agent_get_id (self->chosen));
}

static void
fix_message_response_cb (AdwMessageDialog   *dialog,
                         const char         *response,
                         GovorunAgentDialog *self)
{
  GovorunAccount *account = _govorun_agent_dialog_selected_account (self->el_account_row, self->el_accounts);
  g_autoptr(GovorunAnalysisSettings) read = NULL;
  g_autoptr(GovorunAnalysisSettings) wanted = NULL;

  if (g_strcmp0 (response, "rewrite") != 0 || account == NULL || self->chosen == NULL)
    return;

  /* Only the first message differs, so only it is sent. */
  read = govorun_analysis_settings_new ();
  g_free (read->first_message);
  read->first_message = g_strdup (govorun_voice_agent_get_first_message (self->chosen));
  wanted = govorun_analysis_settings_copy (read);
  g_free (wanted->first_message);
  wanted->first_message = g_strdup (g_object_get_data (G_OBJECT (dialog), "govorun-fixed"));

  _govorun_agent_dialog_reset_cancellable (&self->cancellable);
  _govorun_agent_dialog_set_busy (self, TRUE);
  govorun_agent_analysis_save_async (govorun_services_get_agent_analysis (self->services), account,
                                     govorun_voice_agent_get_id (self->chosen), read, wanted,
                                     self->cancellable, message_fixed_cb, self);
}

static void
on_fix_message_clicked (GovorunAgentDialog *self)
{
  g_autofree char *fixed = NULL;
  GtkWidget *dialog;

  if (self->chosen == NULL)
    return;

  fixed = govorun_first_message_fix (govorun_voice_agent_get_first_message (self->chosen),
                                     govorun_voice_agent_get_language (self->chosen));
  dialog = govorun_agent_analysis_section_fix_dialog_new (GTK_WINDOW (self), fixed);
  g_signal_connect_object (dialog, "response", G_CALLBACK (fix_message_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* -- page 1: who answers; page 3: setup -- */

static void
on_language_changed (GovorunAgentDialog *self)
{
  self->language_chosen = TRUE;
  _govorun_agent_dialog_fill_voices (self, NULL);
}

static void
on_setup_changed (GovorunAgentDialog *self)
{
  gboolean webhook = _govorun_agent_dialog_uses_webhook (self);

  gtk_widget_set_visible (GTK_WIDGET (self->webhook_row), webhook);
  gtk_widget_set_visible (GTK_WIDGET (self->tenant_row), webhook);
  gtk_widget_set_visible (GTK_WIDGET (self->language_row), webhook);
  gtk_widget_set_visible (GTK_WIDGET (self->voice_row), webhook);
  /* A webhook bot needs no ElevenLabs agent. */
  gtk_widget_set_visible (self->el_group, !webhook);
  gtk_widget_set_visible (self->agents_group, !webhook);
  gtk_widget_set_visible (self->chosen_group, !webhook && self->chosen != NULL);
  adw_preferences_group_set_description (self->engine_group, webhook
    ? _("Voximplant recognises the caller's speech, sends it to your bot's address and speaks the bot's answers, on inbound and outbound calls. The business ID tells your bot which of its businesses the call is for; enter the one it expects.")
    : NULL);
  _govorun_agent_dialog_update_buttons (self);
}

void
_govorun_agent_dialog_answerer_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_el_account_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_agent_id_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_agent_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_agent_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_more_agents_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_fix_audio_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_fix_message_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_language_changed);
}
