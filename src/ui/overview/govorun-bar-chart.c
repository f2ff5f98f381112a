/* govorun-bar-chart.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunBarChart"

#include "config.h"

#include "govorun-bar-chart.h"

#define SWATCH 10

struct _GovorunBarChart
{
  GovorunChart  parent_instance;

  guint         n_series;
  GStrv         names;
  GStrv         colors;
  guint         n_bars;
  double       *values;
  GStrv         labels;
};

G_DEFINE_FINAL_TYPE (GovorunBarChart, govorun_bar_chart, GOVORUN_TYPE_CHART)

GtkWidget *
govorun_bar_chart_new (void)
{
  return g_object_new (GOVORUN_TYPE_BAR_CHART, NULL);
}

void
govorun_bar_chart_set_series (GovorunBarChart    *self,
                              guint               n_series,
                              const char * const *names,
                              const char * const *colors)
{
  g_return_if_fail (GOVORUN_IS_BAR_CHART (self));

  g_strfreev (self->names);
  g_strfreev (self->colors);
  self->names = g_new0 (char *, n_series + 1);
  self->colors = g_new0 (char *, n_series + 1);
  for (guint s = 0; s < n_series; s++)
    {
      self->names[s] = g_strdup (names[s]);
      self->colors[s] = g_strdup (colors[s]);
    }
  self->n_series = n_series;
  self->n_bars = 0;
  g_clear_pointer (&self->values, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
govorun_bar_chart_set_data (GovorunBarChart    *self,
                            guint               n_bars,
                            const double       *values,
                            const char * const *labels,
                            const char * const *texts,
                            const char         *summary)
{
  g_return_if_fail (GOVORUN_IS_BAR_CHART (self));

  g_free (self->values);
  self->values = g_memdup2 (values, sizeof (double) * n_bars * self->n_series);
  g_strfreev (self->labels);
  self->labels = g_strdupv ((GStrv) labels);
  self->n_bars = n_bars;
  govorun_chart_set_items (GOVORUN_CHART (self), n_bars, 1, texts, summary);
}

double
govorun_bar_chart_get_value (GovorunBarChart *self,
                             guint            bar,
                             guint            series)
{
  g_return_val_if_fail (bar < self->n_bars && series < self->n_series, 0);

  return self->values[bar * self->n_series + series];
}

/* The legend in one line (it wraps to a second when narrow); returns its
 * height. */
static int
draw_legend (GovorunBarChart *self,
             GtkSnapshot     *snapshot,
             int              width)
{
  GovorunChart *chart = GOVORUN_CHART (self);
  double x = 0, y = 0;
  int text_height = 0;

  for (guint s = 0; s < self->n_series; s++)
    {
      GdkRGBA color;
      int text_width;

      govorun_chart_measure_text (chart, self->names[s], &text_width, &text_height);
      if (x > 0 && x + SWATCH + 4 + text_width > width)
        {
          x = 0;
          y += text_height + 4;
        }
      govorun_chart_get_color (chart, self->colors[s], &color);
      govorun_chart_fill (snapshot, &color, x, y + (text_height - SWATCH) / 2.0, SWATCH, SWATCH);
      x += SWATCH + 4;
      x += govorun_chart_draw_text (chart, snapshot, self->names[s], x, y, 0, 0.8) + 16;
    }
  return (int) y + text_height + 8;
}

static void
govorun_bar_chart_draw (GovorunChart *chart,
                        GtkSnapshot  *snapshot,
                        int           width,
                        int           height)
{
  GovorunBarChart *self = GOVORUN_BAR_CHART (chart);
  int top = draw_legend (self, snapshot, width);

  govorun_chart_draw_bars (chart, snapshot, width, height, self->n_bars, self->n_series,
                           self->values, (const char * const *) self->colors,
                           (const char * const *) self->labels, 0.25, top);
}

static void
govorun_bar_chart_finalize (GObject *object)
{
  GovorunBarChart *self = GOVORUN_BAR_CHART (object);

  g_strfreev (self->names);
  g_strfreev (self->colors);
  g_strfreev (self->labels);
  g_free (self->values);

  G_OBJECT_CLASS (govorun_bar_chart_parent_class)->finalize (object);
}

static void
govorun_bar_chart_class_init (GovorunBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GovorunChartClass *chart_class = GOVORUN_CHART_CLASS (klass);

  object_class->finalize = govorun_bar_chart_finalize;
  chart_class->draw = govorun_bar_chart_draw;
  chart_class->item_at = govorun_chart_bar_at;
}

static void
govorun_bar_chart_init (GovorunBarChart *self)
{
}
