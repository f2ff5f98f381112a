/* govorun-chart.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunChart"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "govorun-chart.h"

#define TEXT_SCALE 0.85
#define AXIS_GAP   6
#define PNG_WIDTH  800   /* when the chart was never shown */
#define PNG_HEIGHT 300

typedef struct
{
  guint             n_items;
  guint             columns;
  GStrv             texts;
  char             *summary;
  int               selected;
  graphene_rect_t   bars;      /* where govorun_chart_draw_bars () put them */
  guint             n_bars;
} GovorunChartPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (GovorunChart, govorun_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_READOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_readout (GovorunChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  govorun_chart_get_readout (self), -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READOUT]);
}

void
govorun_chart_set_items (GovorunChart       *self,
                         guint               n_items,
                         guint               columns,
                         const char * const *texts,
                         const char         *summary)
{
  GovorunChartPrivate *priv = govorun_chart_get_instance_private (self);

  g_return_if_fail (GOVORUN_IS_CHART (self));
  g_return_if_fail (texts == NULL || g_strv_length ((GStrv) texts) == n_items);

  priv->n_items = n_items;
  priv->columns = MAX (columns, 1);
  g_strfreev (priv->texts);
  priv->texts = g_strdupv ((GStrv) texts);
  g_free (priv->summary);
  priv->summary = g_strdup (summary);
  if (priv->selected >= (int) n_items)
    priv->selected = -1;
  update_readout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
govorun_chart_get_n_items (GovorunChart *self)
{
  GovorunChartPrivate *priv = govorun_chart_get_instance_private (self);

  return priv->n_items;
}

int
govorun_chart_get_selected (GovorunChart *self)
{
  GovorunChartPrivate *priv = govorun_chart_get_instance_private (self);

  return priv->selected;
}

void
govorun_chart_set_selected (GovorunChart *self,
                            int           index)
{
  GovorunChartPrivate *priv = govorun_chart_get_instance_private (self);

  g_return_if_fail (GOVORUN_IS_CHART (self));

  if (index >= (int) priv->n_items || index < 0)
    index = -1;
  if (priv->selected == index)
    return;
  priv->selected = index;
  update_readout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
govorun_chart_get_summary (GovorunChart *self)
{
  GovorunChartPrivate *priv = govorun_chart_get_instance_private (self);

  return priv->summary;
}

const char *
govorun_chart_get_readout (GovorunChart *self)
{
  GovorunChartPrivate *priv = govorun_chart_get_instance_private (self);

  if (priv->selected >= 0 && priv->texts != NULL)
    return priv->texts[priv->selected];
  return priv->summary;
}

/* --- drawing helpers ----------------------------------------------------- */

void
govorun_chart_get_fg (GovorunChart *self,
                      float         alpha,
                      GdkRGBA      *out_color)
{
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), out_color);
  out_color->alpha *= alpha;
}

void
govorun_chart_get_color (GovorunChart *self,
                         const char   *name,
                         GdkRGBA      *out_color)
{
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)), name,
                                       out_color))
    govorun_chart_get_fg (self, 1, out_color);
}

void
govorun_chart_fill (GtkSnapshot   *snapshot,
                    const GdkRGBA *color,
                    double         x,
                    double         y,
                    double         width,
                    double         height)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static PangoLayout *
small_layout (GovorunChart *self,
              const char   *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (TEXT_SCALE));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

void
govorun_chart_measure_text (GovorunChart *self,
                            const char   *text,
                            int          *out_width,
                            int          *out_height)
{
  g_autoptr(PangoLayout) layout = small_layout (self, text);

  pango_layout_get_pixel_size (layout, out_width, out_height);
}

int
govorun_chart_draw_text (GovorunChart *self,
                         GtkSnapshot  *snapshot,
                         const char   *text,
                         double        x,
                         double        y,
                         float         xalign,
                         float         alpha)
{
  g_autoptr(PangoLayout) layout = small_layout (self, text);
  GdkRGBA color;
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  govorun_chart_get_fg (self, alpha, &color);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x - width * xalign), round (y)));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
  return width;
}

char *
govorun_chart_format_count (guint64 count)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, count);
}

/* A step of 1, 2 or 5 × 10ⁿ that gives about four grid lines. */
static double
axis_step (double max)
{
  double rough = MAX (max, 1) / 4;
  double magnitude = pow (10, floor (log10 (rough)));
  double fraction = rough / magnitude;
  double step = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;

  return MAX (1, step * magnitude);
}

static double
axis_top (double max)
{
  double step = axis_step (max);

  return MAX (1, ceil (max / step)) * step;
}

int
govorun_chart_axis_width (GovorunChart *self,
                          double        max)
{
  g_autofree char *text = govorun_chart_format_count ((guint64) axis_top (max));
  int width, height;

  govorun_chart_measure_text (self, text, &width, &height);
  return width + AXIS_GAP;
}

double
govorun_chart_draw_axis (GovorunChart          *self,
                         GtkSnapshot           *snapshot,
                         const graphene_rect_t *plot,
                         double                 max)
{
  double step = axis_step (max);
  double top = axis_top (max);
  GdkRGBA grid;
  int text_height;

  govorun_chart_measure_text (self, "0", NULL, &text_height);
  govorun_chart_get_fg (self, 0.12, &grid);
  for (double value = 0; value <= top + step / 2; value += step)
    {
      double y = plot->origin.y + plot->size.height * (1 - value / top);
      g_autofree char *text = govorun_chart_format_count ((guint64) value);

      govorun_chart_fill (snapshot, &grid, plot->origin.x, round (y), plot->size.width, 1);
      govorun_chart_draw_text (self, snapshot, text, plot->origin.x - AXIS_GAP, y - text_height / 2.0,
                               1, 0.6);
    }
  return top;
}

void
govorun_chart_draw_bars (GovorunChart       *self,
                         GtkSnapshot        *snapshot,
                         int                 width,
                         int                 height,
                         guint               n_bars,
                         guint               n_series,
                         const double       *values,
                         const char * const *colors,
                         const char * const *labels,
                         double              gap,
                         double              top)
{
  GovorunChartPrivate *priv = govorun_chart_get_instance_private (self);
  double max = 0, axis, slot, last_label_end = -G_MAXDOUBLE;
  int text_height;
  graphene_rect_t plot;
  GdkRGBA highlight;

  for (guint b = 0; b < n_bars; b++)
    {
      double sum = 0;

      for (guint s = 0; s < n_series; s++)
        sum += values[b * n_series + s];
      max = MAX (max, sum);
    }

  govorun_chart_measure_text (self, "0", NULL, &text_height);
  graphene_rect_init (&plot, govorun_chart_axis_width (self, max), top + text_height / 2.0,
                      0, 0);
  plot.size.width = MAX (1, width - plot.origin.x - 4);
  plot.size.height = MAX (1, height - plot.origin.y - text_height - 6);
  axis = govorun_chart_draw_axis (self, snapshot, &plot, max);
  priv->bars = plot;
  priv->n_bars = n_bars;
  if (n_bars == 0)
    return;

  slot = plot.size.width / n_bars;
  govorun_chart_get_fg (self, 0.10, &highlight);
  for (guint b = 0; b < n_bars; b++)
    {
      double x = plot.origin.x + b * slot;
      double bar_x = x + slot * gap / 2;
      double bar_width = MAX (1, slot * (1 - gap));
      double y = plot.origin.y + plot.size.height;

      if ((int) b == priv->selected)
        govorun_chart_fill (snapshot, &highlight, x, plot.origin.y, slot, plot.size.height);
      for (guint s = 0; s < n_series; s++)
        {
          double h = plot.size.height * values[b * n_series + s] / axis;
          GdkRGBA color;

          if (h <= 0)
            continue;
          govorun_chart_get_color (self, colors[s], &color);
          govorun_chart_fill (snapshot, &color, bar_x, y - h, bar_width, h);
          y -= h;
        }

      /* Every label that fits without touching the one before. */
      if (labels != NULL && labels[b] != NULL)
        {
          int label_width;
          double centre = x + slot / 2;

          govorun_chart_measure_text (self, labels[b], &label_width, NULL);
          if (centre - label_width / 2.0 > last_label_end + 8 &&
              centre + label_width / 2.0 <= width)
            {
              govorun_chart_draw_text (self, snapshot, labels[b], centre,
                                       plot.origin.y + plot.size.height + 4, 0.5, 0.6);
              last_label_end = centre + label_width / 2.0;
            }
        }
    }
}

int
govorun_chart_bar_at (GovorunChart *self,
                      double        x,
                      double        y)
{
  GovorunChartPrivate *priv = govorun_chart_get_instance_private (self);
  int index;

  if (priv->n_bars == 0 || x < priv->bars.origin.x ||
      x >= priv->bars.origin.x + priv->bars.size.width)
    return -1;
  index = (int) ((x - priv->bars.origin.x) / (priv->bars.size.width / priv->n_bars));
  return CLAMP (index, 0, (int) priv->n_bars - 1);
}

/* --- PNG ------------------------------------------------------------------- */

gboolean
govorun_chart_save_png (GovorunChart  *self,
                        GFile         *file,
                        GError       **error)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget) > 0 ? gtk_widget_get_width (widget) : PNG_WIDTH;
  int height = gtk_widget_get_height (widget) > 0 ? gtk_widget_get_height (widget) : PNG_HEIGHT;
  g_autoptr(GskRenderer) own_renderer = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) png = NULL;
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GdkRGBA background;

  g_return_val_if_fail (GOVORUN_IS_CHART (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* A transparent PNG of the dark style's light text would be unreadable
   * on most backgrounds: the window's own colour goes under it. */
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "window_bg_color",
                                       &background))
    background = (GdkRGBA) { 1, 1, 1, 1 };
  govorun_chart_fill (snapshot, &background, 0, 0, width, height);
  GOVORUN_CHART_GET_CLASS (self)->draw (self, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);

  if (renderer == NULL)
    {
      own_renderer = gsk_cairo_renderer_new ();
      if (!gsk_renderer_realize (own_renderer, NULL, error))
        return FALSE;
      renderer = own_renderer;
    }
  if (node != NULL)
    texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (own_renderer != NULL)
    gsk_renderer_unrealize (own_renderer);
  if (texture == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The chart could not be drawn."));
      return FALSE;
    }

  png = gdk_texture_save_to_png_bytes (texture);
  return g_file_replace_contents (file, g_bytes_get_data (png, NULL), g_bytes_get_size (png),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

/* --- GtkWidget ------------------------------------------------------------- */

static void
govorun_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  GovorunChart *self = GOVORUN_CHART (widget);

  GOVORUN_CHART_GET_CLASS (self)->draw (self, snapshot, gtk_widget_get_width (widget),
                                        gtk_widget_get_height (widget));
}

static void
govorun_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 180;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 220;
}

static void
govorun_chart_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (govorun_chart_parent_class)->css_changed (widget, change);
  /* The dark style or another accent colour. */
  gtk_widget_queue_draw (widget);
}

static gboolean
on_query_tooltip (GovorunChart *self,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip)
{
  GovorunChartPrivate *priv = govorun_chart_get_instance_private (self);
  int index = keyboard ? priv->selected : GOVORUN_CHART_GET_CLASS (self)->item_at (self, x, y);

  if (index < 0 || priv->texts == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, priv->texts[index]);
  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           GovorunChart             *self)
{
  govorun_chart_set_selected (self, GOVORUN_CHART_GET_CLASS (self)->item_at (self, x, y));
}

static void
on_leave (GtkEventControllerMotion *controller,
          GovorunChart             *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    govorun_chart_set_selected (self, -1);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            GovorunChart    *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  govorun_chart_set_selected (self, GOVORUN_CHART_GET_CLASS (self)->item_at (self, x, y));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GovorunChart          *self)
{
  GovorunChartPrivate *priv = govorun_chart_get_instance_private (self);
  int index = priv->selected;
  int last = (int) priv->n_items - 1;

  if (priv->n_items == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      index = index < 0 ? 0 : MAX (0, index - 1);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      index = index < 0 ? 0 : MIN (last, index + 1);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (priv->columns == 1 || index < (int) priv->columns)
        return FALSE;
      index -= priv->columns;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (priv->columns == 1 || index < 0 || index + (int) priv->columns > last)
        return FALSE;
      index += priv->columns;
      break;
    case GDK_KEY_Home:
      index = 0;
      break;
    case GDK_KEY_End:
      index = last;
      break;
    case GDK_KEY_Escape:
      index = -1;
      break;
    default:
      return FALSE;
    }
  govorun_chart_set_selected (self, index);
  return TRUE;
}

static void
govorun_chart_finalize (GObject *object)
{
  GovorunChartPrivate *priv = govorun_chart_get_instance_private (GOVORUN_CHART (object));

  g_strfreev (priv->texts);
  g_free (priv->summary);

  G_OBJECT_CLASS (govorun_chart_parent_class)->finalize (object);
}

static void
govorun_chart_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_READOUT:
      g_value_set_string (value, govorun_chart_get_readout (GOVORUN_CHART (object)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_chart_class_init (GovorunChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = govorun_chart_finalize;
  object_class->get_property = govorun_chart_get_property;
  widget_class->snapshot = govorun_chart_snapshot;
  widget_class->measure = govorun_chart_measure;
  widget_class->css_changed = govorun_chart_css_changed;

  properties[PROP_READOUT] =
    g_param_spec_string ("readout", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
govorun_chart_init (GovorunChart *self)
{
  GovorunChartPrivate *priv = govorun_chart_get_instance_private (self);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  priv->selected = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}
