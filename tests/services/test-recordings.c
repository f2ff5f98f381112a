/* test-recordings.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <utime.h>
#include <glib/gstdio.h>

#include "govorun-call-history.h"
#include "govorun-call-records.h"
#include "govorun-elevenlabs-emulator.h"
#include "govorun-recordings-private.h"
#include "govorun-voximplant-credentials.h"
#include "govorun-voximplant-emulator.h"
#include "sandbox-services.h"

/* GovorunRecordings against the emulators: the Voximplant recording in
 * Range pieces (with the service account's JWT when the storage is
 * secure), ElevenLabs' audio, a fault in the middle of a download that
 * leaves no recording to play and resumes, the cache bound, and nothing of
 * a key or a URL in the cache folder. */

#define RECORD_METHOD "GET /records/"
#define SMALL_CHUNK (16 * 1024)
#define MB (1024 * 1024)

typedef struct
{
  SandboxServices             s;
  GovorunVoximplantEmulator  *vox_emu;
  GovorunElevenlabsEmulator  *el_emu;
  GovorunCallHistory         *history;
  GovorunRecordings          *recordings;
  GovorunAccount             *vox_account;
  GovorunAccount             *el_account;
  char                       *cache_dir;
  /* a fault to add after the first piece arrives */
  gboolean                    fault_after_first;
  guint                       progress_calls;
  gint64                      last_total;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GovorunAccount) vox = govorun_account_new (GOVORUN_ACCOUNT_KIND_VOXIMPLANT);
  g_autoptr(GovorunAccount) el = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  g_autofree char *account_id = g_strdup_printf ("%d", GOVORUN_SANDBOX_VOX_ACCOUNT_ID);

  sandbox_services_start (&f->s);
  f->vox_emu = govorun_sandbox_get_voximplant (f->s.sandbox);
  f->el_emu = govorun_sandbox_get_elevenlabs (f->s.sandbox);
  f->history = govorun_call_history_new (11, 400, 20, g_get_real_time () / G_USEC_PER_SEC);
  govorun_call_history_add_agent (f->history, "agent_recordings", GOVORUN_SANDBOX_DEMO_NUMBER,
                                  GOVORUN_HISTORY_DOMAIN_CLINIC, FALSE);
  govorun_voximplant_emulator_set_call_history (f->vox_emu, GOVORUN_SANDBOX_VOX_ACCOUNT_ID, f->history);
  govorun_elevenlabs_emulator_set_call_history (f->el_emu, f->history);

  govorun_account_set_display_name (vox, "Clinic");
  govorun_account_set_vox_auth (vox, GOVORUN_VOXIMPLANT_AUTH_API_KEY);
  govorun_account_set_vox_account_id (vox, account_id);
  f->vox_account = sandbox_services_add_account (&f->s, vox, GOVORUN_SANDBOX_VOX_API_KEY);
  govorun_account_set_display_name (el, "Voice");
  f->el_account = sandbox_services_add_account (&f->s, el, GOVORUN_SANDBOX_EL_API_KEY);

  f->cache_dir = g_build_filename (f->s.dir, "cache", "recordings", NULL);
  f->recordings = govorun_recordings_new (f->s.store, f->s.factory, f->s.accounts,
                                          govorun_services_get_agents (f->s.services), f->cache_dir);
  _govorun_recordings_set_chunk (f->recordings, SMALL_CHUNK);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->cache_dir != NULL)
    test_util_rm_rf (f->cache_dir);
  g_free (f->cache_dir);
  g_clear_object (&f->recordings);
  g_clear_object (&f->vox_account);
  g_clear_object (&f->el_account);
  g_clear_object (&f->history);
  sandbox_services_stop (&f->s);
}

/* An answered call of the history with a recording and a conversation. */
static void
find_call (Fixture            *f,
           GovorunHistoryCall *call)
{
  gint64 lo = govorun_call_history_index_at (f->history, govorun_call_history_get_start (f->history));
  gint64 hi = govorun_call_history_index_at (f->history, govorun_call_history_get_end (f->history));

  for (gint64 i = hi - 1; i >= lo; i--)
    if (govorun_call_history_get_call (f->history, i, 0, call) && call->record_id != 0 &&
        call->conversation_id[0] != '\0' && call->talk_secs >= 20)
      return;
  g_assert_not_reached ();
}

static char *
record_url (Fixture                  *f,
            const GovorunHistoryCall *call)
{
  return g_strdup_printf ("%s/records/%d/%" G_GINT64_FORMAT ".wav",
                          govorun_emulator_get_base_url (GOVORUN_EMULATOR (f->vox_emu)),
                          GOVORUN_SANDBOX_VOX_ACCOUNT_ID, call->record_id);
}

/* Stores @call as the sync would and reads it back as the details do. */
static GovorunCallRecord *
store_call (Fixture                  *f,
            const GovorunHistoryCall *call,
            GovorunAccount           *vox_account,
            gboolean                  with_record_url,
            gboolean                  with_el_audio)
{
  g_autoptr(GovorunCallRecord) record = govorun_call_record_new ();
  g_autoptr(GovorunCallInfo) details = govorun_call_info_new ();
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GovorunCallRecord *fetched;

  govorun_call_record_set_vox_session_id (record, call->session_id);
  govorun_call_record_set_el_conversation_id (record, call->conversation_id);
  govorun_call_record_set_started_at (record, call->start);
  govorun_call_record_set_has_recording (record, with_record_url);
  details->vox_account_uuid = g_strdup (govorun_account_get_uuid (vox_account));
  details->el_account_uuid = g_strdup (govorun_account_get_uuid (f->el_account));
  details->record_url = with_record_url ? record_url (f, call) : NULL;
  details->el_has_audio = with_el_audio;
  govorun_call_record_set_info (record, details);
  g_ptr_array_add (records, g_object_ref (record));
  govorun_call_records_upsert_async (f->s.store, records, NULL, NULL, test_util_on_result, &result);
  g_assert_true (govorun_call_records_upsert_finish (f->s.store, test_util_wait (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  govorun_recordings_fetch_call_async (f->recordings, govorun_call_record_get_id (record), NULL,
                                       test_util_on_result, &result);
  fetched = govorun_recordings_fetch_call_finish (f->recordings, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (govorun_call_record_get_info (fetched));
  return fetched;
}

static void
on_progress (goffset  current,
             goffset  total,
             gpointer data)
{
  Fixture *f = data;

  f->progress_calls++;
  f->last_total = total;
  g_assert_cmpint (current, >, 0);
  if (f->fault_after_first)
    {
      GovorunFault fault = { .http_status = 503, .times = -1 };

      f->fault_after_first = FALSE;
      govorun_emulator_add_fault (GOVORUN_EMULATOR (f->vox_emu), RECORD_METHOD, &fault);
    }
}

static char *
download (Fixture            *f,
          GovorunCallRecord  *call,
          GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_recordings_download_async (f->recordings, call, on_progress, f, NULL,
                                     test_util_on_result, &result);
  return govorun_recordings_download_finish (f->recordings, test_util_wait (&result), error);
}

static void
assert_audio (Fixture                  *f,
              const GovorunHistoryCall *call,
              const char               *path)
{
  g_autoptr(GBytes) expected = govorun_call_history_render_audio (f->history, call);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, g_bytes_get_size (expected));
  g_assert_cmpint (memcmp (contents, g_bytes_get_data (expected, NULL), length), ==, 0);
}

/* Every file in the cache is named by a hash, holds audio, and nothing in
 * it is a key, a token or the URL. */
static void
assert_clean_cache (Fixture    *f,
                    const char *secret)
{
  g_autoptr(GDir) dir = g_dir_open (f->cache_dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->cache_dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      n++;
      g_assert_true (g_regex_match_simple ("^[0-9a-f]{64}\\.audio(\\.part)?$", name, 0, 0));
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_null (g_strstr_len (contents, length, secret));
      g_assert_null (g_strstr_len (contents, length, "Bearer"));
      g_assert_null (g_strstr_len (contents, length, "/records/"));
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_voximplant (Fixture       *f,
                 gconstpointer  data)
{
  GovorunHistoryCall hc;
  g_autoptr(GovorunCallRecord) call = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *again = NULL;
  g_autofree char *looked_up = NULL;
  guint requests;

  find_call (f, &hc);
  call = store_call (f, &hc, f->vox_account, TRUE, TRUE);
  g_assert_true (govorun_recordings_has_audio (f->recordings, call));
  g_assert_null (govorun_recordings_lookup (f->recordings, call));

  govorun_emulator_reset_counts (GOVORUN_EMULATOR (f->vox_emu));
  path = download (f, call, &error);
  g_assert_no_error (error);
  assert_audio (f, &hc, path);
  requests = govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->vox_emu), RECORD_METHOD);
  /* In Range pieces, with progress after each. */
  g_assert_cmpuint (requests, >, 1);
  g_assert_cmpuint (f->progress_calls, ==, requests);
  g_assert_cmpint (f->last_total, ==, hc.talk_secs * 16000 + 44);
  g_assert_true (g_str_has_prefix (path, f->cache_dir));

  /* Once: the second time comes from the cache. */
  again = download (f, call, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, path);
  g_assert_cmpuint (govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->vox_emu), RECORD_METHOD), ==,
                    requests);
  looked_up = govorun_recordings_lookup (f->recordings, call);
  g_assert_cmpstr (looked_up, ==, path);
  assert_clean_cache (f, GOVORUN_SANDBOX_VOX_API_KEY);
}

static void
test_secure_storage (Fixture       *f,
                     gconstpointer  data)
{
  GovorunHistoryCall hc;
  g_autoptr(GovorunCallRecord) refused = NULL;
  g_autoptr(GovorunCallRecord) call = NULL;
  g_autoptr(GovorunAccount) draft = govorun_account_new (GOVORUN_ACCOUNT_KIND_VOXIMPLANT);
  g_autoptr(GovorunAccount) service = NULL;
  g_autoptr(GovorunVoximplantCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *path = NULL;
  g_autofree char *account_id = g_strdup_printf ("%d", GOVORUN_SANDBOX_VOX_ACCOUNT_ID);

  find_call (f, &hc);
  govorun_voximplant_emulator_set_secure_records (f->vox_emu, GOVORUN_SANDBOX_VOX_ACCOUNT_ID, TRUE);

  /* The API key cannot fetch from secure storage: a clear error, no file. */
  refused = store_call (f, &hc, f->vox_account, TRUE, FALSE);
  path = download (f, refused, &error);
  g_assert_null (path);
  g_assert_error (error, GOVORUN_RECORDINGS_ERROR, GOVORUN_RECORDINGS_ERROR_DOWNLOAD);
  g_assert_nonnull (strstr (error->message, "secure storage"));
  g_assert_nonnull (strstr (error->message, "HTTP 401"));
  g_test_message ("refused: %s", error->message);
  g_clear_error (&error);
  g_assert_null (govorun_recordings_lookup (f->recordings, refused));

  /* The service account's JWT can. */
  key = govorun_voximplant_emulator_create_key (f->vox_emu, GOVORUN_SANDBOX_VOX_ACCOUNT_ID, &error);
  g_assert_no_error (error);
  credentials = govorun_voximplant_credentials_new_from_data (key, -1, &error);
  g_assert_no_error (error);
  govorun_account_set_display_name (draft, "Clinic (service account)");
  govorun_account_set_vox_auth (draft, GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT);
  govorun_account_set_vox_account_id (draft, account_id);
  govorun_account_set_vox_key_id (draft, govorun_voximplant_credentials_get_key_id (credentials));
  service = sandbox_services_add_account (&f->s, draft, key);
  call = store_call (f, &hc, service, TRUE, FALSE);
  path = download (f, call, &error);
  g_assert_no_error (error);
  assert_audio (f, &hc, path);

  /* Neither the key file's private key nor the API key is in the cache. */
  {
    g_autofree char *private_key = NULL;
    const char *begin = strstr (key, "MII");

    g_assert_nonnull (begin);
    private_key = g_strndup (begin, 40);
    assert_clean_cache (f, private_key);
    assert_clean_cache (f, GOVORUN_SANDBOX_VOX_API_KEY);
  }
}

static guint
count_files (Fixture    *f,
             const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (f->cache_dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix))
      n++;
  return n;
}

static void
test_fault_mid_download (Fixture       *f,
                         gconstpointer  data)
{
  GovorunHistoryCall hc;
  g_autoptr(GovorunCallRecord) call = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint first_run, second_run, pieces;

  find_call (f, &hc);
  call = store_call (f, &hc, f->vox_account, TRUE, FALSE);
  pieces = (hc.talk_secs * 16000 + 44 + SMALL_CHUNK - 1) / SMALL_CHUNK;
  g_assert_cmpuint (pieces, >, 3);

  govorun_emulator_reset_counts (GOVORUN_EMULATOR (f->vox_emu));
  f->fault_after_first = TRUE;
  path = download (f, call, &error);
  g_assert_null (path);
  g_assert_error (error, GOVORUN_RECORDINGS_ERROR, GOVORUN_RECORDINGS_ERROR_DOWNLOAD);
  g_clear_error (&error);
  first_run = govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->vox_emu), RECORD_METHOD);

  /* Half a recording is never served as one. */
  g_assert_null (govorun_recordings_lookup (f->recordings, call));
  g_assert_cmpuint (count_files (f, ".audio"), ==, 0);
  g_assert_cmpuint (count_files (f, ".part"), ==, 1);

  /* It resumes where it stopped: the first piece is not fetched again. */
  govorun_emulator_clear_faults (GOVORUN_EMULATOR (f->vox_emu));
  govorun_emulator_reset_counts (GOVORUN_EMULATOR (f->vox_emu));
  path = download (f, call, &error);
  g_assert_no_error (error);
  assert_audio (f, &hc, path);
  second_run = govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->vox_emu), RECORD_METHOD);
  g_assert_cmpuint (second_run, ==, pieces - 1);
  g_assert_cmpuint (first_run, >, 1);
  g_assert_cmpuint (count_files (f, ".part"), ==, 0);
  g_assert_cmpuint (count_files (f, ".audio"), ==, 1);
}

static void
test_elevenlabs (Fixture       *f,
                 gconstpointer  data)
{
  GovorunHistoryCall hc;
  g_autoptr(GovorunCallRecord) call = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  find_call (f, &hc);
  /* No Voximplant recording: ElevenLabs' audio of the conversation. */
  call = store_call (f, &hc, f->vox_account, FALSE, TRUE);
  g_assert_true (govorun_recordings_has_audio (f->recordings, call));
  path = download (f, call, &error);
  g_assert_no_error (error);
  assert_audio (f, &hc, path);
  g_assert_cmpuint (govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->vox_emu), RECORD_METHOD), ==, 0);
  assert_clean_cache (f, GOVORUN_SANDBOX_EL_API_KEY);
}

static void
test_no_recording (Fixture       *f,
                   gconstpointer  data)
{
  GovorunHistoryCall hc;
  g_autoptr(GovorunCallRecord) call = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  find_call (f, &hc);
  call = store_call (f, &hc, f->vox_account, FALSE, FALSE);
  g_assert_false (govorun_recordings_has_audio (f->recordings, call));
  path = download (f, call, &error);
  g_assert_null (path);
  g_assert_error (error, GOVORUN_RECORDINGS_ERROR, GOVORUN_RECORDINGS_ERROR_NO_RECORDING);
}

static void
write_sized (const char *path,
             gsize       size,
             gint64      mtime)
{
  g_autofree char *data = g_malloc0 (size);
  struct utimbuf times = { mtime, mtime };

  g_assert_true (g_file_set_contents (path, data, size, NULL));
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

static void
test_cache_bound (Fixture       *f,
                  gconstpointer  data)
{
  GovorunHistoryCall hc;
  g_autoptr(GovorunCallRecord) call = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *used = NULL;
  char *old[3] = { NULL, };
  g_autofree char *part = g_build_filename (f->cache_dir, "partial.audio.part", NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  find_call (f, &hc);
  call = store_call (f, &hc, f->vox_account, TRUE, FALSE);
  path = download (f, call, &error);
  g_assert_no_error (error);

  /* Three older recordings of 1 MB, and a part being written. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("%064x.audio", i);

      old[i] = g_build_filename (f->cache_dir, name, NULL);
      write_sized (old[i], MB, now - 3600 + i * 60);
    }
  write_sized (part, MB / 20, now - 7200);
  {
    struct utimbuf times = { now - 1800, now - 1800 };

    g_assert_cmpint (g_utime (path, &times), ==, 0);
  }
  /* Playing the call's recording makes it the most recently used. */
  used = govorun_recordings_lookup (f->recordings, call);
  g_assert_cmpstr (used, ==, path);

  /* Room for the played one and one more: the oldest go first until the
   * folder fits; the part and the one just played stay. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_size % MB, <, MB - MB / 20);
    govorun_recordings_set_cache_limit_mb (f->recordings, st.st_size / MB + 2);
  }
  g_assert_false (g_file_test (old[0], G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old[1], G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (old[2], G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (part, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A limit below one recording keeps only what is being played. */
  govorun_recordings_set_cache_limit_mb (f->recordings, 0);
  g_assert_false (g_file_test (old[2], G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (part, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < 3; i++)
    g_free (old[i]);
}

/* After a real sync from the emulators, a call's details know its
 * recording and the account, and the recording downloads. */
static void
test_after_sync (Fixture       *f,
                 gconstpointer  data)
{
  GovorunCallSync *sync = govorun_services_get_call_sync (f->s.services);
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GovorunCallRecord) call = NULL;
  g_autofree char *path = NULL;
  const GovorunCallInfo *info;
  GovorunHistoryCall hc;
  gint64 id = 0;

  find_call (f, &hc);
  govorun_call_sync_run_async (sync, NULL, test_util_on_result, &result);
  g_assert_true (govorun_call_sync_run_finish (sync, test_util_wait (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  govorun_call_records_fetch_page_async (f->s.store, filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE, NULL,
                                         0, 1000, FALSE, NULL, test_util_on_result, &result);
  rows = govorun_call_records_fetch_page_finish (f->s.store, test_util_wait (&result), NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    if (govorun_call_record_get_vox_session_id (g_ptr_array_index (rows, i)) == hc.session_id)
      id = govorun_call_record_get_id (g_ptr_array_index (rows, i));
  g_assert_cmpint (id, >, 0);
  g_clear_object (&result);

  govorun_recordings_fetch_call_async (f->recordings, id, NULL, test_util_on_result, &result);
  call = govorun_recordings_fetch_call_finish (f->recordings, test_util_wait (&result), &error);
  g_assert_no_error (error);
  info = govorun_call_record_get_info (call);
  g_assert_nonnull (info);
  g_assert_nonnull (info->record_url);
  g_assert_cmpstr (info->vox_account_uuid, ==, govorun_account_get_uuid (f->vox_account));
  g_assert_nonnull (info->end_reason);
  g_assert_true (govorun_call_record_get_transcript (call)->len > 0);

  path = download (f, call, &error);
  g_assert_no_error (error);
  assert_audio (f, &hc, path);
}

#define ADD(name, func) \
  g_test_add ("/recordings/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("voximplant", test_voximplant);
  ADD ("secure-storage", test_secure_storage);
  ADD ("fault-mid-download", test_fault_mid_download);
  ADD ("elevenlabs", test_elevenlabs);
  ADD ("no-recording", test_no_recording);
  ADD ("cache-bound", test_cache_bound);
  ADD ("after-sync", test_after_sync);
  return g_test_run ();
}
