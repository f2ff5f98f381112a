/* govorun-store.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunStore"

#include "config.h"

#include "govorun-call-analysis-totals-private.h"
#include "govorun-call-bulk-private.h"
#include "govorun-call-search-private.h"
#include "govorun-call-stats-records-private.h"
#include "govorun-campaign-records-private.h"
#include "govorun-integration-records-private.h"
#include "govorun-bitrix24-records-private.h"
#include "govorun-store.h"
#include "govorun-store-private.h"
#include "govorun-util.h"

#include <glib/gi18n.h>

/* How long a connection waits for a lock held by another connection (another
 * Govorun process, or a checkpoint) before giving up with SQLITE_BUSY. */
#define BUSY_TIMEOUT_MS 5000

/* Idle read connections kept for reuse; more may be open while busy. */
#define MAX_IDLE_READERS 4

/* The call history's indexes (a million calls are some 1.5 GB) do not fit
 * SQLite's default 2 MB page cache: every upsert would read index pages
 * back through system calls. A bigger cache per connection and reads
 * through mmap keep ingest and paging fast; both are upper bounds, not
 * allocations. */
#define CACHE_PRAGMAS "PRAGMA cache_size = -32768; PRAGMA mmap_size = 1073741824;"

/* A write to a table with triggers or more than one unique key keeps a
 * statement journal (the pages it changes, so that the one statement can
 * be undone). Past 64 kB SQLite spills it to a temporary file, and an
 * upsert into the calls table, with its indexes, passes that on every row
 * (a 100,000-row ingest made three million writes to /var/tmp). The
 * journal lives as long as one statement, so memory it is. Readers keep
 * the default: a big sort may spill rather than grow the process. */
#define WRITER_TEMP_PRAGMAS "PRAGMA temp_store = MEMORY;"

/* Read connections read through the kernel's page cache instead: a summary
 * scans the whole history, and mapped, every page it read would count in
 * the process's resident memory (some 300 MB over a million calls) while
 * the Calls page is open. Their own cache stays bounded by cache_size. */
#define READER_CACHE_PRAGMAS "PRAGMA cache_size = -32768; PRAGMA mmap_size = 0;"

/* SQLite calls the progress handler every this many VM steps; it is where a
 * cancelled GCancellable interrupts a long statement. */
#define PROGRESS_STEPS 1000

/*
 * The schema, one script per version: migrations[n] takes the database
 * from user_version n to n + 1. Append only: never edit a script that has
 * shipped, add a new one. (A script that has to rebuild a table must follow
 * https://sqlite.org/lang_altertable.html#otheralter, as foreign_keys=ON
 * cannot be switched off inside the migration's transaction.)
 */
static const char * const migrations[] = {
  /* 1: accounts. Secrets are never here: they live in the keyring under
   * (uuid, secret_generation). */
  "CREATE TABLE accounts ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT UNIQUE NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('voximplant', 'elevenlabs')),"
  "  display_name TEXT NOT NULL,"
  "  state TEXT NOT NULL CHECK (state IN ('pending', 'ready', 'deleting')),"
  "  secret_generation INTEGER NOT NULL DEFAULT 1,"
  "  vox_account_id TEXT,"
  "  vox_auth TEXT CHECK (vox_auth IN ('api-key', 'service-account') OR vox_auth IS NULL),"
  "  vox_key_id TEXT,"
  "  vox_account_email TEXT,"
  "  el_region TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");",

  /* 2: what "Test connection" last found, and the objects Govorun created
   * in a provider account (so a rollback removes only its own). */
  "ALTER TABLE accounts ADD COLUMN last_test_at INTEGER;"
  "ALTER TABLE accounts ADD COLUMN last_test_ok INTEGER;"
  "ALTER TABLE accounts ADD COLUMN last_test_summary TEXT;"
  "CREATE TABLE provider_objects ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  provider TEXT NOT NULL,"
  "  object_type TEXT NOT NULL,"
  "  provider_id TEXT,"
  "  name TEXT NOT NULL,"
  "  owner TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  UNIQUE (account_id, object_type, name)"
  ");"
  /* Look-ups by the provider's own id (drift detection, rollback). */
  "CREATE INDEX provider_objects_provider_id"
  "  ON provider_objects (account_id, provider, object_type, provider_id);",

  /* 3: agents (an ElevenLabs agent put on Voximplant numbers) and their
   * numbers. What Govorun created for an agent is in provider_objects with
   * owner = agents.uuid. An account an agent uses cannot be removed: the
   * foreign keys RESTRICT, and the trigger refuses the accounts service's
   * first step (state 'deleting') already, before the key leaves the
   * keyring. */
  "CREATE TABLE agents ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT UNIQUE NOT NULL,"
  "  name TEXT NOT NULL,"
  "  slug TEXT UNIQUE NOT NULL,"
  "  el_account_id INTEGER REFERENCES accounts (id) ON DELETE RESTRICT,"
  "  vox_account_id INTEGER REFERENCES accounts (id) ON DELETE RESTRICT,"
  "  el_agent_id TEXT,"
  "  el_agent_name TEXT,"
  "  inbound INTEGER NOT NULL DEFAULT 1,"
  "  outbound INTEGER NOT NULL DEFAULT 0,"
  "  engine TEXT NOT NULL CHECK (engine IN ('elevenlabs', 'webhook')),"
  "  webhook_url TEXT,"
  "  tenant_slug TEXT,"
  "  record INTEGER NOT NULL DEFAULT 1,"
  "  state TEXT NOT NULL CHECK (state IN ('draft', 'partial', 'ready', 'drifted', 'error')),"
  "  last_step TEXT,"
  "  last_error TEXT,"
  "  application_id INTEGER NOT NULL DEFAULT 0,"
  "  application_name TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE agent_numbers ("
  "  agent_id INTEGER NOT NULL REFERENCES agents (id) ON DELETE CASCADE,"
  "  phone_id INTEGER NOT NULL,"
  "  number TEXT NOT NULL,"
  "  UNIQUE (agent_id, phone_id)"
  ");"
  "CREATE TRIGGER accounts_used_by_agents BEFORE UPDATE OF state ON accounts"
  "  WHEN NEW.state = 'deleting' AND EXISTS (SELECT 1 FROM agents"
  "    WHERE el_account_id = NEW.id OR vox_account_id = NEW.id)"
  "  BEGIN SELECT RAISE (ABORT, 'account is used by an agent'); END;",

  /* 4: whether the agent's scenarios carry the ElevenLabs key in their
   * text (an account without secret storage). */
  "ALTER TABLE agents ADD COLUMN key_in_scenario INTEGER NOT NULL DEFAULT 0;"
  /* and the webhook bot's language and voice (NULL: the defaults). */
  "ALTER TABLE agents ADD COLUMN bot_language TEXT;"
  "ALTER TABLE agents ADD COLUMN bot_voice TEXT;",

  /* 5: the call history, one row per call joined across providers. A row
   * is found again by either provider's id (upserts); unknown is NULL for
   * ids and text, and 0 for the columns the list sorts on, which stay NOT
   * NULL so that keyset paging can compare row values. Every sort key has
   * an index on (key, started_at), so that (key, started_at, id) order is
   * an index scan; the filters that narrow by equality have (column,
   * started_at) for the default date order. Transcripts live apart and are
   * loaded for the details only. */
  "CREATE TABLE calls ("
  "  id INTEGER PRIMARY KEY,"
  "  vox_session_id INTEGER UNIQUE,"
  "  vox_call_id INTEGER,"
  "  el_conversation_id TEXT UNIQUE,"
  "  agent_uuid TEXT NOT NULL DEFAULT '',"
  "  campaign_id INTEGER,"
  "  contact_id INTEGER,"
  "  direction INTEGER NOT NULL DEFAULT 0,"
  "  from_number TEXT,"
  "  to_number TEXT,"
  "  started_at INTEGER NOT NULL DEFAULT 0,"
  "  duration INTEGER NOT NULL DEFAULT 0,"
  "  status INTEGER NOT NULL DEFAULT 0,"
  "  finish_reason TEXT,"
  "  success INTEGER NOT NULL DEFAULT 0,"
  "  vox_cost REAL,"
  "  vox_currency TEXT,"
  "  el_cost REAL,"
  "  el_currency TEXT,"
  /* For ordering by cost only: both providers' costs added up. */
  "  cost_total REAL NOT NULL DEFAULT 0,"
  "  has_recording INTEGER NOT NULL DEFAULT 0,"
  "  summary TEXT"
  ");"
  "CREATE INDEX calls_started_at ON calls (started_at);"
  "CREATE INDEX calls_duration ON calls (duration, started_at);"
  "CREATE INDEX calls_cost ON calls (cost_total, started_at);"
  "CREATE INDEX calls_status ON calls (status, started_at);"
  "CREATE INDEX calls_direction ON calls (direction, started_at);"
  "CREATE INDEX calls_success ON calls (success, started_at);"
  "CREATE INDEX calls_agent ON calls (agent_uuid, started_at);"
  "CREATE TABLE call_turns ("
  "  call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  role INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  offset_ms INTEGER NOT NULL,"
  "  PRIMARY KEY (call_id, seq)"
  ") WITHOUT ROWID;"
  /* Search: numbers in every form a person types them and the transcript,
   * by substring (trigram), so Russian words match in any inflection's
   * stem; the rowid is calls.id. */
  "CREATE VIRTUAL TABLE calls_fts USING fts5 (numbers, transcript, tokenize = 'trigram');"
  /* Where each account's sync stopped, per provider: a time watermark and
   * the provider's cursor, so an interrupted sync resumes. */
  "CREATE TABLE call_sync_state ("
  "  account_uuid TEXT NOT NULL,"
  "  provider TEXT NOT NULL,"
  "  watermark INTEGER NOT NULL DEFAULT 0,"
  "  cursor TEXT,"
  "  updated_at INTEGER NOT NULL,"
  "  PRIMARY KEY (account_uuid, provider)"
  ");",
  /* 6: the Calls list sorted by duration or cost with a status filter.
   * Statuses gather at one end of those orders (an unanswered call lasts
   * 0 s and costs nothing), so reading the sort's index and skipping other
   * statuses could read most of the history for a page. */
  "CREATE INDEX calls_status_duration ON calls (status, duration, started_at);"
  "CREATE INDEX calls_status_cost ON calls (status, cost_total, started_at);",

  /* 7: call details (govorun-call-info.c): where the audio is, how each
   * side ended, and ElevenLabs' analysis, keyed by the conversation so a
   * join of one-sided rows keeps it. */
  "ALTER TABLE calls ADD COLUMN vox_account_uuid TEXT;"
  "ALTER TABLE calls ADD COLUMN el_account_uuid TEXT;"
  "ALTER TABLE calls ADD COLUMN record_url TEXT;"
  "ALTER TABLE calls ADD COLUMN el_has_audio INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE calls ADD COLUMN end_reason TEXT;"
  "ALTER TABLE calls ADD COLUMN el_termination_reason TEXT;"
  "ALTER TABLE calls ADD COLUMN el_error TEXT;"
  "ALTER TABLE calls ADD COLUMN summary_title TEXT;"
  "ALTER TABLE calls ADD COLUMN main_language TEXT;"
  "CREATE TABLE call_analysis ("
  "  conversation_id TEXT NOT NULL,"
  "  seq INTEGER NOT NULL,"
  "  kind INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  result TEXT,"
  "  rationale TEXT,"
  "  PRIMARY KEY (conversation_id, seq)"
  ") WITHOUT ROWID;",
  /* 8: the do-not-call list: normalised numbers (E.164), why, and when. */
  "CREATE TABLE do_not_call ("
  "  number TEXT PRIMARY KEY,"
  "  note TEXT,"
  "  added_at INTEGER NOT NULL"
  ") WITHOUT ROWID;",
  /* 9: the Overview's hourly aggregates (govorun-call-stats-records.c). */
  govorun_call_stats_records_migration,
  /* 10: campaigns, their contacts and preflight issues, the mappings
   * remembered per agent (govorun-campaign-records.c). */
  govorun_campaign_records_migration,
  /* 11: hand-over between computers. The scenario manifest an agent last
   * deployed or adopted (revision and computer), and this installation's
   * random id, written into every manifest it deploys
   * (govorun-profile-records.c). */
  "ALTER TABLE agents ADD COLUMN seen_revision INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE agents ADD COLUMN seen_computer TEXT;"
  "CREATE TABLE profile ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "INSERT INTO profile (key, value) VALUES ('computer_id', lower (hex (randomblob (16))));",
  /* 12: the providers’ names of an agent Govorun did not create, so its
   * calls show whose they are; and the analysis by its values, for the
   * Calls filter "urgency = high" (the table's key, the conversation,
   * comes with every index entry of a WITHOUT ROWID table). */
  "ALTER TABLE calls ADD COLUMN el_agent_name TEXT;"
  "ALTER TABLE calls ADD COLUMN vox_application_name TEXT;"
  "CREATE INDEX call_analysis_values ON call_analysis (kind, name, result);",
  /* 13: integration targets, the outbox of deliveries and the delivery log
   * (govorun-integration-records.c). */
  govorun_integration_records_migration,
  /* 14: the campaigns' debt-collection mode (230-FZ), and the answered
   * outbound calls by number and time, which its preflight counts per
   * contact (govorun_campaign_sink_interactions: direction 2 = outbound,
   * status 1 = answered); partial, so the call sync pays for the few
   * rows it holds only. */
  "ALTER TABLE campaigns ADD COLUMN debt_mode INTEGER NOT NULL DEFAULT 0;"
  "CREATE INDEX calls_debt_interactions ON calls (to_number, started_at)"
  "  WHERE direction = 2 AND status = 1;",
  /* 15: the analysis counted per hour and per day for the Overview
   * (govorun-call-analysis-totals.c). */
  govorun_call_analysis_totals_migration,
  /* 16: what a first sync's bulk dropped from the calls table, until it
   * builds it again (govorun-call-bulk.c). */
  govorun_call_bulk_migration,
  /* 17: the delivery log read by keyset pages per target, newest first. */
  "CREATE INDEX deliveries_log ON deliveries (target_id, id);",
  /* 18: how far each Bitrix24 delivery has gone, and the targets whose
   * portal takes CRM-only deliveries (govorun-bitrix24-records.c). */
  govorun_bitrix24_records_migration,
  /* 19: the Overview's hourly sums by direction too, for the Calls page's
   * sums of one direction (govorun-call-stats-records.c). */
  govorun_call_stats_records_direction_migration,
};

typedef enum
{
  JOB_OPEN,
  JOB_WRITE,
  JOB_QUIT,
} JobKind;

typedef struct
{
  JobKind  kind;
  GTask   *task;   /* owned; NULL for JOB_QUIT */
} Job;

/* Task data of write and read tasks. */
typedef struct
{
  GovorunStoreWriteFunc func;
  gpointer              data;
  GDestroyNotify        data_destroy;
} FuncData;

struct _GovorunStore
{
  GObject      parent_instance;

  char        *path;
  GAsyncQueue *jobs;            /* of Job, consumed by the writer thread */
  GThread     *writer;          /* started by open_async, joined by close */
  sqlite3     *db;              /* writer thread only */
  guint        schema_version;  /* atomic */

  GMutex       lock;            /* guards the fields below */
  GCond        cond;
  gboolean     opened;          /* the open job succeeded */
  gboolean     closing;         /* close () was called */
  GPtrArray   *idle_readers;    /* of sqlite3 * */
  guint        pending_reads;   /* read tasks not yet finished */
};

G_DEFINE_FINAL_TYPE (GovorunStore, govorun_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (govorun-store-error-quark, govorun_store_error)

static void
func_data_free (gpointer data)
{
  FuncData *fd = data;

  if (fd->data_destroy != NULL)
    fd->data_destroy (fd->data);
  g_free (fd);
}

static void
job_free (Job *job)
{
  g_clear_object (&job->task);
  g_free (job);
}

/* Called with self->lock held, so that no job can land behind the
 * JOB_QUIT that close () queues. */
static void
job_push (GovorunStore *self,
          JobKind       kind,
          GTask        *task)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->task = task != NULL ? g_object_ref (task) : NULL;
  g_async_queue_push (self->jobs, job);
}

static const char *
db_path (sqlite3 *db)
{
  const char *path = db != NULL ? sqlite3_db_filename (db, "main") : NULL;

  return path != NULL && *path != '\0' ? path : "?";
}

static gboolean
rc_is_corrupt (int rc)
{
  int primary = rc & 0xff;

  return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

/* The SQLite detail keeps its own result code, as provider errors do. */
static char *
sqlite_detail (sqlite3 *db,
               int      rc)
{
  const char *msg = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  return g_strdup_printf ("%s (SQLite error %d)", msg, rc);
}

static void
set_error (GError            **error,
           GovorunStoreError   code,
           const char         *path,
           sqlite3            *db,
           int                 rc)
{
  g_autofree char *detail = sqlite_detail (db, rc);

  if (rc_is_corrupt (rc))
    code = GOVORUN_STORE_ERROR_CORRUPT;

  /* Translators: in the messages below the first %s is the database
   * file's path, the second SQLite's own (English) message and code. */
  switch (code)
    {
    case GOVORUN_STORE_ERROR_OPEN:
      g_set_error (error, GOVORUN_STORE_ERROR, code,
                   _("Could not open Govorun’s database at %s: %s. Check free disk space and permissions."),
                   path, detail);
      break;

    case GOVORUN_STORE_ERROR_MIGRATION:
      g_set_error (error, GOVORUN_STORE_ERROR, code,
                   _("Could not upgrade Govorun’s database at %s: %s. Check free disk space and permissions, then start Govorun again."),
                   path, detail);
      break;

    case GOVORUN_STORE_ERROR_READ:
      g_set_error (error, GOVORUN_STORE_ERROR, code,
                   _("Could not read Govorun’s database at %s: %s. Check that the file is readable, then try again."),
                   path, detail);
      break;

    case GOVORUN_STORE_ERROR_CORRUPT:
      g_set_error (error, GOVORUN_STORE_ERROR, code,
                   _("Govorun’s database at %s is damaged: %s. Move the file aside to start afresh, or restore it from a backup."),
                   path, detail);
      break;

    case GOVORUN_STORE_ERROR_WRITE:
    case GOVORUN_STORE_ERROR_NEWER_SCHEMA:
    default:
      g_set_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_WRITE,
                   _("Could not save to Govorun’s database at %s: %s. Check free disk space and permissions."),
                   path, detail);
      break;
    }
}

static void
set_not_open_error (GError            **error,
                    GovorunStoreError   code,
                    const char         *path)
{
  g_set_error (error, GOVORUN_STORE_ERROR, code,
               _("Govorun’s database at %s is not open. Restart Govorun and try again."),
               path);
}

gboolean
govorun_store_step_reset (sqlite3_stmt  *stmt,
                          sqlite3       *db,
                          GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);
  return TRUE;
}

gboolean
govorun_store_step_finalize (sqlite3       *db,
                             sqlite3_stmt  *stmt,
                             GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);
  return TRUE;
}

/**
 * govorun_store_set_sqlite_error:
 * @error: return location for a #GError
 * @db: the connection whose last error is reported
 *
 * Returns: %FALSE, always
 */
gboolean
govorun_store_set_sqlite_error (GError  **error,
                                sqlite3  *db)
{
  GovorunStoreError code;

  g_return_val_if_fail (db != NULL, FALSE);

  /* A refused write is a write error, even on a connection SQLite opened
   * read-only (as it does, silently, for a write-protected file). */
  code = sqlite3_db_readonly (db, "main") == 1 &&
         (sqlite3_extended_errcode (db) & 0xff) != SQLITE_READONLY ? GOVORUN_STORE_ERROR_READ
                                                                 : GOVORUN_STORE_ERROR_WRITE;
  set_error (error, code, db_path (db), db, sqlite3_extended_errcode (db));
  return FALSE;
}

/* For write/read funcs: binds @text, or NULL when @text is %NULL. */
void
govorun_store_bind_text (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

void
govorun_store_bind_id (sqlite3_stmt *stmt,
                       int           index,
                       gint64        id)
{
  if (id != 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

const char *
govorun_store_column_text (sqlite3_stmt *stmt,
                           int           index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

static gboolean
exec_sql (sqlite3            *db,
          const char         *sql,
          GovorunStoreError   code,
          GError            **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_error (error, code, db_path (db), db, sqlite3_extended_errcode (db));
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_uint (sqlite3            *db,
            const char         *sql,
            GovorunStoreError   code,
            guint              *out_value,
            GError            **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_error (error, code, db_path (db), db, sqlite3_extended_errcode (db));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *out_value = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Leaves the connection outside any transaction whatever happened. */
static void
rollback_if_needed (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

static void
set_newer_schema_error (GError     **error,
                        const char  *path,
                        guint        found)
{
  /* Translators: %u are schema version numbers, %s the file's path. */
  g_set_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_NEWER_SCHEMA,
               _("This data was written by a newer version of Govorun (database version %u at %s; this version understands up to %u). Install the newer version of Govorun to use it."),
               found, path, (guint) G_N_ELEMENTS (migrations));
}

guint
_govorun_store_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

gboolean
_govorun_store_migrate_to (sqlite3  *db,
                           guint     version,
                           GError  **error)
{
  guint current;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (version <= G_N_ELEMENTS (migrations), FALSE);

  if (!query_uint (db, "PRAGMA user_version", GOVORUN_STORE_ERROR_MIGRATION, &current, error))
    return FALSE;

  if (current > G_N_ELEMENTS (migrations))
    {
      set_newer_schema_error (error, db_path (db), current);
      return FALSE;
    }

  /* Each step in its own transaction: a failure keeps every earlier step
   * and leaves the failed one undone, so the next start retries it. */
  for (guint v = current; v < version; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %u", v + 1);

      g_debug ("Migrating %s from schema %u to %u", db_path (db), v, v + 1);

      if (!exec_sql (db, "BEGIN IMMEDIATE", GOVORUN_STORE_ERROR_MIGRATION, error) ||
          !exec_sql (db, migrations[v], GOVORUN_STORE_ERROR_MIGRATION, error) ||
          !exec_sql (db, bump, GOVORUN_STORE_ERROR_MIGRATION, error) ||
          !exec_sql (db, "COMMIT", GOVORUN_STORE_ERROR_MIGRATION, error))
        {
          rollback_if_needed (db);
          return FALSE;
        }
    }

  return TRUE;
}

static int
on_progress (void *user_data)
{
  GCancellable *cancellable = user_data;

  /* Non-zero interrupts the running statement (SQLITE_INTERRUPT). */
  return g_cancellable_is_cancelled (cancellable) ? 1 : 0;
}

/* Runs @fd inside BEGIN @begin … COMMIT on @db; returns the func's result
 * through @out_result/@out_destroy. */
static gboolean
run_func_in_transaction (sqlite3            *db,
                         const char         *begin,
                         GovorunStoreError   code,
                         FuncData           *fd,
                         GCancellable       *cancellable,
                         gpointer           *out_result,
                         GDestroyNotify     *out_destroy,
                         GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  gpointer result = NULL;
  GDestroyNotify destroy = NULL;
  gboolean ok;

  if (!exec_sql (db, begin, code, error))
    {
      rollback_if_needed (db);
      return FALSE;
    }

  if (cancellable != NULL)
    sqlite3_progress_handler (db, PROGRESS_STEPS, on_progress, cancellable);
  ok = fd->func (db, fd->data, &result, &destroy, &local_error);
  sqlite3_progress_handler (db, 0, NULL, NULL);

  if (ok && !g_cancellable_is_cancelled (cancellable))
    {
      if (exec_sql (db, "COMMIT", code, error))
        {
          *out_result = result;
          *out_destroy = destroy;
          return TRUE;
        }
    }
  else if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      /* Cancelled: whatever the func reported (often SQLITE_INTERRUPT from
       * the progress handler), nothing of it is kept. */
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  else
    {
      g_warning ("A store func returned FALSE without setting an error");
      set_error (error, code, db_path (db), db, SQLITE_ERROR);
    }

  rollback_if_needed (db);
  if (result != NULL && destroy != NULL)
    destroy (result);
  return FALSE;
}

/* --- the writer thread --------------------------------------------------- */

typedef struct
{
  GTask          *task;     /* owned */
  gboolean        ok;
  gboolean        boolean;  /* return a boolean, not a pointer */
  gpointer        result;
  GDestroyNotify  destroy;
  GError         *error;
} Completion;

static gboolean
on_complete_in_context (gpointer data)
{
  Completion *c = data;

  if (!c->ok)
    g_task_return_error (c->task, c->error);
  else if (c->boolean)
    g_task_return_boolean (c->task, TRUE);
  else
    g_task_return_pointer (c->task, c->result, c->destroy);
  g_object_unref (c->task);
  g_free (c);
  return G_SOURCE_REMOVE;
}

/* The writer thread hands its reference to @task over to the task's own
 * main context and returns the result there. Were the thread to drop the
 * reference itself, it could be the last one, and the store (the task's
 * source object) would be disposed on the writer thread, which then would
 * have to join itself. */
static void
complete_in_context (GTask          *task,
                     gboolean        ok,
                     gpointer        result,
                     GDestroyNotify  destroy,
                     GError         *error)
{
  Completion *c = g_new0 (Completion, 1);
  g_autoptr(GSource) source = g_idle_source_new ();

  c->task = task;
  c->ok = ok;
  c->boolean = g_task_get_source_tag (task) == govorun_store_open_async;
  c->result = result;
  c->destroy = destroy;
  c->error = error;
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, on_complete_in_context, c, NULL);
  g_source_attach (source, g_task_get_context (task));
}

static gboolean
open_writer (GovorunStore  *self,
             GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autoptr(GError) dir_error = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *mode;
  guint version;
  int rc;

  if (!govorun_ensure_dir (dir, &dir_error))
    {
      g_set_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_OPEN,
                   _("Could not open Govorun’s database at %s: %s. Check free disk space and permissions."),
                   self->path, dir_error->message);
      return FALSE;
    }

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_error (error, GOVORUN_STORE_ERROR_OPEN, self->path, self->db, rc);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  if (!_govorun_call_search_add_function (self->db))
    {
      set_error (error, GOVORUN_STORE_ERROR_OPEN, self->path, self->db, sqlite3_errcode (self->db));
      return FALSE;
    }

  /* The first statement is where a file that is not a database shows up
   * (SQLITE_NOTADB, reported as CORRUPT). */
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_error (error, GOVORUN_STORE_ERROR_OPEN, self->path, self->db,
                 sqlite3_extended_errcode (self->db));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  mode = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (mode, "wal") != 0)
    {
      g_autofree char *detail = g_strdup_printf ("journal mode is “%s”, not WAL", mode ? mode : "");

      g_set_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_OPEN,
                   _("Could not open Govorun’s database at %s: %s. Check free disk space and permissions."),
                   self->path, detail);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  /* synchronous=NORMAL is safe in WAL mode against crashes of the app; a
   * power cut may lose the last commits but never corrupts the file, and
   * the bulk writes of call history need the speed. */
  if (!exec_sql (self->db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"
                 " " CACHE_PRAGMAS " " WRITER_TEMP_PRAGMAS, GOVORUN_STORE_ERROR_OPEN, error))
    return FALSE;

  if (!query_uint (self->db, "PRAGMA user_version", GOVORUN_STORE_ERROR_OPEN, &version, error))
    return FALSE;
  if (version > G_N_ELEMENTS (migrations))
    {
      set_newer_schema_error (error, self->path, version);
      return FALSE;
    }

  if (!_govorun_store_migrate_to (self->db, G_N_ELEMENTS (migrations), error))
    return FALSE;

  g_atomic_int_set (&self->schema_version, G_N_ELEMENTS (migrations));
  g_debug ("Opened %s at schema %u", self->path, (guint) G_N_ELEMENTS (migrations));
  return TRUE;
}

/* Takes @task (transfer full). */
static void
run_open_job (GovorunStore *self,
              GTask        *task)
{
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      complete_in_context (task, FALSE, NULL, NULL, error);
      return;
    }

  if (!open_writer (self, &error))
    {
      g_clear_pointer (&self->db, sqlite3_close_v2);
      complete_in_context (task, FALSE, NULL, NULL, error);
      return;
    }

  g_mutex_lock (&self->lock);
  self->opened = TRUE;
  g_mutex_unlock (&self->lock);

  complete_in_context (task, TRUE, NULL, NULL, NULL);
}

/* Takes @task (transfer full). */
static void
run_write_job (GovorunStore *self,
               GTask        *task)
{
  GError *error = NULL;
  GDestroyNotify destroy = NULL;
  gpointer result = NULL;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      complete_in_context (task, FALSE, NULL, NULL, error);
      return;
    }

  if (self->db == NULL)
    {
      set_not_open_error (&error, GOVORUN_STORE_ERROR_WRITE, self->path);
      complete_in_context (task, FALSE, NULL, NULL, error);
      return;
    }

  if (!run_func_in_transaction (self->db, "BEGIN IMMEDIATE", GOVORUN_STORE_ERROR_WRITE,
                                g_task_get_task_data (task), g_task_get_cancellable (task),
                                &result, &destroy, &error))
    complete_in_context (task, FALSE, NULL, NULL, error);
  else
    complete_in_context (task, TRUE, result, destroy, NULL);
}

/* --- kept statements -------------------------------------------------------- */

/* A thread's kept statements, for one connection at a time: the writer's
 * is the one that matters (one thread, one connection for the store's
 * life). Finalized when the thread asks for another connection's, before
 * the writer closes its own, and when the thread ends. */
typedef struct
{
  sqlite3    *db;
  GHashTable *stmts;  /* SQL text (by address) → sqlite3_stmt * */
} KeptStatements;

static void
kept_statements_free (gpointer data)
{
  KeptStatements *kept = data;

  g_hash_table_destroy (kept->stmts);
  g_free (kept);
}

static GPrivate kept_statements = G_PRIVATE_INIT (kept_statements_free);

sqlite3_stmt *
govorun_store_kept_statement (sqlite3     *db,
                              const char  *sql,
                              GError     **error)
{
  KeptStatements *kept = g_private_get (&kept_statements);
  sqlite3_stmt *stmt;

  if (kept == NULL || kept->db != db)
    {
      kept = g_new0 (KeptStatements, 1);
      kept->db = db;
      kept->stmts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) sqlite3_finalize);
      g_private_replace (&kept_statements, kept);
    }
  stmt = g_hash_table_lookup (kept->stmts, sql);
  if (stmt != NULL)
    return stmt;
  if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      govorun_store_set_sqlite_error (error, db);
      return NULL;
    }
  g_hash_table_insert (kept->stmts, (gpointer) sql, stmt);
  return stmt;
}

static void
drop_kept_statements (void)
{
  g_private_replace (&kept_statements, NULL);
}

static gpointer
writer_thread (gpointer data)
{
  GovorunStore *self = data;

  for (;;)
    {
      Job *job = g_async_queue_pop (self->jobs);
      JobKind kind = job->kind;

      if (kind == JOB_OPEN)
        run_open_job (self, g_steal_pointer (&job->task));
      else if (kind == JOB_WRITE)
        run_write_job (self, g_steal_pointer (&job->task));

      job_free (job);

      if (kind == JOB_QUIT)
        break;
    }

  /* Closing the last read-write connection checkpoints the WAL. */
  drop_kept_statements ();
  g_clear_pointer (&self->db, sqlite3_close_v2);
  return NULL;
}

/* --- read connections ---------------------------------------------------- */

static sqlite3 *
reader_acquire (GovorunStore  *self,
                GError       **error)
{
  sqlite3 *db = NULL;
  int rc;

  g_mutex_lock (&self->lock);
  if (self->idle_readers->len > 0)
    db = g_ptr_array_steal_index_fast (self->idle_readers, self->idle_readers->len - 1);
  g_mutex_unlock (&self->lock);

  if (db != NULL)
    return db;

  rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (error, GOVORUN_STORE_ERROR_READ, self->path, db, rc);
      g_clear_pointer (&db, sqlite3_close_v2);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  if (!_govorun_call_search_add_function (db))
    {
      set_error (error, GOVORUN_STORE_ERROR_READ, self->path, db, sqlite3_errcode (db));
      g_clear_pointer (&db, sqlite3_close_v2);
      return NULL;
    }
  if (!exec_sql (db, "PRAGMA foreign_keys = ON; PRAGMA query_only = ON; " READER_CACHE_PRAGMAS,
                 GOVORUN_STORE_ERROR_READ, error))
    {
      g_clear_pointer (&db, sqlite3_close_v2);
      return NULL;
    }

  return db;
}

static void
reader_release (GovorunStore *self,
                sqlite3      *db)
{
  g_mutex_lock (&self->lock);
  if (!self->closing && self->idle_readers->len < MAX_IDLE_READERS)
    {
      g_ptr_array_add (self->idle_readers, db);
      db = NULL;
    }
  g_mutex_unlock (&self->lock);

  if (db != NULL)
    sqlite3_close_v2 (db);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GovorunStore *self = source_object;
  g_autoptr(GError) error = NULL;
  GDestroyNotify destroy = NULL;
  gpointer result = NULL;
  sqlite3 *db = NULL;
  gboolean ok = FALSE;

  if (!g_cancellable_set_error_if_cancelled (cancellable, &error) &&
      (db = reader_acquire (self, &error)) != NULL)
    {
      /* A deferred transaction: the func sees one consistent snapshot even
       * across several statements while the writer commits beside it. */
      ok = run_func_in_transaction (db, "BEGIN", GOVORUN_STORE_ERROR_READ,
                                    task_data, cancellable, &result, &destroy, &error);
      reader_release (self, db);
    }

  g_mutex_lock (&self->lock);
  self->pending_reads--;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);

  if (ok)
    g_task_return_pointer (task, result, destroy);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* --- GObject ------------------------------------------------------------- */

static void
govorun_store_dispose (GObject *object)
{
  govorun_store_close (GOVORUN_STORE (object));

  G_OBJECT_CLASS (govorun_store_parent_class)->dispose (object);
}

static void
govorun_store_finalize (GObject *object)
{
  GovorunStore *self = GOVORUN_STORE (object);

  g_clear_pointer (&self->jobs, g_async_queue_unref);
  g_clear_pointer (&self->idle_readers, g_ptr_array_unref);
  g_free (self->path);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (govorun_store_parent_class)->finalize (object);
}

static void
govorun_store_class_init (GovorunStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_store_dispose;
  object_class->finalize = govorun_store_finalize;

  /* SQLite's memory statistics take a global mutex on every allocation
   * (about 6% of a 1M-contact import's CPU, perf); nothing reads them.
   * Only possible before SQLite initialises, which the first open does. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
}

static void
govorun_store_init (GovorunStore *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->jobs = g_async_queue_new_full ((GDestroyNotify) job_free);
  self->idle_readers = g_ptr_array_new ();
}

/**
 * govorun_store_new:
 * @path: the database file; its folder is created (mode 0700) on open
 *
 * Returns: (transfer full): a store; call govorun_store_open_async() next
 */
GovorunStore *
govorun_store_new (const char *path)
{
  GovorunStore *self;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);

  self = g_object_new (GOVORUN_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  return self;
}

const char *
govorun_store_get_path (GovorunStore *self)
{
  g_return_val_if_fail (GOVORUN_IS_STORE (self), NULL);

  return self->path;
}

/**
 * govorun_store_open_async:
 * @self: a #GovorunStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the database is open and migrated
 * @user_data: data for @callback
 *
 * Starts the writer thread, which creates the folder, opens the file,
 * switches on WAL and foreign keys and runs the migrations. Writes queued
 * after this call run once the open is done (and fail if it failed).
 */
void
govorun_store_open_async (GovorunStore        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GOVORUN_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_store_open_async);

  g_mutex_lock (&self->lock);
  if (self->closing || self->writer != NULL)
    {
      g_mutex_unlock (&self->lock);
      g_task_return_new_error (task, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_OPEN,
                               _("Could not open Govorun’s database at %s: %s. Check free disk space and permissions."),
                               self->path,
                               self->closing ? "the store is closed" : "the store is already open");
      return;
    }
  self->writer = g_thread_new ("govorun-store-writer", writer_thread, self);
  job_push (self, JOB_OPEN, task);
  g_mutex_unlock (&self->lock);
}

gboolean
govorun_store_open_finish (GovorunStore  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (GOVORUN_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_store_open_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * govorun_store_get_schema_version:
 * @self: a #GovorunStore
 *
 * Returns: the schema version after a successful open, 0 before
 */
guint
govorun_store_get_schema_version (GovorunStore *self)
{
  g_return_val_if_fail (GOVORUN_IS_STORE (self), 0);

  return (guint) g_atomic_int_get (&self->schema_version);
}

static GTask *
new_func_task (GovorunStore          *self,
               gpointer               source_tag,
               GovorunStoreWriteFunc  func,
               gpointer               data,
               GDestroyNotify         data_destroy,
               GCancellable          *cancellable,
               GAsyncReadyCallback    callback,
               gpointer               user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  FuncData *fd = g_new0 (FuncData, 1);

  g_task_set_source_tag (task, source_tag);
  fd->func = func;
  fd->data = data;
  fd->data_destroy = data_destroy;
  g_task_set_task_data (task, fd, func_data_free);
  return task;
}

/**
 * govorun_store_write_async:
 * @self: a #GovorunStore
 * @func: run on the writer thread inside BEGIN IMMEDIATE … COMMIT
 * @data: passed to @func
 * @data_destroy: (nullable): frees @data once the task is done
 * @cancellable: (nullable): cancelling before COMMIT rolls the write back
 *   and yields %G_IO_ERROR_CANCELLED; after COMMIT the write stands and
 *   its result is returned
 * @callback: called in the caller's main context
 * @user_data: data for @callback
 *
 * Queues a write. Writes run one at a time, in the order queued.
 */
void
govorun_store_write_async (GovorunStore          *self,
                           GovorunStoreWriteFunc  func,
                           gpointer               data,
                           GDestroyNotify         data_destroy,
                           GCancellable          *cancellable,
                           GAsyncReadyCallback    callback,
                           gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  gboolean accepting;

  g_return_if_fail (GOVORUN_IS_STORE (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = new_func_task (self, govorun_store_write_async, func, data, data_destroy,
                        cancellable, callback, user_data);
  /* The task reports what really happened to the database: a write that
   * committed is a success even if the cancellable fired meanwhile. */
  g_task_set_check_cancellable (task, FALSE);

  g_mutex_lock (&self->lock);
  accepting = self->writer != NULL && !self->closing;
  if (accepting)
    job_push (self, JOB_WRITE, task);
  g_mutex_unlock (&self->lock);

  if (!accepting)
    {
      g_autoptr(GError) error = NULL;

      set_not_open_error (&error, GOVORUN_STORE_ERROR_WRITE, self->path);
      g_task_return_error (task, g_steal_pointer (&error));
    }
}

/**
 * govorun_store_write_finish:
 * @self: a #GovorunStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): what the func returned; %NULL is a
 *   valid result, so check @error
 */
gpointer
govorun_store_write_finish (GovorunStore  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (GOVORUN_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_store_write_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * govorun_store_write_finish_boolean:
 * @self: a #GovorunStore
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes a write whose func leaves no result.
 *
 * Returns: %TRUE when the transaction was committed
 */
gboolean
govorun_store_write_finish_boolean (GovorunStore  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  GError *local = NULL;
  gpointer out = govorun_store_write_finish (self, result, &local);

  g_warn_if_fail (out == NULL);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  return TRUE;
}

/**
 * govorun_store_read_async:
 * @self: a #GovorunStore
 * @func: run on a worker thread with a read-only connection, inside one
 *   read transaction (a consistent snapshot)
 * @data: passed to @func
 * @data_destroy: (nullable): frees @data once the task is done
 * @cancellable: (nullable): interrupts a long query
 * @callback: called in the caller's main context
 * @user_data: data for @callback
 *
 * Reads run in parallel with each other and with the writer.
 */
void
govorun_store_read_async (GovorunStore          *self,
                          GovorunStoreWriteFunc  func,
                          gpointer               data,
                          GDestroyNotify         data_destroy,
                          GCancellable          *cancellable,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  gboolean accepting;

  g_return_if_fail (GOVORUN_IS_STORE (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = new_func_task (self, govorun_store_read_async, func, data, data_destroy,
                        cancellable, callback, user_data);

  g_mutex_lock (&self->lock);
  accepting = self->opened && !self->closing;
  if (accepting)
    self->pending_reads++;
  g_mutex_unlock (&self->lock);

  if (!accepting)
    {
      g_autoptr(GError) error = NULL;

      set_not_open_error (&error, GOVORUN_STORE_ERROR_READ, self->path);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_run_in_thread (task, read_thread);
}

/**
 * govorun_store_read_finish:
 * @self: a #GovorunStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): what the func returned; %NULL is a
 *   valid result, so check @error
 */
gpointer
govorun_store_read_finish (GovorunStore  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (GOVORUN_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_store_read_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * govorun_store_close:
 * @self: a #GovorunStore
 *
 * Stops taking work, waits for the reads and writes already queued (their
 * callbacks still run, from the caller's main context), then closes every
 * connection. Safe to call more than once. Blocks: call it at shutdown.
 */
void
govorun_store_close (GovorunStore *self)
{
  GThread *writer;

  g_return_if_fail (GOVORUN_IS_STORE (self));

  g_mutex_lock (&self->lock);
  if (self->closing)
    {
      g_mutex_unlock (&self->lock);
      return;
    }
  self->closing = TRUE;
  self->opened = FALSE;
  while (self->pending_reads > 0)
    g_cond_wait (&self->cond, &self->lock);
  /* Read connections first, so the writer's close can checkpoint the WAL
   * and remove it. */
  for (guint i = 0; i < self->idle_readers->len; i++)
    sqlite3_close_v2 (g_ptr_array_index (self->idle_readers, i));
  g_ptr_array_set_size (self->idle_readers, 0);
  writer = g_steal_pointer (&self->writer);
  if (writer != NULL)
    job_push (self, JOB_QUIT, NULL);
  g_mutex_unlock (&self->lock);

  if (writer != NULL)
    g_thread_join (writer);
}
