/* govorun-call-filter.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-call-filter.h"

GovorunCallFilter *
govorun_call_filter_new (void)
{
  GovorunCallFilter *filter = g_new0 (GovorunCallFilter, 1);

  filter->status = GOVORUN_CALL_FILTER_ANY;
  filter->direction = GOVORUN_CALL_FILTER_ANY;
  filter->success = GOVORUN_CALL_FILTER_ANY;
  return filter;
}

GovorunCallFilter *
govorun_call_filter_copy (const GovorunCallFilter *filter)
{
  GovorunCallFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_memdup2 (filter, sizeof *filter);
  copy->agent_uuid = g_strdup (filter->agent_uuid);
  copy->search = g_strdup (filter->search);
  copy->analysis_name = g_strdup (filter->analysis_name);
  copy->analysis_value = g_strdup (filter->analysis_value);
  return copy;
}

void
govorun_call_filter_free (GovorunCallFilter *filter)
{
  if (filter == NULL)
    return;

  g_free (filter->agent_uuid);
  g_free (filter->search);
  g_free (filter->analysis_name);
  g_free (filter->analysis_value);
  g_free (filter);
}

gboolean
govorun_call_filter_equal (const GovorunCallFilter *a,
                           const GovorunCallFilter *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->started_from == b->started_from &&
         a->started_until == b->started_until &&
         a->status == b->status &&
         a->direction == b->direction &&
         a->success == b->success &&
         g_strcmp0 (a->agent_uuid, b->agent_uuid) == 0 &&
         g_strcmp0 (a->search, b->search) == 0 &&
         a->analysis_kind == b->analysis_kind &&
         g_strcmp0 (a->analysis_name, b->analysis_name) == 0 &&
         g_strcmp0 (a->analysis_value, b->analysis_value) == 0;
}

G_DEFINE_BOXED_TYPE (GovorunCallFilter, govorun_call_filter, govorun_call_filter_copy,
                     govorun_call_filter_free)
