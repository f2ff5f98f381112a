/* govorun-agent-dialog.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAgentDialog"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-agent-catalog.h"
#include "govorun-agent-dialog.h"
#include "govorun-bot-voice.h"
#include "govorun-buy-number-dialog.h"
#include "govorun-empty-state.h"
#include "govorun-first-field.h"
#include "govorun-format.h"
#include "govorun-row-text.h"
#include "govorun-search-shortcut.h"
#include "govorun-toast.h"

/*
 * "New agent": four pages, one decision each — who answers (an ElevenLabs
 * agent, or the user's webhook bot, which needs none), which Voximplant
 * account and numbers, how the agent works, and the plan.
 * Nothing changes in either account before the last page's button, except
 * an explicit, confirmed fix of the agent's audio formats. The plan is
 * computed from the unsaved draft; the agent is saved only by the last
 * page's button, so Cancel anywhere leaves the saved agents as they were.
 */

/* The VoxEngine ElevenLabs module exchanges 16 kHz PCM both ways. */
#define NEEDED_FORMAT "pcm_16000"

enum {
  ENGINE_ROW_ELEVENLABS,
  ENGINE_ROW_WEBHOOK,
};

/* The items of the language row. */
static const char * const bot_languages[] = { GOVORUN_BOT_LANGUAGE_RUSSIAN, GOVORUN_BOT_LANGUAGE_ENGLISH };

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
  GtkWidget              *back_button;
  GtkWidget              *next_button;
  GtkWidget              *spinner;
  GtkStack               *stack;
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

G_DEFINE_FINAL_TYPE (GovorunAgentDialog, govorun_agent_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *pages[] = { "agent", "numbers", "setup", "plan" };

static guint
current_page (GovorunAgentDialog *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (name, pages[i]) == 0)
      return i;

  return 0;
}

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  adw_action_row_set_subtitle (row, escaped);
}

static GovorunAccount *
selected_account (AdwComboRow *row,
                  GListStore  *store)
{
  guint i = adw_combo_row_get_selected (row);

  if (i == GTK_INVALID_LIST_POSITION || i >= g_list_model_get_n_items (G_LIST_MODEL (store)))
    return NULL;

  /* the store holds a reference; return a borrowed pointer */
  {
    g_autoptr(GovorunAccount) account = g_list_model_get_item (G_LIST_MODEL (store), i);
    return account;
  }
}

/* "Who answers", for inbound and outbound calls alike. */
static gboolean
uses_webhook (GovorunAgentDialog *self)
{
  return adw_combo_row_get_selected (self->engine_row) == ENGINE_ROW_WEBHOOK;
}

/* The webhook bot's language and voice. */

static const char *
bot_language (GovorunAgentDialog *self)
{
  guint i = adw_combo_row_get_selected (self->language_row);

  return i < G_N_ELEMENTS (bot_languages) ? bot_languages[i] : GOVORUN_BOT_LANGUAGE_RUSSIAN;
}

/* The language's voices, @voice_id selected (the first when NULL or not
 * among them). */
static void
fill_voices (GovorunAgentDialog *self,
             const char         *voice_id)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const GovorunBotVoice *voices;
  guint n, selected = 0;

  voices = govorun_bot_voices_for_language (bot_language (self), &n);
  for (guint i = 0; i < n; i++)
    {
      gtk_string_list_append (labels, _(voices[i].label));
      if (g_strcmp0 (voices[i].id, voice_id) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->voice_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->voice_row, selected);
}

static const char *
bot_voice (GovorunAgentDialog *self)
{
  const GovorunBotVoice *voices;
  guint n;
  guint i = adw_combo_row_get_selected (self->voice_row);

  voices = govorun_bot_voices_for_language (bot_language (self), &n);
  return i < n ? voices[i].id : voices[0].id;
}

static void
set_bot_language (GovorunAgentDialog *self,
                  const char         *language)
{
  const char *code = govorun_bot_language_for_tag (language);

  for (guint i = 0; i < G_N_ELEMENTS (bot_languages); i++)
    if (g_str_equal (bot_languages[i], code))
      adw_combo_row_set_selected (self->language_row, i);
}

static gboolean
page_complete (GovorunAgentDialog *self,
               guint               page)
{
  switch (page)
    {
    case 0:
      if (uses_webhook (self))
        {
          const char *url = gtk_editable_get_text (GTK_EDITABLE (self->webhook_row));
          g_autofree char *tenant = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tenant_row))));

          return (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")) && *tenant != '\0';
        }
      return self->chosen != NULL;

    case 1:
      /* Inbound calls arrive on a number; outbound calls show one as the
       * caller ID (VoxEngine needs a rented number there). */
      return selected_account (self->vox_account_row, self->vox_accounts) != NULL &&
             g_hash_table_size (self->checked) > 0;

    case 2:
      {
        g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
        gboolean any = gtk_switch_get_active (self->inbound_switch) ||
                       gtk_switch_get_active (self->outbound_switch);

        return *name != '\0' && any;
      }

    case 3:
      return self->plan_ready;

    default:
      return FALSE;
    }
}

static void
update_buttons (GovorunAgentDialog *self)
{
  guint page = current_page (self);

  gtk_button_set_label (GTK_BUTTON (self->back_button), page == 0 ? _("_Cancel") : _("_Back"));

  if (page == 3)
    gtk_button_set_label (GTK_BUTTON (self->next_button),
                          self->creating ? _("C_reate and Configure") : _("_Save and Deploy"));
  else
    gtk_button_set_label (GTK_BUTTON (self->next_button), _("_Next"));

  /* Each request has its own cancellable and flag: one request replacing
   * another of a different kind must not leave the spinner running. */
  gboolean busy = self->busy || self->numbers_busy;

  gtk_widget_set_sensitive (self->next_button, !busy && page_complete (self, page));
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
}

static void
set_busy (GovorunAgentDialog *self,
          gboolean            busy)
{
  self->busy = busy;
  update_buttons (self);
}

static void
reset_cancellable (GCancellable **cancellable)
{
  g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
  *cancellable = g_cancellable_new ();
}

/* -- page 1: the ElevenLabs agent -- */

static gboolean
mentions_any (const char         *text,
              const char * const *words)
{
  g_autofree char *folded = g_utf8_casefold (text ? text : "", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = g_utf8_casefold (words[i], -1);

      if (strstr (folded, word) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
show_chosen (GovorunAgentDialog *self)
{
  static const char * const robot_words[] = { "робот", "виртуальн", "ассистент", "искусствен", "ИИ ",
                                              "robot", "virtual", "assistant", "AI ", NULL };
  static const char * const record_words[] = { "запис", "record", NULL };
  GovorunVoiceAgent *agent = self->chosen;
  const char *first_message;
  const char *input_format;
  const char *output_format;
  const char * const *names;
  g_autofree char *variables = NULL;
  g_autofree char *formats = NULL;
  gboolean formats_ok;
  GString *advice;

  gtk_widget_set_visible (self->chosen_group, agent != NULL && !uses_webhook (self));
  if (agent == NULL)
    return;

  first_message = govorun_voice_agent_get_first_message (agent);
  input_format = govorun_voice_agent_get_input_audio_format (agent);
  output_format = govorun_voice_agent_get_output_audio_format (agent);
  names = govorun_voice_agent_get_dynamic_variable_names (agent);

  set_subtitle (self->chosen_name_row, govorun_voice_agent_get_name (agent));
  set_subtitle (self->chosen_message_row, *first_message ?
                first_message : _("(none: the agent waits for the caller to speak)"));
  set_subtitle (self->chosen_language_row, govorun_format_language_name (govorun_voice_agent_get_language (agent)));

  if (names[0] != NULL)
    variables = g_strjoinv (", ", (char **) names);
  else
    variables = g_strdup (_("None"));
  set_subtitle (self->chosen_variables_row, variables);

  formats_ok = g_strcmp0 (input_format, NEEDED_FORMAT) == 0 &&
               g_strcmp0 (output_format, NEEDED_FORMAT) == 0;
  if (formats_ok)
    /* Translators: audio formats of the caller's and the agent's voice */
    formats = g_strdup_printf (_("Caller %s, agent %s: suits Voximplant"),
                               input_format, output_format);
  else
    formats = g_strdup_printf (_("Caller %s, agent %s. Voximplant's ElevenLabs module needs 16 kHz PCM (pcm_16000) both ways; calls would sound wrong."),
                               input_format, output_format);
  set_subtitle (self->chosen_audio_row, formats);
  gtk_widget_set_visible (self->fix_audio_button, !formats_ok);
  if (formats_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->chosen_audio_row), "warning");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->chosen_audio_row), "warning");

  /* Russian rules ahead: say it is a robot and that the call is recorded. */
  advice = g_string_new (NULL);
  if (!mentions_any (first_message, robot_words))
    g_string_append (advice, _("The first message does not tell callers they are talking to a robot. A pending Russian law would require that within the first 5 seconds."));
  if (!mentions_any (first_message, record_words))
    {
      if (advice->len > 0)
        g_string_append_c (advice, ' ');
      g_string_append (advice, _("It does not say the call is recorded either."));
    }
  gtk_label_set_text (self->compliance_label, advice->str);
  gtk_widget_set_visible (GTK_WIDGET (self->compliance_label), advice->len > 0);
  g_string_free (advice, TRUE);

  /* The bot speaks the agent's language unless told otherwise. */
  if (!self->language_chosen)
    {
      set_bot_language (self, govorun_voice_agent_get_language (agent));
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
  g_autoptr(GovorunAgentDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GovorunVoiceAgent *agent;
  const char *agent_id;

  agent = govorun_agent_catalog_get_finish (GOVORUN_AGENT_CATALOG (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

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
  update_buttons (self);
}

static void
fetch_agent (GovorunAgentDialog *self,
             const char         *agent_id)
{
  GovorunAccount *account = selected_account (self->el_account_row, self->el_accounts);
  g_autofree char *stripped = NULL;

  if (account == NULL || agent_id == NULL || *agent_id == '\0')
    return;

  reset_cancellable (&self->cancellable);
  set_busy (self, TRUE);
  stripped = g_strstrip (g_strdup (agent_id));
  govorun_agent_catalog_get_async (get_catalog (self), account, stripped, self->cancellable,
                                   agent_fetched_cb, g_object_ref (self));
}

static void
on_agent_id_apply (GovorunAgentDialog *self)
{
  fetch_agent (self, gtk_editable_get_text (GTK_EDITABLE (self->agent_id_row)));
}

static void
on_agent_row_activated (GovorunAgentDialog *self,
                        GtkListBoxRow      *row)
{
  const char *agent_id = g_object_get_data (G_OBJECT (row), "agent-id");

  if (agent_id != NULL)
    fetch_agent (self, agent_id);
}

static void
agents_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GovorunAgentDialog) self = user_data;
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *next_cursor = NULL;

  agents = govorun_agent_catalog_list_finish (GOVORUN_AGENT_CATALOG (object), result, &next_cursor, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Nothing was asked when the key could not be read: a toast, as for any
   * account trouble; an answer's error stays in the list. */
  if (g_error_matches (error, GOVORUN_AGENT_CATALOG_ERROR, GOVORUN_AGENT_CATALOG_ERROR_SECRET_UNAVAILABLE))
    {
      govorun_toast_show (GTK_WIDGET (self), error->message);
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
      set_subtitle (ADW_ACTION_ROW (row), agent_id);
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

static void
list_agents (GovorunAgentDialog *self,
             gboolean            more)
{
  GovorunAccount *account = selected_account (self->el_account_row, self->el_accounts);

  if (!more)
    {
      govorun_empty_state_clear_rows (self->agents_list);
      govorun_empty_state_set (self->agents_list, NULL, NULL, NULL);
      gtk_widget_set_visible (self->more_agents_button, FALSE);
    }

  if (account == NULL)
    return;

  reset_cancellable (&self->agents_cancellable);
  govorun_agent_catalog_list_async (get_catalog (self), account,
                                    gtk_editable_get_text (GTK_EDITABLE (self->agent_search)),
                                    more ? self->next_cursor : NULL, self->agents_cancellable,
                                    agents_listed_cb, g_object_ref (self));
}

static void
on_el_account_changed (GovorunAgentDialog *self)
{
  if (self->services != NULL)
    list_agents (self, FALSE);
}

static void
on_agent_search_changed (GovorunAgentDialog *self)
{
  list_agents (self, FALSE);
}

static void
on_more_agents_clicked (GovorunAgentDialog *self)
{
  list_agents (self, TRUE);
}

/* Fixing the audio formats changes the ElevenLabs agent: ask first. */

static void
audio_fixed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GovorunAgentDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GovorunVoiceAgent *agent;

  agent = govorun_agent_catalog_set_audio_formats_finish (GOVORUN_AGENT_CATALOG (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (agent == NULL)
    {
      govorun_toast_show (GTK_WIDGET (self), error->message);
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
  GovorunAccount *account = selected_account (self->el_account_row, self->el_accounts);

  if (g_strcmp0 (response, "fix") != 0 || account == NULL || self->chosen == NULL)
    return;

  reset_cancellable (&self->cancellable);
  set_busy (self, TRUE);
  govorun_agent_catalog_set_audio_formats_async (get_catalog (self), account,
                                                 govorun_voice_agent_get_id (self->chosen),
                                                 NEEDED_FORMAT, NEEDED_FORMAT, self->cancellable,
                                                 audio_fixed_cb, g_object_ref (self));
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

/* -- page 2: account and numbers -- */

static void
on_number_toggled (GtkCheckButton     *check,
                   GovorunAgentDialog *self)
{
  GovorunPhoneNumber *number = g_object_get_data (G_OBJECT (check), "number");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->checked, g_memdup2 (&number->phone_id, sizeof number->phone_id));
  else
    g_hash_table_remove (self->checked, &number->phone_id);

  update_buttons (self);
}

static void
show_numbers (GovorunAgentDialog *self)
{
  GovorunAgentStore *agents = govorun_services_get_agents (self->services);
  GovorunAccount *account = selected_account (self->vox_account_row, self->vox_accounts);

  govorun_empty_state_clear_rows (self->numbers_list);

  for (guint i = 0; self->owned != NULL && i < self->owned->len; i++)
    {
      GovorunPhoneNumber *number = g_ptr_array_index (self->owned, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GovorunAgent *owner = NULL;
      g_autofree char *title = govorun_format_phone_number (number->number);
      g_autofree char *subtitle = NULL;
      g_autofree char *escaped_title = NULL;

      if (number->deactivated)
        continue;

      if (account != NULL)
        owner = govorun_agent_store_find_by_phone_id (agents, govorun_account_get_uuid (account),
                                                      number->phone_id);

      if (owner != NULL && (self->editing == NULL ||
                            g_strcmp0 (govorun_agent_get_uuid (owner), govorun_agent_get_uuid (self->editing)) != 0))
        /* Translators: %s is another Govorun agent */
        subtitle = g_strdup_printf (_("Used by the agent “%s”"), govorun_agent_get_name (owner));
      else if (number->application_name != NULL && number->application_id != 0)
        /* Translators: Voximplant application, then rule */
        subtitle = g_strdup_printf (_("Bound to %s · %s"), number->application_name,
                                    number->rule_name ? number->rule_name : _("no rule"));
      else
        subtitle = g_strdup (_("Not bound"));

      escaped_title = g_markup_escape_text (title, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
      set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (check), "number", number);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_hash_table_contains (self->checked, &number->phone_id));
      g_signal_connect (check, "toggled", G_CALLBACK (on_number_toggled), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->numbers_list, row);
    }

  govorun_empty_state_set (self->numbers_list, "call-start-symbolic", _("No Numbers Yet"),
                           _("This account has no phone numbers yet. Buy one to answer calls."));

  update_buttons (self);
}

static void
numbers_listed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GovorunAgentDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *owned;

  owned = govorun_number_service_list_owned_finish (GOVORUN_NUMBER_SERVICE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->numbers_busy = FALSE;
  update_buttons (self);

  if (owned == NULL)
    {
      govorun_toast_show (GTK_WIDGET (self), error->message);
      return;
    }

  g_clear_pointer (&self->owned, g_ptr_array_unref);
  self->owned = owned;
  show_numbers (self);
}

static void
list_numbers (GovorunAgentDialog *self)
{
  GovorunAccount *account = selected_account (self->vox_account_row, self->vox_accounts);

  govorun_empty_state_clear_rows (self->numbers_list);
  govorun_empty_state_set (self->numbers_list, NULL, NULL, NULL);
  reset_cancellable (&self->numbers_cancellable);
  self->numbers_busy = account != NULL;
  update_buttons (self);
  if (account == NULL)
    return;

  govorun_number_service_list_owned_async (govorun_services_get_numbers (self->services), account,
                                           self->numbers_cancellable, numbers_listed_cb,
                                           g_object_ref (self));
}

static void
on_vox_account_changed (GovorunAgentDialog *self)
{
  if (self->services == NULL)
    return;

  /* Numbers belong to one account. */
  if (self->editing == NULL ||
      selected_account (self->vox_account_row, self->vox_accounts) == NULL ||
      g_strcmp0 (govorun_account_get_uuid (selected_account (self->vox_account_row, self->vox_accounts)),
                 govorun_agent_get_vox_account_uuid (self->editing)) != 0)
    g_hash_table_remove_all (self->checked);

  list_numbers (self);
}

static void
on_bought (GovorunAgentDialog *self,
           GPtrArray          *bought)
{
  /* What was just bought is what the person wants for this agent. */
  for (guint i = 0; bought != NULL && i < bought->len; i++)
    {
      GovorunPhoneNumber *number = g_ptr_array_index (bought, i);

      g_hash_table_add (self->checked, g_memdup2 (&number->phone_id, sizeof number->phone_id));
    }

  list_numbers (self);
}

static void
on_buy_clicked (GovorunAgentDialog *self)
{
  GovorunAccount *account = selected_account (self->vox_account_row, self->vox_accounts);
  GovorunBuyNumberDialog *dialog;

  if (account == NULL)
    return;

  dialog = govorun_buy_number_dialog_new (GTK_WINDOW (self), govorun_services_get_numbers (self->services),
                                          account);
  g_signal_connect_object (dialog, "bought", G_CALLBACK (on_bought), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* -- page 1: who answers; page 3: setup -- */

static void
on_language_changed (GovorunAgentDialog *self)
{
  self->language_chosen = TRUE;
  fill_voices (self, NULL);
}

static void
on_setup_changed (GovorunAgentDialog *self)
{
  gboolean webhook = uses_webhook (self);

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
  update_buttons (self);
}

/* -- page 4: the plan -- */

static GovorunAgent *
build_agent (GovorunAgentDialog *self)
{
  g_autoptr(GovorunAgent) agent = self->editing ? govorun_agent_copy (self->editing) : govorun_agent_new ();
  g_autoptr(GPtrArray) numbers = g_ptr_array_new ();
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  GovorunAccount *el = selected_account (self->el_account_row, self->el_accounts);
  GovorunAccount *vox = selected_account (self->vox_account_row, self->vox_accounts);

  govorun_agent_set_name (agent, name);
  if (uses_webhook (self) || self->chosen == NULL)
    {
      govorun_agent_set_el_account_uuid (agent, NULL);
      govorun_agent_set_el_agent_id (agent, NULL);
      govorun_agent_set_el_agent_name (agent, NULL);
    }
  else
    {
      govorun_agent_set_el_account_uuid (agent, el != NULL ? govorun_account_get_uuid (el) : NULL);
      govorun_agent_set_el_agent_id (agent, govorun_voice_agent_get_id (self->chosen));
      govorun_agent_set_el_agent_name (agent, govorun_voice_agent_get_name (self->chosen));
    }
  govorun_agent_set_vox_account_uuid (agent, govorun_account_get_uuid (vox));
  govorun_agent_set_inbound (agent, gtk_switch_get_active (self->inbound_switch));
  govorun_agent_set_outbound (agent, gtk_switch_get_active (self->outbound_switch));
  govorun_agent_set_record (agent, gtk_switch_get_active (self->record_switch));

  if (uses_webhook (self))
    {
      govorun_agent_set_engine (agent, GOVORUN_AGENT_ENGINE_WEBHOOK);
      govorun_agent_set_webhook_url (agent, gtk_editable_get_text (GTK_EDITABLE (self->webhook_row)));
      g_autofree char *tenant = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tenant_row))));

      govorun_agent_set_tenant_slug (agent, tenant);
      govorun_agent_set_bot_language (agent, bot_language (self));
      govorun_agent_set_bot_voice (agent, bot_voice (self));
    }
  else
    {
      govorun_agent_set_engine (agent, GOVORUN_AGENT_ENGINE_ELEVENLABS);
      govorun_agent_set_bot_language (agent, NULL);
      govorun_agent_set_bot_voice (agent, NULL);
    }

  for (guint i = 0; self->owned != NULL && i < self->owned->len; i++)
    {
      GovorunPhoneNumber *number = g_ptr_array_index (self->owned, i);

      if (g_hash_table_contains (self->checked, &number->phone_id))
        {
          GovorunAgentNumber *item = g_new0 (GovorunAgentNumber, 1);

          item->phone_id = number->phone_id;
          item->number = g_strdup (number->number[0] == '+' ? number->number + 1 : number->number);
          g_ptr_array_add (numbers, item);
        }
    }
  g_ptr_array_set_free_func (numbers, (GDestroyNotify) govorun_agent_number_free);
  govorun_agent_set_numbers (agent, numbers);

  return g_steal_pointer (&agent);
}

static void
planned_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GovorunAgentDialog) self = user_data;
  g_autoptr(GovorunPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = govorun_provisioner_plan_finish (GOVORUN_PROVISIONER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  govorun_empty_state_clear_rows (self->plan_list);

  if (plan == NULL)
    {
      gtk_label_set_text (self->plan_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->plan_error_label), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->plan_error_label), FALSE);
  self->plan_ready = TRUE;

  for (guint i = 0; i < plan->steps->len; i++)
    {
      static const char *icons[] = {
        [GOVORUN_PLAN_CREATE] = "list-add-symbolic",
        [GOVORUN_PLAN_REUSE] = "emblem-ok-symbolic",
        [GOVORUN_PLAN_UPDATE] = "document-edit-symbolic",
        [GOVORUN_PLAN_BIND] = "insert-link-symbolic",
        [GOVORUN_PLAN_UNBIND] = "edit-cut-symbolic",
        [GOVORUN_PLAN_DELETE] = "user-trash-symbolic",
      };
      GovorunPlanStep *step = g_ptr_array_index (plan->steps, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *escaped = g_markup_escape_text (step->description, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      if ((guint) step->action < G_N_ELEMENTS (icons))
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icons[step->action]));
      gtk_list_box_append (self->plan_list, row);
    }

  if (plan->steps->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Nothing to change: the account already matches this agent."));
      gtk_list_box_append (self->plan_list, row);
    }

  update_buttons (self);
}

static void
agent_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GovorunAgentDialog) self = user_data;
  g_autoptr(GovorunAgent) saved = NULL;
  g_autoptr(GError) error = NULL;

  saved = govorun_agent_store_save_finish (GOVORUN_AGENT_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (saved == NULL)
    {
      gtk_label_set_text (self->plan_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->plan_error_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_DONE], 0, saved);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The user confirmed the plan: only now is the agent saved. */
static void
save_planned (GovorunAgentDialog *self)
{
  reset_cancellable (&self->cancellable);
  set_busy (self, TRUE);
  govorun_agent_store_save_async (govorun_services_get_agents (self->services), self->planned,
                                  self->cancellable, agent_saved_cb, g_object_ref (self));
}

static void
make_plan (GovorunAgentDialog *self)
{
  g_clear_object (&self->planned);
  self->planned = build_agent (self);
  self->plan_ready = FALSE;
  govorun_empty_state_clear_rows (self->plan_list);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_error_label), FALSE);
  reset_cancellable (&self->cancellable);
  set_busy (self, TRUE);
  govorun_provisioner_plan_async (govorun_services_get_provisioner (self->services), self->planned,
                                  self->cancellable, planned_cb, g_object_ref (self));
}

/* -- navigation -- */

static void
go_to (GovorunAgentDialog *self,
       guint               page)
{
  gtk_stack_set_visible_child_name (self->stack, pages[page]);

  if (page == 1 && self->owned == NULL)
    list_numbers (self);
  else if (page == 3)
    make_plan (self);

  update_buttons (self);
}

static void
on_next_clicked (GovorunAgentDialog *self)
{
  guint page = current_page (self);

  if (page < 3)
    {
      go_to (self, page + 1);
      return;
    }

  save_planned (self);
}

static void
on_back_clicked (GovorunAgentDialog *self)
{
  guint page = current_page (self);

  if (page == 0)
    gtk_window_close (GTK_WINDOW (self));
  else
    {
      g_cancellable_cancel (self->cancellable);
      set_busy (self, FALSE);
      go_to (self, page - 1);
    }
}

/* -- setup -- */

static char *
account_name (GovorunAccount *account)
{
  return g_strdup (govorun_account_get_display_name (account));
}

static void
fill_accounts (GovorunAgentDialog *self)
{
  GListModel *accounts = G_LIST_MODEL (govorun_services_get_accounts (self->services));
  guint el_selected = 0, vox_selected = 0;
  g_autoptr(GtkExpression) expression = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(GovorunAccount) account = g_list_model_get_item (accounts, i);
      GListStore *store = govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_ELEVENLABS ?
                          self->el_accounts : self->vox_accounts;

      if (self->editing != NULL)
        {
          if (g_strcmp0 (govorun_account_get_uuid (account),
                         govorun_agent_get_el_account_uuid (self->editing)) == 0)
            el_selected = g_list_model_get_n_items (G_LIST_MODEL (store));
          if (g_strcmp0 (govorun_account_get_uuid (account),
                         govorun_agent_get_vox_account_uuid (self->editing)) == 0)
            vox_selected = g_list_model_get_n_items (G_LIST_MODEL (store));
        }

      g_list_store_append (store, account);
    }

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (account_name), NULL, NULL);
  adw_combo_row_set_expression (self->el_account_row, expression);
  adw_combo_row_set_expression (self->vox_account_row, expression);
  adw_combo_row_set_model (self->el_account_row, G_LIST_MODEL (self->el_accounts));
  adw_combo_row_set_model (self->vox_account_row, G_LIST_MODEL (self->vox_accounts));
  adw_combo_row_set_selected (self->el_account_row, el_selected);
  adw_combo_row_set_selected (self->vox_account_row, vox_selected);
}

static void
fill_from_agent (GovorunAgentDialog *self)
{
  GovorunAgent *agent = self->editing;
  GPtrArray *numbers = govorun_agent_get_numbers (agent);

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Agent"));
  adw_window_title_set_title (self->window_title, _("Edit Agent"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), govorun_agent_get_name (agent));
  gtk_switch_set_active (self->inbound_switch, govorun_agent_get_inbound (agent));
  gtk_switch_set_active (self->outbound_switch, govorun_agent_get_outbound (agent));
  gtk_switch_set_active (self->record_switch, govorun_agent_get_record (agent));
  if (govorun_agent_get_engine (agent) == GOVORUN_AGENT_ENGINE_WEBHOOK)
    {
      adw_combo_row_set_selected (self->engine_row, ENGINE_ROW_WEBHOOK);
      gtk_editable_set_text (GTK_EDITABLE (self->webhook_row),
                             govorun_agent_get_webhook_url (agent) ? govorun_agent_get_webhook_url (agent) : "");
      gtk_editable_set_text (GTK_EDITABLE (self->tenant_row),
                             govorun_agent_get_tenant_slug (agent) ? govorun_agent_get_tenant_slug (agent) : "");
      if (govorun_agent_get_bot_language (agent) != NULL)
        {
          set_bot_language (self, govorun_agent_get_bot_language (agent));
          self->language_chosen = TRUE;
        }
      fill_voices (self, govorun_agent_get_bot_voice (agent));
    }

  for (guint i = 0; numbers != NULL && i < numbers->len; i++)
    {
      GovorunAgentNumber *number = g_ptr_array_index (numbers, i);

      g_hash_table_add (self->checked, g_memdup2 (&number->phone_id, sizeof number->phone_id));
    }

  /* What Govorun created lives in that account: moving the agent would
   * leave it behind. Rolling back first frees the choice. */
  if (govorun_agent_get_application_id (agent) != 0)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->vox_account_row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->vox_account_row),
                                   _("To move the agent to another account, roll it back first"));
    }

  if (govorun_agent_get_el_agent_id (agent) != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->agent_id_row), govorun_agent_get_el_agent_id (agent));
      fetch_agent (self, govorun_agent_get_el_agent_id (agent));
    }
}

static void
govorun_agent_dialog_dispose (GObject *object)
{
  GovorunAgentDialog *self = GOVORUN_AGENT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->agents_cancellable);
  g_cancellable_cancel (self->numbers_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->agents_cancellable);
  g_clear_object (&self->numbers_cancellable);
  g_clear_object (&self->services);
  g_clear_object (&self->editing);
  g_clear_object (&self->planned);
  g_clear_object (&self->el_accounts);
  g_clear_object (&self->vox_accounts);
  g_clear_object (&self->chosen);
  g_clear_pointer (&self->next_cursor, g_free);
  g_clear_pointer (&self->owned, g_ptr_array_unref);
  g_clear_pointer (&self->checked, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_AGENT_DIALOG);

  G_OBJECT_CLASS (govorun_agent_dialog_parent_class)->dispose (object);
}

static void
govorun_agent_dialog_class_init (GovorunAgentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = govorun_agent_dialog_dispose;

  signals[SIGNAL_DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, GOVORUN_TYPE_AGENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/govorun-agent-dialog.ui");
  govorun_toast_install_action (widget_class);
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, GovorunAgentDialog, name)
  BIND (window_title);
  BIND (back_button);
  BIND (next_button);
  BIND (spinner);
  BIND (stack);
  BIND (el_account_row);
  BIND (agent_id_row);
  BIND (agent_error_label);
  BIND (agent_search);
  BIND (agents_list);
  BIND (more_agents_button);
  BIND (chosen_group);
  BIND (engine_group);
  BIND (el_group);
  BIND (agents_group);
  BIND (chosen_name_row);
  BIND (chosen_message_row);
  BIND (chosen_language_row);
  BIND (chosen_variables_row);
  BIND (chosen_audio_row);
  BIND (fix_audio_button);
  BIND (compliance_label);
  BIND (vox_account_row);
  BIND (buy_button);
  BIND (numbers_list);
  BIND (name_row);
  BIND (inbound_switch);
  BIND (outbound_switch);
  BIND (record_switch);
  BIND (engine_row);
  BIND (webhook_row);
  BIND (tenant_row);
  BIND (language_row);
  BIND (voice_row);
  BIND (plan_list);
  BIND (plan_error_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_el_account_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_agent_id_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_agent_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_agent_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_more_agents_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_fix_audio_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_vox_account_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_buy_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_language_changed);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  govorun_search_shortcut_install (widget_class, G_STRUCT_OFFSET (GovorunAgentDialog, agent_search));
}

static void
govorun_agent_dialog_init (GovorunAgentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  govorun_editable_limit (GTK_EDITABLE (self->name_row), GOVORUN_AGENT_NAME_MAX_CHARS);
  /* The bot's language: the desktop's until an agent says otherwise. */
  set_bot_language (self, g_str_has_prefix (g_get_language_names ()[0], "ru")
                          ? GOVORUN_BOT_LANGUAGE_RUSSIAN : GOVORUN_BOT_LANGUAGE_ENGLISH);
  self->language_chosen = FALSE;
  fill_voices (self, NULL);

  self->cancellable = g_cancellable_new ();
  self->agents_cancellable = g_cancellable_new ();
  self->numbers_cancellable = g_cancellable_new ();
  self->el_accounts = g_list_store_new (GOVORUN_TYPE_ACCOUNT);
  self->vox_accounts = g_list_store_new (GOVORUN_TYPE_ACCOUNT);
  self->checked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  govorun_first_field_focus_on_map (GTK_WINDOW (self), GTK_WIDGET (self->agent_search));
  govorun_search_escape_closes (self->agent_search);
}

GovorunAgentDialog *
govorun_agent_dialog_new (GtkWindow       *parent,
                          GovorunServices *services,
                          GovorunAgent    *agent)
{
  GovorunAgentDialog *self;

  g_return_val_if_fail (GOVORUN_IS_SERVICES (services), NULL);
  g_return_val_if_fail (agent == NULL || GOVORUN_IS_AGENT (agent), NULL);

  self = g_object_new (GOVORUN_TYPE_AGENT_DIALOG, "transient-for", parent, NULL);
  self->services = g_object_ref (services);
  self->creating = agent == NULL;
  if (agent != NULL)
    self->editing = g_object_ref (agent);

  fill_accounts (self);
  if (self->editing != NULL)
    fill_from_agent (self);
  list_agents (self, FALSE);
  update_buttons (self);

  return self;
}
