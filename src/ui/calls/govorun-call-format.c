/* govorun-call-format.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallFormat"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-call-format.h"
#include "govorun-call-labels.h"
#include "govorun-format.h"

char *
govorun_call_format_started_at (gint64 started_at)
{
  g_autoptr(GDateTime) time = NULL;

  if (started_at <= 0)
    return g_strdup ("");
  time = g_date_time_new_from_unix_local (started_at);
  if (time == NULL)
    return g_strdup ("");
  /* Translators: a call's date and time in the list; %x is the locale's
   * date, see the strftime manual for the rest */
  return g_date_time_format (time, _("%x %H:%M"));
}

char *
govorun_call_format_duration (guint seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%u:%02u:%02u", seconds / 3600, seconds / 60 % 60, seconds % 60);
  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}

const char *
govorun_call_format_direction (GovorunCallDirection direction)
{
  const char *label = govorun_call_direction_label (direction);

  return label != NULL ? label : _("Direction unknown");
}

const char *
govorun_call_format_direction_icon (GovorunCallDirection direction)
{
  switch (direction)
    {
    case GOVORUN_CALL_DIRECTION_INBOUND:
      return "call-incoming-symbolic";
    case GOVORUN_CALL_DIRECTION_OUTBOUND:
      return "call-outgoing-symbolic";
    case GOVORUN_CALL_DIRECTION_WEB:
      return "web-browser-symbolic";
    case GOVORUN_CALL_DIRECTION_UNKNOWN:
    default:
      return NULL;
    }
}

char *
govorun_call_format_status (GovorunCallStatus  status,
                            const char        *finish_reason)
{
  const char *label = govorun_call_status_label (status);
  const char *text = label != NULL ? label : "";

  /* An answered call's "normal clearing" tells nothing; the other
   * statuses are explained by theirs. */
  if (finish_reason == NULL || *finish_reason == '\0' || status == GOVORUN_CALL_STATUS_ANSWERED)
    return g_strdup (text);
  if (*text == '\0')
    return g_strdup (finish_reason);
  /* Translators: a call's status and the provider's finish reason */
  return g_strdup_printf (_("%s (%s)"), text, finish_reason);
}

const char *
govorun_call_format_success (GovorunCallSuccess success)
{
  const char *label = govorun_call_success_label (success);

  return label != NULL ? label : "";
}

static char *group_digits (char *text,
                           guint n);

/* ElevenLabs bills in credits, a counted noun rather than a currency. */
static void
append_money (GString    *text,
              double      amount,
              const char *currency)
{
  g_autofree char *money = NULL;

  if (g_strcmp0 (currency, "credits") == 0)
    {
      guint n = (guint) CLAMP (amount + 0.5, 0, G_MAXUINT);

      money = group_digits (g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u credit", "%u credits", n),
                                             n), n);
    }
  else
    money = govorun_format_money (amount, currency);

  if (text->len > 0)
    g_string_append (text, " + ");
  g_string_append (text, money);
}

char *
govorun_call_format_cost (GovorunCallRecord *record)
{
  GString *text = g_string_new (NULL);
  double vox = govorun_call_record_get_vox_cost (record);
  double el = govorun_call_record_get_el_cost (record);
  const char *vox_currency = govorun_call_record_get_vox_currency (record);
  const char *el_currency = govorun_call_record_get_el_currency (record);

  if (vox != 0 && el != 0 && g_strcmp0 (vox_currency, el_currency) == 0)
    append_money (text, vox + el, vox_currency);
  else
    {
      if (vox != 0)
        append_money (text, vox, vox_currency);
      if (el != 0)
        append_money (text, el, el_currency);
    }
  return g_string_free (text, FALSE);
}

/* @text, holding @n in plain digits (a plural form's %u), with those
 * digits grouped the locale's way ("12 345 звонков"). Takes @text. */
static char *
group_digits (char  *text,
              guint  n)
{
  g_autofree char *owned = text;
  g_autofree char *plain = g_strdup_printf ("%u", n);
  g_autofree char *grouped = g_strdup_printf ("%'u", n);
  const char *at = strstr (owned, plain);

  if (at == NULL || strcmp (plain, grouped) == 0)
    return g_steal_pointer (&owned);
  return g_strdup_printf ("%.*s%s%s", (int) (at - owned), owned, grouped, at + strlen (plain));
}

char *
govorun_call_format_group_digits (char  *text,
                                  guint  n)
{
  return group_digits (text, n);
}

char *
govorun_call_format_count (guint64  count,
                           gboolean at_least)
{
  guint n = (guint) MIN (count, G_MAXUINT);

  if (at_least)
    /* Translators: the count of calls while it is still being counted,
     * e.g. "10 000+ calls" */
    return group_digits (g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u+ call", "%u+ calls", n),
                                          n), n);
  return group_digits (g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u call", "%u calls", n), n),
                       n);
}

char *
govorun_call_format_summary (const GovorunCallSummary *summary)
{
  g_autoptr(GString) costs = g_string_new (NULL);
  g_autoptr(GHashTable) by_currency = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) currencies = g_ptr_array_new ();
  g_autofree char *count = NULL;
  g_autofree char *minutes = NULL;
  guint n;

  /* One amount per currency, whichever provider billed it. */
  for (guint i = 0; summary->costs != NULL && i < summary->costs->len; i++)
    {
      GovorunCallCost *cost = g_ptr_array_index (summary->costs, i);
      const char *currency = cost->currency != NULL ? cost->currency : "";
      double *sum = g_hash_table_lookup (by_currency, currency);

      if (sum == NULL)
        {
          sum = g_new0 (double, 1);
          g_hash_table_insert (by_currency, (gpointer) currency, sum);
          g_ptr_array_add (currencies, (gpointer) currency);
        }
      *sum += cost->amount;
    }
  for (guint i = 0; i < currencies->len; i++)
    {
      const char *currency = g_ptr_array_index (currencies, i);
      g_autofree double *sum = g_hash_table_lookup (by_currency, currency);

      if (*sum != 0)
        append_money (costs, *sum, *currency != '\0' ? currency : NULL);
    }

  count = govorun_call_format_count (summary->count, FALSE);
  n = (guint) MIN ((summary->total_seconds + 30) / 60, G_MAXUINT);
  minutes = group_digits (g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes",
                                                        n), n), n);
  if (costs->len == 0)
    /* Translators: the summary above the calls: "120 calls · 340 minutes" */
    return g_strdup_printf (_("%s · %s"), count, minutes);
  /* Translators: the summary above the calls: "120 calls · 340 minutes · 1 234,50 ₽" */
  return g_strdup_printf (_("%s · %s · %s"), count, minutes, costs->str);
}

char *
govorun_call_format_analysis_name (const char *id)
{
  g_autofree char *text = g_strdelimit (g_strdup (id != NULL ? id : ""), "_", ' ');
  char first[8] = { 0, };

  if (*text == '\0')
    return g_steal_pointer (&text);
  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (text)), first);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}
