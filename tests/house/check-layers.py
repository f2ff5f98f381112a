#!/usr/bin/env python3
# tests/house/check-layers.py
#
# Copyright 2026 The Govorun authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The second guard of the house (HACKING.md, "The house"): the build already
# fails when a layer includes a header it may not see; this reads every
# #include under src/ and names each one that crosses a layer, so a
# loosened meson.build cannot hide a leak.

import os
import re
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
SRC = os.path.join(ROOT, "src")

# Which layers' project headers each layer may include.
MAY_USE = {
    "common": {"common"},
    "model": {"model", "common"},
    "providers": {"providers", "model", "common"},
    "store": {"store", "model", "common"},
    "generators": {"generators", "model", "common"},
    "io": {"io", "common"},
    "media": {"media", "common"},
    "sandbox": {"sandbox", "common"},
    "services": {"services", "providers", "store", "generators", "io", "media", "model", "common"},
    "ui": {"ui", "services", "media", "model", "common"},
    "app": {"app", "ui", "services", "media", "sandbox", "model", "common",
            "providers", "store", "generators", "io"},
}

# Layers below the UI link no GTK.
GTK = ("gtk/", "adwaita.h", "gtksourceview/", "gdk/")
# System headers that belong to one layer (prefix → layers allowed).
OWNED = [
    ("sqlite3.h", {"store"}),
    ("libsecret/", {"store"}),
    ("libsoup/", {"providers", "sandbox"}),
    ("json-glib/", {"providers", "sandbox", "generators", "common", "io"}),
    ("gnutls/", {"providers", "sandbox"}),
    ("yajl/", {"providers"}),
    ("gst/", {"media"}),
    ("xlsxwriter.h", {"io"}),
    ("phonenumbers/", {"io"}),
]
# What the layers above may see of a layer: its public headers must not pull
# in what is private to it (services include provider and store headers,
# views include service headers).
PUBLIC_MUST_NOT = {
    "providers": ("libsoup/", "json-glib/", "yajl/"),
    "store": ("sqlite3.h", "libsecret/"),
    "services": ("govorun-http-private.h",),
}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def project_headers():
    owner = {}
    for dirpath, _, files in os.walk(SRC):
        rel = os.path.relpath(dirpath, SRC)
        layer = rel.split(os.sep)[0]
        for f in files:
            if f.endswith(".h"):
                owner[f] = layer
    return owner


def main():
    owner = project_headers()
    problems = []
    for dirpath, _, files in os.walk(SRC):
        rel = os.path.relpath(dirpath, SRC)
        if rel == ".":
            continue
        layer = rel.split(os.sep)[0]
        if layer not in MAY_USE:
            problems.append(f"src/{rel}: unknown layer “{layer}” (add it to tests/house/check-layers.py and HACKING.md)")
            continue
        for f in sorted(files):
            if not f.endswith((".c", ".h")):
                continue
            path = os.path.join("src", rel, f)
            public = f.endswith(".h") and not f.endswith("-private.h")
            with open(os.path.join(SRC, rel, f), encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    name = m.group(2)
                    where = f"{path}:{n}: includes {name}"
                    base = os.path.basename(name)
                    if m.group(1) == '"' and base in owner:
                        if owner[base] not in MAY_USE[layer]:
                            problems.append(f"{where}, a header of src/{owner[base]}/, which {layer} may not use")
                        elif public and layer != "app" and base.endswith("-private.h") and owner[base] != layer:
                            problems.append(f"{where}: a public header may not include another layer's private header")
                        continue
                    if name.startswith(GTK) and layer not in ("ui", "app"):
                        problems.append(f"{where}: only src/ui/ and src/app/ link GTK")
                    for prefix, layers in OWNED:
                        if name.startswith(prefix) and layer not in layers:
                            problems.append(f"{where}: only {', '.join(sorted(layers))} may use it")
                    if public and name.startswith(PUBLIC_MUST_NOT.get(layer, ())):
                        problems.append(f"{where}: a public header of {layer} must not expose it (use a -private.h header)")
                    if public and base in PUBLIC_MUST_NOT.get(layer, ()):
                        problems.append(f"{where}: a public header of {layer} must not expose it")
    for p in problems:
        print(p)
    print(f"check-layers: {len(problems)} include(s) cross a layer")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
