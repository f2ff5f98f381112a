/* fuzz-bitrix24-answers.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunFuzz"

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "govorun-bitrix24-call.h"
#include "govorun-bitrix24-client-private.h"

/* libFuzzer entry point: a portal's answer (envelope, error, result) of
 * any shape, a webhook URL and a call document give a value or an error,
 * never a crash. The first byte picks the HTTP status. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const guint statuses[] = { 200, 400, 401, 403, 404, 429, 500, 503 };
  g_autofree char *text = NULL;
  guint status;

  if (size < 1 || size > 1 << 20)
    return 0;
  status = statuses[data[0] % G_N_ELEMENTS (statuses)];
  text = g_strndup ((const char *) data + 1, size - 1);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) result = _govorun_bitrix24_parse_answer (status, (const char *) data + 1, size - 1,
                                                                 &error);

    g_assert ((result == NULL) != (error == NULL));
    if (result != NULL)
      {
        g_autoptr(GError) id_error = NULL;
        g_autofree gint64 *id = _govorun_bitrix24_parse_id (result, &id_error);

        g_assert (id == NULL || *id > 0);
      }
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GovorunBitrix24Webhook) hook = govorun_bitrix24_webhook_parse (text, &error);

    g_assert ((hook == NULL) != (error == NULL));
    if (hook != NULL)
      g_assert (g_str_has_suffix (hook->base, "/") && strstr (hook->display, "…") != NULL);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GovorunBitrix24CallDocument) doc = govorun_bitrix24_call_document_parse (text, &error);

    if (doc != NULL)
      {
        g_autofree char *plain = govorun_bitrix24_call_document_text (doc);

        g_assert (plain != NULL && doc->client_number != NULL);
        for (guint i = 0; i < doc->n_messages; i++)
          g_assert (doc->messages[i].stop_time > doc->messages[i].start_time);
      }
  }
  return 0;
}
