/* govorun-chart.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GOVORUN_TYPE_CHART (govorun_chart_get_type ())

G_DECLARE_DERIVABLE_TYPE (GovorunChart, govorun_chart, GOVORUN, CHART, GtkWidget)

/*
 * The base of the Overview's charts, drawn with GtkSnapshot in the style's
 * colours (so they follow the dark style): items the pointer hovers or the
 * arrow keys choose (the chart is a Tab stop), whose sentence is the
 * tooltip, the "readout" property and the accessible description; a
 * summary for when none is chosen; saving as PNG. Subclasses draw and say
 * which item is where; the texts come from whoever sets the data, so they
 * are translated there.
 */
struct _GovorunChartClass
{
  GtkWidgetClass parent_class;

  /* Draws the chart in @width × @height (also into a PNG). */
  void (*draw)    (GovorunChart *self,
                   GtkSnapshot  *snapshot,
                   int           width,
                   int           height);
  /* The item at (@x, @y), or -1. */
  int  (*item_at) (GovorunChart *self,
                   double        x,
                   double        y);

  gpointer padding[4];
};

/* How the data's items are laid out: @n_items in rows of @columns (the up
 * and down keys move by @columns), with a sentence each (@texts, NULL-
 * terminated, copied), and @summary for the whole chart. Redraws. */
void        govorun_chart_set_items    (GovorunChart        *self,
                                        guint                n_items,
                                        guint                columns,
                                        const char * const  *texts,
                                        const char          *summary);
guint       govorun_chart_get_n_items  (GovorunChart        *self);
/* The item the pointer or the keyboard chose, or -1. */
int         govorun_chart_get_selected (GovorunChart        *self);
void        govorun_chart_set_selected (GovorunChart        *self,
                                        int                  index);
/* What the chosen item is, or the summary when none is. */
const char *govorun_chart_get_readout  (GovorunChart        *self);
const char *govorun_chart_get_summary  (GovorunChart        *self);
/* Renders the chart on the window's background into @file. */
gboolean    govorun_chart_save_png     (GovorunChart        *self,
                                        GFile               *file,
                                        GError             **error);

/* For subclasses. */

/* A colour of the style sheet (e.g. "accent_bg_color"); the text colour
 * when the style has no such colour. */
void        govorun_chart_get_color    (GovorunChart        *self,
                                        const char          *name,
                                        GdkRGBA             *out_color);
void        govorun_chart_get_fg       (GovorunChart        *self,
                                        float                alpha,
                                        GdkRGBA             *out_color);
/* Small text with its left (@xalign 0), centre (0.5) or right (1) edge at
 * @x and its top at @y; returns its width. */
int         govorun_chart_draw_text    (GovorunChart        *self,
                                        GtkSnapshot         *snapshot,
                                        const char          *text,
                                        double               x,
                                        double               y,
                                        float                xalign,
                                        float                alpha);
void        govorun_chart_measure_text (GovorunChart        *self,
                                        const char          *text,
                                        int                 *out_width,
                                        int                 *out_height);
void        govorun_chart_fill         (GtkSnapshot         *snapshot,
                                        const GdkRGBA       *color,
                                        double               x,
                                        double               y,
                                        double               width,
                                        double               height);
/* Draws horizontal grid lines and their values (the locale's digit
 * grouping) left of @plot, for values from 0 to at least @max, and
 * returns the top of the axis (what @plot's height stands for). The
 * left margin this needs: govorun_chart_axis_width (). */
double      govorun_chart_draw_axis    (GovorunChart        *self,
                                        GtkSnapshot         *snapshot,
                                        const graphene_rect_t *plot,
                                        double               max);
int         govorun_chart_axis_width   (GovorunChart        *self,
                                        double               max);
/* Stacked bars, @n_bars of @n_series values each (value [bar × n_series +
 * series]), in @colors (style colour names), with every label that fits
 * under them; @gap is the space between bars as a share of their slot.
 * Remembers where the bars are for govorun_chart_bar_at (). */
void        govorun_chart_draw_bars    (GovorunChart        *self,
                                        GtkSnapshot         *snapshot,
                                        int                  width,
                                        int                  height,
                                        guint                n_bars,
                                        guint                n_series,
                                        const double        *values,
                                        const char * const  *colors,
                                        const char * const  *labels,
                                        double               gap,
                                        double               top);
int         govorun_chart_bar_at       (GovorunChart        *self,
                                        double               x,
                                        double               y);
/* The locale's grouping of digits: "12 345" in Russian. */
char       *govorun_chart_format_count (guint64              count);

G_END_DECLS
