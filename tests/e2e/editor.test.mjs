// The editor as a playground's (CodeMirror, js/editor.js): line numbers, a marker beside each
// line with findings, a marker shows its finding, a finding shown is scrolled into view,
// search in Chinese. Run by scripts/test after the release build.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, root, fill, selection, textOf, markInView } from './harness.mjs';

const idle = (p) => p.waitForFunction(() => document.querySelector('.summary')?.getAttribute('aria-busy') === 'false');
const sample = readFileSync(join(root, 'assets', 'sample.txt'), 'utf8');

let page, stop;
before(async () => {
  ({ page, stop } = await start());
  // the sample twice: long enough to scroll, findings at the end
  await fill(page, '#report-text', sample + '\n' + sample); await idle(page);
  await page.waitForSelector('.findings .finding');
});
after(async () => { await stop?.(); });

// the findings listed: line and severity of each
const listed = () => page.$$eval('.findings .finding', (ls) => ls.map((l) => ({
  line: Number((l.querySelector('.loc').textContent.match(/第 (\d+) 行/) || [])[1]),
  severity: ['error', 'warning', 'info'].find((s) => l.classList.contains(s)),
})));

// the markers drawn: the line number beside each and its severity
const markers = () => page.$$eval('#report-text', ([content]) => {
  const editor = content.closest('.cm-editor');
  const numbers = [...editor.querySelectorAll('.cm-lineNumbers .cm-gutterElement')].filter((e) => e.style.visibility !== 'hidden');
  return [...editor.querySelectorAll('.nb-marker')].map((m) => {
    const top = m.getBoundingClientRect().top;
    const n = numbers.find((e) => { const r = e.getBoundingClientRect(); return r.top <= top + 1 && top < r.bottom; });
    const v = editor.querySelector('.cm-scroller').getBoundingClientRect();
    const r = m.getBoundingClientRect();
    return {
      line: n ? Number(n.textContent) : null,
      severity: ['error', 'warning', 'info'].find((s) => m.classList.contains('nb-' + s)),
      title: m.title,
      // drawn in view (the editor draws a margin of lines beyond it), and where to click
      shown: r.top >= v.top && r.bottom <= v.bottom,
      x: r.left + r.width / 2,
      y: r.top + r.height / 2,
    };
  });
});

const scrollTo = (y) => page.$eval('#report-text', (c, y) => { c.closest('.cm-editor').querySelector('.cm-scroller').scrollTop = y; }, y);

test('the editor numbers its lines', async () => {
  await scrollTo(0);
  await page.waitForTimeout(100);
  const numbers = await page.$$eval('.cm-lineNumbers .cm-gutterElement', (els) => els.filter((e) => e.style.visibility !== 'hidden').map((e) => e.textContent));
  assert.deepEqual(numbers.slice(0, 3), ['1', '2', '3']);
});

test('a marker beside each line with findings, coloured by its most severe', async () => {
  await page.$eval('#report-text', (c) => { c.closest('.cm-editor').querySelector('.cm-scroller').scrollTop = 0; });
  await page.waitForTimeout(100);
  const found = await listed();
  // only the drawn lines have markers: scroll through the report and collect them all
  const seen = new Map();
  for (let y = 0; ; y += 300) {
    const end = await page.$eval('#report-text', (c, y) => { const s = c.closest('.cm-editor').querySelector('.cm-scroller'); s.scrollTop = y; return s.scrollTop + s.clientHeight >= s.scrollHeight - 1; }, y);
    await page.waitForTimeout(50);
    for (const m of await markers()) seen.set(m.line, m);
    if (end) break;
  }
  const rank = { error: 0, warning: 1, info: 2 };
  const want = new Map();
  for (const f of found) if (!want.has(f.line) || rank[f.severity] < rank[want.get(f.line)]) want.set(f.line, f.severity);
  assert.ok(want.size >= 4, `findings on several lines: ${[...want.keys()]}`);
  assert.deepEqual([...seen.keys()].sort((a, b) => a - b), [...want.keys()].sort((a, b) => a - b));
  for (const [line, m] of seen) {
    assert.equal(m.severity, want.get(line), `line ${line}`);
    assert.match(m.title, /^[A-Z]\d{3} (错误|警告|提示)：/);
  }
});

test('clicking a marker shows its finding: its value selected, the finding highlighted in the list', async () => {
  let m;
  for (let y = 0; !m && y < 3000; y += 200) {
    await scrollTo(y);
    await page.waitForTimeout(50);
    m = (await markers()).find((m) => m.shown);
  }
  assert.ok(m, 'a marker is in view');
  await page.mouse.click(m.x, m.y);
  const current = page.locator('li.finding.current');
  assert.equal(await current.count(), 1);
  assert.equal(await current.getAttribute('aria-current'), 'true');
  assert.match(await current.locator('.loc').textContent(), new RegExp(`第 ${m.line} 行`));
  assert.ok(await current.evaluate((li) => { const r = li.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }), 'the finding is scrolled into view');
  const sel = await selection(page);
  assert.equal(sel.line, m.line);
  assert.ok(sel.s.length > 0);
  assert.ok(await markInView(page, '#report-text'));
});

test('a finding shown from the list is scrolled into the editor\'s view', async () => {
  await page.$eval('#report-text', (c) => { c.closest('.cm-editor').querySelector('.cm-scroller').scrollTop = 0; });
  // the last finding of the list is in the second copy of the sample, far below
  const found = await listed();
  const last = Math.max(...found.map((f) => f.line));
  assert.ok(last > 100, `a finding far down (line ${last})`);
  await page.locator('.findings .finding', { hasText: `第 ${last} 行` }).first().locator('button.loc').click();
  await page.waitForTimeout(100);
  assert.ok(await markInView(page, '#report-text'), 'the value is visible in the editor');
  assert.equal((await selection(page)).line, last);
  // a table cell too
  await page.$eval('#report-text', (c) => { c.closest('.cm-editor').querySelector('.cm-scroller').scrollTop = 1e6; });
  await page.click('#tab-tables');
  await page.click('td[data-path="t3.granted.total"]');
  await page.waitForTimeout(100);
  assert.ok(await markInView(page, '#report-text'), 'the cell\'s value is visible in the editor');
  assert.equal((await selection(page)).s, '7');
  await page.click('#tab-findings');
});

test('Ctrl+F searches the whole report, in Chinese', async () => {
  await page.$eval('#report-text', (c) => NianbaoEditor.of(c).select(0, 0));
  await page.keyboard.press('Control+f');
  const input = page.locator('.cm-search input[name=search]');
  await input.waitFor();
  assert.equal(await input.getAttribute('placeholder'), '查找');
  assert.ok(await page.isVisible('.cm-search button[name=next]:text("下一个")'));
  await page.keyboard.type('行政复议');
  // (the panel takes its query on a key's release: typed Chinese is inserted without one)
  await page.keyboard.press('End');
  // the first of the second copy of the sample is far below, found though its lines were
  // never drawn
  const n = sample.split('行政复议').length - 1;
  for (let i = 0; i <= n; i++) await page.keyboard.press('Enter');
  const sel = await selection(page);
  assert.equal(sel.s, '行政复议');
  assert.ok(sel.line > sample.split('\n').length, `line ${sel.line}`);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.cm-search').count(), 0);
  assert.equal(await textOf(page), sample + '\n' + sample);
});

test('typed keys reach the checker: the report is of the text typed', async () => {
  await fill(page, '#report-text', sample); await idle(page);
  await page.$eval('#report-text', (c) => { const ed = NianbaoEditor.of(c); ed.select(ed.length(), ed.length()); });
  await page.keyboard.type('\n补充说明abc', { delay: 5 });
  await page.waitForFunction(() => document.querySelector('.summary')?.getAttribute('aria-busy') === 'false');
  await page.waitForTimeout(200); await idle(page);
  assert.equal(await textOf(page), sample + '\n补充说明abc');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=导出 JSON')]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(exported.source.bytes, Buffer.byteLength(sample + '\n补充说明abc'));
});

test('the page\'s own changes are no steps of Ctrl+Z: 撤销 takes them back, with what was typed', async () => {
  await fill(page, '#report-text', '我的草稿'); await idle(page);
  await page.keyboard.type('abc');
  await page.click('.toolbar >> text=载入示例');
  assert.equal(await textOf(page), sample);
  await page.focus('#report-text');
  await page.keyboard.press('Control+z');
  assert.equal(await textOf(page), sample, 'Ctrl+Z leaves the sample');
  await page.click('.notice .undo');
  assert.equal(await textOf(page), '我的草稿abc');
});

test('in a very long text, keys typed just before the page replaces it are kept for 撤销', async () => {
  let big = sample;
  while (big.length < 1_100_000) big += '\n' + sample;
  await fill(page, '#report-text', big);
  await page.$eval('#report-text', (c) => { const ed = NianbaoEditor.of(c); ed.select(ed.length(), ed.length()); });
  await page.keyboard.type('XYZ');
  // at once: the editor tells the page of typing in so long a text only once it pauses
  await page.click('.toolbar >> text=载入示例');
  await page.click('.notice .undo');
  assert.equal((await textOf(page)).slice(-3), 'XYZ');
  await fill(page, '#report-text', ''); await idle(page);
});
