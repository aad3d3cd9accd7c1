#!/usr/bin/env python3
"""Writes small PDFs that exercise every part of the PDF reader, written by hand (no font
program, only what the reader reads): the fixtures of tests/pdf.rs and the seeds of the
fuzzer (scripts/fuzz), for which the exports' PDFs are too large (their embedded fonts).

- a simple font (WinAnsi) with a table drawn by stroked lines, cells with numbers;
- a Type0 font (Identity-H) with a ToUnicode CMap (bfchar and bfrange), Chinese text, a
  table of filled rectangles, the content Flate-compressed;
- a Type3 font whose glyphs map to text through ToUnicode, vertical text, a page number;
- two pages, the table going on from one to the other, with an xref stream and objects
  in an object stream;
- a page that only draws an image (a scan), and an encrypted file;
- a table drawn without rules (wrapped header cells, a wrapped label, a blank cell).

Usage: scripts/pdf-seeds.py [DIR]   (default crates/nianbao-core/tests/fixtures/pdf)
"""
import os
import sys
import zlib


def pdf(objects, trailer_extra="", xref_stream=False, packed=None):
    """`objects`: list of (number, bytes body). Writes a PDF with a classic xref table (or
    an xref stream; `packed`: object number → (object stream, index) for objects kept in
    an object stream)."""
    packed = packed or {}
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for n, body in objects:
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    size = max(list(offsets) + list(packed)) + 2
    if xref_stream:
        n = size - 1
        rows = bytearray()
        for k in range(size):
            if k in packed:
                rows += bytes([2]) + packed[k][0].to_bytes(4, "big") + bytes([packed[k][1]])
            elif k in offsets:
                rows += bytes([1]) + offsets[k].to_bytes(4, "big") + bytes([0])
            else:
                rows += bytes([0, 0, 0, 0, 0, 0])
        start = len(out)
        data = zlib.compress(bytes(rows))
        out += (b"%d 0 obj\n<</Type/XRef/Size %d/W[1 4 1]/Root 1 0 R/Filter/FlateDecode/Length %d>>stream\n"
                % (n, size, len(data))) + data + b"\nendstream\nendobj\n"
        out += b"startxref\n%d\n%%%%EOF\n" % start
        return bytes(out)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for k in range(1, size):
        out += b"%010d 00000 n \n" % offsets[k] if k in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<</Size %d/Root 1 0 R%s>>\nstartxref\n%d\n%%%%EOF\n" % (
        size, trailer_extra.encode(), start)
    return bytes(out)


def stream(data, extra=b"", compress=False):
    if compress:
        data = zlib.compress(data)
        extra += b"/Filter/FlateDecode"
    return b"<<%s/Length %d>>stream\n" % (extra, len(data)) + data + b"\nendstream"


def catalog(kids):
    refs = b" ".join(b"%d 0 R" % k for k in kids)
    return [(1, b"<</Type/Catalog/Pages 2 0 R>>"),
            (2, b"<</Type/Pages/Kids[%s]/Count %d/MediaBox[0 0 595 842]>>" % (refs, len(kids)))]


def cmap(pairs, ranges=()):
    body = "/CIDInit/ProcSet findresource begin 12 dict begin begincmap\n"
    body += "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
    body += f"{len(pairs)} beginbfchar\n"
    for code, text in pairs:
        body += f"<{code:04X}> <{text.encode('utf-16-be').hex().upper()}>\n"
    body += "endbfchar\n"
    if ranges:
        body += f"{len(ranges)} beginbfrange\n"
        for lo, hi, text in ranges:
            body += f"<{lo:04X}> <{hi:04X}> <{text.encode('utf-16-be').hex().upper()}>\n"
        body += "endbfrange\n"
    body += "endcmap CMapName currentdict /CMap defineresource pop end end"
    return stream(body.encode())


def grid(x0, y0, widths, height, rows, op=b"S"):
    """Rules of a table: stroked lines (`S`) or thin filled rectangles (`f`)."""
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [y0 - height * k for k in range(rows + 1)]
    out = bytearray(b"0.5 w\n")
    for y in ys:
        out += (b"%g %g m %g %g l S\n" % (xs[0], y, xs[-1], y)) if op == b"S" else (
            b"%g %g %g 0.5 re f\n" % (xs[0], y, xs[-1] - xs[0]))
    for x in xs:
        out += (b"%g %g m %g %g l S\n" % (x, ys[0], x, ys[-1])) if op == b"S" else (
            b"%g %g 0.5 %g re f\n" % (x, ys[-1], ys[0] - ys[-1]))
    return bytes(out), xs, ys


def simple():
    rules, xs, ys = grid(50, 700, [200, 80, 80], 20, 3)
    cells = [["Item", "A", "B"], ["Rules", "3", "1"], ["Total", "4", ""]]
    text = bytearray(b"BT /F1 12 Tf 50 760 Td (Annual report 2023) Tj ET\n")
    for r, row in enumerate(cells):
        for c, v in enumerate(row):
            if v:
                text += b"BT /F1 10 Tf 1 0 0 1 %g %g Tm (%s) Tj ET\n" % (xs[c] + 4, ys[r] - 14, v.encode())
    text += b"BT /F1 9 Tf 290 40 Td (- 1 -) Tj ET\n"
    objs = catalog([3]) + [
        (3, b"<</Type/Page/Parent 2 0 R/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>"),
        (4, stream(rules + bytes(text))),
        (5, b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>"),
    ]
    return pdf(objs)


CJK = "示例市科学技术局年政府信息公开工作度报告一、总体情况本新收申请数量予以公开总计结果维持"


def codes(s):
    return b"".join((CJK.index(ch) + 1).to_bytes(2, "big") if ch in CJK else b"\x00\x60" for ch in s)


def type0():
    rules, xs, ys = grid(50, 650, [220, 80, 80], 24, 3, op=b"f")
    out = bytearray(b"BT /F1 16 Tf 60 760 Td <%s> Tj ET\n" % codes("示例市科学技术局年政府信息公开工作年度报告").hex().encode())
    out += b"BT /F1 12 Tf 50 720 Td <%s> Tj ET\n" % codes("一、总体情况").hex().encode()
    rows = [["", "", "总计"], ["本年新收申请数量", "", "3"], ["予以公开", "", "2"]]
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v:
                hexed = codes(v).hex().encode() if not v.isdigit() else ("%04X" % (0x60 + int(v))).encode()
                out += b"BT /F1 10 Tf %g %g Td <%s> Tj ET\n" % (xs[c] + 4, ys[r] - 16, hexed)
    pairs = [(k + 1, ch) for k, ch in enumerate(CJK)]
    objs = catalog([3]) + [
        (3, b"<</Type/Page/Parent 2 0 R/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>"),
        (4, stream(rules + bytes(out), compress=True)),
        (5, b"<</Type/Font/Subtype/Type0/BaseFont/ABCDEF+SimSun/Encoding/Identity-H"
            b"/DescendantFonts[6 0 R]/ToUnicode 7 0 R>>"),
        (6, b"<</Type/Font/Subtype/CIDFontType2/BaseFont/ABCDEF+SimSun/DW 1000"
            b"/W[1[1000 1000 1000]96 106 500]/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>>>"),
        (7, cmap(pairs, [(0x60, 0x69, "0")])),
    ]
    return pdf(objs)


def type3():
    glyph = stream(b"500 0 0 0 500 700 d1 0 0 500 700 re f")
    procs = b" ".join(b"/g%d %d 0 R" % (k, 10) for k in range(1, 6))
    out = bytearray(b"BT /T3 12 Tf 50 760 Td <0102030405> Tj ET\n")
    # vertical text: one character per line, in a cell
    for k, ch in enumerate([1, 2, 3, 4]):
        out += b"BT /T3 10 Tf 300 %g Td <%02X> Tj ET\n" % (700 - 12 * k, ch)
    out += b"0 0 m 595 0 l S\nBT /T3 9 Tf 290 30 Td <05> Tj ET\n"
    objs = catalog([3]) + [
        (3, b"<</Type/Page/Parent 2 0 R/Resources<</Font<</T3 5 0 R>>>>/Contents 4 0 R>>"),
        (4, stream(bytes(out))),
        (5, b"<</Type/Font/Subtype/Type3/FontBBox[0 0 500 700]/FontMatrix[0.001 0 0 0.001 0 0]"
            b"/CharProcs<<%s>>/Encoding<</Type/Encoding/Differences[1/g1/g2/g3/g4/g5]>>"
            b"/FirstChar 1/LastChar 5/Widths[500 500 500 500 500]/ToUnicode 6 0 R/Resources<<>>>>" % procs),
        (6, cmap([(1, "结"), (2, "果"), (3, "维"), (4, "持"), (5, "1")])),
        (10, glyph),
    ]
    return pdf(objs)


def two_pages():
    objs = catalog([3, 6])
    for k, (n, c) in enumerate([(3, 4), (6, 7)]):
        rules, xs, ys = grid(50, 800 if k else 200, [200, 80], 20, 4)
        text = bytearray()
        for r in range(4):
            label = b"Row %d" % (r + 4 * k)
            text += b"BT /F1 10 Tf %g %g Td (%s) Tj ET\n" % (xs[0] + 4, ys[r] - 14, label)
            text += b"BT /F1 10 Tf %g %g Td (%d) Tj ET\n" % (xs[1] + 4, ys[r] - 14, r + k)
        objs.append((n, b"<</Type/Page/Parent 2 0 R/Resources<</Font<</F1 5 0 R>>>>/Contents %d 0 R>>" % c))
        objs.append((c, stream(rules + bytes(text), compress=True)))
    # the font object inside an object stream
    font = b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"
    head = b"5 0 "
    objs.append((8, stream(head + font, extra=b"/Type/ObjStm/N 1/First %d" % len(head))))
    return pdf(objs, xref_stream=True, packed={5: (8, 0)})


def scan():
    objs = catalog([3]) + [
        (3, b"<</Type/Page/Parent 2 0 R/Resources<</XObject<</Im0 5 0 R>>>>/Contents 4 0 R>>"),
        (4, stream(b"q 595 0 0 842 0 0 cm /Im0 Do Q")),
        (5, stream(b"\x00", extra=b"/Type/XObject/Subtype/Image/Width 1/Height 1/BitsPerComponent 8/ColorSpace/DeviceGray")),
    ]
    return pdf(objs)


def borderless():
    """A table drawn without rules: a header whose cells wrap, a label on two lines with its
    number between them, a blank cell."""
    text = bytearray(b"BT /F1 12 Tf 50 760 Td (Annual report 2023) Tj ET\n")
    runs = [("Item", 50, 720), ("New", 200, 720), ("In", 300, 720),
            ("made", 200, 708), ("force", 300, 708),
            ("Rules", 50, 684), ("3", 200, 684), ("1", 300, 684),
            ("Normative", 50, 657), ("5", 200, 651), ("documents", 50, 645),
            ("Total", 50, 618), ("8", 200, 618), ("1", 300, 618)]
    for t, x, y in runs:
        text += b"BT /F1 10 Tf 1 0 0 1 %d %d Tm (%s) Tj ET\n" % (x, y, t.encode())
    text += b"BT /F1 9 Tf 290 40 Td (- 1 -) Tj ET\n"
    objs = catalog([3]) + [
        (3, b"<</Type/Page/Parent 2 0 R/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>"),
        (4, stream(bytes(text))),
        (5, b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>"),
    ]
    return pdf(objs)


def encrypted():
    objs = catalog([3]) + [(3, b"<</Type/Page/Parent 2 0 R>>"), (4, b"<</Filter/Standard/V 1/R 2>>")]
    return pdf(objs, trailer_extra="/Encrypt 4 0 R")


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        root, "crates", "nianbao-core", "tests", "fixtures", "pdf")
    os.makedirs(out, exist_ok=True)
    for name, data in [("simple", simple()), ("type0", type0()), ("type3", type3()),
                       ("two-pages", two_pages()), ("scan", scan()), ("encrypted", encrypted()),
                       ("borderless", borderless())]:
        with open(os.path.join(out, f"{name}.pdf"), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
