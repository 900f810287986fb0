#!/usr/bin/env python3
"""Checks a tessel HTML report and prints what it found, one fact a line, for FileCheck.

  check-report.py REPORT.html [--front-csv FRONT.csv]   the file tessel wrote
                  [--layers RESULTS.jsonl]              and its layer bars against the records
  check-report.py --dom DOM.html                        Chromium's --dump-dom of the report
  check-report.py --png SHOT.png                        Chromium's --screenshot of the report

Exits 1 (after printing "error: ...") when the report is malformed: unbalanced tags, an SVG
that is not well-formed XML, an external resource, or plots whose circles do not match the
points.
"""
import argparse
import csv
import html.parser
import json
import re
import struct
import sys
import xml.etree.ElementTree as ET
import zlib

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors = [], []
        self.body, self.circles, self.plots = {}, [], 0
        self.data_text, self.in_data = "", False
        self.details_text, self.in_details = [], 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body":
            self.body = a
        if tag == "svg" and "plot" in a.get("class", "").split():
            self.plots += 1
        if tag == "circle" and "pt" in a.get("class", "").split():
            self.circles.append(a)
        if tag == "script" and a.get("id") == "report-data":
            self.in_data = True
        if self.in_details or a.get("id") == "details-body":
            self.in_details += 1
        for name, value in attrs:
            if name in ("src", "href") and value and not value.startswith("#"):
                self.errors.append("external reference %s=%r" % (name, value))
        if tag == "link":
            self.errors.append("a <link> element")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag == "circle":
            a = dict(attrs)
            if "pt" in a.get("class", "").split():
                self.circles.append(a)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("unbalanced </%s> (open: %s)" % (tag, "/".join(self.stack[-4:])))
            return
        self.stack.pop()
        if tag == "script":
            self.in_data = False
        if self.in_details:
            self.in_details -= 1

    def handle_data(self, data):
        if self.in_data:
            self.data_text += data
        if self.in_details:
            self.details_text.append(data)


def fail(message):
    print("error: " + message)
    sys.exit(1)


def check_page(text, dom):
    page = Page()
    page.feed(text)
    page.close()
    if page.stack:
        page.errors.append("unclosed elements: " + "/".join(page.stack))
    for e in page.errors:
        print("error: " + e)
    if page.errors:
        sys.exit(1)
    print("tags balanced: yes")
    if re.search(r"url\(|@import", text):
        fail("a stylesheet loads an external resource")
    print("self-contained: yes")
    if not dom:
        svgs = re.findall(r"<svg\b.*?</svg>", text, re.S)
        for s in svgs:
            try:
                ET.fromstring(s)
            except ET.ParseError as e:
                fail("SVG not well-formed (%s): %s" % (e, s[:200]))
        print("svg: %d well-formed" % len(svgs))
    points = json.loads(page.data_text)
    front = [p["id"] for p in points if p["rank"] is not None]
    first = [p["id"] for p in points if p["rank"] == 0]
    print("plots: %d" % page.plots)
    print("points: %d" % len(points))
    print("front: %s" % " ".join(str(i) for i in sorted(front)))
    print("first on the front: %s" % " ".join(str(i) for i in first))
    if len(page.circles) != page.plots * len(points):
        fail("%d circles for %d plots of %d points" % (len(page.circles), page.plots, len(points)))
    front_circles = sum("fr" in c.get("class", "").split() for c in page.circles)
    if front_circles != page.plots * len(front):
        fail("%d front circles for %d plots of %d front points" %
             (front_circles, page.plots, len(front)))
    print("circles: %d (one per point and plot)" % len(page.circles))
    return page, points, front


def check_layers(text, results):
    """The layer bars of each front point against its record: the records' layers add up to the
    totals (count x weight x figures), and each bar shows that contribution's share of them."""
    records = {}
    for line in open(results, encoding="utf-8"):
        r = json.loads(line)
        records[r["point"]] = r
    blocks = re.findall(r'<details class="point".*?</details>', text, re.S)
    with_layers = without = 0
    for block in blocks:
        r = records[int(re.search(r"<summary>#(\d+) ", block).group(1))]
        if "nodetail" in block:
            if "layers" in r:
                fail("point %d has layers but the report says it has none" % r["point"])
            without += 1
            continue
        with_layers += 1
        layers = r["layers"]
        shares = [float(v) for v in re.findall(r'<text class="value"[^>]*>[^<]*\u00b7 ([0-9.e-]+) %<',
                                                block)]
        if len(shares) != 2 * len(layers):
            fail("point %d: %d bars for %d layers" % (r["point"], len(shares), len(layers)))
        for k, (field, total) in enumerate([("latency_s", r["latency_s"]),
                                            ("energy_j", r["energy_j"])]):
            parts = [l["count"] * l.get("weight", 1) * l[field] for l in layers]
            if abs(sum(parts) - total) > 1e-9 * total:
                fail("point %d: the layers' %s add up to %g, not %g" %
                     (r["point"], field, sum(parts), total))
            for l, part, shown in zip(layers, parts, shares[k * len(layers):]):
                if abs(shown - 100 * part / total) > 0.006 * max(shown, 1):
                    fail("point %d, layer %s: %s share %g %%, expected %g %%" %
                         (r["point"], l["name"], field, shown, 100 * part / total))
    print("layer bars: %d points match their records' weighted layers, %d without layers" %
          (with_layers, without))


def check_png(path):
    """Counts the pixels of the front's colour (#e8590c) in an 8-bit RGB(A) PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or color not in (2, 6) or interlace:
                fail("unsupported PNG format")
            bpp = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride = zlib.decompress(idat), width * bpp
    prev, row_start, accent = bytearray(stride), 0, 0
    for _ in range(height):
        f, line = raw[row_start], bytearray(raw[row_start + 1:row_start + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp):
            r, g, bl = line[x], line[x + 1], line[x + 2]
            accent += abs(r - 232) < 24 and abs(g - 89) < 24 and abs(bl - 12) < 24
        prev, row_start = line, row_start + 1 + stride
    print("png: %dx%d, %d pixels of the front's colour" % (width, height, accent))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("report", nargs="?")
    ap.add_argument("--front-csv")
    ap.add_argument("--dom")
    ap.add_argument("--png")
    ap.add_argument("--layers")
    args = ap.parse_args()
    if args.png:
        check_png(args.png)
        return
    text = open(args.dom or args.report, encoding="utf-8").read()
    page, points, front = check_page(text, bool(args.dom))
    if args.front_csv:
        with open(args.front_csv, newline="") as f:
            expected = sorted(int(row["point"]) for row in csv.DictReader(f))
        if expected != sorted(front):
            fail("front %s, but tessel pareto gives %s" % (sorted(front), expected))
        print("front matches tessel pareto: yes")
    if args.layers:
        check_layers(text, args.layers)
    if args.dom:
        print("script ran: %s" % page.body.get("data-report-ready", "no"))
        print("plots rendered: %s" % page.body.get("data-plots-rendered", "0"))
        print("points wired: %s" % page.body.get("data-points-wired", "0"))
        print("details: %s" % " ".join(" ".join(page.details_text).split())[:60])


if __name__ == "__main__":
    main()
