/* govorun-phone-library.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-phone-normalizer.h"

G_BEGIN_DECLS

/*
 * The small C interface to libphonenumber (C++), for the normaliser: parse
 * and validate @digits ("+441632960961", or national digits read in
 * @region), fill @out's e164, region and problem. Catches every C++
 * exception; never logs.
 */
void     _govorun_phone_library_parse       (const char          *digits,
                                             const char          *region,
                                             GovorunPhoneResult  *out);

/* The country of a valid E.164 number ("RU"), or FALSE. */
gboolean _govorun_phone_library_region_of   (const char          *e164,
                                             char                 region[4]);

G_END_DECLS
