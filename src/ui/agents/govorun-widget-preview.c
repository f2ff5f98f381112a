/* govorun-widget-preview.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunWidgetPreview"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-widget-preview.h"

struct _GovorunWidgetPreview
{
  GtkWidget             parent_instance;

  GovorunWidgetChoices *choices;
  gboolean              dark;
  char                 *drawn;
};

G_DEFINE_FINAL_TYPE (GovorunWidgetPreview, govorun_widget_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHOICES,
  PROP_DARK,
  PROP_DRAWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sample page's own palette: a website's, not the application's. */
typedef struct
{
  GdkRGBA chrome;     /* browser bar */
  GdkRGBA address;    /* address field */
  GdkRGBA page;       /* page background */
  GdkRGBA header;     /* site header */
  GdkRGBA title;      /* heading bar */
  GdkRGBA line;       /* text bars */
} Palette;

static void
palette_init (Palette  *palette,
              gboolean  dark)
{
  gdk_rgba_parse (&palette->chrome, dark ? "#2e2e32" : "#e6e6e9");
  gdk_rgba_parse (&palette->address, dark ? "#45454a" : "#ffffff");
  gdk_rgba_parse (&palette->page, dark ? "#1c1c1f" : "#fbfbfb");
  gdk_rgba_parse (&palette->header, dark ? "#26313d" : "#35506b");
  gdk_rgba_parse (&palette->title, dark ? "#5c5c63" : "#9a9a9f");
  gdk_rgba_parse (&palette->line, dark ? "#3a3a40" : "#dcdcdf");
}

static GdkRGBA
choice_color (GovorunWidgetPreview *self,
              GovorunWidgetColor    color)
{
  GdkRGBA rgba = { 0, 0, 0, 1 };

  gdk_rgba_parse (&rgba, govorun_widget_choices_get_color (self->choices, color));
  return rgba;
}

static void
fill_rounded (GtkSnapshot           *snapshot,
              const graphene_rect_t *rect,
              float                  radius,
              const GdkRGBA         *color)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, MIN (radius, MIN (rect->size.width, rect->size.height) / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
stroke_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                float                  radius,
                const GdkRGBA         *color)
{
  GskRoundedRect rounded;
  const float widths[4] = { 1, 1, 1, 1 };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rounded, rect, MIN (radius, MIN (rect->size.width, rect->size.height) / 2));
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

/* A soft drop shadow, as the widget has on a page. */
static void
shadow_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                float                  radius)
{
  GskRoundedRect rounded;
  const GdkRGBA shadow = { 0, 0, 0, 0.18f };

  gsk_rounded_rect_init_from_rect (&rounded, rect, MIN (radius, MIN (rect->size.width, rect->size.height) / 2));
  gtk_snapshot_append_outset_shadow (snapshot, &rounded, &shadow, 0, 2, 0, 8);
}

/* The avatar: the orb's two colours as a gradient disc, or for an image a
 * neutral disc with a person's outline (no network in a preview). */
static void
draw_avatar (GovorunWidgetPreview *self,
             GtkSnapshot          *snapshot,
             float                 x,
             float                 y,
             float                 size)
{
  graphene_rect_t disc = GRAPHENE_RECT_INIT (x, y, size, size);
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, &disc, size / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  if (govorun_widget_choices_get_avatar_url (self->choices) == NULL)
    {
      GskColorStop stops[2] = {
        { 0.0f, choice_color (self, GOVORUN_WIDGET_COLOR_ORB_1) },
        { 1.0f, choice_color (self, GOVORUN_WIDGET_COLOR_ORB_2) },
      };

      gtk_snapshot_append_linear_gradient (snapshot, &disc,
                                           &GRAPHENE_POINT_INIT (x, y),
                                           &GRAPHENE_POINT_INIT (x + size, y + size),
                                           stops, G_N_ELEMENTS (stops));
    }
  else
    {
      const GdkRGBA back = { 0.80f, 0.82f, 0.85f, 1 };
      const GdkRGBA figure = { 0.55f, 0.58f, 0.62f, 1 };

      gtk_snapshot_append_color (snapshot, &back, &disc);
      fill_rounded (snapshot, &GRAPHENE_RECT_INIT (x + size * 0.35f, y + size * 0.2f, size * 0.3f, size * 0.3f),
                    size, &figure);
      fill_rounded (snapshot, &GRAPHENE_RECT_INIT (x + size * 0.2f, y + size * 0.58f, size * 0.6f, size * 0.6f),
                    size, &figure);
    }
  gtk_snapshot_pop (snapshot);
}

static PangoLayout *
text_layout (GovorunWidgetPreview *self,
             const char           *text,
             gboolean              bold,
             float                 scale)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (
                                                              pango_layout_get_context (layout)));
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_font_description_set_size (font, (int) (PANGO_SCALE * 9.5 * scale));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_SEMIBOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_font_description_free (font);
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);

  return layout;
}

static float
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static float
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static void
draw_layout (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             float          x,
             float          y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* A pill button with @text; its width. */
static float
button_width (GovorunWidgetPreview *self,
              const char           *text,
              float                 scale,
              float                 max_width)
{
  g_autoptr(PangoLayout) layout = text_layout (self, text, TRUE, scale);

  return MIN (layout_width (layout) + 24 * scale, max_width);
}

static void
draw_button (GovorunWidgetPreview *self,
             GtkSnapshot          *snapshot,
             const char           *text,
             const graphene_rect_t *rect,
             float                 scale)
{
  g_autoptr(PangoLayout) layout = text_layout (self, text, TRUE, scale);
  GdkRGBA fill = choice_color (self, GOVORUN_WIDGET_COLOR_BUTTON);
  GdkRGBA ink = choice_color (self, GOVORUN_WIDGET_COLOR_BUTTON_TEXT);

  fill_rounded (snapshot, rect, rect->size.height / 2, &fill);
  pango_layout_set_width (layout, (int) ((rect->size.width - 16 * scale) * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  draw_layout (snapshot, layout, rect->origin.x + 8 * scale,
               rect->origin.y + (rect->size.height - layout_height (layout)) / 2, &ink);
}

/* The widget's size for its variant. */
static void
measure_widget (GovorunWidgetPreview *self,
                float                 scale,
                float                 max_width,
                float                *width,
                float                *height)
{
  const char *start = govorun_widget_choices_get_shown_text (self->choices, GOVORUN_WIDGET_TEXT_START_CALL);
  const char *label = govorun_widget_choices_get_shown_text (self->choices, GOVORUN_WIDGET_TEXT_MAIN_LABEL);
  const char *expand = govorun_widget_choices_get_shown_text (self->choices, GOVORUN_WIDGET_TEXT_EXPAND);
  g_autoptr(PangoLayout) label_layout = text_layout (self, label, FALSE, scale);

  switch (govorun_widget_choices_get_variant (self->choices))
    {
    case GOVORUN_WIDGET_VARIANT_COMPACT:
      *width = 8 * scale + 32 * scale + 8 * scale + button_width (self, start, scale, max_width) + 8 * scale;
      *height = 48 * scale;
      break;
    case GOVORUN_WIDGET_VARIANT_FULL:
      *width = 220 * scale;
      *height = 150 * scale;
      break;
    case GOVORUN_WIDGET_VARIANT_EXPANDABLE:
    default:
      *width = 8 * scale + 28 * scale + 8 * scale + layout_width (label_layout) + 10 * scale
               + button_width (self, expand, scale, max_width) + 8 * scale;
      *height = 44 * scale;
      break;
    }
  *width = MIN (*width, max_width);
}

static void
draw_widget (GovorunWidgetPreview  *self,
             GtkSnapshot           *snapshot,
             const graphene_rect_t *box,
             float                  scale)
{
  GdkRGBA background = choice_color (self, GOVORUN_WIDGET_COLOR_BACKGROUND);
  GdkRGBA ink = choice_color (self, GOVORUN_WIDGET_COLOR_TEXT);
  GdkRGBA border = { ink.red, ink.green, ink.blue, 0.15f };
  const char *start = govorun_widget_choices_get_shown_text (self->choices, GOVORUN_WIDGET_TEXT_START_CALL);
  const char *label = govorun_widget_choices_get_shown_text (self->choices, GOVORUN_WIDGET_TEXT_MAIN_LABEL);
  const char *expand = govorun_widget_choices_get_shown_text (self->choices, GOVORUN_WIDGET_TEXT_EXPAND);
  float x = box->origin.x;
  float y = box->origin.y;
  float w = box->size.width;
  float h = box->size.height;
  float radius = govorun_widget_choices_get_variant (self->choices) == GOVORUN_WIDGET_VARIANT_FULL ? 16 * scale : h / 2;

  shadow_rounded (snapshot, box, radius);
  fill_rounded (snapshot, box, radius, &background);
  stroke_rounded (snapshot, box, radius, &border);

  switch (govorun_widget_choices_get_variant (self->choices))
    {
    case GOVORUN_WIDGET_VARIANT_COMPACT:
      {
        float avatar = 32 * scale;
        float bx = x + 8 * scale + avatar + 8 * scale;
        float bw = x + w - 8 * scale - bx;

        draw_avatar (self, snapshot, x + 8 * scale, y + (h - avatar) / 2, avatar);
        draw_button (self, snapshot, start, &GRAPHENE_RECT_INIT (bx, y + 8 * scale, bw, h - 16 * scale), scale);
      }
      break;

    case GOVORUN_WIDGET_VARIANT_FULL:
      {
        g_autoptr(PangoLayout) layout = text_layout (self, label, TRUE, scale * 1.1f);
        float avatar = 52 * scale;
        float bw = MIN (button_width (self, start, scale, w - 24 * scale), w - 24 * scale);

        draw_avatar (self, snapshot, x + (w - avatar) / 2, y + 16 * scale, avatar);
        pango_layout_set_width (layout, (int) ((w - 24 * scale) * PANGO_SCALE));
        pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
        draw_layout (snapshot, layout, x + 12 * scale, y + 16 * scale + avatar + 10 * scale, &ink);
        draw_button (self, snapshot, start,
                     &GRAPHENE_RECT_INIT (x + (w - bw) / 2, y + h - 16 * scale - 30 * scale, bw, 30 * scale), scale);
      }
      break;

    case GOVORUN_WIDGET_VARIANT_EXPANDABLE:
    default:
      {
        g_autoptr(PangoLayout) layout = text_layout (self, label, FALSE, scale);
        float avatar = 28 * scale;
        float ew = button_width (self, expand, scale, w / 2);
        float lx = x + 8 * scale + avatar + 8 * scale;

        draw_avatar (self, snapshot, x + 8 * scale, y + (h - avatar) / 2, avatar);
        pango_layout_set_width (layout, (int) (MAX (0, x + w - 8 * scale - ew - 10 * scale - lx) * PANGO_SCALE));
        draw_layout (snapshot, layout, lx, y + (h - layout_height (layout)) / 2, &ink);
        draw_button (self, snapshot, expand,
                     &GRAPHENE_RECT_INIT (x + w - 8 * scale - ew, y + 8 * scale, ew, h - 16 * scale), scale);
      }
      break;
    }
}

/* The sample page: browser bar, site header, a heading and text lines. */
static void
draw_page (GovorunWidgetPreview *self,
           GtkSnapshot          *snapshot,
           float                 width,
           float                 height,
           float                 scale,
           graphene_rect_t      *out_content)
{
  Palette palette;
  float chrome = 28 * scale;
  float header = 34 * scale;
  float margin = 20 * scale;
  float y;
  /* Widths of the text lines, as fractions: a paragraph's ragged edge. */
  static const float lines[] = { 0.92f, 0.97f, 0.88f, 0.95f, 0.6f, 0.0f, 0.94f, 0.9f, 0.97f, 0.72f, 0.0f,
                                 0.96f, 0.91f, 0.85f, 0.93f, 0.5f };
  const GdkRGBA dots[3] = { { 0.93f, 0.42f, 0.37f, 1 }, { 0.96f, 0.75f, 0.31f, 1 }, { 0.38f, 0.77f, 0.33f, 1 } };
  const GdkRGBA white = { 1, 1, 1, 0.85f };

  palette_init (&palette, self->dark);

  gtk_snapshot_append_color (snapshot, &palette.page, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_append_color (snapshot, &palette.chrome, &GRAPHENE_RECT_INIT (0, 0, width, chrome));
  for (guint i = 0; i < 3; i++)
    fill_rounded (snapshot, &GRAPHENE_RECT_INIT (10 * scale + i * 14 * scale, chrome / 2 - 5 * scale, 10 * scale, 10 * scale),
                  5 * scale, &dots[i]);
  fill_rounded (snapshot, &GRAPHENE_RECT_INIT (60 * scale, 5 * scale, MAX (0, width - 80 * scale), chrome - 10 * scale),
                (chrome - 10 * scale) / 2, &palette.address);

  gtk_snapshot_append_color (snapshot, &palette.header, &GRAPHENE_RECT_INIT (0, chrome, width, header));
  fill_rounded (snapshot, &GRAPHENE_RECT_INIT (margin, chrome + 9 * scale, 16 * scale, 16 * scale), 4 * scale, &white);
  fill_rounded (snapshot, &GRAPHENE_RECT_INIT (margin + 22 * scale, chrome + 13 * scale, 60 * scale, 8 * scale),
                4 * scale, &white);
  for (guint i = 0; i < 3; i++)
    {
      float nx = width - margin - (i + 1) * 46 * scale;

      if (nx > margin + 100 * scale)
        fill_rounded (snapshot, &GRAPHENE_RECT_INIT (nx, chrome + 14 * scale, 36 * scale, 6 * scale), 3 * scale, &white);
    }

  y = chrome + header + 18 * scale;
  fill_rounded (snapshot, &GRAPHENE_RECT_INIT (margin, y, (width - 2 * margin) * 0.55f, 14 * scale), 4 * scale,
                &palette.title);
  y += 30 * scale;
  for (guint i = 0; i < G_N_ELEMENTS (lines) && y + 8 * scale < height - 8 * scale; i++)
    {
      if (lines[i] > 0)
        fill_rounded (snapshot, &GRAPHENE_RECT_INIT (margin, y, (width - 2 * margin) * lines[i], 7 * scale),
                      3.5f * scale, &palette.line);
      y += 15 * scale;
    }

  *out_content = GRAPHENE_RECT_INIT (0, chrome + header, width, MAX (0, height - chrome - header));
}

static void
update_drawn (GovorunWidgetPreview *self)
{
  g_autofree char *drawn = NULL;

  drawn = g_strdup_printf ("variant=%s placement=%s dark=%s avatar=%s orb=%s,%s background=%s text=%s "
                           "button=%s button-text=%s label=%s start=%s expand=%s",
                           govorun_widget_variant_to_string (govorun_widget_choices_get_variant (self->choices)),
                           govorun_widget_placement_to_string (govorun_widget_choices_get_placement (self->choices)),
                           self->dark ? "true" : "false",
                           govorun_widget_choices_get_avatar_url (self->choices) != NULL ? "image" : "orb",
                           govorun_widget_choices_get_color (self->choices, GOVORUN_WIDGET_COLOR_ORB_1),
                           govorun_widget_choices_get_color (self->choices, GOVORUN_WIDGET_COLOR_ORB_2),
                           govorun_widget_choices_get_color (self->choices, GOVORUN_WIDGET_COLOR_BACKGROUND),
                           govorun_widget_choices_get_color (self->choices, GOVORUN_WIDGET_COLOR_TEXT),
                           govorun_widget_choices_get_color (self->choices, GOVORUN_WIDGET_COLOR_BUTTON),
                           govorun_widget_choices_get_color (self->choices, GOVORUN_WIDGET_COLOR_BUTTON_TEXT),
                           govorun_widget_choices_get_shown_text (self->choices, GOVORUN_WIDGET_TEXT_MAIN_LABEL),
                           govorun_widget_choices_get_shown_text (self->choices, GOVORUN_WIDGET_TEXT_START_CALL),
                           govorun_widget_choices_get_shown_text (self->choices, GOVORUN_WIDGET_TEXT_EXPAND));
  if (g_strcmp0 (drawn, self->drawn) == 0)
    return;

  g_free (self->drawn);
  self->drawn = g_steal_pointer (&drawn);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAWN]);
}

static void
govorun_widget_preview_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  GovorunWidgetPreview *self = GOVORUN_WIDGET_PREVIEW (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float scale = CLAMP (MIN (width / 520.0f, height / 320.0f), 0.6f, 1.0f);
  float margin = 14 * scale;
  float w, h, x, y;
  graphene_rect_t content;
  GskRoundedRect frame;

  if (width <= 0 || height <= 0)
    return;

  /* The page sits in a rounded frame, like a screenshot of a browser. */
  gsk_rounded_rect_init_from_rect (&frame, &GRAPHENE_RECT_INIT (0, 0, width, height), 10);
  gtk_snapshot_push_rounded_clip (snapshot, &frame);

  draw_page (self, snapshot, width, height, scale, &content);

  if (self->choices != NULL)
    {
      measure_widget (self, scale, content.size.width - 2 * margin, &w, &h);

      switch (govorun_widget_choices_get_placement (self->choices))
        {
        case GOVORUN_WIDGET_PLACEMENT_TOP_LEFT:
        case GOVORUN_WIDGET_PLACEMENT_BOTTOM_LEFT:
          x = content.origin.x + margin;
          break;
        case GOVORUN_WIDGET_PLACEMENT_TOP:
        case GOVORUN_WIDGET_PLACEMENT_BOTTOM:
          x = content.origin.x + (content.size.width - w) / 2;
          break;
        case GOVORUN_WIDGET_PLACEMENT_TOP_RIGHT:
        case GOVORUN_WIDGET_PLACEMENT_BOTTOM_RIGHT:
        default:
          x = content.origin.x + content.size.width - margin - w;
          break;
        }

      switch (govorun_widget_choices_get_placement (self->choices))
        {
        case GOVORUN_WIDGET_PLACEMENT_TOP_LEFT:
        case GOVORUN_WIDGET_PLACEMENT_TOP:
        case GOVORUN_WIDGET_PLACEMENT_TOP_RIGHT:
          y = content.origin.y + margin;
          break;
        default:
          y = content.origin.y + content.size.height - margin - h;
          break;
        }

      draw_widget (self, snapshot, &GRAPHENE_RECT_INIT (x, y, w, h), scale);
    }

  gtk_snapshot_pop (snapshot);

  {
    const GdkRGBA edge = { 0.5f, 0.5f, 0.5f, 0.35f };
    stroke_rounded (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height), 10, &edge);
  }
}

static void
govorun_widget_preview_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  /* Small enough for 360 px, large enough to read the texts. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 520;
    }
  else
    {
      /* Inside a scrolled column a child gets its minimum: make that
       * the height the sample page reads well at. */
      *minimum = 300;
      *natural = 300;
    }
}

static void
on_choices_changed (GovorunWidgetPreview *self)
{
  update_drawn (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
govorun_widget_preview_set_choices (GovorunWidgetPreview *self,
                                    GovorunWidgetChoices *choices)
{
  g_return_if_fail (GOVORUN_IS_WIDGET_PREVIEW (self));
  g_return_if_fail (choices == NULL || GOVORUN_IS_WIDGET_CHOICES (choices));

  if (self->choices == choices)
    return;

  if (self->choices != NULL)
    g_signal_handlers_disconnect_by_func (self->choices, on_choices_changed, self);
  g_set_object (&self->choices, choices);
  if (choices != NULL)
    {
      g_signal_connect_object (choices, "changed", G_CALLBACK (on_choices_changed), self, G_CONNECT_SWAPPED);
      on_choices_changed (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOICES]);
}

GovorunWidgetChoices *
govorun_widget_preview_get_choices (GovorunWidgetPreview *self)
{
  g_return_val_if_fail (GOVORUN_IS_WIDGET_PREVIEW (self), NULL);

  return self->choices;
}

void
govorun_widget_preview_set_dark (GovorunWidgetPreview *self,
                                 gboolean              dark)
{
  g_return_if_fail (GOVORUN_IS_WIDGET_PREVIEW (self));

  dark = !!dark;
  if (self->dark == dark)
    return;

  self->dark = dark;
  if (self->choices != NULL)
    update_drawn (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

gboolean
govorun_widget_preview_get_dark (GovorunWidgetPreview *self)
{
  g_return_val_if_fail (GOVORUN_IS_WIDGET_PREVIEW (self), FALSE);

  return self->dark;
}

const char *
govorun_widget_preview_get_drawn (GovorunWidgetPreview *self)
{
  g_return_val_if_fail (GOVORUN_IS_WIDGET_PREVIEW (self), NULL);

  return self->drawn;
}

static void
govorun_widget_preview_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  GovorunWidgetPreview *self = GOVORUN_WIDGET_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_CHOICES:
      g_value_set_object (value, self->choices);
      break;
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    case PROP_DRAWN:
      g_value_set_string (value, self->drawn);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_widget_preview_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  GovorunWidgetPreview *self = GOVORUN_WIDGET_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_CHOICES:
      govorun_widget_preview_set_choices (self, g_value_get_object (value));
      break;
    case PROP_DARK:
      govorun_widget_preview_set_dark (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_widget_preview_dispose (GObject *object)
{
  GovorunWidgetPreview *self = GOVORUN_WIDGET_PREVIEW (object);

  if (self->choices != NULL)
    g_signal_handlers_disconnect_by_func (self->choices, on_choices_changed, self);
  g_clear_object (&self->choices);

  G_OBJECT_CLASS (govorun_widget_preview_parent_class)->dispose (object);
}

static void
govorun_widget_preview_finalize (GObject *object)
{
  g_free (GOVORUN_WIDGET_PREVIEW (object)->drawn);

  G_OBJECT_CLASS (govorun_widget_preview_parent_class)->finalize (object);
}

static void
govorun_widget_preview_class_init (GovorunWidgetPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = govorun_widget_preview_get_property;
  object_class->set_property = govorun_widget_preview_set_property;
  object_class->dispose = govorun_widget_preview_dispose;
  object_class->finalize = govorun_widget_preview_finalize;

  widget_class->snapshot = govorun_widget_preview_snapshot;
  widget_class->measure = govorun_widget_preview_measure;

  properties[PROP_CHOICES] =
    g_param_spec_object ("choices", NULL, NULL, GOVORUN_TYPE_WIDGET_CHOICES,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRAWN] =
    g_param_spec_string ("drawn", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
govorun_widget_preview_init (GovorunWidgetPreview *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview of the widget on a sample website"), -1);
}

GtkWidget *
govorun_widget_preview_new (void)
{
  return g_object_new (GOVORUN_TYPE_WIDGET_PREVIEW, NULL);
}
