#!/usr/bin/env python3
"""Measures the PDF reader on tables drawn without rules: prints the synthetic samples
(crates/nianbao-core/tests/fixtures/sample-20xx.txt) as HTML pages in several table styles,
and, when ../shared/corpus is there, its saved pages with their table borders removed, to
PDF with Chromium; checks each with the release CLI and compares every table cell with the
cells read from the text (or the saved page) itself.

Prints one line per print (tables, cells that differ, whether any differing cell holds a
wrong value rather than none) and a summary. Needs chromium and target/release/nianbao;
writes only to a temporary directory. Not a test: Chromium is no test dependency.

Usage: scripts/borderless-check.py
"""
import glob
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CLI = os.path.join(ROOT, "target", "release", "nianbao")
FIX = os.path.join(ROOT, "crates", "nianbao-core", "tests", "fixtures")
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")

STYLES = {
    "padding 2pt 4pt": "td{padding:2pt 4pt}",
    "no padding": "td{padding:0}",
    "centred": "td{padding:2pt 4pt;text-align:center}",
    "right-aligned": "td{padding:1pt 3pt;text-align:right}",
    "10.5pt": "body{font-size:10.5pt !important} td{padding:1px 2px}",
    "line height 1.5": "body{line-height:1.5} td{padding:3pt 6pt}",
    "full width": "table{width:100%} td{padding:2pt;vertical-align:middle}",
    "top-aligned": "td{padding:2pt 4pt;vertical-align:top}",
}


def cells(path):
    out = subprocess.run([CLI, "check", path, "--format", "json"], capture_output=True, text=True)
    r = json.loads(out.stdout)
    got = {}
    for t in ("t2", "t3", "t4"):
        for rk, row in ((r["tables"].get(t) or {}).get("rows") or {}).items():
            for ck, c in row["cells"].items():
                got[(t, rk, ck)] = c.get("value")
    return got, r["summary"]["tables"]


def main():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium or not os.path.exists(CLI):
        sys.exit("borderless-check: needs chromium and target/release/nianbao")
    spec = importlib.util.spec_from_file_location("gen", os.path.join(ROOT, "scripts", "gen-docx.py"))
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    with tempfile.TemporaryDirectory() as tmp:
        jobs = []
        for sample in sorted(glob.glob(os.path.join(FIX, "sample-20*.txt"))):
            with open(sample, encoding="utf-8") as f:
                lines = f.read().rstrip("\n").split("\n")
            for name, css in STYLES.items():
                page = gen.html(lines, False).replace("td{padding:2pt 4pt}", css)
                jobs.append((f"{os.path.basename(sample)}, {name}", sample, page))
        for saved in sorted(glob.glob(os.path.join(CORPUS, "20*", "*.html"))):
            with open(saved, encoding="utf-8", errors="replace") as f:
                page = f.read()
            css = "<style>table,td,th,tr{border:none!important;border-width:0!important}</style>"
            at = page.lower().find("</head>")
            page = page[:at] + css + page[at:] if at >= 0 else css + page
            jobs.append((f"{os.path.basename(saved)} without borders", saved, page))
        same = wrong = 0
        for i, (label, source, page) in enumerate(jobs):
            pdf = os.path.join(tmp, f"{i}.pdf")
            gen.print_pdf(chromium, page, pdf)
            want, _ = cells(source)
            got, tables = cells(pdf)
            differ = [k for k in set(want) | set(got) if want.get(k) != got.get(k)]
            bad = [k for k in differ if got.get(k) is not None and k in want]
            same += not differ
            wrong += bool(bad)
            print(f"{label}: {tables}, {len(differ)} cells differ{', WRONG VALUES' if bad else ''}")
        print(f"borderless-check: {same}/{len(jobs)} prints give every cell; {wrong} with a wrong value")


if __name__ == "__main__":
    main()
