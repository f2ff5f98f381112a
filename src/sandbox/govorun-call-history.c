/* govorun-call-history.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallHistory"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "govorun-call-history-private.h"

/* Days are Moscow days (UTC+3, no DST since 2014): the demo businesses
 * are there, and their callers sleep at night. */
#define LOCAL_OFFSET   (3 * 3600)
#define DAY            86400
#define MAX_CALLS      1000000
/* A pool of regular callers, so that numbers repeat as in a real business. */
#define REGULARS       400

typedef struct
{
  char                 *agent_id;
  char                 *local_number;
  GovorunHistoryDomain  domain;
  gboolean              outbound;
} Agent;

struct _GovorunCallHistory
{
  GObject    parent_instance;

  guint64    seed;
  gint64     start;
  gint64     end;
  GPtrArray *agents;          /* Agent* */

  /* Calls per day by position in a 7-day block of the epoch grid (day 0,
   * 1970-01-01, was a Thursday), their prefix sums and the block total. */
  guint      per_day[7];
  guint      before[8];
  guint      per_block;
  /* Share of calls per hour of the local day, cumulative (0..1). */
  double     hour_cdf[25];
  /* The slots of the window: [first, last). */
  gint64     first;
  gint64     last;
};

G_DEFINE_FINAL_TYPE (GovorunCallHistory, govorun_call_history, G_TYPE_OBJECT)

static void
agent_free (Agent *agent)
{
  g_free (agent->agent_id);
  g_free (agent->local_number);
  g_free (agent);
}

static void
govorun_call_history_finalize (GObject *object)
{
  GovorunCallHistory *self = GOVORUN_CALL_HISTORY (object);

  g_ptr_array_unref (self->agents);

  G_OBJECT_CLASS (govorun_call_history_parent_class)->finalize (object);
}

static void
govorun_call_history_class_init (GovorunCallHistoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = govorun_call_history_finalize;
}

static void
govorun_call_history_init (GovorunCallHistory *self)
{
  self->agents = g_ptr_array_new_with_free_func ((GDestroyNotify) agent_free);
}

/* ---- The slot grid ---- */

static guint64
rand_at (GovorunCallHistory *self,
         gint64              index,
         guint               salt)
{
  return history_mix (self->seed ^ history_mix ((guint64) index * 16 + salt));
}

/* Uniform in [0, 1) */
static double
unit (guint64 r)
{
  return (double) (r >> 11) / 9007199254740992.0;
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static gint64
day_start (gint64 day)
{
  return day * DAY - LOCAL_OFFSET;
}

static gint64
slots_before_day (GovorunCallHistory *self,
                  gint64              day)
{
  gint64 block = floor_div (day, 7);

  return block * self->per_block + self->before[day - block * 7];
}

static guint
slots_on_day (GovorunCallHistory *self,
              gint64              day)
{
  return self->per_day[day - floor_div (day, 7) * 7];
}

/* Seconds into the local day where the share @u of its calls has begun. */
static double
inverse_cdf (GovorunCallHistory *self,
             double              u)
{
  guint h = 0;

  while (h < 23 && self->hour_cdf[h + 1] <= u)
    h++;

  return (h + (u - self->hour_cdf[h]) / (self->hour_cdf[h + 1] - self->hour_cdf[h])) * 3600.0;
}

/* Start of call @j of @day: the j-th of its n equal shares of the day's
 * distribution, jittered inside its share, so times grow with j. */
static gint64
slot_time (GovorunCallHistory *self,
           gint64              day,
           guint               j)
{
  gint64 index = slots_before_day (self, day) + j;
  double u = (j + 0.1 + 0.8 * unit (rand_at (self, index, 0))) / slots_on_day (self, day);

  return day_start (day) + (gint64) inverse_cdf (self, u);
}

static void
slot_position (GovorunCallHistory *self,
               gint64              index,
               gint64             *day,
               guint              *j)
{
  gint64 block = floor_div (index, self->per_block);
  guint rest = index - block * self->per_block;
  guint r = 0;

  while (r < 6 && self->before[r + 1] <= rest)
    r++;
  *day = block * 7 + r;
  *j = rest - self->before[r];
}

gint64
govorun_call_history_index_at (GovorunCallHistory *self,
                               gint64              when)
{
  gint64 day;
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (GOVORUN_IS_CALL_HISTORY (self), 0);

  when = CLAMP (when, self->start, self->end);
  day = floor_div (when + LOCAL_OFFSET, DAY);
  hi = slots_on_day (self, day);
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (slot_time (self, day, mid) < when)
        lo = mid + 1;
      else
        hi = mid;
    }

  return slots_before_day (self, day) + lo;
}

/* ---- Construction ---- */

GovorunCallHistory *
govorun_call_history_new (guint64 seed,
                          guint   n_calls,
                          guint   days,
                          gint64  end)
{
  /* Weekdays Monday first; hours of the local day. */
  static const double weekday_weight[7] = { 1.15, 1.1, 1.1, 1.1, 1.05, 0.8, 0.7 };
  static const double hour_weight[24] = {
    0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.2, 0.5, 1.2, 2.2, 2.4, 2.3,
    2.0, 1.7, 2.0, 2.1, 1.9, 1.6, 1.2, 0.9, 0.6, 0.4, 0.25, 0.15,
  };
  GovorunCallHistory *self;
  double weight_sum = 0;
  double total = 0;
  guint assigned = 0;
  double remainders[7];

  g_return_val_if_fail (n_calls >= 1 && n_calls <= MAX_CALLS, NULL);
  g_return_val_if_fail (days >= 1, NULL);

  self = g_object_new (GOVORUN_TYPE_CALL_HISTORY, NULL);
  self->seed = seed;
  self->end = end;
  self->start = end - (gint64) days * DAY;

  /* Calls per 7-day block, shared by weekday (largest remainder). */
  self->per_block = MAX (1, (guint) llround ((double) n_calls * 7 / days));
  for (guint i = 0; i < 7; i++)
    weight_sum += weekday_weight[i];
  for (guint r = 0; r < 7; r++)
    {
      double exact = self->per_block * weekday_weight[(r + 3) % 7] / weight_sum;

      self->per_day[r] = (guint) floor (exact);
      remainders[r] = exact - self->per_day[r];
      assigned += self->per_day[r];
    }
  while (assigned < self->per_block)
    {
      guint best = 0;

      for (guint r = 1; r < 7; r++)
        if (remainders[r] > remainders[best])
          best = r;
      self->per_day[best]++;
      remainders[best] = -1;
      assigned++;
    }
  self->before[0] = 0;
  for (guint r = 0; r < 7; r++)
    self->before[r + 1] = self->before[r] + self->per_day[r];

  for (guint h = 0; h < 24; h++)
    total += hour_weight[h];
  self->hour_cdf[0] = 0;
  for (guint h = 0; h < 24; h++)
    self->hour_cdf[h + 1] = self->hour_cdf[h] + hour_weight[h] / total;
  self->hour_cdf[24] = 1.0;

  self->first = govorun_call_history_index_at (self, self->start);
  self->last = govorun_call_history_index_at (self, self->end);

  return self;
}

void
govorun_call_history_add_agent (GovorunCallHistory  *self,
                                const char          *agent_id,
                                const char          *local_number,
                                GovorunHistoryDomain domain,
                                gboolean             outbound)
{
  Agent *agent;

  g_return_if_fail (GOVORUN_IS_CALL_HISTORY (self));
  g_return_if_fail (agent_id != NULL && local_number != NULL);

  agent = g_new0 (Agent, 1);
  agent->agent_id = g_strdup (agent_id);
  agent->local_number = g_strdup (local_number);
  agent->domain = domain;
  agent->outbound = outbound;
  g_ptr_array_add (self->agents, agent);
}

guint
govorun_call_history_get_n_agents (GovorunCallHistory *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_HISTORY (self), 0);

  return self->agents->len;
}

gint64
govorun_call_history_get_start (GovorunCallHistory *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_HISTORY (self), 0);

  return self->start;
}

gint64
govorun_call_history_get_end (GovorunCallHistory *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_HISTORY (self), 0);

  return self->end;
}

/* ---- One call ---- */

static const HistoryScript *
script_of (const GovorunHistoryCall *call)
{
  guint n;
  const HistoryScript *scripts = history_scripts_for (call->domain, &n);

  return &scripts[call->script % n];
}

/* Lines spoken: a failed conversation stops early (the caller hangs up). */
static guint
spoken_lines (const GovorunHistoryCall *call)
{
  const HistoryScript *script = script_of (call);
  guint n = 0;

  while (script->lines[n].message != NULL)
    n++;
  if (call->verdict == GOVORUN_HISTORY_VERDICT_FAILURE)
    n = MIN (n, 3 + (guint) (call->noise % 3));

  return n;
}

#define MAX_TURNS 16

/* The turns of an answered call into @turns; returns how many. */
static guint
fill_turns (const GovorunHistoryCall *call,
            GovorunHistoryTurn        turns[MAX_TURNS])
{
  const HistoryScript *script;
  guint64 r;
  guint t = 0;
  guint n;

  if (call->outcome != GOVORUN_HISTORY_OUTCOME_ANSWERED)
    return 0;

  script = script_of (call);
  n = MIN (spoken_lines (call), MAX_TURNS);
  r = call->noise;
  for (guint i = 0; i < n; i++)
    {
      /* About 15 characters a second, as people speak; the lines are
       * Cyrillic, two bytes a character. */
      guint chars = (guint) strlen (script->lines[i].message) / 2;

      r = history_mix (r);
      turns[i].agent = script->lines[i].agent;
      turns[i].message = script->lines[i].message;
      turns[i].time_in_call_secs = t;
      turns[i].speech_secs = CLAMP (chars / 15, 1, 20) + (guint) (r % 2);
      t += turns[i].speech_secs + 1 + (guint) ((r >> 8) % 2);
    }

  return n;
}

GArray *
govorun_call_history_get_turns (GovorunCallHistory       *self,
                                const GovorunHistoryCall *call)
{
  GArray *turns = g_array_new (FALSE, TRUE, sizeof (GovorunHistoryTurn));
  GovorunHistoryTurn buffer[MAX_TURNS];
  guint n;

  g_return_val_if_fail (GOVORUN_IS_CALL_HISTORY (self), turns);
  g_return_val_if_fail (call != NULL, turns);

  n = fill_turns (call, buffer);
  g_array_append_vals (turns, buffer, n);
  return turns;
}

static guint
talk_length (const GovorunHistoryCall *call)
{
  GovorunHistoryTurn turns[MAX_TURNS];
  guint n = fill_turns (call, turns);

  if (n == 0)
    return 0;

  return turns[n - 1].time_in_call_secs + turns[n - 1].speech_secs + 1;
}

/* @digits lowercase hex digits of @value, zero-padded, at @out. */
static void
put_hex (char    *out,
         guint64  value,
         guint    digits)
{
  static const char hex[] = "0123456789abcdef";

  for (guint i = digits; i-- > 0;)
    {
      out[i] = hex[value & 15];
      value >>= 4;
    }
}

/* "conv_%012" G_GINT64_MODIFIER "x%u%07x" of the slot, its sub and a
 * tag, without printf (a page of sessions names hundreds). */
static void
make_conversation_id (GovorunCallHistory *self,
                      GovorunHistoryCall *call)
{
  guint tag = (guint) (rand_at (self, call->index, 10 + call->sub) & 0xfffffff);
  char *p = call->conversation_id;

  if ((guint64) call->index >> 48 != 0 || call->sub > 9)
    {
      g_snprintf (call->conversation_id, sizeof call->conversation_id,
                  "conv_%012" G_GINT64_MODIFIER "x%u%07x", call->index, call->sub, tag);
      return;
    }
  memcpy (p, "conv_", 5);
  put_hex (p + 5, (guint64) call->index, 12);
  p[17] = (char) ('0' + call->sub);
  put_hex (p + 18, tag, 7);
  p[25] = '\0';
}

/* Minutes are billed per started minute. */
static double
per_minute (guint  secs,
            double rate)
{
  return round ((secs + 59) / 60 * rate * 100) / 100;
}

/* "79%09u" of @subscriber (below 10^9), without printf: a page of a
 * thousand sessions asks for a thousand. */
static void
format_remote_number (char  number[16],
                      guint subscriber)
{
  number[0] = '7';
  number[1] = '9';
  for (guint i = 10; i >= 2; i--)
    {
      number[i] = (char) ('0' + subscriber % 10);
      subscriber /= 10;
    }
  number[11] = '\0';
}

gboolean
govorun_call_history_get_call (GovorunCallHistory *self,
                               gint64              index,
                               guint               sub,
                               GovorunHistoryCall *call)
{
  gint64 day;
  guint j;
  Agent *agent;
  guint64 r;
  double u;
  guint n_scripts;

  g_return_val_if_fail (GOVORUN_IS_CALL_HISTORY (self), FALSE);
  g_return_val_if_fail (call != NULL, FALSE);

  memset (call, 0, sizeof *call);
  if (sub > 1 || self->agents->len == 0 || index < self->first || index >= self->last)
    return FALSE;

  /* About 3 % of slots also have a website-widget conversation. */
  if (sub == 1 && rand_at (self, index, 1) % 100 >= 3)
    return FALSE;

  slot_position (self, index, &day, &j);
  r = rand_at (self, index, 2 + sub);
  agent = g_ptr_array_index (self->agents, (index + r % 7) % self->agents->len);

  call->index = index;
  call->sub = sub;
  call->start = slot_time (self, day, j);
  call->noise = rand_at (self, index, 4 + sub);
  call->agent = (guint) ((index + r % 7) % self->agents->len);
  call->agent_id = agent->agent_id;
  call->domain = agent->domain;
  history_scripts_for (agent->domain, &n_scripts);
  call->script = (guint) ((r >> 16) % n_scripts);
  u = unit (rand_at (self, index, 6 + sub));
  call->verdict = u < 0.74 ? GOVORUN_HISTORY_VERDICT_SUCCESS
                  : u < 0.93 ? GOVORUN_HISTORY_VERDICT_FAILURE
                  : GOVORUN_HISTORY_VERDICT_UNKNOWN;

  if (sub == 1)
    {
      /* The widget twin: a conversation on the website, no phone at all. */
      call->incoming = TRUE;
      call->outcome = GOVORUN_HISTORY_OUTCOME_ANSWERED;
      call->talk_secs = talk_length (call);
      call->session_secs = call->talk_secs;
      call->el_cost = (call->talk_secs * 10 + 5) / 6;
      make_conversation_id (self, call);
      return TRUE;
    }

  call->session_id = index + 1;
  call->call_id = index + 1 + G_GINT64_CONSTANT (5000000000);
  call->incoming = !agent->outbound;
  call->local_number = agent->local_number;
  if (r % 100 < 35)
    format_remote_number (call->remote_number, (guint) (history_mix (self->seed + (r >> 24) % REGULARS) % 1000000000));
  else
    format_remote_number (call->remote_number, (guint) (history_mix (r) % 1000000000));

  u = unit (rand_at (self, index, 8));
  call->finish_reason = "Normal termination";
  if (call->incoming)
    call->outcome = u < 0.86 ? GOVORUN_HISTORY_OUTCOME_ANSWERED
                    : u < 0.93 ? GOVORUN_HISTORY_OUTCOME_NO_ANSWER
                    : u < 0.96 ? GOVORUN_HISTORY_OUTCOME_UNAVAILABLE
                    : GOVORUN_HISTORY_OUTCOME_FAILED;
  else
    call->outcome = u < 0.62 ? GOVORUN_HISTORY_OUTCOME_ANSWERED
                    : u < 0.80 ? GOVORUN_HISTORY_OUTCOME_NO_ANSWER
                    : u < 0.90 ? GOVORUN_HISTORY_OUTCOME_BUSY
                    : u < 0.95 ? GOVORUN_HISTORY_OUTCOME_UNAVAILABLE
                    : GOVORUN_HISTORY_OUTCOME_FAILED;

  switch (call->outcome)
    {
    case GOVORUN_HISTORY_OUTCOME_ANSWERED:
      call->ring_secs = call->incoming ? 1 + (guint) (call->noise % 3) : 6 + (guint) (call->noise % 20);
      call->end_code = 200;
      call->end_description = "Normal call clearing";
      call->talk_secs = talk_length (call);
      make_conversation_id (self, call);
      call->record_id = index + 1 + G_GINT64_CONSTANT (9000000000);
      break;
    case GOVORUN_HISTORY_OUTCOME_NO_ANSWER:
      /* Inbound: the caller hung up while it rang; outbound: nobody answered in 60 s. */
      call->ring_secs = call->incoming ? 2 + (guint) (call->noise % 12) : 60;
      call->end_code = call->incoming ? 487 : 408;
      call->end_description = call->incoming ? "Request Terminated" : "Request Timeout";
      break;
    case GOVORUN_HISTORY_OUTCOME_BUSY:
      call->ring_secs = 2 + (guint) (call->noise % 4);
      call->end_code = 486;
      call->end_description = "Busy Here";
      break;
    case GOVORUN_HISTORY_OUTCOME_UNAVAILABLE:
      call->ring_secs = 3 + (guint) (call->noise % 8);
      call->end_code = 480;
      call->end_description = "Temporarily Unavailable";
      break;
    case GOVORUN_HISTORY_OUTCOME_FAILED:
    default:
      {
        static const char * const reasons[] = { "JS session error", "Timeout", "Insufficient funds",
                                                "Internal error (billing timeout)" };
        const char *reason = reasons[call->noise % G_N_ELEMENTS (reasons)];

        call->ring_secs = 1 + (guint) (call->noise % 5);
        call->finish_reason = reason;
        call->end_code = g_str_equal (reason, "Insufficient funds") ? 402 : 500;
        call->end_description = call->end_code == 402 ? "Payment Required" : "Internal Server Error";
        break;
      }
    }

  call->session_secs = call->ring_secs + call->talk_secs + 1;
  if (call->talk_secs > 0)
    {
      call->call_cost = per_minute (call->talk_secs, call->incoming ? 0.9 : 1.85);
      call->record_cost = per_minute (call->talk_secs, 0.25);
      /* About 100 credits a minute. */
      call->el_cost = (call->talk_secs * 10 + 5) / 6;
    }

  return TRUE;
}

gint64
govorun_call_history_find_session (GovorunCallHistory *self,
                                   gint64              session_id)
{
  GovorunHistoryCall call;

  g_return_val_if_fail (GOVORUN_IS_CALL_HISTORY (self), -1);

  if (session_id < 1 || !govorun_call_history_get_call (self, session_id - 1, 0, &call))
    return -1;

  return session_id - 1;
}

gboolean
govorun_call_history_find_conversation (GovorunCallHistory *self,
                                        const char         *conversation_id,
                                        GovorunHistoryCall *call)
{
  guint64 index;
  guint sub;

  g_return_val_if_fail (GOVORUN_IS_CALL_HISTORY (self), FALSE);
  g_return_val_if_fail (call != NULL, FALSE);

  if (conversation_id == NULL || strlen (conversation_id) != 25 ||
      !g_str_has_prefix (conversation_id, "conv_"))
    return FALSE;

  {
    char hex[13];

    memcpy (hex, conversation_id + 5, 12);
    hex[12] = '\0';
    if (!g_ascii_string_to_unsigned (hex, 16, 0, G_MAXINT64, &index, NULL))
      return FALSE;
  }
  sub = conversation_id[17] - '0';

  return govorun_call_history_get_call (self, (gint64) index, sub, call) &&
         g_str_equal (call->conversation_id, conversation_id);
}

const char *
govorun_call_history_get_summary (GovorunCallHistory       *self,
                                  const GovorunHistoryCall *call)
{
  const HistoryScript *script = script_of (call);

  return call->verdict == GOVORUN_HISTORY_VERDICT_FAILURE ? script->summary_failure : script->summary_success;
}

const char *
govorun_call_history_get_title (GovorunCallHistory       *self,
                                const GovorunHistoryCall *call)
{
  return script_of (call)->title;
}

const char * const *
govorun_call_history_get_collected (GovorunCallHistory       *self,
                                    const GovorunHistoryCall *call)
{
  static const char * const nothing[] = { NULL };

  /* A conversation that broke off collected nothing. */
  if (call->verdict == GOVORUN_HISTORY_VERDICT_FAILURE)
    return nothing;

  return script_of (call)->collected;
}
