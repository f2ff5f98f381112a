/* govorun-heat-map.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunHeatMap"

#include "config.h"

#include "govorun-heat-map.h"

#define CELL_GAP 2

struct _GovorunHeatMap
{
  GovorunChart     parent_instance;

  guint            n_rows;
  guint            n_columns;
  double          *shares;
  GStrv            row_labels;
  GStrv            column_labels;
  graphene_rect_t  grid;   /* where the cells were drawn */
};

G_DEFINE_FINAL_TYPE (GovorunHeatMap, govorun_heat_map, GOVORUN_TYPE_CHART)

GtkWidget *
govorun_heat_map_new (void)
{
  return g_object_new (GOVORUN_TYPE_HEAT_MAP, NULL);
}

void
govorun_heat_map_set_data (GovorunHeatMap     *self,
                           guint               n_rows,
                           guint               n_columns,
                           const double       *shares,
                           const char * const *row_labels,
                           const char * const *column_labels,
                           const char * const *texts,
                           const char         *summary)
{
  g_return_if_fail (GOVORUN_IS_HEAT_MAP (self));

  g_free (self->shares);
  self->shares = g_memdup2 (shares, sizeof (double) * n_rows * n_columns);
  g_strfreev (self->row_labels);
  self->row_labels = g_strdupv ((GStrv) row_labels);
  /* Column labels may be NULL in places: copied one by one. */
  g_strfreev (self->column_labels);
  self->column_labels = g_new0 (char *, n_columns + 1);
  for (guint c = 0; c < n_columns; c++)
    self->column_labels[c] = g_strdup (column_labels[c] != NULL ? column_labels[c] : "");
  self->n_rows = n_rows;
  self->n_columns = n_columns;
  govorun_chart_set_items (GOVORUN_CHART (self), n_rows * n_columns, n_columns, texts, summary);
}

double
govorun_heat_map_get_share (GovorunHeatMap *self,
                            guint           row,
                            guint           column)
{
  g_return_val_if_fail (row < self->n_rows && column < self->n_columns, -1);

  return self->shares[row * self->n_columns + column];
}

static void
govorun_heat_map_draw (GovorunChart *chart,
                       GtkSnapshot  *snapshot,
                       int           width,
                       int           height)
{
  GovorunHeatMap *self = GOVORUN_HEAT_MAP (chart);
  int label_width = 0, text_height = 0;
  double cell_width, cell_height;
  int selected = govorun_chart_get_selected (chart);
  GdkRGBA accent, empty, outline;

  if (self->n_rows == 0 || self->n_columns == 0)
    return;

  for (guint r = 0; r < self->n_rows; r++)
    {
      int w;

      govorun_chart_measure_text (chart, self->row_labels[r], &w, &text_height);
      label_width = MAX (label_width, w);
    }
  graphene_rect_init (&self->grid, label_width + 8, 0,
                      MAX (1, width - label_width - 8),
                      MAX (1, height - text_height - 6));
  cell_width = self->grid.size.width / self->n_columns;
  cell_height = self->grid.size.height / self->n_rows;

  govorun_chart_get_color (chart, "accent_bg_color", &accent);
  govorun_chart_get_fg (chart, 0.05, &empty);
  govorun_chart_get_fg (chart, 0.9, &outline);

  for (guint r = 0; r < self->n_rows; r++)
    {
      double y = self->grid.origin.y + r * cell_height;

      govorun_chart_draw_text (chart, snapshot, self->row_labels[r], label_width,
                               y + (cell_height - text_height) / 2, 1, 0.7);
      for (guint c = 0; c < self->n_columns; c++)
        {
          double share = self->shares[r * self->n_columns + c];
          double x = self->grid.origin.x + c * cell_width;
          GdkRGBA color = accent;

          if (share < 0)
            color = empty;
          else
            color.alpha = 0.12 + 0.88 * CLAMP (share, 0, 1);
          if ((int) (r * self->n_columns + c) == selected)
            govorun_chart_fill (snapshot, &outline, x, y, cell_width, cell_height);
          govorun_chart_fill (snapshot, &color, x + CELL_GAP / 2.0, y + CELL_GAP / 2.0,
                              cell_width - CELL_GAP, cell_height - CELL_GAP);
        }
    }

  for (guint c = 0; c < self->n_columns; c++)
    if (*self->column_labels[c] != '\0')
      govorun_chart_draw_text (chart, snapshot, self->column_labels[c],
                               self->grid.origin.x + c * cell_width,
                               self->grid.origin.y + self->grid.size.height + 4, 0, 0.6);
}

static int
govorun_heat_map_item_at (GovorunChart *chart,
                          double        x,
                          double        y)
{
  GovorunHeatMap *self = GOVORUN_HEAT_MAP (chart);
  int row, column;

  if (self->n_rows == 0 || !graphene_rect_contains_point (&self->grid, &GRAPHENE_POINT_INIT (x, y)))
    return -1;
  column = (int) ((x - self->grid.origin.x) / (self->grid.size.width / self->n_columns));
  row = (int) ((y - self->grid.origin.y) / (self->grid.size.height / self->n_rows));
  column = CLAMP (column, 0, (int) self->n_columns - 1);
  row = CLAMP (row, 0, (int) self->n_rows - 1);
  return row * (int) self->n_columns + column;
}

static void
govorun_heat_map_finalize (GObject *object)
{
  GovorunHeatMap *self = GOVORUN_HEAT_MAP (object);

  g_free (self->shares);
  g_strfreev (self->row_labels);
  g_strfreev (self->column_labels);

  G_OBJECT_CLASS (govorun_heat_map_parent_class)->finalize (object);
}

static void
govorun_heat_map_class_init (GovorunHeatMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GovorunChartClass *chart_class = GOVORUN_CHART_CLASS (klass);

  object_class->finalize = govorun_heat_map_finalize;
  chart_class->draw = govorun_heat_map_draw;
  chart_class->item_at = govorun_heat_map_item_at;
}

static void
govorun_heat_map_init (GovorunHeatMap *self)
{
}
