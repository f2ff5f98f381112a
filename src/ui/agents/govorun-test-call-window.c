/* govorun-test-call-window.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestCallWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-error-banner.h"
#include "govorun-test-call-window.h"

/*
 * The window of a test conversation. First the agent's dynamic variables
 * (read from ElevenLabs, filled in here), then the call: its state, the
 * live transcript (the agent on the left, the person on the right,
 * tentative lines dim until their final text replaces them), the
 * microphone's level, mute, the agent's volume and Hang Up. Errors go to
 * the window's error banner. Closing the window hangs up.
 */

struct _GovorunTestCallWindow
{
  AdwWindow           parent_instance;

  GovorunTestCall    *call;
  GCancellable       *cancellable;

  AdwWindowTitle     *window_title;
  GovorunErrorBanner *error_banner;
  GtkStack           *stack;
  AdwPreferencesGroup *variables_group;
  GtkListBox         *variables_list;
  GtkWidget          *call_button;
  GtkLabel           *status_label;
  GtkScrolledWindow  *scroller;
  GtkListBox         *transcript_list;
  GtkToggleButton    *mute_button;
  GtkLevelBar        *level_bar;
  GtkAdjustment      *volume_adjustment;
  GtkWidget          *hang_up_button;
};

G_DEFINE_FINAL_TYPE (GovorunTestCallWindow, govorun_test_call_window, ADW_TYPE_WINDOW)

static const char *
state_text (GovorunTestCallState state)
{
  switch (state)
    {
    case GOVORUN_TEST_CALL_CONNECTING:
      return _("Connecting…");
    case GOVORUN_TEST_CALL_LISTENING:
      return _("Listening — speak now");
    case GOVORUN_TEST_CALL_AGENT_SPEAKING:
      return _("The agent is speaking");
    case GOVORUN_TEST_CALL_ENDED:
      return _("Call ended");
    case GOVORUN_TEST_CALL_FAILED:
      return _("Call failed");
    case GOVORUN_TEST_CALL_IDLE:
    default:
      return "";
    }
}

static void
on_state (GovorunTestCallWindow *self)
{
  GovorunTestCallState state = govorun_test_call_get_state (self->call);
  gboolean over = state == GOVORUN_TEST_CALL_ENDED || state == GOVORUN_TEST_CALL_FAILED;

  gtk_label_set_text (self->status_label, state_text (state));
  adw_window_title_set_subtitle (self->window_title, state_text (state));
  gtk_widget_set_sensitive (self->hang_up_button, !over && state != GOVORUN_TEST_CALL_IDLE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mute_button), !over);
  if (state == GOVORUN_TEST_CALL_FAILED && govorun_test_call_get_error_message (self->call) != NULL)
    govorun_error_banner_set_text (self->error_banner, govorun_test_call_get_error_message (self->call));
  if (over)
    gtk_level_bar_set_value (self->level_bar, 0.0);
}

static void
on_level (GovorunTestCallWindow *self)
{
  gtk_level_bar_set_value (self->level_bar, govorun_test_call_get_level (self->call));
}

/* Transcript rows */

static void
update_bubble (GtkLabel              *label,
               GParamSpec            *pspec,
               GovorunTranscriptLine *line)
{
  GtkWidget *widget = GTK_WIDGET (label);

  /* Plain text: provider words never reach markup. */
  gtk_label_set_text (label, govorun_transcript_line_get_text (line));
  if (govorun_transcript_line_get_tentative (line))
    {
      gtk_widget_add_css_class (widget, "tentative");
      gtk_widget_add_css_class (widget, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (widget, "tentative");
      gtk_widget_remove_css_class (widget, "dim-label");
    }
}

static void
scroll_to_end (GovorunTestCallWindow *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

static gboolean
scroll_later (gpointer user_data)
{
  scroll_to_end (user_data);
  return G_SOURCE_REMOVE;
}

static GtkWidget *
create_line_row (gpointer item,
                 gpointer user_data)
{
  GovorunTestCallWindow *self = user_data;
  GovorunTranscriptLine *line = item;
  gboolean agent = govorun_transcript_line_get_agent (line);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *who = gtk_label_new (agent ? _("Agent") : _("You"));
  GtkWidget *bubble = gtk_label_new (NULL);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_halign (box, agent ? GTK_ALIGN_START : GTK_ALIGN_END);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_start (box, agent ? 0 : 48);
  gtk_widget_set_margin_end (box, agent ? 48 : 0);
  gtk_widget_add_css_class (who, "caption");
  gtk_widget_add_css_class (who, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (who), agent ? 0.0 : 1.0);
  gtk_label_set_wrap (GTK_LABEL (bubble), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (bubble), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (bubble), 0.0);
  gtk_label_set_selectable (GTK_LABEL (bubble), TRUE);
  gtk_widget_add_css_class (bubble, "govorun-bubble");
  gtk_widget_add_css_class (bubble, agent ? "agent" : "user");
  update_bubble (GTK_LABEL (bubble), NULL, line);
  g_signal_connect_object (line, "notify::text", G_CALLBACK (update_bubble), bubble, G_CONNECT_SWAPPED);
  g_signal_connect_object (line, "notify::tentative", G_CALLBACK (update_bubble), bubble, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), who);
  gtk_box_append (GTK_BOX (box), bubble);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_idle_add_full (G_PRIORITY_LOW, scroll_later, g_object_ref (self), g_object_unref);
  return row;
}

/* Variables */

static void
on_variable_changed (GtkEditable         *editable,
                     GovorunCallVariable *variable)
{
  govorun_call_variable_set_value (variable, gtk_editable_get_text (editable));
}

static GtkWidget *
create_variable_row (gpointer item,
                     gpointer user_data)
{
  GovorunCallVariable *variable = item;
  GtkWidget *row = adw_entry_row_new ();

  /* A variable's name is the agent's own text: no markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), govorun_call_variable_get_name (variable));
  gtk_editable_set_text (GTK_EDITABLE (row), govorun_call_variable_get_value (variable));
  g_signal_connect_object (row, "changed", G_CALLBACK (on_variable_changed), variable, 0);
  return row;
}

static void
update_variables_group (GovorunTestCallWindow *self)
{
  guint n = g_list_model_get_n_items (govorun_test_call_get_variables (self->call));

  gtk_widget_set_visible (GTK_WIDGET (self->variables_list), n > 0);
  adw_preferences_group_set_description (self->variables_group,
                                         n > 0 ? _("The values the agent gets for this test conversation, as a website or a call would pass them.")
                                               : _("This agent uses no dynamic variables."));
}

static void
variables_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GovorunTestCallWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!govorun_test_call_load_variables_finish (GOVORUN_TEST_CALL (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        govorun_error_banner_set_text (self->error_banner, error->message);
      return;
    }
  update_variables_group (self);
  gtk_widget_set_sensitive (self->call_button, TRUE);
}

/* Calling */

static void
start_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GovorunTestCallWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!govorun_test_call_start_finish (GOVORUN_TEST_CALL (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    govorun_error_banner_set_text (self->error_banner, error->message);
}

static void
on_call_clicked (GovorunTestCallWindow *self)
{
  govorun_error_banner_set_text (self->error_banner, NULL);
  /* The variables' entries go out of sight: take the focus from them
   * first (GtkText warns when it is hidden while focused). */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_stack_set_visible_child_name (self->stack, "call");
  gtk_widget_grab_focus (self->hang_up_button);
  govorun_test_call_start_async (self->call, self->cancellable, start_cb, g_object_ref (self));
}

static void
on_hang_up_clicked (GovorunTestCallWindow *self)
{
  govorun_test_call_hang_up (self->call);
}

static void
on_mute_toggled (GovorunTestCallWindow *self)
{
  gboolean muted = gtk_toggle_button_get_active (self->mute_button);

  govorun_test_call_set_muted (self->call, muted);
  gtk_button_set_icon_name (GTK_BUTTON (self->mute_button),
                            muted ? "microphone-disabled-symbolic" : "audio-input-microphone-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mute_button), muted ? _("Unmute Microphone") : _("Mute Microphone"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mute_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  muted ? _("Unmute Microphone") : _("Mute Microphone"), -1);
}

static void
on_volume (GovorunTestCallWindow *self)
{
  govorun_test_call_set_volume (self->call, gtk_adjustment_get_value (self->volume_adjustment));
}

static gboolean
on_close_request (GtkWindow *window)
{
  GovorunTestCallWindow *self = GOVORUN_TEST_CALL_WINDOW (window);

  g_cancellable_cancel (self->cancellable);
  govorun_test_call_hang_up (self->call);
  return FALSE;
}

/* GObject */

static void
govorun_test_call_window_dispose (GObject *object)
{
  GovorunTestCallWindow *self = GOVORUN_TEST_CALL_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->call != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->call, self);
      govorun_test_call_hang_up (self->call);
    }
  g_clear_object (&self->call);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_TEST_CALL_WINDOW);
  G_OBJECT_CLASS (govorun_test_call_window_parent_class)->dispose (object);
}

static void
govorun_test_call_window_class_init (GovorunTestCallWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = govorun_test_call_window_dispose;
  window_class->close_request = on_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/govorun-test-call-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GovorunTestCallWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GovorunTestCallWindow, error_banner);
  gtk_widget_class_bind_template_child (widget_class, GovorunTestCallWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GovorunTestCallWindow, variables_group);
  gtk_widget_class_bind_template_child (widget_class, GovorunTestCallWindow, variables_list);
  gtk_widget_class_bind_template_child (widget_class, GovorunTestCallWindow, call_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunTestCallWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, GovorunTestCallWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, GovorunTestCallWindow, transcript_list);
  gtk_widget_class_bind_template_child (widget_class, GovorunTestCallWindow, mute_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunTestCallWindow, level_bar);
  gtk_widget_class_bind_template_child (widget_class, GovorunTestCallWindow, volume_adjustment);
  gtk_widget_class_bind_template_child (widget_class, GovorunTestCallWindow, hang_up_button);
  gtk_widget_class_bind_template_callback (widget_class, on_call_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_hang_up_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_mute_toggled);
  govorun_error_banner_install_action (widget_class, G_STRUCT_OFFSET (GovorunTestCallWindow, error_banner));
}

static void
govorun_test_call_window_init (GovorunTestCallWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

GovorunTestCallWindow *
govorun_test_call_window_new (GtkWindow        *parent,
                              GovorunTestCalls *test_calls,
                              GovorunAgent     *agent)
{
  GovorunTestCallWindow *self;

  g_return_val_if_fail (GOVORUN_IS_TEST_CALLS (test_calls), NULL);
  g_return_val_if_fail (GOVORUN_IS_AGENT (agent), NULL);

  self = g_object_new (GOVORUN_TYPE_TEST_CALL_WINDOW, "transient-for", parent, NULL);
  self->call = govorun_test_calls_create_call (test_calls, agent);
  adw_window_title_set_title (self->window_title, govorun_agent_get_name (agent));

  gtk_list_box_bind_model (self->variables_list, govorun_test_call_get_variables (self->call),
                           create_variable_row, self, NULL);
  gtk_list_box_bind_model (self->transcript_list, govorun_test_call_get_transcript (self->call),
                           create_line_row, self, NULL);
  g_signal_connect_swapped (self->call, "notify::state", G_CALLBACK (on_state), self);
  g_signal_connect_swapped (self->call, "notify::level", G_CALLBACK (on_level), self);
  g_signal_connect_swapped (self->volume_adjustment, "value-changed", G_CALLBACK (on_volume), self);
  on_state (self);

  gtk_widget_set_sensitive (self->call_button, FALSE);
  govorun_test_call_load_variables_async (self->call, self->cancellable, variables_cb, g_object_ref (self));
  return self;
}

GovorunTestCall *
govorun_test_call_window_get_call (GovorunTestCallWindow *self)
{
  g_return_val_if_fail (GOVORUN_IS_TEST_CALL_WINDOW (self), NULL);
  return self->call;
}
