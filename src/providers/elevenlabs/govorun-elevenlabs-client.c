/* govorun-elevenlabs-client.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunElevenlabsClient"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "govorun-elevenlabs-client.h"

/*
 * Wire format: reference/elevenlabs.md §1 (auth, error bodies, pagination),
 * §2.1 (agents) and §2.7 (user and subscription). Every field read from an
 * answer is checked for presence and type; a bad one becomes BAD_RESPONSE
 * naming the field, never a crash.
 */

/* "Test connection" counts agents with pages of this size, at most this
 * many pages, so a huge workspace cannot keep the dialog busy. */
#define COUNT_PAGE_SIZE  100
#define COUNT_MAX_PAGES  10

/* Provider messages end up in dialogs: keep them short. */
#define MAX_PROVIDER_MESSAGE_CHARS 300

struct _GovorunElevenlabsClient
{
  GObject      parent_instance;

  GovorunHttp *http;
  char        *base_url;
  char        *api_key;
};

G_DEFINE_FINAL_TYPE (GovorunElevenlabsClient, govorun_elevenlabs_client, G_TYPE_OBJECT)

G_DEFINE_QUARK (govorun-elevenlabs-error-quark, govorun_elevenlabs_error)

/* Regions */

static const struct
{
  const char *id;
  const char *base_url;
  const char *label;
} regions[GOVORUN_ELEVENLABS_N_REGIONS] = {
  [GOVORUN_ELEVENLABS_REGION_GLOBAL] = { "global", "https://api.elevenlabs.io", N_("Global (nearest)") },
  [GOVORUN_ELEVENLABS_REGION_US] = { "us", "https://api.us.elevenlabs.io", N_("United States") },
  [GOVORUN_ELEVENLABS_REGION_EU] = { "eu-residency", "https://api.eu.residency.elevenlabs.io", N_("EU data residency") },
  [GOVORUN_ELEVENLABS_REGION_IN] = { "in-residency", "https://api.in.residency.elevenlabs.io", N_("India data residency") },
  [GOVORUN_ELEVENLABS_REGION_SG] = { "sg-residency", "https://api.sg.residency.elevenlabs.io", N_("Singapore data residency") },
};

const char *
govorun_elevenlabs_region_to_string (GovorunElevenlabsRegion region)
{
  g_return_val_if_fail ((guint) region < GOVORUN_ELEVENLABS_N_REGIONS, NULL);

  return regions[region].id;
}

/**
 * govorun_elevenlabs_region_from_string:
 * @out_region: (out) (optional): the region, untouched on failure
 *
 * Returns: %TRUE if @string names a region
 */
gboolean
govorun_elevenlabs_region_from_string (const char              *string,
                                       GovorunElevenlabsRegion *out_region)
{
  if (string == NULL)
    return FALSE;

  for (guint i = 0; i < GOVORUN_ELEVENLABS_N_REGIONS; i++)
    {
      if (g_str_equal (string, regions[i].id))
        {
          if (out_region != NULL)
            *out_region = (GovorunElevenlabsRegion) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
govorun_elevenlabs_region_get_base_url (GovorunElevenlabsRegion region)
{
  g_return_val_if_fail ((guint) region < GOVORUN_ELEVENLABS_N_REGIONS, NULL);

  return regions[region].base_url;
}

const char *
govorun_elevenlabs_region_get_label (GovorunElevenlabsRegion region)
{
  g_return_val_if_fail ((guint) region < GOVORUN_ELEVENLABS_N_REGIONS, NULL);

  return _(regions[region].label);
}

/* Boxed results */

GovorunElevenlabsAgentSummary *
govorun_elevenlabs_agent_summary_copy (const GovorunElevenlabsAgentSummary *summary)
{
  GovorunElevenlabsAgentSummary *copy;

  g_return_val_if_fail (summary != NULL, NULL);

  copy = g_new0 (GovorunElevenlabsAgentSummary, 1);
  copy->agent_id = g_strdup (summary->agent_id);
  copy->name = g_strdup (summary->name);
  copy->tags = g_strdupv (summary->tags);
  copy->created_at_unix_secs = summary->created_at_unix_secs;
  copy->access_role = g_strdup (summary->access_role);

  return copy;
}

void
govorun_elevenlabs_agent_summary_free (GovorunElevenlabsAgentSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->agent_id);
  g_free (summary->name);
  g_strfreev (summary->tags);
  g_free (summary->access_role);
  g_free (summary);
}

G_DEFINE_BOXED_TYPE (GovorunElevenlabsAgentSummary, govorun_elevenlabs_agent_summary,
                     govorun_elevenlabs_agent_summary_copy, govorun_elevenlabs_agent_summary_free)

static GovorunElevenlabsAgentPage *
agent_page_new (void)
{
  GovorunElevenlabsAgentPage *page = g_new0 (GovorunElevenlabsAgentPage, 1);

  page->agents = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_elevenlabs_agent_summary_free);

  return page;
}

GovorunElevenlabsAgentPage *
govorun_elevenlabs_agent_page_copy (const GovorunElevenlabsAgentPage *page)
{
  GovorunElevenlabsAgentPage *copy;

  g_return_val_if_fail (page != NULL, NULL);

  copy = agent_page_new ();
  for (guint i = 0; page->agents != NULL && i < page->agents->len; i++)
    g_ptr_array_add (copy->agents,
                     govorun_elevenlabs_agent_summary_copy (g_ptr_array_index (page->agents, i)));
  copy->has_more = page->has_more;
  copy->next_cursor = g_strdup (page->next_cursor);

  return copy;
}

void
govorun_elevenlabs_agent_page_free (GovorunElevenlabsAgentPage *page)
{
  if (page == NULL)
    return;

  g_clear_pointer (&page->agents, g_ptr_array_unref);
  g_free (page->next_cursor);
  g_free (page);
}

G_DEFINE_BOXED_TYPE (GovorunElevenlabsAgentPage, govorun_elevenlabs_agent_page,
                     govorun_elevenlabs_agent_page_copy, govorun_elevenlabs_agent_page_free)

GovorunElevenlabsAgent *
govorun_elevenlabs_agent_copy (const GovorunElevenlabsAgent *agent)
{
  GovorunElevenlabsAgent *copy;

  g_return_val_if_fail (agent != NULL, NULL);

  copy = g_new0 (GovorunElevenlabsAgent, 1);
  copy->agent_id = g_strdup (agent->agent_id);
  copy->name = g_strdup (agent->name);
  copy->first_message = g_strdup (agent->first_message);
  copy->language = g_strdup (agent->language);
  copy->dynamic_variable_names = g_strdupv (agent->dynamic_variable_names);
  copy->agent_output_audio_format = g_strdup (agent->agent_output_audio_format);
  copy->user_input_audio_format = g_strdup (agent->user_input_audio_format);

  return copy;
}

void
govorun_elevenlabs_agent_free (GovorunElevenlabsAgent *agent)
{
  if (agent == NULL)
    return;

  g_free (agent->agent_id);
  g_free (agent->name);
  g_free (agent->first_message);
  g_free (agent->language);
  g_strfreev (agent->dynamic_variable_names);
  g_free (agent->agent_output_audio_format);
  g_free (agent->user_input_audio_format);
  g_free (agent);
}

G_DEFINE_BOXED_TYPE (GovorunElevenlabsAgent, govorun_elevenlabs_agent,
                     govorun_elevenlabs_agent_copy, govorun_elevenlabs_agent_free)

GovorunElevenlabsSubscription *
govorun_elevenlabs_subscription_copy (const GovorunElevenlabsSubscription *subscription)
{
  GovorunElevenlabsSubscription *copy;

  g_return_val_if_fail (subscription != NULL, NULL);

  copy = g_new0 (GovorunElevenlabsSubscription, 1);
  copy->tier = g_strdup (subscription->tier);
  copy->status = g_strdup (subscription->status);
  copy->character_count = subscription->character_count;
  copy->character_limit = subscription->character_limit;
  copy->currency = g_strdup (subscription->currency);

  return copy;
}

void
govorun_elevenlabs_subscription_free (GovorunElevenlabsSubscription *subscription)
{
  if (subscription == NULL)
    return;

  g_free (subscription->tier);
  g_free (subscription->status);
  g_free (subscription->currency);
  g_free (subscription);
}

G_DEFINE_BOXED_TYPE (GovorunElevenlabsSubscription, govorun_elevenlabs_subscription,
                     govorun_elevenlabs_subscription_copy, govorun_elevenlabs_subscription_free)

GovorunElevenlabsConnectionInfo *
govorun_elevenlabs_connection_info_copy (const GovorunElevenlabsConnectionInfo *info)
{
  GovorunElevenlabsConnectionInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_new0 (GovorunElevenlabsConnectionInfo, 1);
  copy->agent_count = info->agent_count;
  copy->agent_count_is_lower_bound = info->agent_count_is_lower_bound;
  copy->limited_scope = info->limited_scope;
  if (info->subscription != NULL)
    copy->subscription = govorun_elevenlabs_subscription_copy (info->subscription);

  return copy;
}

void
govorun_elevenlabs_connection_info_free (GovorunElevenlabsConnectionInfo *info)
{
  if (info == NULL)
    return;

  g_clear_pointer (&info->subscription, govorun_elevenlabs_subscription_free);
  g_free (info);
}

G_DEFINE_BOXED_TYPE (GovorunElevenlabsConnectionInfo, govorun_elevenlabs_connection_info,
                     govorun_elevenlabs_connection_info_copy, govorun_elevenlabs_connection_info_free)

/* Validated reading of provider JSON */

static gboolean
bad_field (GError     **error,
           const char  *field)
{
  g_set_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_BAD_RESPONSE,
               _("ElevenLabs sent an answer Govorun does not understand: the field “%s” is missing or has the wrong type. Check that the API address and region are right, and try again later."),
               field);
  return FALSE;
}

static char *
field_path (const char *prefix,
            const char *name)
{
  if (prefix == NULL || *prefix == '\0')
    return g_strdup (name);

  return g_strconcat (prefix, ".", name, NULL);
}

typedef enum
{
  FIELD_REQUIRED = 1 << 0,  /* absent is an error */
  FIELD_NULLABLE = 1 << 1,  /* null is accepted, read as absent */
} FieldFlags;

/* Returns the member, or NULL when absent (or null and nullable). */
static gboolean
lookup_member (JsonObject  *object,
               const char  *prefix,
               const char  *name,
               FieldFlags   flags,
               JsonNode   **out_node,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out_node = NULL;

  /* Absent: an error only when required. null: an error only when
   * required and not nullable; otherwise read as absent. */
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      gboolean ok = (flags & FIELD_REQUIRED) == 0
                    || (node != NULL && (flags & FIELD_NULLABLE) != 0);

      if (!ok)
        {
          g_autofree char *path = field_path (prefix, name);
          return bad_field (error, path);
        }
      return TRUE;
    }

  *out_node = node;
  return TRUE;
}

static gboolean
mistyped (const char *prefix,
          const char *name,
          GError    **error)
{
  g_autofree char *path = field_path (prefix, name);

  return bad_field (error, path);
}

static gboolean
read_string (JsonObject  *object,
             const char  *prefix,
             const char  *name,
             FieldFlags   flags,
             char       **out,
             GError     **error)
{
  JsonNode *node;

  if (!lookup_member (object, prefix, name, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return mistyped (prefix, name, error);

  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_int64 (JsonObject *object,
            const char *prefix,
            const char *name,
            FieldFlags  flags,
            gint64     *out,
            GError    **error)
{
  JsonNode *node;
  GType type;

  if (!lookup_member (object, prefix, name, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return mistyped (prefix, name, error);

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }

  /* A whole number written as 1.7e9 is still a whole number. */
  if (type == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      if (value == (double) (gint64) value)
        {
          *out = (gint64) value;
          return TRUE;
        }
    }

  return mistyped (prefix, name, error);
}

static gboolean
read_boolean (JsonObject *object,
              const char *prefix,
              const char *name,
              FieldFlags  flags,
              gboolean   *out,
              GError    **error)
{
  JsonNode *node;

  if (!lookup_member (object, prefix, name, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return mistyped (prefix, name, error);

  *out = json_node_get_boolean (node);
  return TRUE;
}

/* @out: (transfer none), NULL when absent */
static gboolean
read_object (JsonObject  *object,
             const char  *prefix,
             const char  *name,
             FieldFlags   flags,
             JsonObject **out,
             GError     **error)
{
  JsonNode *node;

  *out = NULL;

  if (!lookup_member (object, prefix, name, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return mistyped (prefix, name, error);

  *out = json_node_get_object (node);
  return TRUE;
}

/* @out: (transfer none), NULL when absent */
static gboolean
read_array (JsonObject  *object,
            const char  *prefix,
            const char  *name,
            FieldFlags   flags,
            JsonArray  **out,
            GError     **error)
{
  JsonNode *node;

  *out = NULL;

  if (!lookup_member (object, prefix, name, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return mistyped (prefix, name, error);

  *out = json_node_get_array (node);
  return TRUE;
}

static gboolean
read_string_array (JsonObject  *object,
                   const char  *prefix,
                   const char  *name,
                   FieldFlags   flags,
                   GStrv       *out,
                   GError     **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  if (!read_array (object, prefix, name, flags, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_autofree char *item = g_strdup_printf ("%s[%u]", name, i);
          return mistyped (prefix, item, error);
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }

  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static JsonObject *
root_object (JsonNode  *root,
             GError   **error)
{
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      /* Translators: names the whole JSON document in an error message */
      bad_field (error, _("(the whole answer)"));
      return NULL;
    }

  return json_node_get_object (root);
}

/* Parsers for the documented answers */

static GovorunElevenlabsAgentSummary *
parse_agent_summary (JsonNode    *node,
                     const char  *prefix,
                     GError     **error)
{
  g_autoptr(GovorunElevenlabsAgentSummary) summary = g_new0 (GovorunElevenlabsAgentSummary, 1);
  g_autofree char *access_prefix = field_path (prefix, "access_info");
  JsonObject *object;
  JsonObject *access_info;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      bad_field (error, prefix);
      return NULL;
    }
  object = json_node_get_object (node);

  if (!read_string (object, prefix, "agent_id", FIELD_REQUIRED, &summary->agent_id, error)
      || !read_string (object, prefix, "name", FIELD_REQUIRED, &summary->name, error)
      || !read_string_array (object, prefix, "tags", FIELD_REQUIRED, &summary->tags, error)
      || !read_int64 (object, prefix, "created_at_unix_secs", FIELD_REQUIRED,
                      &summary->created_at_unix_secs, error)
      || !read_object (object, prefix, "access_info", FIELD_REQUIRED, &access_info, error)
      || !read_string (access_info, access_prefix, "role", FIELD_REQUIRED, &summary->access_role, error))
    return NULL;

  return g_steal_pointer (&summary);
}

/* GetAgentsPageResponseModel: agents[]*, has_more*, next_cursor (string|null) */
static GovorunElevenlabsAgentPage *
parse_agent_page (JsonNode  *root,
                  GError   **error)
{
  g_autoptr(GovorunElevenlabsAgentPage) page = agent_page_new ();
  JsonObject *object;
  JsonArray *agents;

  if ((object = root_object (root, error)) == NULL)
    return NULL;

  if (!read_array (object, NULL, "agents", FIELD_REQUIRED, &agents, error)
      || !read_boolean (object, NULL, "has_more", FIELD_REQUIRED, &page->has_more, error)
      || !read_string (object, NULL, "next_cursor", FIELD_NULLABLE, &page->next_cursor, error))
    return NULL;

  for (guint i = 0; i < json_array_get_length (agents); i++)
    {
      g_autofree char *item = g_strdup_printf ("agents[%u]", i);
      GovorunElevenlabsAgentSummary *summary;

      summary = parse_agent_summary (json_array_get_element (agents, i), item, error);
      if (summary == NULL)
        return NULL;
      g_ptr_array_add (page->agents, summary);
    }

  return g_steal_pointer (&page);
}

/* GetAgentResponseModel: agent_id*, name*, conversation_config*, metadata*;
 * the nested settings Govorun reads are optional with [OAS] defaults. */
static GovorunElevenlabsAgent *
parse_agent (JsonNode  *root,
             GError   **error)
{
  g_autoptr(GovorunElevenlabsAgent) agent = g_new0 (GovorunElevenlabsAgent, 1);
  JsonObject *object;
  JsonObject *config;
  JsonObject *metadata;
  JsonObject *agent_config = NULL;
  JsonObject *dynamic_variables = NULL;
  JsonObject *placeholders = NULL;
  JsonObject *tts = NULL;
  JsonObject *asr = NULL;

  if ((object = root_object (root, error)) == NULL)
    return NULL;

  agent->first_message = g_strdup ("");
  agent->language = g_strdup ("en");
  agent->agent_output_audio_format = g_strdup ("pcm_16000");
  agent->user_input_audio_format = g_strdup ("pcm_16000");

  if (!read_string (object, NULL, "agent_id", FIELD_REQUIRED, &agent->agent_id, error)
      || !read_string (object, NULL, "name", FIELD_REQUIRED, &agent->name, error)
      || !read_object (object, NULL, "metadata", FIELD_REQUIRED, &metadata, error)
      || !read_object (object, NULL, "conversation_config", FIELD_REQUIRED, &config, error)
      || !read_object (config, "conversation_config", "agent", FIELD_NULLABLE, &agent_config, error)
      || !read_object (config, "conversation_config", "tts", FIELD_NULLABLE, &tts, error)
      || !read_object (config, "conversation_config", "asr", FIELD_NULLABLE, &asr, error))
    return NULL;

  if (agent_config != NULL)
    {
      const char *prefix = "conversation_config.agent";

      if (!read_string (agent_config, prefix, "first_message", FIELD_NULLABLE, &agent->first_message, error)
          || !read_string (agent_config, prefix, "language", FIELD_NULLABLE, &agent->language, error)
          || !read_object (agent_config, prefix, "dynamic_variables", FIELD_NULLABLE, &dynamic_variables, error))
        return NULL;

      if (dynamic_variables != NULL
          && !read_object (dynamic_variables, "conversation_config.agent.dynamic_variables",
                           "dynamic_variable_placeholders", FIELD_NULLABLE, &placeholders, error))
        return NULL;
    }

  if (tts != NULL
      && !read_string (tts, "conversation_config.tts", "agent_output_audio_format", FIELD_NULLABLE,
                       &agent->agent_output_audio_format, error))
    return NULL;

  if (asr != NULL
      && !read_string (asr, "conversation_config.asr", "user_input_audio_format", FIELD_NULLABLE,
                       &agent->user_input_audio_format, error))
    return NULL;

  if (placeholders != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (placeholders);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      names = g_list_sort (names, (GCompareFunc) g_strcmp0);
      for (GList *l = names; l != NULL; l = l->next)
        g_strv_builder_add (builder, l->data);
      agent->dynamic_variable_names = g_strv_builder_end (builder);
    }
  else
    {
      agent->dynamic_variable_names = g_new0 (char *, 1);
    }

  return g_steal_pointer (&agent);
}

/* ExtendedSubscriptionResponseModel: tier*, character_count*,
 * character_limit*, status*, currency (usd|eur|null) */
static GovorunElevenlabsSubscription *
parse_subscription (JsonNode  *root,
                    GError   **error)
{
  g_autoptr(GovorunElevenlabsSubscription) subscription = g_new0 (GovorunElevenlabsSubscription, 1);
  JsonObject *object;

  if ((object = root_object (root, error)) == NULL)
    return NULL;

  if (!read_string (object, NULL, "tier", FIELD_REQUIRED, &subscription->tier, error)
      || !read_string (object, NULL, "status", FIELD_REQUIRED, &subscription->status, error)
      || !read_int64 (object, NULL, "character_count", FIELD_REQUIRED, &subscription->character_count, error)
      || !read_int64 (object, NULL, "character_limit", FIELD_REQUIRED, &subscription->character_limit, error)
      || !read_string (object, NULL, "currency", FIELD_NULLABLE, &subscription->currency, error))
    return NULL;

  return g_steal_pointer (&subscription);
}

/* Error answers */

/* Provider text goes into dialogs: valid UTF-8, one line, bounded. */
static char *
clean_provider_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  guint chars = 0;

  if (text == NULL || *text == '\0')
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  out = g_string_new (NULL);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (chars++ >= MAX_PROVIDER_MESSAGE_CHARS)
        {
          g_string_append (out, "…");
          break;
        }
      if (g_unichar_iscntrl (c))
        c = ' ';
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The three documented shapes of "detail" (§1.3):
 * {"detail":{"status","message"}}, {"detail":[{"loc","msg","type"}]} and
 * FastAPI's plain {"detail":"Not Found"}. Anything else leaves both NULL. */
static void
parse_error_detail (GBytes  *body,
                    char   **out_status,
                    char   **out_message)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *data;
  gsize size = 0;
  JsonNode *root;
  JsonNode *detail;

  *out_status = NULL;
  *out_message = NULL;

  if (body == NULL)
    return;

  data = g_bytes_get_data (body, &size);
  if (data == NULL || size == 0 || !json_parser_load_from_data (parser, data, size, NULL))
    return;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;

  detail = json_object_get_member (json_node_get_object (root), "detail");
  if (detail == NULL)
    return;

  if (JSON_NODE_HOLDS_OBJECT (detail))
    {
      JsonObject *object = json_node_get_object (detail);
      JsonNode *status = json_object_get_member (object, "status");
      JsonNode *message = json_object_get_member (object, "message");

      if (status != NULL && JSON_NODE_HOLDS_VALUE (status)
          && json_node_get_value_type (status) == G_TYPE_STRING)
        *out_status = clean_provider_text (json_node_get_string (status));
      if (message != NULL && JSON_NODE_HOLDS_VALUE (message)
          && json_node_get_value_type (message) == G_TYPE_STRING)
        *out_message = clean_provider_text (json_node_get_string (message));
    }
  else if (JSON_NODE_HOLDS_ARRAY (detail))
    {
      JsonArray *items = json_node_get_array (detail);
      JsonNode *first = json_array_get_length (items) > 0 ? json_array_get_element (items, 0) : NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      JsonObject *item;
      JsonNode *loc;
      JsonNode *msg;

      if (first == NULL || !JSON_NODE_HOLDS_OBJECT (first))
        return;

      item = json_node_get_object (first);
      loc = json_object_get_member (item, "loc");
      msg = json_object_get_member (item, "msg");

      /* loc is a path such as ["query", "page_size"] or ["body", "tags", 0] */
      if (loc != NULL && JSON_NODE_HOLDS_ARRAY (loc))
        {
          JsonArray *parts = json_node_get_array (loc);

          for (guint i = 0; i < json_array_get_length (parts); i++)
            {
              JsonNode *part = json_array_get_element (parts, i);

              if (!JSON_NODE_HOLDS_VALUE (part))
                continue;
              if (text->len > 0)
                g_string_append_c (text, '.');
              if (json_node_get_value_type (part) == G_TYPE_STRING)
                g_string_append (text, json_node_get_string (part));
              else if (json_node_get_value_type (part) == G_TYPE_INT64)
                g_string_append_printf (text, "%" G_GINT64_FORMAT, json_node_get_int (part));
            }
        }

      if (msg != NULL && JSON_NODE_HOLDS_VALUE (msg)
          && json_node_get_value_type (msg) == G_TYPE_STRING)
        {
          if (text->len > 0)
            g_string_append (text, ": ");
          g_string_append (text, json_node_get_string (msg));
        }

      *out_message = clean_provider_text (text->str);
    }
  else if (JSON_NODE_HOLDS_VALUE (detail)
           && json_node_get_value_type (detail) == G_TYPE_STRING)
    {
      *out_message = clean_provider_text (json_node_get_string (detail));
    }
}

static GError *
error_from_answer (guint   http_status,
                   GBytes *body)
{
  g_autofree char *status = NULL;
  g_autofree char *message = NULL;
  g_autofree char *provider = NULL;
  GovorunElevenlabsError code;
  const char *sentence;

  parse_error_detail (body, &status, &message);

  if (g_strcmp0 (status, "quota_exceeded") == 0)
    code = GOVORUN_ELEVENLABS_ERROR_QUOTA_EXCEEDED;
  else if (http_status == 401 && g_strcmp0 (status, "needs_authorization") == 0)
    code = GOVORUN_ELEVENLABS_ERROR_NEEDS_AUTHORIZATION;
  else if (http_status == 401 && g_strcmp0 (status, "missing_permissions") == 0)
    code = GOVORUN_ELEVENLABS_ERROR_MISSING_PERMISSIONS;
  else if (http_status == 401)
    code = GOVORUN_ELEVENLABS_ERROR_INVALID_API_KEY;
  else if (http_status == 403)
    code = GOVORUN_ELEVENLABS_ERROR_FORBIDDEN;
  else if (http_status == 404)
    code = GOVORUN_ELEVENLABS_ERROR_NOT_FOUND;
  else if (http_status == 422)
    code = GOVORUN_ELEVENLABS_ERROR_VALIDATION;
  else if (http_status == 429)
    code = GOVORUN_ELEVENLABS_ERROR_RATE_LIMITED;
  else if (http_status >= 500 && http_status < 600)
    code = GOVORUN_ELEVENLABS_ERROR_SERVER;
  else
    code = GOVORUN_ELEVENLABS_ERROR_FAILED;

  switch (code)
    {
    case GOVORUN_ELEVENLABS_ERROR_INVALID_API_KEY:
      sentence = _("ElevenLabs did not accept the API key. Check the key at elevenlabs.io → Developers → API keys, and check the region: a key from a data-residency region such as the EU works only with that region’s host.");
      break;
    case GOVORUN_ELEVENLABS_ERROR_NEEDS_AUTHORIZATION:
      sentence = _("No ElevenLabs API key was sent. Enter the key from elevenlabs.io → Developers → API keys.");
      break;
    case GOVORUN_ELEVENLABS_ERROR_MISSING_PERMISSIONS:
      sentence = _("The ElevenLabs API key lacks a permission this needs. Allow it for the key at elevenlabs.io → Developers → API keys, or use a key without restrictions.");
      break;
    case GOVORUN_ELEVENLABS_ERROR_QUOTA_EXCEEDED:
      sentence = _("The ElevenLabs quota of this key or plan is used up. Raise the key’s credit limit or upgrade the plan at elevenlabs.io, then try again.");
      break;
    case GOVORUN_ELEVENLABS_ERROR_RATE_LIMITED:
      sentence = _("ElevenLabs is busy or too many requests are running at once. Wait a minute and try again.");
      break;
    case GOVORUN_ELEVENLABS_ERROR_NOT_FOUND:
      sentence = _("ElevenLabs could not find the requested item. It may have been deleted, or it belongs to another workspace or region; refresh and try again.");
      break;
    case GOVORUN_ELEVENLABS_ERROR_FORBIDDEN:
      sentence = _("ElevenLabs refused this request: the key’s workspace or plan does not allow it. Check the plan and the workspace at elevenlabs.io, or use another key.");
      break;
    case GOVORUN_ELEVENLABS_ERROR_VALIDATION:
      sentence = _("ElevenLabs did not accept a value in the request. Correct the value named at the end and try again.");
      break;
    case GOVORUN_ELEVENLABS_ERROR_SERVER:
      sentence = _("ElevenLabs had an internal error. Wait a few minutes and try again; if it persists, check status.elevenlabs.io.");
      break;
    case GOVORUN_ELEVENLABS_ERROR_BAD_RESPONSE:
    case GOVORUN_ELEVENLABS_ERROR_FAILED:
    default:
      sentence = _("ElevenLabs could not carry out the request. Try again later.");
      break;
    }

  /* The provider's own status (or the HTTP status when it gave none) and
   * message, as it sent them, for support requests. */
  if (status != NULL && message != NULL)
    provider = g_strdup_printf ("%s: %s", status, message);
  else if (status != NULL)
    provider = g_strdup (status);
  else if (message != NULL)
    provider = g_strdup_printf ("HTTP %u: %s", http_status, message);
  else
    provider = g_strdup_printf ("HTTP %u", http_status);

  return g_error_new (GOVORUN_ELEVENLABS_ERROR, code, "%s (ElevenLabs: %s)", sentence, provider);
}

/* Requests */

typedef struct
{
  char   *method;
  char   *url;
  char   *api_key;
  GBytes *body;     /* nullable, JSON */
} RequestSpec;

static void
request_spec_free (RequestSpec *spec)
{
  g_free (spec->method);
  g_free (spec->url);
  /* Not left behind in freed memory. */
  if (spec->api_key != NULL)
    memset (spec->api_key, 0, strlen (spec->api_key));
  g_free (spec->api_key);
  g_clear_pointer (&spec->body, g_bytes_unref);
  g_free (spec);
}

static SoupMessage *
make_message (gpointer user_data)
{
  RequestSpec *spec = user_data;
  SoupMessageHeaders *headers;
  SoupMessage *msg;

  msg = soup_message_new (spec->method, spec->url);
  if (msg == NULL)
    return NULL;

  headers = soup_message_get_request_headers (msg);
  /* §1.2: the key travels in this header only, never in the URL. */
  soup_message_headers_replace (headers, "xi-api-key", spec->api_key);
  soup_message_headers_replace (headers, "Accept", "application/json");

  if (spec->body != NULL)
    soup_message_set_request_body_from_bytes (msg, "application/json", spec->body);

  return msg;
}

static void
append_query (GString    *url,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  g_string_append_c (url, strchr (url->str, '?') != NULL ? '&' : '?');
  g_string_append (url, name);
  g_string_append_c (url, '=');
  g_string_append (url, escaped);
}

static void
on_request_sent (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  const char *data;
  gsize size = 0;
  guint status = 0;
  guint attempts = 0;

  body = govorun_http_send_finish (GOVORUN_HTTP (source), result, &status, &attempts, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("%s: HTTP %u after %u attempt(s)",
           (const char *) g_task_get_task_data (task), status, attempts);

  if (status < 200 || status >= 300)
    {
      g_task_return_error (task, error_from_answer (status, body));
      return;
    }

  data = g_bytes_get_data (body, &size);
  if (size == 0)
    {
      /* 204 and friends: nothing to parse. */
      g_task_return_pointer (task, json_node_new (JSON_NODE_NULL), (GDestroyNotify) json_node_unref);
      return;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, size, NULL))
    {
      g_task_return_new_error (task, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_BAD_RESPONSE,
                               _("ElevenLabs sent an answer that is not valid JSON. Check that the API address points at ElevenLabs, and try again later."));
      return;
    }

  g_task_return_pointer (task, json_parser_steal_root (parser), (GDestroyNotify) json_node_unref);
}

/* Sends @method @path_and_query (already escaped) with the key and returns
 * the parsed JSON of a 2xx answer, or the mapped error. */
static void
request_json_async (GovorunElevenlabsClient *self,
                    const char              *method,
                    const char              *path_and_query,
                    JsonNode                *body,
                    GovorunHttpFlags         flags,
                    GCancellable            *cancellable,
                    GAsyncReadyCallback      callback,
                    gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  RequestSpec *spec;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, request_json_async);
  /* For debug messages: the path and query never carry the key. */
  g_task_set_task_data (task, g_strdup_printf ("%s %s", method, path_and_query), g_free);

  if (self->api_key == NULL || *self->api_key == '\0')
    {
      /* Our own check, so there is no provider status to show. */
      g_task_return_new_error (task, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_NEEDS_AUTHORIZATION,
                               "%s",
                               _("No ElevenLabs API key is set. Enter the key from elevenlabs.io → Developers → API keys."));
      return;
    }

  spec = g_new0 (RequestSpec, 1);
  spec->method = g_strdup (method);
  spec->url = g_strconcat (self->base_url, path_and_query, NULL);
  spec->api_key = g_strdup (self->api_key);
  if (body != NULL)
    {
      char *text = json_to_string (body, FALSE);
      spec->body = g_bytes_new_take (text, strlen (text));
    }

  g_debug ("%s %s", method, path_and_query);

  /* ElevenLabs documents its rate limits as HTTP 429 only (§1.4), which the
   * transport always recognises; no callback needed. */
  govorun_http_send_async (self->http, make_message, spec, (GDestroyNotify) request_spec_free,
                           flags, NULL, NULL, cancellable, on_request_sent,
                           g_steal_pointer (&task));
}

static JsonNode *
request_json_finish (GovorunElevenlabsClient  *self,
                     GAsyncResult             *result,
                     GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == request_json_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GObject */

static void
govorun_elevenlabs_client_dispose (GObject *object)
{
  GovorunElevenlabsClient *self = (GovorunElevenlabsClient *) object;

  g_clear_object (&self->http);

  G_OBJECT_CLASS (govorun_elevenlabs_client_parent_class)->dispose (object);
}

static void
govorun_elevenlabs_client_finalize (GObject *object)
{
  GovorunElevenlabsClient *self = (GovorunElevenlabsClient *) object;

  g_free (self->base_url);
  if (self->api_key != NULL)
    memset (self->api_key, 0, strlen (self->api_key));
  g_free (self->api_key);

  G_OBJECT_CLASS (govorun_elevenlabs_client_parent_class)->finalize (object);
}

static void
govorun_elevenlabs_client_class_init (GovorunElevenlabsClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_elevenlabs_client_dispose;
  object_class->finalize = govorun_elevenlabs_client_finalize;
}

static void
govorun_elevenlabs_client_init (GovorunElevenlabsClient *self)
{
}

/**
 * govorun_elevenlabs_client_new:
 * @http: the shared transport
 * @base_url: the API host, e.g. "https://api.elevenlabs.io"
 * @api_key: (nullable): the xi-api-key
 */
GovorunElevenlabsClient *
govorun_elevenlabs_client_new (GovorunHttp *http,
                               const char  *base_url,
                               const char  *api_key)
{
  GovorunElevenlabsClient *self;
  gsize len;

  g_return_val_if_fail (GOVORUN_IS_HTTP (http), NULL);
  g_return_val_if_fail (base_url != NULL, NULL);

  self = g_object_new (GOVORUN_TYPE_ELEVENLABS_CLIENT, NULL);
  self->http = g_object_ref (http);
  self->base_url = g_strdup (base_url);
  len = strlen (self->base_url);
  while (len > 0 && self->base_url[len - 1] == '/')
    self->base_url[--len] = '\0';
  self->api_key = g_strdup (api_key != NULL ? api_key : "");

  return self;
}

const char *
govorun_elevenlabs_client_get_base_url (GovorunElevenlabsClient *self)
{
  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self), NULL);

  return self->base_url;
}

/* List agents */

static void
on_list_agents (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  GovorunElevenlabsAgentPage *page;

  root = request_json_finish (GOVORUN_ELEVENLABS_CLIENT (source), result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  page = parse_agent_page (root, &error);
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, page, (GDestroyNotify) govorun_elevenlabs_agent_page_free);
}

/**
 * govorun_elevenlabs_client_list_agents_async:
 * @cursor: (nullable): the previous page's next_cursor
 * @page_size: 1..100, or 0 for the API default; out-of-range values are
 *   sent as they are (ElevenLabs answers VALIDATION)
 * @search: (nullable): part of an agent name
 *
 * GET /v1/convai/agents
 */
void
govorun_elevenlabs_client_list_agents_async (GovorunElevenlabsClient *self,
                                             const char              *cursor,
                                             guint                    page_size,
                                             const char              *search,
                                             GCancellable            *cancellable,
                                             GAsyncReadyCallback      callback,
                                             gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) path = g_string_new ("/v1/convai/agents");

  g_return_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_elevenlabs_client_list_agents_async);

  if (page_size != 0)
    {
      char number[16];

      g_snprintf (number, sizeof number, "%u", page_size);
      append_query (path, "page_size", number);
    }
  if (cursor != NULL && *cursor != '\0')
    append_query (path, "cursor", cursor);
  if (search != NULL && *search != '\0')
    append_query (path, "search", search);

  request_json_async (self, "GET", path->str, NULL, GOVORUN_HTTP_FLAGS_IDEMPOTENT,
                      cancellable, on_list_agents, g_steal_pointer (&task));
}

/**
 * govorun_elevenlabs_client_list_agents_finish:
 *
 * Returns: (transfer full): the page, or %NULL with @error set
 */
GovorunElevenlabsAgentPage *
govorun_elevenlabs_client_list_agents_finish (GovorunElevenlabsClient  *self,
                                              GAsyncResult             *result,
                                              GError                  **error)
{
  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_elevenlabs_client_list_agents_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Get agent */

static void
on_get_agent (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  GovorunElevenlabsAgent *agent;

  root = request_json_finish (GOVORUN_ELEVENLABS_CLIENT (source), result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  agent = parse_agent (root, &error);
  if (agent == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, agent, (GDestroyNotify) govorun_elevenlabs_agent_free);
}

/**
 * govorun_elevenlabs_client_get_agent_async:
 * @agent_id: an opaque agent ID
 *
 * GET /v1/convai/agents/{agent_id}
 */
void
govorun_elevenlabs_client_get_agent_async (GovorunElevenlabsClient *self,
                                           const char              *agent_id,
                                           GCancellable            *cancellable,
                                           GAsyncReadyCallback      callback,
                                           gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self));
  g_return_if_fail (agent_id != NULL && *agent_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_elevenlabs_client_get_agent_async);

  /* IDs are opaque (§1.6): escape everything outside the unreserved set,
   * so an ID can never leave its path segment. */
  escaped = g_uri_escape_string (agent_id, NULL, FALSE);
  path = g_strconcat ("/v1/convai/agents/", escaped, NULL);

  request_json_async (self, "GET", path, NULL, GOVORUN_HTTP_FLAGS_IDEMPOTENT,
                      cancellable, on_get_agent, g_steal_pointer (&task));
}

/**
 * govorun_elevenlabs_client_get_agent_finish:
 *
 * Returns: (transfer full): the agent, or %NULL with @error set
 */
GovorunElevenlabsAgent *
govorun_elevenlabs_client_get_agent_finish (GovorunElevenlabsClient  *self,
                                            GAsyncResult             *result,
                                            GError                  **error)
{
  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_elevenlabs_client_get_agent_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Updating an agent's audio formats */

/* §2.1: the one enum for both user_input_audio_format and
 * agent_output_audio_format. */
static const char * const audio_formats[] = {
  "pcm_8000", "pcm_16000", "pcm_22050", "pcm_24000", "pcm_44100", "pcm_48000", "ulaw_8000", NULL,
};

gboolean
govorun_elevenlabs_audio_format_is_valid (const char *format)
{
  return format != NULL && g_strv_contains (audio_formats, format);
}

static void
on_update_agent (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  GovorunElevenlabsAgent *agent;

  root = request_json_finish (GOVORUN_ELEVENLABS_CLIENT (source), result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The answer is the whole agent, read like GET's. */
  agent = parse_agent (root, &error);
  if (agent == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, agent, (GDestroyNotify) govorun_elevenlabs_agent_free);
}

/**
 * govorun_elevenlabs_client_update_agent_audio_async:
 * @agent_id: an opaque agent ID
 * @input_format: (nullable): the caller's audio as the agent hears it
 *   (asr.user_input_audio_format), e.g. "pcm_16000"; %NULL leaves it
 * @output_format: (nullable): the agent's voice
 *   (tts.agent_output_audio_format); %NULL leaves it
 *
 * PATCH /v1/convai/agents/{agent_id} with only these two fields. A format
 * outside the documented enum fails with VALIDATION before anything is
 * sent.
 */
void
govorun_elevenlabs_client_update_agent_audio_async (GovorunElevenlabsClient *self,
                                                    const char              *agent_id,
                                                    const char              *input_format,
                                                    const char              *output_format,
                                                    GCancellable            *cancellable,
                                                    GAsyncReadyCallback      callback,
                                                    gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  const char *wrong = NULL;

  g_return_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self));
  g_return_if_fail (agent_id != NULL && *agent_id != '\0');
  g_return_if_fail (input_format != NULL || output_format != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_elevenlabs_client_update_agent_audio_async);

  if (input_format != NULL && !govorun_elevenlabs_audio_format_is_valid (input_format))
    wrong = input_format;
  else if (output_format != NULL && !govorun_elevenlabs_audio_format_is_valid (output_format))
    wrong = output_format;
  if (wrong != NULL)
    {
      g_task_return_new_error (task, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_VALIDATION,
                               /* Translators: %s is an audio format name such as “pcm_17000” */
                               _("ElevenLabs has no audio format “%s”. Choose one of pcm_8000, pcm_16000, pcm_22050, pcm_24000, pcm_44100, pcm_48000 or ulaw_8000."),
                               wrong);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "conversation_config");
  json_builder_begin_object (builder);
  if (input_format != NULL)
    {
      json_builder_set_member_name (builder, "asr");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "user_input_audio_format");
      json_builder_add_string_value (builder, input_format);
      json_builder_end_object (builder);
    }
  if (output_format != NULL)
    {
      json_builder_set_member_name (builder, "tts");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "agent_output_audio_format");
      json_builder_add_string_value (builder, output_format);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  escaped = g_uri_escape_string (agent_id, NULL, FALSE);
  path = g_strconcat ("/v1/convai/agents/", escaped, NULL);

  /* Setting two fields to fixed values is idempotent: repeating it after
   * a lost answer changes nothing more, so the transport may retry. */
  request_json_async (self, "PATCH", path, body, GOVORUN_HTTP_FLAGS_IDEMPOTENT,
                      cancellable, on_update_agent, g_steal_pointer (&task));
}

/**
 * govorun_elevenlabs_client_update_agent_audio_finish:
 *
 * Returns: (transfer full): the agent as it is now, or %NULL with @error set
 */
GovorunElevenlabsAgent *
govorun_elevenlabs_client_update_agent_audio_finish (GovorunElevenlabsClient  *self,
                                                     GAsyncResult             *result,
                                                     GError                  **error)
{
  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        govorun_elevenlabs_client_update_agent_audio_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Subscription */

static void
on_get_subscription (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  GovorunElevenlabsSubscription *subscription;

  root = request_json_finish (GOVORUN_ELEVENLABS_CLIENT (source), result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  subscription = parse_subscription (root, &error);
  if (subscription == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, subscription, (GDestroyNotify) govorun_elevenlabs_subscription_free);
}

/**
 * govorun_elevenlabs_client_get_subscription_async:
 *
 * GET /v1/user/subscription; needs the user_read scope.
 */
void
govorun_elevenlabs_client_get_subscription_async (GovorunElevenlabsClient *self,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_elevenlabs_client_get_subscription_async);

  request_json_async (self, "GET", "/v1/user/subscription", NULL, GOVORUN_HTTP_FLAGS_IDEMPOTENT,
                      cancellable, on_get_subscription, g_steal_pointer (&task));
}

/**
 * govorun_elevenlabs_client_get_subscription_finish:
 *
 * Returns: (transfer full): the subscription, or %NULL with @error set
 */
GovorunElevenlabsSubscription *
govorun_elevenlabs_client_get_subscription_finish (GovorunElevenlabsClient  *self,
                                                   GAsyncResult             *result,
                                                   GError                  **error)
{
  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_elevenlabs_client_get_subscription_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Test connection */

typedef struct
{
  GovorunElevenlabsConnectionInfo *info;
  guint                            pages;
} TestConnection;

static void
test_connection_free (TestConnection *state)
{
  g_clear_pointer (&state->info, govorun_elevenlabs_connection_info_free);
  g_free (state);
}

static void
on_test_subscription (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TestConnection *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GovorunElevenlabsSubscription *subscription;

  subscription = govorun_elevenlabs_client_get_subscription_finish (GOVORUN_ELEVENLABS_CLIENT (source),
                                                                    result, &error);
  if (subscription == NULL)
    {
      /* §2.7 and pitfall 9: the agents call already proved the key; a key
       * scoped to convai_read simply cannot read the plan. */
      if (g_error_matches (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_MISSING_PERMISSIONS))
        {
          g_debug ("Key has no user_read scope; subscription not shown");
          state->info->limited_scope = TRUE;
          g_task_return_pointer (task, g_steal_pointer (&state->info),
                                 (GDestroyNotify) govorun_elevenlabs_connection_info_free);
          return;
        }

      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  state->info->subscription = subscription;
  g_task_return_pointer (task, g_steal_pointer (&state->info),
                         (GDestroyNotify) govorun_elevenlabs_connection_info_free);
}

static void
test_connection_read_subscription (GTask *task)
{
  govorun_elevenlabs_client_get_subscription_async (g_task_get_source_object (task),
                                                    g_task_get_cancellable (task),
                                                    on_test_subscription, task);
}

static void
on_test_count_page (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TestConnection *state = g_task_get_task_data (task);
  g_autoptr(GovorunElevenlabsAgentPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = govorun_elevenlabs_client_list_agents_finish (GOVORUN_ELEVENLABS_CLIENT (source), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  state->pages++;
  state->info->agent_count += page->agents->len;

  if (page->has_more)
    {
      if (state->pages < COUNT_MAX_PAGES && page->next_cursor != NULL)
        {
          GCancellable *cancellable = g_task_get_cancellable (task);

          govorun_elevenlabs_client_list_agents_async (GOVORUN_ELEVENLABS_CLIENT (source),
                                                       page->next_cursor, COUNT_PAGE_SIZE, NULL,
                                                       cancellable, on_test_count_page,
                                                       g_steal_pointer (&task));
          return;
        }

      /* Either the page limit, or has_more without a cursor to follow. */
      state->info->agent_count_is_lower_bound = TRUE;
    }

  test_connection_read_subscription (g_steal_pointer (&task));
}

static void
on_test_probe (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TestConnection *state = g_task_get_task_data (task);
  g_autoptr(GovorunElevenlabsAgentPage) page = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;

  page = govorun_elevenlabs_client_list_agents_finish (GOVORUN_ELEVENLABS_CLIENT (source), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!page->has_more)
    {
      state->info->agent_count = page->agents->len;
      test_connection_read_subscription (g_steal_pointer (&task));
      return;
    }

  /* Count from the start with big pages; a cursor is only valid with the
   * page size it was made for, as far as we know. */
  cancellable = g_task_get_cancellable (task);
  govorun_elevenlabs_client_list_agents_async (GOVORUN_ELEVENLABS_CLIENT (source),
                                               NULL, COUNT_PAGE_SIZE, NULL,
                                               cancellable, on_test_count_page,
                                               g_steal_pointer (&task));
}

void
govorun_elevenlabs_client_test_connection_async (GovorunElevenlabsClient *self,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  TestConnection *state;

  g_return_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_elevenlabs_client_test_connection_async);

  state = g_new0 (TestConnection, 1);
  state->info = g_new0 (GovorunElevenlabsConnectionInfo, 1);
  g_task_set_task_data (task, state, (GDestroyNotify) test_connection_free);

  /* §2.7: the agents list is what this key is for; any 401 here is real. */
  govorun_elevenlabs_client_list_agents_async (self, NULL, 1, NULL, cancellable,
                                               on_test_probe, g_steal_pointer (&task));
}

/**
 * govorun_elevenlabs_client_test_connection_finish:
 *
 * Returns: (transfer full): what the key can see, or %NULL with @error set
 */
GovorunElevenlabsConnectionInfo *
govorun_elevenlabs_client_test_connection_finish (GovorunElevenlabsClient  *self,
                                                  GAsyncResult             *result,
                                                  GError                  **error)
{
  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_elevenlabs_client_test_connection_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * _govorun_elevenlabs_client_parse_for_fuzzing:
 *
 * Runs every parser of ElevenLabs answers over @data, as a success body and
 * as an error body of a few statuses, and throws the results away. Only the
 * fuzz targets call it (tests/fuzz/), through the private header.
 */
void
_govorun_elevenlabs_client_parse_for_fuzzing (const guint8 *data,
                                              gsize         size)
{
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  g_autoptr(JsonParser) parser = json_parser_new ();
  static const guint statuses[] = { 400, 401, 404, 422, 429, 500 };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(GError) error = error_from_answer (statuses[i], body);
    }

  if (g_utf8_validate ((const char *) data, size, NULL) &&
      json_parser_load_from_data (parser, (const char *) data, size, NULL))
    {
      JsonNode *root = json_parser_get_root (parser);
      g_autoptr(GError) e1 = NULL;
      g_autoptr(GError) e2 = NULL;
      g_autoptr(GError) e3 = NULL;
      GovorunElevenlabsAgentPage *page = parse_agent_page (root, &e1);
      GovorunElevenlabsAgent *agent = parse_agent (root, &e2);
      GovorunElevenlabsSubscription *subscription = parse_subscription (root, &e3);

      g_assert ((page == NULL) == (e1 != NULL));
      g_assert ((agent == NULL) == (e2 != NULL));
      g_assert ((subscription == NULL) == (e3 != NULL));
      g_clear_pointer (&page, govorun_elevenlabs_agent_page_free);
      g_clear_pointer (&agent, govorun_elevenlabs_agent_free);
      g_clear_pointer (&subscription, govorun_elevenlabs_subscription_free);
    }
}
