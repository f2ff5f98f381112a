/* govorun-xlsx-values.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunXlsxReader"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "govorun-xlsx-reader-private.h"

/* Excel keeps 15 significant digits; more are binary noise of a double. */
#define MAX_SIGNIFICANT 15
/* Numbers beyond 10^±40 stay as written rather than as 40 zeros. */
#define MAX_POINT 40

const char *
_govorun_xlsx_local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

const char *
_govorun_xlsx_attribute (const char **names,
                         const char **values,
                         const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (_govorun_xlsx_local_name (names[i]), wanted) == 0)
      return values[i];
  return NULL;
}

GovorunXlsxFormatKind
_govorun_xlsx_format_kind (guint       num_fmt_id,
                           const char *format_code)
{
  gboolean date = FALSE, time = FALSE, quoted = FALSE;

  if (format_code == NULL)
    {
      /* The built-in formats (ECMA-376 18.8.30) and the East Asian dates. */
      if ((num_fmt_id >= 14 && num_fmt_id <= 17) || (num_fmt_id >= 27 && num_fmt_id <= 31)
          || (num_fmt_id >= 34 && num_fmt_id <= 36) || (num_fmt_id >= 50 && num_fmt_id <= 58))
        return GOVORUN_XLSX_FORMAT_DATE;
      if ((num_fmt_id >= 18 && num_fmt_id <= 21) || (num_fmt_id >= 45 && num_fmt_id <= 47)
          || num_fmt_id == 32 || num_fmt_id == 33)
        return GOVORUN_XLSX_FORMAT_TIME;
      if (num_fmt_id == 22)
        return GOVORUN_XLSX_FORMAT_DATETIME;
      return GOVORUN_XLSX_FORMAT_NONE;
    }

  for (const char *p = format_code; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\\' || *p == '_' || *p == '*')
        {
          if (p[1] != '\0')
            p++;  /* an escaped or padding character */
        }
      else if (*p == '[')
        {
          /* [Red], [$-419], [<100]: not date parts; [h] [mm] [ss]: elapsed time. */
          const char *close = strchr (p, ']');

          if (close == NULL)
            break;
          if (p[1] == 'h' || p[1] == 'H' || p[1] == 's' || p[1] == 'S' || p[1] == 'm' || p[1] == 'M')
            time = TRUE;
          p = close;
        }
      else if (*p == ';')
        break;  /* the first section decides */
      else if (c == 'y' || c == 'd')
        date = TRUE;
      else if (c == 'h' || c == 's')
        time = TRUE;
      else if (c == 'e' && p != format_code && (p[-1] == '0' || p[-1] == '#' || p[-1] == '.'))
        return GOVORUN_XLSX_FORMAT_NONE;  /* 0.00E+00 is scientific */
      else if (c == 'g' && g_ascii_strncasecmp (p, "general", 7) == 0)
        return GOVORUN_XLSX_FORMAT_NONE;
    }
  if (date && time)
    return GOVORUN_XLSX_FORMAT_DATETIME;
  if (date)
    return GOVORUN_XLSX_FORMAT_DATE;
  if (time)
    return GOVORUN_XLSX_FORMAT_TIME;
  return GOVORUN_XLSX_FORMAT_NONE;
}

/* Splits a decimal number into its significant digits and the position of
 * the point: value = 0.<digits> × 10^point. */
static gboolean
split_number (const char *xml,
              gboolean   *negative,
              GString    *digits,
              long       *point)
{
  const char *p = xml;
  long exponent = 0, int_digits = 0;
  gboolean any = FALSE;

  while (*p == ' ')
    p++;
  *negative = *p == '-';
  if (*p == '-' || *p == '+')
    p++;
  for (; g_ascii_isdigit (*p); p++, any = TRUE)
    {
      g_string_append_c (digits, *p);
      int_digits++;
    }
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++, any = TRUE)
      g_string_append_c (digits, *p);
  if (!any)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      char *end = NULL;

      exponent = strtol (p + 1, &end, 10);
      if (end == p + 1 || exponent > 10000 || exponent < -10000)
        return FALSE;
      p = end;
    }
  while (*p == ' ')
    p++;
  if (*p != '\0')
    return FALSE;

  *point = int_digits + exponent;
  /* Leading zeros move the point; trailing ones change nothing. */
  {
    gsize lead = 0;

    while (lead < digits->len && digits->str[lead] == '0')
      lead++;
    g_string_erase (digits, 0, lead);
    *point -= lead;
    while (digits->len > 0 && digits->str[digits->len - 1] == '0')
      g_string_truncate (digits, digits->len - 1);
  }
  return TRUE;
}

gboolean
_govorun_xlsx_number_text (const char *xml,
                           GString    *out)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean negative = FALSE;
  long point = 0;

  if (!split_number (xml, &negative, digits, &point))
    return FALSE;

  if (digits->len > MAX_SIGNIFICANT)
    {
      /* 0.30000000000000004 is 0.3 in the sheet: round as Excel shows it. */
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (buf, sizeof buf, "%.15e", g_ascii_strtod (xml, NULL));
      g_string_truncate (digits, 0);
      if (!split_number (buf, &negative, digits, &point))
        return FALSE;
    }

  if (digits->len == 0)
    {
      g_string_append_c (out, '0');
      return TRUE;
    }
  if (point > MAX_POINT || point < -MAX_POINT)
    {
      g_string_append (out, xml);
      return TRUE;
    }

  if (negative)
    g_string_append_c (out, '-');
  if (point <= 0)
    {
      g_string_append (out, "0.");
      for (long i = point; i < 0; i++)
        g_string_append_c (out, '0');
      g_string_append_len (out, digits->str, digits->len);
    }
  else if ((gsize) point >= digits->len)
    {
      g_string_append_len (out, digits->str, digits->len);
      for (gsize i = digits->len; i < (gsize) point; i++)
        g_string_append_c (out, '0');
    }
  else
    {
      g_string_append_len (out, digits->str, point);
      g_string_append_c (out, '.');
      g_string_append_len (out, digits->str + point, digits->len - point);
    }
  return TRUE;
}

gboolean
_govorun_xlsx_date_text (const char            *xml,
                         GovorunXlsxFormatKind  kind,
                         gboolean               date1904,
                         GString               *out)
{
  char *end = NULL;
  double serial = g_ascii_strtod (xml, &end);
  double whole;
  long days, seconds;

  if (end == xml || *end != '\0' || !isfinite (serial) || serial < 0 || serial > 2958466.0)
    return FALSE;

  whole = floor (serial);
  days = (long) whole;
  seconds = lround ((serial - whole) * 86400.0);
  if (seconds >= 86400)
    {
      days++;
      seconds -= 86400;
    }

  if (kind != GOVORUN_XLSX_FORMAT_TIME)
    {
      g_autoptr(GDate) date = NULL;

      /* Serial 1 is 1900-01-01, and Excel counts a 29 February 1900 that
       * never was (serial 60): from serial 61 on, day 0 is 1899-12-30. */
      if (date1904)
        date = g_date_new_dmy (1, G_DATE_JANUARY, 1904);
      else if (days >= 61)
        date = g_date_new_dmy (30, G_DATE_DECEMBER, 1899);
      else
        date = g_date_new_dmy (31, G_DATE_DECEMBER, 1899);
      if (days == 0 && !date1904)
        return FALSE;
      g_date_add_days (date, days);
      g_string_append_printf (out, "%04d-%02d-%02d", g_date_get_year (date),
                              g_date_get_month (date), g_date_get_day (date));
    }
  if (kind == GOVORUN_XLSX_FORMAT_TIME
      || (kind == GOVORUN_XLSX_FORMAT_DATETIME && seconds > 0))
    {
      if (kind == GOVORUN_XLSX_FORMAT_DATETIME)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%02ld:%02ld", seconds / 3600, seconds / 60 % 60);
      if (seconds % 60 != 0 || kind == GOVORUN_XLSX_FORMAT_TIME)
        g_string_append_printf (out, ":%02ld", seconds % 60);
    }
  return TRUE;
}
