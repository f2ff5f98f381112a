#!/bin/sh
# build-aux/ensure-deps.sh
#
# Copyright 2026 The Govorun authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian packages of build-aux/debian-packages.txt that are not
# installed yet, and nothing else. When all are there it does nothing (no
# apt-get update, no sudo prompt).
#
# Usage: ensure-deps.sh [--dry-run] [EXTRA_PACKAGE…]
#   --dry-run      only print what would be installed
#   EXTRA_PACKAGE  also require these packages (used to test this script)

set -eu

here=$(cd "$(dirname "$0")" && pwd)
list="$here/debian-packages.txt"
dry_run=false

for arg in "$@"; do
  case "$arg" in
    --dry-run) dry_run=true ;;
    -h|--help)
      sed -n '8,14p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    -*)
      echo "ensure-deps: unknown option $arg" >&2
      exit 2
      ;;
  esac
done

if ! command -v dpkg-query > /dev/null 2>&1; then
  echo "ensure-deps: dpkg-query not found; this script is for Debian 12." >&2
  echo "ensure-deps: install the packages of $list by hand." >&2
  exit 1
fi

wanted=$(sed -e 's/#.*//' "$list" | tr -s ' \t' '\n' | grep -v '^$' || true)
for arg in "$@"; do
  case "$arg" in
    -*) ;;
    *) wanted="$wanted
$arg" ;;
  esac
done

# One dpkg-query for the whole list: one per package took seconds, and
# run.sh calls this on every start.
# shellcheck disable=SC2086 # word splitting of the package list is intended
installed=" $(dpkg-query -W -f='${Package} ${Status}\n' $wanted 2> /dev/null |
              awk '$2 == "install" && $3 == "ok" && $4 == "installed" { printf "%s ", $1 }' || true)"
missing=""
for pkg in $wanted; do
  case "$installed" in
    *" $pkg "*) ;;
    *) missing="$missing $pkg" ;;
  esac
done
missing=${missing# }

if [ -z "$missing" ]; then
  echo "ensure-deps: all Debian packages are installed"
  exit 0
fi

if $dry_run; then
  echo "ensure-deps: missing, would install: $missing"
else
  echo "ensure-deps: installing: $missing"
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
else
  sudo="sudo"
fi

if $dry_run; then
  echo "ensure-deps: --dry-run: would run: ${sudo:+$sudo }apt-get update"
  echo "ensure-deps: --dry-run: would run: ${sudo:+$sudo }apt-get install -y --no-install-recommends $missing"
  exit 0
fi

if [ -n "$sudo" ] && ! command -v sudo > /dev/null 2>&1; then
  echo "ensure-deps: not root and sudo is not installed; as root, run:" >&2
  echo "  apt-get update && apt-get install --no-install-recommends $missing" >&2
  exit 1
fi

# Non-interactive: CI has no terminal and no standard input.
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update
# shellcheck disable=SC2086 # word splitting of the package list is intended
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
