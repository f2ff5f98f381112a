/* test-do-not-call.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestDoNotCall"

#include "config.h"

#include <xlsxwriter.h>

#include "govorun-do-not-call.h"
#include "store-test-util.h"

typedef struct
{
  char             *dir;
  GovorunStore     *store;
  GovorunDoNotCall *list;
} Fixture;

static GovorunDoNotCall *
open_list (GovorunStore *store)
{
  g_autoptr(GovorunDoNotCall) list = govorun_do_not_call_new (store);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  govorun_do_not_call_load_async (list, NULL, test_util_on_result, &result);
  g_assert_true (govorun_do_not_call_load_finish (list, test_util_wait (&result), &error));
  g_assert_no_error (error);
  g_assert_true (govorun_do_not_call_get_loaded (list));
  return g_steal_pointer (&list);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = test_util_make_tmp_dir ("govorun-test-dnc-XXXXXX");
  path = g_build_filename (f->dir, "govorun.db", NULL);
  f->store = store_test_open (path);
  f->list = open_list (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->list);
  govorun_store_close (f->store);
  g_clear_object (&f->store);
  test_util_rm_rf (f->dir);
  g_free (f->dir);
}

static gboolean
add (Fixture     *f,
     const char  *number,
     const char  *note,
     GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_do_not_call_add_async (f->list, number, note, NULL, test_util_on_result, &result);
  return govorun_do_not_call_add_finish (f->list, test_util_wait (&result), error);
}

static GovorunDoNotCallImport *
import (Fixture     *f,
        const char  *path,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  govorun_do_not_call_import_async (f->list, file, NULL, NULL, test_util_on_result, &result);
  return govorun_do_not_call_import_finish (f->list, test_util_wait (&result), error);
}

static char *
model_numbers (GovorunDoNotCall *list)
{
  GListModel *model = govorun_do_not_call_get_model (list);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GovorunDoNotCallEntry) entry = g_list_model_get_item (model, i);
      const char *note = govorun_do_not_call_entry_get_note (entry);

      g_assert_cmpint (govorun_do_not_call_entry_get_added_at (entry), >, 0);
      g_string_append_printf (out, "%s%s%s%s", i > 0 ? " " : "",
                              govorun_do_not_call_entry_get_number (entry),
                              note != NULL ? "=" : "", note != NULL ? note : "");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_add_remove (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GovorunDoNotCall) again = NULL;
  g_autofree char *numbers = NULL;
  const char *remove[] = { "+79161234567", NULL };

  g_assert_true (add (f, "8 916 123-45-67", "asked not to call", &error));
  g_assert_no_error (error);
  g_assert_true (add (f, "+44 20 7946 0958", NULL, &error));
  /* The same number written another way is the same entry. */
  g_assert_true (add (f, "+7 (916) 123 45 67", "again", &error));
  g_assert_false (add (f, "12", NULL, &error));
  g_assert_error (error, GOVORUN_DO_NOT_CALL_ERROR, GOVORUN_DO_NOT_CALL_ERROR_INVALID_NUMBER);
  g_assert_cmpstr (error->message, ==, "The number is too short.");
  g_clear_error (&error);

  g_assert_true (govorun_do_not_call_contains (f->list, "+79161234567"));
  g_assert_true (govorun_do_not_call_contains (f->list, "+442079460958"));
  g_assert_false (govorun_do_not_call_contains (f->list, "+79031234567"));
  g_assert_cmpuint (g_list_model_get_n_items (govorun_do_not_call_get_model (f->list)), ==, 2);

  /* Kept in the store: a second service reads the same list. */
  again = open_list (f->store);
  numbers = model_numbers (again);
  g_assert_true (g_str_equal (numbers, "+442079460958 +79161234567=asked not to call")
                 || g_str_equal (numbers, "+79161234567=asked not to call +442079460958"));

  govorun_do_not_call_remove_async (f->list, remove, NULL, test_util_on_result, &result);
  g_assert_true (govorun_do_not_call_remove_finish (f->list, test_util_wait (&result), &error));
  g_assert_no_error (error);
  g_assert_false (govorun_do_not_call_contains (f->list, "+79161234567"));
  g_clear_pointer (&numbers, g_free);
  numbers = model_numbers (f->list);
  g_assert_cmpstr (numbers, ==, "+442079460958");
  g_clear_object (&again);
  again = open_list (f->store);
  g_clear_pointer (&numbers, g_free);
  numbers = model_numbers (again);
  g_assert_cmpstr (numbers, ==, "+442079460958");
}

static void
test_import_csv (Fixture       *f,
                 gconstpointer  data)
{
  const char *utf8 = "Имя;Телефон;Примечание\n"
                     "Иван;8 916 123-45-67;жалоба\n"
                     "Пётр;+7 903 123 45 67;\n"
                     "\n"
                     "Иван ещё раз;79161234567;\n"
                     "Нет;не знаю;\n"
                     "Уже;+44 20 7946 0958;\n"
                     "Коротко;12345;\n";
  g_autofree char *path = g_build_filename (f->dir, "dnc.csv", NULL);
  g_autofree char *cp1251 = NULL;
  g_autoptr(GovorunDoNotCallImport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *numbers = NULL;
  gsize len = 0;

  g_assert_true (add (f, "+442079460958", NULL, &error));
  cp1251 = g_convert (utf8, -1, "CP1251", "UTF-8", NULL, &len, NULL);
  g_assert_true (g_file_set_contents (path, cp1251, len, NULL));

  report = import (f, path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->rows, ==, 6);
  g_assert_cmpuint (report->added, ==, 2);
  g_assert_cmpuint (report->already_listed, ==, 1);
  g_assert_cmpuint (report->duplicates, ==, 1);
  g_assert_cmpuint (report->invalid, ==, 2);
  g_assert_cmpuint (report->problems->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (report->problems, 0), ==, "Row 6: This is not a phone number.");
  g_assert_cmpstr (g_ptr_array_index (report->problems, 1), ==, "Row 8: The number is too short.");
  g_assert_true (govorun_do_not_call_contains (f->list, "+79031234567"));
  numbers = model_numbers (f->list);
  g_assert_cmpstr (numbers, ==, "+79161234567=жалоба +79031234567 +442079460958");
}

static void
test_import_xlsx_without_header (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "dnc.xlsx", NULL);
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  g_autoptr(GovorunDoNotCallImport) report = NULL;
  g_autoptr(GError) error = NULL;

  /* No header; the numbers in the second column, stored as numbers. */
  worksheet_write_string (sheet, 0, 0, "a", NULL);
  worksheet_write_number (sheet, 0, 1, 79161234567.0, NULL);
  worksheet_write_string (sheet, 1, 0, "b", NULL);
  worksheet_write_number (sheet, 1, 1, 9031234567.0, NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  report = import (f, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows, ==, 2);
  g_assert_cmpuint (report->added, ==, 2);
  g_assert_true (govorun_do_not_call_contains (f->list, "+79161234567"));
  g_assert_true (govorun_do_not_call_contains (f->list, "+79031234567"));
}

static void
test_import_rejects (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "names.csv", NULL);
  g_autoptr(GovorunDoNotCallImport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "Имя,Город\nИван,Москва\n", -1, NULL));
  report = import (f, path, &error);
  g_assert_null (report);
  g_assert_error (error, GOVORUN_DO_NOT_CALL_ERROR, GOVORUN_DO_NOT_CALL_ERROR_NO_PHONE_COLUMN);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "Телефон\n89161234567\n\"89031234567\n", -1, NULL));
  report = import (f, path, &error);
  g_assert_null (report);
  g_assert_cmpstr (error->message, ==, "Row 3, column A: a quoted value has no closing quote.");
  /* An import that fails adds nothing. */
  g_assert_cmpuint (g_list_model_get_n_items (govorun_do_not_call_get_model (f->list)), ==, 0);
}

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunDoNotCallImport) report = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *all[] = { "+79161234567", "+442079460958", NULL };

  g_assert_true (add (f, "89161234567", "note, with \"quotes\"", &error));
  g_assert_true (add (f, "+442079460958", NULL, &error));
  before = model_numbers (f->list);

  govorun_do_not_call_export_async (f->list, file, NULL, test_util_on_result, &result);
  g_assert_true (govorun_do_not_call_export_finish (f->list, test_util_wait (&result), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFPhone,Note,Added\r\n+442079460958,,"));
  g_assert_nonnull (strstr (contents, "+79161234567,\"note, with \"\"quotes\"\"\","));

  g_clear_object (&result);
  govorun_do_not_call_remove_async (f->list, all, NULL, test_util_on_result, &result);
  g_assert_true (govorun_do_not_call_remove_finish (f->list, test_util_wait (&result), &error));
  report = import (f, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 2);
  after = model_numbers (f->list);
  g_assert_true (g_str_equal (after, before)
                 || g_str_equal (after, "+79161234567=note, with \"quotes\" +442079460958")
                 || g_str_equal (after, "+442079460958 +79161234567=note, with \"quotes\""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/Govorun/DoNotCall/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("add-remove", test_add_remove);
  ADD ("import-csv", test_import_csv);
  ADD ("import-xlsx-without-header", test_import_xlsx_without_header);
  ADD ("import-rejects", test_import_rejects);
  ADD ("export-round-trip", test_export_round_trip);
#undef ADD

  return g_test_run ();
}
