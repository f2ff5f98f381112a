/* govorun-agent-dialog.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAgentDialog"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-agent-dialog-private.h"
#include "govorun-bot-voice.h"
#include "govorun-first-field.h"
#include "govorun-row-text.h"
#include "govorun-search-shortcut.h"
#include "govorun-toast.h"

/*
 * The New Agent / Edit Agent wizard: its steps, Back and Next, and filling
 * the pages from the agent edited. Each page's own work lives in a file of
 * its own (see govorun-agent-dialog-private.h).
 */

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

void
_govorun_agent_dialog_set_subtitle (AdwActionRow *row,
                                    const char   *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  adw_action_row_set_subtitle (row, escaped);
}

GovorunAccount *
_govorun_agent_dialog_selected_account (AdwComboRow *row,
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
gboolean
_govorun_agent_dialog_uses_webhook (GovorunAgentDialog *self)
{
  return adw_combo_row_get_selected (self->engine_row) == ENGINE_ROW_WEBHOOK;
}

static gboolean
page_complete (GovorunAgentDialog *self,
               guint               page)
{
  switch (page)
    {
    case 0:
      if (_govorun_agent_dialog_uses_webhook (self))
        {
          const char *url = gtk_editable_get_text (GTK_EDITABLE (self->webhook_row));
          g_autofree char *tenant = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tenant_row))));

          return (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")) && *tenant != '\0';
        }
      return self->chosen != NULL;

    case 1:
      /* Inbound calls arrive on a number; outbound calls show one as the
       * caller ID (VoxEngine needs a rented number there). */
      return _govorun_agent_dialog_selected_account (self->vox_account_row, self->vox_accounts) != NULL &&
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

void
_govorun_agent_dialog_update_buttons (GovorunAgentDialog *self)
{
  guint page = current_page (self);
  const char *names[] = { _("Who Answers"), _("Numbers"), _("Name and Calls"), _("Plan") };
  g_autofree char *step = NULL;

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == G_N_ELEMENTS (pages));

  /* Translators: the wizard's header subtitle, e.g. "Step 2 of 4 — Numbers" */
  step = g_strdup_printf (_("Step %u of %u — %s"), page + 1, (guint) G_N_ELEMENTS (pages), names[page]);
  adw_window_title_set_subtitle (self->window_title, step);

  /* Cancel on the first page; after it a back arrow, and the window's
   * close button (as Escape) still cancels: never Back and Cancel side by
   * side. */
  if (page == 0)
    {
      gtk_button_set_label (GTK_BUTTON (self->back_button), _("_Cancel"));
      gtk_widget_set_tooltip_text (self->back_button, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->back_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
  else
    {
      gtk_button_set_icon_name (GTK_BUTTON (self->back_button), "go-previous-symbolic");
      gtk_widget_set_tooltip_text (self->back_button, _("Back"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"), -1);
    }
  adw_header_bar_set_show_end_title_buttons (self->header_bar, page > 0);

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

void
_govorun_agent_dialog_set_busy (GovorunAgentDialog *self,
                                gboolean            busy)
{
  self->busy = busy;
  _govorun_agent_dialog_update_buttons (self);
}

void
_govorun_agent_dialog_reset_cancellable (GCancellable **cancellable)
{
  g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
  *cancellable = g_cancellable_new ();
}

void
_govorun_agent_dialog_done (GovorunAgentDialog *self,
                            GovorunAgent       *saved)
{
  g_signal_emit (self, signals[SIGNAL_DONE], 0, saved);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* -- navigation -- */

static void
go_to (GovorunAgentDialog *self,
       guint               page)
{
  gtk_stack_set_visible_child_name (self->stack, pages[page]);

  if (page == 1 && self->owned == NULL)
    _govorun_agent_dialog_list_numbers (self);
  else if (page == 3)
    _govorun_agent_dialog_make_plan (self);

  _govorun_agent_dialog_update_buttons (self);
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

  _govorun_agent_dialog_save_planned (self);
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
      _govorun_agent_dialog_set_busy (self, FALSE);
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
          _govorun_agent_dialog_set_bot_language (self, govorun_agent_get_bot_language (agent));
          self->language_chosen = TRUE;
        }
      _govorun_agent_dialog_fill_voices (self, govorun_agent_get_bot_voice (agent));
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
      _govorun_agent_dialog_fetch_agent (self, govorun_agent_get_el_agent_id (agent));
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

  g_type_ensure (GOVORUN_TYPE_ERROR_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/govorun-agent-dialog.ui");
  govorun_toast_install_action (widget_class);
  /* Where "win.toast" finds it (no field needed). */
  gtk_widget_class_bind_template_child_full (widget_class, "toast_overlay", FALSE, 0);
  govorun_error_banner_install_action (widget_class, G_STRUCT_OFFSET (GovorunAgentDialog, error_banner));
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, GovorunAgentDialog, name)
  BIND (window_title);
  BIND (header_bar);
  BIND (back_button);
  BIND (next_button);
  BIND (spinner);
  BIND (stack);
  BIND (error_banner);
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
  BIND (fix_message_button);
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
  _govorun_agent_dialog_answerer_class_init (widget_class);
  _govorun_agent_dialog_numbers_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  govorun_search_shortcut_install (widget_class, G_STRUCT_OFFSET (GovorunAgentDialog, agent_search));
}

static void
govorun_agent_dialog_init (GovorunAgentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  govorun_editable_limit (GTK_EDITABLE (self->name_row), GOVORUN_AGENT_NAME_MAX_CHARS);
  /* The bot's language: the desktop's until an agent says otherwise. */
  _govorun_agent_dialog_set_bot_language (self, g_str_has_prefix (g_get_language_names ()[0], "ru")
                                                ? GOVORUN_BOT_LANGUAGE_RUSSIAN : GOVORUN_BOT_LANGUAGE_ENGLISH);
  self->language_chosen = FALSE;
  _govorun_agent_dialog_fill_voices (self, NULL);

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
  _govorun_agent_dialog_list_agents (self, FALSE);
  _govorun_agent_dialog_update_buttons (self);

  return self;
}

