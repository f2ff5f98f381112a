/* govorun-el-emu-call-analysis.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-elevenlabs-emulator-private.h"

/* The analysis a Russian business asks of every call (issue 13's
 * templates: goal reached, client satisfied, the robot disclosed itself;
 * urgency, appointment date, outcome), beside each script's own data, so
 * that the Calls filters and the Overview have something real to show.
 * Values follow the call's verdict and its per-call randomness. */

static void
add_result (JsonObject *results,
            const char *id_member,
            const char *id,
            const char *value_member,
            const char *value,
            const char *rationale)
{
  JsonObject *item = json_object_new ();

  json_object_set_string_member (item, id_member, id);
  if (value != NULL)
    json_object_set_string_member (item, value_member, value);
  else
    json_object_set_null_member (item, value_member);
  json_object_set_string_member (item, "rationale", rationale);
  json_object_set_object_member (results, id, item);
}

void
el_emu_add_analysis (JsonObject               *evaluation,
                     JsonObject               *data,
                     const GovorunHistoryCall *hc)
{
  static const char * const urgency[] = { "высокая", "обычная", "обычная", "обычная", "низкая",
                                          "низкая" };
  guint64 noise = hc->noise;
  gboolean success = hc->verdict == GOVORUN_HISTORY_VERDICT_SUCCESS;
  gboolean failure = hc->verdict == GOVORUN_HISTORY_VERDICT_FAILURE;
  const char *satisfied = failure ? "failure" : success && noise % 5 != 0 ? "success" : "unknown";
  const char *disclosed = (noise >> 8) % 10 != 0 ? "success" : "failure";
  g_autofree char *date = NULL;

  add_result (evaluation, "criteria_id", "client_satisfied", "result", satisfied,
              failure ? "Клиент прервал разговор." : "Клиент поблагодарил и попрощался.");
  add_result (evaluation, "criteria_id", "robot_disclosed", "result", disclosed,
              g_str_equal (disclosed, "success")
              ? "В первой фразе агент сказал, что это голосовой помощник."
              : "Агент не сказал, что он робот.");

  if (success)
    {
      g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (hc->start);
      g_autoptr(GDateTime) day = g_date_time_add_days (start, 1 + (int) ((noise >> 24) % 7));

      date = g_date_time_format (day, "%Y-%m-%d");
    }
  add_result (data, "data_collection_id", "urgency", "value", urgency[(noise >> 16) % 6],
              "Со слов клиента.");
  add_result (data, "data_collection_id", "appointment_date", "value", date,
              date != NULL ? "Дата, на которую записали клиента." : "Клиента не записали.");
  add_result (data, "data_collection_id", "outcome", "value",
              success ? "записан" : failure ? "отказ" : "перезвонить",
              "Итог разговора.");
}
