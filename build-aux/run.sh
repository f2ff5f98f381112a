#!/bin/sh
# build-aux/run.sh
#
# Copyright 2026 The Govorun authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what is missing, builds Govorun in _build and runs it from the
# build tree, with its settings schema, translations and icon found there.
#
# Usage: build-aux/run.sh [APP_ARGUMENT…]      e.g. build-aux/run.sh --sandbox
# GOVORUN_BUILDDIR chooses another build directory (default _build).

set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=${GOVORUN_BUILDDIR:-_build}

"$root/build-aux/ensure-deps.sh"

if [ -f "$build/meson-private/coredata.dat" ]; then
  meson setup --reconfigure -Dtest_hooks=false "$build" > "$root/$build/meson-logs/run-setup.log" 2>&1 ||
    { cat "$root/$build/meson-logs/run-setup.log" >&2; exit 1; }
else
  meson setup -Dtest_hooks=false "$build"
fi
meson compile -C "$build"

# Uninstalled: the schema compiled in the build tree, the catalogs built in
# _build/po (main.c binds the text domain to GOVORUN_LOCALEDIR when set) and
# the icons from the source tree.
GSETTINGS_SCHEMA_DIR="$root/$build/data"
GOVORUN_LOCALEDIR="$root/$build/po"
XDG_DATA_DIRS="$root/data:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
export GSETTINGS_SCHEMA_DIR GOVORUN_LOCALEDIR XDG_DATA_DIRS

exec "$root/$build/src/app/govorun" "$@"
