/* govorun-media.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gst/gst.h>

#include "govorun-media.h"
#include "govorun-media-private.h"

G_DEFINE_QUARK (govorun-media-error-quark, govorun_media_error)

gboolean
govorun_media_init (GError **error)
{
  static gsize done = 0;
  static gboolean ok = FALSE;
  static char *failure = NULL;

  if (g_once_init_enter (&done))
    {
      g_autoptr(GError) local_error = NULL;

      ok = gst_init_check (NULL, NULL, &local_error);
      if (!ok)
        failure = g_strdup (local_error->message);
      g_once_init_leave (&done, 1);
    }
  if (!ok)
    g_set_error (error, GOVORUN_MEDIA_ERROR, GOVORUN_MEDIA_ERROR_MISSING_PLUGIN,
                 _("Sound playback could not start (%s). Check that GStreamer is installed."),
                 failure);
  return ok;
}

/* GStreamer's errors carry a technical message; ours say what it means for
 * the person and keep GStreamer's text for a report. */
GError *
_govorun_media_error_from_gst (const GError *gst_error,
                               const char   *debug)
{
  GovorunMediaError code = GOVORUN_MEDIA_ERROR_DECODE;
  const char *sentence;

  if (gst_error->domain == GST_RESOURCE_ERROR &&
      (gst_error->code == GST_RESOURCE_ERROR_NOT_FOUND ||
       gst_error->code == GST_RESOURCE_ERROR_OPEN_READ))
    code = GOVORUN_MEDIA_ERROR_NOT_FOUND;
  else if (gst_error->domain == GST_CORE_ERROR &&
           gst_error->code == GST_CORE_ERROR_MISSING_PLUGIN)
    code = GOVORUN_MEDIA_ERROR_MISSING_PLUGIN;
  else if (gst_error->domain == GST_STREAM_ERROR &&
           (gst_error->code == GST_STREAM_ERROR_CODEC_NOT_FOUND ||
            gst_error->code == GST_STREAM_ERROR_WRONG_TYPE))
    code = GOVORUN_MEDIA_ERROR_MISSING_PLUGIN;
  else if (gst_error->domain == GST_RESOURCE_ERROR)
    code = GOVORUN_MEDIA_ERROR_OUTPUT;

  switch (code)
    {
    case GOVORUN_MEDIA_ERROR_NOT_FOUND:
      sentence = _("The recording file is missing.");
      break;
    case GOVORUN_MEDIA_ERROR_MISSING_PLUGIN:
      sentence = _("This recording’s format cannot be played: a GStreamer plugin is missing.");
      break;
    case GOVORUN_MEDIA_ERROR_OUTPUT:
      sentence = _("The sound device could not be used.");
      break;
    case GOVORUN_MEDIA_ERROR_DECODE:
    default:
      sentence = _("The recording could not be read.");
      break;
    }
  if (debug != NULL)
    g_debug ("media: %s (%s)", gst_error->message, debug);
  return g_error_new (GOVORUN_MEDIA_ERROR, code, "%s (%s)", sentence, gst_error->message);
}

GError *
_govorun_media_error_missing (const char *element)
{
  return g_error_new (GOVORUN_MEDIA_ERROR, GOVORUN_MEDIA_ERROR_MISSING_PLUGIN,
                      _("Sound playback needs the GStreamer element “%s”, which is not installed."),
                      element);
}

char *
_govorun_media_uri_for_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return g_file_get_uri (file);
}
