/* govorun-histogram.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunHistogram"

#include "config.h"

#include "govorun-histogram.h"

struct _GovorunHistogram
{
  GovorunChart  parent_instance;

  guint         n_buckets;
  double       *values;
  GStrv         labels;
};

G_DEFINE_FINAL_TYPE (GovorunHistogram, govorun_histogram, GOVORUN_TYPE_CHART)

static const char * const colors[] = { "accent_bg_color", NULL };

GtkWidget *
govorun_histogram_new (void)
{
  return g_object_new (GOVORUN_TYPE_HISTOGRAM, NULL);
}

void
govorun_histogram_set_data (GovorunHistogram   *self,
                            guint               n_buckets,
                            const guint64      *counts,
                            const char * const *labels,
                            const char * const *texts,
                            const char         *summary)
{
  g_return_if_fail (GOVORUN_IS_HISTOGRAM (self));

  g_free (self->values);
  self->values = g_new0 (double, n_buckets);
  for (guint b = 0; b < n_buckets; b++)
    self->values[b] = (double) counts[b];
  g_strfreev (self->labels);
  self->labels = g_strdupv ((GStrv) labels);
  self->n_buckets = n_buckets;
  govorun_chart_set_items (GOVORUN_CHART (self), n_buckets, 1, texts, summary);
}

guint64
govorun_histogram_get_count (GovorunHistogram *self,
                             guint             bucket)
{
  g_return_val_if_fail (bucket < self->n_buckets, 0);

  return (guint64) self->values[bucket];
}

static void
govorun_histogram_draw (GovorunChart *chart,
                        GtkSnapshot  *snapshot,
                        int           width,
                        int           height)
{
  GovorunHistogram *self = GOVORUN_HISTOGRAM (chart);

  /* A histogram's columns touch: the buckets are one continuous scale. */
  govorun_chart_draw_bars (chart, snapshot, width, height, self->n_buckets, 1, self->values,
                           colors, (const char * const *) self->labels, 0.04, 4);
}

static void
govorun_histogram_finalize (GObject *object)
{
  GovorunHistogram *self = GOVORUN_HISTOGRAM (object);

  g_free (self->values);
  g_strfreev (self->labels);

  G_OBJECT_CLASS (govorun_histogram_parent_class)->finalize (object);
}

static void
govorun_histogram_class_init (GovorunHistogramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GovorunChartClass *chart_class = GOVORUN_CHART_CLASS (klass);

  object_class->finalize = govorun_histogram_finalize;
  chart_class->draw = govorun_histogram_draw;
  chart_class->item_at = govorun_chart_bar_at;
}

static void
govorun_histogram_init (GovorunHistogram *self)
{
}
