#!/bin/sh
# build-aux/check-version.sh
#
# Copyright 2026 The Govorun authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails unless the version is the same in meson.build, in the newest
# <release> of the metainfo and in the first entry of NEWS, and the release
# dates of metainfo and NEWS agree.
#
# Usage: check-version.sh SOURCE_ROOT [MESON_PROJECT_VERSION]

set -eu

root=${1:?usage: check-version.sh SOURCE_ROOT [VERSION]}
project_version=${2:-}
metainfo="$root/data/io.github.govorun.Govorun.metainfo.xml.in"
news="$root/NEWS"
status=0

fail ()
{
  echo "FAIL: $*" >&2
  status=1
}

for f in "$root/meson.build" "$metainfo" "$news"; do
  if [ ! -r "$f" ]; then
    echo "FAIL: $f is missing" >&2
    exit 1
  fi
done

# The first "version: '…'" is project()'s.
meson_version=$(sed -n "s/^[[:space:]]*version:[[:space:]]*'\([^']*\)'.*/\1/p" "$root/meson.build" | head -n 1)
[ -n "$meson_version" ] || fail "no version: '…' in meson.build"

if [ -n "$project_version" ] && [ "$project_version" != "$meson_version" ]; then
  fail "meson.project_version() is $project_version but meson.build says $meson_version"
fi

# One "version date" pair per <release>, in file order.
releases=$(tr '\n' ' ' < "$metainfo" | grep -o '<release[[:space:]][^>]*>' |
           sed -n 's/.*version="\([^"]*\)".*/\1/p')
release_dates=$(tr '\n' ' ' < "$metainfo" | grep -o '<release[[:space:]][^>]*>' |
                sed -n 's/.*date="\([^"]*\)".*/\1/p')
if [ -z "$releases" ]; then
  fail "no <release version=…> in $metainfo"
else
  newest=$(printf '%s\n' "$releases" | sort -V | tail -n 1)
  first=$(printf '%s\n' "$releases" | head -n 1)
  first_date=$(printf '%s\n' "$release_dates" | head -n 1)
  [ "$first" = "$newest" ] ||
    fail "metainfo: the newest release ($newest) must be listed first, found $first first"
  [ "$newest" = "$meson_version" ] ||
    fail "metainfo newest release is $newest but meson.build says $meson_version"
fi

news_version=$(sed -n 's/^Version[[:space:]]\{1,\}\([^[:space:]]*\).*/\1/p' "$news" | head -n 1)
news_date=$(sed -n 's/^Released:[[:space:]]*\([0-9-]*\).*/\1/p' "$news" | head -n 1)
if [ -z "$news_version" ]; then
  fail "NEWS has no \"Version X.Y.Z\" entry"
else
  [ "$news_version" = "$meson_version" ] ||
    fail "NEWS first entry is $news_version but meson.build says $meson_version"
fi
if [ -n "${first_date:-}" ] && [ -n "$news_date" ] && [ "$news_date" != "$first_date" ]; then
  fail "NEWS says released $news_date but the metainfo release date is $first_date"
fi

if [ "$status" -eq 0 ]; then
  echo "version $meson_version: meson.build, metainfo ($first_date) and NEWS agree"
fi
exit "$status"
