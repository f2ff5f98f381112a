/* govorun-phone-call-dialog.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunPhoneCallDialog"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-error-banner.h"
#include "govorun-format.h"
#include "govorun-phone-call-dialog.h"

/*
 * Call My Phone: the number (the one used last is filled in), Call, then
 * the call's progress as the service reads it from the call history —
 * starting, dialling, answered with its talk time, and the result.
 * Closing the dialog stops following; the call itself goes on.
 */

struct _GovorunPhoneCallDialog
{
  AdwWindow             parent_instance;

  GovorunPhoneTestCall *call;
  GCancellable         *cancellable;

  AdwWindowTitle       *window_title;
  GovorunErrorBanner   *error_banner;
  AdwEntryRow          *number_row;
  GtkWidget            *progress_group;
  AdwActionRow         *progress_row;
  GtkStack             *progress_icon;
  GtkWidget            *call_button;
};

G_DEFINE_FINAL_TYPE (GovorunPhoneCallDialog, govorun_phone_call_dialog, ADW_TYPE_WINDOW)

static void
update (GovorunPhoneCallDialog *self)
{
  GovorunPhoneTestCallState state = govorun_phone_test_call_get_state (self->call);
  const char *number = govorun_phone_test_call_get_number (self->call);
  g_autofree char *shown = number != NULL ? govorun_format_phone_number_in_text (number) : NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean busy = state == GOVORUN_PHONE_TEST_CALL_STARTING || state == GOVORUN_PHONE_TEST_CALL_DIALLING ||
                  state == GOVORUN_PHONE_TEST_CALL_ANSWERED;

  switch (state)
    {
    case GOVORUN_PHONE_TEST_CALL_STARTING:
      title = g_strdup (_("Starting the call…"));
      break;
    case GOVORUN_PHONE_TEST_CALL_DIALLING:
      /* Translators: %s is a phone number */
      title = g_strdup_printf (_("Calling %s…"), shown);
      subtitle = g_strdup (_("Your phone should ring in a few seconds."));
      break;
    case GOVORUN_PHONE_TEST_CALL_ANSWERED:
      title = g_strdup (_("Answered — talk to the agent"));
      {
        guint secs = govorun_phone_test_call_get_talk_seconds (self->call);

        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second so far", "%u seconds so far", secs), secs);
      }
      break;
    case GOVORUN_PHONE_TEST_CALL_FINISHED:
      title = g_strdup (_("The call is over"));
      subtitle = g_strdup (govorun_phone_test_call_get_result (self->call));
      break;
    case GOVORUN_PHONE_TEST_CALL_FAILED:
    case GOVORUN_PHONE_TEST_CALL_IDLE:
    default:
      break;
    }

  gtk_widget_set_visible (self->progress_group, title != NULL);
  if (title != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->progress_row), title);
      adw_action_row_set_subtitle (self->progress_row, subtitle != NULL ? subtitle : "");
    }
  gtk_stack_set_visible_child_name (self->progress_icon, busy ? "busy" : "done");
  adw_window_title_set_subtitle (self->window_title, title != NULL ? title : "");
  gtk_widget_set_sensitive (self->call_button, !busy);
  /* Not insensitive: the entry may hold the focus (GtkText warns). */
  gtk_editable_set_editable (GTK_EDITABLE (self->number_row), !busy);
  gtk_button_set_label (GTK_BUTTON (self->call_button),
                        state == GOVORUN_PHONE_TEST_CALL_FINISHED || state == GOVORUN_PHONE_TEST_CALL_FAILED
                        ? _("Call _Again") : _("_Call"));
  if (state == GOVORUN_PHONE_TEST_CALL_FAILED && govorun_phone_test_call_get_error_message (self->call) != NULL)
    govorun_error_banner_set_text (self->error_banner, govorun_phone_test_call_get_error_message (self->call));
}

static void
start_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GovorunPhoneCallDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!govorun_phone_test_call_start_finish (GOVORUN_PHONE_TEST_CALL (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      govorun_error_banner_set_text (self->error_banner, error->message);
      if (g_error_matches (error, GOVORUN_PHONE_TEST_CALL_ERROR, GOVORUN_PHONE_TEST_CALL_ERROR_BAD_NUMBER))
        gtk_widget_grab_focus (GTK_WIDGET (self->number_row));
    }
}

static void
on_call_clicked (GovorunPhoneCallDialog *self)
{
  GovorunPhoneTestCallState state = govorun_phone_test_call_get_state (self->call);

  if (state == GOVORUN_PHONE_TEST_CALL_STARTING || state == GOVORUN_PHONE_TEST_CALL_DIALLING ||
      state == GOVORUN_PHONE_TEST_CALL_ANSWERED)
    return;
  govorun_error_banner_set_text (self->error_banner, NULL);
  govorun_phone_test_call_start_async (self->call, gtk_editable_get_text (GTK_EDITABLE (self->number_row)),
                                       self->cancellable, start_cb, g_object_ref (self));
}

static void
govorun_phone_call_dialog_dispose (GObject *object)
{
  GovorunPhoneCallDialog *self = GOVORUN_PHONE_CALL_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->call != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->call, self);
      govorun_phone_test_call_stop (self->call);
    }
  g_clear_object (&self->call);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_PHONE_CALL_DIALOG);
  G_OBJECT_CLASS (govorun_phone_call_dialog_parent_class)->dispose (object);
}

static void
govorun_phone_call_dialog_class_init (GovorunPhoneCallDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = govorun_phone_call_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/govorun-phone-call-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GovorunPhoneCallDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GovorunPhoneCallDialog, error_banner);
  gtk_widget_class_bind_template_child (widget_class, GovorunPhoneCallDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunPhoneCallDialog, progress_group);
  gtk_widget_class_bind_template_child (widget_class, GovorunPhoneCallDialog, progress_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunPhoneCallDialog, progress_icon);
  gtk_widget_class_bind_template_child (widget_class, GovorunPhoneCallDialog, call_button);
  gtk_widget_class_bind_template_callback (widget_class, on_call_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  govorun_error_banner_install_action (widget_class, G_STRUCT_OFFSET (GovorunPhoneCallDialog, error_banner));
}

static void
govorun_phone_call_dialog_init (GovorunPhoneCallDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

GovorunPhoneCallDialog *
govorun_phone_call_dialog_new (GtkWindow        *parent,
                               GovorunTestCalls *test_calls,
                               GovorunAgent     *agent)
{
  GovorunPhoneCallDialog *self;
  g_autofree char *number = NULL;

  g_return_val_if_fail (GOVORUN_IS_TEST_CALLS (test_calls), NULL);
  g_return_val_if_fail (GOVORUN_IS_AGENT (agent), NULL);

  self = g_object_new (GOVORUN_TYPE_PHONE_CALL_DIALOG, "transient-for", parent, NULL);
  self->call = govorun_test_calls_create_phone_call (test_calls, agent);
  adw_window_title_set_title (self->window_title, govorun_agent_get_name (agent));
  number = govorun_test_calls_dup_my_number (test_calls);
  gtk_editable_set_text (GTK_EDITABLE (self->number_row), number);
  g_signal_connect_swapped (self->call, "notify::state", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->call, "notify::talk-seconds", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->call, "notify::result", G_CALLBACK (update), self);
  update (self);
  return self;
}

GovorunPhoneTestCall *
govorun_phone_call_dialog_get_call (GovorunPhoneCallDialog *self)
{
  g_return_val_if_fail (GOVORUN_IS_PHONE_CALL_DIALOG (self), NULL);
  return self->call;
}
