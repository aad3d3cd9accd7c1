// Check time of the seed and of the largest corpus report, in Chromium (the release wasm)
// and natively (same core, release build), and their ratio. Run by scripts/bench-wasm.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '..', 'shared', 'corpus');
const inputs = [];
if (existsSync(corpus)) {
  inputs.push(['seed', join(corpus, 'seed-zhoukou-kejiju-2019.txt')]);
  const all = [];
  const walk = (d) => readdirSync(d).forEach((n) => { const p = join(d, n); statSync(p).isDirectory() ? walk(p) : /\.(txt|html?)$/.test(n) && all.push(p); });
  walk(corpus);
  all.sort((a, b) => statSync(b).size - statSync(a).size);
  inputs.push(['largest corpus report', all[0]]);
} else {
  console.log('../shared/corpus not found: using the synthetic sample');
  inputs.push(['synthetic sample', join(root, 'assets', 'sample.txt')]);
}

const port = 18000 + Math.floor(Math.random() * 1000);
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', join(root, 'dist')], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 600));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.bench_check);
  console.log('input | bytes | wasm ms/check | native ms/check | wasm/native');
  for (const [name, path] of inputs) {
    const text = readFileSync(path, 'utf8');
    const n = text.length > 100000 ? 30 : 300;
    // steady state: V8 first runs wasm from its baseline compiler and moves hot code to the
    // optimising one over the first ~100 checks, so warm up for 2 s, then take the best of
    // five timed batches (natively, the best of three runs)
    await page.evaluate(([t]) => {
      const end = performance.now() + 2000;
      while (performance.now() < end) window.wasmBindings.bench_check(t, 5);
    }, [text]);
    let wasm = Infinity;
    for (let k = 0; k < 5; k++) {
      wasm = Math.min(wasm, await page.evaluate(([t, n]) => window.wasmBindings.bench_check(t, n), [text, n]));
    }
    let native = Infinity;
    for (let k = 0; k < 3; k++) {
      const out = execFileSync(join(root, 'target', 'release', 'examples', 'repeat'), [path, String(n * 3)]).toString();
      native = Math.min(native, parseFloat(out));
    }
    console.log(`${name} | ${Buffer.byteLength(text)} | ${wasm.toFixed(3)} | ${native.toFixed(3)} | ${(wasm / native).toFixed(2)}×`);
  }
  // typing in a 50 KB report: time from an input event to the updated verdict on screen
  const base = readFileSync(inputs[0][1], 'utf8');
  let big = base;
  while (Buffer.byteLength(big) < 50000) big += '\n' + base;
  await page.fill('#report-text', big);
  const ms = await page.evaluate(async () => {
    const ta = document.querySelector('#report-text');
    const times = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      ta.value = ta.value + 'x';
      ta.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  });
  console.log(`typing in a ${Math.round(Buffer.byteLength(big) / 1024)} KB report: ${ms.toFixed(1)} ms from keystroke to updated results (median of 10)`);
} finally {
  await browser.close();
  server.kill();
}
