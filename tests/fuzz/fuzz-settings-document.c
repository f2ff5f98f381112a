/* fuzz-settings-document.c
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

#include "govorun-settings-document.h"

/* libFuzzer entry point: a settings file someone chose to import. The
 * reader gives a document or an error, never both; what it accepts is
 * written again and read back with the same counts. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunSettingsDocument) document = NULL;
  g_autoptr(GovorunSettingsDocument) again = NULL;
  g_autofree char *json = NULL;

  document = govorun_settings_document_parse ((const char *) data, size, &error);
  g_assert ((document == NULL) != (error == NULL));
  if (document == NULL)
    return 0;
  json = govorun_settings_document_to_json (document);
  again = govorun_settings_document_parse (json, strlen (json), NULL);
  g_assert_nonnull (again);
  g_assert_cmpuint (again->accounts->len, ==, document->accounts->len);
  g_assert_cmpuint (again->do_not_call->len, ==, document->do_not_call->len);
  g_assert_cmpuint (g_hash_table_size (again->preferences), ==, g_hash_table_size (document->preferences));
  g_assert_cmpuint (again->targets->len, ==, document->targets->len);
  for (guint i = 0; i < document->targets->len; i++)
    {
      GovorunSettingsTarget *x = g_ptr_array_index (document->targets, i);
      GovorunSettingsTarget *y = g_ptr_array_index (again->targets, i);

      /* A Bitrix24 target never carries a URL (its secret); a webhook always does. */
      g_assert_true ((x->url == NULL) == g_str_equal (x->kind, "bitrix24"));
      g_assert_cmpstr (x->url, ==, y->url);
      g_assert_cmpuint (g_strv_length (x->events), ==, g_strv_length (y->events));
      g_assert_cmpuint (g_strv_length (x->events), >=, 1);
    }
  return 0;
}
