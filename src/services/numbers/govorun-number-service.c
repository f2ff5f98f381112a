/* govorun-number-service.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunNumberService"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-number-service.h"
#include "govorun-voximplant-client-private.h"

/*
 * Every call is a short chain: the client from the factory, then one or
 * a few Management API methods. Answers are read field by field; a field
 * that is missing or of the wrong type gives BAD_RESPONSE, never a crash.
 * Provider errors with a meaning for numbers (money, stock, invalid
 * number or region) get a sentence of their own here, with the provider's
 * " (Voximplant error N: msg)" kept at the end; all others (transport,
 * authorization, rate limits) pass through unchanged.
 */

#define DEFAULT_PAGE_SIZE 100
#define PROVIDER_CODE_MARKER " (Voximplant error "

struct _GovorunNumberService
{
  GObject               parent_instance;

  GovorunClientFactory *factory;
  guint                 page_size;
};

G_DEFINE_FINAL_TYPE (GovorunNumberService, govorun_number_service, G_TYPE_OBJECT)

G_DEFINE_QUARK (govorun-number-service-error-quark, govorun_number_service_error)

/* ---- Boxed results ---- */

GovorunPhoneNumber *
govorun_phone_number_copy (const GovorunPhoneNumber *number)
{
  GovorunPhoneNumber *copy;

  g_return_val_if_fail (number != NULL, NULL);

  copy = g_memdup2 (number, sizeof *number);
  copy->number = g_strdup (number->number);
  copy->country_code = g_strdup (number->country_code);
  copy->category = g_strdup (number->category);
  copy->region_name = g_strdup (number->region_name);
  copy->next_renewal = g_strdup (number->next_renewal);
  copy->verification_status = g_strdup (number->verification_status);
  copy->application_name = g_strdup (number->application_name);
  copy->rule_name = g_strdup (number->rule_name);

  return copy;
}

void
govorun_phone_number_free (GovorunPhoneNumber *number)
{
  if (number == NULL)
    return;

  g_free (number->number);
  g_free (number->country_code);
  g_free (number->category);
  g_free (number->region_name);
  g_free (number->next_renewal);
  g_free (number->verification_status);
  g_free (number->application_name);
  g_free (number->rule_name);
  g_free (number);
}

G_DEFINE_BOXED_TYPE (GovorunPhoneNumber, govorun_phone_number,
                     govorun_phone_number_copy, govorun_phone_number_free)

GovorunPhoneCategory *
govorun_phone_category_copy (const GovorunPhoneCategory *category)
{
  GovorunPhoneCategory *copy;

  g_return_val_if_fail (category != NULL, NULL);

  copy = g_new0 (GovorunPhoneCategory, 1);
  copy->category = g_strdup (category->category);
  copy->label = g_strdup (category->label);
  copy->has_states = category->has_states;

  return copy;
}

void
govorun_phone_category_free (GovorunPhoneCategory *category)
{
  if (category == NULL)
    return;

  g_free (category->category);
  g_free (category->label);
  g_free (category);
}

G_DEFINE_BOXED_TYPE (GovorunPhoneCategory, govorun_phone_category,
                     govorun_phone_category_copy, govorun_phone_category_free)

GovorunPhoneCountry *
govorun_phone_country_copy (const GovorunPhoneCountry *country)
{
  GovorunPhoneCountry *copy;

  g_return_val_if_fail (country != NULL, NULL);

  copy = g_new0 (GovorunPhoneCountry, 1);
  copy->country_code = g_strdup (country->country_code);
  copy->name = g_strdup (country->name);
  copy->phone_prefix = g_strdup (country->phone_prefix);
  copy->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_phone_category_free);
  for (guint i = 0; country->categories != NULL && i < country->categories->len; i++)
    g_ptr_array_add (copy->categories,
                     govorun_phone_category_copy (g_ptr_array_index (country->categories, i)));

  return copy;
}

void
govorun_phone_country_free (GovorunPhoneCountry *country)
{
  if (country == NULL)
    return;

  g_free (country->country_code);
  g_free (country->name);
  g_free (country->phone_prefix);
  g_clear_pointer (&country->categories, g_ptr_array_unref);
  g_free (country);
}

G_DEFINE_BOXED_TYPE (GovorunPhoneCountry, govorun_phone_country,
                     govorun_phone_country_copy, govorun_phone_country_free)

GovorunPhoneState *
govorun_phone_state_copy (const GovorunPhoneState *state)
{
  GovorunPhoneState *copy;

  g_return_val_if_fail (state != NULL, NULL);

  copy = g_new0 (GovorunPhoneState, 1);
  copy->code = g_strdup (state->code);
  copy->name = g_strdup (state->name);

  return copy;
}

void
govorun_phone_state_free (GovorunPhoneState *state)
{
  if (state == NULL)
    return;

  g_free (state->code);
  g_free (state->name);
  g_free (state);
}

G_DEFINE_BOXED_TYPE (GovorunPhoneState, govorun_phone_state,
                     govorun_phone_state_copy, govorun_phone_state_free)

GovorunPhoneRegion *
govorun_phone_region_copy (const GovorunPhoneRegion *region)
{
  GovorunPhoneRegion *copy;

  g_return_val_if_fail (region != NULL, NULL);

  copy = g_memdup2 (region, sizeof *region);
  copy->name = g_strdup (region->name);
  copy->code = g_strdup (region->code);

  return copy;
}

void
govorun_phone_region_free (GovorunPhoneRegion *region)
{
  if (region == NULL)
    return;

  g_free (region->name);
  g_free (region->code);
  g_free (region);
}

G_DEFINE_BOXED_TYPE (GovorunPhoneRegion, govorun_phone_region,
                     govorun_phone_region_copy, govorun_phone_region_free)

GovorunAvailableNumber *
govorun_available_number_copy (const GovorunAvailableNumber *number)
{
  GovorunAvailableNumber *copy;

  g_return_val_if_fail (number != NULL, NULL);

  copy = g_memdup2 (number, sizeof *number);
  copy->number = g_strdup (number->number);

  return copy;
}

void
govorun_available_number_free (GovorunAvailableNumber *number)
{
  if (number == NULL)
    return;

  g_free (number->number);
  g_free (number);
}

G_DEFINE_BOXED_TYPE (GovorunAvailableNumber, govorun_available_number,
                     govorun_available_number_copy, govorun_available_number_free)

/* ---- Reading answers, field by field ---- */

static GError *
new_bad_response (const char *detail)
{
  return g_error_new (GOVORUN_NUMBER_SERVICE_ERROR, GOVORUN_NUMBER_SERVICE_ERROR_BAD_RESPONSE,
                      /* Translators: %s says what is wrong, e.g. “the “phone_id” field is missing” */
                      _("Voximplant sent an answer about phone numbers that Govorun does not understand: %s. Try again later."),
                      detail);
}

static gboolean
set_missing (const char  *name,
             GError     **error)
{
  /* Translators: %s is a field name such as “phone_id” */
  g_autofree char *detail = g_strdup_printf (_("the “%s” field is missing"), name);

  g_propagate_error (error, new_bad_response (detail));
  return FALSE;
}

static gboolean
set_mistyped (const char  *name,
              GError     **error)
{
  /* Translators: %s is a field name such as “phone_id” */
  g_autofree char *detail = g_strdup_printf (_("the “%s” field has the wrong type"), name);

  g_propagate_error (error, new_bad_response (detail));
  return FALSE;
}

/* NULL when absent or null (both mean "not set" in Voximplant answers). */
static JsonNode *
get_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

static gboolean
read_string (JsonObject  *object,
             const char  *name,
             gboolean     required,
             char       **out,
             GError     **error)
{
  JsonNode *node = get_member (object, name);

  *out = NULL;
  if (node == NULL)
    return required ? set_missing (name, error) : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return set_mistyped (name, error);

  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_int (JsonObject  *object,
          const char  *name,
          gboolean     required,
          gint64      *out,
          GError     **error)
{
  JsonNode *node = get_member (object, name);

  *out = 0;
  if (node == NULL)
    return required ? set_missing (name, error) : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return set_mistyped (name, error);

  *out = json_node_get_int (node);
  return TRUE;
}

/* Prices: JSON numbers, integral or not. */
static gboolean
read_double (JsonObject  *object,
             const char  *name,
             gboolean     required,
             double      *out,
             GError     **error)
{
  JsonNode *node = get_member (object, name);

  *out = 0.0;
  if (node == NULL)
    return required ? set_missing (name, error) : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return set_mistyped (name, error);

  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else
    return set_mistyped (name, error);

  return TRUE;
}

static gboolean
read_bool (JsonObject  *object,
           const char  *name,
           gboolean     required,
           gboolean    *out,
           GError     **error)
{
  JsonNode *node = get_member (object, name);

  *out = FALSE;
  if (node == NULL)
    return required ? set_missing (name, error) : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return set_mistyped (name, error);

  *out = json_node_get_boolean (node);
  return TRUE;
}

/* The envelope's "result" array; every element must be an object. */
static JsonArray *
read_result_array (JsonObject  *envelope,
                   GError     **error)
{
  JsonNode *node = get_member (envelope, "result");
  JsonArray *array;

  if (node == NULL)
    {
      set_missing ("result", error);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_mistyped ("result", error);
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
      {
        set_mistyped ("result", error);
        return NULL;
      }

  return array;
}

/* Whether a number still needs documents before it can be used.
 * UNVERIFIED: the full set of verification_status values is not in the
 * reference; "REQUIRED" and "IN_PROGRESS" are taken as "not yet usable",
 * and without a status the required_verification flag decides. */
static gboolean
needs_verification (const char *status,
                    gboolean    required)
{
  if (status != NULL)
    return g_ascii_strcasecmp (status, "REQUIRED") == 0
           || g_ascii_strcasecmp (status, "IN_PROGRESS") == 0;

  return required;
}

static GovorunPhoneNumber *
parse_phone_number (JsonObject  *object,
                    GError     **error)
{
  g_autoptr(GovorunPhoneNumber) number = g_new0 (GovorunPhoneNumber, 1);
  gboolean required_verification = FALSE;

  if (!read_int (object, "phone_id", TRUE, &number->phone_id, error)
      || !read_string (object, "phone_number", TRUE, &number->number, error)
      || !read_string (object, "phone_country_code", FALSE, &number->country_code, error)
      || !read_string (object, "category_name", FALSE, &number->category, error)
      || !read_string (object, "phone_region_name", FALSE, &number->region_name, error)
      || !read_double (object, "phone_price", FALSE, &number->monthly_price, error)
      || !read_string (object, "phone_next_renewal", FALSE, &number->next_renewal, error)
      || !read_string (object, "verification_status", FALSE, &number->verification_status, error)
      || !read_bool (object, "required_verification", FALSE, &required_verification, error)
      || !read_bool (object, "deactivated", FALSE, &number->deactivated, error)
      || !read_int (object, "application_id", FALSE, &number->application_id, error)
      || !read_string (object, "application_name", FALSE, &number->application_name, error)
      || !read_int (object, "rule_id", FALSE, &number->rule_id, error)
      || !read_string (object, "rule_name", FALSE, &number->rule_name, error))
    return NULL;

  number->verification_required = needs_verification (number->verification_status,
                                                      required_verification);

  return g_steal_pointer (&number);
}

/* A translated name for the categories Voximplant is known to use, for
 * when the answer has no localized one. */
static char *
category_fallback_label (const char *category)
{
  if (g_ascii_strcasecmp (category, "GEOGRAPHIC") == 0)
    return g_strdup (_("Geographic"));
  if (g_ascii_strcasecmp (category, "MOBILE") == 0)
    return g_strdup (_("Mobile"));
  if (g_ascii_strcasecmp (category, "TOLLFREE") == 0)
    return g_strdup (_("Toll-free"));
  if (g_ascii_strcasecmp (category, "NATIONAL") == 0)
    return g_strdup (_("National"));

  return g_strdup (category);
}

static GovorunPhoneCountry *
parse_country (JsonObject  *object,
               GError     **error)
{
  g_autoptr(GovorunPhoneCountry) country = g_new0 (GovorunPhoneCountry, 1);
  JsonNode *node;
  JsonArray *array;

  country->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_phone_category_free);

  if (!read_string (object, "country_code", TRUE, &country->country_code, error)
      || !read_string (object, "localized_country_name", FALSE, &country->name, error)
      || !read_string (object, "phone_prefix", FALSE, &country->phone_prefix, error))
    return NULL;

  if (country->name == NULL || *country->name == '\0')
    {
      g_free (country->name);
      country->name = g_strdup (country->country_code);
    }

  node = get_member (object, "phone_categories");
  if (node == NULL)
    return g_steal_pointer (&country);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_mistyped ("phone_categories", error);
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GovorunPhoneCategory) category = g_new0 (GovorunPhoneCategory, 1);
      JsonObject *item;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          set_mistyped ("phone_categories", error);
          return NULL;
        }
      item = json_node_get_object (element);

      if (!read_string (item, "phone_category_name", TRUE, &category->category, error)
          || !read_string (item, "localized_phone_category_name", FALSE, &category->label, error)
          || !read_bool (item, "country_has_states", FALSE, &category->has_states, error))
        return NULL;

      if (category->label == NULL || *category->label == '\0')
        {
          g_free (category->label);
          category->label = category_fallback_label (category->category);
        }

      g_ptr_array_add (country->categories, g_steal_pointer (&category));
    }

  return g_steal_pointer (&country);
}

static GovorunPhoneState *
parse_state (JsonObject  *object,
             GError     **error)
{
  g_autoptr(GovorunPhoneState) state = g_new0 (GovorunPhoneState, 1);

  if (!read_string (object, "country_state", TRUE, &state->code, error)
      || !read_string (object, "country_state_name", FALSE, &state->name, error))
    return NULL;

  if (state->name == NULL)
    state->name = g_strdup (state->code);

  return g_steal_pointer (&state);
}

static GovorunPhoneRegion *
parse_region (JsonObject  *object,
              GError     **error)
{
  g_autoptr(GovorunPhoneRegion) region = g_new0 (GovorunPhoneRegion, 1);
  g_autofree char *localized = NULL;
  g_autofree char *status = NULL;
  gboolean required = FALSE;
  gint64 stock = 0;

  if (!read_int (object, "phone_region_id", TRUE, &region->region_id, error)
      || !read_string (object, "phone_region_name", TRUE, &region->name, error)
      || !read_string (object, "localized_phone_region_name", FALSE, &localized, error)
      || !read_string (object, "phone_region_code", FALSE, &region->code, error)
      || !read_int (object, "phone_count", FALSE, &stock, error)
      || !read_double (object, "phone_price", FALSE, &region->monthly_price, error)
      || !read_double (object, "phone_installation_price", FALSE, &region->installation_price, error)
      || !read_string (object, "verification_status", FALSE, &status, error)
      || !read_bool (object, "required_verification", FALSE, &required, error))
    return NULL;

  if (localized != NULL && *localized != '\0')
    {
      g_free (region->name);
      region->name = g_steal_pointer (&localized);
    }
  region->stock = (guint) CLAMP (stock, 0, G_MAXUINT);
  /* For a region both say the same: documents will be asked for. */
  region->verification_required = required || needs_verification (status, FALSE);

  return g_steal_pointer (&region);
}

static GovorunAvailableNumber *
parse_available (JsonObject  *object,
                 GError     **error)
{
  g_autoptr(GovorunAvailableNumber) number = g_new0 (GovorunAvailableNumber, 1);

  if (!read_int (object, "phone_id", TRUE, &number->phone_id, error)
      || !read_string (object, "phone_number", TRUE, &number->number, error)
      || !read_double (object, "phone_price", FALSE, &number->monthly_price, error)
      || !read_double (object, "phone_installation_price", FALSE, &number->installation_price, error))
    return NULL;

  return g_steal_pointer (&number);
}

typedef gpointer (*ParseFunc) (JsonObject *object, GError **error);

static GPtrArray *
parse_list (JsonArray       *array,
            ParseFunc        parse,
            GDestroyNotify   free_func,
            GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (free_func);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gpointer item = parse (json_array_get_object_element (array, i), error);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

/* ---- Errors ---- */

/* The " (Voximplant error N: msg)" tail (and an HTTP status before it)
 * of a client error, to keep after our own sentence. */
static const char *
provider_suffix (const GError *error)
{
  const char *start = strstr (error->message, " (HTTP ");

  if (start == NULL)
    start = strstr (error->message, PROVIDER_CODE_MARKER);

  return start != NULL ? start : "";
}

static GError *
new_error_with_suffix (GovorunNumberServiceError  code,
                       const char                *sentence,
                       const GError              *cause)
{
  return g_error_new (GOVORUN_NUMBER_SERVICE_ERROR, code, "%s%s", sentence, provider_suffix (cause));
}

/* Gives number-specific provider errors a sentence of ours; returns
 * every other error unchanged. Takes @error. 127 is handled by the buy. */
static GError *
translate_error (GError *error)
{
  const char *sentence;
  GovorunNumberServiceError code;
  GError *translated;

  switch (govorun_voximplant_error_get_provider_code (error))
    {
    case 331: /* No phones in stock */
      code = GOVORUN_NUMBER_SERVICE_ERROR_NO_STOCK;
      sentence = _("There are no numbers left in this region. Choose another region.");
      break;
    case 332: /* Insufficient phones */
      code = GOVORUN_NUMBER_SERVICE_ERROR_NO_STOCK;
      sentence = _("This region does not have that many numbers in stock. Choose fewer numbers or another region.");
      break;
    case 121: /* Invalid phone number */
      code = GOVORUN_NUMBER_SERVICE_ERROR_INVALID_NUMBER;
      sentence = _("This phone number is not valid or is no longer available. Refresh the list and choose another number.");
      break;
    case 181: /* Invalid phone_id */
      code = GOVORUN_NUMBER_SERVICE_ERROR_INVALID_NUMBER;
      sentence = _("This phone number is not in the Voximplant account any more. Refresh the list of numbers.");
      break;
    case 182: /* Occupied phone number */
      code = GOVORUN_NUMBER_SERVICE_ERROR_INVALID_NUMBER;
      sentence = _("Someone else has just bought this phone number. Refresh the list and choose another number.");
      break;
    case 239: /* Invalid country_code */
    case 240: /* Invalid phone_category_name */
    case 241: /* Invalid phone_region_id */
    case 242: /* Invalid country_state */
      code = GOVORUN_NUMBER_SERVICE_ERROR_INVALID_REGION;
      sentence = _("Voximplant does not offer numbers for this country, category or region any more. Start again from the choice of country.");
      break;
    case 243: /* Invalid phone_count */
      code = GOVORUN_NUMBER_SERVICE_ERROR_INVALID_REGION;
      sentence = _("Voximplant did not accept the number of phone numbers to buy. Choose at least one number.");
      break;
    default:
      return error;
    }

  translated = new_error_with_suffix (code, sentence, error);
  g_error_free (error);

  return translated;
}

/* ---- The service ---- */

static void
govorun_number_service_dispose (GObject *object)
{
  GovorunNumberService *self = GOVORUN_NUMBER_SERVICE (object);

  g_clear_object (&self->factory);

  G_OBJECT_CLASS (govorun_number_service_parent_class)->dispose (object);
}

static void
govorun_number_service_class_init (GovorunNumberServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = govorun_number_service_dispose;
}

static void
govorun_number_service_init (GovorunNumberService *self)
{
  self->page_size = DEFAULT_PAGE_SIZE;
}

GovorunNumberService *
govorun_number_service_new (GovorunClientFactory *factory)
{
  GovorunNumberService *self;

  g_return_val_if_fail (GOVORUN_IS_CLIENT_FACTORY (factory), NULL);

  self = g_object_new (GOVORUN_TYPE_NUMBER_SERVICE, NULL);
  self->factory = g_object_ref (factory);

  return self;
}

void
govorun_number_service_set_page_size (GovorunNumberService *self,
                                      guint                 page_size)
{
  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (page_size > 0);

  self->page_size = page_size;
}

/* "RU" when the UI speaks Russian, else "EN": the only two locales the
 * Management API knows. */
const char *
govorun_number_service_get_api_locale (void)
{
  const char * const *languages = g_get_language_names ();
  const char *first = languages != NULL ? languages[0] : NULL;

  if (first != NULL && g_ascii_strncasecmp (first, "ru", 2) == 0
      && (first[2] == '\0' || first[2] == '_' || first[2] == '.' || first[2] == '@'))
    return "RU";

  return "EN";
}

/* ---- Operations ---- */

typedef struct _Op Op;
typedef void (*OpStep) (GTask *task);

struct _Op
{
  GovorunVoximplantClient *client;
  OpStep                   first_step;

  char                    *country;
  char                    *category;
  char                    *state;
  char                    *mask;
  GStrv                    numbers;
  gint64                   region_id;
  guint                    count;
  guint                    offset;

  gint64                   phone_id;
  gint64                   application_id;
  gint64                   rule_id;
  gboolean                 bind;

  GPtrArray               *items;
  GArray                  *bought_ids;        /* gint64 */
  GHashTable              *bought_unverified; /* phone_id set, from AttachPhoneNumber */

  /* For the 127 sentence: what is known about the price and the balance. */
  GError                  *error;
  double                   cost;
  gboolean                 have_cost;
  double                   balance;
  char                    *currency;
  gboolean                 have_balance;
};

static void
op_free (Op *op)
{
  g_clear_object (&op->client);
  g_free (op->country);
  g_free (op->category);
  g_free (op->state);
  g_free (op->mask);
  g_strfreev (op->numbers);
  g_clear_pointer (&op->items, g_ptr_array_unref);
  g_clear_pointer (&op->bought_ids, g_array_unref);
  g_clear_pointer (&op->bought_unverified, g_hash_table_unref);
  g_clear_error (&op->error);
  g_free (op->currency);
  g_free (op);
}

static void
client_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  GError *error = NULL;

  op->client = govorun_client_factory_voximplant_finish (GOVORUN_CLIENT_FACTORY (object), result, &error);
  if (op->client == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  op->first_step (task);
}

/* Starts an operation: checks the account, then gets its client and runs
 * @first_step. Takes @task. */
static void
op_start (GovorunNumberService *self,
          GTask                *task,
          GovorunAccount       *account,
          OpStep                first_step)
{
  Op *op = g_task_get_task_data (task);

  op->first_step = first_step;

  if (govorun_account_get_kind (account) != GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
    {
      g_task_return_new_error (task, GOVORUN_NUMBER_SERVICE_ERROR,
                               GOVORUN_NUMBER_SERVICE_ERROR_WRONG_ACCOUNT,
                               _("Phone numbers belong to a Voximplant account. Choose a Voximplant account."));
      g_object_unref (task);
      return;
    }

  govorun_client_factory_voximplant_async (self->factory, account, NULL,
                                           g_task_get_cancellable (task),
                                           client_ready_cb, task);
}

static GTask *
op_task_new (GovorunNumberService *self,
             GCancellable         *cancellable,
             GAsyncReadyCallback   callback,
             gpointer              user_data,
             gpointer              source_tag,
             Op                  **op_out)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Op *op = g_new0 (Op, 1);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify) op_free);
  *op_out = op;

  return task;
}

static void
op_call (GTask                   *task,
         const char              *method,
         GovorunVoximplantParams *params,
         GAsyncReadyCallback      callback)
{
  Op *op = g_task_get_task_data (task);

  govorun_voximplant_client_call_async (op->client, method, params, GOVORUN_HTTP_FLAGS_NONE,
                                        g_task_get_cancellable (task), callback,
                                        g_object_ref (task));
}

/* The envelope of a finished call, or NULL with the task returned. */
static JsonObject *
op_call_finish (GTask        *task,
                GAsyncResult *result)
{
  Op *op = g_task_get_task_data (task);
  GError *error = NULL;
  JsonObject *envelope;

  envelope = govorun_voximplant_client_call_finish (op->client, result, &error);
  if (envelope == NULL)
    g_task_return_error (task, translate_error (error));

  return envelope;
}

static GPtrArray *
propagate_array (GovorunNumberService  *self,
                 GAsyncResult          *result,
                 gpointer               source_tag,
                 GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Returns the parsed "result" list of @envelope on @task. */
static void
return_list (GTask          *task,
             JsonObject     *envelope,
             ParseFunc       parse,
             GDestroyNotify  free_func)
{
  GError *error = NULL;
  JsonArray *array;
  GPtrArray *items;

  if ((array = read_result_array (envelope, &error)) == NULL
      || (items = parse_list (array, parse, free_func, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static GovorunVoximplantParams *
region_params (Op *op)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new ();

  govorun_voximplant_params_add (params, "country_code", op->country);
  govorun_voximplant_params_add (params, "phone_category_name", op->category);
  if (op->state != NULL && *op->state != '\0')
    govorun_voximplant_params_add (params, "country_state", op->state);
  if (op->region_id > 0)
    govorun_voximplant_params_add_int (params, "phone_region_id", op->region_id);

  return params;
}

/* -- owned numbers, every page -- */

static void list_owned_page (GTask *task);

static void
list_owned_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunNumberService *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  g_autoptr(JsonObject) envelope = NULL;
  g_autoptr(GPtrArray) page = NULL;
  GError *error = NULL;
  JsonArray *array;
  gint64 total = -1;

  if ((envelope = op_call_finish (task, result)) == NULL)
    return;

  if ((array = read_result_array (envelope, &error)) == NULL
      || (page = parse_list (array, (ParseFunc) parse_phone_number,
                             (GDestroyNotify) govorun_phone_number_free, &error)) == NULL
      || (get_member (envelope, "total_count") != NULL
          && !read_int (envelope, "total_count", TRUE, &total, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < page->len; i++)
    g_ptr_array_add (op->items, g_steal_pointer (&page->pdata[i]));
  op->offset += page->len;

  /* A short page is the last one; total_count, when given, says so too. */
  if (page->len < self->page_size || (total >= 0 && op->offset >= total))
    g_task_return_pointer (task, g_steal_pointer (&op->items), (GDestroyNotify) g_ptr_array_unref);
  else
    list_owned_page (task);
}

static void
list_owned_page (GTask *task)
{
  GovorunNumberService *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  g_autoptr(GovorunVoximplantParams) params = govorun_voximplant_params_new ();

  if (op->phone_id > 0)
    govorun_voximplant_params_add_int (params, "phone_id", op->phone_id);
  if (op->bought_ids != NULL)
    govorun_voximplant_params_add_int_list (params, "phone_id", (const gint64 *) op->bought_ids->data,
                                            op->bought_ids->len);
  govorun_voximplant_params_add_int (params, "count", self->page_size);
  govorun_voximplant_params_add_int (params, "offset", op->offset);

  op_call (task, "GetPhoneNumbers", params, list_owned_cb);
}

void
govorun_number_service_list_owned_async (GovorunNumberService *self,
                                         GovorunAccount       *account,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = op_task_new (self, cancellable, callback, user_data,
                      govorun_number_service_list_owned_async, &op);
  op->items = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_phone_number_free);
  op_start (self, task, account, list_owned_page);
}

GPtrArray *
govorun_number_service_list_owned_finish (GovorunNumberService  *self,
                                          GAsyncResult          *result,
                                          GError               **error)
{
  return propagate_array (self, result, govorun_number_service_list_owned_async, error);
}

/* -- countries -- */

static void
list_countries_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) envelope = NULL;

  if ((envelope = op_call_finish (task, result)) != NULL)
    return_list (task, envelope, (ParseFunc) parse_country, (GDestroyNotify) govorun_phone_country_free);
}

static void
list_countries_step (GTask *task)
{
  g_autoptr(GovorunVoximplantParams) params = govorun_voximplant_params_new ();

  govorun_voximplant_params_add (params, "locale", govorun_number_service_get_api_locale ());
  op_call (task, "GetPhoneNumberCategories", params, list_countries_cb);
}

void
govorun_number_service_list_countries_async (GovorunNumberService *self,
                                             GovorunAccount       *account,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = op_task_new (self, cancellable, callback, user_data,
                      govorun_number_service_list_countries_async, &op);
  op_start (self, task, account, list_countries_step);
}

GPtrArray *
govorun_number_service_list_countries_finish (GovorunNumberService  *self,
                                              GAsyncResult          *result,
                                              GError               **error)
{
  return propagate_array (self, result, govorun_number_service_list_countries_async, error);
}

/* -- states -- */

static void
list_states_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) envelope = NULL;

  if ((envelope = op_call_finish (task, result)) != NULL)
    return_list (task, envelope, (ParseFunc) parse_state, (GDestroyNotify) govorun_phone_state_free);
}

static void
list_states_step (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  g_autoptr(GovorunVoximplantParams) params = region_params (op);

  op_call (task, "GetPhoneNumberCountryStates", params, list_states_cb);
}

void
govorun_number_service_list_states_async (GovorunNumberService *self,
                                          GovorunAccount       *account,
                                          const char           *country,
                                          const char           *category,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (country != NULL && category != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = op_task_new (self, cancellable, callback, user_data,
                      govorun_number_service_list_states_async, &op);
  op->country = g_strdup (country);
  op->category = g_strdup (category);
  op_start (self, task, account, list_states_step);
}

GPtrArray *
govorun_number_service_list_states_finish (GovorunNumberService  *self,
                                           GAsyncResult          *result,
                                           GError               **error)
{
  return propagate_array (self, result, govorun_number_service_list_states_async, error);
}

/* -- regions -- */

static void
list_regions_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) envelope = NULL;

  if ((envelope = op_call_finish (task, result)) != NULL)
    return_list (task, envelope, (ParseFunc) parse_region, (GDestroyNotify) govorun_phone_region_free);
}

static void
list_regions_step (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  g_autoptr(GovorunVoximplantParams) params = region_params (op);

  govorun_voximplant_params_add (params, "locale", govorun_number_service_get_api_locale ());
  op_call (task, "GetPhoneNumberRegions", params, list_regions_cb);
}

void
govorun_number_service_list_regions_async (GovorunNumberService *self,
                                           GovorunAccount       *account,
                                           const char           *country,
                                           const char           *category,
                                           const char           *state,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (country != NULL && category != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = op_task_new (self, cancellable, callback, user_data,
                      govorun_number_service_list_regions_async, &op);
  op->country = g_strdup (country);
  op->category = g_strdup (category);
  op->state = g_strdup (state);
  op_start (self, task, account, list_regions_step);
}

GPtrArray *
govorun_number_service_list_regions_finish (GovorunNumberService  *self,
                                            GAsyncResult          *result,
                                            GError               **error)
{
  return propagate_array (self, result, govorun_number_service_list_regions_async, error);
}

/* -- numbers on sale -- */

static void
list_available_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) envelope = NULL;

  if ((envelope = op_call_finish (task, result)) != NULL)
    return_list (task, envelope, (ParseFunc) parse_available, (GDestroyNotify) govorun_available_number_free);
}

static void
list_available_step (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  g_autoptr(GovorunVoximplantParams) params = region_params (op);

  if (op->mask != NULL && *op->mask != '\0')
    govorun_voximplant_params_add (params, "phone_number_mask", op->mask);
  if (op->count > 0)
    govorun_voximplant_params_add_int (params, "count", op->count);
  if (op->offset > 0)
    govorun_voximplant_params_add_int (params, "offset", op->offset);

  op_call (task, "GetNewPhoneNumbers", params, list_available_cb);
}

void
govorun_number_service_list_available_async (GovorunNumberService *self,
                                             GovorunAccount       *account,
                                             const char           *country,
                                             const char           *category,
                                             const char           *state,
                                             gint64                region_id,
                                             const char           *mask,
                                             guint                 count,
                                             guint                 offset,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (country != NULL && category != NULL);
  g_return_if_fail (region_id > 0);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = op_task_new (self, cancellable, callback, user_data,
                      govorun_number_service_list_available_async, &op);
  op->country = g_strdup (country);
  op->category = g_strdup (category);
  op->state = g_strdup (state);
  op->region_id = region_id;
  op->mask = g_strdup (mask);
  op->count = count;
  op->offset = offset;
  op_start (self, task, account, list_available_step);
}

GPtrArray *
govorun_number_service_list_available_finish (GovorunNumberService  *self,
                                              GAsyncResult          *result,
                                              GError               **error)
{
  return propagate_array (self, result, govorun_number_service_list_available_async, error);
}

/* -- buying -- */

static void
buy_return_insufficient_funds (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  g_autofree char *sentence = NULL;
  const char *currency = op->currency != NULL ? op->currency : "";

  if (op->have_cost && op->have_balance)
    /* Translators: the price with currency, then the balance with currency */
    sentence = g_strdup_printf (_("There is not enough money in the Voximplant account: the numbers cost %.2f %s, the balance is %.2f %s. Top up the balance in the Voximplant control panel and try again."),
                                op->cost, currency, op->balance, currency);
  else if (op->have_balance)
    /* Translators: the balance with currency */
    sentence = g_strdup_printf (_("There is not enough money in the Voximplant account: the balance is %.2f %s. Top up the balance in the Voximplant control panel and try again."),
                                op->balance, currency);
  else
    sentence = g_strdup (_("There is not enough money in the Voximplant account to buy these numbers. Top up the balance in the Voximplant control panel and try again."));

  g_task_return_error (task, new_error_with_suffix (GOVORUN_NUMBER_SERVICE_ERROR_INSUFFICIENT_FUNDS,
                                                    sentence, op->error));
}

static void
buy_price_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  g_autoptr(JsonObject) envelope = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  /* Best effort: the sentence just says less without the price. */
  envelope = govorun_voximplant_client_call_finish (op->client, result, &error);
  if (envelope != NULL
      && (array = read_result_array (envelope, &error)) != NULL
      && (regions = parse_list (array, (ParseFunc) parse_region,
                                (GDestroyNotify) govorun_phone_region_free, &error)) != NULL)
    {
      for (guint i = 0; i < regions->len; i++)
        {
          GovorunPhoneRegion *region = g_ptr_array_index (regions, i);

          if (region->region_id == op->region_id)
            {
              op->cost = g_strv_length (op->numbers) * (region->monthly_price + region->installation_price);
              op->have_cost = TRUE;
            }
        }
    }
  else if (error != NULL)
    g_debug ("No price for the insufficient-funds message: %s", error->message);

  if (g_task_return_error_if_cancelled (task))
    return;

  buy_return_insufficient_funds (task);
}

static void
buy_balance_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  g_autoptr(GovorunVoximplantAccountInfo) info = NULL;
  g_autoptr(GovorunVoximplantParams) params = NULL;
  g_autoptr(GError) error = NULL;

  info = govorun_voximplant_client_get_account_info_finish (op->client, result, &error);
  if (info != NULL)
    {
      op->balance = info->balance;
      op->currency = g_strdup (info->currency);
      op->have_balance = TRUE;
    }
  else
    g_debug ("No balance for the insufficient-funds message: %s", error->message);

  if (g_task_return_error_if_cancelled (task))
    return;

  params = region_params (op);
  op_call (task, "GetPhoneNumberRegions", params, buy_price_cb);
}

static void
buy_attach_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  g_autoptr(JsonObject) envelope = NULL;
  GError *error = NULL;
  JsonNode *node;
  JsonArray *array;

  envelope = govorun_voximplant_client_call_finish (op->client, result, &error);
  if (envelope == NULL)
    {
      if (govorun_voximplant_error_get_provider_code (error) == 127)
        {
          /* Say how short the money is: ask for the balance and the price. */
          op->error = error;
          govorun_voximplant_client_get_account_info_async (op->client, g_task_get_cancellable (task),
                                                            buy_balance_cb, g_object_ref (task));
          return;
        }

      g_task_return_error (task, translate_error (error));
      return;
    }

  node = get_member (envelope, "phone_numbers");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      if (node == NULL)
        set_missing ("phone_numbers", &error);
      else
        set_mistyped ("phone_numbers", &error);
      g_task_return_error (task, error);
      return;
    }

  array = json_node_get_array (node);
  op->bought_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  op->bought_unverified = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *status = NULL;
      gboolean required = FALSE;
      gint64 phone_id;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          set_mistyped ("phone_numbers", &error);
          g_task_return_error (task, error);
          return;
        }
      if (!read_int (json_node_get_object (element), "phone_id", TRUE, &phone_id, &error)
          || !read_bool (json_node_get_object (element), "required_verification", FALSE, &required, &error)
          || !read_string (json_node_get_object (element), "verification_status", FALSE, &status, &error))
        {
          g_task_return_error (task, error);
          return;
        }

      g_array_append_val (op->bought_ids, phone_id);
      if (needs_verification (status, required))
        g_hash_table_add (op->bought_unverified, g_memdup2 (&phone_id, sizeof phone_id));
    }

  if (op->bought_ids->len == 0)
    {
      g_task_return_pointer (task, g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_phone_number_free),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  /* The purchase is done; fetch the numbers whole. If that fails, the
   * error says so, and the owned list will show them anyway. */
  op->items = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_phone_number_free);
  op->offset = 0;
  list_owned_page (task);
}

static void
buy_step (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  g_autoptr(GovorunVoximplantParams) params = region_params (op);

  govorun_voximplant_params_add_list (params, "phone_number", (const char * const *) op->numbers);
  /* Not a "Get" method, so the client never repeats it after a failure
   * that may have happened after the purchase (see reference §6, 484). */
  op_call (task, "AttachPhoneNumber", params, buy_attach_cb);
}

/* Marks the numbers AttachPhoneNumber said need documents, in case the
 * list does not say so itself. */
static void
buy_owned_ready (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  GPtrArray *items;

  items = g_task_propagate_pointer (G_TASK (result), &error);
  if (items == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < items->len; i++)
    {
      GovorunPhoneNumber *number = g_ptr_array_index (items, i);

      if (g_hash_table_contains (op->bought_unverified, &number->phone_id))
        number->verification_required = TRUE;
    }

  g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

void
govorun_number_service_buy_async (GovorunNumberService *self,
                                  GovorunAccount       *account,
                                  const char           *country,
                                  const char           *category,
                                  const char           *state,
                                  gint64                region_id,
                                  const char * const   *numbers,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  GTask *outer;
  GTask *task;
  Op *op;

  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (country != NULL && category != NULL);
  g_return_if_fail (region_id > 0);
  g_return_if_fail (numbers != NULL && numbers[0] != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  /* The inner task does the work (its steps share list_owned_page); the
   * outer one adds the verification marks. */
  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, govorun_number_service_buy_async);

  task = g_task_new (self, cancellable, buy_owned_ready, outer);
  op = g_new0 (Op, 1);
  g_task_set_task_data (task, op, (GDestroyNotify) op_free);
  g_task_set_source_tag (task, buy_step);
  op->country = g_strdup (country);
  op->category = g_strdup (category);
  op->state = g_strdup (state);
  op->region_id = region_id;
  op->numbers = g_strdupv ((char **) numbers);
  op_start (self, task, account, buy_step);
}

GPtrArray *
govorun_number_service_buy_finish (GovorunNumberService  *self,
                                   GAsyncResult          *result,
                                   GError               **error)
{
  return propagate_array (self, result, govorun_number_service_buy_async, error);
}

/* -- binding -- */

static void
bind_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) envelope = NULL;

  if ((envelope = op_call_finish (task, result)) != NULL)
    g_task_return_boolean (task, TRUE);
}

static void
bind_call (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  g_autoptr(GovorunVoximplantParams) params = govorun_voximplant_params_new ();

  govorun_voximplant_params_add_int (params, "phone_id", op->phone_id);
  govorun_voximplant_params_add_int (params, "application_id", op->application_id);
  if (op->bind && op->rule_id > 0)
    govorun_voximplant_params_add_int (params, "rule_id", op->rule_id);
  /* Always explicit: the default of "bind" is UNVERIFIED (reference §2). */
  govorun_voximplant_params_add_bool (params, "bind", op->bind);

  op_call (task, "BindPhoneNumberToApplication", params, bind_cb);
}

/* Unbinding without an application: find the number's own first. */
static void
unbind_lookup_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  g_autoptr(JsonObject) envelope = NULL;
  g_autoptr(GPtrArray) numbers = NULL;
  GError *error = NULL;
  JsonArray *array;

  if ((envelope = op_call_finish (task, result)) == NULL)
    return;

  if ((array = read_result_array (envelope, &error)) == NULL
      || (numbers = parse_list (array, (ParseFunc) parse_phone_number,
                                (GDestroyNotify) govorun_phone_number_free, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < numbers->len; i++)
    {
      GovorunPhoneNumber *number = g_ptr_array_index (numbers, i);

      if (number->phone_id == op->phone_id)
        op->application_id = number->application_id;
    }

  if (numbers->len == 0)
    {
      g_task_return_new_error (task, GOVORUN_NUMBER_SERVICE_ERROR, GOVORUN_NUMBER_SERVICE_ERROR_INVALID_NUMBER,
                               "%s", _("This phone number is not in the Voximplant account any more. Refresh the list of numbers."));
      return;
    }

  /* Not bound: nothing to undo. */
  if (op->application_id == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  bind_call (task);
}

static void
bind_step (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  g_autoptr(GovorunVoximplantParams) params = NULL;

  if (op->application_id > 0)
    {
      bind_call (task);
      return;
    }

  params = govorun_voximplant_params_new ();
  govorun_voximplant_params_add_int (params, "phone_id", op->phone_id);
  op_call (task, "GetPhoneNumbers", params, unbind_lookup_cb);
}

/**
 * govorun_number_service_bind_async:
 * @application_id: the application; when unbinding, 0 means "whichever
 *   the number is bound to" (looked up first)
 */
void
govorun_number_service_bind_async (GovorunNumberService *self,
                                   GovorunAccount       *account,
                                   gint64                phone_id,
                                   gint64                application_id,
                                   gint64                rule_id,
                                   gboolean              bind,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (phone_id > 0);
  g_return_if_fail (application_id > 0 || !bind);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = op_task_new (self, cancellable, callback, user_data,
                      govorun_number_service_bind_async, &op);
  op->phone_id = phone_id;
  op->application_id = application_id;
  op->rule_id = rule_id;
  op->bind = !!bind;
  op_start (self, task, account, bind_step);
}

gboolean
govorun_number_service_bind_finish (GovorunNumberService  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_number_service_bind_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* -- deactivation -- */

static void
deactivate_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) envelope = NULL;

  if ((envelope = op_call_finish (task, result)) != NULL)
    g_task_return_boolean (task, TRUE);
}

static void
deactivate_step (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  g_autoptr(GovorunVoximplantParams) params = govorun_voximplant_params_new ();

  govorun_voximplant_params_add_int (params, "phone_id", op->phone_id);
  op_call (task, "DeactivatePhoneNumber", params, deactivate_cb);
}

void
govorun_number_service_deactivate_async (GovorunNumberService *self,
                                         GovorunAccount       *account,
                                         gint64                phone_id,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (phone_id > 0);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = op_task_new (self, cancellable, callback, user_data,
                      govorun_number_service_deactivate_async, &op);
  op->phone_id = phone_id;
  op_start (self, task, account, deactivate_step);
}

gboolean
govorun_number_service_deactivate_finish (GovorunNumberService  *self,
                                          GAsyncResult          *result,
                                          GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_number_service_deactivate_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* -- balance -- */

static void
balance_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  GovorunVoximplantAccountInfo *info;
  GError *error = NULL;

  info = govorun_voximplant_client_get_account_info_finish (op->client, result, &error);
  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, (GDestroyNotify) govorun_voximplant_account_info_free);
}

static void
balance_step (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  govorun_voximplant_client_get_account_info_async (op->client, g_task_get_cancellable (task),
                                                    balance_cb, g_object_ref (task));
}

void
govorun_number_service_get_balance_async (GovorunNumberService *self,
                                          GovorunAccount       *account,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = op_task_new (self, cancellable, callback, user_data,
                      govorun_number_service_get_balance_async, &op);
  op_start (self, task, account, balance_step);
}

GovorunVoximplantAccountInfo *
govorun_number_service_get_balance_finish (GovorunNumberService  *self,
                                           GAsyncResult          *result,
                                           GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_number_service_get_balance_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
