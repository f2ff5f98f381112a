#!/bin/sh
# build-aux/run.sh
#
# Copyright 2026 The Govorun authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what is missing, builds Govorun in its own build directory and runs
# it from the build tree, with its settings schema, translations and icon
# found there.
#
# Usage: build-aux/run.sh [APP_ARGUMENT…]      e.g. build-aux/run.sh --sandbox
# GOVORUN_BUILDDIR chooses another build directory (default _build-run).
#
# The run directory is configured once, without tests, benchmarks or fuzzers
# (those are build-aux/test.sh's business, in _build), so a start builds only
# the program, its schema and its catalogs. It is never reconfigured here:
# ninja regenerates it by itself when a meson.build changed, so a start with
# nothing changed is ninja's no-op check and the program starting.

set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=${GOVORUN_BUILDDIR:-_build-run}

"$root/build-aux/ensure-deps.sh"

if [ ! -f "$build/build.ninja" ]; then
  meson setup -Dtests=false -Dtest_hooks=false -Dfuzzing=false "$build"
fi
ninja -C "$build" > "$build/meson-logs/run-build.log" 2>&1 ||
  { cat "$build/meson-logs/run-build.log" >&2; exit 1; }

# Uninstalled: the schema compiled in the build tree, the catalogs built in
# _build/po (main.c binds the text domain to GOVORUN_LOCALEDIR when set) and
# the icons from the source tree.
GSETTINGS_SCHEMA_DIR="$root/$build/data"
GOVORUN_LOCALEDIR="$root/$build/po"
XDG_DATA_DIRS="$root/data:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
export GSETTINGS_SCHEMA_DIR GOVORUN_LOCALEDIR XDG_DATA_DIRS

exec "$root/$build/src/app/govorun" "$@"
