#!/bin/sh
# build-aux/fuzz.sh
#
# Copyright 2026 The Govorun authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer into _build-fuzz and runs each for SECONDS
# (default 60), or only the targets named. Not part of the pass/fail suite;
# prints what libFuzzer says, with its final stats (number_of_executed_units).
#
#   build-aux/fuzz.sh [SECONDS [TARGET...]]

set -eu

cd "$(dirname "$0")/.."
seconds=${1:-60}
[ $# -gt 0 ] && shift
only="$*"
builddir=_build-fuzz

build-aux/ensure-deps.sh clang

if [ ! -d "$builddir" ]; then
  CC=clang CXX=clang++ meson setup "$builddir" -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false
fi
meson compile -C "$builddir"

for target in "$builddir"/tests/fuzz/fuzz-*; do
  [ -f "$target" ] && [ -x "$target" ] || continue
  if [ -n "$only" ]; then
    case " $only " in *" $(basename "$target") "*) ;; *) continue ;; esac
  fi
  echo "== $(basename "$target") for ${seconds}s"
  corpus="$builddir/corpus/$(basename "$target")"
  mkdir -p "$corpus"
  # Seeds shaped like the real input lead it past the JSON syntax quickly;
  # the dictionary gives it the tokens and field names it would not guess.
  dict="tests/fuzz/dicts/$(basename "$target").dict"
  set -- -max_total_time="$seconds" -max_len=70000 -print_final_stats=1
  [ -f "$dict" ] && set -- "$@" -dict="$dict"
  "$target" "$@" "$corpus" "tests/fuzz/seeds/$(basename "$target")"
done
