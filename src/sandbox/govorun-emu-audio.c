/* govorun-emu-audio.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-emu-audio.h"

void
govorun_emu_respond_audio (SoupServerMessage *msg,
                           const char        *content_type,
                           GBytes            *audio)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  gsize total = g_bytes_get_size (audio);
  const char *range_header = soup_message_headers_get_one (request, "Range");
  SoupRange *ranges = NULL;
  int n_ranges = 0;

  soup_message_headers_replace (response, "Accept-Ranges", "bytes");

  if (range_header != NULL)
    {
      if (!soup_message_headers_get_ranges (request, total, &ranges, &n_ranges) || n_ranges == 0 ||
          ranges[0].start >= (goffset) total || ranges[0].end < ranges[0].start)
        {
          if (ranges != NULL)
            soup_message_headers_free_ranges (request, ranges);
          g_autofree char *value = g_strdup_printf ("bytes */%" G_GSIZE_FORMAT, total);

          soup_message_headers_replace (response, "Content-Range", value);
          soup_server_message_set_status (msg, SOUP_STATUS_REQUESTED_RANGE_NOT_SATISFIABLE, NULL);
          return;
        }
      else
        {
          /* A range that runs past the end is served to the end (RFC 9110
           * §14.1.1): a client fetching in fixed pieces asks that for the last. */
          goffset end = MIN (ranges[0].end, (goffset) total - 1);
          g_autoptr(GBytes) part = g_bytes_new_from_bytes (audio, ranges[0].start,
                                                           end - ranges[0].start + 1);

          soup_message_headers_set_content_range (response, ranges[0].start, end, total);
          soup_server_message_set_status (msg, SOUP_STATUS_PARTIAL_CONTENT, NULL);
          soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY,
                                            g_bytes_get_data (part, NULL), g_bytes_get_size (part));
          soup_message_headers_free_ranges (request, ranges);
          return;
        }
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY,
                                    g_bytes_get_data (audio, NULL), total);
}
