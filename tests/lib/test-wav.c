/* test-wav.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "test-wav.h"

GBytes *
test_wav_voice (guint        rate,
                const guint *pattern_ms)
{
  GByteArray *out = g_byte_array_new ();

  for (guint part = 0; pattern_ms[part] != 0; part++)
    {
      gsize n = (gsize) rate * pattern_ms[part] / 1000;
      gboolean speech = part % 2 == 1;

      for (gsize i = 0; i < n; i++)
        {
          double t = (double) i / rate;
          gint16 s = speech ? (gint16) (9000.0 * (0.4 + 0.6 * fabs (sin (G_PI * 4 * t))) * sin (2 * G_PI * 230.0 * t)) : 0;
          guint8 le[2] = { s & 0xff, (s >> 8) & 0xff };

          g_byte_array_append (out, le, 2);
        }
    }

  return g_byte_array_free_to_bytes (out);
}

static void
put32 (guint8 *p, guint32 v)
{
  p[0] = v; p[1] = v >> 8; p[2] = v >> 16; p[3] = v >> 24;
}

void
test_wav_write (const char *path,
                guint       rate,
                GBytes     *pcm)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (pcm, &size);
  guint8 *file = g_malloc0 (44 + size);
  g_autoptr(GError) error = NULL;

  memcpy (file, "RIFF", 4);
  put32 (file + 4, 36 + size);
  memcpy (file + 8, "WAVEfmt ", 8);
  put32 (file + 16, 16);
  file[20] = 1;              /* PCM */
  file[22] = 1;              /* mono */
  put32 (file + 24, rate);
  put32 (file + 28, rate * 2);
  file[32] = 2;
  file[34] = 16;
  memcpy (file + 36, "data", 4);
  put32 (file + 40, size);
  memcpy (file + 44, data, size);
  g_file_set_contents (path, (const char *) file, 44 + size, &error);
  g_assert_no_error (error);
  g_free (file);
}

static guint32
get32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

GBytes *
test_wav_read (const char *path,
               guint      *rate,
               guint      *channels,
               guint      *bits)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *p;
  gsize size = 0;
  gsize pos = 12;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (size, >=, 44);
  g_assert_cmpmem (contents, 4, "RIFF", 4);
  p = (const guint8 *) contents;

  /* Chunks: "fmt " then possibly others, then "data". */
  while (pos + 8 <= size)
    {
      guint32 len = get32 (p + pos + 4);

      if (memcmp (p + pos, "fmt ", 4) == 0)
        {
          *channels = p[pos + 10] | (p[pos + 11] << 8);
          *rate = get32 (p + pos + 12);
          *bits = p[pos + 22] | (p[pos + 23] << 8);
        }
      else if (memcmp (p + pos, "data", 4) == 0)
        return g_bytes_new (p + pos + 8, MIN (len, size - pos - 8));
      pos += 8 + len + (len & 1);
    }

  g_assert_not_reached ();
}
