#!/bin/sh
# tests/run-ui.sh
#
# Copyright 2026 The Govorun authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a UI test as a person's session would have it: a display (Xvfb when
# none is set), a private D-Bus session with an unlocked keyring, and, with
# GOVORUN_TEST_LOCALE=ru_RU.UTF-8, that locale compiled into the build tree
# (LOCPATH) so Russian can be tested without changing the system.
#
#   run-ui.sh LOCALE_DIR COMMAND [ARG…]

set -eu

here=$(cd "$(dirname "$0")" && pwd)
locale_dir=$1
shift

if [ -n "${GOVORUN_TEST_LOCALE:-}" ] && [ "$GOVORUN_TEST_LOCALE" != "C.UTF-8" ]; then
  name=${GOVORUN_TEST_LOCALE%%.*}
  mkdir -p "$locale_dir"
  if [ ! -d "$locale_dir/$GOVORUN_TEST_LOCALE" ]; then
    # localedef exits 1 on warnings while still writing a usable locale.
    localedef -i "$name" -f UTF-8 "$locale_dir/$GOVORUN_TEST_LOCALE" || \
      [ -d "$locale_dir/$GOVORUN_TEST_LOCALE" ]
  fi
  LOCPATH=$locale_dir
  LC_ALL=$GOVORUN_TEST_LOCALE
  LANGUAGE=${GOVORUN_TEST_LOCALE%%_*}
  export LOCPATH LC_ALL LANGUAGE
fi

GDK_BACKEND=x11
GSK_RENDERER=cairo
export GDK_BACKEND GSK_RENDERER

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s '-screen 0 1280x860x24' "$here/run-with-keyring.sh" "$@"
fi
exec "$here/run-with-keyring.sh" "$@"
