#!/bin/sh
# build-aux/check-flatpak.sh
#
# Copyright 2026 The Govorun authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Flatpak manifest cannot be built on the development machines (no
# Flatpak runtimes there), so at least check that it is valid JSON and that
# its permissions are exactly the ones we mean: keys go through the Secret
# portal, so no org.freedesktop.secrets and no file system access.
#
# Usage: check-flatpak.sh MANIFEST APP_ID

set -eu

manifest=${1:?usage: check-flatpak.sh MANIFEST APP_ID}
app_id=${2:?usage: check-flatpak.sh MANIFEST APP_ID}

if ! python3 -m json.tool "$manifest" > /dev/null; then
  echo "FAIL: $manifest is not valid JSON" >&2
  exit 1
fi

exec python3 - "$manifest" "$app_id" <<'PY'
import json
import sys

path, app_id = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    m = json.load(f)

expected_finish_args = [
    "--share=network",
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--socket=pulseaudio",
    "--device=dri",
]
problems = []

def expect(key, value):
    if m.get(key) != value:
        problems.append(f"{key} is {m.get(key)!r}, expected {value!r}")

expect("id", app_id)
expect("runtime", "org.gnome.Platform")
expect("sdk", "org.gnome.Sdk")
expect("command", "govorun")
if not isinstance(m.get("runtime-version"), str) or not m.get("runtime-version"):
    problems.append("runtime-version must be a pinned version string")

finish_args = m.get("finish-args")
if finish_args != expected_finish_args:
    problems.append(f"finish-args are {finish_args!r}, expected exactly {expected_finish_args!r}")

modules = m.get("modules")
if not isinstance(modules, list) or not modules or not all(isinstance(x, dict) for x in modules):
    problems.append("expected the libraries' modules, then the app's")
else:
    mod = modules[-1]
    for key, value in (("name", "govorun"), ("buildsystem", "meson"), ("builddir", True),
                       ("config-opts", ["-Dtests=false"]),
                       ("sources", [{"type": "dir", "path": "../.."}])):
        if mod.get(key) != value:
            problems.append(f"module {key} is {mod.get(key)!r}, expected {value!r}")
    # A library the runtime lacks (yajl) is built from a pinned source: an
    # archive with its sha256, or a git tag with its commit.
    for lib in modules[:-1]:
        for src in lib.get("sources", []):
            pinned = (src.get("type") == "archive" and len(src.get("sha256", "")) == 64) or \
                     (src.get("type") == "git" and len(src.get("commit", "")) == 40)
            if not pinned:
                problems.append(f"module {lib.get('name')!r} has a source that is not pinned")

for p in problems:
    print("FAIL: " + p, file=sys.stderr)
if problems:
    sys.exit(1)
print(f"{path}: valid, finish-args as intended")
PY
