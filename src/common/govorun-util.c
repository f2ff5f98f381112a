/* govorun-util.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "govorun-util"

#include "config.h"

#include <glib/gstdio.h>

#include "govorun-util.h"

/**
 * govorun_profile_data_dir:
 * @profile: %GOVORUN_PROFILE_DEFAULT or %GOVORUN_PROFILE_SANDBOX
 *
 * Returns: (transfer full): the directory holding the profile's database.
 */
char *
govorun_profile_data_dir (const char *profile)
{
  g_return_val_if_fail (profile != NULL, NULL);

  if (g_str_equal (profile, GOVORUN_PROFILE_DEFAULT))
    return g_build_filename (g_get_user_data_dir (), APP_ID, NULL);

  return g_build_filename (g_get_user_data_dir (), APP_ID, profile, NULL);
}

void
govorun_context_post (GMainContext   *context,
                      int             priority,
                      GSourceFunc     func,
                      gpointer        data,
                      GDestroyNotify  notify)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_return_if_fail (func != NULL);

  g_source_set_priority (source, priority);
  g_source_set_callback (source, func, data, notify);
  g_source_set_static_name (source, "[govorun] posted");
  g_source_attach (source, context);
}

gboolean
govorun_ensure_dir (const char  *path,
                    GError     **error)
{
  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   "%s: %s", path, g_strerror (errsv));
      return FALSE;
    }
  return TRUE;
}

/* Voximplant wants "YYYY-MM-DD HH:mm:ss" in UTC. */
char *
govorun_format_utc_timestamp (GDateTime *datetime)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (datetime);

  return g_date_time_format (utc, "%Y-%m-%d %H:%M:%S");
}

char *
govorun_uuid_new (void)
{
  return g_uuid_string_random ();
}

const char *
govorun_enum_to_nick (GType type,
                      int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
govorun_enum_from_nick (GType       type,
                        const char *nick,
                        int        *out_value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (type);
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;
  *out_value = ev->value;
  return TRUE;
}
