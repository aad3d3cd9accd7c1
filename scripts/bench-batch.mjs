// 批量检查 in Chromium (the release page, dist/): 500 synthetic reports of about 20 KB
// (the 2021 sample, each of its own agency, its prose grown to 20 KB with generated
// sentences) opened at once; prints the time to the last report checked, the page's JS
// heap and its DOM size after the run, and the page's long tasks (over 50 ms) meanwhile. Not a test: `node scripts/bench-batch.mjs [N]`.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const n = Number(process.argv[2] ?? 500);
const sample = readFileSync(join(root, 'crates', 'nianbao-core', 'tests', 'fixtures', 'sample-2021.txt'), 'utf8');
const words = ['政务公开', '政策解读', '信息发布', '依申请公开', '平台建设', '监督保障', '目录管理', '公开质量', '基层群众', '办事指南', '规范性文件', '新闻发布', '政府网站', '便民服务', '数据开放'];
let seed = 1;
const rand = (k) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % k; };
const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-batch-'));
const paths = [];
for (let i = 0; i < n; i++) {
  let extra = '';
  while (extra.length < 5200) {
    const s = Array.from({ length: 6 }, () => words[rand(words.length)]).join('、');
    extra += `我单位持续推进${s}等工作，第${rand(90) + 10}项任务按期完成。`;
  }
  const text = sample
    .replaceAll('示例市科学技术局', `示例县第${i}局`)
    .replace('（五）监督保障情况。', `（五）其他工作情况。${extra}\n\n（六）监督保障情况。`);
  const p = join(dir, `r${String(i).padStart(4, '0')}.txt`);
  writeFileSync(p, text);
  paths.push(p);
}
const bytes = paths.reduce((a, p) => a + readFileSync(p).length, 0);

const port = 18000 + Math.floor(Math.random() * 1000);
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', join(root, 'dist')], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 600));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'] });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForSelector('#report-text');
  // the page's own thread while the batch runs: its long tasks (over 50 ms)
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.longTasks.push([e.duration, e.startTime]))).observe({ type: 'longtask' });
    window.t0 = performance.now();
  });
  const t0 = Date.now();
  await page.setInputFiles('input[type=file][multiple][accept]', paths);
  await page.waitForFunction(() => /已检查 \d+ 份报告/.test(document.querySelector('.batch-progress-text')?.textContent ?? ''), null, { timeout: 120000, polling: 50 });
  const ms = Date.now() - t0;
  const shown = await page.locator('.batch-progress-text').textContent();
  const heap = await page.evaluate(() => performance.memory.usedJSHeapSize);
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  // [duration, ms after the files were given, ms before the last report was checked]
  const long = await page.evaluate(() => window.longTasks.map(([d, s]) => [Math.round(d), Math.round(s - window.t0)]));
  console.log(`${n} reports, ${(bytes / n / 1024).toFixed(1)} KB each: ${(ms / 1000).toFixed(2)} s to the last report checked (${shown}); page JS heap ${(heap / 1048576).toFixed(1)} MB; ${nodes} DOM elements; main thread: ${long.length} tasks over 50 ms (ms, at ms): ${JSON.stringify(long)}`);
} finally {
  await browser.close();
  server.kill();
}
