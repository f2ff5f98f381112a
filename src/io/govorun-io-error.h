/* govorun-io-error.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * The one error domain of the file readers and writers (CSV, XLSX) and the
 * phone number normaliser: outside input is bounded and validated, and a
 * rejection names the row and column in a translated sentence.
 */

#define GOVORUN_IO_ERROR (govorun_io_error_quark ())

typedef enum
{
  GOVORUN_IO_ERROR_TOO_LARGE = 1,  /* a file, row or field over its bound */
  GOVORUN_IO_ERROR_ENCODING,       /* text in no encoding we can read */
  GOVORUN_IO_ERROR_MALFORMED,      /* not the format it claims to be */
  GOVORUN_IO_ERROR_UNSUPPORTED,    /* a valid file we do not read (e.g. encrypted XLSX) */
  GOVORUN_IO_ERROR_WRITE,          /* a writer could not finish its file */
} GovorunIoError;

GQuark govorun_io_error_quark (void);

G_END_DECLS
