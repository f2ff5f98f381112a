/* test-util.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers every test layer shares (GLib only): waiting for an async result,
 * throwaway folders, and capturing the log to prove no secret is in it.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A GAsyncReadyCallback that stores the result in the GAsyncResult* slot
 * given as user data (which must be empty). */
void          test_util_on_result         (GObject        *object,
                                           GAsyncResult   *result,
                                           gpointer        slot);
/* Runs the default main context until *@slot holds a result; returns it
 * (still owned by the slot). */
GAsyncResult *test_util_wait              (GAsyncResult  **slot);

/* A new folder under the system's temporary folder; never NULL. */
char         *test_util_make_tmp_dir      (const char     *name_template);
/* Removes @path and everything below it (links are not followed). */
void          test_util_rm_rf             (const char     *path);

/* From now on, every log message (debug included) is appended to the
 * returned string, which lives as long as the process. Warnings and worse
 * still reach the default writer, so the suite fails on them as before;
 * with @echo_all the rest does too. */
GString      *test_util_capture_log       (gboolean        echo_all);

/* CPU seconds (user + system) this process has used: for the benchmarks'
 * "-cpu" lines, beside wall time on a shared machine. */
double        test_util_cpu_seconds       (void);

/* The locale of the environment and Govorun's catalogs from
 * $GOVORUN_LOCALEDIR (the build tree's), as main.c sets them up; for tests
 * that read translated text. */
void          test_util_init_i18n         (void);

/* Orders doubles for qsort () and g_array_sort () (benchmarks' medians). */
int           test_util_compare_doubles   (gconstpointer   a,
                                           gconstpointer   b);

G_END_DECLS
