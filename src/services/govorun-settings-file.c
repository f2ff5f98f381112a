/* govorun-settings-file.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunSettingsFile"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-do-not-call-records.h"
#include "govorun-integration-records.h"
#include "govorun-integrations.h"
#include "govorun-secrets.h"
#include "govorun-settings-document.h"
#include "govorun-settings-file.h"

struct _GovorunSettingsFile
{
  GObject              parent_instance;

  GovorunAccountStore *accounts;
  GovorunDoNotCall    *do_not_call;
  GovorunStore        *store;
  GovorunSecrets      *secrets;
  GSettings           *settings;
  GovorunIntegrations *integrations;  /* the app's, so imported webhooks show at once */
};

G_DEFINE_FINAL_TYPE (GovorunSettingsFile, govorun_settings_file, G_TYPE_OBJECT)

G_DEFINE_QUARK (govorun-settings-file-error-quark, govorun_settings_file_error)

GovorunSettingsImport *
govorun_settings_import_copy (const GovorunSettingsImport *import)
{
  GovorunSettingsImport *copy = g_new0 (GovorunSettingsImport, 1);

  copy->do_not_call_added = import->do_not_call_added;
  copy->preferences = import->preferences;
  copy->accounts_to_add = g_strdupv (import->accounts_to_add);
  copy->webhooks_added = g_strdupv (import->webhooks_added);
  copy->webhook_secrets = g_strdupv (import->webhook_secrets);
  copy->targets_to_add = g_strdupv (import->targets_to_add);
  return copy;
}

void
govorun_settings_import_free (GovorunSettingsImport *import)
{
  if (import == NULL)
    return;
  g_strfreev (import->accounts_to_add);
  g_strfreev (import->webhooks_added);
  g_strfreev (import->webhook_secrets);
  g_strfreev (import->targets_to_add);
  g_free (import);
}

G_DEFINE_BOXED_TYPE (GovorunSettingsImport, govorun_settings_import,
                     govorun_settings_import_copy, govorun_settings_import_free)

/* The file's error domain for the document's. */
static GError *
file_error (GError *error)
{
  GError *mapped;

  if (error->domain != GOVORUN_SETTINGS_DOCUMENT_ERROR)
    return error;
  mapped = g_error_new_literal (GOVORUN_SETTINGS_FILE_ERROR,
                                error->code == GOVORUN_SETTINGS_DOCUMENT_ERROR_NEWER
                                ? GOVORUN_SETTINGS_FILE_ERROR_NEWER : GOVORUN_SETTINGS_FILE_ERROR_DAMAGED,
                                error->message);
  g_error_free (error);
  return mapped;
}

/* --- export ----------------------------------------------------------------------- */

static void
add_accounts (GovorunSettingsFile     *self,
              GovorunSettingsDocument *document)
{
  GListModel *accounts = G_LIST_MODEL (self->accounts);

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(GovorunAccount) account = g_list_model_get_item (accounts, i);
      GovorunSettingsAccount row = { NULL, };
      gboolean vox = govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_VOXIMPLANT;

      row.kind = (char *) govorun_account_kind_to_string (govorun_account_get_kind (account));
      row.name = (char *) govorun_account_get_display_name (account);
      if (vox)
        {
          row.account_id = (char *) govorun_account_get_vox_account_id (account);
          row.auth = (char *) govorun_voximplant_auth_to_string (govorun_account_get_vox_auth (account));
          row.key_id = (char *) govorun_account_get_vox_key_id (account);
          row.email = (char *) govorun_account_get_vox_account_email (account);
        }
      else
        row.region = (char *) govorun_account_get_el_region (account);
      govorun_settings_document_add_account (document, &row);
    }
}

/* The API addresses decide where the keys are sent: a file someone hands
 * over must never change them, so they are neither written nor read. */
static gboolean
preference_travels (const char *key)
{
  return !g_str_has_suffix (key, "-api-url");
}

static void
add_preferences (GovorunSettingsFile     *self,
                 GovorunSettingsDocument *document)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  if (self->settings == NULL)
    return;
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = NULL;

      if (!preference_travels (keys[i]))
        continue;
      value = g_settings_get_value (self->settings, keys[i]);

      g_hash_table_insert (document->preferences, g_strdup (keys[i]), g_variant_print (value, FALSE));
    }
}

static void
write_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GovorunSettingsDocument *document = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  g_autofree char *json = govorun_settings_document_to_json (document);
  GError *error = NULL;

  /* g_file_replace_contents writes a temporary file and renames it: a
   * failed export never leaves half a file. */
  if (!g_file_replace_contents (file, json, strlen (json), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, cancellable, &error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_task_return_new_error (task, GOVORUN_SETTINGS_FILE_ERROR, GOVORUN_SETTINGS_FILE_ERROR_IO,
                               _("The settings could not be saved to “%s”. Choose another folder and try again. (%s)"),
                               name, error->message);
      g_error_free (error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* The events of a target as their wire names. */
static char **
event_names (guint events)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint bit = 1; bit <= GOVORUN_INTEGRATION_EVENTS_ALL; bit <<= 1)
    if ((events & bit) != 0 && govorun_integration_event_to_string (bit) != NULL)
      g_strv_builder_add (names, govorun_integration_event_to_string (bit));
  return g_strv_builder_end (names);
}

/* What a target's call deliveries add, by their names in the file. */
static const struct
{
  guint       bit;
  const char *name;
} includes[] = {
  { GOVORUN_INTEGRATION_OPTION_TRANSCRIPT, "transcript" },
  { GOVORUN_INTEGRATION_OPTION_RECORDING_LINK, "recording-link" },
};

static char **
include_names (guint events)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (includes); i++)
    if ((events & includes[i].bit) != 0)
      g_strv_builder_add (names, includes[i].name);
  return g_strv_builder_end (names);
}

static guint
include_bits (char **names)
{
  guint bits = 0;

  for (guint i = 0; i < G_N_ELEMENTS (includes); i++)
    if (names != NULL && g_strv_contains ((const char * const *) names, includes[i].name))
      bits |= includes[i].bit;
  return bits;
}

static void
on_targets_loaded (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunSettingsDocument *document = g_task_get_task_data (task);
  g_autoptr(GPtrArray) targets = NULL;
  GError *error = NULL;

  targets = govorun_integration_records_load_targets_finish (GOVORUN_STORE (object), result, &error);
  if (targets == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < targets->len; i++)
    {
      GovorunIntegrationTarget *target = g_ptr_array_index (targets, i);
      gboolean webhook = govorun_integration_target_get_kind (target) == GOVORUN_INTEGRATION_KIND_WEBHOOK;
      g_auto(GStrv) events = event_names (govorun_integration_target_get_events (target));
      g_auto(GStrv) include = include_names (govorun_integration_target_get_events (target));
      GovorunSettingsTarget row = { NULL, };

      if (events[0] == NULL)
        continue;
      row.kind = webhook ? "webhook" : "bitrix24";
      row.name = (char *) govorun_integration_target_get_name (target);
      /* A Bitrix24 inbound webhook's URL holds its secret: never in the file. */
      row.url = webhook ? (char *) govorun_integration_target_get_url (target) : NULL;
      row.events = events;
      row.include = include;
      govorun_settings_document_add_target (document, &row);
    }
  g_task_run_in_thread (g_steal_pointer (&task), write_in_thread);
}

static void
on_numbers_loaded (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunSettingsDocument *document = g_task_get_task_data (task);
  g_autoptr(GPtrArray) entries = NULL;
  GError *error = NULL;

  entries = govorun_do_not_call_records_load_finish (GOVORUN_STORE (object), result, &error);
  if (entries == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      GovorunDoNotCallEntry *entry = g_ptr_array_index (entries, i);

      govorun_settings_document_add_number (document, govorun_do_not_call_entry_get_number (entry),
                                            govorun_do_not_call_entry_get_note (entry),
                                            govorun_do_not_call_entry_get_added_at (entry));
    }
  govorun_integration_records_load_targets_async (GOVORUN_STORE (object), g_task_get_cancellable (task),
                                                  on_targets_loaded, g_object_ref (task));
}

void
govorun_settings_file_export_async (GovorunSettingsFile *self,
                                    GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GovorunSettingsDocument *document;

  g_return_if_fail (GOVORUN_IS_SETTINGS_FILE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_settings_file_export_async);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  document = govorun_settings_document_new ();
  g_task_set_task_data (task, document, (GDestroyNotify) govorun_settings_document_free);
  add_accounts (self, document);
  add_preferences (self, document);
  govorun_do_not_call_records_load_async (self->store, cancellable, on_numbers_loaded, g_steal_pointer (&task));
}

gboolean
govorun_settings_file_export_finish (GovorunSettingsFile  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_settings_file_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- import ----------------------------------------------------------------------- */

typedef struct
{
  GovorunSettingsDocument *document;
  GovorunSettingsImport   *import;
  GovorunIntegrations     *integrations;  /* adds the webhooks, with their secrets */
  GPtrArray               *existing;      /* GovorunIntegrationTarget already here */
  guint                    next_target;
  GStrvBuilder            *added;
  GStrvBuilder            *secrets;
  GStrvBuilder            *to_add;
  GPtrArray               *new_accounts;  /* GovorunSettingsAccount (the document's) to add without keys */
  guint                    next_account;
  GPtrArray               *entries;       /* GovorunDoNotCallEntry to add */
} Import;

static void
import_free (Import *import)
{
  g_clear_pointer (&import->document, govorun_settings_document_free);
  g_clear_pointer (&import->import, govorun_settings_import_free);
  g_clear_object (&import->integrations);
  g_clear_pointer (&import->existing, g_ptr_array_unref);
  g_clear_pointer (&import->added, g_strv_builder_unref);
  g_clear_pointer (&import->secrets, g_strv_builder_unref);
  g_clear_pointer (&import->to_add, g_strv_builder_unref);
  g_clear_pointer (&import->new_accounts, g_ptr_array_unref);
  g_clear_pointer (&import->entries, g_ptr_array_unref);
  g_free (import);
}

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Import *import = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  GError *error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info != NULL && g_file_info_get_size (info) > GOVORUN_SETTINGS_DOCUMENT_MAX_BYTES)
    {
      g_task_return_new_error (task, GOVORUN_SETTINGS_FILE_ERROR, GOVORUN_SETTINGS_FILE_ERROR_DAMAGED,
                               _("The file is too large to be a Govorun settings file, so nothing was imported. Choose a file made with Export Settings."));
      return;
    }
  if (info == NULL || !g_file_load_contents (file, cancellable, &data, &length, NULL, &error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_task_return_new_error (task, GOVORUN_SETTINGS_FILE_ERROR, GOVORUN_SETTINGS_FILE_ERROR_IO,
                               _("The file “%s” could not be read. Check that it is still there and try again. (%s)"),
                               name, error->message);
      g_error_free (error);
      return;
    }
  import->document = govorun_settings_document_parse (data, length, &error);
  if (import->document == NULL)
    {
      g_task_return_error (task, file_error (error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* Accounts in the file that this computer lacks (by Voximplant account id,
 * or ElevenLabs name), in @rows (GovorunSettingsAccount, borrowed). */
static char **
accounts_to_add (GovorunSettingsFile     *self,
                 GovorunSettingsDocument *document,
                 GPtrArray               *rows)
{
  GListModel *accounts = G_LIST_MODEL (self->accounts);
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();

  for (guint i = 0; i < document->accounts->len; i++)
    {
      GovorunSettingsAccount *row = g_ptr_array_index (document->accounts, i);
      gboolean vox = g_str_equal (row->kind, "voximplant");
      gboolean here = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (accounts) && !here; j++)
        {
          g_autoptr(GovorunAccount) account = g_list_model_get_item (accounts, j);

          if (vox)
            here = govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_VOXIMPLANT
                   && g_strcmp0 (govorun_account_get_vox_account_id (account), row->account_id) == 0;
          else
            here = govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_ELEVENLABS
                   && g_strcmp0 (govorun_account_get_display_name (account), row->name) == 0;
        }
      if (!here)
        {
          g_strv_builder_add (missing, row->name);
          g_ptr_array_add (rows, row);
        }
    }
  return g_strv_builder_end (missing);
}

/* Preferences the schema knows, of the right type and range; others are
 * skipped (a newer or older Govorun may have other keys). */
static guint
set_preferences (GovorunSettingsFile     *self,
                 GovorunSettingsDocument *document)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;

  if (self->settings == NULL)
    return 0;
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  g_settings_delay (self->settings);
  g_hash_table_iter_init (&iter, document->preferences);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GSettingsSchemaKey) schema_key = NULL;
      g_autoptr(GVariant) parsed = NULL;

      if (!g_settings_schema_has_key (schema, key) || !preference_travels (key))
        continue;
      schema_key = g_settings_schema_get_key (schema, key);
      parsed = g_variant_parse (g_settings_schema_key_get_value_type (schema_key), value, NULL, NULL, NULL);
      if (parsed == NULL || !g_settings_schema_key_range_check (schema_key, parsed))
        continue;
      g_settings_set_value (self->settings, key, parsed);
      n++;
    }
  g_settings_apply (self->settings);
  return n;
}

/* --- import: integration targets --- */

static guint
event_bits (char **names)
{
  guint events = 0;

  for (guint i = 0; names[i] != NULL; i++)
    for (guint bit = 1; bit <= GOVORUN_INTEGRATION_EVENTS_ALL; bit <<= 1)
      if (g_strcmp0 (govorun_integration_event_to_string (bit), names[i]) == 0)
        events |= bit;
  return events;
}

/* A target of that kind and name (and, for a webhook, address) is here. */
static gboolean
target_here (Import                *import,
             GovorunSettingsTarget *row)
{
  gboolean webhook = g_str_equal (row->kind, "webhook");

  for (guint i = 0; i < import->existing->len; i++)
    {
      GovorunIntegrationTarget *target = g_ptr_array_index (import->existing, i);

      if (webhook && govorun_integration_target_get_kind (target) == GOVORUN_INTEGRATION_KIND_WEBHOOK &&
          g_strcmp0 (govorun_integration_target_get_url (target), row->url) == 0)
        return TRUE;
      if (!webhook && govorun_integration_target_get_kind (target) == GOVORUN_INTEGRATION_KIND_BITRIX24 &&
          g_strcmp0 (govorun_integration_target_get_name (target), row->name) == 0)
        return TRUE;
    }
  return FALSE;
}

static void import_next_target (GTask *task);

static void
on_webhook_added (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Import *import = g_task_get_task_data (task);
  GovorunSettingsTarget *row = g_ptr_array_index (import->document->targets, import->next_target - 1);
  g_autoptr(GovorunIntegrationTarget) target = NULL;
  g_autofree char *secret = NULL;
  GError *error = NULL;

  target = govorun_integrations_add_webhook_finish (GOVORUN_INTEGRATIONS (object), result, &secret, &error);
  if (target == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_strv_builder_add (import->added, row->name);
  g_strv_builder_add (import->secrets, secret);
  import_next_target (g_steal_pointer (&task));
}

static void
import_next_target (GTask *task)
{
  Import *import = g_task_get_task_data (task);

  while (import->next_target < import->document->targets->len)
    {
      GovorunSettingsTarget *row = g_ptr_array_index (import->document->targets, import->next_target++);

      if (target_here (import, row))
        continue;
      if (g_str_equal (row->kind, "bitrix24"))
        {
          g_strv_builder_add (import->to_add, row->name);
          continue;
        }
      if (import->integrations == NULL)
        continue;
      govorun_integrations_add_webhook_async (import->integrations, row->name, row->url,
                                              event_bits (row->events) | include_bits (row->include),
                                              g_task_get_cancellable (task), on_webhook_added, task);
      return;
    }
  import->import->webhooks_added = g_strv_builder_end (import->added);
  import->import->webhook_secrets = g_strv_builder_end (import->secrets);
  import->import->targets_to_add = g_strv_builder_end (import->to_add);
  g_task_return_pointer (task, g_steal_pointer (&import->import), (GDestroyNotify) govorun_settings_import_free);
  g_object_unref (task);
}

static void
on_existing_targets (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  Import *import = g_task_get_task_data (task);
  GError *error = NULL;

  import->existing = govorun_integration_records_load_targets_finish (GOVORUN_STORE (object), result, &error);
  if (import->existing == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  import_next_target (task);
}

/* The numbers are in: the targets next (one at a time: each webhook's
 * secret goes to the keyring before its row). */
static void
import_targets (GTask *task)
{
  GovorunSettingsFile *self = g_task_get_source_object (task);
  Import *import = g_task_get_task_data (task);

  import->added = g_strv_builder_new ();
  import->secrets = g_strv_builder_new ();
  import->to_add = g_strv_builder_new ();
  if (self->integrations != NULL)
    import->integrations = g_object_ref (self->integrations);
  else if (self->secrets != NULL && import->document->targets->len > 0)
    import->integrations = govorun_integrations_new (self->store, self->secrets);
  govorun_integration_records_load_targets_async (self->store, g_task_get_cancellable (task), on_existing_targets,
                                                  task);
}

static void
on_list_reloaded (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!govorun_do_not_call_load_finish (GOVORUN_DO_NOT_CALL (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  import_targets (g_steal_pointer (&task));
}

static void
on_numbers_added (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunSettingsFile *self = g_task_get_source_object (task);
  Import *import = g_task_get_task_data (task);
  GError *error = NULL;

  if (!govorun_do_not_call_records_add_finish (GOVORUN_STORE (object), result,
                                               &import->import->do_not_call_added, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* The list's model shows what the store now has. */
  if (self->do_not_call != NULL && govorun_do_not_call_get_loaded (self->do_not_call))
    {
      govorun_do_not_call_load_async (self->do_not_call, NULL, on_list_reloaded, g_object_ref (task));
      return;
    }
  import_targets (g_steal_pointer (&task));
}

/* --- import: accounts, listed as "key needed" until their keys are typed --- */

static void import_next_account (GTask *task);

static void
on_account_added (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GovorunAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  /* One account refused (a name taken meanwhile) does not stop the import:
   * it stays in the list of accounts to add. */
  account = govorun_account_store_add_without_key_finish (GOVORUN_ACCOUNT_STORE (object), result, &error);
  if (account == NULL)
    g_debug ("An imported account was not added: %s", error->message);
  import_next_account (task);
}

static void
import_next_account (GTask *task)
{
  GovorunSettingsFile *self = g_task_get_source_object (task);
  Import *import = g_task_get_task_data (task);
  g_autoptr(GovorunAccount) account = NULL;
  GovorunSettingsAccount *row;
  GovorunAccountKind kind;
  GovorunVoximplantAuth auth = GOVORUN_VOXIMPLANT_AUTH_API_KEY;

  if (import->next_account >= import->new_accounts->len)
    {
      govorun_do_not_call_records_add_async (self->store, import->entries, NULL, on_numbers_added, task);
      return;
    }
  row = g_ptr_array_index (import->new_accounts, import->next_account++);
  govorun_account_kind_from_string (row->kind, &kind);
  account = govorun_account_new (kind);
  govorun_account_set_display_name (account, row->name);
  if (kind == GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
    {
      govorun_voximplant_auth_from_string (row->auth, &auth);
      govorun_account_set_vox_account_id (account, row->account_id);
      govorun_account_set_vox_auth (account, auth);
      govorun_account_set_vox_key_id (account, row->key_id);
      govorun_account_set_vox_account_email (account, row->email);
    }
  else if (row->region != NULL)
    govorun_account_set_el_region (account, row->region);
  govorun_account_store_add_without_key_async (self->accounts, account, NULL, on_account_added, task);
}

static void
on_read (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunSettingsFile *self = GOVORUN_SETTINGS_FILE (object);
  Import *import = g_task_get_task_data (task);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  import->import = g_new0 (GovorunSettingsImport, 1);
  import->new_accounts = g_ptr_array_new ();
  import->import->accounts_to_add = accounts_to_add (self, import->document, import->new_accounts);
  import->import->preferences = set_preferences (self, import->document);
  for (guint i = 0; i < import->document->do_not_call->len; i++)
    {
      GovorunSettingsNumber *number = g_ptr_array_index (import->document->do_not_call, i);

      g_ptr_array_add (entries, govorun_do_not_call_entry_new (number->number, number->note, number->added_at));
    }
  import->entries = g_steal_pointer (&entries);
  import_next_account (g_object_ref (task));
}

void
govorun_settings_file_import_async (GovorunSettingsFile *self,
                                    GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) read = NULL;

  g_return_if_fail (GOVORUN_IS_SETTINGS_FILE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_settings_file_import_async);
  g_task_set_task_data (task, g_new0 (Import, 1), (GDestroyNotify) import_free);

  /* The reading thread fills the same Import; its own task keeps the
   * outer one alive until the main context gets the answer. */
  read = g_task_new (self, cancellable, on_read, g_object_ref (task));
  g_task_set_task_data (read, g_task_get_task_data (task), NULL);
  g_object_set_data_full (G_OBJECT (read), "file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (read, read_in_thread);
}

GovorunSettingsImport *
govorun_settings_file_import_finish (GovorunSettingsFile  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_settings_file_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- GObject ------------------------------------------------------------------------ */

static void
govorun_settings_file_dispose (GObject *object)
{
  GovorunSettingsFile *self = GOVORUN_SETTINGS_FILE (object);

  g_clear_object (&self->accounts);
  g_clear_object (&self->do_not_call);
  g_clear_object (&self->store);
  g_clear_object (&self->secrets);
  g_clear_object (&self->settings);
  g_clear_object (&self->integrations);

  G_OBJECT_CLASS (govorun_settings_file_parent_class)->dispose (object);
}

static void
govorun_settings_file_class_init (GovorunSettingsFileClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = govorun_settings_file_dispose;
}

static void
govorun_settings_file_init (GovorunSettingsFile *self)
{
}

GovorunSettingsFile *
govorun_settings_file_new (GovorunAccountStore *accounts,
                           GovorunDoNotCall    *do_not_call,
                           GovorunStore        *store,
                           GovorunSecrets      *secrets,
                           GSettings           *settings)
{
  GovorunSettingsFile *self = g_object_new (GOVORUN_TYPE_SETTINGS_FILE, NULL);

  self->accounts = g_object_ref (accounts);
  self->do_not_call = do_not_call != NULL ? g_object_ref (do_not_call) : NULL;
  self->store = g_object_ref (store);
  self->secrets = secrets != NULL ? g_object_ref (secrets) : NULL;
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  return self;
}

/* The app's integrations service: imported webhooks are added through it,
 * so its list of targets shows them at once. Without one, an import adds
 * them through a service of its own (the list shows them after a reload). */
void
govorun_settings_file_set_integrations (GovorunSettingsFile *self,
                                        GovorunIntegrations *integrations)
{
  g_return_if_fail (GOVORUN_IS_SETTINGS_FILE (self));
  g_return_if_fail (integrations == NULL || GOVORUN_IS_INTEGRATIONS (integrations));

  g_set_object (&self->integrations, integrations);
}
