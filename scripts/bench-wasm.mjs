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
  // 'a' leaves the findings as they are (the list is not redrawn); each 'x' after the first
  // changes them ('xx' is a template placeholder, C105), so the list is redrawn on every check
  for (const [size, key] of [[50000, 'a'], [50000, 'x'], [500000, 'a']]) {
    let big = base;
    while (Buffer.byteLength(big) < size) big += '\n' + base;
    const t0 = Date.now();
    await page.evaluate((t) => { const ed = NianbaoEditor.of(document.querySelector('#report-text')); ed.edit(0, ed.length(), t); }, big);
    await page.waitForSelector('.summary[aria-busy=false] .verdict.fail, .summary[aria-busy=false] .verdict.warn, .summary[aria-busy=false] .verdict.pass');
    const shown = Date.now() - t0;
    // typed at the end of the report (as in a <textarea> whose value was set)
    await page.$eval('#report-text', (e) => { const ed = NianbaoEditor.of(e); ed.select(ed.length(), ed.length()); });
    // key press to next frame, from a Chromium trace: from each keypress to the end of the
    // next frame's paint on the page's main thread (three runs of 20 keys); then from the
    // last key of a run to the updated results
    await browser.startTracing(page, { categories: ['devtools.timeline'] });
    const settled = [];
    for (let run = 0; run < 3; run++) {
      await page.evaluate(() => {
        window.__last = 0;
        document.querySelector('#report-text').onkeydown = () => { window.__last = performance.now(); };
      });
      for (let i = 0; i < 20; i++) await page.keyboard.type(key, { delay: 0 });
      settled.push(await page.evaluate(() => new Promise((resolve) => {
        const done = () => document.querySelector('.summary').getAttribute('aria-busy') === 'false';
        // the edit reaches the checker after the frame that shows it
        const check = () => (done() ? resolve(performance.now() - window.__last) : requestAnimationFrame(check));
        requestAnimationFrame(() => setTimeout(check, 0));
      })));
      await page.waitForTimeout(300);
    }
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const count = new Map();
    for (const e of events) if (e.name === 'EventDispatch') count.set(e.tid, (count.get(e.tid) || 0) + 1);
    const tid = [...count.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const main = events.filter((e) => e.tid === tid && e.ph === 'X');
    const paints = main.filter((e) => e.name === 'Paint').map((e) => e.ts + e.dur).sort((a, b) => a - b);
    const frames = main
      .filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keypress')
      .map((k) => (paints.find((p) => p > k.ts) - k.ts) / 1000)
      .filter((x) => x >= 0)
      .sort((a, b) => a - b);
    const at = (q) => frames[Math.min(frames.length - 1, Math.floor(frames.length * q))].toFixed(1);
    settled.sort((a, b) => a - b);
    console.log(`typing 3 × 20 '${key}' in a ${Math.round(Buffer.byteLength(big) / 1024)} KB report: key press to next frame median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms (${frames.length} keys); last key to updated results ${settled.map((x) => x.toFixed(0)).join(' / ')} ms (first results after the paste: ${shown} ms)`);
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
