/* govorun-histogram.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-chart.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_HISTOGRAM (govorun_histogram_get_type ())

G_DECLARE_FINAL_TYPE (GovorunHistogram, govorun_histogram, GOVORUN, HISTOGRAM, GovorunChart)

/*
 * Counts per bucket (durations of answered calls), as touching columns in
 * the accent colour, the buckets' names under them.
 */

GtkWidget *govorun_histogram_new      (void);
void       govorun_histogram_set_data (GovorunHistogram   *self,
                                       guint               n_buckets,
                                       const guint64      *counts,
                                       const char * const *labels,
                                       const char * const *texts,
                                       const char         *summary);
guint64    govorun_histogram_get_count (GovorunHistogram  *self,
                                        guint              bucket);

G_END_DECLS
