/* govorun-unclaimed-keys-row.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunUnclaimedKeysRow"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-error-banner.h"
#include "govorun-toast.h"
#include "govorun-unclaimed-keys-row.h"

/*
 * Keys in the keyring whose accounts are not in the database: after the
 * database was moved aside, emptied or lost. Govorun never deletes them on
 * its own; this row offers them back, or removes them on request.
 */

struct _GovorunUnclaimedKeysRow
{
  AdwActionRow         parent_instance;

  GovorunAccountStore *accounts;
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (GovorunUnclaimedKeysRow, govorun_unclaimed_keys_row, ADW_TYPE_ACTION_ROW)

static void
update (GovorunUnclaimedKeysRow *self)
{
  guint n = govorun_account_store_get_n_unclaimed_keys (self->accounts);
  g_autofree char *title = NULL;

  /* Translators: keys found in the keyring whose accounts are missing */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Found %u saved key without an account",
                                        "Found %u saved keys without an account", n), n);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
}

static void
set_busy (GovorunUnclaimedKeysRow *self,
          gboolean                 busy)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unclaimed.restore", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unclaimed.remove", !busy);
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GovorunUnclaimedKeysRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint restored;
  guint left;

  restored = govorun_account_store_restore_unclaimed_finish (GOVORUN_ACCOUNT_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (error != NULL)
    {
      govorun_error_show (GTK_WIDGET (self), error->message);
      return;
    }

  left = govorun_account_store_get_n_unclaimed_keys (self->accounts);
  if (left > 0)
    {
      /* Translators: %u keys were restored; the others cannot be */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Restored %u account. A Voximplant API key alone does not say which account it belongs to: restore the database backup, or add the account again.",
                                           "Restored %u accounts. A Voximplant API key alone does not say which account it belongs to: restore the database backup, or add the account again.",
                                           restored), restored);
      /* Too long for a toast: said in full in the page. */
      govorun_error_show (GTK_WIDGET (self), text);
      return;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Restored %u account", "Restored %u accounts",
                                       restored), restored);
  govorun_toast_show (GTK_WIDGET (self), text);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GovorunUnclaimedKeysRow *self = GOVORUN_UNCLAIMED_KEYS_ROW (widget);

  set_busy (self, TRUE);
  govorun_account_store_restore_unclaimed_async (self->accounts, self->cancellable,
                                                 restored_cb, g_object_ref (self));
}

static void
forgotten_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GovorunUnclaimedKeysRow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!govorun_account_store_forget_unclaimed_finish (GOVORUN_ACCOUNT_STORE (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (error != NULL)
    govorun_error_show (GTK_WIDGET (self), error->message);
}

static void
remove_response_cb (AdwMessageDialog        *dialog,
                    const char              *response,
                    GovorunUnclaimedKeysRow *self)
{
  if (g_strcmp0 (response, "remove") != 0)
    return;

  set_busy (self, TRUE);
  govorun_account_store_forget_unclaimed_async (self->accounts, self->cancellable,
                                                forgotten_cb, g_object_ref (self));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GovorunUnclaimedKeysRow *self = GOVORUN_UNCLAIMED_KEYS_ROW (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Remove the Saved Keys?"),
                                   _("They are deleted from your keyring. If you still have a backup of Govorun's database, its accounts will need their keys entered again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
button_new (const char *label,
            const char *action_name)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
govorun_unclaimed_keys_row_dispose (GObject *object)
{
  GovorunUnclaimedKeysRow *self = GOVORUN_UNCLAIMED_KEYS_ROW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  g_clear_object (&self->accounts);

  G_OBJECT_CLASS (govorun_unclaimed_keys_row_parent_class)->dispose (object);
}

static void
govorun_unclaimed_keys_row_class_init (GovorunUnclaimedKeysRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = govorun_unclaimed_keys_row_dispose;

  gtk_widget_class_install_action (widget_class, "unclaimed.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "unclaimed.remove", NULL, remove_action);
}

static void
govorun_unclaimed_keys_row_init (GovorunUnclaimedKeysRow *self)
{
  GtkWidget *remove = button_new (_("_Remove"), "unclaimed.remove");
  GtkWidget *restore = button_new (_("_Restore"), "unclaimed.restore");

  self->cancellable = g_cancellable_new ();
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                               _("Their accounts are not in Govorun's database. Restore makes them accounts again; "
                                 "a database backup put back in place also uses them again."));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 3);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (self), "dialog-password-symbolic");
  gtk_widget_add_css_class (restore, "suggested-action");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), remove);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), restore);
}

GtkWidget *
govorun_unclaimed_keys_row_new (GovorunAccountStore *accounts)
{
  GovorunUnclaimedKeysRow *self;

  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (accounts), NULL);

  self = g_object_new (GOVORUN_TYPE_UNCLAIMED_KEYS_ROW, NULL);
  self->accounts = g_object_ref (accounts);
  g_signal_connect_object (accounts, "notify::n-unclaimed-keys", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  update (self);
  return GTK_WIDGET (self);
}
