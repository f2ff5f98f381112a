/* govorun-emu-audio.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Answers @msg with a generated recording, as storage servers do: 200 with
 * the whole file, or 206 with one byte range when the request asks for it
 * (RFC 9110 §14), 416 when the range lies past the end. Several ranges are
 * answered with the first one only (players ask for one). */
void govorun_emu_respond_audio (SoupServerMessage *msg,
                                const char        *content_type,
                                GBytes            *audio);

G_END_DECLS
