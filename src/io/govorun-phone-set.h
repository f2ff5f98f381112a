/* govorun-phone-set.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A set of E.164 numbers for finding duplicates in a contact list: each
 * number is kept as one 64-bit integer (15 digits fit) with the row it was
 * first seen on, in an open-addressing table, so a million numbers take
 * about 24 MB and no allocation each.
 */

typedef struct _GovorunPhoneSet GovorunPhoneSet;

GovorunPhoneSet *govorun_phone_set_new             (void);
void             govorun_phone_set_free            (GovorunPhoneSet *self);

/* Adds @e164 ("+79161234567") first seen on @row. Returns TRUE when it is
 * new; FALSE for a duplicate (counted), with @out_first_row set to the row
 * that came first, or for text that is no E.164 number (not counted). */
gboolean         govorun_phone_set_add             (GovorunPhoneSet *self,
                                                    const char      *e164,
                                                    guint            row,
                                                    guint           *out_first_row);
gboolean         govorun_phone_set_contains        (GovorunPhoneSet *self,
                                                    const char      *e164);
guint            govorun_phone_set_get_size        (GovorunPhoneSet *self);
guint            govorun_phone_set_get_duplicates  (GovorunPhoneSet *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunPhoneSet, govorun_phone_set_free)

G_END_DECLS
