#!/usr/bin/env python3
# read-back.py
#
# Copyright 2026 The Govorun authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a file the writers made with other people's readers and prints
what they see as JSON, for the C tests to compare with what was written.

  read-back.py csv FILE DELIMITER  -> {"bom": bool, "crlf": bool, "rows": [[str]]}
      Python's csv module (RFC 4180 quoting); "crlf": every line ends in CRLF.
  read-back.py xlsx FILE           -> {"frozen": "A2"|null, "autofilter": "A1:R11"|null,
                                       "rows": [[{"type", "format", "value"}]]}
      unzip + XML: a cell's type ("n" number, "s" shared string,
      "inlineStr", …), its number format code and its value (text for
      strings).
"""
import csv
import io
import json
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
BUILTIN_FORMATS = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 14: "m/d/yyyy",
                   22: "m/d/yyyy h:mm", 49: "@"}


def read_csv(path, delimiter):
    data = open(path, "rb").read()
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    text = data.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    # Outside quotes every record ends in CRLF: no bare LF or CR ends a line.
    unquoted = re.sub(r'"(?:[^"]|"")*"', "", text)
    crlf = unquoted.endswith("\r\n") and "\n" not in unquoted.replace("\r\n", "") \
        and "\r" not in unquoted.replace("\r\n", "")
    return {"bom": bom, "crlf": crlf, "rows": rows}


def column_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1


def read_xlsx(path):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
        styles = ET.fromstring(z.read("xl/styles.xml"))
        shared = []
        if "xl/sharedStrings.xml" in names:
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))

    formats = dict(BUILTIN_FORMATS)
    for fmt in styles.findall("m:numFmts/m:numFmt", NS):
        formats[int(fmt.get("numFmtId"))] = fmt.get("formatCode")
    xfs = [int(xf.get("numFmtId", "0")) for xf in styles.findall("m:cellXfs/m:xf", NS)]

    pane = sheet.find("m:sheetViews/m:sheetView/m:pane", NS)
    frozen = pane.get("topLeftCell") if pane is not None and pane.get("state") == "frozen" else None
    autofilter = sheet.find("m:autoFilter", NS)

    rows = []
    for row in sheet.findall("m:sheetData/m:row", NS):
        cells = []
        for c in row.findall("m:c", NS):
            i = column_index(c.get("r"))
            while len(cells) < i:
                cells.append(None)
            kind = c.get("t", "n")
            v = c.find("m:v", NS)
            if kind == "s":
                value = shared[int(v.text)]
            elif kind == "inlineStr":
                value = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
            else:
                value = v.text if v is not None else None
            cells.append({"type": kind, "format": formats.get(xfs[int(c.get("s", "0"))]),
                          "value": value})
        rows.append(cells)
    return {"frozen": frozen, "autofilter": autofilter.get("ref") if autofilter is not None else None,
            "rows": rows}


def main():
    if sys.argv[1] == "csv":
        result = read_csv(sys.argv[2], sys.argv[3])
    else:
        result = read_xlsx(sys.argv[2])
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
