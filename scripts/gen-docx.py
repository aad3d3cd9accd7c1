#!/usr/bin/env python3
"""Writes the synthetic Word fixture crates/nianbao-core/tests/fixtures/sample-2021.docx from
sample-2021.txt, built so that the checker's extracted text is exactly the sample's text:

- the six section headings (一、… 六、) numbered by Word's list numbering (numbering.xml,
  chineseCounting, "%1、"): their numbers are not in the run text;
- every run of tab-separated lines is a table (w:tbl), a cell per tab-separated piece, empty
  cells kept; a row with fewer cells than the grid ends in a cell spanning the rest
  (gridSpan);
- the title carries a tracked deletion and an insertion, and one paragraph a field whose
  instruction is not text (fldChar begin/separate/end);
- a blank line is an empty paragraph.

Then sample-2021.doc (Word 97–2003) and sample-2021.pdf (with one wrong 表三 total, so that
it has findings) are the same document saved by LibreOffice (`soffice --headless --convert-to doc|pdf`; Debian's libreoffice-writer-nogui),
and sample-2021.chromium.pdf is the sample as an HTML page with ruled tables printed by
Chromium (`--print-to-pdf`), sample-2021.borderless.pdf the same page with tables drawn
without rules (narrow columns, wrapped headers and labels): the .doc and PDF readers are tested on what real word
processors and browsers write. Without soffice or chromium those fixtures are left as they
are; the tests never need either.

Usage: scripts/gen-docx.py   (run from anywhere; rewrites the fixtures)
"""
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FIX = os.path.join(ROOT, "crates", "nianbao-core", "tests", "fixtures")
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def run(text):
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(text, num=False):
    ppr = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' if num else ""
    return f"<w:p>{ppr}{run(text)}</w:p>" if text else "<w:p/>"


BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"]
)


def table(rows):
    width = max(len(r) for r in rows)
    out = [
        f"<w:tbl><w:tblPr><w:tblBorders>{BORDERS}</w:tblBorders></w:tblPr>"
        f'<w:tblGrid>{"<w:gridCol/>" * width}</w:tblGrid>'
    ]
    for cells in rows:
        out.append("<w:tr>")
        for i, c in enumerate(cells):
            span = width - len(cells) + 1 if i == len(cells) - 1 and len(cells) < width else 1
            pr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else "<w:tcPr/>"
            out.append(f"<w:tc>{pr}{para(c) if c else '<w:p/>'}</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def body(lines, tracked=True):
    out, rows = [], []
    heading = re.compile(r"^[一二三四五六]、")
    for k, line in enumerate(lines):
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            out.append(table(rows))
            rows = []
        if k == 0 and tracked:
            # the title: a tracked deletion (dropped) and an insertion (kept)
            i = line.index("2023")
            out.append(
                f"<w:p>{run(line[:i])}<w:del><w:r><w:delText>草稿</w:delText></w:r></w:del>"
                f"<w:ins>{run(line[i:i + 4])}</w:ins>{run(line[i + 4:])}</w:p>"
            )
        elif heading.match(line):
            out.append(para(line[2:], num=True))
        elif line.startswith("（一）主动公开情况"):
            # a field: its instruction is not text, its result is
            out.append(
                f'<w:p>{run(line[:3])}<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                f'<w:r><w:instrText xml:space="preserve"> MERGEFIELD 标题 </w:instrText></w:r>'
                f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{run(line[3:7])}'
                f'<w:r><w:fldChar w:fldCharType="end"/></w:r>{run(line[7:])}</w:p>'
            )
        else:
            out.append(para(line))
    if rows:
        out.append(table(rows))
    return "".join(out)


NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>
<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"""

TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>"""


# the mistake in sample-2021.pdf (tests/word.rs makes the same one in the sample's text)
PDF_MISTAKE = ("（一）予以公开\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开\t5\t1\t0\t0\t0\t0\t7")


def write_docx(out, lines, tracked=True):
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:document {W}><w:body>{body(lines, tracked)}<w:sectPr/></w:body></w:document>"
    )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [
            ("[Content_Types].xml", TYPES),
            ("_rels/.rels", RELS),
            ("word/document.xml", document),
            ("word/_rels/document.xml.rels", DOC_RELS),
            ("word/numbering.xml", NUMBERING),
        ]:
            # a fixed date: the fixture is the same bytes on every run
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def main():
    with open(os.path.join(FIX, "sample-2021.txt"), encoding="utf-8") as f:
        lines = f.read().rstrip("\n").split("\n")
    out = os.path.join(FIX, "sample-2021.docx")
    write_docx(out, lines)
    print(out)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found: sample-2021.doc and sample-2021.pdf left as they are")
    else:
        # LibreOffice prints a tracked deletion (struck through): the PDF is made from the
        # same document with its change accepted, as a report is published
        # and one 表三 total is wrong in it (6 → 7), so that its findings have pages
        wrong = [line.replace(*PDF_MISTAKE) for line in lines]
        for ext, tracked, text in [("doc", True, lines), ("pdf", False, wrong)]:
            with tempfile.TemporaryDirectory() as tmp:
                src = os.path.join(tmp, "sample-2021.docx")
                write_docx(src, text, tracked)
                subprocess.run(
                    [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                     "--convert-to", ext, "--outdir", os.path.join(tmp, "out"), src],
                    check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                )
                target = os.path.join(FIX, f"sample-2021.{ext}")
                shutil.copy(os.path.join(tmp, "out", f"sample-2021.{ext}"), target)
            print(target)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("chromium not found: sample-2021.chromium.pdf left as it is")
        return
    for name, ruled in [("sample-2021.chromium.pdf", True), ("sample-2021.borderless.pdf", False)]:
        target = os.path.join(FIX, name)
        print_pdf(chromium, html(lines, ruled), target)
        print(target)


def print_pdf(chromium, page, target):
    """Prints the HTML page `page` to the PDF `target` with Chromium."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "page.html")
        with open(path, "w", encoding="utf-8") as f:
            f.write(page)
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp}/profile",
             "--no-pdf-header-footer", f"--print-to-pdf={target}", "file://" + path],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )


def html(lines, ruled=True):
    """The sample as a government site prints it: paragraphs, and tables (ruled, or drawn
    without any rule) whose rows with fewer cells than the grid end in a cell spanning the
    rest."""
    out, rows = [], []

    def flush():
        width = max(len(r) for r in rows)
        out.append('<table>')
        for cells in rows:
            tds = []
            for i, c in enumerate(cells):
                span = width - len(cells) + 1 if i == len(cells) - 1 else 1
                attr = f' colspan="{span}"' if span > 1 else ""
                tds.append(f"<td{attr}>{escape(c)}</td>")
            out.append(f"<tr>{''.join(tds)}</tr>")
        out.append("</table>")
        rows.clear()

    for line in lines:
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            flush()
        if line:
            out.append(f"<p>{escape(line)}</p>")
    if rows:
        flush()
    style = (
        "body{font:12pt 'Noto Sans CJK SC',sans-serif}"
        "table{border-collapse:collapse;margin:1em 0}"
        + ("td{border:1px solid #000;padding:2pt 4pt}" if ruled else "td{padding:2pt 4pt}")
    )
    return (
        '<!doctype html><html lang="zh-CN"><meta charset="utf-8">'
        f"<title>示例</title><style>{style}</style><body>{''.join(out)}</body></html>"
    )

if __name__ == "__main__":
    main()
