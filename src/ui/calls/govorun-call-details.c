/* govorun-call-details.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "govorun-call-details.h"
#include "govorun-call-format.h"
#include "govorun-call-labels.h"
#include "govorun-format.h"
#include "govorun-player.h"
#include "govorun-toast.h"
#include "govorun-waveform-view.h"

/* Peaks drawn: more than any screen is wide, fewer than a long call's
 * samples. */
#define WAVEFORM_PEAKS 1200
/* Narrower than this, the transcript goes below the facts. */
#define NARROW_WIDTH 760

struct _GovorunCallDetails
{
  AdwWindow          parent_instance;

  GovorunServices   *services;
  gint64             call_id;
  GovorunRecordings *recordings;
  GovorunPlayer     *player;
  GCancellable      *cancellable;
  GovorunCallRecord *call;
  char              *audio_path;
  GPtrArray         *line_rows;   /* GtkListBoxRow per transcript turn (NULL for tool turns) */
  int                current_line;
  guint              scroll_tick;

  /* template children */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkButton           *play_button;
  GovorunWaveformView *waveform_view;
  GtkLabel            *time_label;
  GtkDropDown         *speed_dropdown;
  GtkScaleButton      *volume_button;
  GtkLabel            *status_label;
  GtkProgressBar      *progress_bar;
  GtkBox              *content_box;
  GtkBox              *facts_box;
  GtkScrolledWindow   *transcript_scroller;
  GtkListBox          *transcript_list;
};

G_DEFINE_FINAL_TYPE (GovorunCallDetails, govorun_call_details, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_SERVICES,
  PROP_CALL_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const double speeds[] = { 1.0, 1.5, 2.0 };

/* --- formatting ----------------------------------------------------------- */

static char *
format_clock (gint64 ms)
{
  gint64 s = MAX (ms, 0) / 1000;

  if (s >= 3600)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", s / 3600, (int) (s / 60 % 60), (int) (s % 60));
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d", s / 60, (int) (s % 60));
}




/* ElevenLabs' verdicts as the API spells them, in words. */
/* --- facts ---------------------------------------------------------------- */

static AdwPreferencesGroup *
add_group (GovorunCallDetails *self,
           const char         *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->facts_box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *value)
{
  GtkWidget *row;
  g_autofree char *escaped = NULL;
  g_autofree char *escaped_title = NULL;

  if (value == NULL || *value == '\0')
    return NULL;
  /* Row titles are markup; some come from ElevenLabs (field names, the
   * summary's title). */
  escaped = g_markup_escape_text (value, -1);
  escaped_title = g_markup_escape_text (title, -1);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  /* Nothing happens on activation: not a Tab stop (its copy button is). */
  gtk_widget_set_focusable (row, FALSE);
  adw_preferences_group_add (group, row);
  return row;
}

/* An id row with a button that copies it. */
static void
add_id_row (AdwPreferencesGroup *group,
            const char          *title,
            const char          *value)
{
  GtkWidget *row = add_row (group, title, value);
  GtkWidget *button;
  g_autofree char *label = NULL;

  if (row == NULL)
    return;
  button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: %s names an id, e.g. "ElevenLabs conversation" */
  label = g_strdup_printf (_("Copy %s"), title);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "details.copy");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", value);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static char *
cost_text (double      cost,
           const char *currency)
{
  if (currency == NULL)
    return NULL;
  if (g_str_equal (currency, "credits"))
    {
      guint credits = (guint) CLAMP (cost, 0, G_MAXUINT);

      /* Translators: ElevenLabs bills conversations in credits */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u credit", "%u credits", credits),
                              credits);
    }
  return govorun_format_money (cost, currency);
}

static void
add_analysis (GovorunCallDetails      *self,
              const GovorunCallInfo   *info,
              GovorunCallAnalysisKind  kind,
              const char              *title)
{
  AdwPreferencesGroup *group = NULL;

  if (info == NULL || info->analysis == NULL)
    return;
  for (guint i = 0; i < info->analysis->len; i++)
    {
      const GovorunCallAnalysisItem *item = g_ptr_array_index (info->analysis, i);
      g_autofree char *name = govorun_call_format_analysis_name (item->name);
      GtkWidget *row;

      if (item->kind != kind)
        continue;
      if (group == NULL)
        group = add_group (self, title);
      if (kind == GOVORUN_CALL_ANALYSIS_EVALUATION)
        {
          GtkWidget *verdict = gtk_label_new (govorun_call_criterion_label (item->result));
          g_autofree char *escaped_name = g_markup_escape_text (name, -1);

          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_name);
          if (item->rationale != NULL)
            {
              g_autofree char *escaped = g_markup_escape_text (item->rationale, -1);

              adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
              adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
            }
          gtk_widget_add_css_class (verdict,
                                    g_strcmp0 (item->result, "success") == 0 ? "success" :
                                    g_strcmp0 (item->result, "failure") == 0 ? "error" : "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), verdict);
          gtk_widget_set_focusable (row, FALSE);
          adw_preferences_group_add (group, row);
        }
      else
        {
          /* Name, value and why: ElevenLabs' rationale under the value. */
          g_autofree char *value = NULL;

          if (item->rationale != NULL && *item->rationale != '\0')
            value = g_strconcat (item->result != NULL ? item->result : "—", "\n",
                                 item->rationale, NULL);
          row = add_row (group, name, value != NULL ? value : item->result != NULL ? item->result : "—");
          if (row != NULL)
            gtk_widget_add_css_class (row, "analysis-data");
        }
    }
}

static void
fill_facts (GovorunCallDetails *self)
{
  GovorunCallRecord *call = self->call;
  const GovorunCallInfo *info = govorun_call_record_get_info (call);
  GovorunAgentStore *agents = govorun_services_get_agents (self->services);
  GovorunAgent *agent = NULL;
  AdwPreferencesGroup *group;
  g_autofree char *from = govorun_format_phone_number (govorun_call_record_get_from_number (call));
  g_autofree char *to = govorun_format_phone_number (govorun_call_record_get_to_number (call));
  g_autofree char *started = govorun_call_format_started_at (govorun_call_record_get_started_at (call));
  g_autofree char *duration = govorun_call_format_duration (govorun_call_record_get_duration (call));
  g_autofree char *status = govorun_call_format_status (govorun_call_record_get_status (call),
                                                        govorun_call_record_get_finish_reason (call));
  g_autofree char *vox_cost = cost_text (govorun_call_record_get_vox_cost (call),
                                         govorun_call_record_get_vox_currency (call));
  g_autofree char *el_cost = cost_text (govorun_call_record_get_el_cost (call),
                                        govorun_call_record_get_el_currency (call));
  g_autofree char *session = NULL;
  g_autofree char *leg = NULL;
  g_autofree char *agent_label = NULL;

  if (govorun_call_record_get_agent_uuid (call) != NULL)
    agent = govorun_agent_store_find_by_uuid (agents, govorun_call_record_get_agent_uuid (call));
  agent_label = govorun_call_agent_label (call, agent != NULL ? govorun_agent_get_name (agent) : NULL);
  adw_window_title_set_subtitle (self->window_title, started);

  group = add_group (self, _("Call"));
  add_row (group, _("From"), govorun_call_record_get_from_number (call) != NULL ? from : NULL);
  add_row (group, _("To"), govorun_call_record_get_to_number (call) != NULL ? to : NULL);
  add_row (group, _("Agent"), agent_label);
  if (govorun_call_record_get_direction (call) != GOVORUN_CALL_DIRECTION_UNKNOWN)
    add_row (group, _("Direction"), govorun_call_format_direction (govorun_call_record_get_direction (call)));
  add_row (group, _("Started"), started);
  add_row (group, _("Duration"), govorun_call_record_get_duration (call) > 0 ? duration : NULL);
  add_row (group, _("Status"), status);
  if (info != NULL)
    {
      add_row (group, _("Voximplant end reason"), info->end_reason);
      add_row (group, _("ElevenLabs end reason"), info->el_termination_reason);
      add_row (group, _("Language"), info->main_language);
      if (info->el_error != NULL)
        add_row (add_group (self, _("Errors")), _("ElevenLabs"), info->el_error);
    }

  if (vox_cost != NULL || el_cost != NULL)
    {
      group = add_group (self, _("Cost"));
      add_row (group, _("Voximplant"), vox_cost);
      add_row (group, _("ElevenLabs"), el_cost);
    }

  if (govorun_call_record_get_summary (call) != NULL)
    {
      group = add_group (self, _("Summary"));
      add_row (group, info != NULL && info->summary_title != NULL ? info->summary_title : _("ElevenLabs"),
               govorun_call_record_get_summary (call));
    }
  add_analysis (self, info, GOVORUN_CALL_ANALYSIS_EVALUATION, _("Evaluation"));
  add_analysis (self, info, GOVORUN_CALL_ANALYSIS_DATA, _("Collected Data"));

  group = add_group (self, _("Identifiers"));
  if (govorun_call_record_get_vox_session_id (call) != 0)
    session = g_strdup_printf ("%" G_GINT64_FORMAT, govorun_call_record_get_vox_session_id (call));
  if (govorun_call_record_get_vox_call_id (call) != 0)
    leg = g_strdup_printf ("%" G_GINT64_FORMAT, govorun_call_record_get_vox_call_id (call));
  add_id_row (group, _("Voximplant call session"), session);
  add_id_row (group, _("Voximplant call"), leg);
  add_id_row (group, _("ElevenLabs conversation"), govorun_call_record_get_el_conversation_id (call));
}

/* --- transcript ----------------------------------------------------------- */

static GtkWidget *
make_line (const GovorunCallTurn *turn)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *clock = format_clock (turn->offset_ms);
  GtkWidget *time = gtk_label_new (clock);
  GtkWidget *who;
  GtkWidget *text;

  gtk_widget_add_css_class (time, "dim-label");
  gtk_widget_add_css_class (time, "numeric");
  gtk_label_set_xalign (GTK_LABEL (time), 1);
  gtk_label_set_width_chars (GTK_LABEL (time), 5);
  gtk_widget_set_valign (time, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), time);

  switch (turn->role)
    {
    case GOVORUN_CALL_ROLE_AGENT:
      who = gtk_label_new (_("Agent"));
      gtk_widget_add_css_class (row, "agent-line");
      break;
    case GOVORUN_CALL_ROLE_CALLER:
      who = gtk_label_new (_("Caller"));
      gtk_widget_add_css_class (row, "caller-line");
      break;
    case GOVORUN_CALL_ROLE_TOOL:
    default:
      who = gtk_label_new (_("Tool"));
      gtk_widget_add_css_class (row, "tool-line");
      break;
    }
  gtk_label_set_xalign (GTK_LABEL (who), 0);
  gtk_widget_add_css_class (who, "caption-heading");
  gtk_box_append (GTK_BOX (text_box), who);

  text = gtk_label_new (turn->text);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_set_hexpand (text, TRUE);
  if (turn->role == GOVORUN_CALL_ROLE_TOOL)
    {
      /* Tool calls are compact: one dim line. */
      gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
      gtk_label_set_wrap (GTK_LABEL (text), FALSE);
      gtk_widget_add_css_class (text, "dim-label");
      gtk_widget_add_css_class (text, "caption");
    }
  gtk_box_append (GTK_BOX (text_box), text);
  gtk_box_append (GTK_BOX (box), text_box);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  {
    /* Read as one line: who, when, what. */
    g_autofree char *name = g_strdup_printf ("%s, %s: %s", gtk_label_get_label (GTK_LABEL (who)),
                                             clock, turn->text);

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  return row;
}

static void
fill_transcript (GovorunCallDetails *self)
{
  GPtrArray *turns = govorun_call_record_get_transcript (self->call);

  g_ptr_array_set_size (self->line_rows, 0);
  if (turns == NULL || turns->len == 0)
    {
      GtkWidget *empty = gtk_label_new (_("This call has no transcript."));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_widget_set_margin_top (empty, 12);
      gtk_widget_set_margin_bottom (empty, 12);
      gtk_list_box_set_placeholder (self->transcript_list, empty);
      return;
    }
  for (guint i = 0; i < turns->len; i++)
    {
      const GovorunCallTurn *turn = g_ptr_array_index (turns, i);
      GtkWidget *row = make_line (turn);

      g_object_set_data (G_OBJECT (row), "govorun-line", GUINT_TO_POINTER (i + 1));
      gtk_list_box_append (self->transcript_list, row);
      g_ptr_array_add (self->line_rows, row);
    }
  govorun_waveform_view_set_turns (self->waveform_view, turns);
}

/* Scrolls the transcript so that the line being spoken shows, as little
 * as needed; on the next frame, when the list's layout is current. */
static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  GovorunCallDetails *self = GOVORUN_CALL_DETAILS (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->transcript_scroller);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->transcript_scroller);
  GtkWidget *content = viewport != NULL ? gtk_widget_get_first_child (viewport) : NULL;
  GtkWidget *row = self->current_line >= 0 && (guint) self->current_line < self->line_rows->len
                   ? g_ptr_array_index (self->line_rows, self->current_line) : NULL;
  graphene_rect_t bounds;
  double top;

  if (clock != NULL)
    self->scroll_tick = 0;
  /* Measured in the scrolled content (not the viewport, whose coordinates
   * move with the scroll): the adjustment's coordinates. */
  if (row != NULL && content != NULL && gtk_widget_compute_bounds (row, content, &bounds))
    {
      top = bounds.origin.y + gtk_widget_get_margin_top (content);
      gtk_adjustment_clamp_page (adjustment, top - 12, top + bounds.size.height + 12);
    }
  return G_SOURCE_REMOVE;
}

static void
scroll_to_current_line (GovorunCallDetails *self)
{
  /* Now, from the list's own layout, and once more on the next frame in
   * case the list was still being laid out. */
  scroll_tick (GTK_WIDGET (self), NULL, NULL);
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick, NULL, NULL);
}

/* The line being spoken at @position: the last agent or caller line that
 * started by then. */
static void
follow_position (GovorunCallDetails *self,
                 gint64              position)
{
  GPtrArray *turns = self->call != NULL ? govorun_call_record_get_transcript (self->call) : NULL;
  int line = -1;

  if (turns == NULL)
    return;
  for (guint i = 0; i < turns->len; i++)
    {
      const GovorunCallTurn *turn = g_ptr_array_index (turns, i);

      if (turn->offset_ms > position)
        break;
      if (turn->role != GOVORUN_CALL_ROLE_TOOL)
        line = i;
    }
  if (line == self->current_line)
    return;
  self->current_line = line;
  if (line < 0)
    {
      gtk_list_box_unselect_all (self->transcript_list);
      return;
    }
  gtk_list_box_select_row (self->transcript_list, g_ptr_array_index (self->line_rows, line));
  scroll_to_current_line (self);
}

static void
on_line_activated (GovorunCallDetails *self,
                   GtkListBoxRow      *row)
{
  GPtrArray *turns = govorun_call_record_get_transcript (self->call);
  guint line = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "govorun-line"));
  const GovorunCallTurn *turn;

  if (line == 0 || turns == NULL || line > turns->len)
    return;
  turn = g_ptr_array_index (turns, line - 1);
  if (govorun_player_get_state (self->player) == GOVORUN_PLAYER_STATE_EMPTY)
    return;
  govorun_player_seek (self->player, turn->offset_ms);
  govorun_player_play (self->player);
}

/* --- player --------------------------------------------------------------- */

static void
update_time (GovorunCallDetails *self)
{
  g_autofree char *position = format_clock (govorun_player_get_position (self->player));
  g_autofree char *duration = format_clock (MAX (govorun_player_get_duration (self->player), 0));
  g_autofree char *text = g_strdup_printf ("%s / %s", position, duration);

  gtk_label_set_label (self->time_label, text);
}

static void
on_position (GovorunCallDetails *self)
{
  gint64 position = govorun_player_get_position (self->player);

  update_time (self);
  govorun_waveform_view_set_position (self->waveform_view, position);
  follow_position (self, position);
}

static void
on_duration (GovorunCallDetails *self)
{
  govorun_waveform_view_set_duration (self->waveform_view, govorun_player_get_duration (self->player));
  update_time (self);
}

static void
on_state (GovorunCallDetails *self)
{
  GovorunPlayerState state = govorun_player_get_state (self->player);
  gboolean playing = state == GOVORUN_PLAYER_STATE_PLAYING;
  const char *label = playing ? _("Pause") : _("Play");

  gtk_button_set_icon_name (self->play_button,
                            playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.play",
                                 state != GOVORUN_PLAYER_STATE_EMPTY);
}

static void
show_status (GovorunCallDetails *self,
             const char         *text)
{
  gtk_label_set_label (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

static void
on_player_error (GovorunCallDetails *self,
                 GError             *error)
{
  show_status (self, error->message);
}

static void
on_seek (GovorunCallDetails *self,
         gint64              position)
{
  govorun_player_seek (self->player, position);
}

static void
on_speed (GovorunCallDetails *self)
{
  guint selected = gtk_drop_down_get_selected (self->speed_dropdown);

  if (selected < G_N_ELEMENTS (speeds))
    govorun_player_set_rate (self->player, speeds[selected]);
}

static void
on_volume (GovorunCallDetails *self,
           double              value)
{
  govorun_player_set_volume (self->player, value);
}

static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  govorun_player_toggle (GOVORUN_CALL_DETAILS (widget)->player);
}

static void
on_waveform (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GovorunCallDetails *self = user_data; /* borrowed: dispose cancels */
  g_autoptr(GovorunWaveform) waveform = NULL;
  g_autoptr(GError) error = NULL;

  waveform = govorun_waveform_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (waveform == NULL)
    {
      /* The player says what is wrong with the file; a missing outline
       * only makes the bar flat. */
      g_debug ("No waveform: %s", error->message);
      return;
    }
  govorun_waveform_view_set_waveform (self->waveform_view, waveform);
  if (govorun_player_get_duration (self->player) <= 0)
    govorun_waveform_view_set_duration (self->waveform_view, waveform->duration_ms);
}

static void
on_downloaded (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GovorunCallDetails *self = user_data; /* borrowed: dispose cancels */
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  path = govorun_recordings_download_finish (GOVORUN_RECORDINGS (source), result, &error);
  /* Closed meanwhile: the dialog is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  if (path == NULL)
    {
      show_status (self, error->message);
      return;
    }

  show_status (self, NULL);
  self->audio_path = g_steal_pointer (&path);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.save-recording", TRUE);
  if (!govorun_player_load (self->player, self->audio_path, &error))
    {
      show_status (self, error->message);
      return;
    }
  govorun_waveform_load_async (self->audio_path, WAVEFORM_PEAKS, self->cancellable, on_waveform, self);
}

static void
on_download_progress (goffset  current,
                      goffset  total,
                      gpointer user_data)
{
  GovorunCallDetails *self = user_data;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (total > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Downloading the recording… %d %%"),
                                               (int) (current * 100 / total));

      gtk_progress_bar_set_fraction (self->progress_bar, (double) current / total);
      show_status (self, text);
    }
  else
    {
      gtk_progress_bar_pulse (self->progress_bar);
    }
}

static void
start_audio (GovorunCallDetails *self)
{
  if (!govorun_recordings_has_audio (self->recordings, self->call))
    {
      show_status (self, _("This call has no recording: neither Voximplant nor ElevenLabs kept its audio."));
      return;
    }
  show_status (self, _("Downloading the recording…"));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  /* The dialog is referenced while the download runs; cancelled on close. */
  govorun_recordings_download_async (self->recordings, self->call, on_download_progress, self,
                                     self->cancellable, on_downloaded, self);
}

static void
on_call_fetched (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GovorunCallDetails *self = user_data; /* borrowed: dispose cancels */
  g_autoptr(GError) error = NULL;
  GovorunCallRecord *call;

  call = govorun_recordings_fetch_call_finish (GOVORUN_RECORDINGS (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->call = call;
  if (self->call == NULL)
    {
      show_status (self, error->message);
      return;
    }
  fill_facts (self);
  fill_transcript (self);
  start_audio (self);
}

/* --- actions -------------------------------------------------------------- */

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), g_variant_get_string (parameter, NULL));
  govorun_toast_show (widget, _("Copied"));
}

/* What the file is, from its first bytes: the cache does not keep names. */
static const char *
audio_extension (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  guchar head[4] = { 0, };

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, NULL, NULL, NULL))
    return "mp3";
  if (memcmp (head, "RIFF", 4) == 0)
    return "wav";
  if (memcmp (head, "OggS", 4) == 0)
    return "ogg";
  return "mp3";
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GovorunCallDetails *self = user_data; /* borrowed: dispose cancels */
  g_autoptr(GError) error = NULL;

  if (!g_file_copy_finish (G_FILE (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  govorun_toast_show (GTK_WIDGET (self), error == NULL ? _("Recording saved") : error->message);
}

static void
on_save_response (GtkNativeDialog    *chooser,
                  int                 response,
                  GovorunCallDetails *self)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_autoptr(GFile) target = response == GTK_RESPONSE_ACCEPT
                            ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (target != NULL && self->audio_path != NULL)
    {
      g_autoptr(GFile) cached = g_file_new_for_path (self->audio_path);

      g_file_copy_async (cached, target, G_FILE_COPY_OVERWRITE, G_PRIORITY_DEFAULT,
                         self->cancellable, NULL, NULL, on_saved, self);
    }
  g_object_unref (chooser);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GovorunCallDetails *self = GOVORUN_CALL_DETAILS (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;

  if (self->audio_path == NULL)
    return;
  if (govorun_call_record_get_started_at (self->call) > 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (govorun_call_record_get_started_at (self->call));
      g_autoptr(GDateTime) local = g_date_time_to_local (utc);

      date = g_date_time_format (local, "%Y-%m-%d-%H%M");
    }
  /* Translators: the file name offered for a saved recording; %s is a date */
  name = g_strdup_printf (_("call-%s.%s"), date != NULL ? date : "recording",
                          audio_extension (self->audio_path));

  /* The portal's chooser when sandboxed (GtkFileChooserNative). */
  chooser = gtk_file_chooser_native_new (_("Save Recording As…"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- layout --------------------------------------------------------------- */

static void
on_width (GovorunCallDetails *self)
{
  int width = 0, height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->content_box),
                                  width > 0 && width < NARROW_WIDTH ? GTK_ORIENTATION_VERTICAL
                                                                    : GTK_ORIENTATION_HORIZONTAL);
}

/* --- object --------------------------------------------------------------- */

static void
govorun_call_details_constructed (GObject *object)
{
  GovorunCallDetails *self = GOVORUN_CALL_DETAILS (object);

  G_OBJECT_CLASS (govorun_call_details_parent_class)->constructed (object);

  g_return_if_fail (GOVORUN_IS_SERVICES (self->services));
  self->recordings = g_object_ref (govorun_services_get_recordings (self->services));
  show_status (self, _("Loading the call…"));
  govorun_recordings_fetch_call_async (self->recordings, self->call_id, self->cancellable,
                                       on_call_fetched, self);
}

static void
govorun_call_details_dispose (GObject *object)
{
  GovorunCallDetails *self = GOVORUN_CALL_DETAILS (object);

  g_cancellable_cancel (self->cancellable);
  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
      self->scroll_tick = 0;
    }
  if (self->player != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->player, self);
      govorun_player_unload (self->player);
      g_clear_object (&self->player);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_CALL_DETAILS);
  G_OBJECT_CLASS (govorun_call_details_parent_class)->dispose (object);
}

static void
govorun_call_details_finalize (GObject *object)
{
  GovorunCallDetails *self = GOVORUN_CALL_DETAILS (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->services);
  g_clear_object (&self->recordings);
  g_clear_object (&self->call);
  g_clear_pointer (&self->line_rows, g_ptr_array_unref);
  g_free (self->audio_path);
  G_OBJECT_CLASS (govorun_call_details_parent_class)->finalize (object);
}

static void
govorun_call_details_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GovorunCallDetails *self = GOVORUN_CALL_DETAILS (object);

  switch (prop_id)
    {
    case PROP_SERVICES:
      g_value_set_object (value, self->services);
      break;
    case PROP_CALL_ID:
      g_value_set_int64 (value, self->call_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_call_details_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  GovorunCallDetails *self = GOVORUN_CALL_DETAILS (object);

  switch (prop_id)
    {
    case PROP_SERVICES:
      self->services = g_value_dup_object (value);
      break;
    case PROP_CALL_ID:
      self->call_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_call_details_class_init (GovorunCallDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = govorun_call_details_constructed;
  object_class->dispose = govorun_call_details_dispose;
  object_class->finalize = govorun_call_details_finalize;
  object_class->get_property = govorun_call_details_get_property;
  object_class->set_property = govorun_call_details_set_property;

  properties[PROP_SERVICES] =
    g_param_spec_object ("services", NULL, NULL, GOVORUN_TYPE_SERVICES,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CALL_ID] =
    g_param_spec_int64 ("call-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GOVORUN_TYPE_WAVEFORM_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/govorun-call-details.ui");
  gtk_widget_class_bind_template_child (widget_class, GovorunCallDetails, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallDetails, window_title);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallDetails, play_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallDetails, waveform_view);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallDetails, time_label);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallDetails, speed_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallDetails, volume_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallDetails, status_label);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallDetails, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallDetails, content_box);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallDetails, facts_box);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallDetails, transcript_scroller);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallDetails, transcript_list);
  gtk_widget_class_bind_template_callback (widget_class, on_line_activated);

  gtk_widget_class_install_action (widget_class, "details.play", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "details.save-recording", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "details.copy", "s", copy_action);
  govorun_toast_install_action (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, GDK_CONTROL_MASK,
                                       "details.play", NULL);
}

static void
govorun_call_details_init (GovorunCallDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->line_rows = g_ptr_array_new ();
  self->current_line = -1;
  self->player = govorun_player_new ();
  g_signal_connect_swapped (self->player, "notify::position", G_CALLBACK (on_position), self);
  g_signal_connect_swapped (self->player, "notify::duration", G_CALLBACK (on_duration), self);
  g_signal_connect_swapped (self->player, "notify::state", G_CALLBACK (on_state), self);
  g_signal_connect_swapped (self->player, "error", G_CALLBACK (on_player_error), self);
  g_signal_connect_swapped (self->waveform_view, "seek", G_CALLBACK (on_seek), self);
  g_signal_connect_swapped (self->speed_dropdown, "notify::selected", G_CALLBACK (on_speed), self);
  g_signal_connect_swapped (self->volume_button, "value-changed", G_CALLBACK (on_volume), self);
  g_signal_connect (self, "notify::default-width", G_CALLBACK (on_width), NULL);
  /* The volume button's own toggle is what Tab reaches and a screen reader
   * names. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->volume_button));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Volume"), -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.play", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.save-recording", FALSE);
  on_width (self);
}

GtkWidget *
govorun_call_details_new (GovorunServices *services,
                          gint64           call_id)
{
  return g_object_new (GOVORUN_TYPE_CALL_DETAILS, "services", services, "call-id", call_id, NULL);
}
