/* govorun-recordings.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <utime.h>
#include <glib/gstdio.h>

#include "govorun-call-records.h"
#include "govorun-recordings-private.h"
#include "govorun-store.h"

#define DEFAULT_LIMIT_MB 500
#define PART_SUFFIX ".part"

struct _GovorunRecordings
{
  GObject               parent_instance;

  GovorunStore         *store;
  GovorunClientFactory *factory;
  GovorunAccountStore  *accounts;
  GovorunAgentStore    *agents;
  char                 *cache_dir;
  guint                 limit_mb;
  gsize                 chunk;
};

G_DEFINE_QUARK (govorun-recordings-error-quark, govorun_recordings_error)

G_DEFINE_FINAL_TYPE (GovorunRecordings, govorun_recordings, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CACHE_LIMIT_MB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
govorun_recordings_finalize (GObject *object)
{
  GovorunRecordings *self = GOVORUN_RECORDINGS (object);

  g_clear_object (&self->store);
  g_clear_object (&self->factory);
  g_clear_object (&self->accounts);
  g_clear_object (&self->agents);
  g_free (self->cache_dir);
  G_OBJECT_CLASS (govorun_recordings_parent_class)->finalize (object);
}

static void
govorun_recordings_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GovorunRecordings *self = GOVORUN_RECORDINGS (object);

  switch (prop_id)
    {
    case PROP_CACHE_LIMIT_MB:
      g_value_set_uint (value, self->limit_mb);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_recordings_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GovorunRecordings *self = GOVORUN_RECORDINGS (object);

  switch (prop_id)
    {
    case PROP_CACHE_LIMIT_MB:
      govorun_recordings_set_cache_limit_mb (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_recordings_class_init (GovorunRecordingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = govorun_recordings_finalize;
  object_class->get_property = govorun_recordings_get_property;
  object_class->set_property = govorun_recordings_set_property;

  properties[PROP_CACHE_LIMIT_MB] =
    g_param_spec_uint ("cache-limit-mb", NULL, NULL, 0, G_MAXUINT, DEFAULT_LIMIT_MB,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_recordings_init (GovorunRecordings *self)
{
  self->limit_mb = DEFAULT_LIMIT_MB;
  self->chunk = GOVORUN_RECORDINGS_CHUNK_SIZE;
}

GovorunRecordings *
govorun_recordings_new (GovorunStore         *store,
                        GovorunClientFactory *factory,
                        GovorunAccountStore  *accounts,
                        GovorunAgentStore    *agents,
                        const char           *cache_dir)
{
  GovorunRecordings *self;

  g_return_val_if_fail (GOVORUN_IS_STORE (store), NULL);
  g_return_val_if_fail (GOVORUN_IS_CLIENT_FACTORY (factory), NULL);
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (accounts), NULL);
  g_return_val_if_fail (GOVORUN_IS_AGENT_STORE (agents), NULL);
  g_return_val_if_fail (cache_dir != NULL, NULL);

  self = g_object_new (GOVORUN_TYPE_RECORDINGS, NULL);
  self->store = g_object_ref (store);
  self->factory = g_object_ref (factory);
  self->accounts = g_object_ref (accounts);
  self->agents = g_object_ref (agents);
  self->cache_dir = g_strdup (cache_dir);
  return self;
}

const char *
govorun_recordings_get_cache_dir (GovorunRecordings *self)
{
  g_return_val_if_fail (GOVORUN_IS_RECORDINGS (self), NULL);
  return self->cache_dir;
}

guint
govorun_recordings_get_cache_limit_mb (GovorunRecordings *self)
{
  g_return_val_if_fail (GOVORUN_IS_RECORDINGS (self), 0);
  return self->limit_mb;
}

void
govorun_recordings_set_cache_limit_mb (GovorunRecordings *self,
                                       guint              limit_mb)
{
  g_return_if_fail (GOVORUN_IS_RECORDINGS (self));

  if (self->limit_mb == limit_mb)
    return;
  self->limit_mb = limit_mb;
  _govorun_recordings_evict (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CACHE_LIMIT_MB]);
}

/* --- one call for the details ------------------------------------------- */

static void
on_call_fetched (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GovorunCallRecord *record;

  record = govorun_call_records_fetch_finish (GOVORUN_STORE (source), result, &error);
  if (record == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, record, g_object_unref);
}

void
govorun_recordings_fetch_call_async (GovorunRecordings   *self,
                                     gint64               call_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (GOVORUN_IS_RECORDINGS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_recordings_fetch_call_async);
  govorun_call_records_fetch_async (self->store, call_id, cancellable, on_call_fetched, task);
}

GovorunCallRecord *
govorun_recordings_fetch_call_finish (GovorunRecordings  *self,
                                      GAsyncResult       *result,
                                      GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- the cache ------------------------------------------------------------ */

gboolean
govorun_recordings_has_audio (GovorunRecordings *self,
                              GovorunCallRecord *call)
{
  const GovorunCallInfo *details;

  g_return_val_if_fail (GOVORUN_IS_RECORDINGS (self), FALSE);
  g_return_val_if_fail (GOVORUN_IS_CALL_RECORD (call), FALSE);

  details = govorun_call_record_get_info (call);
  if (details == NULL)
    return FALSE;
  return details->record_url != NULL ||
         (details->el_has_audio && govorun_call_record_get_el_conversation_id (call) != NULL);
}

/* The name is a hash of the provider's id of the call: stable across
 * syncs, and nothing in it a person or a key could be read from. */
char *
_govorun_recordings_path_for (GovorunRecordings *self,
                              GovorunCallRecord *call)
{
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;

  if (govorun_call_record_get_vox_session_id (call) != 0)
    key = g_strdup_printf ("voximplant-session:%" G_GINT64_FORMAT,
                           govorun_call_record_get_vox_session_id (call));
  else if (govorun_call_record_get_el_conversation_id (call) != NULL)
    key = g_strdup_printf ("elevenlabs-conversation:%s",
                           govorun_call_record_get_el_conversation_id (call));
  else
    return NULL;

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  name = g_strconcat (hash, ".audio", NULL);
  return g_build_filename (self->cache_dir, name, NULL);
}

gboolean
_govorun_recordings_ensure_dir (GovorunRecordings  *self,
                                GError            **error)
{
  if (g_mkdir_with_parents (self->cache_dir, 0700) == 0)
    return TRUE;
  g_set_error (error, GOVORUN_RECORDINGS_ERROR, GOVORUN_RECORDINGS_ERROR_CACHE,
               _("Recordings cannot be saved in the cache folder %s: %s."),
               self->cache_dir, g_strerror (errno));
  return FALSE;
}

char *
govorun_recordings_lookup (GovorunRecordings *self,
                           GovorunCallRecord *call)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (GOVORUN_IS_RECORDINGS (self), NULL);
  g_return_val_if_fail (GOVORUN_IS_CALL_RECORD (call), NULL);

  path = _govorun_recordings_path_for (self, call);
  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  /* Played now: the modification time is the cache's "last used". */
  g_utime (path, NULL);
  return g_steal_pointer (&path);
}

typedef struct
{
  char   *path;
  gint64  used;   /* modification time, µs */
  goffset size;
} CacheFile;

static void
cache_file_free (CacheFile *file)
{
  g_free (file->path);
  g_free (file);
}

static int
by_use (gconstpointer a,
        gconstpointer b)
{
  const CacheFile *x = *(const CacheFile * const *) a;
  const CacheFile *y = *(const CacheFile * const *) b;

  return (x->used > y->used) - (x->used < y->used);
}

void
_govorun_recordings_evict (GovorunRecordings *self,
                           const char        *keep)
{
  g_autoptr(GDir) dir = g_dir_open (self->cache_dir, 0, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) cache_file_free);
  guint64 limit = (guint64) self->limit_mb * 1024 * 1024;
  guint64 total = 0;
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->cache_dir, name, NULL);
      GStatBuf st;
      CacheFile *file;

      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      total += st.st_size;
      /* A partial download counts against the limit but stays: it is
       * being written or will be resumed. */
      if (g_str_has_suffix (name, PART_SUFFIX) || g_strcmp0 (path, keep) == 0)
        continue;
      file = g_new0 (CacheFile, 1);
      file->path = g_steal_pointer (&path);
      file->used = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
      file->size = st.st_size;
      g_ptr_array_add (files, file);
    }

  g_ptr_array_sort (files, by_use);
  for (guint i = 0; i < files->len && total > limit; i++)
    {
      CacheFile *file = g_ptr_array_index (files, i);

      if (g_unlink (file->path) == 0)
        total -= file->size;
    }
}

GovorunClientFactory *
_govorun_recordings_get_factory (GovorunRecordings *self)
{
  return self->factory;
}

GovorunAccountStore *
_govorun_recordings_get_accounts (GovorunRecordings *self)
{
  return self->accounts;
}

GovorunAgentStore *
_govorun_recordings_get_agents (GovorunRecordings *self)
{
  return self->agents;
}

gsize
_govorun_recordings_get_chunk (GovorunRecordings *self)
{
  return self->chunk;
}

void
_govorun_recordings_set_chunk (GovorunRecordings *self,
                               gsize              chunk)
{
  self->chunk = MAX (chunk, 1);
}
