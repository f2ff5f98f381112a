/* govorun-agents-page.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAgentsPage"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-agent-details.h"
#include "govorun-agent-dialog.h"
#include "govorun-agent-row.h"
#include "govorun-agents-page.h"
#include "govorun-empty-state.h"
#include "govorun-error-banner.h"
#include "govorun-toast.h"

struct _GovorunAgentsPage
{
  GovorunPage          parent_instance;

  GovorunServices     *services;

  GtkStack            *stack;
  GtkSearchEntry      *search_entry;
  GtkListBox          *list;
  GovorunAgentDetails *details;

  GtkCustomFilter     *filter;
  GovorunAgent        *named;   /* the agent whose name the header shows */
};

G_DEFINE_FINAL_TYPE (GovorunAgentsPage, govorun_agents_page, GOVORUN_TYPE_PAGE)

enum {
  PROP_0,
  PROP_SERVICES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_stack (GovorunAgentsPage *self)
{
  GListModel *agents;

  if (self->services == NULL)
    return;

  agents = G_LIST_MODEL (govorun_services_get_agents (self->services));

  /* The details stay while their agent exists. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "details") == 0)
    {
      GovorunAgent *shown = govorun_agent_details_get_agent (self->details);

      if (shown != NULL && govorun_agent_get_uuid (shown) != NULL &&
          govorun_agent_store_find_by_uuid (govorun_services_get_agents (self->services),
                                            govorun_agent_get_uuid (shown)) != NULL)
        return;
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (agents) > 0 ? "list" : "empty");
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GovorunAgentsPage *self = user_data;

  return GTK_WIDGET (govorun_agent_row_new (item, govorun_services_get_accounts (self->services)));
}

/* The window's header names the agent shown, as it is renamed too. */
static void
update_subpage_title (GovorunAgentsPage *self)
{
  govorun_page_set_subpage_title (GOVORUN_PAGE (self),
                                  self->named != NULL ? govorun_agent_get_name (self->named) : NULL);
}

static void
set_named (GovorunAgentsPage *self,
           GovorunAgent      *agent)
{
  if (self->named != NULL)
    g_signal_handlers_disconnect_by_func (self->named, update_subpage_title, self);
  g_set_object (&self->named, agent);
  if (agent != NULL)
    g_signal_connect_object (agent, "notify::name", G_CALLBACK (update_subpage_title), self,
                             G_CONNECT_SWAPPED);
  update_subpage_title (self);
}

static void
show_details (GovorunAgentsPage *self,
              GovorunAgent      *agent)
{
  govorun_agent_details_set_agent (self->details, agent);
  gtk_stack_set_visible_child_name (self->stack, "details");
  set_named (self, agent);
}

static void
on_row_activated (GovorunAgentsPage *self,
                  GtkListBoxRow     *row)
{
  show_details (self, govorun_agent_row_get_agent (GOVORUN_AGENT_ROW (row)));
}

static void
on_details_back (GovorunAgentsPage *self)
{
  govorun_agent_details_set_agent (self->details, NULL);
  gtk_stack_set_visible_child_name (self->stack, "list");
  set_named (self, NULL);
  update_stack (self);
}

static gboolean
go_back (GovorunPage *page)
{
  GovorunAgentsPage *self = GOVORUN_AGENTS_PAGE (page);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "details") != 0)
    return FALSE;

  on_details_back (self);
  return TRUE;
}

static gboolean
search (GovorunPage *page)
{
  GovorunAgentsPage *self = GOVORUN_AGENTS_PAGE (page);

  /* From an agent's details, Ctrl+F goes to the list it searches. */
  go_back (page);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") != 0)
    return FALSE;

  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Escape in the search empties it (and shows every agent again). */
static void
on_search_stopped (GovorunAgentsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* F5: the agent shown is compared with its Voximplant account again (its
 * status there); the list itself is Govorun's own data. */
static void
refresh (GovorunPage *page)
{
  GovorunAgentsPage *self = GOVORUN_AGENTS_PAGE (page);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "details") == 0)
    govorun_agent_details_check_drift (self->details);
}

static gboolean
name_matches (gpointer item,
              gpointer user_data)
{
  GovorunAgentsPage *self = user_data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  g_autofree char *name = NULL;

  if (*query == '\0')
    return TRUE;

  needle = g_utf8_casefold (query, -1);
  name = g_utf8_casefold (govorun_agent_get_name (item) ? govorun_agent_get_name (item) : "", -1);

  return strstr (name, needle) != NULL;
}

static void
on_search_changed (GovorunAgentsPage *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  govorun_empty_state_set (self->list, "system-search-symbolic",
                           *query != '\0' ? _("No Matching Agents") : NULL,
                           _("No agent has that in its name."));
}

void
govorun_agents_page_show_and_apply (GovorunAgentsPage *self,
                                    GovorunAgent      *agent)
{
  g_return_if_fail (GOVORUN_IS_AGENTS_PAGE (self));

  show_details (self, agent);
  govorun_agent_details_apply (self->details);
}

static void
on_dialog_done (GovorunAgentsPage *self,
                GovorunAgent      *agent)
{
  govorun_agents_page_show_and_apply (self, agent);
}

static void
open_dialog (GovorunAgentsPage *self,
             GovorunAgent      *agent)
{
  GovorunAgentDialog *dialog;

  if (self->services == NULL)
    return;

  dialog = govorun_agent_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                     self->services, agent);
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_dialog_done), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_details_edit (GovorunAgentsPage *self)
{
  open_dialog (self, govorun_agent_details_get_agent (self->details));
}

static void
numbers_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GovorunAgentsPage) self = user_data;
  g_autoptr(GovorunAgent) saved = NULL;
  g_autoptr(GError) error = NULL;

  saved = govorun_agent_store_save_finish (GOVORUN_AGENT_STORE (object), result, &error);
  if (saved == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        govorun_error_show (GTK_WIDGET (self), error->message);
      return;
    }

  govorun_agents_page_show_and_apply (self, saved);
}

void
govorun_agents_page_change_numbers (GovorunAgentsPage *self,
                                    GovorunAgent      *agent,
                                    gint64             add_phone_id,
                                    const char        *add_number,
                                    gint64             remove_phone_id)
{
  g_autoptr(GovorunAgent) edited = NULL;
  g_autoptr(GPtrArray) numbers = NULL;
  GPtrArray *current;

  g_return_if_fail (GOVORUN_IS_AGENTS_PAGE (self));
  g_return_if_fail (GOVORUN_IS_AGENT (agent));

  if (self->services == NULL)
    return;

  edited = govorun_agent_copy (agent);
  current = govorun_agent_get_numbers (agent);
  numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_agent_number_free);

  for (guint i = 0; current != NULL && i < current->len; i++)
    {
      GovorunAgentNumber *number = g_ptr_array_index (current, i);

      if (number->phone_id != remove_phone_id && number->phone_id != add_phone_id)
        g_ptr_array_add (numbers, govorun_agent_number_copy (number));
    }
  if (add_phone_id != 0 && add_number != NULL)
    g_ptr_array_add (numbers, govorun_agent_number_new (add_phone_id,
                                                        add_number[0] == '+' ? add_number + 1 : add_number));

  govorun_agent_set_numbers (edited, numbers);
  govorun_agent_store_save_async (govorun_services_get_agents (self->services), edited, NULL,
                                  numbers_saved_cb, g_object_ref (self));
}

static void
missing_response_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     GovorunAgentsPage *self)
{
  if (g_strcmp0 (response, "add") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.add-account", NULL);
}

void
govorun_agents_page_new_agent (GovorunAgentsPage *self)
{
  GovorunAccountStore *accounts;
  GtkWidget *dialog;

  g_return_if_fail (GOVORUN_IS_AGENTS_PAGE (self));

  if (self->services == NULL)
    return;

  /* An agent joins two accounts; say so up front rather than offer a
   * wizard with an empty list. */
  accounts = govorun_services_get_accounts (self->services);
  if (govorun_account_store_count_kind (accounts, GOVORUN_ACCOUNT_KIND_ELEVENLABS) > 0 &&
      govorun_account_store_count_kind (accounts, GOVORUN_ACCOUNT_KIND_VOXIMPLANT) > 0)
    {
      open_dialog (self, NULL);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Connect Both Accounts First"),
                                   _("An agent joins an ElevenLabs voice agent to Voximplant telephony. Add an ElevenLabs key and a Voximplant account, then create the agent."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Not Now"),
                                    "add", _("_Add Account"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (missing_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_agent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  govorun_agents_page_new_agent (GOVORUN_AGENTS_PAGE (widget));
}

static void
services_set (GovorunPage *page)
{
  GovorunAgentsPage *self = GOVORUN_AGENTS_PAGE (page);
  GovorunAgentStore *agents;
  g_autoptr(GtkFilterListModel) model = NULL;

  g_return_if_fail (GOVORUN_IS_SERVICES (self->services));

  agents = govorun_services_get_agents (self->services);
  g_object_set (self->details,
                "accounts", govorun_services_get_accounts (self->services),
                "agents", agents,
                "provisioner", govorun_services_get_provisioner (self->services),
                "agent-widget", govorun_services_get_agent_widget (self->services),
                "agent-finder", govorun_services_get_agent_finder (self->services),
                "agent-analysis", govorun_services_get_agent_analysis (self->services),
                "test-calls", govorun_services_get_test_calls (self->services),
                NULL);
  self->filter = gtk_custom_filter_new (name_matches, self, NULL);
  model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (agents)), GTK_FILTER (self->filter));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (model), create_row, self, NULL);
  g_signal_connect_object (agents, "items-changed", G_CALLBACK (update_stack), self,
                           G_CONNECT_SWAPPED);
  update_stack (self);
}

static void
govorun_agents_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GovorunAgentsPage *self = GOVORUN_AGENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SERVICES:
      g_value_set_object (value, self->services);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_agents_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GovorunAgentsPage *self = GOVORUN_AGENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SERVICES:
      /* Set once: the rows and the details are bound to these services. */
      g_return_if_fail (self->services == NULL);
      self->services = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_agents_page_dispose (GObject *object)
{
  GovorunAgentsPage *self = GOVORUN_AGENTS_PAGE (object);

  set_named (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_AGENTS_PAGE);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (govorun_agents_page_parent_class)->dispose (object);
}

static void
govorun_agents_page_class_init (GovorunAgentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GovorunPageClass *page_class = GOVORUN_PAGE_CLASS (klass);

  object_class->dispose = govorun_agents_page_dispose;
  object_class->get_property = govorun_agents_page_get_property;
  object_class->set_property = govorun_agents_page_set_property;
  page_class->services_set = services_set;
  page_class->go_back = go_back;
  page_class->search = search;
  page_class->refresh = refresh;

  properties[PROP_SERVICES] =
    g_param_spec_object ("services", NULL, NULL, GOVORUN_TYPE_SERVICES,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GOVORUN_TYPE_AGENT_DETAILS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/govorun-agents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentsPage, list);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentsPage, details);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_details_back);
  gtk_widget_class_bind_template_callback (widget_class, on_details_edit);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped);

  gtk_widget_class_install_action (widget_class, "page.new-agent", NULL, new_agent_action);
}

static void
govorun_agents_page_init (GovorunAgentsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
