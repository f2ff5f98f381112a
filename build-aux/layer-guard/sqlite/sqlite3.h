/* build-aux/layer-guard/sqlite/sqlite3.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shadows the system header for every layer but src/store/ (HACKING.md,
 * "The house"): SQL lives only in the store.
 */
#error "sqlite3.h is for src/store/ only: SQL lives in the store layer; call a store query instead"
