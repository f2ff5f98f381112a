/* govorun-heat-map.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-chart.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_HEAT_MAP (govorun_heat_map_get_type ())

G_DECLARE_FINAL_TYPE (GovorunHeatMap, govorun_heat_map, GOVORUN, HEAT_MAP, GovorunChart)

/*
 * A grid of shares (answered share by weekday and hour): a cell is the
 * more saturated the higher its share; a cell without data is left blank.
 */

GtkWidget *govorun_heat_map_new      (void);
/* @n_rows × @n_columns shares from 0 to 1 (row by row; negative: no
 * data), the rows' and the columns' labels (a NULL column label is not
 * drawn), each cell's tooltip and the summary. */
void       govorun_heat_map_set_data (GovorunHeatMap     *self,
                                      guint               n_rows,
                                      guint               n_columns,
                                      const double       *shares,
                                      const char * const *row_labels,
                                      const char * const *column_labels,
                                      const char * const *texts,
                                      const char         *summary);
double     govorun_heat_map_get_share (GovorunHeatMap    *self,
                                       guint              row,
                                       guint              column);

G_END_DECLS
