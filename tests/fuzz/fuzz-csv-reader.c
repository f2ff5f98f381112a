/* fuzz-csv-reader.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunFuzz"

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "govorun-csv-reader.h"
#include "govorun-io-error.h"

/* libFuzzer entry point: bytes of any shape give rows of valid UTF-8
 * within the bounds, or one GOVORUN_IO_ERROR, and never more. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const GovorunTableLimits limits = {
    .max_file_size = 1 << 20, .max_rows = 5000, .max_fields = 50, .max_field_length = 4096,
  };
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(GovorunTableReader) reader = govorun_csv_reader_new (stream, &limits);
  g_autoptr(GError) error = NULL;
  const char * const *row;
  guint n, number, last = 0;

  while ((row = govorun_table_reader_next_row (reader, &n, &number, NULL, &error)) != NULL)
    {
      g_assert (n > 0 && n <= limits.max_fields);
      g_assert (number > last && number <= limits.max_rows);
      last = number;
      for (guint i = 0; i < n; i++)
        {
          g_assert (row[i] != NULL);
          g_assert (strlen (row[i]) <= limits.max_field_length);
          g_assert (g_utf8_validate (row[i], -1, NULL));
        }
      g_assert (row[n] == NULL);
    }
  g_assert (error == NULL || error->domain == GOVORUN_IO_ERROR);
  /* After the end or an error, the reader stays there. */
  g_clear_error (&error);
  g_assert (govorun_table_reader_next_row (reader, NULL, NULL, NULL, &error) == NULL);
  return 0;
}
