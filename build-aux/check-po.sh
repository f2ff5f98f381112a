#!/bin/sh
# build-aux/check-po.sh
#
# Copyright 2026 The Govorun authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A Russian user must never meet an untranslated string. Fails unless:
#  - po/ru.po compiles with msgfmt -c --check-format;
#  - po/ru.po has no untranslated and no fuzzy messages;
#  - po/POTFILES.in is sorted, has no duplicates and lists only files that exist;
#  - every file under src/ that has translatable strings is in po/POTFILES.in;
#  - every string that xgettext finds today in the files of po/POTFILES.in
#    is translated in po/ru.po (merged with msgmerge: none untranslated or fuzzy).
# Each failure lists exactly what is missing.
#
# Usage: check-po.sh [SOURCE_ROOT]     (exit 77 = skipped: gettext tools absent)

set -u

root=${1:-$(dirname "$0")/..}
cd "$root" || exit 1

lang=ru
po=po/$lang.po
potfiles=po/POTFILES.in

for tool in msgfmt msgmerge msgattrib xgettext; do
  if ! command -v "$tool" > /dev/null 2>&1; then
    echo "SKIP: $tool not found (Debian package gettext)"
    exit 77
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
problems=0

problem ()
{
  problems=$((problems + 1))
  printf '\nFAIL: %s\n' "$*"
}

# Prints "  location: [context] msgid" for each entry of a PO file on stdin
# (the header is skipped).
list_entries ()
{
  awk '
    /^#:/          { l = $0; sub(/^#: */, "", l); loc = (loc == "" ? l : loc " " l); next }
    /^msgctxt /    { ctx = substr($0, 9); inid = 0; next }
    /^msgid_plural/ { inid = 0; next }
    /^msgid /      { id = substr($0, 7); inid = 1; next }
    /^"/ && inid   { id = id $0; next }
    /^msgstr/      {
                     if (id != "" && id != "\"\"") {
                       gsub(/""/, "", id)
                       printf "  %s: %s%s\n", (loc == "" ? "(no location)" : loc),
                              (ctx == "" ? "" : "[" ctx "] "), id
                     }
                     id = ""; ctx = ""; loc = ""; inid = 0; next
                   }
  '
}

count_entries ()
{
  grep -c '^  ' || true
}

# --- ru.po on its own ---------------------------------------------------------

if [ ! -f "$po" ]; then
  problem "$po does not exist"
else
  if ! msgfmt -c --check-format -o /dev/null "$po" 2> "$tmp/msgfmt.err"; then
    problem "msgfmt -c --check-format rejects $po:"
    sed 's/^/  /' "$tmp/msgfmt.err"
  fi

  msgattrib --untranslated --no-obsolete --no-wrap "$po" 2> /dev/null | list_entries > "$tmp/own-untranslated"
  msgattrib --only-fuzzy --no-obsolete --no-wrap "$po" 2> /dev/null | list_entries > "$tmp/own-fuzzy"
  n=$(count_entries < "$tmp/own-untranslated")
  if [ "$n" -gt 0 ]; then
    problem "$po has $n untranslated message(s):"
    cat "$tmp/own-untranslated"
  fi
  n=$(count_entries < "$tmp/own-fuzzy")
  if [ "$n" -gt 0 ]; then
    problem "$po has $n fuzzy message(s) (review the translation, then drop the fuzzy flag):"
    cat "$tmp/own-fuzzy"
  fi
fi

# --- POTFILES.in ---------------------------------------------------------------

# Comments, blank lines and [encoding: …] lines are not file names.
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' "$potfiles" |
  grep -v -e '^$' -e '^\[' > "$tmp/potfiles"

if ! LC_ALL=C sort -c -u "$tmp/potfiles" 2> /dev/null; then
  problem "$potfiles must be sorted (LC_ALL=C) without duplicates; expected order:"
  LC_ALL=C sort -u "$tmp/potfiles" | sed 's/^/  /'
fi

: > "$tmp/absent"
while IFS= read -r f; do
  [ -f "$f" ] || echo "  $f" >> "$tmp/absent"
done < "$tmp/potfiles"
if [ -s "$tmp/absent" ]; then
  problem "$potfiles lists files that do not exist:"
  cat "$tmp/absent"
fi

# Every file under src/ with a gettext call or a translatable .ui property.
# "_(" must not be the tail of an identifier (g_autoptr( is not a call of _).
grep -rlIE \
  -e '(^|[^A-Za-z0-9_])(N|C|NC)?_[[:space:]]*\(' \
  -e '(^|[^A-Za-z0-9_])(g_d?ngettext|ngettext|g_dpgettext2?|g_dcgettext)[[:space:]]*\(' \
  -e 'translatable="yes"' \
  src 2> /dev/null | LC_ALL=C sort > "$tmp/translatable"
LC_ALL=C sort -u "$tmp/potfiles" > "$tmp/potfiles.sorted"
LC_ALL=C comm -23 "$tmp/translatable" "$tmp/potfiles.sorted" | sed 's/^/  /' > "$tmp/unlisted"
if [ -s "$tmp/unlisted" ]; then
  problem "these files have translatable strings but are not in $potfiles:"
  cat "$tmp/unlisted"
fi

# --- every string in the sources is translated ----------------------------------

# The same keywords and flags as meson's i18n "glib" preset, so the check
# sees exactly what the govorun-pot target would extract. Files that do not
# exist were reported above; leave them out so the rest is still checked.
sed 's/^  //' "$tmp/absent" > "$tmp/absent.names"
if [ -s "$tmp/absent.names" ]; then
  grep -v -x -F -f "$tmp/absent.names" "$tmp/potfiles" > "$tmp/potfiles.present" || true
else
  cp "$tmp/potfiles" "$tmp/potfiles.present"
fi

if ! xgettext --from-code=UTF-8 --add-comments --no-wrap \
       --package-name=govorun \
       --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
       --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
       --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
       --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
       --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
       --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
       --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
       --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
       --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
       -f "$tmp/potfiles.present" -o "$tmp/govorun.pot" 2> "$tmp/xgettext.err"; then
  problem "xgettext failed on the files of $potfiles:"
  sed 's/^/  /' "$tmp/xgettext.err"
elif [ ! -f "$tmp/govorun.pot" ]; then
  # xgettext writes nothing when there are no strings at all.
  echo "note: no translatable strings found in the files of $potfiles"
elif [ -f "$po" ]; then
  if ! msgmerge --quiet --no-wrap -o "$tmp/merged.po" "$po" "$tmp/govorun.pot" 2> "$tmp/msgmerge.err"; then
    problem "msgmerge $po against the sources failed:"
    sed 's/^/  /' "$tmp/msgmerge.err"
  else
    total=$(msgattrib --no-obsolete "$tmp/merged.po" 2> /dev/null | grep -c '^msgid ')
    total=$((total - 1))
    msgattrib --untranslated --no-obsolete --no-wrap "$tmp/merged.po" 2> /dev/null |
      list_entries > "$tmp/untranslated"
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/merged.po" 2> /dev/null |
      list_entries > "$tmp/fuzzy"
    n=$(count_entries < "$tmp/untranslated")
    if [ "$n" -gt 0 ]; then
      problem "$n of the $total strings in the sources have no translation in $po:"
      cat "$tmp/untranslated"
    fi
    n=$(count_entries < "$tmp/fuzzy")
    if [ "$n" -gt 0 ]; then
      problem "$n strings in the sources changed and their translation in $po is only a fuzzy match:"
      cat "$tmp/fuzzy"
    fi
    # The merged file carries the sources' c-format flags, so this catches a
    # translation whose format directives no longer match the code.
    if ! msgfmt -c --check-format -o /dev/null "$tmp/merged.po" 2> "$tmp/msgfmt-merged.err"; then
      problem "$po merged with the current sources fails msgfmt -c --check-format:"
      sed -e "s|$tmp/merged.po|$po (merged)|g" -e 's/^/  /' "$tmp/msgfmt-merged.err"
    fi
    obsolete=$(msgattrib --only-obsolete "$tmp/merged.po" 2> /dev/null | grep -c '^#~ msgid ' || true)
    if [ "${obsolete:-0}" -gt 0 ]; then
      echo "note: $po has $obsolete message(s) no longer in the sources (harmless; msgmerge drops them)"
    fi
  fi
fi

echo
if [ "$problems" -gt 0 ]; then
  echo "check-po: FAILED, $problems problem(s) above"
  exit 1
fi
echo "check-po: OK, $po is complete and $potfiles lists every translatable file"
exit 0
