/* govorun-agent-catalog.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAgentCatalog"

#include "config.h"

#include "govorun-agent-catalog.h"
#include "govorun-client-factory.h"
#include "govorun-elevenlabs-agents.h"

struct _GovorunAgentCatalog
{
  GObject               parent_instance;

  GovorunClientFactory *factory;
};

G_DEFINE_FINAL_TYPE (GovorunAgentCatalog, govorun_agent_catalog, G_TYPE_OBJECT)

G_DEFINE_QUARK (govorun-agent-catalog-error-quark, govorun_agent_catalog_error)

static void
govorun_agent_catalog_dispose (GObject *object)
{
  GovorunAgentCatalog *self = GOVORUN_AGENT_CATALOG (object);

  g_clear_object (&self->factory);

  G_OBJECT_CLASS (govorun_agent_catalog_parent_class)->dispose (object);
}

static void
govorun_agent_catalog_class_init (GovorunAgentCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = govorun_agent_catalog_dispose;
}

static void
govorun_agent_catalog_init (GovorunAgentCatalog *self)
{
}

/**
 * govorun_agent_catalog_new:
 * @factory: builds the ElevenLabs client of an account
 */
GovorunAgentCatalog *
govorun_agent_catalog_new (GovorunClientFactory *factory)
{
  GovorunAgentCatalog *self;

  g_return_val_if_fail (GOVORUN_IS_CLIENT_FACTORY (factory), NULL);

  self = g_object_new (GOVORUN_TYPE_AGENT_CATALOG, NULL);
  self->factory = g_object_ref (factory);

  return self;
}

/* Errors */

static GovorunAgentCatalogError
code_for (const GError *error)
{
  if (error->domain == GOVORUN_HTTP_ERROR)
    return GOVORUN_AGENT_CATALOG_ERROR_UNAVAILABLE;
  if (error->domain != GOVORUN_ELEVENLABS_ERROR)
    return GOVORUN_AGENT_CATALOG_ERROR_FAILED;

  switch ((GovorunElevenlabsError) error->code)
    {
    case GOVORUN_ELEVENLABS_ERROR_NOT_FOUND:
      return GOVORUN_AGENT_CATALOG_ERROR_NOT_FOUND;
    case GOVORUN_ELEVENLABS_ERROR_INVALID_API_KEY:
    case GOVORUN_ELEVENLABS_ERROR_NEEDS_AUTHORIZATION:
    case GOVORUN_ELEVENLABS_ERROR_MISSING_PERMISSIONS:
    case GOVORUN_ELEVENLABS_ERROR_FORBIDDEN:
      return GOVORUN_AGENT_CATALOG_ERROR_ACCESS_DENIED;
    case GOVORUN_ELEVENLABS_ERROR_VALIDATION:
      return GOVORUN_AGENT_CATALOG_ERROR_INVALID_VALUE;
    case GOVORUN_ELEVENLABS_ERROR_QUOTA_EXCEEDED:
    case GOVORUN_ELEVENLABS_ERROR_RATE_LIMITED:
    case GOVORUN_ELEVENLABS_ERROR_SERVER:
      return GOVORUN_AGENT_CATALOG_ERROR_UNAVAILABLE;
    case GOVORUN_ELEVENLABS_ERROR_BAD_RESPONSE:
    case GOVORUN_ELEVENLABS_ERROR_FAILED:
    default:
      return GOVORUN_AGENT_CATALOG_ERROR_FAILED;
    }
}

/* Returns @error's failure in the catalog's domain with the same message
 * (the provider's sentence and status, already translated); a cancellation
 * stays G_IO_ERROR_CANCELLED. */
static void
return_error (GTask                    *task,
              GError                   *error,
              GovorunAgentCatalogError  code)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_new_error (task, GOVORUN_AGENT_CATALOG_ERROR, code, "%s", error->message);
  g_error_free (error);
}

/* Results */

static GovorunVoiceAgent *
voice_agent_from_summary (const GovorunElevenlabsAgentSummary *summary)
{
  return g_object_new (GOVORUN_TYPE_VOICE_AGENT,
                       "id", summary->agent_id,
                       "name", summary->name,
                       "tags", summary->tags,
                       "access-role", summary->access_role,
                       NULL);
}

static GovorunVoiceAgent *
voice_agent_from_agent (const GovorunElevenlabsAgent *agent)
{
  return g_object_new (GOVORUN_TYPE_VOICE_AGENT,
                       "id", agent->agent_id,
                       "name", agent->name,
                       "first-message", agent->first_message,
                       "language", agent->language,
                       "dynamic-variable-names", agent->dynamic_variable_names,
                       "input-audio-format", agent->user_input_audio_format,
                       "output-audio-format", agent->agent_output_audio_format,
                       NULL);
}

typedef struct
{
  GPtrArray *agents;       /* of GovorunVoiceAgent */
  char      *next_cursor;  /* NULL after the last page */
} Page;

static void
page_free (Page *page)
{
  g_clear_pointer (&page->agents, g_ptr_array_unref);
  g_free (page->next_cursor);
  g_free (page);
}

/* Requests: each gets the account's client from the factory first. */

typedef struct
{
  gpointer  source_tag;     /* which call: the _async function */
  char     *agent_id;
  char     *search;
  char     *cursor;
  char     *input_format;
  char     *output_format;
} Request;

static Request *
request_new (gpointer    source_tag,
             const char *agent_id)
{
  Request *request = g_new0 (Request, 1);

  request->source_tag = source_tag;
  request->agent_id = g_strdup (agent_id);

  return request;
}

static void
request_free (Request *request)
{
  g_free (request->agent_id);
  g_free (request->search);
  g_free (request->cursor);
  g_free (request->input_format);
  g_free (request->output_format);
  g_free (request);
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GovorunElevenlabsAgentPage) el_page = NULL;
  GError *error = NULL;
  Page *page;

  el_page = govorun_elevenlabs_client_list_agents_finish (GOVORUN_ELEVENLABS_CLIENT (source), result, &error);
  if (el_page == NULL)
    {
      return_error (task, error, code_for (error));
      return;
    }

  page = g_new0 (Page, 1);
  page->agents = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < el_page->agents->len; i++)
    g_ptr_array_add (page->agents, voice_agent_from_summary (g_ptr_array_index (el_page->agents, i)));
  /* The API may say has_more without a cursor; there is no next page then. */
  if (el_page->has_more)
    page->next_cursor = g_steal_pointer (&el_page->next_cursor);

  g_task_return_pointer (task, page, (GDestroyNotify) page_free);
}

/* GET and PATCH both answer with the whole agent. */
static void
on_agent (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GovorunElevenlabsAgent) agent = NULL;
  GovorunElevenlabsClient *client = GOVORUN_ELEVENLABS_CLIENT (source);
  Request *request = g_task_get_task_data (task);
  GError *error = NULL;

  if (request->source_tag == govorun_agent_catalog_get_async)
    agent = govorun_elevenlabs_client_get_agent_finish (client, result, &error);
  else
    agent = govorun_elevenlabs_client_update_agent_audio_finish (client, result, &error);

  if (agent == NULL)
    {
      return_error (task, error, code_for (error));
      return;
    }

  g_task_return_pointer (task, voice_agent_from_agent (agent), g_object_unref);
}

static void
on_client (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GovorunElevenlabsClient) client = NULL;
  Request *request = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  client = govorun_client_factory_elevenlabs_finish (GOVORUN_CLIENT_FACTORY (source), result, &error);
  if (client == NULL)
    {
      return_error (task, error, GOVORUN_AGENT_CATALOG_ERROR_SECRET_UNAVAILABLE);
      return;
    }

  if (request->source_tag == govorun_agent_catalog_list_async)
    govorun_elevenlabs_client_list_agents_async (client, request->cursor, GOVORUN_AGENT_CATALOG_PAGE_SIZE,
                                                 request->search, cancellable,
                                                 on_listed, g_steal_pointer (&task));
  else if (request->source_tag == govorun_agent_catalog_get_async)
    govorun_elevenlabs_client_get_agent_async (client, request->agent_id, cancellable,
                                               on_agent, g_steal_pointer (&task));
  else
    govorun_elevenlabs_client_update_agent_audio_async (client, request->agent_id,
                                                        request->input_format, request->output_format,
                                                        cancellable, on_agent, g_steal_pointer (&task));
}

static void
start (GovorunAgentCatalog *self,
       GovorunAccount      *account,
       Request             *request,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, request->source_tag);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  govorun_client_factory_elevenlabs_async (self->factory, account, NULL, cancellable, on_client, task);
}

static gpointer
finish (GovorunAgentCatalog  *self,
        GAsyncResult         *result,
        gpointer              source_tag,
        GError              **error)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT_CATALOG (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A macro, so a failed check names the public function and returns from it. */
#define CHECK_ARGS(self, account, cancellable) G_STMT_START { \
  g_return_if_fail (GOVORUN_IS_AGENT_CATALOG (self)); \
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account)); \
  g_return_if_fail (govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_ELEVENLABS); \
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable)); \
} G_STMT_END

void
govorun_agent_catalog_list_async (GovorunAgentCatalog *self,
                                  GovorunAccount      *account,
                                  const char          *search,
                                  const char          *cursor,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Request *request;

  CHECK_ARGS (self, account, cancellable);

  request = request_new (govorun_agent_catalog_list_async, NULL);
  request->search = g_strdup (search != NULL && *search != '\0' ? search : NULL);
  request->cursor = g_strdup (cursor);
  start (self, account, request, cancellable, callback, user_data);
}

/**
 * govorun_agent_catalog_list_finish:
 * @out_next_cursor: (out) (optional) (transfer full): the next page's cursor,
 *   or %NULL after the last page
 *
 * Returns: (transfer container) (element-type GovorunVoiceAgent): the page,
 *   or %NULL with @error set
 */
GPtrArray *
govorun_agent_catalog_list_finish (GovorunAgentCatalog  *self,
                                   GAsyncResult         *result,
                                   char                **out_next_cursor,
                                   GError              **error)
{
  Page *page = finish (self, result, govorun_agent_catalog_list_async, error);
  GPtrArray *agents;

  if (out_next_cursor != NULL)
    *out_next_cursor = NULL;
  if (page == NULL)
    return NULL;

  agents = g_steal_pointer (&page->agents);
  if (out_next_cursor != NULL)
    *out_next_cursor = g_steal_pointer (&page->next_cursor);
  page_free (page);

  return agents;
}

void
govorun_agent_catalog_get_async (GovorunAgentCatalog *self,
                                 GovorunAccount      *account,
                                 const char          *agent_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  CHECK_ARGS (self, account, cancellable);
  g_return_if_fail (agent_id != NULL && *agent_id != '\0');

  start (self, account, request_new (govorun_agent_catalog_get_async, agent_id),
         cancellable, callback, user_data);
}

/**
 * govorun_agent_catalog_get_finish:
 *
 * Returns: (transfer full): the agent, or %NULL with @error set
 */
GovorunVoiceAgent *
govorun_agent_catalog_get_finish (GovorunAgentCatalog  *self,
                                  GAsyncResult         *result,
                                  GError              **error)
{
  return finish (self, result, govorun_agent_catalog_get_async, error);
}

void
govorun_agent_catalog_set_audio_formats_async (GovorunAgentCatalog *self,
                                               GovorunAccount      *account,
                                               const char          *agent_id,
                                               const char          *input_format,
                                               const char          *output_format,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  Request *request;

  CHECK_ARGS (self, account, cancellable);
  g_return_if_fail (agent_id != NULL && *agent_id != '\0');
  g_return_if_fail (input_format != NULL || output_format != NULL);

  request = request_new (govorun_agent_catalog_set_audio_formats_async, agent_id);
  request->input_format = g_strdup (input_format);
  request->output_format = g_strdup (output_format);
  start (self, account, request, cancellable, callback, user_data);
}

/**
 * govorun_agent_catalog_set_audio_formats_finish:
 *
 * Returns: (transfer full): the agent as it is now, or %NULL with @error set
 */
GovorunVoiceAgent *
govorun_agent_catalog_set_audio_formats_finish (GovorunAgentCatalog  *self,
                                                GAsyncResult         *result,
                                                GError              **error)
{
  return finish (self, result, govorun_agent_catalog_set_audio_formats_async, error);
}
