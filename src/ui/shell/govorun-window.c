/* govorun-window.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-account-dialog.h"
#include "govorun-accounts-page.h"
#include "govorun-agents-page.h"
#include "govorun-calls-page.h"
#include "govorun-campaign-notifications.h"
#include "govorun-campaigns-page.h"
#include "govorun-integration-notifications.h"
#include "govorun-integrations-page.h"
#include "govorun-buy-number-dialog.h"
#include "govorun-agents-offer.h"
#include "govorun-error-banner.h"
#include "govorun-find-agents-dialog.h"
#include "govorun-numbers-page.h"
#include "govorun-overview-page.h"
#include "govorun-preferences-window.h"
#include "govorun-settings-transfer.h"
#include "govorun-toast.h"
#include "govorun-window.h"

struct _GovorunWindow
{
  AdwApplicationWindow  parent_instance;

  GovorunServices      *services;
  GSettings            *settings;
  gulong                items_handler;
  gboolean              welcome_done;

  /* template children */
  GtkStack             *main_stack;
  AdwStatusPage        *failed_page;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkLabel             *sandbox_badge;
  AdwWindowTitle       *content_title;
  GtkWidget            *back_button;
  GovorunErrorBanner   *error_banner;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *content_stack;
  GovorunAccountsPage  *accounts_page;
  GovorunAgentsPage    *agents_page;
  GovorunNumbersPage   *numbers_page;
  GovorunCampaignsPage *campaigns_page;
  GovorunIntegrationsPage *integrations_page;
  GtkWidget            *calls_page;
  GtkWidget            *add_account_button;
  GtkMenuButton        *menu_button;
  GtkListBox           *sidebar_list;
};

G_DEFINE_FINAL_TYPE (GovorunWindow, govorun_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SERVICES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_page (GovorunWindow *self,
                       const char    *name);

static void
update_page (GovorunWindow *self)
{
  GovorunAccountStore *accounts = govorun_services_get_accounts (self->services);
  g_autofree char *failure = NULL;

  switch (govorun_services_get_state (self->services))
    {
    case GOVORUN_SERVICES_STATE_LOADING:
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
      break;

    case GOVORUN_SERVICES_STATE_FAILED:
      /* Status page descriptions are markup; the failure quotes paths. */
      failure = g_markup_escape_text (govorun_services_get_failure (self->services), -1);
      adw_status_page_set_description (self->failed_page, failure);
      gtk_stack_set_visible_child_name (self->main_stack, "failed");
      break;

    case GOVORUN_SERVICES_STATE_READY:
    default:
      /* The welcome page greets a first run only; once an account exists, or
       * the person moved on from it, the main view stays. */
      if (!self->welcome_done && !govorun_services_is_sandbox (self->services) &&
          g_list_model_get_n_items (G_LIST_MODEL (accounts)) == 0)
        {
          gtk_stack_set_visible_child_name (self->main_stack, "welcome");
        }
      else
        {
          self->welcome_done = TRUE;
          gtk_stack_set_visible_child_name (self->main_stack, "main");
        }
      break;
    }
}

static void
on_items_changed (GovorunWindow *self)
{
  update_page (self);
}

/* The pages of the content stack, in their sidebar order. */
static GPtrArray *
list_pages (GovorunWindow *self)
{
  GPtrArray *pages = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GOVORUN_IS_PAGE (child))
      g_ptr_array_add (pages, child);

  return pages;
}

static void
on_state_changed (GovorunWindow *self)
{
  GovorunAccountStore *accounts = govorun_services_get_accounts (self->services);

  if (govorun_services_get_state (self->services) == GOVORUN_SERVICES_STATE_READY &&
      self->items_handler == 0)
    {
      g_autoptr(GPtrArray) pages = list_pages (self);

      self->items_handler = g_signal_connect_object (accounts, "items-changed",
                                                     G_CALLBACK (on_items_changed), self,
                                                     G_CONNECT_SWAPPED);
      for (guint i = 0; i < pages->len; i++)
        govorun_page_set_services (g_ptr_array_index (pages, i), self->services);
      govorun_agents_offer_watch (self->toast_overlay, accounts,
                                  govorun_services_get_agent_finder (self->services));
      /* A campaign that ends or stops while the window is elsewhere says so
       * on the desktop. */
      govorun_campaign_notifications_watch (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                                            govorun_services_get_campaigns (self->services));
      /* So does an integration paused after a day of failed deliveries. */
      govorun_integration_notifications_watch (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                                               govorun_services_get_integrations (self->services));
      /* With accounts in place, the agents are what a person came for. */
      if (g_list_model_get_n_items (G_LIST_MODEL (accounts)) > 0 ||
          govorun_services_is_sandbox (self->services))
        show_page (self, "agents");
    }

  update_page (self);
}

static GovorunPage *
visible_page (GovorunWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->content_stack);

  return GOVORUN_IS_PAGE (child) ? GOVORUN_PAGE (child) : NULL;
}

/* The header names the subpage shown (an agent), else the page; its back
 * button leaves the subpage, or returns to the sidebar when folded. */
static void
update_header (GovorunWindow *self)
{
  GovorunPage *page = visible_page (self);
  const char *subpage;

  if (page == NULL)
    return;

  subpage = govorun_page_get_subpage_title (page);
  adw_window_title_set_title (self->content_title, subpage != NULL ? subpage : govorun_page_get_title (page));
  gtk_widget_set_visible (self->back_button, subpage != NULL || adw_leaflet_get_folded (self->leaflet));
  /* On a subpage the list's "+" is not what the view is about; a page
   * with nothing to add (Calls) has none. */
  gtk_widget_set_visible (self->add_account_button,
                          subpage == NULL && govorun_page_get_action_name (page) != NULL);
}

static void
on_subpage_changed (GovorunWindow *self,
                    GParamSpec    *pspec,
                    GovorunPage   *page)
{
  if (page == visible_page (self))
    update_header (self);
}

/* The header's "+" does what the page is about. */
static void
show_page (GovorunWindow *self,
           const char    *name)
{
  GtkWidget *child = gtk_stack_get_child_by_name (self->content_stack, name);
  GovorunPage *page;

  g_return_if_fail (GOVORUN_IS_PAGE (child));
  page = GOVORUN_PAGE (child);

  gtk_stack_set_visible_child (self->content_stack, child);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_account_button),
                                  govorun_page_get_action_name (page));
  gtk_widget_set_tooltip_text (self->add_account_button, govorun_page_get_action_tooltip (page));
  /* An icon-only button is named for screen readers, not only hovered. */
  if (govorun_page_get_action_tooltip (page) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_account_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    govorun_page_get_action_tooltip (page), -1);
  /* An error belongs to the page it came from. */
  govorun_error_banner_set_text (self->error_banner, NULL);
  update_header (self);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0 &&
        gtk_list_box_get_selected_row (self->sidebar_list) != GTK_LIST_BOX_ROW (row))
      gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));

  govorun_page_shown (page);
}

static GtkWidget *
sidebar_row_new (GovorunPage *page,
                 const char  *name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (govorun_page_get_title (page));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (govorun_page_get_icon_name (page)));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, name);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);

  return row;
}

/* One sidebar row per page, in the order of the content stack: a new page
 * in the template is a new row. */
static void
build_sidebar (GovorunWindow *self)
{
  g_autoptr(GPtrArray) pages = list_pages (self);

  for (guint i = 0; i < pages->len; i++)
    {
      GtkWidget *page = g_ptr_array_index (pages, i);
      GtkStackPage *stack_page = gtk_stack_get_page (self->content_stack, page);

      gtk_list_box_append (self->sidebar_list,
                           sidebar_row_new (GOVORUN_PAGE (page), gtk_stack_page_get_name (stack_page)));
    }
}

static void
on_sidebar_row_activated (GovorunWindow *self,
                          GtkListBoxRow *row)
{
  show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked (GovorunWindow *self)
{
  GovorunPage *page = visible_page (self);

  if (page == NULL || !govorun_page_go_back (page))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
in_main_view (GovorunWindow *self)
{
  return gtk_stack_get_visible_child (self->main_stack) == GTK_WIDGET (self->leaflet);
}

/* Alt+Left goes back as the header's button does; Escape only leaves a
 * subpage (and is left to whatever else wants it otherwise). */
static gboolean
back_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  GovorunWindow *self = GOVORUN_WINDOW (widget);
  GovorunPage *page = visible_page (self);

  if (!in_main_view (self))
    return FALSE;
  if (page != NULL && govorun_page_go_back (page))
    return TRUE;
  if (g_variant_get_boolean (args) && adw_leaflet_get_folded (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) == self->content)
    return adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);

  return FALSE;
}

/* Ctrl+F searches the page shown, when it has a search; otherwise the keys
 * do nothing. */
static gboolean
search_shortcut (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  GovorunWindow *self = GOVORUN_WINDOW (widget);
  GovorunPage *page = visible_page (self);
  GtkWidget *shown = adw_leaflet_get_visible_child (self->leaflet);

  if (!in_main_view (self) || page == NULL)
    return FALSE;

  /* Folded on the sidebar, the page comes back for its search, and goes
   * again when it has none. */
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  if (govorun_page_search (page))
    return TRUE;
  adw_leaflet_set_visible_child (self->leaflet, shown);

  return FALSE;
}

void
govorun_window_add_account (GovorunWindow *self,
                            GFile         *file)
{
  GovorunAccountDialog *dialog;

  g_return_if_fail (GOVORUN_IS_WINDOW (self));

  if (govorun_services_get_state (self->services) != GOVORUN_SERVICES_STATE_READY)
    return;

  dialog = govorun_account_dialog_new (GTK_WINDOW (self),
                                       govorun_services_get_accounts (self->services),
                                       govorun_services_get_tester (self->services),
                                       NULL);
  if (file != NULL)
    govorun_account_dialog_load_credentials_file (dialog, file);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_agent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GovorunWindow *self = GOVORUN_WINDOW (widget);

  if (govorun_services_get_state (self->services) != GOVORUN_SERVICES_STATE_READY)
    return;

  show_page (self, "agents");
  govorun_agents_page_new_agent (self->agents_page);
}

static void
on_use_for_agent (GovorunWindow *self,
                  GovorunAgent  *agent,
                  gint64         phone_id,
                  const char    *number)
{
  show_page (self, "agents");
  govorun_agents_page_change_numbers (self->agents_page, agent, phone_id, number, 0);
}

static void
on_remove_from_agent (GovorunWindow *self,
                      GovorunAgent  *agent,
                      gint64         phone_id)
{
  /* The person stays on Numbers; the agent is deployed again meanwhile. */
  govorun_agents_page_change_numbers (self->agents_page, agent, 0, NULL, phone_id);
}

static void
buy_number_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GovorunWindow *self = GOVORUN_WINDOW (widget);

  if (govorun_numbers_page_get_account (self->numbers_page) == NULL)
    {
      govorun_toast_show (widget, _("Add a Voximplant account first"));
      return;
    }

  govorun_numbers_page_buy (self->numbers_page);
}

/* The page shown decides what Ctrl+N makes: its header "+". */
static void
new_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GovorunWindow *self = GOVORUN_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->content_stack);

  /* On the welcome page the accounts page is the one behind it. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") != 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "welcome") != 0)
    return;

  if (GOVORUN_IS_PAGE (page) && govorun_page_get_action_name (GOVORUN_PAGE (page)) != NULL)
    gtk_widget_activate_action (widget, govorun_page_get_action_name (GOVORUN_PAGE (page)), NULL);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GovorunWindow *self = GOVORUN_WINDOW (widget);
  GovorunPage *page = visible_page (self);

  if (in_main_view (self) && page != NULL)
    govorun_page_refresh (page);
}

/* F10 opens the main menu at any width: when the sidebar is folded away,
 * it comes back first. */
static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GovorunWindow *self = GOVORUN_WINDOW (widget);

  if (gtk_stack_get_visible_child (self->main_stack) != GTK_WIDGET (self->leaflet))
    return;

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_menu_button_popup (self->menu_button);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GovorunWindow *self = GOVORUN_WINDOW (widget);
  GovorunPreferencesWindow *prefs;

  prefs = govorun_preferences_window_new (GTK_WINDOW (self), self->settings,
                                          govorun_services_is_sandbox (self->services));
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
find_agents_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GovorunWindow *self = GOVORUN_WINDOW (widget);

  if (govorun_services_get_state (self->services) != GOVORUN_SERVICES_STATE_READY)
    return;
  gtk_window_present (GTK_WINDOW (govorun_find_agents_dialog_new (GTK_WINDOW (self),
                                                                  govorun_services_get_agent_finder (self->services),
                                                                  govorun_services_get_accounts (self->services))));
}

static void
settings_file_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GovorunWindow *self = GOVORUN_WINDOW (widget);
  GovorunSettingsFile *settings_file = govorun_services_get_settings_file (self->services);

  if (settings_file == NULL)
    return;
  if (g_str_equal (action_name, "win.export-settings"))
    govorun_settings_transfer_export (GTK_WINDOW (self), settings_file);
  else
    govorun_settings_transfer_import (GTK_WINDOW (self), settings_file);
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  govorun_window_add_account (GOVORUN_WINDOW (widget), NULL);
}

static void
new_campaign_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GovorunWindow *self = GOVORUN_WINDOW (widget);

  if (govorun_services_get_state (self->services) != GOVORUN_SERVICES_STATE_READY)
    return;

  show_page (self, "campaigns");
  govorun_campaigns_page_new_campaign (self->campaigns_page, NULL);
}

static void
add_integration_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GovorunWindow *self = GOVORUN_WINDOW (widget);

  if (govorun_services_get_state (self->services) != GOVORUN_SERVICES_STATE_READY)
    return;

  show_page (self, "integrations");
  govorun_integrations_page_add (self->integrations_page);
}

/* A page shows a call (a campaign contact's) without knowing the window:
 * it activates "win.show-call" with the call's row id. */
static void
show_call_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GovorunWindow *self = GOVORUN_WINDOW (widget);

  show_page (self, "calls");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_activate_action_variant (self->calls_page, "calls.open", parameter);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GovorunWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_dup_object (value);
  else if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      if (files != NULL)
        file = g_object_ref (files->data);
      g_slist_free (files);
    }
  if (file == NULL)
    return FALSE;

  /* A table of contacts dropped anywhere on the window starts a campaign
   * with it; anything else is taken for a service-account key file. */
  if (govorun_campaigns_page_accepts_file (file))
    {
      if (govorun_services_get_state (self->services) != GOVORUN_SERVICES_STATE_READY)
        return FALSE;
      show_page (self, "campaigns");
      govorun_campaigns_page_new_campaign (self->campaigns_page, file);
      return TRUE;
    }

  govorun_window_add_account (self, file);

  return TRUE;
}

static void
govorun_window_constructed (GObject *object)
{
  GovorunWindow *self = GOVORUN_WINDOW (object);

  G_OBJECT_CLASS (govorun_window_parent_class)->constructed (object);

  g_return_if_fail (GOVORUN_IS_SERVICES (self->services));

  if (govorun_services_is_sandbox (self->services))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->sandbox_badge), TRUE);
      gtk_window_set_title (GTK_WINDOW (self), _("Govorun — Sandbox"));
      adw_window_title_set_subtitle (self->content_title, _("Sandbox: demo data, emulated providers"));
    }

  build_sidebar (self);
  {
    g_autoptr(GPtrArray) pages = list_pages (self);

    for (guint i = 0; i < pages->len; i++)
      g_signal_connect_object (g_ptr_array_index (pages, i), "notify::subpage-title",
                               G_CALLBACK (on_subpage_changed), self, G_CONNECT_SWAPPED);
  }
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_header), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->services, "notify::state", G_CALLBACK (on_state_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->numbers_page, "use-for-agent", G_CALLBACK (on_use_for_agent),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->numbers_page, "remove-from-agent",
                           G_CALLBACK (on_remove_from_agent), self, G_CONNECT_SWAPPED);
  show_page (self, "accounts");
  on_state_changed (self);
}

static void
govorun_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GovorunWindow *self = GOVORUN_WINDOW (object);

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
govorun_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GovorunWindow *self = GOVORUN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SERVICES:
      self->services = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_window_dispose (GObject *object)
{
  GovorunWindow *self = GOVORUN_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (govorun_window_parent_class)->dispose (object);
}

static void
govorun_window_class_init (GovorunWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = govorun_window_constructed;
  object_class->dispose = govorun_window_dispose;
  object_class->get_property = govorun_window_get_property;
  object_class->set_property = govorun_window_set_property;

  properties[PROP_SERVICES] =
    g_param_spec_object ("services", NULL, NULL, GOVORUN_TYPE_SERVICES,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GOVORUN_TYPE_ERROR_BANNER);
  g_type_ensure (GOVORUN_TYPE_ACCOUNTS_PAGE);
  g_type_ensure (GOVORUN_TYPE_AGENTS_PAGE);
  g_type_ensure (GOVORUN_TYPE_CALLS_PAGE);
  g_type_ensure (GOVORUN_TYPE_CAMPAIGNS_PAGE);
  g_type_ensure (GOVORUN_TYPE_INTEGRATIONS_PAGE);
  g_type_ensure (GOVORUN_TYPE_NUMBERS_PAGE);
  g_type_ensure (GOVORUN_TYPE_OVERVIEW_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/govorun-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, failed_page);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, content);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, sandbox_badge);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, error_banner);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, accounts_page);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, agents_page);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, numbers_page);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, campaigns_page);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, integrations_page);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, calls_page);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, add_account_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  govorun_toast_install_action (widget_class);
  govorun_error_banner_install_action (widget_class, G_STRUCT_OFFSET (GovorunWindow, error_banner));
  gtk_widget_class_install_action (widget_class, "win.add-account", NULL, add_account_action);
  gtk_widget_class_install_action (widget_class, "win.new-agent", NULL, new_agent_action);
  gtk_widget_class_install_action (widget_class, "win.buy-number", NULL, buy_number_action);
  gtk_widget_class_install_action (widget_class, "win.new-campaign", NULL, new_campaign_action);
  gtk_widget_class_install_action (widget_class, "win.add-integration", NULL, add_integration_action);
  gtk_widget_class_install_action (widget_class, "win.show-call", "x", show_call_action);
  gtk_widget_class_install_action (widget_class, "win.new-item", NULL, new_item_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.menu", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.find-agents", NULL, find_agents_action);
  gtk_widget_class_install_action (widget_class, "win.export-settings", NULL, settings_file_action);
  gtk_widget_class_install_action (widget_class, "win.import-settings", NULL, settings_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, 0, "win.menu", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, back_shortcut, "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, back_shortcut, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, search_shortcut, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
}

static void
govorun_window_init (GovorunWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The window's size comes back as it was left. */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

GovorunWindow *
govorun_window_new (GtkApplication  *application,
                    GovorunServices *services)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (GOVORUN_IS_SERVICES (services), NULL);

  return g_object_new (GOVORUN_TYPE_WINDOW,
                       "application", application,
                       "services", services,
                       NULL);
}
