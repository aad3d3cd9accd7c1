// The offline single file, the portal widget with its postMessage API, and the JS API, in
// headless Debian Chromium. Run by scripts/test after scripts/build-release.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import net from 'node:net';
import { chromium } from 'playwright-core';
import { fill } from './harness.mjs';

// the checker runs in a Web Worker: wait until the results shown are those of the editor's text
const idle = (p) => p.waitForFunction(() => document.querySelector('.summary')?.getAttribute('aria-busy') === 'false');

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const seedPath = join(root, '..', 'shared', 'corpus', 'seed-zhoukou-kejiju-2019.txt');
const text = existsSync(seedPath) ? readFileSync(seedPath, 'utf8') : readFileSync(join(root, 'assets', 'sample.txt'), 'utf8');
const expectedCodes = existsSync(seedPath) ? ['C104', 'C111', 'N108', 'S203', 'X114'] : ['N101', 'T302', 'T303'];

const servers = [];
let browser;

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

async function serve(dir) {
  const port = await freePort();
  const proc = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
  servers.push(proc);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { await fetch(url + '/'); return url; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error('server did not start');
}

function cliJson(input) {
  try {
    return JSON.parse(execFileSync(join(root, 'target', 'release', 'nianbao'), ['check', '--format', 'json', '-'], { input, maxBuffer: 1 << 26 }).toString());
  } catch (e) {
    if (e.status === 1) return JSON.parse(e.stdout.toString());
    throw e;
  }
}

// two reports (this year, last year) for the cross-year rules: a synthetic pair with Y102
const yDir = join(root, 'crates', 'nianbao-core', 'tests', 'fixtures', 'rules', 'Y102');
const thisYear = readFileSync(join(yDir, 'fail.txt'), 'utf8');
const lastYear = readFileSync(join(yDir, 'fail.previous.txt'), 'utf8');

// the CLI's report with --previous, named as the web/JS side names a pasted previous (null)
function cliJsonWithPrevious(input) {
  const args = ['check', '--format', 'json', '--previous', join(yDir, 'fail.previous.txt'), '-'];
  let out;
  try {
    out = execFileSync(join(root, 'target', 'release', 'nianbao'), args, { input, maxBuffer: 1 << 26 }).toString();
  } catch (e) {
    if (e.status !== 1) throw e;
    out = e.stdout.toString();
  }
  const r = JSON.parse(out);
  r.previous.name = null;
  return r;
}

let widgetUrl, hostUrl, otherUrl;

before(async () => {
  assert.ok(existsSync(join(root, 'dist', 'nianbao.html')), 'run scripts/build-release first');
  widgetUrl = await serve(join(root, 'dist'));
  hostUrl = await serve(join(root, 'examples'));
  otherUrl = await serve(join(root, 'examples'));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--allow-file-access-from-files=false'],
  });
});

after(async () => {
  await browser?.close();
  servers.forEach((s) => s.kill());
});

test('the single file works from file:// with no other request', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(join(root, 'dist', 'nianbao.html')).href;
  await page.goto(url);
  await page.waitForSelector('#report-text');
  await fill(page, '#report-text', text); await idle(page);
  await page.waitForSelector('.findings .finding');
  const codes = [...new Set(await page.$$eval('.findings .finding .code', (els) => els.map((e) => e.textContent.trim())))].sort();
  assert.deepEqual(codes, expectedCodes);
  assert.deepEqual(requests.filter((u) => u !== url && !u.startsWith('blob:') && !u.startsWith('data:')), []);
  await context.close();
});

test('the normal page saved with "save page as" works from file://', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${widgetUrl}/`);
  // the running app keeps copies of its glue and wasm in the page for saving
  await page.waitForSelector('#nianbao-keep-wasm', { state: 'attached' });
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-saved-'));
  const saved = join(dir, 'saved.html');
  writeFileSync(saved, await page.content()); // what "save page as, complete" writes: the DOM
  const offline = await context.newPage();
  const requests = [];
  offline.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(saved).href;
  await offline.goto(url);
  await offline.waitForSelector('#report-text');
  await fill(offline, '#report-text', text); await idle(offline);
  await offline.waitForSelector('.findings .finding');
  const codes = [...new Set(await offline.$$eval('.findings .finding .code', (els) => els.map((e) => e.textContent.trim())))].sort();
  assert.deepEqual(codes, expectedCodes);
  assert.equal(await offline.$$eval('#report-text', (els) => els.length), 1, 'mounted once');
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:')), []);
  await context.close();
});

test('a host page on another port gets the report through postMessage', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${hostUrl}/embed.html?widget=${encodeURIComponent(widgetUrl + '/')}`);
  const frame = await (await page.waitForSelector('iframe#nianbao')).contentFrame();
  await frame.waitForSelector('#report-text');
  const report = await page.evaluate((t) => window.nianbaoCheck(t), text);
  assert.deepEqual(report, cliJson(text));
  // with last year's report: the cross-year rules run
  const two = await page.evaluate(([t, p]) => window.nianbaoCheck(t, p), [thisYear, lastYear]);
  assert.ok(two.findings.some((f) => f.code === 'Y102'));
  assert.deepEqual(two, cliJsonWithPrevious(thisYear));
  // empty, the widget invites a report: no verdict in red, no findings
  await frame.waitForSelector('.verdict.idle');
  assert.equal(await frame.$$eval('.finding, .filters', (e) => e.length), 0);
  // the widget tells the host its height, and again when the content grows
  await page.waitForFunction(() => parseInt(document.getElementById('nianbao').style.height) >= 200);
  await fill(frame, '#report-text', text); await idle(frame);
  await frame.waitForSelector('.findings .finding');
  await page.waitForFunction(() => parseInt(document.getElementById('nianbao').style.height) >= 400);
  // the widget is compact: no page chrome, a link to the full page that carries no report
  assert.equal(await frame.$('header.top'), null);
  const full = await frame.getAttribute('.embed-foot a', 'href');
  assert.equal(full, './');
  await context.close();
});

test('another origin and malformed messages get no answer', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  // a page on a third origin frames the widget that only allows the host's origin
  await page.goto(`${otherUrl}/embed.html?widget=${encodeURIComponent(widgetUrl + '/')}`);
  const answered = await page.evaluate(async ({ widget, allowed }) => {
    const f = document.createElement('iframe');
    f.src = `${widget}/?embed=1&origins=${encodeURIComponent(allowed)}`;
    document.body.appendChild(f);
    await new Promise((r) => f.addEventListener('load', r));
    await new Promise((r) => setTimeout(r, 500));
    let got = false;
    window.addEventListener('message', (ev) => { if (ev.data && ev.data.type === 'nianbao:result') got = true; });
    f.contentWindow.postMessage({ type: 'nianbao:check', id: 7, text: '一、总体情况' }, widget);
    await new Promise((r) => setTimeout(r, 1000));
    return got;
  }, { widget: widgetUrl, allowed: hostUrl });
  assert.equal(answered, false);
  assert.ok(warnings.some((w) => w.includes('未授权来源')), warnings.join('\n'));
  // from the allowed origin, a message of the wrong shape is ignored too
  await page.goto(`${hostUrl}/embed.html?widget=${encodeURIComponent(widgetUrl + '/')}`);
  const frame = await (await page.waitForSelector('iframe#nianbao')).contentFrame();
  await frame.waitForSelector('#report-text');
  const malformed = await page.evaluate(async (widget) => {
    let got = false;
    window.addEventListener('message', (ev) => { if (ev.data && ev.data.type === 'nianbao:result') got = true; });
    document.getElementById('nianbao').contentWindow.postMessage({ type: 'nianbao:check', id: 8, text: 42 }, widget);
    document.getElementById('nianbao').contentWindow.postMessage('nianbao:check', widget);
    await new Promise((r) => setTimeout(r, 800));
    return got;
  }, widgetUrl);
  assert.equal(malformed, false);
  await context.close();
});

test('the JS API returns the same report as the CLI', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${widgetUrl}/`);
  const report = await page.evaluate(async (t) => {
    const m = await import('/js/nianbao.js');
    await m.default();
    return m.check(t);
  }, text);
  assert.deepEqual(report, cliJson(text));
  const two = await page.evaluate(async ([t, p]) => (await import('/js/nianbao.js')).check(t, { previous: p }), [thisYear, lastYear]);
  assert.deepEqual(two, cliJsonWithPrevious(thisYear));
  const late = await page.evaluate(async (t) => (await import('/js/nianbao.js')).check(t, { published: '2024-02-17' }), thisYear);
  assert.ok(late.findings.some((f) => f.code === 'P101'));
  const named = await page.evaluate(async () => (await import('/js/nianbao.js')).check('x', { name: 'a.txt' }).source.name);
  assert.equal(named, 'a.txt');
  const rules = await page.evaluate(async () => (await import('/js/nianbao.js')).rules().length);
  assert.ok(rules >= 40);
  // files: the bytes of a text file, a .docx, a .doc and two PDFs give the CLI's report for
  // the same file (a PDF's findings and cells with their pages), and fileText the text its
  // spans point into (`nianbao text`)
  const fixtures = join(root, 'crates', 'nianbao-core', 'tests', 'fixtures');
  const cli = join(root, 'target', 'release', 'nianbao');
  for (const name of ['sample-2021.txt', 'sample-2021.docx', 'sample-2021.doc', 'sample-2021.pdf', 'sample-2021.chromium.pdf', 'sample-2021.borderless.pdf']) {
    const path = join(fixtures, name);
    const bytes = [...readFileSync(path)];
    const fromFile = await page.evaluate(async ([b, n]) => (await import('/js/nianbao.js')).checkFile(new Uint8Array(b), { name: n }), [bytes, name]);
    // (the CLI's exit code says whether there are errors: the PDF has some)
    assert.deepEqual(fromFile, JSON.parse(spawnSync(cli, ['check', '--format', 'json', path]).stdout.toString()), name);
    if (name.endsWith('.pdf')) assert.ok(fromFile.tables.t3.rows.total_processed.cells.total.page >= 2, name);
    const text = await page.evaluate(async (b) => (await import('/js/nianbao.js')).fileText(new Uint8Array(b)), bytes);
    assert.equal(text, execFileSync(cli, ['text', path]).toString(), name);
  }
  // a PDF without a page is refused with its reason
  const refused = await page.evaluate(async () => {
    try { (await import('/js/nianbao.js')).checkFile(new TextEncoder().encode('%PDF-1.7\n')); return null; } catch (e) { return e.message; }
  });
  assert.match(refused, /PDF/);
  await context.close();
});
