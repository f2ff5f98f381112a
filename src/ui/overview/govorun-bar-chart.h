/* govorun-bar-chart.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-chart.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_BAR_CHART (govorun_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (GovorunBarChart, govorun_bar_chart, GOVORUN, BAR_CHART, GovorunChart)

/*
 * Stacked bars (calls per day by outcome) with a legend above them: one
 * bar per item, one colour per series.
 */

GtkWidget *govorun_bar_chart_new        (void);
/* @names (shown in the legend) and @colors (style colour names, e.g.
 * "success_bg_color"), @n_series of each. */
void       govorun_bar_chart_set_series (GovorunBarChart    *self,
                                         guint               n_series,
                                         const char * const *names,
                                         const char * const *colors);
/* @n_bars bars of the series' values (value [bar × n_series + series]),
 * @labels under them (shown where they fit), @texts what each bar's
 * tooltip says, @summary the chart's accessible description. */
void       govorun_bar_chart_set_data   (GovorunBarChart    *self,
                                         guint               n_bars,
                                         const double       *values,
                                         const char * const *labels,
                                         const char * const *texts,
                                         const char         *summary);
/* The value of @series in @bar (for tests). */
double     govorun_bar_chart_get_value  (GovorunBarChart    *self,
                                         guint               bar,
                                         guint               series);

G_END_DECLS
