/* govorun-waveform.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <gst/gst.h>
#include <gst/app/gstappsink.h>
#include <gst/audio/audio.h>

#include "govorun-waveform.h"
#include "govorun-media-private.h"

/* The file is first reduced to the peaks of short blocks (the length is not
 * known until the end), then the blocks to the peaks asked for. */
#define BLOCKS_PER_SECOND 200
#define MAX_PEAKS 100000

G_DEFINE_BOXED_TYPE (GovorunWaveform, govorun_waveform, govorun_waveform_copy, govorun_waveform_free)

GovorunWaveform *
govorun_waveform_copy (const GovorunWaveform *waveform)
{
  GovorunWaveform *copy = g_memdup2 (waveform, sizeof *waveform);

  copy->peaks = g_memdup2 (waveform->peaks,
                           sizeof (float) * waveform->n_channels * waveform->n_peaks);
  return copy;
}

void
govorun_waveform_free (GovorunWaveform *waveform)
{
  if (waveform == NULL)
    return;
  g_free (waveform->peaks);
  g_free (waveform);
}

float
govorun_waveform_get_peak (const GovorunWaveform *waveform,
                           guint                  channel,
                           guint                  index)
{
  g_return_val_if_fail (waveform != NULL, 0);

  if (channel >= waveform->n_channels || index >= waveform->n_peaks)
    return 0;
  return waveform->peaks[channel * waveform->n_peaks + index];
}

guint
govorun_waveform_index_at (const GovorunWaveform *waveform,
                           gint64                 position_ms)
{
  g_return_val_if_fail (waveform != NULL, 0);

  if (waveform->n_peaks == 0 || waveform->duration_ms <= 0 || position_ms <= 0)
    return 0;
  return MIN ((guint) (position_ms * waveform->n_peaks / waveform->duration_ms),
              waveform->n_peaks - 1);
}

typedef struct
{
  char  *path;
  guint  n_peaks;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data);
}

/* Block peaks of one channel grow as the samples come. */
typedef struct
{
  guint    rate;
  guint    channels;
  guint    block_len;       /* frames per block */
  guint    in_block;        /* frames in the current block so far */
  GArray  *blocks;          /* float, channels per block */
  float   *current;         /* channels */
  guint64  frames;
} Accumulator;

static void
accumulate (Accumulator  *acc,
            const float  *samples,
            gsize         n_frames)
{
  for (gsize f = 0; f < n_frames; f++)
    {
      for (guint c = 0; c < acc->channels; c++)
        {
          float v = fabsf (samples[f * acc->channels + c]);

          if (v > acc->current[c])
            acc->current[c] = MIN (v, 1.0f);
        }
      if (++acc->in_block == acc->block_len)
        {
          g_array_append_vals (acc->blocks, acc->current, acc->channels);
          memset (acc->current, 0, sizeof (float) * acc->channels);
          acc->in_block = 0;
        }
    }
  acc->frames += n_frames;
}

static GovorunWaveform *
reduce (Accumulator *acc,
        guint        n_peaks)
{
  GovorunWaveform *waveform = g_new0 (GovorunWaveform, 1);
  guint n_blocks;
  const float *blocks;

  if (acc->in_block > 0)
    g_array_append_vals (acc->blocks, acc->current, acc->channels);
  n_blocks = acc->blocks->len / MAX (acc->channels, 1);
  blocks = (const float *) acc->blocks->data;

  waveform->n_channels = acc->channels;
  waveform->n_peaks = n_peaks;
  waveform->duration_ms = acc->rate > 0 ? (gint64) (acc->frames * 1000 / acc->rate) : 0;
  waveform->peaks = g_new0 (float, (gsize) acc->channels * n_peaks);
  if (n_blocks == 0)
    return waveform;

  for (guint i = 0; i < n_peaks; i++)
    {
      guint first = (guint) ((guint64) i * n_blocks / n_peaks);
      guint last = MAX ((guint) ((guint64) (i + 1) * n_blocks / n_peaks), first + 1);

      for (guint c = 0; c < acc->channels; c++)
        {
          float peak = 0;

          for (guint b = first; b < last && b < n_blocks; b++)
            peak = MAX (peak, blocks[b * acc->channels + c]);
          waveform->peaks[c * n_peaks + i] = peak;
        }
    }
  return waveform;
}

static GError *
bus_error (GstElement *pipeline)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
  g_autoptr(GstMessage) message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
  g_autoptr(GError) gst_error = NULL;
  g_autofree char *debug = NULL;

  if (message == NULL)
    return g_error_new_literal (GOVORUN_MEDIA_ERROR, GOVORUN_MEDIA_ERROR_DECODE,
                                "no samples");
  gst_message_parse_error (message, &gst_error, &debug);
  return _govorun_media_error_from_gst (gst_error, debug);
}

static gboolean
pull_samples (GstAppSink   *sink,
              Accumulator  *acc,
              GCancellable *cancellable)
{
  GstSample *sample;

  while ((sample = gst_app_sink_pull_sample (sink)) != NULL)
    {
      GstBuffer *buffer = gst_sample_get_buffer (sample);
      GstMapInfo map;

      if (acc->rate == 0)
        {
          GstAudioInfo info;

          if (gst_audio_info_from_caps (&info, gst_sample_get_caps (sample)))
            {
              acc->rate = GST_AUDIO_INFO_RATE (&info);
              acc->channels = MAX (GST_AUDIO_INFO_CHANNELS (&info), 1);
              acc->block_len = MAX (acc->rate / BLOCKS_PER_SECOND, 1);
              acc->current = g_new0 (float, acc->channels);
            }
        }
      if (acc->rate > 0 && gst_buffer_map (buffer, &map, GST_MAP_READ))
        {
          accumulate (acc, (const float *) map.data, map.size / (sizeof (float) * acc->channels));
          gst_buffer_unmap (buffer, &map);
        }
      gst_sample_unref (sample);
      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;
    }
  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *description = NULL;
  Accumulator acc = { 0, };
  gboolean finished;

  if (!govorun_media_init (&error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!g_file_test (data->path, G_FILE_TEST_IS_REGULAR))
    {
      g_task_return_new_error (task, GOVORUN_MEDIA_ERROR, GOVORUN_MEDIA_ERROR_NOT_FOUND,
                               "%s", g_strerror (ENOENT));
      return;
    }

  uri = _govorun_media_uri_for_path (data->path);
  {
    g_autofree char *quoted = g_strescape (uri, NULL);

    description = g_strdup_printf ("uridecodebin uri=\"%s\" ! audioconvert ! "
                                   "audio/x-raw,format=F32LE,layout=interleaved ! "
                                   "appsink name=sink sync=false", quoted);
  }
  pipeline = gst_parse_launch (description, &error);
  if (pipeline == NULL)
    {
      g_task_return_error (task, _govorun_media_error_missing ("uridecodebin"));
      return;
    }
  gst_object_ref_sink (pipeline);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");

  acc.blocks = g_array_new (FALSE, FALSE, sizeof (float));
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  finished = pull_samples (GST_APP_SINK (sink), &acc, cancellable);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  if (!finished)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  else if (acc.rate == 0 || !gst_app_sink_is_eos (GST_APP_SINK (sink)))
    g_task_return_error (task, bus_error (pipeline));
  else
    g_task_return_pointer (task, reduce (&acc, data->n_peaks),
                           (GDestroyNotify) govorun_waveform_free);

  g_array_unref (acc.blocks);
  g_free (acc.current);
}

void
govorun_waveform_load_async (const char          *path,
                             guint                n_peaks,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_waveform_load_async);
  data = g_new0 (LoadData, 1);
  data->path = g_strdup (path);
  data->n_peaks = CLAMP (n_peaks, 1, MAX_PEAKS);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

GovorunWaveform *
govorun_waveform_load_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
