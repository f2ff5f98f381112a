#!/bin/sh
# tests/run-with-keyring.sh
#
# Copyright 2026 The Govorun authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a command in a private D-Bus session with a throwaway HOME and an
# unlocked gnome-keyring-daemon, so keyring tests never see (or touch) the
# developer's own keyring. The command's exit status is preserved.
#
#   run-with-keyring.sh COMMAND [ARG…]

set -u

if [ $# -lt 1 ]; then
  echo "usage: $0 COMMAND [ARG…]" >&2
  exit 2
fi

if [ -z "${GOVORUN_IN_KEYRING_SESSION:-}" ]; then
  GOVORUN_IN_KEYRING_SESSION=1
  export GOVORUN_IN_KEYRING_SESSION
  # Re-enter this script inside the private bus; dbus-run-session exits
  # with the status of its child and takes the bus down afterwards.
  exec dbus-run-session -- "$0" "$@"
fi
unset GOVORUN_IN_KEYRING_SESSION

home=$(mktemp -d "${TMPDIR:-/tmp}/govorun-keyring.XXXXXX") || exit 1
HOME=$home
XDG_DATA_HOME=$home/.local/share
XDG_CONFIG_HOME=$home/.config
XDG_CACHE_HOME=$home/.cache
XDG_RUNTIME_DIR=$home/runtime
export HOME XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME XDG_RUNTIME_DIR
mkdir -p "$XDG_DATA_HOME/keyrings" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# A non-empty password creates and unlocks the login keyring without a
# prompter (an empty one would ask through a prompt, which fails headless).
# The password is a fixed test value for this throwaway keyring only.
keyring_env=$(printf 'test-password' | gnome-keyring-daemon --unlock --components=secrets) || {
  echo "$0: could not start gnome-keyring-daemon" >&2
  rm -rf "$home"
  exit 1
}
eval "$keyring_env"
export GNOME_KEYRING_CONTROL

# The daemon claims org.freedesktop.secrets a moment after it returns; a
# client arriving earlier would D-Bus-activate a second daemon. Wait (5 s at
# most) until the name is owned.
tries=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus \
        /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner \
        string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; do
  tries=$((tries + 1))
  if [ $tries -ge 100 ]; then
    echo "$0: gnome-keyring-daemon did not take org.freedesktop.secrets" >&2
    rm -rf "$home"
    exit 1
  fi
  sleep 0.05
done

"$@"
rc=$?

# The daemon leaves with the session bus; the files go now.
rm -rf "$home"
exit $rc
