/* call-test-data.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "call-test-data.h"
#include "govorun-store-private.h"
#include "govorun-call-records.h"
#include "store-test-util.h"

const char * const call_test_lines[] = {
  "Здравствуйте, клиника «Здоровье», чем могу помочь?",
  "Хочу записаться на приём к терапевту на пятницу.",
  "Гостиница «Волга», администратор слушает.",
  "Забронируйте, пожалуйста, номер на двоих с видом на реку.",
  "Автосервис, добрый день. Что случилось с машиной?",
  "Стучит подвеска, нужна диагностика ходовой.",
  "Спасибо за звонок, всего доброго!",
};

guint
call_test_n_lines (void)
{
  return G_N_ELEMENTS (call_test_lines);
}

static gboolean
is_answered (guint i)
{
  return i % 5 != 3;
}

gboolean
call_test_has_line (guint i,
                    guint line)
{
  guint n = G_N_ELEMENTS (call_test_lines);

  return is_answered (i) && (line + n - i % n) % n < 3;
}

/* A name per call makes a phrase that only a few calls share, as in real
 * history (the dialogue lines are shared by a third of the calls each). */
static const char * const first_names[] = {
  "Анна", "Борис", "Вера", "Глеб", "Дарья", "Егор", "Жанна", "Зиновий", "Ирина", "Кирилл",
  "Лидия", "Матвей", "Нина", "Олег", "Полина", "Родион", "Светлана", "Тимофей", "Ульяна", "Фёдор",
};
static const char * const surnames[] = {
  "Алексеев", "Белов", "Воронин", "Григорьев", "Данилов", "Ершов", "Жуков", "Зайцев",
  "Исаев", "Комаров", "Лебедев", "Морозов", "Никитин", "Орлов", "Павлов", "Романов",
  "Соколов", "Тарасов", "Уваров", "Фролов", "Чернов", "Шубин", "Щукин", "Яковлев",
  "Субботин",
};

char *
call_test_caller_name (guint i)
{
  return g_strdup_printf ("%s %s", first_names[i % G_N_ELEMENTS (first_names)],
                          surnames[(i / G_N_ELEMENTS (first_names)) % G_N_ELEMENTS (surnames)]);
}

GovorunCallRecord *
call_test_make (guint    i,
                gboolean with_transcript)
{
  static const char * const agents[] = { "agent-clinic", "agent-hotel", "agent-garage" };
  GovorunCallRecord *record = govorun_call_record_new ();
  g_autofree char *conversation = g_strdup_printf ("conv_%u", i);
  g_autofree char *from = g_strdup_printf ("7916%07u", i % 10000000);
  gboolean answered = is_answered (i);

  govorun_call_record_set_vox_session_id (record, 1000000 + (gint64) i);
  govorun_call_record_set_vox_call_id (record, 5000000 + (gint64) i);
  govorun_call_record_set_direction (record, i % 4 == 0 ? GOVORUN_CALL_DIRECTION_OUTBOUND
                                                         : GOVORUN_CALL_DIRECTION_INBOUND);
  govorun_call_record_set_from_number (record, from);
  govorun_call_record_set_to_number (record, "74951234567");
  /* Spread over 90 days, not in id order; calls 2k and 2k + 1 start
   * together, so ties are broken by row. */
  govorun_call_record_set_started_at (record, CALL_TEST_BASE_TIME
                                      + (gint64) (((guint64) (i / 2) * 1000003u) % 7776000u) / 60 * 60);
  govorun_call_record_set_agent_uuid (record, agents[i % G_N_ELEMENTS (agents)]);
  govorun_call_record_set_finish_reason (record, answered ? "Normal call clearing" : "No answer");
  govorun_call_record_set_status (record, answered ? GOVORUN_CALL_STATUS_ANSWERED
                                                   : GOVORUN_CALL_STATUS_NO_ANSWER);
  govorun_call_record_set_duration (record, answered ? 15 + (i * 37) % 600 : 0);
  govorun_call_record_set_vox_cost (record, answered ? 1.5 * (1 + i % 7) : 0, "RUB");
  govorun_call_record_set_has_recording (record, answered);
  if (answered)
    {
      govorun_call_record_set_el_conversation_id (record, conversation);
      govorun_call_record_set_success (record, i % 3 == 0 ? GOVORUN_CALL_SUCCESS_FAILURE
                                                          : GOVORUN_CALL_SUCCESS_SUCCESS);
      govorun_call_record_set_el_cost (record, 100 + i % 50, "credits");
      govorun_call_record_set_summary (record, "Клиент записался на приём.");
    }

  if (answered && with_transcript)
    {
      g_autoptr(GPtrArray) turns = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_call_turn_free);

      for (guint t = 0; t < 3; t++)
        g_ptr_array_add (turns, govorun_call_turn_new (t % 2 == 0 ? GOVORUN_CALL_ROLE_AGENT
                                                                  : GOVORUN_CALL_ROLE_CALLER,
                                                       call_test_lines[(i + t) % G_N_ELEMENTS (call_test_lines)],
                                                       t * 4000));
      {
        g_autofree char *name = call_test_caller_name (i);
        g_autofree char *line = g_strdup_printf ("Меня зовут %s.", name);

        g_ptr_array_add (turns, govorun_call_turn_new (GOVORUN_CALL_ROLE_CALLER, line, 12000));
      }
      govorun_call_record_set_transcript (record, turns);
    }
  return record;
}

void
call_test_fill (GovorunStore *store,
                guint         first,
                guint         n,
                guint         page_size,
                gboolean      with_transcript)
{
  for (guint start = first; start < first + n; start += page_size)
    {
      g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      for (guint i = start; i < MIN (first + n, start + page_size); i++)
        g_ptr_array_add (page, call_test_make (i, with_transcript));
      govorun_call_records_upsert_async (store, page, NULL, NULL, test_util_on_result, &result);
      g_assert_true (govorun_call_records_upsert_finish (store, test_util_wait (&result),
                                                         &error));
      g_assert_no_error (error);
    }
}

const char *
call_test_urgency (guint i)
{
  static const char * const urgency[] = { "высокая", "обычная", "низкая" };

  return urgency[i % G_N_ELEMENTS (urgency)];
}

GovorunCallRecord *
call_test_make_analysis (guint i)
{
  GovorunCallRecord *record = govorun_call_record_new ();
  g_autoptr(GovorunCallInfo) info = govorun_call_info_new ();
  g_autofree char *conversation = g_strdup_printf ("conv_%u", i);
  g_autofree char *date = g_strdup_printf ("2025-12-%02u", 1 + i % 28);

  govorun_call_record_set_el_conversation_id (record, conversation);
  info->analysis = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_call_analysis_item_free);
  g_ptr_array_add (info->analysis,
                   govorun_call_analysis_item_new (GOVORUN_CALL_ANALYSIS_EVALUATION, "goal_reached",
                                                   i % 3 != 0 ? "success" : "failure",
                                                   "Клиента записали."));
  g_ptr_array_add (info->analysis,
                   govorun_call_analysis_item_new (GOVORUN_CALL_ANALYSIS_DATA, "appointment_date",
                                                   i % 2 == 0 ? date : NULL, NULL));
  g_ptr_array_add (info->analysis,
                   govorun_call_analysis_item_new (GOVORUN_CALL_ANALYSIS_DATA, "urgency",
                                                   call_test_urgency (i), "Со слов клиента."));
  govorun_call_record_set_info (record, info);
  return record;
}

void
call_test_fill_analysis (GovorunStore *store,
                         guint         first,
                         guint         n)
{
  g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = first; i < first + n; i++)
    if (call_test_is_answered (i))
      g_ptr_array_add (page, call_test_make_analysis (i));
  govorun_call_records_upsert_async (store, page, NULL, NULL, test_util_on_result, &result);
  g_assert_true (govorun_call_records_upsert_finish (store, test_util_wait (&result), &error));
  g_assert_no_error (error);
}

gboolean
call_test_is_answered (guint i)
{
  return is_answered (i);
}

/* Calls [first, first + n) as call_test_make () makes them (numbers,
 * times, statuses, costs, transcript text in the search index), written
 * by SQL in one statement per table: only the queries are measured over
 * them, and a million rows through any per-row path take long on a busy
 * machine. The transcript turns themselves are left out (only the details
 * view reads them). */
static const char fill_sql[] =
  "WITH RECURSIVE n(i) AS (SELECT ?1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2)"
  " INSERT INTO calls (vox_session_id, vox_call_id, el_conversation_id, agent_uuid, direction,"
  " from_number, to_number, started_at, duration, status, finish_reason, success, vox_cost,"
  " vox_currency, el_cost, el_currency, cost_total, has_recording, summary)"
  " SELECT 1000000 + i, 5000000 + i, IIF (i % 5 <> 3, 'conv_' || i, NULL),"
  " CASE i % 3 WHEN 0 THEN 'agent-clinic' WHEN 1 THEN 'agent-hotel' ELSE 'agent-garage' END,"
  " IIF (i % 4 = 0, 2, 1), printf ('7916%07d', i % 10000000), '74951234567',"
  " ?3 + ((i / 2) * 1000003 % 7776000) / 60 * 60,"
  " IIF (i % 5 <> 3, 15 + (i * 37) % 600, 0), IIF (i % 5 <> 3, 1, 2),"
  " IIF (i % 5 <> 3, 'Normal call clearing', 'No answer'),"
  " IIF (i % 5 <> 3, IIF (i % 3 = 0, 2, 1), 0), IIF (i % 5 <> 3, 1.5 * (1 + i % 7), 0), 'RUB',"
  " IIF (i % 5 <> 3, 100 + i % 50, NULL), IIF (i % 5 <> 3, 'credits', NULL),"
  " IIF (i % 5 <> 3, 1.5 * (1 + i % 7) + 100 + i % 50, 0), i % 5 <> 3,"
  " IIF (i % 5 <> 3, 'Клиент записался на приём.', NULL) FROM n";

static const char fill_fts_sql[] =
  "WITH RECURSIVE n(i) AS (SELECT ?1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2),"
  " lines(k, line) AS (VALUES (0, ?4), (1, ?5), (2, ?6), (3, ?7), (4, ?8), (5, ?9), (6, ?10))"
  " INSERT INTO calls_fts (rowid, numbers, transcript)"
  " SELECT c.id, printf ('7916%07d 8916%07d 74951234567 84951234567', n.i % 10000000, n.i % 10000000),"
  "  IIF (n.i % 5 <> 3, (SELECT group_concat (line, char (10)) FROM lines"
  "   WHERE (k + 7 - n.i % 7) % 7 < 3) || char (10) || 'Меня зовут ' || ?11, NULL)"
  " FROM n JOIN calls c ON c.vox_session_id = 1000000 + n.i";

/* For the debt mode's preflight: call k goes to +7 916 <(7k) mod ?4>,
 * outbound but 1 in 10, answered but 1 in 3, at most 40 days before ?3. */
static const char fill_debtors_sql[] =
  "WITH RECURSIVE n(i) AS (SELECT ?1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2)"
  " INSERT INTO calls (vox_session_id, direction, from_number, to_number, started_at, duration, status)"
  " SELECT 1000000 + i, IIF (i % 10 = 0, 1, 2), '74993334455', printf ('7916%07d', (i * 7) % ?4),"
  " ?3 - 1 - (i * 86413) % 3456000, IIF (i % 3 = 0, 0, 60), IIF (i % 3 = 0, 2, 1) FROM n";

typedef struct
{
  guint        first;
  guint        last;
  const char  *sql;
  gint64       base;     /* ?3 */
  gint64       extra;    /* ?4 when the statement has it */
  gboolean     with_fts;
} FillRange;

static gboolean
sql_fill (sqlite3         *db,
          gpointer         data,
          gpointer        *out_result,
          GDestroyNotify  *out_result_destroy,
          GError         **error)
{
  FillRange *range = data;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, range->sql, -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_int64 (stmt, 1, range->first);
  sqlite3_bind_int64 (stmt, 2, range->last);
  sqlite3_bind_int64 (stmt, 3, range->base);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    sqlite3_bind_int64 (stmt, 4, range->extra);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      return govorun_store_set_sqlite_error (error, db);
    }
  sqlite3_finalize (stmt);
  if (!range->with_fts)
    return TRUE;

  /* The name makes each call's search text its own; a name per call in
   * SQL would need the tables of call-test-data.c, so a number stands in. */
  if (sqlite3_prepare_v2 (db, fill_fts_sql, -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_int64 (stmt, 1, range->first);
  sqlite3_bind_int64 (stmt, 2, range->last);
  for (guint k = 0; k < 7; k++)
    sqlite3_bind_text (stmt, 4 + k, call_test_lines[k], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, "абонент", -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      return govorun_store_set_sqlite_error (error, db);
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

static void
fill_ranges (GovorunStore    *store,
             const FillRange *how,
             guint            first,
             guint            last)
{
  for (guint start = first; start < last; start += 100000)
    {
      FillRange range = *how;
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      range.first = start;
      range.last = MIN (last, start + 100000) - 1;
      govorun_store_write_async (store, sql_fill, g_memdup2 (&range, sizeof range), g_free, NULL,
                                 test_util_on_result, &result);
      govorun_store_write_finish (store, test_util_wait (&result), &error);
      if (error != NULL)
        g_error ("%s", error->message);
    }
}

void
call_test_fill_by_sql (GovorunStore *store,
                       guint         first,
                       guint         last)
{
  FillRange how = { 0, 0, fill_sql, CALL_TEST_BASE_TIME, 0, TRUE };

  fill_ranges (store, &how, first, last);
}

void
call_test_fill_debtors_by_sql (GovorunStore *store,
                               guint         n,
                               guint         numbers,
                               gint64        before)
{
  FillRange how = { 0, 0, fill_debtors_sql, before, MAX (numbers, 1), FALSE };

  fill_ranges (store, &how, 0, n);
}
