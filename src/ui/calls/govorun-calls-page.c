/* govorun-calls-page.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallsPage"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-analysis-filter.h"
#include "govorun-call-details.h"
#include "govorun-call-labels.h"
#include "govorun-call-format.h"
#include "govorun-calls-page.h"
#include "govorun-error-banner.h"
#include "govorun-export-dialog.h"
#include "govorun-format.h"
#include "govorun-search-shortcut.h"

/* Typing pauses this long before the list queries again. */
#define SEARCH_DELAY_MS 300

typedef enum
{
  RANGE_ALL,
  RANGE_TODAY,
  RANGE_WEEK,
  RANGE_MONTH,
  RANGE_CUSTOM,
} Range;

typedef enum
{
  COLUMN_STARTED_AT,
  COLUMN_DIRECTION,
  COLUMN_FROM,
  COLUMN_TO,
  COLUMN_AGENT,
  COLUMN_CAMPAIGN,
  COLUMN_DURATION,
  COLUMN_STATUS,
  COLUMN_SUCCESS,
  COLUMN_COST,
  N_COLUMNS
} Column;

/* What the store can sort by, per column; -1: not sortable. */
static const int column_sort[N_COLUMNS] = {
  [COLUMN_STARTED_AT] = GOVORUN_CALL_SORT_STARTED_AT,
  /* An icon column: its header stays blank and narrow (the direction is
   * a filter; sorting by it would need a header button with a title). */
  [COLUMN_DIRECTION] = -1,
  [COLUMN_FROM] = -1,
  [COLUMN_TO] = -1,
  [COLUMN_AGENT] = GOVORUN_CALL_SORT_AGENT,
  [COLUMN_CAMPAIGN] = -1,
  [COLUMN_DURATION] = GOVORUN_CALL_SORT_DURATION,
  [COLUMN_STATUS] = GOVORUN_CALL_SORT_STATUS,
  [COLUMN_SUCCESS] = GOVORUN_CALL_SORT_SUCCESS,
  [COLUMN_COST] = GOVORUN_CALL_SORT_COST,
};

/* The least a column's cells take, in characters: enough to read a number
 * or a date whole; the rest ellipsize, and at 1024 pixels the table
 * scrolls sideways rather than cutting numbers. */
static const int column_chars[N_COLUMNS] = {
  [COLUMN_STARTED_AT] = 14,
  [COLUMN_DIRECTION] = 0,
  [COLUMN_FROM] = 15,
  [COLUMN_TO] = 15,
  [COLUMN_AGENT] = 10,
  [COLUMN_CAMPAIGN] = 10,
  [COLUMN_DURATION] = 6,
  [COLUMN_STATUS] = 10,
  [COLUMN_SUCCESS] = 8,
  [COLUMN_COST] = 8,
};

struct _GovorunCallsPage
{
  GovorunPage          parent_instance;

  GovorunServices     *services;
  GovorunCallList     *calls;          /* from the services, once ready */
  GovorunCallSync     *sync;
  GListModel          *accounts;
  GovorunAgentStore   *agents;
  GPtrArray           *agent_uuids;    /* of the agent drop-down's rows after "Any" */
  GtkStringList       *agent_names;

  Range                range;
  gint64               custom_from;    /* local midnights, Unix time */
  gint64               custom_until;
  gboolean             picking_last;   /* the next calendar click ends the custom range */
  gboolean             resetting;      /* clearing filters: one query at the end */
  gboolean             stale;          /* the history changed while hidden */
  gboolean             was_shown;      /* the rows are attached from then on */

  char                *dismissed_error;
  gboolean             showing_error;   /* update_error is changing the banner */
  double               restore_scroll; /* < 0: nothing to restore */
  guint                pulse_id;
  /* Two items for probing the column view's sorter (see on_sorter_changed). */
  GovorunCallRecord   *probe_a;
  GovorunCallRecord   *probe_b;
  int                  probed_sort;

  /* template children */
  GtkWidget           *filter_bar;
  GtkWidget           *summary_bar;
  GtkSearchEntry      *search_entry;
  GtkMenuButton       *date_button;
  GtkPopover          *date_popover;
  GtkLabel            *date_label;
  GtkCheckButton      *range_all;
  GtkCheckButton      *range_today;
  GtkCheckButton      *range_week;
  GtkCheckButton      *range_month;
  GtkCheckButton      *range_custom;
  GtkWidget           *custom_hint;
  GtkCalendar         *calendar;
  GtkMenuButton       *filters_button;
  GtkLabel            *filters_label;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *direction_dropdown;
  GtkDropDown         *agent_dropdown;
  GovorunAnalysisFilter *analysis_filter;
  GtkDropDown         *success_dropdown;
  GovorunErrorBanner  *error_banner;
  GtkRevealer         *progress_revealer;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
  GtkLabel            *summary_label;
  GtkLabel            *last_synced_label;
  GtkStack            *stack;
  GtkScrolledWindow   *scroller;
  GtkColumnView       *column_view;
  AdwStatusPage       *empty_page;
  GtkButton           *empty_button;
  GtkColumnViewColumn *columns[N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (GovorunCallsPage, govorun_calls_page, GOVORUN_TYPE_PAGE)

enum {
  PROP_0,
  PROP_SERVICES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_view    (GovorunCallsPage *self);
static void update_summary (GovorunCallsPage *self);

/* --- hooks for the dialogs of other files -------------------------------------- */

/* Row activation and "calls.open": the call details (a dialog taking the
 * services and the call id) open here. */
static void
open_call (GovorunCallsPage *self,
           gint64            id)
{
  GtkWidget *details = govorun_call_details_new (self->services, id);

  gtk_window_set_transient_for (GTK_WINDOW (details), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (details));
}

/* "calls.export": exactly what the list shows, in its order. */
static void
export_calls (GovorunCallsPage *self)
{
  GovorunExportDialog *dialog;
  GovorunCallSortKey sort;
  gboolean descending = TRUE;

  if (self->services == NULL || self->calls == NULL)
    return;
  sort = govorun_call_list_get_sort (self->calls, &descending);
  dialog = govorun_export_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                      self->services, govorun_call_list_get_filter (self->calls),
                                      sort, descending);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- cells ---------------------------------------------------------------------- */

static char *
agent_name (GovorunCallsPage  *self,
            GovorunCallRecord *record)
{
  const char *uuid = govorun_call_record_get_agent_uuid (record);
  GovorunAgent *agent = NULL;
  char *label;

  if (uuid != NULL && self->agents != NULL)
    agent = govorun_agent_store_find_by_uuid (self->agents, uuid);
  label = govorun_call_agent_label (record, agent != NULL ? govorun_agent_get_name (agent) : NULL);
  return label != NULL ? label : g_strdup ("");
}

static char *
cell_text (GovorunCallsPage  *self,
           Column             column,
           GovorunCallRecord *record)
{
  switch (column)
    {
    case COLUMN_STARTED_AT:
      return govorun_call_format_started_at (govorun_call_record_get_started_at (record));
    case COLUMN_DIRECTION:
      return g_strdup (govorun_call_format_direction (govorun_call_record_get_direction (record)));
    case COLUMN_FROM:
      return govorun_format_phone_number (govorun_call_record_get_from_number (record));
    case COLUMN_TO:
      return govorun_format_phone_number (govorun_call_record_get_to_number (record));
    case COLUMN_AGENT:
      return agent_name (self, record);
    case COLUMN_CAMPAIGN:
      return g_strdup ("");
    case COLUMN_DURATION:
      return govorun_call_format_duration (govorun_call_record_get_duration (record));
    case COLUMN_STATUS:
      return govorun_call_format_status (govorun_call_record_get_status (record),
                                         govorun_call_record_get_finish_reason (record));
    case COLUMN_SUCCESS:
      return g_strdup (govorun_call_format_success (govorun_call_record_get_success (record)));
    case COLUMN_COST:
      return govorun_call_format_cost (record);
    case N_COLUMNS:
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

/* A cell's tooltip is asked for when the pointer rests on it: setting
 * one while binding (gtk_widget_set_tooltip_text) makes GTK 4.8 look where
 * the pointer is, a round trip to the X server per cell, so a screenful
 * of rows took seconds to bind on a busy display. */
#define CELL_TOOLTIP "govorun-cell-tooltip"

static gboolean
on_cell_query_tooltip (GtkWidget  *cell,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip)
{
  const char *text = g_object_get_data (G_OBJECT (cell), CELL_TOOLTIP);

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
column_has_tooltip (Column column)
{
  /* Long statuses and agent names are cut in the cell, whole in the
   * tooltip; the direction is an icon. */
  return column == COLUMN_DIRECTION || column == COLUMN_STATUS || column == COLUMN_AGENT ||
         column == COLUMN_COST;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            GovorunCallsPage         *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "govorun-column"));
  GtkWidget *label;

  if (column == COLUMN_DIRECTION)
    {
      GtkWidget *image = gtk_image_new ();

      gtk_widget_set_has_tooltip (image, TRUE);
      g_signal_connect (image, "query-tooltip", G_CALLBACK (on_cell_query_tooltip), NULL);
      gtk_list_item_set_child (item, image);
      return;
    }

  label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), column_chars[column]);
  gtk_label_set_xalign (GTK_LABEL (label),
                        column == COLUMN_DURATION || column == COLUMN_COST ? 1.0 : 0.0);
  if (column == COLUMN_DURATION || column == COLUMN_COST || column == COLUMN_STARTED_AT)
    gtk_widget_add_css_class (label, "numeric");
  if (column_has_tooltip (column))
    {
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (on_cell_query_tooltip), NULL);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           GovorunCallsPage         *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "govorun-column"));
  GovorunCallRecord *record = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  gboolean placeholder = govorun_call_record_is_placeholder (record);
  g_autofree char *text = NULL;

  /* A row whose page is on its way is blank and dim: never a wait. */
  gtk_widget_set_opacity (child, placeholder ? 0.4 : 1.0);
  text = placeholder ? g_strdup (column == COLUMN_STARTED_AT ? "…" : "")
                     : cell_text (self, column, record);

  if (column == COLUMN_DIRECTION)
    {
      const char *icon = placeholder ? NULL
        : govorun_call_format_direction_icon (govorun_call_record_get_direction (record));

      gtk_image_set_from_icon_name (GTK_IMAGE (child), icon);
      g_object_set_data_full (G_OBJECT (child), CELL_TOOLTIP, g_strdup (text), g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      -1);
      return;
    }

  gtk_label_set_text (GTK_LABEL (child), text);
  if (column_has_tooltip (column))
    g_object_set_data_full (G_OBJECT (child), CELL_TOOLTIP, g_steal_pointer (&text), g_free);
}

/* --- sorting -------------------------------------------------------------------- */

typedef struct
{
  GovorunCallsPage *self;
  int               sort;
} Probe;

/* Nothing is sorted here (the store sorts); the compare only tells which
 * column the column view asks first, and its direction. */
static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  Probe *probe = user_data;

  if (probe->self->probed_sort < 0)
    probe->self->probed_sort = probe->sort;
  return GTK_ORDERING_SMALLER;
}

/* GTK 4.8 has no getter for the column view's primary sort column (4.10
 * has): comparing two items through its sorter tells it, as the first
 * column sorter called, and the order it returns tells the direction. */
static void
on_sorter_changed (GovorunCallsPage *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering order;

  self->probed_sort = -1;
  order = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);
  if (self->calls == NULL)
    return;
  if (order == GTK_ORDERING_EQUAL || self->probed_sort < 0)
    govorun_call_list_set_sort (self->calls, GOVORUN_CALL_SORT_STARTED_AT, TRUE);
  else
    govorun_call_list_set_sort (self->calls, self->probed_sort, order == GTK_ORDERING_LARGER);
}

/* --- columns -------------------------------------------------------------------- */

static GtkColumnViewColumn *
add_column (GovorunCallsPage *self,
            Column            column,
            const char       *title,
            gboolean          expand,
            int               fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "govorun-column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  if (column_sort[column] >= 0)
    {
      Probe *probe = g_new0 (Probe, 1);
      GtkSorter *sorter;

      probe->self = self;
      probe->sort = column_sort[column];
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, probe, g_free));
      gtk_column_view_column_set_sorter (view_column, sorter);
      g_object_unref (sorter);
    }
  gtk_column_view_append_column (self->column_view, view_column);
  self->columns[column] = view_column;
  g_object_unref (view_column);
  return view_column;
}

static void
build_columns (GovorunCallsPage *self)
{
  add_column (self, COLUMN_STARTED_AT, _("Date"), FALSE, -1);
  add_column (self, COLUMN_DIRECTION, "", FALSE, -1);
  add_column (self, COLUMN_FROM, _("From"), FALSE, -1);
  add_column (self, COLUMN_TO, _("To"), FALSE, -1);
  add_column (self, COLUMN_AGENT, _("Agent"), TRUE, -1);
  /* Kept but hidden: no call belongs to a campaign until campaigns exist;
   * an empty column would take the room 1024 pixels do not have. */
  gtk_column_view_column_set_visible (add_column (self, COLUMN_CAMPAIGN, _("Campaign"), TRUE, -1),
                                      FALSE);
  add_column (self, COLUMN_DURATION, _("Duration"), FALSE, -1);
  add_column (self, COLUMN_STATUS, _("Status"), TRUE, -1);
  add_column (self, COLUMN_SUCCESS, _("Evaluation"), FALSE, -1);
  add_column (self, COLUMN_COST, _("Cost"), FALSE, -1);

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed), self, G_CONNECT_SWAPPED);
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_STARTED_AT],
                                  GTK_SORT_DESCENDING);
}

/* --- filters -------------------------------------------------------------------- */

static gint64
local_midnight (GDateTime *time,
                int        days_ago)
{
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_time_get_year (time),
                                                    g_date_time_get_month (time),
                                                    g_date_time_get_day_of_month (time),
                                                    0, 0, 0);
  g_autoptr(GDateTime) start = g_date_time_add_days (day, -days_ago);

  return g_date_time_to_unix (start);
}

static GovorunCallFilter *
build_filter (GovorunCallsPage *self)
{
  GovorunCallFilter *filter = govorun_call_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint direction = gtk_drop_down_get_selected (self->direction_dropdown);
  guint success = gtk_drop_down_get_selected (self->success_dropdown);
  guint agent = gtk_drop_down_get_selected (self->agent_dropdown);

  switch (self->range)
    {
    case RANGE_TODAY:
      filter->started_from = local_midnight (now, 0);
      break;
    case RANGE_WEEK:
      filter->started_from = local_midnight (now, 6);
      break;
    case RANGE_MONTH:
      filter->started_from = local_midnight (now, 29);
      break;
    case RANGE_CUSTOM:
      filter->started_from = self->custom_from;
      filter->started_until = self->custom_until;
      break;
    case RANGE_ALL:
    default:
      break;
    }

  /* Each drop-down lists "Any" first, then the enum's values from 1. */
  filter->status = status > 0 && status != GTK_INVALID_LIST_POSITION ? (int) status
                                                                     : GOVORUN_CALL_FILTER_ANY;
  filter->direction = direction > 0 && direction != GTK_INVALID_LIST_POSITION
                      ? (int) direction : GOVORUN_CALL_FILTER_ANY;
  filter->success = success > 0 && success != GTK_INVALID_LIST_POSITION
                    ? (int) success : GOVORUN_CALL_FILTER_ANY;
  if (agent > 0 && agent != GTK_INVALID_LIST_POSITION && agent - 1 < self->agent_uuids->len)
    filter->agent_uuid = g_strdup (g_ptr_array_index (self->agent_uuids, agent - 1));
  filter->search = *search != '\0' ? g_strstrip (g_strdup (search)) : NULL;
  govorun_analysis_filter_apply (self->analysis_filter, filter);
  return filter;
}

static guint
n_narrowing (GovorunCallsPage *self)
{
  guint n = 0;

  n += gtk_drop_down_get_selected (self->status_dropdown) > 0;
  n += gtk_drop_down_get_selected (self->direction_dropdown) > 0;
  n += gtk_drop_down_get_selected (self->agent_dropdown) > 0;
  n += gtk_drop_down_get_selected (self->success_dropdown) > 0;
  n += govorun_analysis_filter_is_set (self->analysis_filter);
  return n;
}

static gboolean
filter_is_default (GovorunCallsPage *self)
{
  return self->range == RANGE_ALL && n_narrowing (self) == 0 &&
         *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) == '\0';
}

static void
apply_filter (GovorunCallsPage *self)
{
  g_autoptr(GovorunCallFilter) filter = NULL;
  guint n = n_narrowing (self);

  if (self->resetting)
    return;

  if (n == 0)
    gtk_label_set_text (self->filters_label, _("Filters"));
  else
    {
      /* Translators: the filter button with the number of filters in use */
      g_autofree char *text = g_strdup_printf (_("Filters (%u)"), n);

      gtk_label_set_text (self->filters_label, text);
    }

  if (self->calls == NULL)
    return;
  filter = build_filter (self);
  self->restore_scroll = -1;
  govorun_call_list_set_filter (self->calls, filter);
  update_view (self);
}

static void
on_search_changed (GovorunCallsPage *self)
{
  apply_filter (self);
}

static void
on_filter_changed (GovorunCallsPage *self)
{
  apply_filter (self);
}

static char *
format_day (gint64 time)
{
  g_autoptr(GDateTime) day = g_date_time_new_from_unix_local (time);

  return g_date_time_format (day, "%x");
}

static void
update_date_label (GovorunCallsPage *self)
{
  g_autofree char *text = NULL;

  switch (self->range)
    {
    case RANGE_TODAY:
      text = g_strdup (_("Today"));
      break;
    case RANGE_WEEK:
      text = g_strdup (_("Last 7 Days"));
      break;
    case RANGE_MONTH:
      text = g_strdup (_("Last 30 Days"));
      break;
    case RANGE_CUSTOM:
      {
        g_autofree char *from = format_day (self->custom_from);
        g_autofree char *until = format_day (self->custom_until - 12 * 3600);

        /* Translators: a range of days, first and last */
        text = g_strcmp0 (from, until) == 0 ? g_strdup (from)
                                             : g_strdup_printf (_("%s – %s"), from, until);
      }
      break;
    case RANGE_ALL:
    default:
      text = g_strdup (_("All Time"));
      break;
    }
  gtk_label_set_text (self->date_label, text);
}

static void
set_custom_day (GovorunCallsPage *self,
                GDateTime        *date)
{
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (date),
                                                         g_date_time_get_month (date),
                                                         g_date_time_get_day_of_month (date),
                                                         0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_days (midnight, 1);
  gint64 from = g_date_time_to_unix (midnight);
  gint64 until = g_date_time_to_unix (next);

  if (!self->picking_last || from < self->custom_from)
    {
      self->custom_from = from;
      self->custom_until = until;
      self->picking_last = TRUE;
    }
  else
    {
      self->custom_until = until;
      self->picking_last = FALSE;
    }
}

static void
on_day_selected (GovorunCallsPage *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);

  set_custom_day (self, date);
  if (self->range != RANGE_CUSTOM)
    {
      /* Picking a day means a custom range; the toggle applies it. */
      gtk_check_button_set_active (self->range_custom, TRUE);
      return;
    }
  update_date_label (self);
  apply_filter (self);
}

static void
on_range_toggled (GovorunCallsPage *self,
                  GtkCheckButton   *button)
{
  if (!gtk_check_button_get_active (button))
    return;

  if (button == self->range_today)
    self->range = RANGE_TODAY;
  else if (button == self->range_week)
    self->range = RANGE_WEEK;
  else if (button == self->range_month)
    self->range = RANGE_MONTH;
  else if (button == self->range_custom)
    {
      self->range = RANGE_CUSTOM;
      if (self->custom_from == 0)
        {
          g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);

          self->picking_last = FALSE;
          set_custom_day (self, date);
        }
    }
  else
    self->range = RANGE_ALL;

  gtk_widget_set_sensitive (self->custom_hint, self->range == RANGE_CUSTOM);
  update_date_label (self);
  apply_filter (self);
  /* A preset is one click; a custom range takes two more. */
  if (self->range != RANGE_CUSTOM)
    gtk_popover_popdown (self->date_popover);
}

static void
clear_filters (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GovorunCallsPage *self = GOVORUN_CALLS_PAGE (widget);

  self->resetting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->direction_dropdown, 0);
  gtk_drop_down_set_selected (self->agent_dropdown, 0);
  gtk_drop_down_set_selected (self->success_dropdown, 0);
  govorun_analysis_filter_clear (self->analysis_filter);
  gtk_check_button_set_active (self->range_all, TRUE);
  self->range = RANGE_ALL;
  self->custom_from = self->custom_until = 0;
  self->resetting = FALSE;
  update_date_label (self);
  apply_filter (self);
}

static void
rebuild_agents (GovorunCallsPage *self)
{
  g_autofree char *selected = NULL;
  guint position = gtk_drop_down_get_selected (self->agent_dropdown);
  guint n = self->agents != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->agents)) : 0;
  guint select = 0;

  if (position > 0 && position != GTK_INVALID_LIST_POSITION &&
      position - 1 < self->agent_uuids->len)
    selected = g_strdup (g_ptr_array_index (self->agent_uuids, position - 1));

  self->resetting = TRUE;
  g_ptr_array_set_size (self->agent_uuids, 0);
  gtk_string_list_splice (self->agent_names, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->agent_names)) - 1, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GovorunAgent) agent = g_list_model_get_item (G_LIST_MODEL (self->agents), i);

      g_ptr_array_add (self->agent_uuids, g_strdup (govorun_agent_get_uuid (agent)));
      gtk_string_list_append (self->agent_names, govorun_agent_get_name (agent));
      if (g_strcmp0 (selected, govorun_agent_get_uuid (agent)) == 0)
        select = i + 1;
    }
  gtk_drop_down_set_selected (self->agent_dropdown, select);
  self->resetting = FALSE;
  if (selected != NULL && select == 0)
    apply_filter (self);
  /* Agent names in the rows come from the store too. */
  gtk_widget_queue_draw (GTK_WIDGET (self->column_view));
}

static void
set_dropdown_strings (GtkDropDown       *dropdown,
                      const char *const *strings)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (strings);

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

/* --- sync ----------------------------------------------------------------------- */

static gboolean
pulse (gpointer user_data)
{
  GovorunCallsPage *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
update_last_synced (GovorunCallsPage *self)
{
  gint64 last = self->sync != NULL ? govorun_call_sync_get_last_synced (self->sync) : 0;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (last <= 0)
    {
      gtk_label_set_text (self->last_synced_label, _("Never synced"));
      return;
    }
  time = g_date_time_new_from_unix_local (last);
  if (g_date_time_get_year (time) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (time) == g_date_time_get_day_of_year (now))
    when = g_date_time_format (time, "%H:%M");
  else
    /* Translators: when calls were last synced, not today; see strftime */
    when = g_date_time_format (time, _("%x %H:%M"));
  /* Translators: %s is a time ("14:05") or a date and time */
  text = g_strdup_printf (_("Synced at %s"), when);
  gtk_label_set_text (self->last_synced_label, text);
}

static void
update_sync (GovorunCallsPage *self)
{
  gboolean running = self->sync != NULL && govorun_call_sync_get_running (self->sync);
  const char *progress = self->sync != NULL ? govorun_call_sync_get_progress_text (self->sync)
                                            : NULL;
  double fraction = self->sync != NULL ? govorun_call_sync_get_fraction (self->sync) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calls.sync",
                                 self->sync != NULL && !running);
  gtk_revealer_set_reveal_child (self->progress_revealer, running);
  gtk_label_set_text (self->progress_label, progress != NULL ? progress : _("Syncing…"));
  if (running && fraction < 0)
    {
      if (self->pulse_id == 0)
        self->pulse_id = g_timeout_add (200, pulse, self);
    }
  else
    {
      g_clear_handle_id (&self->pulse_id, g_source_remove);
      gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0, 1));
    }
  update_last_synced (self);
}

/* The last sync's error, once, in the shared banner: closing it keeps it
 * closed until another error comes; a sync without one takes it away. */
static void
update_error (GovorunCallsPage *self)
{
  const char *text = self->sync != NULL ? govorun_call_sync_get_error_text (self->sync) : NULL;

  if (text == NULL)
    g_clear_pointer (&self->dismissed_error, g_free);
  if (text == NULL || g_strcmp0 (text, self->dismissed_error) == 0)
    text = NULL;

  self->showing_error = TRUE;
  govorun_error_banner_set_text (self->error_banner, text);
  self->showing_error = FALSE;
}

/* Closed by the person (not by update_error): remember which error. */
static void
on_error_revealed (GovorunCallsPage *self)
{
  const char *text = self->sync != NULL ? govorun_call_sync_get_error_text (self->sync) : NULL;

  if (self->showing_error || govorun_error_banner_get_revealed (self->error_banner) || text == NULL)
    return;

  g_free (self->dismissed_error);
  self->dismissed_error = g_strdup (text);
}

static void
on_cancel_clicked (GovorunCallsPage *self)
{
  if (self->sync != NULL)
    govorun_call_sync_cancel (self->sync);
}

static void
sync_now (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  GovorunCallsPage *self = GOVORUN_CALLS_PAGE (widget);

  if (self->sync != NULL)
    govorun_call_sync_start (self->sync);
}

/* New rows: query again where the person is, not back at the top. A
 * page not shown queries when it is shown again (a sync writes for
 * minutes, and "changed" comes every second). */
static void
on_history_changed (GovorunCallsPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  if (self->calls == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  self->restore_scroll = gtk_adjustment_get_value (adjustment);
  govorun_call_list_refresh (self->calls);
}

/* --- the view ------------------------------------------------------------------- */

static void
set_empty (GovorunCallsPage *self,
           const char       *title,
           const char       *description,
           const char       *button,
           const char       *action)
{
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_button_set_label (self->empty_button, button);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), action);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* The summary when it has come; before, the count of the rows (or its
 * lower bound, "10 000+ calls"), so that the line never waits on it. */
static void
update_summary (GovorunCallsPage *self)
{
  const GovorunCallSummary *summary = self->calls != NULL
                                      ? govorun_call_list_get_summary (self->calls) : NULL;
  g_autofree char *text = NULL;

  if (summary != NULL)
    text = govorun_call_format_summary (summary);
  else if (self->calls != NULL && !govorun_call_list_get_loading (self->calls))
    text = govorun_call_format_count (g_list_model_get_n_items (G_LIST_MODEL (self->calls)),
                                      !govorun_call_list_get_count_exact (self->calls));
  gtk_label_set_text (self->summary_label, text != NULL ? text : "");
}

static void
update_view (GovorunCallsPage *self)
{
  gboolean has_accounts = self->accounts != NULL && g_list_model_get_n_items (self->accounts) > 0;
  gboolean loading = self->calls == NULL || govorun_call_list_get_loading (self->calls);
  guint n = self->calls != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->calls)) : 0;
  const GError *error = self->calls != NULL ? govorun_call_list_get_error (self->calls) : NULL;

  /* Filters and the summary only once there is something to filter. */
  gtk_widget_set_visible (self->filter_bar,
                          has_accounts && (n > 0 || loading || !filter_is_default (self)));
  gtk_widget_set_visible (self->summary_bar, gtk_widget_get_visible (self->filter_bar));
  if (!has_accounts)
    {
      set_empty (self, _("No Accounts"),
                 _("Add a Voximplant or ElevenLabs account: the calls of its agents show here."),
                 _("_Add Account…"), "win.add-account");
      return;
    }
  if (n > 0 || loading)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  if (error != NULL)
    set_empty (self, _("Calls Could Not Be Read"), error->message, _("_Try Again"), "calls.sync");
  else if (filter_is_default (self))
    set_empty (self, _("No Calls Yet"),
               _("Sync to bring the call history of your accounts here; "
                 "it stays available offline."),
               _("_Sync Now"), "calls.sync");
  else
    set_empty (self, _("No Matching Calls"),
               _("No call matches the search and filters. Try other words or a wider date range."),
               _("_Clear Filters"), "calls.clear-filters");
}

static gboolean
restore_scroll (gpointer user_data)
{
  GovorunCallsPage *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  if (self->restore_scroll >= 0)
    gtk_adjustment_set_value (adjustment, self->restore_scroll);
  self->restore_scroll = -1;
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
on_loading_changed (GovorunCallsPage *self)
{
  update_view (self);
  update_summary (self);
  if (!govorun_call_list_get_loading (self->calls) && self->restore_scroll >= 0)
    g_idle_add (restore_scroll, g_object_ref (self));
}

static void
on_row_activated (GovorunCallsPage *self,
                  guint             position)
{
  g_autoptr(GovorunCallRecord) record = NULL;

  if (self->calls == NULL)
    return;
  record = g_list_model_get_item (G_LIST_MODEL (self->calls), position);
  if (record == NULL || govorun_call_record_is_placeholder (record))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "calls.open", "x",
                              govorun_call_record_get_id (record));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  open_call (GOVORUN_CALLS_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  export_calls (GOVORUN_CALLS_PAGE (widget));
}

/* --- GovorunPage ---------------------------------------------------------------- */

/* The rows are given to the column view when the page is first shown:
 * a page behind another is still measured by the window's stack, and
 * binding a screenful of rows then was work the first frame waited for
 * (with a million calls, every start). */
static void
attach_rows (GovorunCallsPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->calls == NULL || gtk_column_view_get_model (self->column_view) != NULL)
    return;
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->calls)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
}

static void
services_set (GovorunPage *page)
{
  GovorunCallsPage *self = GOVORUN_CALLS_PAGE (page);
  g_autoptr(GovorunCallFilter) filter = NULL;

  g_return_if_fail (self->services != NULL);

  g_set_object (&self->calls, govorun_services_get_call_list (self->services));
  g_set_object (&self->sync, govorun_services_get_call_sync (self->services));
  g_set_object (&self->accounts, G_LIST_MODEL (govorun_services_get_accounts (self->services)));
  g_set_object (&self->agents, govorun_services_get_agents (self->services));
  govorun_analysis_filter_set_analysis (self->analysis_filter,
                                        govorun_services_get_call_analysis (self->services));

  if (self->calls != NULL)
    {
      if (self->was_shown)
        attach_rows (self);
      g_signal_connect_object (self->calls, "notify::loading", G_CALLBACK (on_loading_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->calls, "notify::summary", G_CALLBACK (update_summary),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->calls, "notify::count-exact", G_CALLBACK (update_summary),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->calls, "notify::error", G_CALLBACK (update_view),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->calls, "items-changed", G_CALLBACK (update_view),
                               self, G_CONNECT_SWAPPED);
      filter = build_filter (self);
      govorun_call_list_set_filter (self->calls, filter);
      on_sorter_changed (self);
    }
  if (self->sync != NULL)
    {
      g_signal_connect_object (self->sync, "notify::running", G_CALLBACK (update_sync), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->sync, "notify::progress-text", G_CALLBACK (update_sync),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->sync, "notify::fraction", G_CALLBACK (update_sync), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->sync, "notify::last-synced", G_CALLBACK (update_sync), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->sync, "notify::error-text", G_CALLBACK (update_error), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->sync, "changed", G_CALLBACK (on_history_changed), self,
                               G_CONNECT_SWAPPED);
    }
  if (self->accounts != NULL)
    g_signal_connect_object (self->accounts, "items-changed", G_CALLBACK (update_view), self,
                             G_CONNECT_SWAPPED);
  if (self->agents != NULL)
    g_signal_connect_object (self->agents, "items-changed", G_CALLBACK (rebuild_agents), self,
                             G_CONNECT_SWAPPED);

  rebuild_agents (self);
  update_sync (self);
  update_error (self);
  update_summary (self);
  update_view (self);
}

static void
shown (GovorunPage *page)
{
  GovorunCallsPage *self = GOVORUN_CALLS_PAGE (page);

  self->was_shown = TRUE;
  attach_rows (self);
  if (self->stale && self->calls != NULL)
    {
      self->stale = FALSE;
      govorun_call_list_refresh (self->calls);
    }
}

/* F5 syncs: what the page shows is the store, which only a sync changes. */
static void
refresh (GovorunPage *page)
{
  sync_now (GTK_WIDGET (page), "calls.sync", NULL);
}

/* --- GObject -------------------------------------------------------------------- */

static void
govorun_calls_page_dispose (GObject *object)
{
  GovorunCallsPage *self = GOVORUN_CALLS_PAGE (object);

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_CALLS_PAGE);

  g_clear_object (&self->calls);
  g_clear_object (&self->sync);
  g_clear_object (&self->accounts);
  g_clear_object (&self->agents);
  g_clear_object (&self->services);
  g_clear_object (&self->agent_names);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);

  G_OBJECT_CLASS (govorun_calls_page_parent_class)->dispose (object);
}

static void
govorun_calls_page_finalize (GObject *object)
{
  GovorunCallsPage *self = GOVORUN_CALLS_PAGE (object);

  g_clear_pointer (&self->agent_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->dismissed_error, g_free);

  G_OBJECT_CLASS (govorun_calls_page_parent_class)->finalize (object);
}

static void
govorun_calls_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GovorunCallsPage *self = GOVORUN_CALLS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SERVICES:
      g_value_set_object (value, self->services);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_calls_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GovorunCallsPage *self = GOVORUN_CALLS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SERVICES:
      g_set_object (&self->services, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Ctrl+F from anywhere in the window (GovorunPage's search). */
static gboolean
search (GovorunPage *page)
{
  GovorunCallsPage *self = GOVORUN_CALLS_PAGE (page);

  return gtk_widget_is_drawable (GTK_WIDGET (self->search_entry)) &&
         gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
govorun_calls_page_class_init (GovorunCallsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GovorunPageClass *page_class = GOVORUN_PAGE_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = govorun_calls_page_dispose;
  object_class->finalize = govorun_calls_page_finalize;
  object_class->get_property = govorun_calls_page_get_property;
  object_class->set_property = govorun_calls_page_set_property;
  page_class->services_set = services_set;
  page_class->shown = shown;
  page_class->refresh = refresh;
  page_class->search = search;

  /* The services themselves: the call list exists only once they are ready. */
  properties[PROP_SERVICES] =
    g_param_spec_object ("services", NULL, NULL, GOVORUN_TYPE_SERVICES,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "calls.sync", NULL, sync_now);
  gtk_widget_class_install_action (widget_class, "calls.clear-filters", NULL, clear_filters);
  gtk_widget_class_install_action (widget_class, "calls.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "calls.export", NULL, export_action);

  g_type_ensure (GOVORUN_TYPE_ERROR_BANNER);
  g_type_ensure (GOVORUN_TYPE_ANALYSIS_FILTER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/govorun-calls-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, summary_bar);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, date_popover);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, range_all);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, range_today);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, range_week);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, range_month);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, range_custom);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, custom_hint);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, filters_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, filters_label);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, direction_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, agent_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, analysis_filter);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, success_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, error_banner);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, last_synced_label);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GovorunCallsPage, empty_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_range_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_error_revealed);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  govorun_search_shortcut_install (widget_class, G_STRUCT_OFFSET (GovorunCallsPage, search_entry));
}

static void
govorun_calls_page_init (GovorunCallsPage *self)
{
  const char *statuses[] = {
    _("Any Status"), govorun_call_status_label (GOVORUN_CALL_STATUS_ANSWERED),
    govorun_call_status_label (GOVORUN_CALL_STATUS_NO_ANSWER),
    govorun_call_status_label (GOVORUN_CALL_STATUS_BUSY),
    govorun_call_status_label (GOVORUN_CALL_STATUS_FAILED),
    govorun_call_status_label (GOVORUN_CALL_STATUS_IN_PROGRESS), NULL
  };
  const char *directions[] = {
    _("Any Direction"), govorun_call_direction_label (GOVORUN_CALL_DIRECTION_INBOUND),
    govorun_call_direction_label (GOVORUN_CALL_DIRECTION_OUTBOUND),
    govorun_call_direction_label (GOVORUN_CALL_DIRECTION_WEB), NULL
  };
  const char *successes[] = {
    _("Any Evaluation"), govorun_call_success_label (GOVORUN_CALL_SUCCESS_SUCCESS),
    govorun_call_success_label (GOVORUN_CALL_SUCCESS_FAILURE), NULL
  };
  const char *agents[] = { _("Any Agent"), NULL };

  self->agent_uuids = g_ptr_array_new_with_free_func (g_free);
  self->restore_scroll = -1;
  self->probe_a = govorun_call_record_new_placeholder ();
  self->probe_b = govorun_call_record_new_placeholder ();

  gtk_widget_init_template (GTK_WIDGET (self));

  set_dropdown_strings (self->status_dropdown, statuses);
  set_dropdown_strings (self->direction_dropdown, directions);
  set_dropdown_strings (self->success_dropdown, successes);
  self->agent_names = gtk_string_list_new (agents);
  gtk_drop_down_set_model (self->agent_dropdown, G_LIST_MODEL (self->agent_names));
  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY_MS);
  gtk_widget_set_sensitive (self->custom_hint, FALSE);

  build_columns (self);
  update_sync (self);
  update_view (self);
}

GtkWidget *
govorun_calls_page_new (void)
{
  return g_object_new (GOVORUN_TYPE_CALLS_PAGE, NULL);
}
