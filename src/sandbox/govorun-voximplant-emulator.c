/* govorun-voximplant-emulator.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantEmulator"

#include "config.h"

#include "govorun-voximplant-emulator-private.h"

/* The object: its state and settings, the method table, routing and
 * authentication of each request before a method runs; the methods live in
 * govorun-vox-emu-<sub-API>.c. */

#define PLATFORM_API    "/platform_api"
#define VOX_EMU_RECORD_METHOD "GET " VOX_EMU_RECORDS_PATH

typedef void (*MethodFunc) (Call *call);

typedef struct
{
  const char *name;
  MethodFunc  func;
} Method;

G_DEFINE_FINAL_TYPE (GovorunVoximplantEmulator, govorun_voximplant_emulator, GOVORUN_TYPE_EMULATOR)

enum {
  PROP_0,
  PROP_ERROR_HTTP_STATUS,
  PROP_METHODS_CASE_INSENSITIVE,
  PROP_API_ADDRESS,
  PROP_APPLICATION_DOMAIN_SUFFIX,
  PROP_BIND_DEFAULT,
  PROP_DEFAULT_LIST_COUNT,
  PROP_REQUIRE_COUNTRY_STATE,
  PROP_DEL_RULE_REQUIRES_APPLICATION,
  PROP_KEEP_DEACTIVATED_NUMBERS,
  PROP_DELETE_APPLICATION_SCENARIOS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
account_free (Account *account)
{
  g_free (account->account_name);
  g_free (account->account_email);
  g_free (account->api_key);
  g_free (account->first_name);
  g_free (account->last_name);
  g_clear_pointer (&account->created, g_date_time_unref);
  g_free (account->language_code);
  g_free (account->location);
  g_free (account->currency);
  g_clear_pointer (&account->applications, g_ptr_array_unref);
  g_clear_pointer (&account->scenarios, g_ptr_array_unref);
  g_clear_pointer (&account->rules, g_ptr_array_unref);
  g_clear_pointer (&account->phones, g_ptr_array_unref);
  g_clear_object (&account->history);
  g_clear_pointer (&account->call_lists, g_ptr_array_unref);
  g_clear_pointer (&account->campaign_calls, g_array_unref);
  g_free (account);
}

static void
application_free (Application *app)
{
  g_free (app->name);
  g_clear_pointer (&app->secrets, g_hash_table_unref);
  g_free (app);
}

static void
scenario_free (Scenario *scenario)
{
  g_free (scenario->name);
  g_free (scenario->script);
  g_free (scenario);
}

static void
rule_free (Rule *rule)
{
  g_free (rule->name);
  g_free (rule->pattern);
  g_free (rule->pattern_exclude);
  g_clear_pointer (&rule->scenario_ids, g_array_unref);
  g_free (rule);
}

static void
phone_free (Phone *phone)
{
  g_free (phone->number);
  g_free (phone->country_code);
  g_free (phone->category);
  g_free (phone->region_name);
  g_free (phone);
}

void
vox_emu_stock_number_free (StockNumber *number)
{
  g_free (number->number);
  g_free (number);
}

static void
region_free (Region *region)
{
  g_clear_pointer (&region->stock, g_ptr_array_unref);
  g_free (region);
}

static void
service_key_free (ServiceKey *key)
{
  g_free (key->key_id);
  g_clear_pointer (&key->pubkey, gnutls_pubkey_deinit);
  g_free (key);
}

/* @objects holds one of the kinds that start with their gint64 id. */
gpointer
vox_emu_find_by_id (GPtrArray *objects,
                    gint64     id)
{
  for (guint i = 0; i < objects->len; i++)
    {
      gpointer object = g_ptr_array_index (objects, i);

      if (*(gint64 *) object == id)
        return object;
    }

  return NULL;
}

gint64
vox_emu_now (GovorunVoximplantEmulator *self)
{
  return g_get_real_time () / G_USEC_PER_SEC + self->clock_offset;
}

/* New methods are added here. Names are matched as spelled (case
 * sensitivity of the real API is UNVERIFIED; see the property). */
static const Method methods[] = {
  { "GetAccountInfo", vox_emu_method_get_account_info },
  { "AddApplication", vox_emu_method_add_application },
  { "GetApplications", vox_emu_method_get_applications },
  { "SetApplicationInfo", vox_emu_method_set_application_info },
  { "DelApplication", vox_emu_method_del_application },
  { "AddScenario", vox_emu_method_add_scenario },
  { "GetScenarios", vox_emu_method_get_scenarios },
  { "SetScenarioInfo", vox_emu_method_set_scenario_info },
  { "DelScenario", vox_emu_method_del_scenario },
  { "BindScenario", vox_emu_method_bind_scenario },
  { "AddRule", vox_emu_method_add_rule },
  { "GetRules", vox_emu_method_get_rules },
  { "SetRuleInfo", vox_emu_method_set_rule_info },
  { "DelRule", vox_emu_method_del_rule },
  { "GetPhoneNumberCategories", vox_emu_method_get_phone_number_categories },
  { "GetPhoneNumberCountryStates", vox_emu_method_get_phone_number_country_states },
  { "GetPhoneNumberRegions", vox_emu_method_get_phone_number_regions },
  { "GetNewPhoneNumbers", vox_emu_method_get_new_phone_numbers },
  { "AttachPhoneNumber", vox_emu_method_attach_phone_number },
  { "GetPhoneNumbers", vox_emu_method_get_phone_numbers },
  { "BindPhoneNumberToApplication", vox_emu_method_bind_phone_number_to_application },
  { "DeactivatePhoneNumber", vox_emu_method_deactivate_phone_number },
  { "GetCallHistory", vox_emu_method_get_call_history },
  { "CreateCallList", vox_emu_method_create_call_list },
  { "AppendToCallList", vox_emu_method_append_to_call_list },
  { "GetCallLists", vox_emu_method_get_call_lists },
  { "GetCallListDetails", vox_emu_method_get_call_list_details },
  { "StopCallListProcessing", vox_emu_method_stop_call_list_processing },
  { "RecoverCallList", vox_emu_method_recover_call_list },
  /* Names from the 2026 docs, unverified (as in the client). */
  { "AddSecret", vox_emu_method_add_secret },
  { "SetSecretInfo", vox_emu_method_set_secret_info },
  { "DelSecret", vox_emu_method_del_secret },
  { "GetSecrets", vox_emu_method_get_secrets },
};

static const Method *
find_method (GovorunVoximplantEmulator *self,
             const char                *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      if (g_str_equal (methods[i].name, name))
        return &methods[i];
      if (self->methods_case_insensitive && g_ascii_strcasecmp (methods[i].name, name) == 0)
        return &methods[i];
    }

  return NULL;
}

/* GovorunEmulator -------------------------------------------------------- */

static char *
govorun_voximplant_emulator_route (GovorunEmulator   *emulator,
                                   SoupServerMessage *msg,
                                   const char        *path,
                                   GHashTable        *params)
{
  GovorunVoximplantEmulator *self = GOVORUN_VOXIMPLANT_EMULATOR (emulator);
  g_autofree char *name = NULL;
  const char *style;
  const Method *method;

  if (g_str_has_prefix (path, VOX_EMU_RECORDS_PATH) &&
      g_str_equal (soup_server_message_get_method (msg), "GET"))
    return g_strdup (VOX_EMU_RECORD_METHOD);

  if (!g_str_has_prefix (path, PLATFORM_API))
    return NULL;

  path += strlen (PLATFORM_API);

  if (*path == '\0' || g_str_equal (path, "/"))
    {
      const char *cmd = g_hash_table_lookup (params, "cmd");

      style = "cmd";
      name = g_strdup (cmd != NULL ? cmd : "");
    }
  else if (*path == '/')
    {
      const char *end;

      path++;
      end = strchr (path, '/');
      /* Only one optional trailing slash after the method name. */
      if (end != NULL && end[1] != '\0')
        return NULL;

      style = "path";
      name = end != NULL ? g_strndup (path, end - path) : g_strdup (path);
    }
  else
    {
      return NULL;
    }

  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->last_params, g_hash_table_unref);
  self->last_params = g_hash_table_ref (params);
  self->last_style = style;
  method = find_method (self, name);
  g_mutex_unlock (&self->lock);

  /* Counted and faulted under the canonical spelling. */
  if (method != NULL)
    return g_strdup (method->name);

  return g_steal_pointer (&name);
}

static void
govorun_voximplant_emulator_handle (GovorunEmulator   *emulator,
                                    SoupServerMessage *msg,
                                    const char        *name,
                                    GHashTable        *params)
{
  GovorunVoximplantEmulator *self = GOVORUN_VOXIMPLANT_EMULATOR (emulator);
  Call call = { self, msg, params, NULL, AUTH_API_KEY };
  const Method *method;
  int code;

  /* Recordings are files on a storage host, not API methods. */
  if (g_str_equal (name, VOX_EMU_RECORD_METHOD))
    {
      vox_emu_serve_record (self, msg, g_uri_get_path (soup_server_message_get_uri (msg)), params);
      return;
    }

  g_mutex_lock (&self->lock);

  if (*name == '\0')
    {
      vox_emu_call_error (&call, GOVORUN_VOXIMPLANT_CODE_MISSING_CMD, NULL);
      goto out;
    }

  method = find_method (self, name);
  if (method == NULL)
    {
      vox_emu_call_error (&call, GOVORUN_VOXIMPLANT_CODE_UNKNOWN_COMMAND, NULL);
      goto out;
    }

  code = vox_emu_authenticate (self, &call);
  if (code != 0)
    {
      vox_emu_call_error (&call, code, NULL);
      goto out;
    }

  g_debug ("%s for account %" G_GINT64_FORMAT, method->name, call.account->account_id);
  method->func (&call);

out:
  g_mutex_unlock (&self->lock);
}

static void
govorun_voximplant_emulator_render_fault (GovorunEmulator    *emulator,
                                          SoupServerMessage  *msg,
                                          const char         *method,
                                          const GovorunFault *fault)
{
  GovorunVoximplantEmulator *self = GOVORUN_VOXIMPLANT_EMULATOR (emulator);
  guint status;

  if (fault->provider_code != 0)
    {
      status = fault->http_status != 0 ? fault->http_status : self->error_http_status;
      vox_emu_respond_error (self, msg, status, fault->provider_code, NULL);
      return;
    }

  /* A bare HTTP failure (a gateway's 502/503, a 429 in front of the API)
   * carries no Voximplant envelope: what such bodies look like is not
   * documented, and a client must rely on the status alone. */
  soup_server_message_set_status (msg, fault->http_status, NULL);
  soup_server_message_set_response (msg, "text/plain; charset=utf-8", SOUP_MEMORY_COPY,
                                    soup_status_get_phrase (fault->http_status) != NULL
                                    ? soup_status_get_phrase (fault->http_status) : "Error",
                                    strlen (soup_status_get_phrase (fault->http_status) != NULL
                                            ? soup_status_get_phrase (fault->http_status) : "Error"));
}

/* GObject ---------------------------------------------------------------- */

static void
govorun_voximplant_emulator_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  GovorunVoximplantEmulator *self = GOVORUN_VOXIMPLANT_EMULATOR (object);

  switch (prop_id)
    {
    case PROP_ERROR_HTTP_STATUS:
      g_value_set_uint (value, self->error_http_status);
      break;

    case PROP_METHODS_CASE_INSENSITIVE:
      g_value_set_boolean (value, self->methods_case_insensitive);
      break;

    case PROP_API_ADDRESS:
      g_mutex_lock (&self->lock);
      g_value_set_string (value, self->api_address);
      g_mutex_unlock (&self->lock);
      break;

    case PROP_APPLICATION_DOMAIN_SUFFIX:
      g_mutex_lock (&self->lock);
      g_value_set_string (value, self->application_domain_suffix);
      g_mutex_unlock (&self->lock);
      break;

    case PROP_BIND_DEFAULT:
      g_value_set_boolean (value, self->bind_default);
      break;

    case PROP_DEFAULT_LIST_COUNT:
      g_value_set_uint (value, self->default_list_count);
      break;

    case PROP_REQUIRE_COUNTRY_STATE:
      g_value_set_boolean (value, self->require_country_state);
      break;

    case PROP_DEL_RULE_REQUIRES_APPLICATION:
      g_value_set_boolean (value, self->del_rule_requires_application);
      break;

    case PROP_KEEP_DEACTIVATED_NUMBERS:
      g_value_set_boolean (value, self->keep_deactivated_numbers);
      break;

    case PROP_DELETE_APPLICATION_SCENARIOS:
      g_value_set_boolean (value, self->delete_application_scenarios);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_voximplant_emulator_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  GovorunVoximplantEmulator *self = GOVORUN_VOXIMPLANT_EMULATOR (object);

  g_mutex_lock (&self->lock);

  switch (prop_id)
    {
    case PROP_ERROR_HTTP_STATUS:
      self->error_http_status = g_value_get_uint (value);
      break;

    case PROP_METHODS_CASE_INSENSITIVE:
      self->methods_case_insensitive = g_value_get_boolean (value);
      break;

    case PROP_API_ADDRESS:
      g_free (self->api_address);
      self->api_address = g_value_dup_string (value);
      break;

    case PROP_APPLICATION_DOMAIN_SUFFIX:
      g_free (self->application_domain_suffix);
      self->application_domain_suffix = g_value_dup_string (value);
      break;

    case PROP_BIND_DEFAULT:
      self->bind_default = g_value_get_boolean (value);
      break;

    case PROP_DEFAULT_LIST_COUNT:
      self->default_list_count = g_value_get_uint (value);
      break;

    case PROP_REQUIRE_COUNTRY_STATE:
      self->require_country_state = g_value_get_boolean (value);
      break;

    case PROP_DEL_RULE_REQUIRES_APPLICATION:
      self->del_rule_requires_application = g_value_get_boolean (value);
      break;

    case PROP_KEEP_DEACTIVATED_NUMBERS:
      self->keep_deactivated_numbers = g_value_get_boolean (value);
      break;

    case PROP_DELETE_APPLICATION_SCENARIOS:
      self->delete_application_scenarios = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  g_mutex_unlock (&self->lock);
}

static void
govorun_voximplant_emulator_finalize (GObject *object)
{
  GovorunVoximplantEmulator *self = GOVORUN_VOXIMPLANT_EMULATOR (object);

  g_clear_pointer (&self->accounts, g_hash_table_unref);
  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->last_params, g_hash_table_unref);
  g_clear_pointer (&self->api_address, g_free);
  g_clear_pointer (&self->application_domain_suffix, g_free);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (govorun_voximplant_emulator_parent_class)->finalize (object);
}

static void
govorun_voximplant_emulator_class_init (GovorunVoximplantEmulatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GovorunEmulatorClass *emulator_class = GOVORUN_EMULATOR_CLASS (klass);

  object_class->get_property = govorun_voximplant_emulator_get_property;
  object_class->set_property = govorun_voximplant_emulator_set_property;
  object_class->finalize = govorun_voximplant_emulator_finalize;

  emulator_class->route = govorun_voximplant_emulator_route;
  emulator_class->handle = govorun_voximplant_emulator_handle;
  emulator_class->render_fault = govorun_voximplant_emulator_render_fault;

  /* UNVERIFIED in the reference (§1.4): clients read the JSON body, so the
   * status of API errors is a setting. */
  properties[PROP_ERROR_HTTP_STATUS] =
    g_param_spec_uint ("error-http-status", NULL, NULL,
                       100, 599, 200,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /* UNVERIFIED in the reference (§1.1). */
  properties[PROP_METHODS_CASE_INSENSITIVE] =
    g_param_spec_boolean ("methods-case-insensitive", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /* The exact form of api_address (host, or URL) is UNVERIFIED. */
  properties[PROP_API_ADDRESS] =
    g_param_spec_string ("api-address", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /* UNVERIFIED (§2 Applications): full application names are
   * "<short>.<account_name>.<suffix>"; older accounts lack the node part
   * ("myapp1.test.voximplant.com"). */
  properties[PROP_APPLICATION_DOMAIN_SUFFIX] =
    g_param_spec_string ("application-domain-suffix", NULL, NULL,
                         "n1.voximplant.com",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /* UNVERIFIED (§2 Phone numbers): what BindPhoneNumberToApplication and
   * BindScenario do without a "bind" parameter. */
  properties[PROP_BIND_DEFAULT] =
    g_param_spec_boolean ("bind-default", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /* UNVERIFIED (§1.6): how many items a list returns without "count". */
  properties[PROP_DEFAULT_LIST_COUNT] =
    g_param_spec_uint ("default-list-count", NULL, NULL,
                       1, G_MAXUINT, 20,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /* UNVERIFIED: whether GetPhoneNumberRegions needs "country_state" for
   * a category with states (error 485 when TRUE and it is missing). */
  properties[PROP_REQUIRE_COUNTRY_STATE] =
    g_param_spec_boolean ("require-country-state", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /* UNVERIFIED (§2 Rules): S2 makes DelRule take the application even for
   * an id-based delete. */
  properties[PROP_DEL_RULE_REQUIRES_APPLICATION] =
    g_param_spec_boolean ("del-rule-requires-application", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /* UNVERIFIED: whether a deactivated number stays listed by
   * GetPhoneNumbers (with "deactivated": true) or disappears. */
  properties[PROP_KEEP_DEACTIVATED_NUMBERS] =
    g_param_spec_boolean ("keep-deactivated-numbers", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /* UNVERIFIED: whether DelApplication also deletes the scenarios kept in
   * the application's folder (FALSE moves them to "Shared"). */
  properties[PROP_DELETE_APPLICATION_SCENARIOS] =
    g_param_spec_boolean ("delete-application-scenarios", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_voximplant_emulator_init (GovorunVoximplantEmulator *self)
{
  g_mutex_init (&self->lock);
  self->accounts = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                          (GDestroyNotify) account_free);
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) service_key_free);
  self->error_http_status = SOUP_STATUS_OK;
  self->next_application_id = 100001;
  self->next_scenario_id = 200001;
  self->next_rule_id = 300001;
  self->next_phone_id = 400001;
  self->regions = g_ptr_array_new_with_free_func ((GDestroyNotify) region_free);
  self->application_domain_suffix = g_strdup ("n1.voximplant.com");
  self->bind_default = TRUE;
  self->default_list_count = 20;
  self->require_country_state = TRUE;
  self->del_rule_requires_application = TRUE;
  self->keep_deactivated_numbers = FALSE;
  self->delete_application_scenarios = TRUE;
}

/* Public API ------------------------------------------------------------- */

GovorunVoximplantEmulator *
govorun_voximplant_emulator_new (void)
{
  return g_object_new (GOVORUN_TYPE_VOXIMPLANT_EMULATOR, NULL);
}

void
govorun_voximplant_emulator_add_account (GovorunVoximplantEmulator *self,
                                         gint64                     account_id,
                                         const char                *account_name,
                                         const char                *account_email,
                                         const char                *api_key,
                                         double                     balance,
                                         const char                *currency)
{
  Account *account;

  g_return_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self));
  g_return_if_fail (account_id > 0);
  g_return_if_fail (account_name != NULL);

  account = g_new0 (Account, 1);
  account->account_id = account_id;
  account->account_name = g_strdup (account_name);
  account->account_email = g_strdup (account_email != NULL ? account_email : "");
  account->api_key = g_strdup (api_key);
  account->first_name = g_strdup ("Sandbox");
  account->last_name = g_strdup ("User");
  account->created = g_date_time_new_utc (2024, 1, 15, 9, 30, 0);
  account->language_code = g_strdup ("en");
  account->location = g_strdup ("Etc/GMT");
  account->active = TRUE;
  account->frozen = FALSE;
  account->balance = balance;
  account->credit_limit = 0;
  account->currency = g_strdup (currency != NULL ? currency : "USD");
  account->applications = g_ptr_array_new_with_free_func ((GDestroyNotify) application_free);
  account->scenarios = g_ptr_array_new_with_free_func ((GDestroyNotify) scenario_free);
  account->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  account->phones = g_ptr_array_new_with_free_func ((GDestroyNotify) phone_free);

  g_mutex_lock (&self->lock);
  /* The key points into the value, so both go together on replace. */
  g_hash_table_replace (self->accounts, &account->account_id, account);
  g_mutex_unlock (&self->lock);
}

void
govorun_voximplant_emulator_set_account_holder (GovorunVoximplantEmulator *self,
                                                gint64                     account_id,
                                                const char                *first_name,
                                                const char                *last_name)
{
  Account *account;

  g_return_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self));
  g_return_if_fail (first_name != NULL && last_name != NULL);

  g_mutex_lock (&self->lock);
  account = g_hash_table_lookup (self->accounts, &account_id);
  if (account != NULL)
    {
      g_free (account->first_name);
      g_free (account->last_name);
      account->first_name = g_strdup (first_name);
      account->last_name = g_strdup (last_name);
    }
  g_mutex_unlock (&self->lock);

  if (account == NULL)
    g_warning ("No emulated account %" G_GINT64_FORMAT, account_id);
}

void
govorun_voximplant_emulator_set_balance (GovorunVoximplantEmulator *self,
                                         gint64                     account_id,
                                         double                     balance)
{
  Account *account;

  g_return_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self));

  g_mutex_lock (&self->lock);
  account = g_hash_table_lookup (self->accounts, &account_id);
  if (account != NULL)
    account->balance = balance;
  g_mutex_unlock (&self->lock);

  if (account == NULL)
    g_warning ("No emulated account %" G_GINT64_FORMAT, account_id);
}

void
govorun_voximplant_emulator_set_clock_offset (GovorunVoximplantEmulator *self,
                                              gint64                     seconds)
{
  g_return_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self));

  g_mutex_lock (&self->lock);
  self->clock_offset = seconds;
  g_mutex_unlock (&self->lock);
}

GHashTable *
govorun_voximplant_emulator_get_last_params (GovorunVoximplantEmulator *self)
{
  GHashTable *copy = NULL;

  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self), NULL);

  g_mutex_lock (&self->lock);
  if (self->last_params != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_iter_init (&iter, self->last_params);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
    }
  g_mutex_unlock (&self->lock);

  return copy;
}

const char *
govorun_voximplant_emulator_get_last_style (GovorunVoximplantEmulator *self)
{
  const char *style;

  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self), NULL);

  g_mutex_lock (&self->lock);
  style = self->last_style;
  g_mutex_unlock (&self->lock);

  return style;
}

guint
govorun_voximplant_emulator_count_objects (GovorunVoximplantEmulator *self,
                                           gint64                     account_id,
                                           const char                *type)
{
  Account *account;
  guint count = 0;
  gboolean known = TRUE;

  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self), 0);
  g_return_val_if_fail (type != NULL, 0);

  g_mutex_lock (&self->lock);
  account = g_hash_table_lookup (self->accounts, &account_id);
  if (account == NULL)
    ;
  else if (g_str_equal (type, "application"))
    count = account->applications->len;
  else if (g_str_equal (type, "scenario"))
    count = account->scenarios->len;
  else if (g_str_equal (type, "rule"))
    count = account->rules->len;
  else if (g_str_equal (type, "number") || g_str_equal (type, "bound-number"))
    {
      gboolean bound_only = g_str_equal (type, "bound-number");

      for (guint i = 0; i < account->phones->len; i++)
        {
          Phone *phone = g_ptr_array_index (account->phones, i);

          if (!phone->deactivated && (!bound_only || phone->application_id != 0))
            count++;
        }
    }
  else
    known = FALSE;
  g_mutex_unlock (&self->lock);

  if (!known)
    g_warning ("Unknown emulated object type '%s'", type);

  return count;
}
