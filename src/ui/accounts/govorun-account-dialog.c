/* govorun-account-dialog.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAccountDialog"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-account-dialog.h"
#include "govorun-elevenlabs-region.h"
#include "govorun-first-field.h"
#include "govorun-row-text.h"
#include "govorun-toast.h"

/* Rows of the auth combo, in the template's order. */
enum {
  AUTH_ROW_SERVICE_ACCOUNT,
  AUTH_ROW_API_KEY,
};

struct _GovorunAccountDialog
{
  AdwWindow                     parent_instance;

  GovorunAccountStore          *accounts;
  GovorunConnectionTester      *tester;
  GovorunAccount               *editing;
  GovorunKeyFile               *credentials;
  GCancellable                 *cancellable;
  char                         *tested_summary;
  gboolean                      test_failed;   /* the last test, of these very fields, failed */
  gboolean                      busy;

  /* template children */
  AdwWindowTitle               *window_title;
  GtkWidget                    *save_button;
  GtkWidget                    *kind_box;
  GtkToggleButton              *voximplant_toggle;
  GtkToggleButton              *elevenlabs_toggle;
  AdwEntryRow                  *name_row;
  GtkStack                     *kind_stack;
  AdwComboRow                  *auth_row;
  GtkStack                     *auth_stack;
  AdwActionRow                 *credentials_row;
  AdwEntryRow                  *account_id_row;
  AdwEntryRow                  *vox_key_row;
  AdwEntryRow                  *el_key_row;
  AdwComboRow                  *region_row;
  GtkWidget                    *test_button;
  GtkWidget                    *test_spinner;
  GtkLabel                     *result_label;
};

G_DEFINE_FINAL_TYPE (GovorunAccountDialog, govorun_account_dialog, ADW_TYPE_WINDOW)

static GovorunAccountKind
current_kind (GovorunAccountDialog *self)
{
  return gtk_toggle_button_get_active (self->elevenlabs_toggle) ?
         GOVORUN_ACCOUNT_KIND_ELEVENLABS : GOVORUN_ACCOUNT_KIND_VOXIMPLANT;
}

static GovorunVoximplantAuth
current_auth (GovorunAccountDialog *self)
{
  return adw_combo_row_get_selected (self->auth_row) == AUTH_ROW_API_KEY ?
         GOVORUN_VOXIMPLANT_AUTH_API_KEY : GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT;
}

static char *
trimmed_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* The secret the person entered now, or NULL when none (an edit keeps the
 * saved one). Points into widget or credentials memory: do not keep it. */
static const char *
current_secret (GovorunAccountDialog *self)
{
  const char *text = NULL;

  if (current_kind (self) == GOVORUN_ACCOUNT_KIND_ELEVENLABS)
    text = gtk_editable_get_text (GTK_EDITABLE (self->el_key_row));
  else if (current_auth (self) == GOVORUN_VOXIMPLANT_AUTH_API_KEY)
    text = gtk_editable_get_text (GTK_EDITABLE (self->vox_key_row));
  else if (self->credentials != NULL)
    text = govorun_key_file_get_contents (self->credentials);

  return text != NULL && *text != '\0' ? text : NULL;
}

/* An edit may keep the saved secret only while the kind of secret stays. */
static gboolean
can_keep_secret (GovorunAccountDialog *self)
{
  /* An imported account has no key here yet: one must be typed. */
  if (self->editing == NULL || govorun_account_get_key_needed (self->editing))
    return FALSE;

  if (current_kind (self) == GOVORUN_ACCOUNT_KIND_ELEVENLABS)
    return TRUE;

  return govorun_account_get_vox_auth (self->editing) == current_auth (self);
}

static GovorunAccount *
build_draft (GovorunAccountDialog *self)
{
  g_autoptr(GovorunAccount) draft = NULL;
  g_autofree char *name = trimmed_text (self->name_row);

  if (self->editing != NULL)
    draft = govorun_account_copy (self->editing);
  else
    draft = govorun_account_new (current_kind (self));

  govorun_account_set_display_name (draft, name);

  if (current_kind (self) == GOVORUN_ACCOUNT_KIND_ELEVENLABS)
    {
      guint region = adw_combo_row_get_selected (self->region_row);

      govorun_account_set_el_region (draft, govorun_elevenlabs_region_to_string (region));
    }
  else if (current_auth (self) == GOVORUN_VOXIMPLANT_AUTH_API_KEY)
    {
      g_autofree char *account_id = trimmed_text (self->account_id_row);

      govorun_account_set_vox_auth (draft, GOVORUN_VOXIMPLANT_AUTH_API_KEY);
      govorun_account_set_vox_account_id (draft, account_id);
      govorun_account_set_vox_key_id (draft, NULL);
      govorun_account_set_vox_account_email (draft, NULL);
    }
  else
    {
      govorun_account_set_vox_auth (draft, GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT);
      if (self->credentials != NULL)
        {
          g_autofree char *account_id =
            g_strdup_printf ("%" G_GINT64_FORMAT,
                             govorun_key_file_get_account_id (self->credentials));

          govorun_account_set_vox_account_id (draft, account_id);
          govorun_account_set_vox_key_id (draft,
                                          govorun_key_file_get_key_id (self->credentials));
          govorun_account_set_vox_account_email (draft,
                                                 govorun_key_file_get_account_email (self->credentials));
        }
    }

  return g_steal_pointer (&draft);
}

static gboolean
fields_complete (GovorunAccountDialog *self,
                 gboolean              for_test)
{
  g_autofree char *name = trimmed_text (self->name_row);
  gboolean has_secret = current_secret (self) != NULL || can_keep_secret (self);

  if (current_kind (self) == GOVORUN_ACCOUNT_KIND_VOXIMPLANT &&
      current_auth (self) == GOVORUN_VOXIMPLANT_AUTH_API_KEY)
    {
      g_autofree char *account_id = trimmed_text (self->account_id_row);
      gboolean id_ok = govorun_account_is_valid_vox_account_id (account_id);

      /* Mark a malformed ID as soon as something is typed. */
      if (*account_id != '\0' && !id_ok)
        gtk_widget_add_css_class (GTK_WIDGET (self->account_id_row), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->account_id_row), "error");

      if (!id_ok)
        return FALSE;
    }

  if (!has_secret)
    return FALSE;

  return for_test || *name != '\0';
}

static void
update_sensitivity (GovorunAccountDialog *self)
{
  gtk_widget_set_sensitive (self->save_button, !self->busy && fields_complete (self, FALSE));
  gtk_widget_set_sensitive (self->test_button, !self->busy && fields_complete (self, TRUE));
  gtk_widget_set_sensitive (self->kind_box, !self->busy);
}

static void
show_result (GovorunAccountDialog *self,
             gboolean              ok,
             const char           *text)
{
  g_autofree char *line = NULL;

  if (ok)
    /* Translators: shown after a successful test, before what was found */
    line = g_strdup_printf (_("Connected: %s"), text);
  else
    line = g_strdup (text);

  gtk_label_set_text (self->result_label, line);
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_label), ok ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->result_label), ok ? "success" : "error");
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), TRUE);
}

static void
forget_test (GovorunAccountDialog *self)
{
  g_clear_pointer (&self->tested_summary, g_free);
  self->test_failed = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), FALSE);
}

static void
on_field_changed (GovorunAccountDialog *self)
{
  /* A test result no longer speaks for changed fields. */
  if (!self->busy)
    forget_test (self);
  update_sensitivity (self);
}

static void
on_kind_toggled (GovorunAccountDialog *self)
{
  gtk_stack_set_visible_child_name (self->kind_stack,
                                    current_kind (self) == GOVORUN_ACCOUNT_KIND_ELEVENLABS ?
                                    "elevenlabs" : "voximplant");
  on_field_changed (self);
}

static void
on_auth_changed (GovorunAccountDialog *self)
{
  gtk_stack_set_visible_child_name (self->auth_stack,
                                    current_auth (self) == GOVORUN_VOXIMPLANT_AUTH_API_KEY ?
                                    "api-key" : "service-account");
  on_field_changed (self);
}

static void
set_busy (GovorunAccountDialog *self,
          gboolean              busy)
{
  self->busy = busy;
  gtk_widget_set_visible (self->test_spinner, busy);
  if (busy)
    gtk_spinner_start (GTK_SPINNER (self->test_spinner));
  else
    gtk_spinner_stop (GTK_SPINNER (self->test_spinner));
  update_sensitivity (self);
}

static void
reset_cancellable (GovorunAccountDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

/* -- Test connection -- */

static void
tested_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GovorunAccountDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  summary = govorun_connection_tester_test_draft_finish (GOVORUN_CONNECTION_TESTER (object),
                                                         result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (summary == NULL)
    {
      show_result (self, FALSE, error->message);
      self->test_failed = TRUE;
      return;
    }

  show_result (self, TRUE, summary);
  g_free (self->tested_summary);
  self->tested_summary = g_steal_pointer (&summary);
}

static void
on_test_clicked (GovorunAccountDialog *self)
{
  g_autoptr(GovorunAccount) draft = NULL;
  const char *secret = current_secret (self);

  reset_cancellable (self);
  forget_test (self);
  set_busy (self, TRUE);

  /* Without a new secret, an edit is tested with the saved one (the
   * draft keeps the account's uuid, so the keyring item is found). */
  draft = build_draft (self);
  govorun_connection_tester_test_draft_async (self->tester, draft, secret, self->cancellable,
                                              tested_cb, self);
}

/* -- Save -- */

static void
toast_parent (GovorunAccountDialog *self,
              const char           *text)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    govorun_toast_show (GTK_WIDGET (parent), text);
}

static void
background_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  if (GOVORUN_IS_CONNECTION_TESTER (object))
    summary = govorun_connection_tester_test_finish (GOVORUN_CONNECTION_TESTER (object), result, &error);
  else
    govorun_account_store_set_test_result_finish (GOVORUN_ACCOUNT_STORE (object), result, &error);

  /* Either way the outcome is on the account's row now. */
  if (error != NULL)
    g_debug ("After saving: %s", error->message);
}

static void
after_save (GovorunAccountDialog *self,
            GovorunAccount       *saved)
{
  /* A test that passed with these very fields is the account's first result;
   * otherwise test it now so the list says who the account is. */
  if (self->tested_summary != NULL)
    govorun_account_store_set_test_result_async (self->accounts, saved, TRUE, self->tested_summary,
                                                 NULL, background_done_cb, NULL);
  else
    govorun_connection_tester_test_async (self->tester, saved, NULL, background_done_cb, NULL);
}

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GovorunAccountDialog *self = user_data;
  g_autoptr(GovorunAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  account = govorun_account_store_add_finish (GOVORUN_ACCOUNT_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (account == NULL)
    {
      show_result (self, FALSE, error->message);
      return;
    }

  after_save (self, account);
  text = g_strdup_printf (_("Account “%s” added"), govorun_account_get_display_name (account));
  toast_parent (self, text);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
updated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GovorunAccountDialog *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!govorun_account_store_update_finish (GOVORUN_ACCOUNT_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_busy (self, FALSE);
          show_result (self, FALSE, error->message);
        }
      return;
    }

  set_busy (self, FALSE);
  after_save (self, self->editing);
  toast_parent (self, _("Account saved"));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save (GovorunAccountDialog *self)
{
  g_autoptr(GovorunAccount) draft = build_draft (self);
  const char *secret = current_secret (self);

  reset_cancellable (self);
  set_busy (self, TRUE);

  if (self->editing == NULL)
    govorun_account_store_add_async (self->accounts, draft, secret, self->cancellable,
                                     added_cb, self);
  else
    govorun_account_store_update_async (self->accounts, draft, secret, self->cancellable,
                                        updated_cb, self);
}

static void
save_anyway_cb (AdwMessageDialog     *dialog,
                const char           *response,
                GovorunAccountDialog *self)
{
  if (g_strcmp0 (response, "save") == 0)
    save (self);
}

/* A key that was just shown not to work is saved only on purpose. */
static void
on_save_clicked (GovorunAccountDialog *self)
{
  GtkWidget *dialog;

  if (!self->test_failed)
    {
      save (self);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Details That Failed the Test?"),
                                   _("The connection test with these details has just failed. Govorun cannot use the account until they work; you can correct them later."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save Anyway"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_anyway_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_cancel_clicked (GovorunAccountDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* A closed dialog stops what it started at once. Callbacks borrow self:
 * dispose cancels too (a dialog destroyed without closing, with its
 * parent), and a cancelled callback returns before touching the dialog. */
static gboolean
govorun_account_dialog_close_request (GtkWindow *window)
{
  GovorunAccountDialog *self = GOVORUN_ACCOUNT_DIALOG (window);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (govorun_account_dialog_parent_class)->close_request (window);
}

/* -- Credentials file -- */

static void
credentials_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GovorunAccountDialog *self = user_data;
  g_autoptr(GovorunKeyFile) credentials = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *name = NULL;
  g_autofree char *account_id = NULL;

  credentials = govorun_account_store_read_key_file_finish (GOVORUN_ACCOUNT_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (credentials == NULL)
    {
      g_clear_object (&self->credentials);
      escaped = g_markup_escape_text (error->message, -1);
      adw_action_row_set_subtitle (self->credentials_row, escaped);
      gtk_widget_add_css_class (GTK_WIDGET (self->credentials_row), "error");
      govorun_toast_show (GTK_WIDGET (self), _("This file is not a usable Voximplant key file"));
      on_field_changed (self);
      return;
    }

  g_set_object (&self->credentials, credentials);
  gtk_widget_remove_css_class (GTK_WIDGET (self->credentials_row), "error");

  /* xgettext cannot see through G_GINT64_FORMAT: the ID goes in as text. */
  account_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                govorun_key_file_get_account_id (credentials));
  /* Translators: Voximplant account ID, key ID, then the account's email */
  subtitle = g_strdup_printf (_("Account %s · key %s\n%s"), account_id,
                              govorun_key_file_get_key_id (credentials),
                              govorun_key_file_get_account_email (credentials));
  escaped = g_markup_escape_text (subtitle, -1);
  adw_action_row_set_subtitle (self->credentials_row, escaped);

  name = trimmed_text (self->name_row);
  if (*name == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                           govorun_key_file_get_account_email (credentials));

  on_field_changed (self);
}

void
govorun_account_dialog_load_credentials_file (GovorunAccountDialog *self,
                                              GFile                *file)
{
  g_return_if_fail (GOVORUN_IS_ACCOUNT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A key file can only be a Voximplant service account. */
  if (self->editing == NULL)
    gtk_toggle_button_set_active (self->voximplant_toggle, TRUE);
  adw_combo_row_set_selected (self->auth_row, AUTH_ROW_SERVICE_ACCOUNT);

  reset_cancellable (self);
  set_busy (self, TRUE);
  govorun_account_store_read_key_file_async (self->accounts, file, self->cancellable,
                                             credentials_loaded_cb, self);
}

static void
on_chooser_response (GtkNativeDialog      *chooser,
                     int                   response,
                     GovorunAccountDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        govorun_account_dialog_load_credentials_file (self, file);
    }

  g_object_unref (chooser);
}

static void
on_choose_clicked (GovorunAccountDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  /* GtkFileChooserNative goes through the portal inside Flatpak; GtkFileDialog
   * needs GTK 4.10, which Debian 12 does not have. */
  chooser = gtk_file_chooser_native_new (_("Choose a Voximplant Key File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Key files (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_drop (GtkDropTarget        *target,
         const GValue         *value,
         double                x,
         double                y,
         GovorunAccountDialog *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;

  govorun_account_dialog_load_credentials_file (self, G_FILE (files->data));
  g_slist_free (files);

  return TRUE;
}

/* -- Setup -- */

void
govorun_account_dialog_set_kind (GovorunAccountDialog *self,
                                 GovorunAccountKind    kind)
{
  g_return_if_fail (GOVORUN_IS_ACCOUNT_DIALOG (self));

  gtk_toggle_button_set_active (kind == GOVORUN_ACCOUNT_KIND_ELEVENLABS ?
                                self->elevenlabs_toggle : self->voximplant_toggle, TRUE);
}

static void
fill_from_account (GovorunAccountDialog *self)
{
  GovorunAccount *account = self->editing;
  GovorunElevenlabsRegion region = GOVORUN_ELEVENLABS_REGION_GLOBAL;

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Account"));
  adw_window_title_set_title (self->window_title, _("Edit Account"));
  gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));
  gtk_widget_set_visible (self->kind_box, FALSE);

  govorun_account_dialog_set_kind (self, govorun_account_get_kind (account));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), govorun_account_get_display_name (account));

  if (govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_ELEVENLABS)
    {
      govorun_elevenlabs_region_from_string (govorun_account_get_el_region (account), &region);
      adw_combo_row_set_selected (self->region_row, region);
      if (!govorun_account_get_key_needed (account))
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->el_key_row),
                                       _("New API Key (empty keeps the saved one)"));
    }
  else if (govorun_account_get_vox_auth (account) == GOVORUN_VOXIMPLANT_AUTH_API_KEY)
    {
      adw_combo_row_set_selected (self->auth_row, AUTH_ROW_API_KEY);
      gtk_editable_set_text (GTK_EDITABLE (self->account_id_row),
                             govorun_account_get_vox_account_id (account));
      if (!govorun_account_get_key_needed (account))
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->vox_key_row),
                                       _("New API Key (empty keeps the saved one)"));
    }
  else if (govorun_account_get_key_needed (account))
    adw_combo_row_set_selected (self->auth_row, AUTH_ROW_SERVICE_ACCOUNT);
  else
    {
      g_autofree char *subtitle = NULL;
      g_autofree char *escaped = NULL;

      adw_combo_row_set_selected (self->auth_row, AUTH_ROW_SERVICE_ACCOUNT);
      /* Translators: Voximplant account ID and key ID of the saved key file */
      subtitle = g_strdup_printf (_("Saved key: account %s · key %s. Choose a file to replace it."),
                                  govorun_account_get_vox_account_id (account),
                                  govorun_account_get_vox_key_id (account));
      escaped = g_markup_escape_text (subtitle, -1);
      adw_action_row_set_subtitle (self->credentials_row, escaped);
    }

  forget_test (self);
  update_sensitivity (self);
}

static void
govorun_account_dialog_dispose (GObject *object)
{
  GovorunAccountDialog *self = GOVORUN_ACCOUNT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->credentials);
  g_clear_object (&self->accounts);
  g_clear_object (&self->tester);
  g_clear_object (&self->editing);
  g_clear_pointer (&self->tested_summary, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_ACCOUNT_DIALOG);

  G_OBJECT_CLASS (govorun_account_dialog_parent_class)->dispose (object);
}

static void
govorun_account_dialog_class_init (GovorunAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = govorun_account_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = govorun_account_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/govorun-account-dialog.ui");
  govorun_toast_install_action (widget_class);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountDialog, kind_box);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountDialog, voximplant_toggle);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountDialog, elevenlabs_toggle);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountDialog, kind_stack);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountDialog, auth_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountDialog, auth_stack);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountDialog, credentials_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountDialog, account_id_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountDialog, vox_key_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountDialog, el_key_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountDialog, test_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountDialog, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountDialog, result_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_auth_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_test_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
govorun_account_dialog_init (GovorunAccountDialog *self)
{
  g_autoptr(GtkStringList) regions = gtk_string_list_new (NULL);
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  govorun_editable_limit (GTK_EDITABLE (self->name_row), GOVORUN_ACCOUNT_NAME_MAX_CHARS);
  govorun_editable_limit (GTK_EDITABLE (self->account_id_row), 20);

  for (guint i = GOVORUN_ELEVENLABS_REGION_GLOBAL; i <= GOVORUN_ELEVENLABS_REGION_SG; i++)
    gtk_string_list_append (regions, govorun_elevenlabs_region_get_label (i));
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (regions));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  self->cancellable = g_cancellable_new ();
  govorun_first_field_focus_on_map (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}

GovorunAccountDialog *
govorun_account_dialog_new (GtkWindow               *parent,
                            GovorunAccountStore     *accounts,
                            GovorunConnectionTester *tester,
                            GovorunAccount          *account)
{
  GovorunAccountDialog *self;

  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (accounts), NULL);
  g_return_val_if_fail (GOVORUN_IS_CONNECTION_TESTER (tester), NULL);
  g_return_val_if_fail (account == NULL || GOVORUN_IS_ACCOUNT (account), NULL);

  self = g_object_new (GOVORUN_TYPE_ACCOUNT_DIALOG, "transient-for", parent, NULL);
  self->accounts = g_object_ref (accounts);
  self->tester = g_object_ref (tester);

  if (account != NULL)
    {
      self->editing = g_object_ref (account);
      fill_from_account (self);
    }

  update_sensitivity (self);

  return self;
}
