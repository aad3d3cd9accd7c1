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
  let page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.bench_check);
  console.log('input | bytes | wasm ms/check | native ms/check | wasm/native');
  for (const [name, path] of inputs) {
    const text = readFileSync(path, 'utf8');
    const n = text.length > 100000 ? 30 : 300;
    // steady state (in the checker worker): V8 first runs wasm from its baseline compiler
    // and moves hot code to the optimising one over the first ~100 checks, so warm up for
    // about 2 s, then take the best of five timed batches (natively, the best of three runs)
    const once = await page.evaluate(([t]) => window.wasmBindings.bench_check(t, 3), [text]);
    await page.evaluate(([t, k]) => window.wasmBindings.bench_check(t, k), [text, Math.ceil(2000 / Math.max(once, 0.05))]);
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
  // typing: from a key press to the next frame (the check runs in the worker), and from
  // the last key press to the updated results, in reports of about 50 KB and 500 KB
  const base = readFileSync(inputs[0][1], 'utf8');
  for (const size of [50000, 500000]) {
    let big = base;
    while (Buffer.byteLength(big) < size) big += '\n' + base;
    const t0 = Date.now();
    await page.evaluate((t) => { const ed = NianbaoEditor.of(document.querySelector('#report-text')); ed.edit(0, ed.length(), t); }, big);
    await page.waitForSelector('.summary[aria-busy=false] .verdict.fail, .summary[aria-busy=false] .verdict.warn, .summary[aria-busy=false] .verdict.pass');
    const shown = Date.now() - t0;
    await page.focus('#report-text');
    await page.evaluate(() => {
      window.__frames = [];
      window.__last = 0;
      document.querySelector('#report-text').addEventListener('keydown', () => {
        const t = performance.now();
        window.__last = t;
        requestAnimationFrame(() => setTimeout(() => window.__frames.push(performance.now() - t), 0));
      });
    });
    for (let i = 0; i < 20; i++) await page.keyboard.type('x', { delay: 0 });
    const settled = await page.evaluate(() => new Promise((resolve) => {
      const done = () => document.querySelector('.summary').getAttribute('aria-busy') === 'false';
      const check = () => (done() ? resolve(performance.now() - window.__last) : requestAnimationFrame(check));
      check();
    }));
    await page.waitForTimeout(200);
    const frames = await page.evaluate(() => window.__frames.slice().sort((a, b) => a - b));
    const median = frames[Math.floor(frames.length / 2)];
    console.log(`typing 20 keys in a ${Math.round(Buffer.byteLength(big) / 1024)} KB report: key press to next frame median ${median.toFixed(1)} ms, max ${frames[frames.length - 1].toFixed(1)} ms; last key to updated results ${settled.toFixed(1)} ms (first results after the paste: ${shown} ms)`);
  }
  // reload with a 10 MB draft (kept in IndexedDB): navigation start to an editable page
  // holding the whole draft
  let huge = base;
  while (Buffer.byteLength(huge) < 10_000_000) huge += '\n' + base;
  await page.close();
  page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForSelector('#report-text');
  await page.evaluate((t) => { const ed = NianbaoEditor.of(document.querySelector('#report-text')); ed.edit(0, ed.length(), t); }, huge);
  await page.waitForFunction(() => localStorage.getItem('nianbao:draft:large') !== null, null, { timeout: 60000, polling: 100 });
  await page.reload();
  await page.waitForFunction((n) => { const e = document.querySelector('#report-text'); return e && NianbaoEditor.of(e)?.length() === n; }, huge.length, { timeout: 60000, polling: 20 });
  const restored = await page.evaluate(() => performance.now());
  console.log(`reload with a ${Math.round(Buffer.byteLength(huge) / 1e6)} MB draft: ${restored.toFixed(0)} ms from navigation to the restored, editable draft`);
  await page.evaluate(() => { const ed = NianbaoEditor.of(document.querySelector('#report-text')); ed.edit(0, ed.length(), ''); });
  await page.waitForTimeout(500);
} finally {
  await browser.close();
  server.kill();
}
