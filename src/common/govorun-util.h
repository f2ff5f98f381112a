/* govorun-util.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A profile separates real data from sandbox data: its own data directory
 * and its own keyring attribute value, so the two never mix. */
#define GOVORUN_PROFILE_DEFAULT "default"
#define GOVORUN_PROFILE_SANDBOX "sandbox"

char     *govorun_profile_data_dir       (const char  *profile);
gboolean  govorun_ensure_dir             (const char  *path,
                                          GError     **error);
char     *govorun_format_utc_timestamp   (GDateTime   *datetime);
char     *govorun_uuid_new               (void);

/* Runs @func on the thread that iterates @context, never on the caller's
 * (unlike g_main_context_invoke(), which runs it at once on a worker thread
 * when nobody holds @context at that moment). */
void      govorun_context_post           (GMainContext *context,
                                          int           priority,
                                          GSourceFunc   func,
                                          gpointer      data,
                                          GDestroyNotify notify);

/* Enum nicks double as the database spelling: the nick of @value of the
 * registered enum @type (NULL when none), and back. */
const char *govorun_enum_to_nick   (GType        type,
                                    int          value);
gboolean    govorun_enum_from_nick (GType        type,
                                    const char  *nick,
                                    int         *out_value);

G_END_DECLS
