// End-to-end tests of 批量检查 (many reports at once) in headless Debian Chromium: many
// files, a folder, a .zip; last year's report paired; passages shared across agencies; the
// report opened from the list and the way back; the exports (equal to the CLI's); cancel;
// nothing requested from anywhere. Run by scripts/test after the release build.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, textOf, fill } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fx = (p) => join(root, 'crates', 'nianbao-core', 'tests', 'fixtures', p);
let browser, context, page, base, requests, stop;


/// A folder of reports: two agencies, one of them for two years, a Word document, a
/// damaged .docx and a scanned (image-only) PDF.
function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-batch-'));
  copyFileSync(fx('rules/Y102/fail.previous.txt'), join(dir, 'keji-2022.txt'));
  copyFileSync(fx('rules/C114/fail.txt'), join(dir, 'keji-2023.txt'));
  copyFileSync(fx('rules/C114/fail.peer.txt'), join(dir, 'shuili-2023.txt'));
  copyFileSync(fx('sample-2021.docx'), join(dir, 'sample-2021.docx'));
  writeFileSync(join(dir, 'broken.docx'), Buffer.from('PK\x03\x04broken'));
  writeFileSync(join(dir, 'scan.pdf'), Buffer.from('%PDF-1.4\n1 0 obj << /Type /XObject /Subtype /Image >> endobj\n%%EOF\n'));
  return dir;
}

/// The same reports in a .zip (Python's zipfile; one name in GBK, as Chinese Windows writes).
function zipOf(dir, names) {
  const out = join(dir, 'reports.zip');
  execFileSync('python3', ['-c', `
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED)
for n in sys.argv[3:]:
    z.write(sys.argv[2] + '/' + n, '年报/' + n)
z.writestr(zipfile.ZipInfo('__MACOSX/._x.txt'), b'junk')
z.close()
`, out, dir, ...names]);
  return out;
}

function cli(args) {
  try {
    return execFileSync(join(root, 'target', 'release', 'nianbao'), args, { maxBuffer: 1 << 26 }).toString();
  } catch (e) {
    return e.stdout.toString();
  }
}

before(async () => {
  ({ base, browser, context, page, requests, stop } = await start());
});

after(async () => {
  await stop?.();
});

// the batch of `n` reports is checked (the words of the one before cannot pass for it)
const done = (n) => page.waitForFunction((n) => (document.querySelector('.batch-progress-text')?.textContent ?? '').startsWith(`已检查 ${n} 份报告`), n, { timeout: 30000 });
const rowOf = (name) => page.locator('.batch-list tbody tr', { has: page.locator(`td.file button:text-is("${name}")`) });
const openFiles = (paths) => page.setInputFiles('input[type=file][multiple][accept]', paths);

test('many files at once are one batch: a row per report, years paired, shared passages found', async () => {
  const dir = folder();
  const names = ['keji-2022.txt', 'keji-2023.txt', 'shuili-2023.txt', 'sample-2021.docx', 'broken.docx', 'scan.pdf'];
  await openFiles(names.map((n) => join(dir, n)));
  await done(6);
  assert.equal(await page.locator('.batch-list tbody tr').count(), 6);
  // the later report of 示例市科学技术局 was checked with the earlier as last year's
  const keji = rowOf('keji-2023.txt');
  assert.match(await keji.textContent(), /示例市科学技术局2023/);
  assert.equal(await keji.locator('td').nth(9).textContent(), 'keji-2022.txt');
  // the files that cannot be read are rows that say why, and did not stop the batch
  assert.match(await rowOf('broken.docx').textContent(), /无法读取.*Office/);
  assert.match(await rowOf('scan.pdf').textContent(), /无法读取.*PDF/);
  assert.match(await rowOf('sample-2021.docx').textContent(), /2021年格式/);
  assert.match(await page.locator('.batch-totals').textContent(), /无法读取 2 份/);
  // the passage shared by the two agencies: filter by its rule
  await page.selectOption('.batch-filters select >> nth=0', 'C114');
  const shown = await page.locator('.batch-list td.file').allTextContents();
  // (the Word sample is 示例市科学技术局's report too, and shares 示例市水利局's passage)
  assert.deepEqual(shown.sort(), ['keji-2022.txt', 'keji-2023.txt', 'sample-2021.docx', 'shuili-2023.txt']);
  assert.match(await page.locator('.batch-count').textContent(), /显示 4 \/ 6 份/);
  await page.selectOption('.batch-filters select >> nth=0', '');
  // only failing, then sorted by errors
  await page.check('.batch-filters input[type=checkbox]');
  assert.ok((await page.locator('.batch-list tbody tr').count()) < 6);
  await page.uncheck('.batch-filters input[type=checkbox]');
  await page.click('.batch-list th button:text-is("错误")');
  assert.equal(await page.locator('.batch-list th:has(button:text-is("错误"))').getAttribute('aria-sort'), 'descending');
});

test('a report opens from the list with its findings; the way back keeps the filters and the scroll', async () => {
  await page.setViewportSize({ width: 1000, height: 300 });
  await page.selectOption('.batch-filters select >> nth=1', 't2');
  const before = await page.locator('.batch-list tbody tr').count();
  await page.evaluate(() => window.scrollTo(0, 120));
  const y = await page.evaluate(() => window.scrollY);
  assert.ok(y > 0, 'the list scrolls');
  // clicked where it is (a Playwright click would scroll it into view first)
  await rowOf('keji-2023.txt').locator('td.file button').evaluate((b) => b.click());
  await page.waitForSelector('#batch-text');
  await page.waitForFunction(() => NianbaoEditor.of(document.querySelector('#batch-text'))?.text().includes('示例市科学技术局2023年'));
  await page.waitForFunction(() => document.querySelector('.batch-detail .summary')?.getAttribute('aria-busy') === 'false' && document.querySelectorAll('.batch-detail .finding').length > 0);
  const codes = await page.locator('.batch-detail .finding .code').allTextContents();
  assert.ok(codes.includes('C114'), `shared passage among the findings: ${codes}`);
  assert.ok(codes.some((c) => c.startsWith('Y')), `cross-year findings: ${codes}`);
  assert.match(await page.locator('.batch-detail-head').textContent(), /keji-2022\.txt/);
  // the draft was not touched
  assert.equal(await textOf(page, '#report-text'), '');
  await page.click('.batch-detail-head button');
  await page.waitForSelector('.batch-list');
  assert.equal(await page.locator('.batch-list tbody tr').count(), before);
  assert.equal(await page.inputValue('.batch-filters select >> nth=1'), 't2');
  await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 5, y, { timeout: 3000 });
  await page.selectOption('.batch-filters select >> nth=1', '');
  await page.setViewportSize({ width: 1400, height: 900 });
});

test('a checker that dies is started again with the batch: a report from the list keeps its peers', async () => {
  await rowOf('keji-2023.txt').locator('td.file button').click();
  const checked = () => page.waitForFunction(() => document.querySelector('.batch-detail .summary')?.getAttribute('aria-busy') === 'false' && document.querySelectorAll('.batch-detail .finding').length > 0);
  await checked();
  const codes = () => page.locator('.batch-detail .finding .code').allTextContents();
  assert.ok((await codes()).includes('C114'));
  // every worker ends with an uncaught error (as a trapped check would)
  const workers = page.workers();
  assert.ok(workers.length >= 2, `workers: ${workers.length}`);
  for (const w of workers) await w.evaluate(() => { setTimeout(() => { throw new Error('test: the worker dies'); }); });
  await page.waitForSelector('.batch-detail .summary [role=alert]');
  // the next edit starts a checker again, which gets the batch before the check
  await page.$eval('#batch-text', (e) => { const ed = NianbaoEditor.of(e); ed.select(ed.length(), ed.length()); });
  await page.keyboard.type('。');
  await page.waitForFunction(() => !document.querySelector('.batch-detail .summary [role=alert]'));
  await checked();
  const after = await codes();
  assert.ok(after.includes('C114'), `shared passage still found: ${after}`);
  await page.click('.batch-detail-head button');
  await page.waitForSelector('.batch-list');
});

test('exports: the summary CSV (a row per report) and JSON Lines equal to the CLI\'s', async () => {
  const dir = folder();
  const names = ['keji-2022.txt', 'keji-2023.txt', 'shuili-2023.txt', 'sample-2021.docx'];
  await openFiles(names.map((n) => join(dir, n)));
  await done(4);
  const save = async (label) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(`.batch-head button:text-is("${label}")`)]);
    return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
  };
  const csv = await save('导出汇总 CSV');
  assert.equal(csv.name, '批量检查汇总.csv');
  const lines = csv.text.trimEnd().split('\n');
  assert.equal(lines[0], '\ufeff文件,机关,年度,格式,结论,错误,警告,提示,表二,表三,表四,上年报告,主要问题');
  assert.equal(lines.length, 5);
  assert.ok(lines.some((l) => l.startsWith('keji-2023.txt,示例市科学技术局,2023,2021年格式,') && l.includes(',keji-2022.txt,')));
  const jsonl = await save('导出全部 JSON Lines');
  const mine = jsonl.text.trim().split('\n').map((l) => JSON.parse(l));
  mkdirSync(join(dir, 'only'));
  for (const n of names) copyFileSync(join(dir, n), join(dir, 'only', n));
  const theirs = cli(['check', '--format', 'jsonl', join(dir, 'only')]).trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(mine.length, theirs.length);
  for (let i = 0; i < mine.length; i++) assert.deepEqual(mine[i], theirs[i], `report ${i} (${mine[i].source.name})`);
});

test('a folder and a .zip are batches too; the summary prints one line per report', async () => {
  const dir = folder();
  mkdirSync(join(dir, 'sub'));
  copyFileSync(join(dir, 'keji-2023.txt'), join(dir, 'sub', 'keji-2023-copy.txt'));
  await page.setInputFiles('input[type=file][webkitdirectory]', dir);
  await done(7);
  const files = await page.locator('.batch-list td.file').allTextContents();
  assert.ok(files.some((f) => f.endsWith('/sub/keji-2023-copy.txt')), files.join(' '));
  assert.equal(files.length, 7);

  const zip = zipOf(dir, ['keji-2022.txt', 'keji-2023.txt', 'shuili-2023.txt']);
  await openFiles([zip]);
  await done(3);
  const inZip = await page.locator('.batch-list td.file').allTextContents();
  assert.deepEqual(inZip.sort(), ['reports.zip/年报/keji-2022.txt', 'reports.zip/年报/keji-2023.txt', 'reports.zip/年报/shuili-2023.txt']);
  assert.equal(await rowOf('reports.zip/年报/keji-2023.txt').locator('td').nth(9).textContent(), 'keji-2022.txt');

  await page.emulateMedia({ media: 'print' });
  const print = await page.locator('.batch-print').textContent();
  assert.match(print, /批量检查汇总/);
  assert.match(print, /共 3 份：有错误 0 份，未发现错误 3 份，无法读取 0 份；检查时间 \d{4}-\d\d-\d\d/);
  assert.equal(await page.locator('.batch-print-list tbody tr').count(), 3);
  assert.ok(!(await page.locator('.batch-list').isVisible()));
  await page.emulateMedia({ media: 'screen' });
});

test('a long batch can be cancelled: what was checked stays, the page keeps working', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-many-'));
  const sample = readFileSync(fx('sample-2021.txt'), 'utf8');
  const paths = [];
  for (let i = 0; i < 400; i++) {
    const p = join(dir, `r${String(i).padStart(3, '0')}.txt`);
    writeFileSync(p, sample.replace('示例市科学技术局', `示例县第${i}局`));
    paths.push(p);
  }
  await openFiles(paths);
  await page.waitForFunction(() => /(正在读取|已检查) \d+ \/ 400/.test(document.querySelector('.batch-progress-text')?.textContent ?? ''));
  await page.click('.batch-head button:text-is("取消")');
  await page.waitForFunction(() => /已取消/.test(document.querySelector('.batch-progress-text').textContent));
  const totals = await page.locator('.batch-totals').textContent();
  assert.match(totals, /未检查 \d+ 份/, totals);
  // back to the single report: the editor works
  await page.click('.batch-head button:text-is("返回单份检查")');
  await fill(page, '#report-text', sample);
  await page.waitForFunction(() => document.querySelector('.summary')?.getAttribute('aria-busy') === 'false' && /错误|未发现/.test(document.querySelector('.verdict').textContent));
});

test('dropping several files on the editor checks them as a batch', async () => {
  const draft = await textOf(page, '#report-text');
  const texts = ['rules/C114/fail.txt', 'rules/C114/fail.peer.txt', 'rules/Y102/fail.previous.txt'].map((f) => readFileSync(fx(f), 'utf8'));
  await page.evaluate((texts) => {
    const dt = new DataTransfer();
    texts.forEach((t, i) => dt.items.add(new File([t], `dropped-${i}.txt`, { type: 'text/plain' })));
    document.querySelector('#report-text').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, texts);
  await done(3);
  assert.deepEqual((await page.locator('.batch-list td.file').allTextContents()).sort(), ['dropped-0.txt', 'dropped-1.txt', 'dropped-2.txt']);
  assert.equal(await rowOf('dropped-0.txt').locator('td').nth(9).textContent(), 'dropped-2.txt');
  // the draft was not touched
  assert.equal(await textOf(page, '#report-text'), draft);
});

test('nothing was requested from anywhere but the page itself (a batch of 50 with .zip, .docx, .pdf)', async () => {
  const dir = folder();
  const paths = [];
  const sample = readFileSync(fx('sample-2021.txt'), 'utf8');
  for (let i = 0; i < 44; i++) {
    const p = join(dir, `d${i}.txt`);
    writeFileSync(p, sample.replace('示例市科学技术局', `示例县第${i}局`));
    paths.push(p);
  }
  paths.push(zipOf(dir, ['keji-2022.txt', 'keji-2023.txt']), join(dir, 'sample-2021.docx'), join(dir, 'broken.docx'), join(dir, 'scan.pdf'), join(dir, 'shuili-2023.txt'), join(dir, 'keji-2022.txt'));
  assert.equal(paths.length, 50);
  await page.click('.batch-head button:text-is("返回单份检查")').catch(() => {});
  await openFiles(paths);
  await done(51); // the .zip holds two
  const outside = requests.filter((u) => !(u.startsWith(base) || u.startsWith('blob:') || u.startsWith('data:')));
  assert.deepEqual(outside, []);
});
