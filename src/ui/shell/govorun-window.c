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
#include "govorun-buy-number-dialog.h"
#include "govorun-numbers-page.h"
#include "govorun-window.h"

struct _GovorunWindow
{
  AdwApplicationWindow  parent_instance;

  GovorunApplication   *app;
  GSettings            *settings;
  gulong                state_handler;
  gulong                items_handler;
  gboolean              welcome_done;

  /* template children */
  GtkStack             *main_stack;
  AdwStatusPage        *failed_page;
  AdwLeaflet           *leaflet;
  GtkWidget            *content;
  GtkLabel             *sandbox_badge;
  AdwWindowTitle       *content_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *content_stack;
  GovorunAccountsPage  *accounts_page;
  GovorunAgentsPage    *agents_page;
  GovorunNumbersPage   *numbers_page;
  GtkWidget            *add_account_button;
  GtkListBoxRow        *agents_row;
  GtkListBoxRow        *numbers_row;
  GtkListBox           *sidebar_list;
  GtkListBoxRow        *accounts_row;
};

G_DEFINE_FINAL_TYPE (GovorunWindow, govorun_window, ADW_TYPE_APPLICATION_WINDOW)

static void show_page (GovorunWindow *self,
                       const char    *name);

static void
update_page (GovorunWindow *self)
{
  GovorunAccountStore *accounts = govorun_application_get_accounts (self->app);

  switch (govorun_application_get_state (self->app))
    {
    case GOVORUN_APPLICATION_STATE_LOADING:
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
      break;

    case GOVORUN_APPLICATION_STATE_FAILED:
      adw_status_page_set_description (self->failed_page,
                                       govorun_application_get_failure (self->app));
      gtk_stack_set_visible_child_name (self->main_stack, "failed");
      break;

    case GOVORUN_APPLICATION_STATE_READY:
    default:
      /* The welcome page greets a first run only; once an account exists, or
       * the person moved on from it, the main view stays. */
      if (!self->welcome_done && !govorun_application_is_sandbox (self->app) &&
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

static void
on_state_changed (GovorunWindow *self)
{
  GovorunAccountStore *accounts = govorun_application_get_accounts (self->app);

  if (govorun_application_get_state (self->app) == GOVORUN_APPLICATION_STATE_READY &&
      self->items_handler == 0 && accounts != NULL)
    {
      self->items_handler = g_signal_connect_object (accounts, "items-changed",
                                                     G_CALLBACK (on_items_changed), self,
                                                     G_CONNECT_SWAPPED);
      govorun_accounts_page_set_services (self->accounts_page, accounts,
                                          govorun_application_get_tester (self->app));
      govorun_agents_page_set_application (self->agents_page, self->app);
      govorun_numbers_page_set_services (self->numbers_page, accounts,
                                         govorun_application_get_numbers (self->app),
                                         govorun_application_get_agents (self->app));
      /* With accounts in place, the agents are what a person came for. */
      if (g_list_model_get_n_items (G_LIST_MODEL (accounts)) > 0 ||
          govorun_application_is_sandbox (self->app))
        show_page (self, "agents");
    }

  update_page (self);
}

/* The header's "+" does what the page is about. */
static void
show_page (GovorunWindow *self,
           const char    *name)
{
  static const struct {
    const char *page;
    const char *action;
    const char *tooltip;
    const char *title;
  } pages[] = {
    { "agents", "win.new-agent", N_("New Agent"), N_("Agents") },
    { "numbers", "win.buy-number", N_("Buy a Number"), N_("Numbers") },
    { "accounts", "win.add-account", N_("Add Account"), N_("Accounts") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_str_equal (name, pages[i].page))
      {
        GtkListBoxRow *row = i == 0 ? self->agents_row : i == 1 ? self->numbers_row : self->accounts_row;

        gtk_stack_set_visible_child_name (self->content_stack, name);
        gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_account_button), pages[i].action);
        gtk_widget_set_tooltip_text (self->add_account_button, _(pages[i].tooltip));
        adw_window_title_set_title (self->content_title, _(pages[i].title));
        if (gtk_list_box_get_selected_row (self->sidebar_list) != row)
          gtk_list_box_select_row (self->sidebar_list, row);
        if (i == 1)
          govorun_numbers_page_refresh (self->numbers_page);
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
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

void
govorun_window_add_account (GovorunWindow *self,
                            GFile         *file)
{
  GovorunAccountDialog *dialog;

  g_return_if_fail (GOVORUN_IS_WINDOW (self));

  if (govorun_application_get_state (self->app) != GOVORUN_APPLICATION_STATE_READY)
    return;

  dialog = govorun_account_dialog_new (GTK_WINDOW (self),
                                       govorun_application_get_accounts (self->app),
                                       govorun_application_get_tester (self->app),
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

  if (govorun_application_get_state (self->app) != GOVORUN_APPLICATION_STATE_READY)
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
  show_page (self, "agents");
  govorun_agents_page_change_numbers (self->agents_page, agent, 0, NULL, phone_id);
}

static void
on_bought (GovorunWindow *self)
{
  govorun_numbers_page_refresh (self->numbers_page);
}

static void
buy_number_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GovorunWindow *self = GOVORUN_WINDOW (widget);
  GovorunAccount *account = govorun_numbers_page_get_account (self->numbers_page);
  GovorunBuyNumberDialog *dialog;

  if (account == NULL)
    {
      govorun_window_add_toast (self, _("Add a Voximplant account first"));
      return;
    }

  dialog = govorun_buy_number_dialog_new (GTK_WINDOW (self),
                                          govorun_application_get_numbers (self->app), account);
  g_signal_connect_object (dialog, "bought", G_CALLBACK (on_bought), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  govorun_window_add_account (GOVORUN_WINDOW (widget), NULL);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GovorunWindow *self)
{
  GdkFileList *list;
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = g_value_get_boxed (value);
  files = gdk_file_list_get_files (list);
  if (files == NULL)
    return FALSE;

  /* A service-account key file dropped anywhere on the window starts adding
   * that account. */
  govorun_window_add_account (self, G_FILE (files->data));
  g_slist_free (files);

  return TRUE;
}

void
govorun_window_add_toast (GovorunWindow *self,
                          const char    *title)
{
  g_return_if_fail (GOVORUN_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* GtkWindow:application is not a construct property, so setup runs once the
 * window knows its application. */
static void
govorun_window_setup (GovorunWindow *self)
{
  self->app = GOVORUN_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (govorun_application_is_sandbox (self->app))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->sandbox_badge), TRUE);
      gtk_window_set_title (GTK_WINDOW (self), _("Govorun — Sandbox"));
      adw_window_title_set_subtitle (self->content_title, _("Sandbox: demo data, emulated providers"));
    }

  self->state_handler = g_signal_connect_object (self->app, "notify::state",
                                                 G_CALLBACK (on_state_changed), self,
                                                 G_CONNECT_SWAPPED);
  g_signal_connect_object (self->numbers_page, "use-for-agent", G_CALLBACK (on_use_for_agent),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->numbers_page, "remove-from-agent",
                           G_CALLBACK (on_remove_from_agent), self, G_CONNECT_SWAPPED);
  show_page (self, "accounts");
  on_state_changed (self);
}

static void
govorun_window_dispose (GObject *object)
{
  GovorunWindow *self = GOVORUN_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (govorun_window_parent_class)->dispose (object);
}

static void
govorun_window_class_init (GovorunWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = govorun_window_dispose;

  g_type_ensure (GOVORUN_TYPE_ACCOUNTS_PAGE);
  g_type_ensure (GOVORUN_TYPE_AGENTS_PAGE);
  g_type_ensure (GOVORUN_TYPE_NUMBERS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/govorun-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, failed_page);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, content);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, sandbox_badge);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, accounts_page);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, accounts_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, agents_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, numbers_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, agents_page);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, numbers_page);
  gtk_widget_class_bind_template_child (widget_class, GovorunWindow, add_account_button);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  gtk_widget_class_install_action (widget_class, "win.add-account", NULL, add_account_action);
  gtk_widget_class_install_action (widget_class, "win.new-agent", NULL, new_agent_action);
  gtk_widget_class_install_action (widget_class, "win.buy-number", NULL, buy_number_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.add-account", NULL);
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

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

GovorunWindow *
govorun_window_new (GovorunApplication *application)
{
  GovorunWindow *self;

  g_return_val_if_fail (GOVORUN_IS_APPLICATION (application), NULL);

  self = g_object_new (GOVORUN_TYPE_WINDOW, "application", application, NULL);
  govorun_window_setup (self);

  return self;
}
