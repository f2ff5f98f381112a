/* govorun-numbers-page.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunNumbersPage"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-buy-number-dialog.h"
#include "govorun-empty-state.h"
#include "govorun-format.h"
#include "govorun-numbers-page.h"
#include "govorun-phone-places.h"
#include "govorun-provisioner.h"
#include "govorun-error-banner.h"
#include "govorun-toast.h"

struct _GovorunNumbersPage
{
  GovorunPage           parent_instance;

  GovorunAccountStore  *accounts;
  GovorunNumberService *numbers;
  GovorunAgentStore    *agents;          /* nullable */
  GovorunProvisioner   *provisioner;     /* nullable: tells when a number leaves an agent */
  GListModel           *vox_accounts;    /* the Voximplant accounts of @accounts */
  GCancellable         *cancellable;     /* the running refresh */
  GPtrArray            *owned;           /* GovorunPhoneNumber, last loaded */
  char                 *currency;        /* of the account's balance; may be NULL */
  guint                 pending;         /* refresh requests still running */

  /* template children */
  GtkStack             *stack;
  GtkWidget            *account_group;
  AdwComboRow          *account_row;
  AdwPreferencesGroup  *numbers_group;
  GtkWidget            *spinner;
  GtkWidget            *refresh_button;
  GtkStack             *list_stack;
  GtkLabel             *error_label;
  GtkListBox           *numbers_list;
};

G_DEFINE_FINAL_TYPE (GovorunNumbersPage, govorun_numbers_page, GOVORUN_TYPE_PAGE)

enum {
  PROP_0,
  PROP_ACCOUNTS,
  PROP_NUMBERS,
  PROP_AGENTS,
  PROP_PROVISIONER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_USE_FOR_AGENT,
  SIGNAL_REMOVE_FROM_AGENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* UNVERIFIED (reference §2.4): the values of verification_status. Anything
 * but these is taken to mean documents are still needed. */
static gboolean
needs_verification (const GovorunPhoneNumber *number)
{
  const char *status = number->verification_status;

  if (number->verification_required)
    return TRUE;

  return status != NULL && *status != '\0' &&
         g_ascii_strcasecmp (status, "VERIFIED") != 0 &&
         g_ascii_strcasecmp (status, "NOT_REQUIRED") != 0;
}

/* -- helpers -- */

GovorunAccount *
govorun_numbers_page_get_account (GovorunNumbersPage *self)
{
  g_return_val_if_fail (GOVORUN_IS_NUMBERS_PAGE (self), NULL);

  if (self->vox_accounts == NULL)
    return NULL;

  return adw_combo_row_get_selected_item (self->account_row);
}

static GtkWindow *
parent_window (GovorunNumbersPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
set_loading (GovorunNumbersPage *self,
             gboolean            loading)
{
  gtk_widget_set_visible (self->spinner, loading);
  if (loading)
    gtk_spinner_start (GTK_SPINNER (self->spinner));
  else
    gtk_spinner_stop (GTK_SPINNER (self->spinner));
}

static const GovorunPhoneNumber *
row_number (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "govorun-number") : NULL;
}

static void
popdown (GtkWidget *button)
{
  GtkWidget *popover = gtk_widget_get_ancestor (button, GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* -- actions on one number -- */

typedef struct
{
  GovorunNumbersPage *self;
  char               *label;  /* the formatted number */
} ActionData;

static void
action_data_free (ActionData *data)
{
  g_clear_object (&data->self);
  g_free (data->label);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActionData, action_data_free)

static ActionData *
action_data_new (GovorunNumbersPage       *self,
                 const GovorunPhoneNumber *number)
{
  ActionData *data = g_new0 (ActionData, 1);

  data->self = g_object_ref (self);
  /* For toasts: the number never breaks across lines. */
  data->label = govorun_format_phone_number_in_text (number->number);

  return data;
}

/* The agent that answers on @number, or NULL. (transfer none) */
static GovorunAgent *
number_owner (GovorunNumbersPage       *self,
              const GovorunPhoneNumber *number)
{
  GovorunAccount *account = govorun_numbers_page_get_account (self);

  if (self->agents == NULL || account == NULL)
    return NULL;
  return govorun_agent_store_find_by_phone_id (self->agents, govorun_account_get_uuid (account),
                                               number->phone_id);
}

static void
unbound_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ActionData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!govorun_number_service_bind_finish (GOVORUN_NUMBER_SERVICE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        govorun_error_show (GTK_WIDGET (data->self), error->message);
      return;
    }

  /* Translators: %s is a phone number */
  text = g_strdup_printf (_("%s is no longer bound"), data->label);
  govorun_toast_show (GTK_WIDGET (data->self), text);
  govorun_numbers_page_refresh (data->self);
}

static void
on_unbind_clicked (GtkWidget          *button,
                   GovorunNumbersPage *self)
{
  const GovorunPhoneNumber *number = row_number (button);
  GovorunAccount *account = govorun_numbers_page_get_account (self);

  popdown (button);
  if (number == NULL || account == NULL)
    return;

  govorun_number_service_bind_async (self->numbers, account, number->phone_id,
                                     number->application_id, number->rule_id, FALSE,
                                     NULL, unbound_cb, action_data_new (self, number));
}

static void
deactivated_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ActionData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!govorun_number_service_deactivate_finish (GOVORUN_NUMBER_SERVICE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        govorun_error_show (GTK_WIDGET (data->self), error->message);
      return;
    }

  /* Translators: %s is a phone number */
  text = g_strdup_printf (_("%s deactivated"), data->label);
  govorun_toast_show (GTK_WIDGET (data->self), text);
  govorun_numbers_page_refresh (data->self);
}

/* What a confirmation acts on once the person agrees. */
typedef struct
{
  GovorunNumbersPage *self;
  GovorunAccount     *account;
  GovorunPhoneNumber *number;
} ConfirmData;

static void
confirm_data_free (ConfirmData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->account);
  g_clear_pointer (&data->number, govorun_phone_number_free);
  g_free (data);
}

static ConfirmData *
confirm_data_new (GovorunNumbersPage       *self,
                     GovorunAccount           *account,
                     const GovorunPhoneNumber *number)
{
  ConfirmData *data = g_new0 (ConfirmData, 1);

  data->self = g_object_ref (self);
  data->account = g_object_ref (account);
  data->number = govorun_phone_number_copy (number);
  return data;
}

static void
on_deactivate_response (AdwMessageDialog *dialog,
                        const char       *response,
                        ConfirmData   *data)
{
  if (g_strcmp0 (response, "deactivate") != 0)
    return;

  govorun_number_service_deactivate_async (data->self->numbers, data->account,
                                           data->number->phone_id, NULL, deactivated_cb,
                                           action_data_new (data->self, data->number));
}

static void
on_deactivate_clicked (GtkWidget          *button,
                       GovorunNumbersPage *self)
{
  const GovorunPhoneNumber *number = row_number (button);
  GovorunAccount *account = govorun_numbers_page_get_account (self);
  g_autofree char *label = NULL;
  g_autofree char *heading = NULL;
  GovorunAgent *owner;
  ConfirmData *data;
  GtkWidget *dialog;

  popdown (button);
  if (number == NULL || account == NULL)
    return;

  label = govorun_format_phone_number_in_text (number->number);
  /* Translators: %s is a phone number */
  heading = g_strdup_printf (_("Deactivate %s?"), label);
  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   _("The number goes back to Voximplant and its monthly fee stops. "
                                     "This cannot be undone: calls to it will no longer reach you."));
  owner = number_owner (self, number);
  if (owner != NULL)
    /* Translators: %s is an agent's name; the sentence after it is the usual warning */
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("The agent “%s” answers calls to this number; it will not get them any more. %s"),
                                    govorun_agent_get_name (owner),
                                    _("The number goes back to Voximplant and its monthly fee stops. "
                                      "This cannot be undone: calls to it will no longer reach you."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "deactivate", _("_Deactivate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "deactivate",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  data = confirm_data_new (self, account, number);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_deactivate_response), data,
                         (GClosureNotify) (void (*) (void)) confirm_data_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* -- rows -- */

static char *
describe_binding (GovorunNumbersPage       *self,
                  const GovorunPhoneNumber *number)
{
  GovorunAgent *agent = number_owner (self, number);

  if (number->application_id == 0)
    {
      if (agent != NULL)
        /* Translators: %s is an agent's name; Govorun expects the number on it, Voximplant disagrees */
        return g_strdup_printf (_("Not bound, though agent “%s” expects it: repair the agent"),
                                govorun_agent_get_name (agent));
      return g_strdup (_("Not bound"));
    }

  if (agent != NULL)
    /* Translators: %s is an agent's name */
    return g_strdup_printf (_("Agent “%s”"), govorun_agent_get_name (agent));

  if (number->rule_name != NULL)
    /* Translators: a Voximplant application name, then a routing rule name */
    return g_strdup_printf (_("Bound to application %s, rule %s"),
                            number->application_name ? number->application_name : "",
                            number->rule_name);

  /* Translators: %s is a Voximplant application name */
  return g_strdup_printf (_("Bound to application %s"),
                          number->application_name ? number->application_name : "");
}

/* Binding a number to an agent, or taking it away, changes the agent: its
 * routing rule matches its numbers. The window hands these to the agents
 * page, which saves the agent and deploys it again. */
static void
on_use_for_agent_clicked (GtkWidget          *button,
                          GovorunNumbersPage *self)
{
  const GovorunPhoneNumber *number = row_number (button);
  GovorunAgent *agent = g_object_get_data (G_OBJECT (button), "agent");

  popdown (button);
  if (number != NULL && agent != NULL)
    g_signal_emit (self, signals[SIGNAL_USE_FOR_AGENT], 0, agent, number->phone_id, number->number);
}

static void
on_remove_from_agent_response (AdwMessageDialog *dialog,
                               const char       *response,
                               ConfirmData   *data)
{
  GovorunAgent *agent = g_object_get_data (G_OBJECT (dialog), "agent");

  if (g_strcmp0 (response, "remove") == 0)
    g_signal_emit (data->self, signals[SIGNAL_REMOVE_FROM_AGENT], 0, agent, data->number->phone_id);
}

/* A live agent stops answering the number: ask first. */
static void
on_remove_from_agent_clicked (GtkWidget          *button,
                              GovorunNumbersPage *self)
{
  const GovorunPhoneNumber *number = row_number (button);
  GovorunAgent *agent = g_object_get_data (G_OBJECT (button), "agent");
  GovorunAccount *account = govorun_numbers_page_get_account (self);
  g_autofree char *label = NULL;
  ConfirmData *data;
  GtkWidget *dialog;

  popdown (button);
  if (number == NULL || agent == NULL || account == NULL)
    return;

  label = govorun_format_phone_number_in_text (number->number);
  dialog = adw_message_dialog_new (parent_window (self), NULL, NULL);
  /* Translators: a phone number, then an agent's name */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Remove %s from “%s”?"),
                                     label, govorun_agent_get_name (agent));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("The agent stops answering calls to this number. Govorun deploys the agent again without it; the number stays in the account."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove Number"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "agent", g_object_ref (agent), g_object_unref);
  data = confirm_data_new (self, account, number);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_remove_from_agent_response), data,
                         (GClosureNotify) (void (*) (void)) confirm_data_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Takes @label. */
static GtkWidget *
agent_button_new (GovorunNumbersPage *self,
                  GovorunAgent       *agent,
                  char               *label,
                  GCallback           callback)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  g_free (label);

  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "agent", g_object_ref (agent), g_object_unref);
  g_signal_connect_object (button, "clicked", callback, self, 0);

  return button;
}

static GtkWidget *
menu_button_new (GovorunNumbersPage       *self,
                 const GovorunPhoneNumber *number)
{
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *button;
  GovorunAccount *account = govorun_numbers_page_get_account (self);
  GovorunAgent *owner = number_owner (self, number);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (menu_button, _("Number Actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Number Actions"), -1);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");

  if (owner != NULL)
    {
      /* Translators: %s is an agent's name */
      gtk_box_append (GTK_BOX (box),
                      agent_button_new (self, owner,
                                        g_strdup_printf (_("Remove from “%s”"),
                                                         govorun_agent_get_name (owner)),
                                        G_CALLBACK (on_remove_from_agent_clicked)));
    }
  else if (self->agents != NULL && account != NULL)
    {
      GListModel *agents = G_LIST_MODEL (self->agents);

      for (guint i = 0; i < g_list_model_get_n_items (agents); i++)
        {
          g_autoptr(GovorunAgent) agent = g_list_model_get_item (agents, i);

          if (g_strcmp0 (govorun_agent_get_vox_account_uuid (agent),
                         govorun_account_get_uuid (account)) == 0)
            /* Translators: %s is an agent's name */
            gtk_box_append (GTK_BOX (box),
                            agent_button_new (self, agent,
                                              g_strdup_printf (_("Use for “%s”"),
                                                               govorun_agent_get_name (agent)),
                                              G_CALLBACK (on_use_for_agent_clicked)));
        }
    }

  if (owner == NULL && number->application_id != 0)
    {
      button = gtk_button_new_with_mnemonic (_("_Unbind"));
      gtk_widget_add_css_class (button, "flat");
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_unbind_clicked), self, 0);
      gtk_box_append (GTK_BOX (box), button);
    }

  button = gtk_button_new_with_mnemonic (_("_Deactivate…"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "error");
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_deactivate_clicked), self, 0);
  gtk_box_append (GTK_BOX (box), button);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu_button), popover);

  return menu_button;
}

static GtkWidget *
number_row_new (GovorunNumbersPage       *self,
                const GovorunPhoneNumber *number)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *number_text = govorun_format_phone_number (number->number);
  g_autofree char *title = g_markup_escape_text (number_text, -1);
  g_autofree char *price = govorun_format_money (number->monthly_price, self->currency);
  g_autofree char *binding = describe_binding (self, number);
  g_autofree char *escaped = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GPtrArray) where = g_ptr_array_new ();

  /* The row itself does nothing; Tab goes to its actions. */
  gtk_widget_set_focusable (row, FALSE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);

  if (number->country_code != NULL && *number->country_code != '\0')
    g_ptr_array_add (where, (gpointer) govorun_phone_places_country_name (number->country_code, NULL));
  if (number->category != NULL && *number->category != '\0')
    g_ptr_array_add (where, (gpointer) govorun_format_phone_category (number->category));
  if (number->region_name != NULL && *number->region_name != '\0')
    g_ptr_array_add (where, number->region_name);
  g_ptr_array_add (where, NULL);
  {
    g_autofree char *line = g_strjoinv (" · ", (char **) where->pdata);

    g_string_append (subtitle, line);
  }

  g_string_append_c (subtitle, '\n');
  if (number->next_renewal != NULL)
    {
      g_autofree char *renewal = govorun_format_date (number->next_renewal);

      /* Translators: a monthly price, then a date */
      g_string_append_printf (subtitle, _("%s/month · renews %s"), price, renewal);
    }
  else
    /* Translators: a monthly price */
    g_string_append_printf (subtitle, _("%s/month"), price);

  g_string_append_c (subtitle, '\n');
  g_string_append (subtitle, binding);

  if (number->deactivated)
    {
      g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, _("Deactivated"));
      gtk_widget_add_css_class (row, "dim-label");
    }
  else if (needs_verification (number))
    {
      g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, _("Documents needed: the number works only after they are "
                                   "verified in the Voximplant control panel."));
    }

  escaped = g_markup_escape_text (subtitle->str, -1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  g_object_set_data_full (G_OBJECT (row), "govorun-number",
                          govorun_phone_number_copy (number),
                          (GDestroyNotify) govorun_phone_number_free);

  if (!number->deactivated)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button_new (self, number));

  return row;
}

static void
rebuild_rows (GovorunNumbersPage *self)
{
  govorun_empty_state_clear_rows (self->numbers_list);

  if (self->owned == NULL)
    return;

  /* Accounts own a handful of numbers; a plain list box is fine. */
  for (guint i = 0; i < self->owned->len; i++)
    gtk_list_box_append (self->numbers_list, number_row_new (self, g_ptr_array_index (self->owned, i)));
}

/* -- refresh -- */

static void
refresh_done (GovorunNumbersPage *self)
{
  if (self->pending > 0)
    self->pending--;
  if (self->pending == 0)
    set_loading (self, FALSE);
}

static void
owned_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GovorunNumbersPage) self = user_data;
  g_autoptr(GPtrArray) owned = NULL;
  g_autoptr(GError) error = NULL;

  owned = govorun_number_service_list_owned_finish (GOVORUN_NUMBER_SERVICE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  refresh_done (self);

  if (owned == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      return;
    }

  g_clear_pointer (&self->owned, g_ptr_array_unref);
  self->owned = g_steal_pointer (&owned);
  rebuild_rows (self);
  gtk_stack_set_visible_child_name (self->list_stack, "list");
}

static void
balance_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GovorunNumbersPage) self = user_data;
  g_autoptr(GovorunAccountBalance) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *money = NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;

  info = govorun_number_service_get_balance_finish (GOVORUN_NUMBER_SERVICE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  refresh_done (self);

  /* The balance only adds the currency and a line; the list says what
   * went wrong if the account cannot be reached at all. */
  if (info == NULL)
    {
      g_debug ("Balance not available: %s", error->message);
      adw_preferences_group_set_description (self->numbers_group, NULL);
      return;
    }

  g_free (self->currency);
  self->currency = g_strdup (info->currency);
  money = govorun_format_money (info->balance, info->currency);
  /* Translators: %s is an amount of money */
  text = g_strdup_printf (_("Balance: %s"), money);
  escaped = g_markup_escape_text (text, -1);
  adw_preferences_group_set_description (self->numbers_group, escaped);

  if (self->owned != NULL)
    rebuild_rows (self);
}

void
govorun_numbers_page_refresh (GovorunNumbersPage *self)
{
  GovorunAccount *account;

  g_return_if_fail (GOVORUN_IS_NUMBERS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->pending = 0;

  account = govorun_numbers_page_get_account (self);
  if (account == NULL || self->numbers == NULL)
    {
      set_loading (self, FALSE);
      return;
    }

  self->cancellable = g_cancellable_new ();
  self->pending = 2;
  set_loading (self, TRUE);
  if (self->owned == NULL)
    gtk_stack_set_visible_child_name (self->list_stack, "loading");

  govorun_number_service_list_owned_async (self->numbers, account, self->cancellable,
                                           owned_cb, g_object_ref (self));
  govorun_number_service_get_balance_async (self->numbers, account, self->cancellable,
                                            balance_cb, g_object_ref (self));
}

static void
on_refresh_clicked (GovorunNumbersPage *self)
{
  govorun_numbers_page_refresh (self);
}

static void
on_account_selected (GovorunNumbersPage *self)
{
  /* Another account's numbers: start from an empty list. */
  g_clear_pointer (&self->owned, g_ptr_array_unref);
  g_clear_pointer (&self->currency, g_free);
  rebuild_rows (self);
  adw_preferences_group_set_description (self->numbers_group, NULL);
  govorun_numbers_page_refresh (self);
}

static void
update_accounts (GovorunNumbersPage *self)
{
  guint n = self->vox_accounts ? g_list_model_get_n_items (self->vox_accounts) : 0;

  gtk_stack_set_visible_child_name (self->stack, n == 0 ? "no-accounts" : "main");
  gtk_widget_set_visible (self->account_group, n > 1);
}

static void
on_accounts_changed (GovorunNumbersPage *self)
{
  update_accounts (self);
}

/* -- buying -- */

static void
on_bought (GovorunBuyNumberDialog *dialog,
           GPtrArray              *bought,
           GovorunNumbersPage     *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; bought != NULL && i < bought->len; i++)
    {
      const GovorunPhoneNumber *number = g_ptr_array_index (bought, i);

      g_ptr_array_add (labels, govorun_format_phone_number_in_text (number->number));
    }
  g_ptr_array_add (labels, NULL);
  joined = g_strjoinv (", ", (char **) labels->pdata);

  /* Translators: %s is one phone number or several, separated by commas */
  text = g_strdup_printf (_("Bought %s"), joined);
  govorun_toast_show (GTK_WIDGET (self), text);
  govorun_numbers_page_refresh (self);
}

/* The header's "+" (win.buy-number) is the page's one Buy button. */
void
govorun_numbers_page_buy (GovorunNumbersPage *self)
{
  GovorunAccount *account = govorun_numbers_page_get_account (self);
  GovorunBuyNumberDialog *dialog;

  if (account == NULL || self->numbers == NULL)
    return;

  dialog = govorun_buy_number_dialog_new (parent_window (self), self->numbers, account);
  g_signal_connect_object (dialog, "bought", G_CALLBACK (on_bought), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* -- setup -- */

static gboolean
filter_voximplant (gpointer item,
                   gpointer user_data)
{
  return govorun_account_get_kind (item) == GOVORUN_ACCOUNT_KIND_VOXIMPLANT;
}

static void
set_agents (GovorunNumbersPage *self,
            GovorunAgentStore  *agents)
{
  if (self->agents == agents)
    return;

  if (self->agents != NULL)
    g_signal_handlers_disconnect_by_func (self->agents, rebuild_rows, self);
  g_set_object (&self->agents, agents);
  /* Agents saved or removed change what the rows say they are bound to. */
  if (agents != NULL)
    g_signal_connect_object (agents, "items-changed", G_CALLBACK (rebuild_rows), self,
                             G_CONNECT_SWAPPED);
}

/* A number taken from an agent is unbound by the agent's next deploy,
 * which runs while this page stays shown: reload when that step is done. */
static void
on_step_changed (GovorunNumbersPage *self,
                 GovorunAgent       *agent,
                 const char         *step_id,
                 int                 state,
                 const char         *message)
{
  if (state == GOVORUN_STEP_DONE && g_str_has_prefix (step_id, "unbind-"))
    govorun_numbers_page_refresh (self);
}

static void
set_provisioner (GovorunNumbersPage *self,
                 GovorunProvisioner *provisioner)
{
  if (self->provisioner == provisioner)
    return;

  if (self->provisioner != NULL)
    g_signal_handlers_disconnect_by_func (self->provisioner, on_step_changed, self);
  g_set_object (&self->provisioner, provisioner);
  if (provisioner != NULL)
    g_signal_connect_object (provisioner, "step-changed", G_CALLBACK (on_step_changed), self,
                             G_CONNECT_SWAPPED);
}

static void
services_set (GovorunPage *page)
{
  GovorunNumbersPage *self = GOVORUN_NUMBERS_PAGE (page);
  g_autoptr(GtkExpression) expression = NULL;
  GtkFilterListModel *model;

  g_return_if_fail (GOVORUN_IS_ACCOUNT_STORE (self->accounts));
  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self->numbers));

  if (self->vox_accounts != NULL)
    g_signal_handlers_disconnect_by_func (self->vox_accounts, on_accounts_changed, self);
  g_clear_object (&self->vox_accounts);

  /* Accounts are few: GTK's filter model is fine here. */
  model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->accounts)),
                                     GTK_FILTER (gtk_custom_filter_new (filter_voximplant, NULL, NULL)));
  self->vox_accounts = G_LIST_MODEL (model);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (on_accounts_changed), self,
                           G_CONNECT_SWAPPED);

  expression = gtk_property_expression_new (GOVORUN_TYPE_ACCOUNT, NULL, "display-name");
  adw_combo_row_set_expression (self->account_row, expression);
  /* Selecting the first account refreshes through notify::selected-item. */
  adw_combo_row_set_model (self->account_row, self->vox_accounts);

  update_accounts (self);
  govorun_numbers_page_refresh (self);
}

static void
shown (GovorunPage *page)
{
  govorun_numbers_page_refresh (GOVORUN_NUMBERS_PAGE (page));
}

static void
govorun_numbers_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GovorunNumbersPage *self = GOVORUN_NUMBERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNTS:
      g_value_set_object (value, self->accounts);
      break;

    case PROP_NUMBERS:
      g_value_set_object (value, self->numbers);
      break;

    case PROP_AGENTS:
      g_value_set_object (value, self->agents);
      break;

    case PROP_PROVISIONER:
      g_value_set_object (value, self->provisioner);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_numbers_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  GovorunNumbersPage *self = GOVORUN_NUMBERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNTS:
      g_set_object (&self->accounts, g_value_get_object (value));
      break;

    case PROP_NUMBERS:
      g_set_object (&self->numbers, g_value_get_object (value));
      break;

    case PROP_AGENTS:
      set_agents (self, g_value_get_object (value));
      break;

    case PROP_PROVISIONER:
      set_provisioner (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_numbers_page_dispose (GObject *object)
{
  GovorunNumbersPage *self = GOVORUN_NUMBERS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_NUMBERS_PAGE);

  g_clear_object (&self->vox_accounts);
  g_clear_object (&self->accounts);
  g_clear_object (&self->numbers);
  g_clear_object (&self->agents);
  g_clear_object (&self->provisioner);

  G_OBJECT_CLASS (govorun_numbers_page_parent_class)->dispose (object);
}

static void
govorun_numbers_page_finalize (GObject *object)
{
  GovorunNumbersPage *self = GOVORUN_NUMBERS_PAGE (object);

  g_clear_pointer (&self->owned, g_ptr_array_unref);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (govorun_numbers_page_parent_class)->finalize (object);
}

static void
govorun_numbers_page_class_init (GovorunNumbersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GovorunPageClass *page_class = GOVORUN_PAGE_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = govorun_numbers_page_dispose;
  object_class->finalize = govorun_numbers_page_finalize;
  object_class->get_property = govorun_numbers_page_get_property;
  object_class->set_property = govorun_numbers_page_set_property;
  page_class->services_set = services_set;
  page_class->shown = shown;
  page_class->refresh = (void (*) (GovorunPage *)) govorun_numbers_page_refresh;

  properties[PROP_ACCOUNTS] =
    g_param_spec_object ("accounts", NULL, NULL, GOVORUN_TYPE_ACCOUNT_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBERS] =
    g_param_spec_object ("numbers", NULL, NULL, GOVORUN_TYPE_NUMBER_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGENTS] =
    g_param_spec_object ("agents", NULL, NULL, GOVORUN_TYPE_AGENT_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROVISIONER] =
    g_param_spec_object ("provisioner", NULL, NULL, GOVORUN_TYPE_PROVISIONER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/govorun-numbers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GovorunNumbersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GovorunNumbersPage, account_group);
  gtk_widget_class_bind_template_child (widget_class, GovorunNumbersPage, account_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunNumbersPage, numbers_group);
  gtk_widget_class_bind_template_child (widget_class, GovorunNumbersPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, GovorunNumbersPage, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunNumbersPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, GovorunNumbersPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, GovorunNumbersPage, numbers_list);
  gtk_widget_class_bind_template_callback (widget_class, on_refresh_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_account_selected);

  signals[SIGNAL_USE_FOR_AGENT] =
    g_signal_new ("use-for-agent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, GOVORUN_TYPE_AGENT, G_TYPE_INT64, G_TYPE_STRING);
  signals[SIGNAL_REMOVE_FROM_AGENT] =
    g_signal_new ("remove-from-agent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, GOVORUN_TYPE_AGENT, G_TYPE_INT64);
}

static void
govorun_numbers_page_init (GovorunNumbersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  govorun_empty_state_set (self->numbers_list, "call-start-symbolic", _("No Numbers Yet"),
                           _("This account has no phone numbers yet. "
                             "Buy one to put an agent on it."));
  gtk_stack_set_visible_child_name (self->stack, "no-accounts");
}

GtkWidget *
govorun_numbers_page_new (void)
{
  return g_object_new (GOVORUN_TYPE_NUMBERS_PAGE, NULL);
}
