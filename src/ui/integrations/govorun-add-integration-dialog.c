/* govorun-add-integration-dialog.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunIntegrationsPage"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-add-integration-dialog.h"
#include "govorun-error-banner.h"
#include "govorun-integration-format.h"
#include "govorun-integration-secret.h"
#include "govorun-toast.h"

struct _GovorunAddIntegrationDialog
{
  AdwWindow            parent_instance;

  GovorunIntegrations *integrations;
  GCancellable        *cancellable;
  guint                n_kinds;
  const char          *first_kind_page;

  AdwWindowTitle      *window_title;
  GtkWidget           *cancel_button;
  GtkWidget           *back_button;
  GtkWidget           *add_button;
  GtkWidget           *done_button;
  GtkWidget           *spinner;
  GovorunErrorBanner  *error_banner;
  GtkStack            *stack;
  GtkListBox          *kinds;
  AdwEntryRow         *url_row;
  AdwEntryRow         *name_row;
  GtkLabel            *url_hint;
  GtkSwitch           *call_switch;
  GtkSwitch           *campaign_switch;
  GtkSwitch           *contact_switch;
  GtkSwitch           *transcript_switch;
  GtkSwitch           *recording_switch;
  AdwPreferencesGroup *secret_group;
  AdwEntryRow         *portal_url_row;
  AdwEntryRow         *portal_name_row;
  AdwActionRow        *portal_test_row;
  GtkImage            *portal_test_icon;
  GtkWidget           *portal_test_button;
  GtkLabel            *portal_hint;
};

G_DEFINE_FINAL_TYPE (GovorunAddIntegrationDialog, govorun_add_integration_dialog, ADW_TYPE_WINDOW)

enum {
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The row of a kind knows the stack page of its form. */
static const char kind_page_key[] = "govorun-kind-page";

static void on_form_changed (GovorunAddIntegrationDialog *self);

static void
show_page (GovorunAddIntegrationDialog *self,
           const char                  *name)
{
  gboolean form = g_strcmp0 (name, "kind") != 0 && g_strcmp0 (name, "secret") != 0;

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (self->back_button, form && self->n_kinds > 1);
  gtk_widget_set_visible (self->add_button, form);
  gtk_widget_set_visible (self->done_button, g_strcmp0 (name, "secret") == 0);
  gtk_widget_set_visible (self->cancel_button, g_strcmp0 (name, "secret") != 0);
  adw_window_title_set_title (self->window_title,
                              g_strcmp0 (name, "webhook") == 0 ? _("Add Webhook")
                              : g_strcmp0 (name, "bitrix24") == 0 ? _("Add Bitrix24 Portal")
                              : g_strcmp0 (name, "secret") == 0 ? _("Webhook Added")
                              : _("Add Integration"));
  if (g_strcmp0 (name, "webhook") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
  else if (g_strcmp0 (name, "secret") == 0)
    gtk_widget_grab_focus (self->done_button);
  else if (g_strcmp0 (name, "bitrix24") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->portal_url_row));
  if (form)
    on_form_changed (self);
}

static gboolean
on_portal_page (GovorunAddIntegrationDialog *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "bitrix24") == 0;
}

static guint
chosen_events (GovorunAddIntegrationDialog *self)
{
  guint events = 0;

  if (gtk_switch_get_active (self->call_switch))
    events |= GOVORUN_INTEGRATION_EVENT_CALL_FINISHED;
  if (gtk_switch_get_active (self->campaign_switch))
    events |= GOVORUN_INTEGRATION_EVENT_CAMPAIGN_FINISHED;
  if (gtk_switch_get_active (self->contact_switch))
    events |= GOVORUN_INTEGRATION_EVENT_CONTACT_RESULT;
  return events;
}

static void
set_hint (GovorunAddIntegrationDialog *self,
          const char                  *problem)
{
  g_autofree char *help = NULL;
  const char *demo = govorun_integrations_get_demo_webhook_url (self->integrations);

  if (problem != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (problem, -1);

      gtk_label_set_markup (self->url_hint, escaped);
      gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
  /* Translators: keep the <a href="%s"> and </a> around the link's words */
  help = g_strdup_printf (_("Govorun POSTs signed JSON to this address. <a href=\"%s\">How a receiver checks a delivery</a>"),
                          GOVORUN_INTEGRATIONS_HELP_URL);
  /* The sandbox's receiver, filled in: say whose it is. */
  if (demo != NULL && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->url_row)), demo) == 0)
    {
      g_autofree char *sandbox = g_markup_escape_text (_("This is the sandbox’s own receiver: it checks each delivery’s signature and answers, and the delivery log shows its answers."), -1);
      g_autofree char *both = g_strconcat (sandbox, " ", help, NULL);

      gtk_label_set_markup (self->url_hint, both);
      return;
    }
  gtk_label_set_markup (self->url_hint, help);
}

/* The Bitrix24 form: the address is checked as it is typed; a new
 * address forgets the last test's answer. */
static void
portal_form_changed (GovorunAddIntegrationDialog *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->portal_url_row));
  g_autoptr(GError) error = NULL;
  gboolean valid = govorun_integrations_check_bitrix24_url (url, &error);

  if (valid || *url == '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->portal_url_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->portal_url_row), "error");
  gtk_label_set_text (self->portal_hint, valid || *url == '\0' ? _("Each call is registered on the line of the agent’s number with its recording and transcript, and an unknown caller becomes a lead. If the portal refuses calls from a webhook, Govorun adds them to the CRM as call activities instead and says so on the Integrations page.")
                                                                 : error->message);
  gtk_widget_set_sensitive (self->portal_test_button, valid);
  gtk_widget_set_sensitive (self->add_button, valid);
}

static void
on_form_changed (GovorunAddIntegrationDialog *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  g_autoptr(GError) error = NULL;
  gboolean valid;

  if (on_portal_page (self))
    {
      portal_form_changed (self);
      return;
    }

  valid = govorun_integrations_check_url (url, &error);
  /* Nothing typed yet is not an error to show. */
  set_hint (self, valid || *url == '\0' ? NULL : error->message);
  gtk_widget_set_sensitive (self->add_button, valid && chosen_events (self) != 0);
}

static void
set_busy (GovorunAddIntegrationDialog *self,
          gboolean                     busy)
{
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->url_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), !busy);
  if (busy)
    gtk_widget_set_sensitive (self->add_button, FALSE);
  else
    on_form_changed (self);
}

static void
on_added (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GovorunAddIntegrationDialog) self = user_data;
  g_autoptr(GovorunIntegrationTarget) target = NULL;
  g_autoptr(GError) error = NULL;
  char *secret = NULL;

  target = govorun_integrations_add_webhook_finish (GOVORUN_INTEGRATIONS (source), result, &secret, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (target == NULL)
    {
      govorun_error_banner_set_text (self->error_banner, error->message);
      return;
    }
  govorun_error_banner_set_text (self->error_banner, NULL);
  adw_preferences_group_add (self->secret_group, govorun_integration_secret_new (secret));
  memset (secret, 0, strlen (secret));
  g_free (secret);
  show_page (self, "secret");
  g_signal_emit (self, signals[ADDED], 0, target);
}

static void
on_portal_added (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GovorunAddIntegrationDialog) self = user_data;
  g_autoptr(GovorunIntegrationTarget) target = NULL;
  g_autoptr(GError) error = NULL;

  target = govorun_integrations_add_bitrix24_finish (GOVORUN_INTEGRATIONS (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (target == NULL)
    {
      govorun_error_banner_set_text (self->error_banner, error->message);
      return;
    }
  /* Nothing to show once: the webhook's address is the secret the person
   * already has, now in the keyring. */
  g_signal_emit (self, signals[ADDED], 0, target);
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_portal (GovorunAddIntegrationDialog *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->portal_url_row));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->portal_name_row))));

  govorun_error_banner_set_text (self->error_banner, NULL);
  /* A focused entry must not turn insensitive under the cursor. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  set_busy (self, TRUE);
  govorun_integrations_add_bitrix24_async (self->integrations, name, url, self->cancellable,
                                           on_portal_added, g_object_ref (self));
}

static void
on_portal_tested (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GovorunAddIntegrationDialog) self = user_data;
  g_autoptr(GovorunIntegrationCheck) check = NULL;
  g_autoptr(GError) error = NULL;

  check = govorun_integrations_test_target_finish (GOVORUN_INTEGRATIONS (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  adw_action_row_set_subtitle (self->portal_test_row, check != NULL ? check->message : error->message);
  gtk_image_set_from_icon_name (self->portal_test_icon, check != NULL && check->ok ? "emblem-ok-symbolic"
                                                                                  : "dialog-warning-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (self->portal_test_icon), TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->portal_test_row), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->portal_test_row), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->portal_test_row), check != NULL && check->ok ? "success" : "error");
}

static void
on_portal_test (GovorunAddIntegrationDialog *self)
{
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  set_busy (self, TRUE);
  govorun_integrations_test_target_async (self->integrations, NULL, GOVORUN_INTEGRATION_KIND_BITRIX24,
                                          gtk_editable_get_text (GTK_EDITABLE (self->portal_url_row)),
                                          self->cancellable, on_portal_tested, g_object_ref (self));
}

static void
on_add (GovorunAddIntegrationDialog *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *name = g_strstrip (g_strdup (typed));
  guint events = chosen_events (self);

  if (!gtk_widget_get_sensitive (self->add_button) || !gtk_widget_get_visible (self->add_button))
    return;
  if (on_portal_page (self))
    {
      add_portal (self);
      return;
    }
  if (*name == '\0')
    {
      g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

      g_free (name);
      name = g_strdup (uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : url);
    }
  if (gtk_switch_get_active (self->transcript_switch))
    events |= GOVORUN_INTEGRATION_OPTION_TRANSCRIPT;
  if (gtk_switch_get_active (self->recording_switch))
    events |= GOVORUN_INTEGRATION_OPTION_RECORDING_LINK;
  set_busy (self, TRUE);
  govorun_integrations_add_webhook_async (self->integrations, name, url, events, self->cancellable,
                                          on_added, g_object_ref (self));
}

static void
on_kind_activated (GovorunAddIntegrationDialog *self,
                   GtkListBoxRow               *row)
{
  show_page (self, g_object_get_data (G_OBJECT (row), kind_page_key));
}

static void
on_back (GovorunAddIntegrationDialog *self)
{
  govorun_error_banner_set_text (self->error_banner, NULL);
  show_page (self, "kind");
}

static void
on_cancel (GovorunAddIntegrationDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_done (GovorunAddIntegrationDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* One row of the chooser; its form is the stack page @page. */
static void
add_kind (GovorunAddIntegrationDialog *self,
          GovorunIntegrationKind       kind,
          const char                  *subtitle,
          const char                  *page)
{
  GtkWidget *row;

  if (!govorun_integrations_supports_kind (self->integrations, kind))
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), govorun_integration_format_kind (kind));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), kind_page_key, (gpointer) page);
  gtk_list_box_append (self->kinds, row);
  if (self->n_kinds++ == 0)
    self->first_kind_page = page;
}

static void
govorun_add_integration_dialog_dispose (GObject *object)
{
  GovorunAddIntegrationDialog *self = GOVORUN_ADD_INTEGRATION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->integrations);
  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_ADD_INTEGRATION_DIALOG);
  G_OBJECT_CLASS (govorun_add_integration_dialog_parent_class)->dispose (object);
}

static void
govorun_add_integration_dialog_class_init (GovorunAddIntegrationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = govorun_add_integration_dialog_dispose;

  /* The dialog added @target (its secret was shown, not given here). */
  signals[ADDED] =
    g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GOVORUN_TYPE_INTEGRATION_TARGET);

  g_type_ensure (GOVORUN_TYPE_ERROR_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/govorun/Govorun/ui/govorun-add-integration-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, GovorunAddIntegrationDialog, name)
  BIND (window_title);
  BIND (cancel_button);
  BIND (back_button);
  BIND (add_button);
  BIND (done_button);
  BIND (spinner);
  BIND (error_banner);
  BIND (stack);
  BIND (kinds);
  BIND (url_row);
  BIND (name_row);
  BIND (url_hint);
  BIND (call_switch);
  BIND (campaign_switch);
  BIND (contact_switch);
  BIND (transcript_switch);
  BIND (recording_switch);
  BIND (secret_group);
  BIND (portal_url_row);
  BIND (portal_name_row);
  BIND (portal_test_row);
  BIND (portal_test_icon);
  BIND (portal_test_button);
  BIND (portal_hint);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel);
  gtk_widget_class_bind_template_callback (widget_class, on_done);
  gtk_widget_class_bind_template_callback (widget_class, on_portal_test);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  govorun_toast_install_action (widget_class);
}

static void
govorun_add_integration_dialog_init (GovorunAddIntegrationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

GovorunAddIntegrationDialog *
govorun_add_integration_dialog_new (GtkWindow           *parent,
                                    GovorunIntegrations *integrations)
{
  GovorunAddIntegrationDialog *self;

  g_return_val_if_fail (GOVORUN_IS_INTEGRATIONS (integrations), NULL);

  self = g_object_new (GOVORUN_TYPE_ADD_INTEGRATION_DIALOG, "transient-for", parent, NULL);
  self->integrations = g_object_ref (integrations);

  add_kind (self, GOVORUN_INTEGRATION_KIND_WEBHOOK,
            _("Signed JSON to your own server or any service that takes webhooks"), "webhook");
  add_kind (self, GOVORUN_INTEGRATION_KIND_BITRIX24,
            _("Calls registered in your Bitrix24 portal’s telephony and CRM"), "bitrix24");
  /* The sandbox's receiver and portal, ready to try. */
  if (govorun_integrations_get_demo_webhook_url (integrations) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->url_row), govorun_integrations_get_demo_webhook_url (integrations));
  set_hint (self, NULL);
  if (govorun_integrations_get_demo_bitrix24_url (integrations) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->portal_url_row),
                           govorun_integrations_get_demo_bitrix24_url (integrations));
  /* One kind: its form is the first page. */
  show_page (self, self->n_kinds == 1 ? self->first_kind_page : "kind");
  return self;
}
