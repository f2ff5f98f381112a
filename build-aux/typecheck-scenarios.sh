#!/bin/sh
# build-aux/typecheck-scenarios.sh
#
# Copyright 2026 The Govorun authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Type-checks every generated VoxEngine scenario kind (hostile values and
# defaults) against Voximplant's official typings with tsc --checkJs. A
# developer tool, not part of the suite: it needs the network for
# TypeScript (npm, into a temporary folder, unless TSC is set) and the
# typings, which are not on npm: get typings/voxengine.d.ts from the GitHub
# repository voximplant/voxengine-ci and never commit it.
#
#   build-aux/typecheck-scenarios.sh TYPINGS
#
# Environment: BUILDDIR (default _build, set up if missing), TSC (a tsc to
# use instead of installing one: a command or an absolute path),
# TYPESCRIPT (the npm package to install, default typescript@5). Prints
# each file's errors and a summary; exits 1 if any scenario has an error.

set -eu

if [ $# -ne 1 ] || [ ! -f "$1" ]; then
  echo "Usage: $0 path/to/voxengine.d.ts" >&2
  exit 2
fi
typings=$(realpath "$1")

cd "$(dirname "$0")/.."
builddir=${BUILDDIR:-_build}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ ! -d "$builddir" ]; then
  meson setup -Dtests=true "$builddir" >/dev/null
fi
ninja -C "$builddir" tests/generators/dump-scenarios >/dev/null

mkdir "$tmp/scenarios"
"$builddir/tests/generators/dump-scenarios" "$tmp/scenarios" >/dev/null

tsc=${TSC:-}
if [ -z "$tsc" ]; then
  (cd "$tmp" && npm install --no-audit --no-fund --silent --prefix "$tmp/ts" "${TYPESCRIPT:-typescript@5}" >/dev/null)
  tsc="$tmp/ts/node_modules/.bin/tsc"
fi
echo "TypeScript $("$tsc" --version | sed 's/^Version //'), typings $(sha256sum "$typings" | cut -c1-12)"

# Each scenario is a separate program: their top-level names would clash.
# VoxEngine is not a browser: no DOM library, only the typings' globals.
# The check is that the scenarios use VoxEngine as typed; --strict false
# keeps it so whatever the TypeScript major defaults to (7 turns strict on,
# which only asks for JSDoc types in plain JS). --skipLibCheck: the typings
# themselves do not compile cleanly (duplicate joinUrl, Node's Buffer).
total=0
for scenario in "$tmp"/scenarios/*.js; do
  name=$(basename "$scenario")
  if (cd "$tmp/scenarios" && "$tsc" --noEmit --allowJs --checkJs --strict false --target es2020 \
       --lib es2020 --skipLibCheck "$typings" "$name") >"$tmp/out" 2>&1; then
    count=0
  else
    count=$(grep -c 'error TS' "$tmp/out" || true)
    [ "$count" -gt 0 ] || count=1
    cat "$tmp/out"
  fi
  echo "$name: $count error(s)"
  total=$((total + count))
done

echo "$total error(s) in total"
[ "$total" -eq 0 ]
