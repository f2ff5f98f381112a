#!/bin/sh
# build-aux/sanitize.sh
#
# Copyright 2026 The Govorun authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the test suite built with AddressSanitizer and UndefinedBehaviorSanitizer
# (leak checking on for the headless suites) in _build-asan. Not part of CI's
# pass/fail run; arguments go to meson test (e.g. --suite services).
#
#   build-aux/sanitize.sh [MESON TEST ARGS…]

set -eu

cd "$(dirname "$0")/.."
builddir=_build-asan

build-aux/ensure-deps.sh

if [ ! -d "$builddir" ]; then
  meson setup "$builddir" -Db_sanitize=address,undefined -Db_lundef=false
fi
meson compile -C "$builddir"

export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export GDK_BACKEND=x11 GSK_RENDERER=cairo

if [ $# -gt 0 ]; then
  ASAN_OPTIONS=detect_leaks=1 exec meson test -C "$builddir" --print-errorlogs "$@"
fi

# GTK and its loaders keep caches for the process's life: leak checking is for
# the headless suites only.
ASAN_OPTIONS=detect_leaks=1 meson test -C "$builddir" --print-errorlogs --suite providers --suite sandbox --suite store --suite generators --suite services
ASAN_OPTIONS=detect_leaks=0 xvfb-run -a -s '-screen 0 1280x860x24' \
  meson test -C "$builddir" --print-errorlogs --suite ui
