// What the browser tests share: dist/ served on 127.0.0.1 (a free port), headless Debian
// Chromium with the project's flags, every request recorded and anything not from the page
// itself refused, one page opened on the app.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { chromium } from 'playwright-core';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

async function waitFor(url) {
  for (let i = 0; i < 100; i++) {
    try { await fetch(url); return; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error('server did not start');
}

/// Serves dist/ and opens the app: `{ base, browser, context, page, requests, stop }`.
export async function start() {
  assert.ok(existsSync(join(root, 'dist', 'index.html')), 'dist/ missing: run the release build first');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/`;
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', join(root, 'dist')], { stdio: 'ignore' });
  await waitFor(base);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
  const requests = [];
  // every request is recorded; anything not from our own server is refused
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url.startsWith(base) || url.startsWith('blob:') || url.startsWith('data:')) route.continue();
    else route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('# page error:', e.message));
  await page.goto(base);
  await page.waitForSelector('#report-text');
  const stop = async () => { await browser.close(); server.kill(); };
  return { base, browser, context, page, requests, stop };
}

/// The text in the editor whose content element is `sel` (CodeMirror: js/editor.js).
export const textOf = (p, sel = '#report-text') => p.$eval(sel, (e) => NianbaoEditor.of(e).text());

/// The text selected in the editor `sel` and the line it starts on.
export const selection = (p, sel = '#report-text') => p.$eval(sel, (e) => {
  const ed = NianbaoEditor.of(e);
  const [a, b] = ed.selection();
  const t = ed.text();
  return { s: t.slice(a, b), line: t.slice(0, a).split('\n').length };
});

/// The text selected in the editor `sel`.
export const selectedText = async (p, sel = '#report-text') => (await selection(p, sel)).s;

/// Replaces the whole text of the editor `sel` as a user's edit would (Playwright's fill
/// types megabytes slowly).
export const replaceAll = (p, sel, t) => p.$eval(sel, (e, t) => {
  const ed = NianbaoEditor.of(e);
  ed.edit(0, ed.length(), t);
}, t);

/// Pastes `t` over the whole text of the editor `sel` as a user does: Ctrl+A, then a paste
/// of plain text, which the editor inserts itself (Playwright's fill selects only the lines
/// the editor has drawn, and its typed text loses newlines at the ends); '' is Ctrl+A, Delete.
export async function fill(p, sel, t) {
  const keyboard = p.keyboard ?? p.page().keyboard;
  await p.focus(sel);
  await keyboard.press('Control+A');
  if (!t) {
    await keyboard.press('Delete');
    // (a key's edit reaches the page after the next frame: now)
    return p.$eval(sel, (e) => NianbaoEditor.of(e).flush());
  }
  await p.$eval(sel, (e, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    e.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, t);
}

/// Is the primary mark (the value of the finding shown) of the editor `sel` in its view?
export const markInView = (p, sel) => p.$eval(sel, (content) => {
  const editor = content.closest('.cm-editor');
  const mark = editor.querySelector('.nb-mark.primary');
  if (!mark) return false;
  const m = mark.getBoundingClientRect();
  const v = editor.querySelector('.cm-scroller').getBoundingClientRect();
  return m.height > 0 && m.top >= v.top && m.bottom <= v.bottom;
});
