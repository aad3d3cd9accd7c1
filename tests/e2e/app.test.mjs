// End-to-end tests of the release web app in headless Debian Chromium (playwright-core).
// Run by scripts/test after `trunk build --release`: node --test tests/e2e/
// The seed report is read from ../shared/corpus when present, else the synthetic sample.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, textOf, selectedText, selection, replaceAll, fill, markInView } from './harness.mjs';

// the checker runs in a Web Worker: wait until the results shown are those of the editor's text
const idle = (p) => p.waitForFunction(() => document.querySelector('.summary')?.getAttribute('aria-busy') === 'false');

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const artifacts = join(root, 'tests', 'artifacts');
mkdirSync(artifacts, { recursive: true });
const seedPath = join(root, '..', 'shared', 'corpus', 'seed-zhoukou-kejiju-2019.txt');
const haveSeed = existsSync(seedPath);
// what the report must show, and one finding to click: its code, the text it selects and its cell
const fixture = haveSeed
  ? { text: readFileSync(seedPath, 'utf8'), codes: ['C104', 'C111', 'N108', 'S203', 'X114'], click: 'N108', selects: '20.66', cell: 't2.procurement.amount', cellClass: 'info' }
  : { text: readFileSync(join(root, 'assets', 'sample.txt'), 'utf8'), codes: ['N101', 'T302', 'T303'], click: 'T303', selects: '7', cell: 't3.granted.total', cellClass: 'error' };
if (!haveSeed) console.log('# ../shared/corpus not found: using the synthetic sample');

let browser, context, page, base, requests, stop;



before(async () => {
  ({ base, browser, context, page, requests, stop } = await start());
});

after(async () => {
  await stop?.();
});

// the CLI exits 1 when there are error findings: read its stdout either way
function cliJson(text) {
  try {
    return execFileSync(join(root, 'target', 'release', 'nianbao'), ['check', '--format', 'json', '-'], { input: text, maxBuffer: 1 << 26 }).toString();
  } catch (e) {
    if (e.status === 1) return e.stdout.toString();
    throw e;
  }
}

const codesShown = () => page.$$eval('.findings .finding .code', (els) => els.map((e) => e.textContent.trim()));

test('the empty page invites a report instead of accusing it', async () => {
  assert.equal(await textOf(page, '#report-text'), '');
  assert.equal(await page.getAttribute('.verdict', 'class'), 'verdict idle');
  assert.match(await page.textContent('.verdict'), /粘贴报告全文/);
  assert.equal(await page.$$eval('.finding, .tabs, .filters, .missing-table', (e) => e.length), 0);
  assert.match(await page.textContent('.welcome'), /粘贴报告全文/);
  assert.ok(await page.isVisible('.toolbar >> text=载入示例'), 'the sample button is offered');
});

test('pasting the report shows its findings and the verdict', async () => {
  await fill(page, '#report-text', fixture.text); await idle(page);
  await page.waitForFunction((n) => document.querySelectorAll('.findings .finding').length >= n, fixture.codes.length);
  const codes = [...new Set(await codesShown())].sort();
  assert.deepEqual(codes, fixture.codes);
  const verdict = await page.textContent('.verdict');
  assert.match(verdict, /发现 \d+ 个错误、\d+ 个警告/);
  assert.equal(await page.getAttribute('.verdict', 'class'), 'verdict fail');
  assert.equal(await page.getAttribute('.summary', 'aria-live'), 'polite');
  await page.screenshot({ path: join(artifacts, 'findings.png'), fullPage: true });
});

test('clicking a finding selects its value in the editor', async () => {
  const item = page.locator('.finding', { has: page.locator('.code', { hasText: fixture.click }) }).first();
  await item.locator('button.loc').click();
  const selected = await selectedText(page, '#report-text');
  assert.equal(selected, fixture.selects);
  assert.ok(await page.$('.nb-mark.primary'), 'the primary span is marked');
});

test('the tables view highlights the cell of the finding', async () => {
  await page.click('#tab-tables');
  const cls = await page.getAttribute(`td[data-path="${fixture.cell}"]`, 'class');
  assert.match(cls, new RegExp(`\\b${fixture.cellClass}\\b`));
  await page.screenshot({ path: join(artifacts, 'tables.png'), fullPage: true });
  await page.click(`td[data-path="${fixture.cell}"]`);
  const selected = await selectedText(page, '#report-text');
  assert.equal(selected, fixture.selects);
  await page.click('#tab-findings');
});

test('the print view has the verdict, the findings and the tables', async () => {
  await page.emulateMedia({ media: 'print' });
  // the print view is drawn when print media applies
  await page.waitForSelector('.print-only', { state: 'attached' });
  const printed = await page.$eval('.print-only', (e) => ({ visible: getComputedStyle(e).display !== 'none', text: e.innerText, tables: e.querySelectorAll('table.official').length }));
  await page.emulateMedia({ media: 'screen' });
  assert.ok(printed.visible);
  assert.match(printed.text, /发现 \d+ 个错误/);
  assert.ok(printed.text.includes(fixture.click));
  assert.equal(printed.tables, 3);
  // the header: agency, year, format, time of the check, counts with the dismissed ones
  assert.match(printed.text, /机关\s*[^\s未]/);
  assert.match(printed.text, /年度\s*\d{4}年度/);
  assert.match(printed.text, /格式\s*20(19 试行格式|21 格式)/);
  assert.match(printed.text, /检查时间\s*\d{4}-\d\d-\d\d \d\d:\d\d/);
  assert.match(printed.text, /错误 \d+ · 警告 \d+ · 提示 \d+ · 已确认无误（忽略）\d+/);
  await page.emulateMedia({ media: 'print' });
  // none of the page's controls is printed
  for (const sel of ['.toolbar', '#report-text', '.tabs', '.filters', 'details.previous']) {
    assert.equal(await page.$eval(sel, (e) => e.getClientRects().length), 0, `${sel} is not printed`);
  }
  await page.screenshot({ path: join(artifacts, 'print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
});

test('the rule documentation opens from a finding', async () => {
  await page.locator('.finding .code', { hasText: fixture.click }).first().click();
  const doc = await page.textContent('.dialog');
  assert.match(doc, /检查什么/);
  // formatted, not markdown: headings are headings, report text is <code>, no ## or backticks
  const headings = await page.$$eval('.dialog .doc h3', (hs) => hs.map((h) => h.textContent));
  assert.deepEqual(headings.filter((h) => h !== '依据'), ['检查什么', '为什么重要', '示例']);
  assert.ok(await page.$('.dialog .doc code'), 'report text is set as code');
  assert.doesNotMatch(doc, /##|`/);
  await page.click('.dialog button');
  assert.equal(await page.$('.dialog'), null);
});

test('exported JSON equals the CLI JSON for the same text', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=导出 JSON')]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  const shown = await textOf(page, '#report-text');
  const cli = JSON.parse(cliJson(shown));
  assert.deepEqual(exported, cli);
});

test('CSV export for Excel: BOM, Chinese headers and rule names, named after the report', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=导出 CSV')]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.equal(csv.charCodeAt(0), 0xfeff);
  const [header, ...rows] = csv.slice(1).trim().split('\n');
  assert.equal(header.split(',').slice(0, 6).join(','), '文件,机关,年度,规则,规则名称,级别');
  const row = rows.find((r) => r.includes(`,${fixture.click},`));
  assert.ok(row, csv);
  const cells = row.split(',');
  const summary = await page.$eval(`#nianbao-summary-${fixture.click}`, (e) => e.textContent);
  assert.equal(cells[4], summary, 'the rule name is its Chinese summary');
  assert.match(cells[5], /^(错误|警告|提示)$/);
  assert.match(download.suggestedFilename(), /^.+\d{4}年年报检查\.csv$/);
});

test('the draft survives a reload', async () => {
  await page.reload(); await idle(page);
  await page.waitForSelector('.findings .finding');
  const value = await textOf(page, '#report-text');
  assert.equal(value, fixture.text.replace(/\r\n?/g, '\n'));
});

test('a dismissed finding stays dismissed after a reload', async () => {
  const before = (await codesShown()).length;
  const item = page.locator('.finding', { has: page.locator('.code', { hasText: fixture.click }) }).first();
  await item.locator('button.dismiss').click();
  await item.locator('.dismiss-form input').fill('已与原表核对');
  await item.locator('.dismiss-form button[type=submit]').click();
  await page.waitForFunction((n) => document.querySelectorAll('.findings .finding').length === n - 1, before);
  await page.reload(); await idle(page);
  await page.waitForSelector('.dismissed summary');
  assert.match(await page.textContent('.dismissed summary'), /1 项已忽略/);
  assert.equal((await codesShown()).length, before - 1);
  // the export carries the reason
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=导出 JSON')]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(exported.summary.dismissed, 1);
  assert.ok(exported.findings.some((f) => f.dismissed && f.dismissed.reason === '已与原表核对'));
  // undo
  await page.click('.dismissed summary');
  await page.click('.dismissed button');
  await page.waitForFunction((n) => document.querySelectorAll('.findings .finding').length === n, before);
});

test('rich paste of a web page table keeps its structure', async () => {
  await fill(page, '#report-text', ''); await idle(page);
  const html = '<p>二、主动公开政府信息情况</p><table><tr><td colspan=4>第二十条第（一）项</td></tr><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr><tr><td>规章</td><td>&nbsp;1</td><td>0</td><td>3</td></tr></table>';
  await page.$eval('#report-text', (ta, html) => {
    ta.focus();
    const dt = new DataTransfer();
    dt.setData('text/html', html);
    dt.setData('text/plain', 'plain');
    ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
  const value = await textOf(page, '#report-text');
  assert.match(value, /规章\t1\t0\t3/);
  await page.click('#tab-tables');
  assert.equal((await page.textContent('td[data-path="t2.regulations.issued"]')).trim(), '1');
  await page.click('#tab-findings');
});

test('the page fits a 360 px phone and keeps working', async () => {
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 360, height: 740 });
  await phone.goto(base);
  await phone.waitForSelector('.findings .finding');
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await phone.screenshot({ path: join(artifacts, 'phone.png'), fullPage: true });
  await phone.close();
});

test('every form control has a label and every button a name', async () => {
  const unnamed = await page.$$eval('button, input, textarea, [contenteditable]', (els) => els
    .filter((e) => e.type !== 'hidden' && !e.closest('.visually-hidden'))
    .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim() && !e.closest('label'))
    .map((e) => e.outerHTML.slice(0, 80)));
  assert.deepEqual(unnamed, []);
});

test('two-report mode: last year\'s report runs the cross-year rules and is kept', async () => {
  const yDir = join(root, 'crates', 'nianbao-core', 'tests', 'fixtures', 'rules', 'Y102');
  const thisYear = readFileSync(join(yDir, 'fail.txt'), 'utf8');
  const lastYear = readFileSync(join(yDir, 'fail.previous.txt'), 'utf8');
  await fill(page, '#report-text', thisYear); await idle(page);
  await page.click('details.previous summary');
  await fill(page, '#previous-text', lastYear); await idle(page);
  const y102 = page.locator('.finding', { has: page.locator('.code', { hasText: 'Y102' }) }).first();
  await y102.waitFor();
  // clicking marks this year's cell in the report and last year's cell in the second editor
  await y102.locator('button.loc').click();
  const now = await selection(page, '#report-text');
  const last = await selection(page, '#previous-text');
  assert.equal(now.s, '12');
  assert.equal(last.s, '12');
  assert.match(thisYear.split('\n')[now.line - 1], /^行政规范性文件/);
  assert.match(lastYear.split('\n')[last.line - 1], /^行政规范性文件/);
  assert.ok(await page.$('details.previous .nb-mark.primary'), 'last year\'s cell is marked');
  // both values in view, each in its editor
  assert.ok(await markInView(page, '#report-text'), 'this year\'s value is in view');
  assert.ok(await markInView(page, '#previous-text'), 'last year\'s value is in view');
  await page.screenshot({ path: join(artifacts, 'two-reports.png'), fullPage: true });
  // the export is the CLI's report with --previous (a pasted previous report has no name)
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=导出 JSON')]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  let out;
  try {
    out = execFileSync(join(root, 'target', 'release', 'nianbao'), ['check', '--format', 'json', '--previous', join(yDir, 'fail.previous.txt'), '-'], { input: thisYear }).toString();
  } catch (e) {
    out = e.stdout.toString();
  }
  const cli = JSON.parse(out);
  cli.previous.name = null;
  assert.deepEqual(exported, cli);
  // last year's report is kept like the draft, and only on this machine
  await page.reload(); await idle(page);
  await page.waitForSelector('.finding .code');
  assert.equal(await textOf(page, '#previous-text'), lastYear.replace(/\r\n?/g, '\n'));
  assert.equal(await page.$eval('details.previous', (d) => d.open), true);
  assert.ok((await codesShown()).includes('Y102'));
  // emptying it turns the cross-year rules off
  await fill(page, '#previous-text', ''); await idle(page);
  await page.waitForFunction(() => ![...document.querySelectorAll('.finding .code')].some((e) => e.textContent.trim().startsWith('Y')));
});

const fixtureText = (code, kind) => readFileSync(join(root, 'crates', 'nianbao-core', 'tests', 'fixtures', 'rules', code, `${kind}.txt`), 'utf8');

test('the verdict is red only for errors; filters that hide everything say so', async () => {
  await fill(page, '#report-text', fixtureText('C101', 'fail')); await idle(page);
  await page.waitForFunction(() => document.querySelector('.verdict').className === 'verdict warn');
  assert.equal(await page.textContent('.verdict'), '未发现错误，1 个警告');
  await fill(page, '#report-text', fixtureText('C101', 'pass')); await idle(page);
  await page.waitForFunction(() => document.querySelector('.verdict').className === 'verdict pass');
  assert.equal(await page.textContent('.verdict'), '未发现错误');
  await fill(page, '#report-text', fixture.text); await idle(page);
  await page.waitForSelector('.findings .finding');
  const boxes = page.locator('.filters input[type=checkbox]');
  for (let i = 0; i < 3; i++) await boxes.nth(i).uncheck();
  assert.match(await page.textContent('.hidden-all'), /筛选条件隐藏了全部 \d+ 个问题/);
  for (let i = 0; i < 3; i++) await boxes.nth(i).check();
  assert.equal(await page.$('.hidden-all'), null);
});

test('a file that is not a report leaves the draft untouched and says why', async () => {
  await fill(page, '#report-text', '我的草稿'); await idle(page);
  const input = page.locator('.toolbar input[type=file][accept]');
  const cases = [
    ['报告.docx', Buffer.from('PK\x03\x04\x14\x00\x06\x00word/document.xml'), /未打开“报告.docx”：文件已损坏或不完整/],
    ['表格.xlsx', Buffer.from('PK\x03\x04\x14\x00\x06\x00xl/workbook.xml'), /未打开“表格.xlsx”：/],
    ['报告.pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj'), /未打开“报告.pdf”：该 PDF 已损坏或不完整/],
    ['空.txt', Buffer.from('  \n'), /未打开“空.txt”：文件为空/],
    ['x.bin', Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]), /未打开“x.bin”/],
  ];
  for (const [name, buffer, message] of cases) {
    await input.setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
    await page.waitForSelector('.notice.error');
    assert.match(await page.textContent('.notice.error'), message);
    assert.equal(await page.getAttribute('.notice.error', 'role'), 'alert');
    assert.equal(await textOf(page, '#report-text'), '我的草稿');
    await page.click('.notice .close');
  }
  // a draft was never replaced, so reloading restores it
  await page.reload(); await idle(page);
  await page.waitForSelector('#report-text');
  assert.equal(await textOf(page, '#report-text'), '我的草稿');
});

test('opening a file over a draft asks first, and 撤销 brings the draft back', async () => {
  await fill(page, '#report-text', '我的草稿'); await idle(page);
  const input = page.locator('.toolbar input[type=file][accept]');
  const file = { name: '新报告.txt', mimeType: 'text/plain', buffer: Buffer.from(fixture.text) };
  page.once('dialog', (d) => d.dismiss());
  await input.setInputFiles(file);
  await page.waitForTimeout(300);
  assert.equal(await textOf(page, '#report-text'), '我的草稿', 'declined: the draft stays');
  page.once('dialog', (d) => d.accept());
  await input.setInputFiles(file);
  await page.waitForSelector('.notice .undo');
  assert.equal(await textOf(page, '#report-text'), fixture.text);
  await page.click('.notice .undo');
  assert.equal(await textOf(page, '#report-text'), '我的草稿');
});

test('a 10 MB draft is kept (IndexedDB), restored after a reload and checked only on request', async () => {
  let big = fixture.text;
  while (big.length < 3_500_000) big += '\n' + fixture.text;
  await replaceAll(page, '#report-text', big);
  await page.waitForSelector('.summary .large');
  assert.match(await page.textContent('.summary .large'), /报告超过 2 MB/);
  // kept once IndexedDB has it (the mark in localStorage says so)
  await page.waitForFunction(() => localStorage.getItem('nianbao:draft:large') !== null, null, { timeout: 30000, polling: 100 });
  await page.reload();
  await page.waitForFunction((n) => NianbaoEditor.of(document.querySelector('#report-text'))?.length() === n, big.length, { timeout: 30000, polling: 100 });
  await page.waitForSelector('.summary .large');
  // the restored draft is no step of Ctrl+Z
  await page.focus('#report-text');
  await page.keyboard.press('Control+z');
  assert.equal(await page.$eval('#report-text', (e) => NianbaoEditor.of(e).length()), big.length);
  await page.click('.summary .large button');
  await idle(page);
  assert.match(await page.getAttribute('.verdict', 'class'), /verdict (fail|warn)/);
  await fill(page, '#report-text', ''); await idle(page);
  await page.waitForTimeout(500);
});

test('the suspect cell: named with its value, marked in the tables, put right in one undoable edit', async () => {
  const text = fixtureText('T303', 'fail');
  await fill(page, '#report-text', text); await idle(page);
  const t303 = page.locator('.finding', { has: page.locator('.code', { hasText: 'T303' }) }).first();
  assert.match(await t303.locator('.suspect').textContent(), /最可能出错：表三“[^”]+”行“总计”列，应为 4/);
  // each table's state above the findings
  assert.match(await page.textContent('.summary .tables-state'), /^表二 \S+ 表三 ✗2 表四 \S+$/);
  await page.click('#tab-tables');
  const cell = page.locator('td[data-path="t3.unable_not_held.total"]');
  assert.match(await cell.getAttribute('class'), /suspect/);
  assert.match(await cell.textContent(), /应为 4/);
  // only that cell is the suspect, though the whole row and column are marked
  assert.equal(await page.locator('td.cell.suspect').count(), 1);
  await page.click('#tab-findings');
  // selecting the finding marks the suspect value in the editor apart from the operands
  await t303.locator('button.loc').click();
  assert.equal(await page.locator('.nb-mark.suspect').count(), 1);
  assert.equal((await page.textContent('.nb-mark.suspect')).trim(), '5');
  await t303.locator('button.fix').click();
  await idle(page);
  assert.equal(await page.locator('.finding .code', { hasText: 'T303' }).count(), 0, 'the row now adds up');
  assert.notEqual(await textOf(page, '#report-text'), text);
  await page.click('.notice .undo');
  assert.equal(await textOf(page, '#report-text'), text.replace(/\r\n?/g, '\n'));
  await fill(page, '#report-text', ''); await idle(page);
});

test('a checker that cannot start says so instead of checking forever, and the draft stays', async () => {
  const broken = await browser.newContext();
  await broken.route('**/*', (route) => (route.request().url().endsWith('nianbao-check_bg.wasm') ? route.abort() : route.continue()));
  const p = await broken.newPage();
  await p.goto(base);
  await fill(p, '#report-text', fixture.text);
  await p.waitForSelector('.summary [role=alert]', { timeout: 15000 });
  assert.match(await p.textContent('.summary [role=alert]'), /检查程序出错/);
  assert.equal(await p.getAttribute('.summary', 'aria-busy'), 'false');
  assert.equal(await textOf(p, '#report-text'), fixture.text);
  await broken.close();
});

test('载入示例 and 清空 can each be undone in one step', async () => {
  await fill(page, '#report-text', '我的草稿'); await idle(page);
  await page.click('.toolbar >> text=载入示例');
  assert.match(await textOf(page, '#report-text'), /政府信息公开工作年度报告/);
  await page.click('.notice .undo');
  assert.equal(await textOf(page, '#report-text'), '我的草稿');
  await page.click('button.danger');
  assert.equal(await textOf(page, '#report-text'), '');
  await idle(page);
  assert.equal(await page.getAttribute('.verdict', 'class'), 'verdict idle');
  await page.click('.notice .undo');
  assert.equal(await textOf(page, '#report-text'), '我的草稿');
});

// axe-core (npm) in the page: no serious or critical accessibility violation
const axeSource = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
async function noSeriousViolations(p, label) {
  if (!(await p.evaluate(() => typeof window.axe === 'object'))) await p.addScriptTag({ content: axeSource });
  const found = await p.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes[0].target.join(' ')}`);
  });
  assert.deepEqual(found, [], `${label}: ${found.join('; ')}`);
}

test('no serious accessibility violation (axe-core): empty page, findings, tables, dialog', async () => {
  await fill(page, '#report-text', ''); await idle(page);
  await noSeriousViolations(page, 'empty page');
  await fill(page, '#report-text', fixture.text); await idle(page);
  await page.waitForSelector('.findings .finding');
  await noSeriousViolations(page, 'report with findings');
  await page.click('#tab-tables');
  await page.waitForSelector('table.official');
  await noSeriousViolations(page, 'tables view');
  await page.click('#tab-findings');
  await page.click('.finding .code');
  await page.waitForSelector('.dialog');
  await noSeriousViolations(page, 'rule dialog');
  // the dialog has the focus, keeps it on Tab, closes with Escape and gives it back
  const focused = () => page.evaluate(() => ({ tag: document.activeElement.tagName, cls: document.activeElement.className, text: document.activeElement.textContent, inDialog: !!document.activeElement.closest('.dialog') }));
  assert.equal((await focused()).inDialog, true);
  await page.keyboard.press('Tab');
  assert.equal((await focused()).inDialog, true, 'Tab stays in the dialog');
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused()).inDialog, true, 'Shift+Tab stays in the dialog');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.dialog', { state: 'detached' });
  assert.equal((await focused()).cls, 'code', 'focus back on the finding that opened it');
  // the dismiss form takes focus when opened and gives it back when cancelled
  await page.click('.finding .dismiss');
  assert.equal((await focused()).tag, 'INPUT');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.finding .dismiss-form', { state: 'detached' });
  assert.match((await focused()).cls, /dismiss/);
});

test('at 360 px the tables scroll sideways and keep their labels readable', async () => {
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 360, height: 740 });
  await phone.goto(base);
  await fill(phone, '#report-text', fixture.text); await idle(phone);
  await phone.click('#tab-tables');
  await phone.waitForSelector('table.official th.label');
  // row labels (not the vertical group heading 本年度办理结果)
  const narrowest = await phone.$$eval('.right table.official th.label:not(.vertical)', (els) => Math.min(...els.map((e) => e.getBoundingClientRect().width)));
  assert.ok(narrowest >= 100, `a row label is only ${narrowest}px wide`);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await phone.screenshot({ path: join(artifacts, 'phone-tables.png'), fullPage: true });
  await phone.close();
});

test('nothing was requested from anywhere but the page itself', async () => {
  assert.ok(requests.length > 0);
  const outside = requests.filter((u) => !(u.startsWith(base) || u.startsWith('blob:') || u.startsWith('data:')));
  assert.deepEqual(outside, []);
  // the favicon is part of the page: nothing asks for /favicon.ico (a 404 on every load)
  assert.deepEqual(requests.filter((u) => u.endsWith('/favicon.ico')), []);
});
