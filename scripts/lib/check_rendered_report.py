#!/usr/bin/env python3
"""Checks a headless-Chromium rendering of a `snapgen anatomy --html` report.

usage: check_rendered_report.py SCREENSHOT.png DOM.html ANATOMY.json

1. the screenshot decodes as a PNG (decoded here with zlib, no imaging library) and is not
   blank: enough pixels differ from the page background and several colours are drawn;
2. the rendered DOM has exactly one treemap element (<g class="module" data-module=…>) per
   module of the JSON report, and one table row per module.
Prints one line per check and "N passed, N failed".
"""
import html
import json
import re
import struct
import sys
import zlib


def decode_png(path):
    """Returns (width, height, rows of RGB(A) tuples)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    offset, idat, header = 8, b"", None
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        offset += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        raise ValueError(f"unsupported PNG layout (depth {depth}, colour type {colour}, interlace {interlace})")
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            upper_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - upper_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - upper_left)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else upper_left)
                line[i] = (line[i] + predictor) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def main():
    screenshot, dom_path, report_path = sys.argv[1:4]
    passed = failed = 0

    def check(ok, message):
        nonlocal passed, failed
        print(("ok: " if ok else "FAILED: ") + message)
        if ok:
            passed += 1
        else:
            failed += 1

    try:
        width, height, channels, rows = decode_png(screenshot)
        background = rows[0][:3]
        drawn, colours = 0, set()
        for row in rows[::4]:
            for x in range(0, width * channels, channels * 4):
                pixel = row[x:x + 3]
                colours.add(pixel)
                if pixel != background:
                    drawn += 1
        sampled = len(rows[::4]) * len(range(0, width * channels, channels * 4))
        share = drawn / sampled if sampled else 0
        check(share > 0.05 and len(colours) >= 8,
              f"screenshot {width}x{height} is not blank: {share:.1%} of sampled pixels drawn, {len(colours)} colours")
    except Exception as error:  # a missing or undecodable screenshot is a failure, not a crash
        check(False, f"screenshot {screenshot} could not be decoded: {error}")

    try:
        modules = [module["name"] for module in json.load(open(report_path))["modules"]]
        dom = open(dom_path, encoding="utf-8").read()
        treemap = [html.unescape(name) for name in re.findall(r'<g class="module" data-module="([^"]*)"', dom)]
        rows = [html.unescape(name) for name in re.findall(r'<tr class="module-row" data-module="([^"]*)"', dom)]
        check(len(modules) > 0 and sorted(treemap) == sorted(modules),
              f"the treemap has one element per module ({len(treemap)} elements, {len(modules)} modules)")
        check(sorted(rows) == sorted(modules), f"the table has one row per module ({len(rows)} rows)")
        check("<script" not in dom and "https://" not in dom and "http://" not in dom.replace('xmlns="http://www.w3.org/2000/svg"', ""),
              "the page loads nothing from the network and runs no script")
    except Exception as error:
        check(False, f"the DOM or the report could not be read: {error}")

    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
