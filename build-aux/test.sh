#!/bin/sh
# build-aux/test.sh
#
# Copyright 2026 The Govorun authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what is missing, builds Govorun in _build and runs the whole test
# suite headless (Xvfb; the keyring tests start their own D-Bus session and
# keyring through tests/lib/run-with-keyring.sh). The last line printed is
# "N passed, N failed, N skipped"; the exit status is non-zero when a test
# failed or when no test ran.
#
# Usage: build-aux/test.sh [MESON_TEST_ARGUMENT…]   e.g. build-aux/test.sh --suite core
# GOVORUN_BUILDDIR chooses another build directory (default _build).

set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=${GOVORUN_BUILDDIR:-_build}

"$root/build-aux/ensure-deps.sh"

if [ -f "$build/meson-private/coredata.dat" ]; then
  meson setup --reconfigure -Dtests=true -Dtest_hooks=true "$build"
else
  meson setup -Dtests=true -Dtest_hooks=true "$build"
fi
if ! meson compile -C "$build"; then
  echo "test.sh: the build failed, so no test ran" >&2
  exit 1
fi

GDK_BACKEND=x11
GSK_RENDERER=cairo
export GDK_BACKEND GSK_RENDERER

testlog="$build/meson-logs/testlog.json"
rm -f "$testlog"

status=0
xvfb-run -a -s '-screen 0 1280x860x24' \
  meson test -C "$build" --print-errorlogs --num-processes 2 "$@" || status=$?

exec python3 - "$testlog" "$status" <<'PY'
import json
import sys

path, status = sys.argv[1], int(sys.argv[2])
passed_results = {"OK", "EXPECTEDFAIL"}
failed_results = {"FAIL", "TIMEOUT", "ERROR", "UNEXPECTEDPASS"}
passed = failed = skipped = 0
failures = []

try:
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            entry = json.loads(line)
            result = str(entry.get("result", "")).upper()
            name = entry.get("name", "?")
            if result in passed_results:
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                # FAIL, TIMEOUT, ERROR, UNEXPECTEDPASS and anything unknown
                failed += 1
                failures.append(f"{name}: {result}")
except FileNotFoundError:
    print(f"test.sh: {path} was not written: meson test did not run", file=sys.stderr)

if status != 0 and failed == 0:
    # meson test itself failed (rebuild error, interrupted run…)
    failed += 1
    failures.append(f"meson test exited with status {status}")

for f in failures:
    print(f"failed: {f}")
if passed + failed == 0:
    print("test.sh: no test ran", file=sys.stderr)

print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed > 0 or passed + failed == 0 else 0)
PY
