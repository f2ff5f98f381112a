/* govorun-overview-page.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunOverviewPage"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "govorun-analysis-summary.h"
#include "govorun-bar-chart.h"
#include "govorun-format.h"
#include "govorun-heat-map.h"
#include "govorun-histogram.h"
#include "govorun-overview-page.h"
#include "govorun-toast.h"

#define MAX_CUSTOM_DAYS 366

/* Which way is good news for a card's change. */
typedef enum
{
  BETTER_NEUTRAL,
  BETTER_UP,
  BETTER_DOWN,
} Better;

typedef enum
{
  CARD_CALLS,
  CARD_ANSWERED,
  CARD_MINUTES,
  CARD_AVERAGE,
  CARD_SUCCESS,
  CARD_VOX_COST,
  CARD_EL_COST,
  CARD_COST_PER_SUCCESS,
  N_CARDS
} CardKind;

typedef struct
{
  GtkWidget *box;
  GtkWidget *value;
  GtkWidget *change;
  Better     better;
} Card;

/* The agents' table: one GtkStringList of its cells per row. */
enum
{
  COLUMN_AGENT,
  COLUMN_CALLS,
  COLUMN_ANSWERED,
  COLUMN_MINUTES,
  COLUMN_SUCCESS,
  COLUMN_COST,
  N_COLUMNS
};

struct _GovorunOverviewPage
{
  GovorunPage              parent_instance;

  GovorunCallStats        *call_stats;
  GovorunCallAnalysis     *call_analysis;
  GovorunAgentStore       *agents;
  GCancellable            *cancellable;  /* of the running query */
  GCancellable            *analysis_cancellable;
  GPtrArray               *analysis_fields;
  GovorunAnalysisSummary  *analysis;
  GovorunCallStatsResult  *result;
  GPtrArray               *agent_uuids;  /* of char *, parallel to agent_names; [0] NULL */
  GDate                    custom_first;
  guint                    custom_days;
  Card                     cards[N_CARDS];
  GListStore              *agent_rows;   /* of GtkStringList */
  GtkFileChooserNative    *chooser;

  /* the charts */
  GovorunBarChart         *per_day;
  GovorunHeatMap          *heat_map;
  GovorunHistogram        *durations;

  /* template children */
  GtkStack                *stack;
  GtkBox                  *content;
  GtkDropDown             *period_dropdown;
  GtkWidget               *dates_button;
  GtkPopover              *dates_popover;
  GtkCalendar             *from_calendar;
  GtkCalendar             *to_calendar;
  GtkDropDown             *agent_dropdown;
  GtkStringList           *agent_names;
  GtkLabel                *range_label;
  GtkWidget               *spinner;
  GtkLabel                *error_label;
  GtkFlowBox              *cards_box;
};

G_DEFINE_FINAL_TYPE (GovorunOverviewPage, govorun_overview_page, GOVORUN_TYPE_PAGE)

enum {
  PROP_0,
  PROP_CALL_STATS,
  PROP_AGENTS,
  PROP_CALL_ANALYSIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const guint preset_days[] = { 7, 30, 90 };
#define PERIOD_CUSTOM G_N_ELEMENTS (preset_days)

static void reload (GovorunOverviewPage *self);

/* --- formatting ------------------------------------------------------------ */

static char *
format_percent (double share)
{
  /* Translators: a percentage; use your language's spacing and sign. */
  return g_strdup_printf (_("%.0f%%"), share * 100);
}

static char *
format_duration (double seconds)
{
  guint total = (guint) round (MAX (seconds, 0));

  if (total < 60)
    return g_strdup_printf (_("%u s"), total);
  /* Translators: minutes and seconds, e.g. "2 min 05 s". */
  return g_strdup_printf (_("%u min %02u s"), total / 60, total % 60);
}

static char *
format_cost (double      amount,
             const char *currency)
{
  if (g_strcmp0 (currency, "credits") != 0)
    return govorun_format_money (amount, currency);
  /* ElevenLabs bills in credits, counted whole. */
  return g_strdup_printf (ngettext ("%u credit", "%u credits", (gulong) round (amount)),
                          (guint) round (amount));
}

/* Every currency @provider billed in, joined ("12.00 ₽ + 3.00 USD"), each
 * divided by @divisor; "—" when nothing. */
static char *
format_costs (const GovorunCallTotals *totals,
              const char              *provider,
              double                   divisor)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < totals->summary->costs->len; i++)
    {
      const GovorunCallCost *cost = g_ptr_array_index (totals->summary->costs, i);
      g_autofree char *one = NULL;

      if (provider != NULL && !g_str_equal (cost->provider, provider))
        continue;
      one = format_cost (cost->amount / divisor, cost->currency);
      if (text->len > 0)
        g_string_append (text, " + ");
      g_string_append (text, one);
    }
  if (text->len == 0)
    g_string_append (text, "—");
  return g_string_free (text, FALSE);
}

/* The first currency @provider billed in and how much. */
static const GovorunCallCost *
first_cost (const GovorunCallTotals *totals,
            const char              *provider)
{
  for (guint i = 0; i < totals->summary->costs->len; i++)
    {
      const GovorunCallCost *cost = g_ptr_array_index (totals->summary->costs, i);

      if (provider == NULL || g_str_equal (cost->provider, provider))
        return cost;
    }
  return NULL;
}

static char *
format_day (const GovorunCallStatsQuery *query,
            guint                        day,
            const char                  *format)
{
  g_autoptr(GDateTime) noon = NULL;
  GDate date;

  govorun_call_stats_query_get_day (query, (int) day, &date);
  noon = g_date_time_new (query->tz, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), 12, 0, 0);
  return g_date_time_format (noon, format);
}

/* --- cards ----------------------------------------------------------------- */

static void
card_init (Card       *card,
           const char *title,
           Better      better)
{
  GtkWidget *title_label = gtk_label_new (title);

  card->better = better;
  card->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (card->box, "card");
  gtk_widget_add_css_class (card->box, "overview-card");
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  /* Narrow when they can be, so four cards fit a line where there is room. */
  gtk_label_set_max_width_chars (GTK_LABEL (title_label), 12);
  gtk_widget_add_css_class (title_label, "caption-heading");
  gtk_widget_add_css_class (title_label, "dim-label");
  card->value = gtk_label_new ("—");
  gtk_label_set_xalign (GTK_LABEL (card->value), 0);
  gtk_label_set_wrap (GTK_LABEL (card->value), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (card->value), 11);
  gtk_label_set_selectable (GTK_LABEL (card->value), FALSE);
  gtk_widget_add_css_class (card->value, "title-3");
  gtk_widget_add_css_class (card->value, "numeric");
  card->change = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (card->change), 0);
  gtk_label_set_wrap (GTK_LABEL (card->change), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (card->change), 12);
  gtk_widget_add_css_class (card->change, "caption");
  gtk_box_append (GTK_BOX (card->box), title_label);
  gtk_box_append (GTK_BOX (card->box), card->value);
  gtk_box_append (GTK_BOX (card->box), card->change);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (card->value), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  title_label, NULL, -1);
}

/* "↑ 12%" against the previous period, or a dash when there is nothing
 * to compare with; the accessible text says it in words. */
static void
card_set (Card       *card,
          const char *value,
          double      current,
          double      previous)
{
  g_autofree char *percent = NULL;
  g_autofree char *spoken = NULL;
  g_autofree char *shown = NULL;
  double change;

  gtk_label_set_text (GTK_LABEL (card->value), value);
  gtk_widget_remove_css_class (card->change, "success");
  gtk_widget_remove_css_class (card->change, "error");
  gtk_widget_remove_css_class (card->change, "dim-label");

  if (current < 0 || previous <= 0)
    {
      gtk_label_set_text (GTK_LABEL (card->change), _("— no earlier data"));
      gtk_widget_add_css_class (card->change, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (card->change), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Nothing in the previous period to compare with"), -1);
      return;
    }

  change = (current - previous) / previous;
  percent = format_percent (fabs (change));
  if (fabs (change) < 0.005)
    {
      /* Translators: the change of a figure against the previous period. */
      shown = g_strdup_printf (_("= %s"), percent);
      spoken = g_strdup (_("The same as in the previous period"));
      gtk_widget_add_css_class (card->change, "dim-label");
    }
  else
    {
      shown = g_strdup_printf (change > 0 ? _("↑ %s") : _("↓ %s"), percent);
      spoken = g_strdup_printf (change > 0 ? _("Up %s from the previous period")
                                           : _("Down %s from the previous period"), percent);
      if (card->better != BETTER_NEUTRAL)
        gtk_widget_add_css_class (card->change,
                                  (change > 0) == (card->better == BETTER_UP) ? "success" : "error");
    }
  gtk_label_set_text (GTK_LABEL (card->change), shown);
  gtk_widget_set_tooltip_text (card->change, spoken);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card->change), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spoken, -1);
}

static void
card_set_cost (Card                    *card,
               const GovorunCallTotals *current,
               const GovorunCallTotals *previous,
               const char              *provider,
               double                   divisor,
               double                   previous_divisor)
{
  g_autofree char *value = format_costs (current, provider, divisor);
  const GovorunCallCost *cost = first_cost (current, provider);
  double now = -1, before = -1;

  if (cost != NULL && divisor > 0)
    {
      now = cost->amount / divisor;
      if (previous_divisor > 0)
        before = govorun_call_totals_get_cost (previous, cost->provider, cost->currency)
                 / previous_divisor;
    }
  card_set (card, divisor > 0 ? value : "—", now, before);
}

static void
update_cards (GovorunOverviewPage *self)
{
  const GovorunCallTotals *now = self->result->current;
  const GovorunCallTotals *before = self->result->previous;
  g_autofree char *calls = govorun_chart_format_count (govorun_call_totals_get_calls (now));
  g_autofree char *minutes = govorun_chart_format_count ((guint64) round (govorun_call_totals_get_seconds (now) / 60.0));
  g_autofree char *answered = NULL;
  g_autofree char *average = NULL;
  g_autofree char *success = NULL;
  double share = govorun_call_totals_answered_share (now);
  double rate = govorun_call_totals_success_rate (now);
  double mean = govorun_call_totals_average_duration (now);

  answered = share >= 0 ? format_percent (share) : g_strdup ("—");
  success = rate >= 0 ? format_percent (rate) : g_strdup ("—");
  average = mean >= 0 ? format_duration (mean) : g_strdup ("—");

  card_set (&self->cards[CARD_CALLS], calls, govorun_call_totals_get_calls (now),
            govorun_call_totals_get_calls (before));
  card_set (&self->cards[CARD_ANSWERED], answered, share,
            govorun_call_totals_answered_share (before));
  card_set (&self->cards[CARD_MINUTES], minutes, govorun_call_totals_get_seconds (now),
            govorun_call_totals_get_seconds (before));
  card_set (&self->cards[CARD_AVERAGE], average, mean,
            govorun_call_totals_average_duration (before));
  card_set (&self->cards[CARD_SUCCESS], success, rate, govorun_call_totals_success_rate (before));
  card_set_cost (&self->cards[CARD_VOX_COST], now, before, "voximplant", 1, 1);
  card_set_cost (&self->cards[CARD_EL_COST], now, before, "elevenlabs", 1, 1);
  card_set_cost (&self->cards[CARD_COST_PER_SUCCESS], now, before, NULL, now->successful,
                 before->successful);
}

/* --- charts ---------------------------------------------------------------- */

static const char * const outcome_colors[GOVORUN_CALL_N_OUTCOMES] = {
  [GOVORUN_CALL_OUTCOME_SUCCESSFUL] = "success_bg_color",
  [GOVORUN_CALL_OUTCOME_ANSWERED] = "accent_bg_color",
  [GOVORUN_CALL_OUTCOME_NOT_ANSWERED] = "warning_bg_color",
  [GOVORUN_CALL_OUTCOME_FAILED] = "error_bg_color",
};

/* Translated with g_dpgettext2 (NULL, "call outcome", …): the legend's
 * plural, not a call's status. */
static const char * const outcome_names[GOVORUN_CALL_N_OUTCOMES] = {
  [GOVORUN_CALL_OUTCOME_SUCCESSFUL] = NC_("call outcome", "Successful"),
  [GOVORUN_CALL_OUTCOME_ANSWERED] = NC_("call outcome", "Answered, no success"),
  [GOVORUN_CALL_OUTCOME_NOT_ANSWERED] = NC_("call outcome", "No answer or busy"),
  [GOVORUN_CALL_OUTCOME_FAILED] = NC_("call outcome", "Failed"),
};

static const char * const weekdays_short[7] = {
  NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"), NC_("weekday", "Thu"),
  NC_("weekday", "Fri"), NC_("weekday", "Sat"), NC_("weekday", "Sun"),
};

static const char * const weekdays[7] = {
  NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
  NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"),
  NC_("weekday", "Sunday"),
};

static const char * const bucket_names[GOVORUN_CALL_N_DURATION_BUCKETS] = {
  N_("< 15 s"), N_("15–30 s"), N_("30–60 s"), N_("1–2 min"), N_("2–5 min"), N_("5–10 min"),
  N_("> 10 min"),
};

static char *
calls_text (guint64 calls)
{
  return g_strdup_printf (ngettext ("%u call", "%u calls", (gulong) calls), (guint) calls);
}

static void
update_per_day (GovorunOverviewPage *self)
{
  const GovorunCallStatsResult *result = self->result;
  guint n = result->query->n_days;
  g_autofree double *values = g_new0 (double, n * GOVORUN_CALL_N_OUTCOMES);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first = format_day (result->query, 0, _("%-d %B"));
  g_autofree char *last = format_day (result->query, n - 1, _("%-d %B"));
  g_autofree char *all = calls_text (govorun_call_totals_get_calls (result->current));
  g_autofree char *summary = NULL;
  g_autofree char *busiest_day = NULL;
  g_autofree char *busiest_calls = NULL;
  guint64 busiest = 0;

  for (guint d = 0; d < n; d++)
    {
      /* Translators: a day under a chart's bar, as strftime () writes it. */
      g_autofree char *label = format_day (result->query, d, _("%-d %b"));
      /* Translators: a day in a chart's tooltip, as strftime () writes it. */
      g_autofree char *long_day = format_day (result->query, d, _("%A, %-d %B"));
      g_autofree char *total_text = NULL;
      GString *text = g_string_new (NULL);
      guint64 total = 0;

      for (guint o = 0; o < GOVORUN_CALL_N_OUTCOMES; o++)
        {
          guint64 calls = govorun_call_stats_result_get_day (result, d, o);

          values[d * GOVORUN_CALL_N_OUTCOMES + o] = (double) calls;
          total += calls;
        }
      total_text = calls_text (total);
      /* Translators: "Monday, 1 December: 120 calls", then each outcome. */
      g_string_append_printf (text, _("%s: %s"), long_day, total_text);
      for (guint o = 0; o < GOVORUN_CALL_N_OUTCOMES; o++)
        {
          g_autofree char *count = govorun_chart_format_count ((guint64) values[d * GOVORUN_CALL_N_OUTCOMES + o]);

          g_string_append_printf (text, "; %s: %s", g_dpgettext2 (NULL, "call outcome", outcome_names[o]), count);
        }
      if (total > busiest)
        {
          busiest = total;
          g_free (busiest_day);
          busiest_day = format_day (result->query, d, _("%-d %B"));
        }
      g_ptr_array_add (labels, g_steal_pointer (&label));
      g_ptr_array_add (texts, g_string_free (text, FALSE));
    }

  busiest_calls = calls_text (busiest);
  if (busiest > 0)
    /* Translators: the calls-per-day chart's description: the period, the
     * calls in it, the busiest day and its calls. */
    summary = g_strdup_printf (_("Calls per day from %s to %s: %s, the most on %s (%s)."),
                               first, last, all, busiest_day, busiest_calls);
  else
    summary = g_strdup_printf (_("Calls per day from %s to %s: no calls."), first, last);

  g_ptr_array_add (labels, NULL);
  g_ptr_array_add (texts, NULL);
  govorun_bar_chart_set_data (self->per_day, n, values, (const char * const *) labels->pdata,
                              (const char * const *) texts->pdata, summary);
}

static void
update_heat_map (GovorunOverviewPage *self)
{
  const GovorunCallStatsResult *result = self->result;
  double shares[7 * 24];
  const char *row_labels[8] = { NULL, };
  const char *column_labels[24] = { NULL, };
  char *hours[24] = { NULL, };
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;
  g_autofree char *mean = NULL;
  double share = govorun_call_totals_answered_share (result->current);

  for (guint h = 0; h < 24; h += 3)
    {
      hours[h] = g_strdup_printf ("%02u", h);
      column_labels[h] = hours[h];
    }
  for (guint w = 0; w < 7; w++)
    {
      row_labels[w] = g_dpgettext2 (NULL, "weekday", weekdays_short[w]);
      for (guint h = 0; h < 24; h++)
        {
          guint64 calls = result->heat_calls[w][h];
          guint64 answered = result->heat_answered[w][h];
          const char *day = g_dpgettext2 (NULL, "weekday", weekdays[w]);

          shares[w * 24 + h] = calls > 0 ? (double) answered / calls : -1;
          if (calls > 0)
            {
              g_autofree char *percent = format_percent ((double) answered / calls);
              g_autofree char *of = calls_text (calls);

              /* Translators: "Monday, 10:00–11:00: 85% of 120 calls answered". */
              g_ptr_array_add (texts, g_strdup_printf (_("%s, %02u:00–%02u:00: %s of %s answered"),
                                                           day, h, (h + 1) % 24, percent, of));
            }
          else
            g_ptr_array_add (texts, g_strdup_printf (_("%s, %02u:00–%02u:00: no calls"),
                                                         day, h, (h + 1) % 24));
        }
    }

  mean = share >= 0 ? format_percent (share) : g_strdup ("—");
  summary = g_strdup_printf (_("Answered share by weekday and hour of day; %s of all calls answered."),
                             mean);
  g_ptr_array_add (texts, NULL);
  govorun_heat_map_set_data (self->heat_map, 7, 24, shares, row_labels, column_labels,
                             (const char * const *) texts->pdata, summary);
  for (guint h = 0; h < 24; h++)
    g_free (hours[h]);
}

static void
update_durations (GovorunOverviewPage *self)
{
  const GovorunCallStatsResult *result = self->result;
  const char *labels[GOVORUN_CALL_N_DURATION_BUCKETS + 1] = { NULL, };
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *answered = calls_text (result->current->answered);
  g_autofree char *summary = NULL;
  guint most = 0;

  for (guint b = 0; b < GOVORUN_CALL_N_DURATION_BUCKETS; b++)
    {
      g_autofree char *calls = calls_text (result->durations[b]);

      labels[b] = _(bucket_names[b]);
      /* Translators: a bucket of the duration histogram and its calls. */
      g_ptr_array_add (texts, g_strdup_printf (_("%s: %s"), labels[b], calls));
      if (result->durations[b] > result->durations[most])
        most = b;
    }
  if (result->current->answered > 0)
    summary = g_strdup_printf (_("How long answered calls lasted: %s, most of them %s."),
                               answered, labels[most]);
  else
    summary = g_strdup (_("How long answered calls lasted: no answered calls."));
  g_ptr_array_add (texts, NULL);
  govorun_histogram_set_data (self->durations, GOVORUN_CALL_N_DURATION_BUCKETS, result->durations,
                              labels, (const char * const *) texts->pdata, summary);
}

/* --- the agents' table ----------------------------------------------------- */

static const char *
agent_name (GovorunOverviewPage *self,
            const char          *uuid)
{
  GovorunAgent *agent;

  if (*uuid == '\0')
    return _("No agent");
  agent = self->agents != NULL ? govorun_agent_store_find_by_uuid (self->agents, uuid) : NULL;
  return agent != NULL ? govorun_agent_get_name (agent) : _("Removed agent");
}

static void
update_agents_table (GovorunOverviewPage *self)
{
  g_list_store_remove_all (self->agent_rows);
  for (guint i = 0; i < self->result->agents->len; i++)
    {
      const GovorunCallAgentStats *agent = g_ptr_array_index (self->result->agents, i);
      const GovorunCallTotals *totals = agent->totals;
      double share = govorun_call_totals_answered_share (totals);
      double rate = govorun_call_totals_success_rate (totals);
      g_autofree char *calls = govorun_chart_format_count (govorun_call_totals_get_calls (totals));
      g_autofree char *answered = share >= 0 ? format_percent (share) : g_strdup ("—");
      g_autofree char *minutes = govorun_chart_format_count ((guint64) round (govorun_call_totals_get_seconds (totals) / 60.0));
      g_autofree char *success = rate >= 0 ? format_percent (rate) : g_strdup ("—");
      g_autofree char *cost = format_costs (totals, NULL, 1);
      const char *cells[N_COLUMNS + 1] = {
        agent_name (self, agent->agent_uuid), calls, answered, minutes, success, cost, NULL,
      };
      g_autoptr(GtkStringList) row = gtk_string_list_new (cells);

      g_list_store_append (self->agent_rows, row);
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_UINT (column) == COLUMN_AGENT ? 0 : 1);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_UINT (column) != COLUMN_AGENT)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  column)
{
  GtkStringList *row = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_list_get_string (row, GPOINTER_TO_UINT (column)));
}

static GtkWidget *
agents_table_new (GovorunOverviewPage *self)
{
  static const char * const titles[N_COLUMNS] = {
    N_("Agent"), N_("Calls"), NC_("share of calls", "Answered"), N_("Minutes"), N_("Success"),
    N_("Cost"),
  };
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->agent_rows))));
  GtkWidget *view = gtk_column_view_new (selection);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (c == COLUMN_ANSWERED ? C_("share of calls", "Answered")
                                                                : _(titles[c]), factory);
      gtk_column_view_column_set_expand (column, c == COLUMN_AGENT || c == COLUMN_COST);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }
  gtk_widget_add_css_class (view, "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Agents"), -1);
  return view;
}

/* --- saving a chart -------------------------------------------------------- */

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     GovorunChart    *chart)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *text = NULL;

      if (govorun_chart_save_png (chart, file, &error))
        text = g_strdup_printf (_("Chart saved as %s"), name);
      else
        text = g_strdup_printf (_("Could not save the chart: %s"), error->message);
      govorun_toast_show (GTK_WIDGET (chart), text);
    }
}

static void
on_save_clicked (GtkButton    *button,
                 GovorunChart *chart)
{
  GovorunOverviewPage *self = GOVORUN_OVERVIEW_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                              GOVORUN_TYPE_OVERVIEW_PAGE));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *file_name = g_object_get_data (G_OBJECT (chart), "file-name");
  g_autoptr(GFile) folder = NULL;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save Chart as PNG"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PNG Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* Pictures, not wherever Govorun was started from. */
  folder = g_file_new_for_path (g_get_user_special_dir (G_USER_DIRECTORY_PICTURES) != NULL
                                ? g_get_user_special_dir (G_USER_DIRECTORY_PICTURES)
                                : g_get_home_dir ());
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), file_name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), chart, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* A titled section: the title, "Save Chart as PNG", the chart and the
 * line that reads out what the pointer or the keyboard points at. */
static GtkWidget *
section_new (const char   *title,
             GtkWidget    *chart,
             const char   *file_name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *save = gtk_button_new_from_icon_name ("document-save-symbolic");
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *readout = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (save, "flat");
  gtk_widget_set_tooltip_text (save, _("Save Chart as PNG"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Save Chart as PNG"), -1);
  g_object_set_data_full (G_OBJECT (chart), "file-name", g_strdup (file_name), g_free);
  g_signal_connect (save, "clicked", G_CALLBACK (on_save_clicked), chart);
  gtk_box_append (GTK_BOX (header), label);
  gtk_box_append (GTK_BOX (header), save);

  gtk_widget_add_css_class (frame, "card");
  gtk_widget_add_css_class (frame, "overview-chart");
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_label_set_xalign (GTK_LABEL (readout), 0);
  gtk_label_set_wrap (GTK_LABEL (readout), TRUE);
  gtk_widget_add_css_class (readout, "dim-label");
  gtk_widget_add_css_class (readout, "caption");
  g_object_bind_property (chart, "readout", readout, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (frame), chart);
  gtk_box_append (GTK_BOX (frame), readout);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), frame);
  return box;
}

/* --- the query ------------------------------------------------------------- */

static void
set_loading (GovorunOverviewPage *self,
             gboolean             loading)
{
  gtk_widget_set_visible (self->spinner, loading);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), loading);
}

static void
show_result (GovorunOverviewPage *self)
{
  const GovorunCallStatsQuery *query = self->result->query;
  g_autofree char *first = format_day (query, 0, _("%-d %B %Y"));
  g_autofree char *last = format_day (query, query->n_days - 1, _("%-d %B %Y"));
  g_autofree char *range = g_strdup_printf (_("%s – %s"), first, last);

  gtk_stack_set_visible_child_name (self->stack, self->result->has_history ? "main" : "empty");
  gtk_label_set_text (self->range_label, range);
  update_cards (self);
  update_per_day (self);
  update_heat_map (self);
  update_durations (self);
  update_agents_table (self);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GovorunOverviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GovorunCallStatsResult *stats;

  stats = govorun_call_stats_query_finish (GOVORUN_CALL_STATS (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (error != NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      return;
    }
  g_clear_pointer (&self->result, govorun_call_stats_result_free);
  self->result = stats;
  show_result (self);
}

static void
on_analysis_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GovorunOverviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;

  fields = govorun_call_analysis_count_finish (GOVORUN_CALL_ANALYSIS (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->analysis_cancellable);
  if (fields == NULL)
    {
      /* The charts' query reads the same store and says what went wrong. */
      g_debug ("The analysis could not be read: %s", error->message);
      return;
    }
  g_clear_pointer (&self->analysis_fields, g_ptr_array_unref);
  self->analysis_fields = fields;
  govorun_analysis_summary_set_fields (self->analysis, fields);
}

/* The analysis of the same period and agent as the charts. */
static void
reload_analysis (GovorunOverviewPage         *self,
                 const GovorunCallStatsQuery *query)
{
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();

  g_cancellable_cancel (self->analysis_cancellable);
  g_clear_object (&self->analysis_cancellable);
  if (self->call_analysis == NULL)
    return;
  filter->started_from = govorun_call_stats_query_day_start (query, 0);
  filter->started_until = govorun_call_stats_query_day_start (query, (int) query->n_days);
  filter->agent_uuid = g_strdup (query->agent_uuid);
  self->analysis_cancellable = g_cancellable_new ();
  govorun_call_analysis_count_async (self->call_analysis, filter, GOVORUN_CALL_ANALYSIS_FILTER_VALUES,
                                     self->analysis_cancellable, on_analysis_loaded,
                                     g_object_ref (self));
}

static const char *
selected_agent (GovorunOverviewPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->agent_dropdown);

  if (self->agent_uuids == NULL || selected >= self->agent_uuids->len)
    return NULL;
  return g_ptr_array_index (self->agent_uuids, selected);
}

static void
reload (GovorunOverviewPage *self)
{
  g_autoptr(GovorunCallStatsQuery) query = NULL;
  guint period = gtk_drop_down_get_selected (self->period_dropdown);

  if (self->call_stats == NULL)
    return;

  if (period == PERIOD_CUSTOM && self->custom_days > 0)
    query = govorun_call_stats_query_new (&self->custom_first, self->custom_days,
                                          selected_agent (self), NULL);
  else
    query = govorun_call_stats_query_new_last (preset_days[MIN (period, PERIOD_CUSTOM - 1)],
                                               selected_agent (self), NULL,
                                               g_get_real_time () / G_USEC_PER_SEC);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  govorun_call_stats_query_async (self->call_stats, query, self->cancellable, on_loaded,
                                  g_object_ref (self));
  reload_analysis (self, query);
}

static gboolean
ask_for_dates (gpointer data)
{
  GovorunOverviewPage *self = data;

  if (gtk_widget_get_mapped (self->dates_button) && gtk_widget_get_width (self->dates_button) > 0)
    gtk_popover_popup (self->dates_popover);
  return G_SOURCE_REMOVE;
}

static void
on_period_selected (GovorunOverviewPage *self)
{
  gboolean custom = gtk_drop_down_get_selected (self->period_dropdown) == PERIOD_CUSTOM;

  /* Its GtkFlowBoxChild goes too, or it would leave a gap. */
  gtk_widget_set_visible (self->dates_button, custom);
  gtk_widget_set_visible (gtk_widget_get_parent (self->dates_button), custom);
  if (custom && self->custom_days == 0)
    {
      /* Nothing chosen yet: ask for the dates, showing what was shown,
       * once the button that the popover points at has its place. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, ask_for_dates, g_object_ref (self), g_object_unref);
      return;
    }
  reload (self);
}

static void
calendar_date (GtkCalendar *calendar,
               GDate       *out_date)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, g_date_time_get_day_of_month (date), g_date_time_get_month (date),
                  g_date_time_get_year (date));
}

static void
on_dates_chosen (GovorunOverviewPage *self)
{
  GDate from, to;
  int days;

  calendar_date (self->from_calendar, &from);
  calendar_date (self->to_calendar, &to);
  if (g_date_compare (&from, &to) > 0)
    {
      GDate swap = from;

      from = to;
      to = swap;
    }
  days = g_date_days_between (&from, &to) + 1;
  self->custom_first = from;
  self->custom_days = MIN (days, MAX_CUSTOM_DAYS);
  gtk_popover_popdown (self->dates_popover);
  reload (self);
}

static void
on_agent_selected (GovorunOverviewPage *self)
{
  reload (self);
}

/* The agent filter: every agent, then each by name; the choice stays
 * on the same agent when the list changes. */
static void
update_agent_choices (GovorunOverviewPage *self)
{
  g_autofree char *chosen = g_strdup (selected_agent (self));
  guint n = self->agents != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->agents)) : 0;
  guint selected = 0;

  g_signal_handlers_block_by_func (self->agent_dropdown, on_agent_selected, self);
  g_ptr_array_set_size (self->agent_uuids, 0);
  gtk_string_list_splice (self->agent_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->agent_names)), NULL);
  gtk_string_list_append (self->agent_names, _("All Agents"));
  g_ptr_array_add (self->agent_uuids, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GovorunAgent) agent = g_list_model_get_item (G_LIST_MODEL (self->agents), i);

      gtk_string_list_append (self->agent_names, govorun_agent_get_name (agent));
      g_ptr_array_add (self->agent_uuids, g_strdup (govorun_agent_get_uuid (agent)));
      if (g_strcmp0 (chosen, govorun_agent_get_uuid (agent)) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_selected (self->agent_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->agent_dropdown, on_agent_selected, self);
  if (chosen != NULL && selected == 0)
    reload (self);
}

/* --- GovorunPage ----------------------------------------------------------- */

static void
services_set (GovorunPage *page)
{
  GovorunOverviewPage *self = GOVORUN_OVERVIEW_PAGE (page);

  if (self->agents != NULL)
    g_signal_connect_object (self->agents, "items-changed", G_CALLBACK (update_agent_choices),
                             self, G_CONNECT_SWAPPED);
  update_agent_choices (self);
  if (self->call_stats != NULL)
    g_signal_connect_object (self->call_stats, "changed", G_CALLBACK (reload), self,
                             G_CONNECT_SWAPPED);
  reload (self);
}

static void
refresh (GovorunPage *page)
{
  reload (GOVORUN_OVERVIEW_PAGE (page));
}

GPtrArray *
govorun_overview_page_get_analysis (GovorunOverviewPage *self)
{
  g_return_val_if_fail (GOVORUN_IS_OVERVIEW_PAGE (self), NULL);

  return self->analysis_fields;
}

const GovorunCallStatsResult *
govorun_overview_page_get_result (GovorunOverviewPage *self)
{
  g_return_val_if_fail (GOVORUN_IS_OVERVIEW_PAGE (self), NULL);

  return self->result;
}

gboolean
govorun_overview_page_get_loading (GovorunOverviewPage *self)
{
  g_return_val_if_fail (GOVORUN_IS_OVERVIEW_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

/* --- GObject --------------------------------------------------------------- */

static void
govorun_overview_page_dispose (GObject *object)
{
  GovorunOverviewPage *self = GOVORUN_OVERVIEW_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->analysis_cancellable);
  g_clear_object (&self->analysis_cancellable);
  g_clear_object (&self->call_analysis);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->call_stats);
  g_clear_object (&self->agents);
  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (govorun_overview_page_parent_class)->dispose (object);
}

static void
govorun_overview_page_finalize (GObject *object)
{
  GovorunOverviewPage *self = GOVORUN_OVERVIEW_PAGE (object);

  g_clear_pointer (&self->result, govorun_call_stats_result_free);
  g_clear_pointer (&self->analysis_fields, g_ptr_array_unref);
  g_clear_pointer (&self->agent_uuids, g_ptr_array_unref);
  g_clear_object (&self->agent_rows);

  G_OBJECT_CLASS (govorun_overview_page_parent_class)->finalize (object);
}

static void
govorun_overview_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GovorunOverviewPage *self = GOVORUN_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CALL_STATS:
      g_value_set_object (value, self->call_stats);
      break;

    case PROP_AGENTS:
      g_value_set_object (value, self->agents);
      break;

    case PROP_CALL_ANALYSIS:
      g_value_set_object (value, self->call_analysis);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_overview_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GovorunOverviewPage *self = GOVORUN_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CALL_STATS:
      g_set_object (&self->call_stats, g_value_get_object (value));
      break;

    case PROP_AGENTS:
      g_set_object (&self->agents, g_value_get_object (value));
      break;

    case PROP_CALL_ANALYSIS:
      g_set_object (&self->call_analysis, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_overview_page_class_init (GovorunOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GovorunPageClass *page_class = GOVORUN_PAGE_CLASS (klass);

  object_class->dispose = govorun_overview_page_dispose;
  object_class->finalize = govorun_overview_page_finalize;
  object_class->get_property = govorun_overview_page_get_property;
  object_class->set_property = govorun_overview_page_set_property;
  page_class->services_set = services_set;
  page_class->refresh = refresh;

  properties[PROP_CALL_STATS] =
    g_param_spec_object ("call-stats", NULL, NULL, GOVORUN_TYPE_CALL_STATS,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGENTS] =
    g_param_spec_object ("agents", NULL, NULL, GOVORUN_TYPE_AGENT_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CALL_ANALYSIS] =
    g_param_spec_object ("call-analysis", NULL, NULL, GOVORUN_TYPE_CALL_ANALYSIS,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/govorun-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GovorunOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GovorunOverviewPage, content);
  gtk_widget_class_bind_template_child (widget_class, GovorunOverviewPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GovorunOverviewPage, dates_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunOverviewPage, dates_popover);
  gtk_widget_class_bind_template_child (widget_class, GovorunOverviewPage, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, GovorunOverviewPage, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, GovorunOverviewPage, agent_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GovorunOverviewPage, agent_names);
  gtk_widget_class_bind_template_child (widget_class, GovorunOverviewPage, range_label);
  gtk_widget_class_bind_template_child (widget_class, GovorunOverviewPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, GovorunOverviewPage, error_label);
  gtk_widget_class_bind_template_child_full (widget_class, "cards", FALSE,
                                             G_STRUCT_OFFSET (GovorunOverviewPage, cards_box));
  gtk_widget_class_bind_template_callback (widget_class, on_period_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_dates_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_agent_selected);

  g_type_ensure (GOVORUN_TYPE_BAR_CHART);
  g_type_ensure (GOVORUN_TYPE_HEAT_MAP);
  g_type_ensure (GOVORUN_TYPE_HISTOGRAM);
}

static void
govorun_overview_page_init (GovorunOverviewPage *self)
{
  static const struct {
    const char *title;
    Better      better;
  } card_specs[N_CARDS] = {
    [CARD_CALLS] = { N_("Calls"), BETTER_NEUTRAL },
    [CARD_ANSWERED] = { NC_("share of calls", "Answered"), BETTER_UP },
    [CARD_MINUTES] = { N_("Minutes"), BETTER_NEUTRAL },
    [CARD_AVERAGE] = { N_("Average Duration"), BETTER_NEUTRAL },
    [CARD_SUCCESS] = { N_("Success Rate"), BETTER_UP },
    [CARD_VOX_COST] = { N_("Voximplant Cost"), BETTER_DOWN },
    [CARD_EL_COST] = { N_("ElevenLabs Cost"), BETTER_DOWN },
    [CARD_COST_PER_SUCCESS] = { N_("Cost per Successful Call"), BETTER_DOWN },
  };
  const char *series_names[GOVORUN_CALL_N_OUTCOMES];

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (gtk_widget_get_parent (self->dates_button), FALSE);
  /* The filters' flow box places them; Tab goes to the controls only. */
  gtk_widget_set_focusable (gtk_widget_get_parent (GTK_WIDGET (self->period_dropdown)), FALSE);
  gtk_widget_set_focusable (gtk_widget_get_parent (self->dates_button), FALSE);
  gtk_widget_set_focusable (gtk_widget_get_parent (GTK_WIDGET (self->agent_dropdown)), FALSE);
  self->agent_uuids = g_ptr_array_new_with_free_func (g_free);
  self->agent_rows = g_list_store_new (GTK_TYPE_STRING_LIST);
  g_date_clear (&self->custom_first, 1);

  for (guint c = 0; c < N_CARDS; c++)
    {
      card_init (&self->cards[c],
                 c == CARD_ANSWERED ? C_("share of calls", "Answered") : _(card_specs[c].title),
                 card_specs[c].better);
      gtk_flow_box_append (self->cards_box, self->cards[c].box);
    }

  for (guint o = 0; o < GOVORUN_CALL_N_OUTCOMES; o++)
    series_names[o] = g_dpgettext2 (NULL, "call outcome", outcome_names[o]);
  self->per_day = GOVORUN_BAR_CHART (govorun_bar_chart_new ());
  govorun_bar_chart_set_series (self->per_day, GOVORUN_CALL_N_OUTCOMES, series_names,
                                outcome_colors);
  gtk_widget_set_size_request (GTK_WIDGET (self->per_day), -1, 220);
  self->heat_map = GOVORUN_HEAT_MAP (govorun_heat_map_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->heat_map), -1, 200);
  self->durations = GOVORUN_HISTOGRAM (govorun_histogram_new ());

  /* Translators: the file names "Save Chart as PNG" suggests. */
  gtk_box_append (self->content, section_new (_("Calls per Day"), GTK_WIDGET (self->per_day),
                                              _("calls-per-day.png")));
  gtk_box_append (self->content, section_new (_("Answered Share by Weekday and Hour"),
                                              GTK_WIDGET (self->heat_map),
                                              _("answered-by-hour.png")));
  gtk_box_append (self->content, section_new (_("Call Durations"), GTK_WIDGET (self->durations),
                                              _("call-durations.png")));
  {
    GtkWidget *heading = gtk_label_new (_("Agents"));

    gtk_label_set_xalign (GTK_LABEL (heading), 0);
    gtk_widget_add_css_class (heading, "heading");
    GtkWidget *scroller = gtk_scrolled_window_new ();

    /* The table scrolls sideways in a narrow window rather than widen the
     * page past the window (the sidebar folds at 360 pixels). */
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                    GTK_POLICY_NEVER);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), agents_table_new (self));
    gtk_box_append (self->content, heading);
    gtk_box_append (self->content, scroller);
  }
  self->analysis = GOVORUN_ANALYSIS_SUMMARY (govorun_analysis_summary_new ());
  gtk_box_append (self->content, GTK_WIDGET (self->analysis));
}
