/* govorun-preferences-window.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunPreferencesWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-preferences-window.h"

struct _GovorunPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  gboolean              sandbox;

  /* template children */
  AdwPreferencesGroup  *endpoints_group;
  AdwEntryRow          *voximplant_row;
  AdwEntryRow          *elevenlabs_row;
  GtkLabel             *status_label;
  GtkSpinButton        *sync_interval_spin;
  GtkSpinButton        *history_days_spin;
  AdwActionRow         *sandbox_history_row;
  GtkSpinButton        *sandbox_history_spin;
};

G_DEFINE_FINAL_TYPE (GovorunPreferencesWindow, govorun_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

#define VOXIMPLANT_KEY "voximplant-api-url"
#define ELEVENLABS_KEY "elevenlabs-api-url"

/* An address a client can send requests to: http(s) with a host. */
static gboolean
is_web_address (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  const char *scheme;

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  return g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0;
}

static void
show_status (GovorunPreferencesWindow *self,
             const char               *text)
{
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL && *text != '\0');
}

/* The setting changes only on Apply and only to an address that can work:
 * a half-typed URL never reaches the clients. Empty means the standard
 * address, which the binding then shows. */
static void
apply_row (GovorunPreferencesWindow *self,
           AdwEntryRow              *row,
           const char               *key)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    {
      g_settings_reset (self->settings, key);
    }
  else if (!is_web_address (text))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      show_status (self, _("This is not a web address. It starts with https:// and names a server."));
      return;
    }
  else
    {
      g_settings_set_string (self->settings, key, text);
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  show_status (self, self->sandbox
                     ? _("Saved. The sandbox keeps using its emulators; other windows use the new address from their next request.")
                     : _("Saved. Govorun uses the new address from its next request."));
}

static void
on_voximplant_apply (GovorunPreferencesWindow *self)
{
  apply_row (self, self->voximplant_row, VOXIMPLANT_KEY);
}

static void
on_elevenlabs_apply (GovorunPreferencesWindow *self)
{
  apply_row (self, self->elevenlabs_row, ELEVENLABS_KEY);
}

static void
on_reset_clicked (GovorunPreferencesWindow *self)
{
  g_settings_reset (self->settings, VOXIMPLANT_KEY);
  g_settings_reset (self->settings, ELEVENLABS_KEY);
  gtk_widget_remove_css_class (GTK_WIDGET (self->voximplant_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->elevenlabs_row), "error");
  show_status (self, _("The standard addresses are back."));
}

/* The calls' keys are unsigned; a spin button's value is a double. */
static gboolean
get_uint (GValue   *value,
          GVariant *variant,
          gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

static GVariant *
set_uint (const GValue       *value,
          const GVariantType *expected_type,
          gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32) CLAMP (g_value_get_double (value), 0, G_MAXUINT32));
}

static void
bind_uint (GovorunPreferencesWindow *self,
           const char               *key,
           GtkSpinButton            *spin)
{
  g_settings_bind_with_mapping (self->settings, key, gtk_spin_button_get_adjustment (spin), "value",
                                G_SETTINGS_BIND_DEFAULT, get_uint, set_uint, NULL, NULL);
}

static void
govorun_preferences_window_dispose (GObject *object)
{
  GovorunPreferencesWindow *self = GOVORUN_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (govorun_preferences_window_parent_class)->dispose (object);
}

static void
govorun_preferences_window_class_init (GovorunPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = govorun_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/govorun-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GovorunPreferencesWindow, endpoints_group);
  gtk_widget_class_bind_template_child (widget_class, GovorunPreferencesWindow, voximplant_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunPreferencesWindow, elevenlabs_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunPreferencesWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, GovorunPreferencesWindow, sync_interval_spin);
  gtk_widget_class_bind_template_child (widget_class, GovorunPreferencesWindow, history_days_spin);
  gtk_widget_class_bind_template_child (widget_class, GovorunPreferencesWindow, sandbox_history_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunPreferencesWindow, sandbox_history_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_voximplant_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_elevenlabs_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
govorun_preferences_window_init (GovorunPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GovorunPreferencesWindow *
govorun_preferences_window_new (GtkWindow *parent,
                                GSettings *settings,
                                gboolean   sandbox)
{
  GovorunPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (GOVORUN_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  self->sandbox = sandbox;

  /* The rows show what is set; they write back only on Apply. */
  g_settings_bind (settings, VOXIMPLANT_KEY, self->voximplant_row, "text", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, ELEVENLABS_KEY, self->elevenlabs_row, "text", G_SETTINGS_BIND_GET);
  bind_uint (self, "sync-interval", self->sync_interval_spin);
  bind_uint (self, "history-days", self->history_days_spin);
  bind_uint (self, "sandbox-history-size", self->sandbox_history_spin);
  /* Only the sandbox makes calls up. */
  gtk_widget_set_visible (GTK_WIDGET (self->sandbox_history_row), sandbox);
  show_status (self, sandbox ? _("This is the sandbox: its requests go to the built-in emulators whatever is set here.")
                             : NULL);

  return self;
}
