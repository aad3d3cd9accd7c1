#!/usr/bin/env python3
"""Time and memory of `nianbao check` grow linearly with the input, for every shape.

For each shape below the input is built at 1x, 2x, 4x ... 64x a unit of about 160 KB (64x is
about 10 MB) and checked by the release CLI (`--format jsonl`, one thread; the best of three
runs). Prints a table of seconds and peak memory (MB), and per shape the growth exponent
between 8x and 64x (1.0 is linear; above 1.3 is reported as superlinear). With --check the script fails
when a shape is superlinear or when its 10 MB input takes 2 s or more or 300 MB or more.

Usage: scripts/bench-linear.py [--bin target/release/nianbao] [--check] [--max-scale 64]
"""
import argparse
import math
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
UNIT = 160_000


def sample():
    with open(os.path.join(ROOT, "crates/nianbao-core/tests/fixtures/sample-2021.txt"), encoding="utf-8") as f:
        return f.read()


def extra_rows(n):
    """表三 with extra rows (labels no template has) between its official rows."""
    s = sample()
    anchor = "二、上年结转政府信息公开申请数量"
    i = s.index(anchor)
    row = "未列明的其他情形{}\t1\t0\t0\t0\t0\t0\t1\n"
    rows = []
    size = 0
    k = 0
    while size < n:
        r = row.format(k)
        rows.append(r)
        size += len(r.encode())
        k += 1
    return s[:i] + "".join(rows) + s[i:]


def repeat_to(piece, n, prefix="", suffix=""):
    k = max(1, n // max(1, len(piece.encode())))
    return prefix + piece * k + suffix


SHAPES = {
    "表三 extra rows": extra_rows,
    "one long line": lambda n: repeat_to(sample().replace("\n", "  "), n),
    "report repeated": lambda n: repeat_to(sample(), n),
    "flood &#x (html)": lambda n: repeat_to("&#x", n, "<html><body><p>", "</p></body></html>"),
    "flood <a (html)": lambda n: repeat_to("<a", n, "<html><body>"),
    "flood < (text)": lambda n: repeat_to("<", n, sample()),
    "flood |": lambda n: repeat_to("|", n, sample()),
    "a line of tabs": lambda n: repeat_to("\t", n, sample()),
    "a line of spaces": lambda n: repeat_to(" ", n, sample()),
    "sentences 。": lambda n: repeat_to("。", n, sample()),
    "html cells": lambda n: repeat_to("<tr><td>规章</td><td>1</td><td>0</td><td>3</td></tr>", n, "<table><tr><td>第二十条第（一）项</td></tr>"),
    "headings": lambda n: repeat_to("一、总体情况\n", n),
}


# Measured from a fresh small process: a child forked from this one would count this
# process's own memory (the inputs) in its peak.
MEASURE = r"""
import os, subprocess, sys, time
env = dict(os.environ, RAYON_NUM_THREADS="1")
t = time.perf_counter()
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
_, status, usage = os.wait4(p.pid, 0)
print(time.perf_counter() - t, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))
"""


def run(binary, path):
    out = subprocess.run([sys.executable, "-c", MEASURE, binary, "check", "--format", "jsonl",
                          "--no-progress", path], capture_output=True, text=True, check=True).stdout
    secs, mb, code = out.split()
    if int(code) not in (0, 1, 2):
        raise SystemExit(f"bench-linear: {path}: exit {code}")
    return float(secs), float(mb)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/nianbao"))
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--max-scale", type=int, default=64)
    a = ap.parse_args()
    scales = [s for s in (1, 2, 4, 8, 16, 32, 64) if s <= a.max_scale]
    failed = []
    print("shape | " + " | ".join(f"{s}x" for s in scales) + " | growth | 10 MB")
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in SHAPES.items():
            cells = []
            results = {}
            for s in scales:
                text = make(UNIT * s)
                path = os.path.join(tmp, "input.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                # the best of three: one run of a few milliseconds on a shared machine is
                # noise, and the growth is read from these times
                secs, mb = min(run(a.bin, path) for _ in range(3))
                results[s] = (secs, mb, len(text.encode()))
                cells.append(f"{secs:.3f}s {mb:.0f}MB")
            lo, hi = (8, 64) if 64 in results else (scales[0], scales[-1])
            (t1, _, b1), (t2, m2, b2) = results[lo], results[hi]
            growth = math.log(max(t2, 1e-4) / max(t1, 1e-4)) / math.log(b2 / b1)
            big = f"{t2:.2f}s {m2:.0f}MB ({b2 / 1e6:.1f} MB)"
            print(f"{name} | " + " | ".join(cells) + f" | {growth:.2f} | {big}")
            if growth > 1.3:
                failed.append(f"{name}: superlinear (growth {growth:.2f})")
            if hi == 64 and (t2 >= 2.0 or m2 >= 300):
                failed.append(f"{name}: {b2 / 1e6:.1f} MB took {t2:.2f} s and {m2:.0f} MB")
    if failed:
        print("bench-linear: " + "; ".join(failed), file=sys.stderr)
        if a.check:
            sys.exit(1)


if __name__ == "__main__":
    main()
