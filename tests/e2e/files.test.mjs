// End-to-end tests of opening Word documents and PDFs in the release web app (headless
// Debian Chromium, playwright-core): the file reader worker, a PDF's pages in the findings,
// a long PDF's reading progress. Run by scripts/test after the release build.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { start, root, textOf, replaceAll, fill } from './harness.mjs';

// the checker runs in a Web Worker: wait until the results shown are those of the editor's text
const idle = (p) => p.waitForFunction(() => document.querySelector('.summary')?.getAttribute('aria-busy') === 'false');

let context, page, stop;

before(async () => {
  ({ context, page, stop } = await start());
});

after(async () => {
  await stop?.();
});

test('Word files (.docx and .doc) open in the page, read by the file worker', async () => {
  const fixtures = join(root, 'crates', 'nianbao-core', 'tests', 'fixtures');
  const input = page.locator('.toolbar input[type=file][accept]');
  for (const name of ['sample-2021.docx', 'sample-2021.doc']) {
    await fill(page, '#report-text', ''); await idle(page);
    await input.setInputFiles(join(fixtures, name));
    await page.waitForSelector(`.notice:not(.error) >> text=已打开“${name}”`);
    const text = await textOf(page, '#report-text');
    // the text and the findings are those of the same report's plain text
    assert.match(text, /政府信息公开工作年度报告/, name);
    assert.match(text, /一、总体情况/, name);
    await idle(page);
    assert.match(await page.textContent('.summary .meta'), /2021 格式/, name);
    await page.click('.notice .close');
  }
});

test('a PDF opens in the page; its findings say their page, after a reload too', async () => {
  const fixtures = join(root, 'crates', 'nianbao-core', 'tests', 'fixtures');
  const input = page.locator('.toolbar input[type=file][accept]');
  await fill(page, '#report-text', ''); await idle(page);
  // sample-2021.pdf: one wrong 表三 total (T303 on page 2, T302 on page 5)
  await input.setInputFiles(join(fixtures, 'sample-2021.pdf'));
  await page.waitForSelector('.notice:not(.error) >> text=已打开“sample-2021.pdf”');
  await idle(page);
  const places = () => page.$$eval('.finding .loc', (ls) => ls.map((l) => l.textContent));
  await page.waitForFunction(() => document.querySelectorAll('.finding .loc').length > 0);
  let shown = await places();
  assert.ok(shown.some((p) => /^PDF 第 2 页，第 \d+ 行第 \d+ 列$/.test(p)), shown.join(' | '));
  await page.click('.notice .close');
  // the draft keeps where it came from
  await page.reload(); await idle(page);
  await page.waitForFunction(() => document.querySelectorAll('.finding .loc').length > 0);
  shown = await places();
  assert.ok(shown.some((p) => p.startsWith('PDF 第 2 页')), shown.join(' | '));
  // the same text typed or pasted is not a PDF: no pages
  const text = await textOf(page, '#report-text');
  await fill(page, '#report-text', ''); await idle(page);
  await fill(page, '#report-text', text); await idle(page);
  await page.waitForFunction(() => document.querySelectorAll('.finding .loc').length > 0);
  shown = await places();
  assert.ok(shown.every((p) => !p.includes('页')), shown.join(' | '));
  await fill(page, '#report-text', ''); await idle(page);
});

test('text pasted over the whole of a PDF draft is no longer the PDF: no pages, after a reload too', async () => {
  const fixtures = join(root, 'crates', 'nianbao-core', 'tests', 'fixtures');
  await fill(page, '#report-text', ''); await idle(page);
  await page.locator('.toolbar input[type=file][accept]').setInputFiles(join(fixtures, 'sample-2021.pdf'));
  await page.waitForSelector('.notice:not(.error) >> text=已打开“sample-2021.pdf”');
  await page.click('.notice .close');
  await idle(page);
  const places = () => page.$$eval('.finding .loc', (ls) => ls.map((l) => l.textContent));
  await page.waitForFunction(() => [...document.querySelectorAll('.finding .loc')].some((l) => l.textContent.includes('页')));
  // a paste (as the browser does it: the paste event, then the text in, then input) over a
  // part of the draft, then over all of it
  const paste = (t, whole) => page.evaluate(([t, whole]) => {
    const content = document.querySelector('#report-text');
    const ed = NianbaoEditor.of(content);
    ed.select(0, whole ? ed.length() : 2);
    const data = new DataTransfer();
    data.setData('text/plain', t);
    // the editor inserts the pasted text itself
    content.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, [t, whole]);
  const text = await textOf(page, '#report-text');
  await paste(text.slice(0, 2), false);
  await idle(page);
  let shown = await places();
  assert.ok(shown.some((p) => p.includes('页')), shown.join(' | '));
  await paste(text.replace('示例市', '范例市'), true);
  await idle(page);
  await page.waitForFunction(() => document.querySelectorAll('.finding .loc').length > 0);
  shown = await places();
  assert.ok(shown.every((p) => !p.includes('页')), shown.join(' | '));
  // saved with the draft: a reload shows the pasted text, still without pages
  await page.waitForTimeout(500);
  await page.reload(); await idle(page);
  assert.match(await textOf(page, '#report-text'), /范例市/);
  await page.waitForFunction(() => document.querySelectorAll('.finding .loc').length > 0);
  shown = await places();
  assert.ok(shown.every((p) => !p.includes('页')), shown.join(' | '));
  await fill(page, '#report-text', ''); await idle(page);
});

test('a long PDF shows how far it is read, then opens', async () => {
  // 200 copies of the sample's text printed by this Chromium: 600 pages (about a second to
  // read in the page; progress is told every fortieth of it)
  const maker = await context.newPage();
  const one = readFileSync(join(root, 'crates', 'nianbao-core', 'tests', 'fixtures', 'sample-2021.txt'), 'utf8');
  const html = one.split('\n').map((l) => `<p>${l.replaceAll('\t', '　')}</p>`).join('') + '<div style="page-break-after:always"></div>';
  await maker.setContent(`<meta charset="utf-8"><body style="font-size:12pt">${html.repeat(200)}</body>`);
  const pdf = await maker.pdf({ format: 'A4' });
  await maker.close();
  await fill(page, '#report-text', ''); await idle(page);
  // every message shown with a progress bar, however briefly (a fast machine reads the
  // file in well under a second)
  await page.evaluate(() => {
    window.told = [];
    window.watch = new MutationObserver(() => {
      const bar = document.querySelector('.notice progress');
      const m = bar && bar.parentElement.querySelector('.message');
      if (m && window.told.at(-1) !== m.textContent) window.told.push(m.textContent);
    });
    window.watch.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.locator('.toolbar input[type=file][accept]').setInputFiles({ name: '长报告.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.waitForSelector('.notice:not(.error) >> text=已打开“长报告.pdf”', { timeout: 60000 });
  assert.equal(await page.$('.notice progress'), null);
  const told = await page.evaluate(() => { window.watch.disconnect(); return window.told; });
  // every fortieth of the pages or so (and four times a second), in order, never the last
  assert.ok(told.length >= 2 && told.length <= 150, told.join(' | '));
  let before = 0;
  for (const t of told) {
    const m = t.match(/^正在读取“长报告\.pdf”：第 (\d+) 页，共 (\d+) 页$/);
    assert.ok(m, t);
    const [done, total] = [Number(m[1]), Number(m[2])];
    assert.ok(done > before && done < total, t);
    before = done;
  }
  assert.ok((await textOf(page, '#report-text')).split('\f').length >= 500);
  await page.click('.notice .close');
  // (Playwright's fill deletes 1 MB of text slowly: emptied as one edit)
  await replaceAll(page, '#report-text', '');
  await idle(page);
});
