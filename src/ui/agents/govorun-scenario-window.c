/* govorun-scenario-window.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunScenarioWindow"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "govorun-scenario-window.h"
#include "govorun-error-banner.h"
#include "govorun-toast.h"

/*
 * Shows the generated VoxEngine scenarios of an agent for people who prefer
 * the manual path. The screen shows the key masked; "Copy with Key" fetches
 * the real text only when asked and puts it on the clipboard.
 */

struct _GovorunScenarioWindow
{
  AdwWindow           parent_instance;

  GovorunProvisioner *provisioner;
  GovorunAgent       *agent;
  GCancellable       *cancellable;
  GArray             *kinds;         /* GovorunScenarioKind shown in the dropdown */

  GtkDropDown        *kind_dropdown;
  GtkWidget          *copy_button;
  GtkSourceView      *view;
  GovorunErrorBanner *error_banner;
};

G_DEFINE_FINAL_TYPE (GovorunScenarioWindow, govorun_scenario_window, ADW_TYPE_WINDOW)

static GovorunScenarioKind
current_kind (GovorunScenarioWindow *self)
{
  guint i = gtk_drop_down_get_selected (self->kind_dropdown);

  if (self->kinds->len == 0 || i >= self->kinds->len)
    return GOVORUN_SCENARIO_INBOUND;

  return g_array_index (self->kinds, GovorunScenarioKind, i);
}

static void
masked_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GovorunScenarioWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));

  text = govorun_provisioner_get_scenario_finish (GOVORUN_PROVISIONER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_text_buffer_set_text (buffer, text ? text : error->message, -1);
  gtk_widget_set_sensitive (self->copy_button, text != NULL);
}

static void
load (GovorunScenarioWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_widget_set_sensitive (self->copy_button, FALSE);
  govorun_provisioner_get_scenario_async (self->provisioner, self->agent, current_kind (self),
                                          TRUE, self->cancellable, masked_cb, g_object_ref (self));
}

static void
on_kind_changed (GovorunScenarioWindow *self)
{
  if (self->provisioner != NULL)
    load (self);
}

static void
full_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GovorunScenarioWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  char *text;

  text = govorun_provisioner_get_scenario_finish (GOVORUN_PROVISIONER (object), result, &error);
  if (text == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        govorun_error_show (GTK_WIDGET (self), error->message);
      return;
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  /* The clipboard keeps its own copy; ours holds a key. */
  memset (text, 0, strlen (text));
  g_free (text);
  govorun_toast_show (GTK_WIDGET (self),
                      _("Copied, with the ElevenLabs key. Paste it only into the Voximplant control panel."));
}

static void
on_copy_clicked (GovorunScenarioWindow *self)
{
  govorun_provisioner_get_scenario_async (self->provisioner, self->agent, current_kind (self),
                                          FALSE, self->cancellable, full_cb, g_object_ref (self));
}

/* GtkSourceView keeps its own colours: follow the light or dark style. */
static void
update_scheme (GovorunScenarioWindow *self)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceStyleScheme *scheme =
    gtk_source_style_scheme_manager_get_scheme (schemes, dark ? "Adwaita-dark" : "Adwaita");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));

  if (scheme != NULL)
    gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (buffer), scheme);
}

static void
govorun_scenario_window_dispose (GObject *object)
{
  GovorunScenarioWindow *self = GOVORUN_SCENARIO_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->provisioner);
  g_clear_object (&self->agent);
  g_clear_pointer (&self->kinds, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_SCENARIO_WINDOW);

  G_OBJECT_CLASS (govorun_scenario_window_parent_class)->dispose (object);
}

static void
govorun_scenario_window_class_init (GovorunScenarioWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = govorun_scenario_window_dispose;

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (GOVORUN_TYPE_ERROR_BANNER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/govorun-scenario-window.ui");
  govorun_toast_install_action (widget_class);
  govorun_error_banner_install_action (widget_class, G_STRUCT_OFFSET (GovorunScenarioWindow, error_banner));
  gtk_widget_class_bind_template_child (widget_class, GovorunScenarioWindow, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GovorunScenarioWindow, copy_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunScenarioWindow, error_banner);
  gtk_widget_class_bind_template_child (widget_class, GovorunScenarioWindow, view);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
govorun_scenario_window_init (GovorunScenarioWindow *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceLanguage *js = gtk_source_language_manager_get_language (languages, "js");
  GtkSourceBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->kinds = g_array_new (FALSE, FALSE, sizeof (GovorunScenarioKind));
  buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)));
  if (js != NULL)
    gtk_source_buffer_set_language (buffer, js);
  update_scheme (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_scheme), self, G_CONNECT_SWAPPED);
}

GovorunScenarioWindow *
govorun_scenario_window_new (GtkWindow          *parent,
                             GovorunProvisioner *provisioner,
                             GovorunAgent       *agent)
{
  GovorunScenarioWindow *self;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GovorunScenarioKind kind;

  g_return_val_if_fail (GOVORUN_IS_PROVISIONER (provisioner), NULL);
  g_return_val_if_fail (GOVORUN_IS_AGENT (agent), NULL);

  self = g_object_new (GOVORUN_TYPE_SCENARIO_WINDOW, "transient-for", parent, NULL);
  self->agent = g_object_ref (agent);

  if (govorun_agent_get_inbound (agent))
    {
      if (govorun_agent_get_engine (agent) == GOVORUN_AGENT_ENGINE_WEBHOOK)
        {
          kind = GOVORUN_SCENARIO_WEBHOOK_BOT;
          gtk_string_list_append (labels, _("Inbound calls (webhook bot)"));
        }
      else
        {
          kind = GOVORUN_SCENARIO_INBOUND;
          gtk_string_list_append (labels, _("Inbound calls"));
        }
      g_array_append_val (self->kinds, kind);
    }
  if (govorun_agent_get_outbound (agent))
    {
      kind = GOVORUN_SCENARIO_OUTBOUND;
      gtk_string_list_append (labels, _("Outbound calls"));
      g_array_append_val (self->kinds, kind);
    }

  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (labels));
  self->provisioner = g_object_ref (provisioner);
  load (self);

  return self;
}
