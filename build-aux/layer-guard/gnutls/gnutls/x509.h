/* build-aux/layer-guard/gnutls/gnutls/x509.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shadows the system header for every layer but src/providers/ and
 * src/sandbox/ (HACKING.md, "The house").
 */
#error "gnutls/x509.h is for src/providers/ and src/sandbox/ only"
