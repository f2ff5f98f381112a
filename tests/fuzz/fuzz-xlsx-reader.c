/* fuzz-xlsx-reader.c
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

#include "govorun-io-error.h"
#include "govorun-xlsx-reader.h"

/* libFuzzer entry point: an archive of any shape (the seeds are workbooks
 * stored without compression, so that mutations reach the XML) gives rows
 * of valid UTF-8 within the bounds, or one GOVORUN_IO_ERROR. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const GovorunTableLimits limits = {
    .max_file_size = 8 << 20, .max_rows = 5000, .max_fields = 50, .max_field_length = 4096,
  };
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(GovorunTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *row;
  guint n, number;

  reader = govorun_xlsx_reader_new (stream, NULL, &limits, NULL, &error);
  if (reader == NULL)
    {
      g_assert (error != NULL && error->domain == GOVORUN_IO_ERROR);
      return 0;
    }
  g_assert (govorun_xlsx_reader_get_sheet_names (GOVORUN_XLSX_READER (reader))[0] != NULL);
  while ((row = govorun_table_reader_next_row (reader, &n, &number, NULL, &error)) != NULL)
    {
      g_assert (n > 0 && n <= limits.max_fields);
      g_assert (number > 0 && number <= limits.max_rows);
      for (guint i = 0; i < n; i++)
        g_assert (row[i] != NULL && g_utf8_validate (row[i], -1, NULL));
    }
  g_assert (error == NULL || error->domain == GOVORUN_IO_ERROR);
  return 0;
}
