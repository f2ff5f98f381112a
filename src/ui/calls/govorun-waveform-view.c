/* govorun-waveform-view.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "govorun-call-turn.h"
#include "govorun-waveform-view.h"

#define BAR_WIDTH 2
#define BAR_GAP 1
#define KEY_STEP_MS 5000

struct _GovorunWaveformView
{
  GtkWidget        parent_instance;

  GovorunWaveform *waveform;
  GPtrArray       *turns;
  gint64           duration;
  gint64           position;
  double           drag_start_x;  /* where the pointer went down */
};

G_DEFINE_FINAL_TYPE (GovorunWaveformView, govorun_waveform_view, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_SEEK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Who speaks at @t: the last agent or caller line that started by then. */
static GovorunCallRole
role_at (GovorunWaveformView *self,
         gint64               t)
{
  GovorunCallRole role = 0;

  if (self->turns == NULL)
    return 0;
  for (guint i = 0; i < self->turns->len; i++)
    {
      const GovorunCallTurn *turn = g_ptr_array_index (self->turns, i);

      if (turn->offset_ms > t)
        break;
      if (turn->role != GOVORUN_CALL_ROLE_TOOL)
        role = turn->role;
    }
  return role;
}

static void
lookup (GtkWidget  *widget,
        const char *name,
        GdkRGBA    *color,
        const char *fallback)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color))
    gdk_rgba_parse (color, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
govorun_waveform_view_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  GovorunWaveformView *self = GOVORUN_WAVEFORM_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA agent, caller, other, cursor;
  int n_bars = MAX (width / (BAR_WIDTH + BAR_GAP), 1);
  double played = self->duration > 0 ? (double) self->position / self->duration : 0;

  lookup (widget, "accent_color", &agent, "#3584e4");
  lookup (widget, "warning_color", &caller, "#c64600");
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &other);
  G_GNUC_END_IGNORE_DEPRECATIONS
  cursor = other;

  for (int i = 0; i < n_bars; i++)
    {
      double fraction = (i + 0.5) / n_bars;
      gint64 t = (gint64) (fraction * MAX (self->duration, 0));
      float peak = 0.02f;
      GdkRGBA color;
      float bar;

      if (self->waveform != NULL && self->waveform->n_peaks > 0)
        {
          guint first = (guint) ((guint64) i * self->waveform->n_peaks / n_bars);
          guint last = MAX ((guint) ((guint64) (i + 1) * self->waveform->n_peaks / n_bars), first + 1);

          for (guint c = 0; c < self->waveform->n_channels; c++)
            for (guint p = first; p < last && p < self->waveform->n_peaks; p++)
              peak = MAX (peak, govorun_waveform_get_peak (self->waveform, c, p));
        }

      switch (role_at (self, t))
        {
        case GOVORUN_CALL_ROLE_AGENT:
          color = agent;
          break;
        case GOVORUN_CALL_ROLE_CALLER:
          color = caller;
          break;
        case GOVORUN_CALL_ROLE_TOOL:
        default:
          color = other;
          break;
        }
      /* What has been played is full colour, the rest faded. */
      color.alpha *= fraction <= played ? 0.95f : 0.4f;
      bar = MAX (peak * (height - 4), 2.0f);
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (i * (BAR_WIDTH + BAR_GAP), (height - bar) / 2,
                                                      BAR_WIDTH, bar));
    }

  if (self->duration > 0)
    gtk_snapshot_append_color (snapshot, &cursor,
                               &GRAPHENE_RECT_INIT ((float) (played * width) - 1, 0, 2, height));
}

static void
govorun_waveform_view_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 600;
    }
  else
    {
      *minimum = 40;
      *natural = 56;
    }
}

static void
seek_to_x (GovorunWaveformView *self,
           double               x)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  gint64 position;

  if (self->duration <= 0 || width <= 0)
    return;
  position = (gint64) (CLAMP (x / width, 0.0, 1.0) * self->duration);
  govorun_waveform_view_set_position (self, position);
  g_signal_emit (self, signals[SIGNAL_SEEK], 0, position);
}

static void
on_drag_begin (GtkGestureDrag      *gesture,
               double               x,
               double               y,
               GovorunWaveformView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_start_x = x;
  seek_to_x (self, x);
}

static void
on_drag_update (GtkGestureDrag      *gesture,
                double               dx,
                double               dy,
                GovorunWaveformView *self)
{
  /* The start as drag-begin saw it (the gesture's own start point is
   * the same while its sequence lasts). */
  seek_to_x (self, self->drag_start_x + dx);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GovorunWaveformView *self = GOVORUN_WAVEFORM_VIEW (widget);
  gint64 position;

  if (self->duration <= 0)
    return;
  position = CLAMP (self->position + g_variant_get_int32 (parameter), 0, self->duration);
  govorun_waveform_view_set_position (self, position);
  g_signal_emit (self, signals[SIGNAL_SEEK], 0, position);
}

static void
govorun_waveform_view_finalize (GObject *object)
{
  GovorunWaveformView *self = GOVORUN_WAVEFORM_VIEW (object);

  g_clear_pointer (&self->waveform, govorun_waveform_free);
  g_clear_pointer (&self->turns, g_ptr_array_unref);
  G_OBJECT_CLASS (govorun_waveform_view_parent_class)->finalize (object);
}

static void
govorun_waveform_view_class_init (GovorunWaveformViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = govorun_waveform_view_finalize;
  widget_class->snapshot = govorun_waveform_view_snapshot;
  widget_class->measure = govorun_waveform_view_measure;

  signals[SIGNAL_SEEK] =
    g_signal_new ("seek", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "waveform.step", "i", step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "waveform.step", "i",
                                       -KEY_STEP_MS);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "waveform.step", "i",
                                       KEY_STEP_MS);
  gtk_widget_class_set_css_name (widget_class, "waveform");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
govorun_waveform_view_init (GovorunWaveformView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->duration = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Recording position"),
                                  -1);
}

GtkWidget *
govorun_waveform_view_new (void)
{
  return g_object_new (GOVORUN_TYPE_WAVEFORM_VIEW, NULL);
}

void
govorun_waveform_view_set_waveform (GovorunWaveformView   *self,
                                    const GovorunWaveform *waveform)
{
  g_return_if_fail (GOVORUN_IS_WAVEFORM_VIEW (self));

  g_clear_pointer (&self->waveform, govorun_waveform_free);
  if (waveform != NULL)
    self->waveform = govorun_waveform_copy (waveform);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
govorun_waveform_view_set_turns (GovorunWaveformView *self,
                                 GPtrArray           *turns)
{
  g_return_if_fail (GOVORUN_IS_WAVEFORM_VIEW (self));

  if (turns != NULL)
    g_ptr_array_ref (turns);
  g_clear_pointer (&self->turns, g_ptr_array_unref);
  self->turns = turns;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
govorun_waveform_view_set_duration (GovorunWaveformView *self,
                                    gint64               duration_ms)
{
  g_return_if_fail (GOVORUN_IS_WAVEFORM_VIEW (self));

  self->duration = duration_ms;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) MAX (duration_ms, 0) / 1000,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
govorun_waveform_view_set_position (GovorunWaveformView *self,
                                    gint64               position_ms)
{
  g_return_if_fail (GOVORUN_IS_WAVEFORM_VIEW (self));

  if (self->position == position_ms)
    return;
  self->position = position_ms;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) position_ms / 1000,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gint64
govorun_waveform_view_get_position (GovorunWaveformView *self)
{
  g_return_val_if_fail (GOVORUN_IS_WAVEFORM_VIEW (self), 0);
  return self->position;
}
