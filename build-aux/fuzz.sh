#!/bin/sh
# build-aux/fuzz.sh
#
# Copyright 2026 The Govorun authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer into _build-fuzz and runs each for SECONDS
# (default 60). Not part of the pass/fail suite; prints what libFuzzer says.
#
#   build-aux/fuzz.sh [SECONDS]

set -eu

cd "$(dirname "$0")/.."
seconds=${1:-60}
builddir=_build-fuzz

build-aux/ensure-deps.sh clang

if [ ! -d "$builddir" ]; then
  CC=clang meson setup "$builddir" -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false
fi
meson compile -C "$builddir"

for target in "$builddir"/tests/fuzz/fuzz-*; do
  [ -f "$target" ] && [ -x "$target" ] || continue
  echo "== $(basename "$target") for ${seconds}s"
  corpus="$builddir/corpus/$(basename "$target")"
  mkdir -p "$corpus"
  # Seeds shaped like the real input lead it past the JSON syntax quickly.
  "$target" -max_total_time="$seconds" -max_len=70000 "$corpus" \
    "tests/fuzz/seeds/$(basename "$target")"
done
