// Wasim benchmark (not part of .ci/test-all):   node tests/bench/bench.mjs
//
// Builds dist/ (`trunk build --release`), serves it at the sub-path /wasim/
// on a free loopback port, drives Debian's Chromium through Playwright and
// prints a table:
//   1. render: a ~1 MB Arabic document, from setInputFiles until doc-text
//      holds all of its lines (laid out)                       target < 1 s
//   2. add span with 1,000 spans present: keydown -> the new mark is in the
//      DOM, measured in the page, median of 10                 target < 16 ms
//   3. export-json with that workspace: click -> download event
//   4. search a name that occurs ~1,000 times, then tag all its matches
//      (click → every new mark in the DOM)
//   5. size of dist/*.wasm, raw and gzipped
// Nothing is written to the repository.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startServer } from '../e2e/serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
const REPS = Number(process.env.BENCH_REPS || 10);
const log = (...a) => console.error('[bench]', ...a);

// ------------------------------------------------------------------ build
// Always (re)build the release dist/: `trunk serve` leaves a debug build
// there, and an up-to-date release build takes a few seconds.
{
  log('trunk build --release');
  const r = spawnSync('trunk', ['build', '--release'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PATH: `${root}/node_modules/.bin:${process.env.HOME}/.cargo/bin:${process.env.PATH}` },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// ------------------------------------------------------------------ data
// Deterministic made-up Arabic prose with names, places, organisations,
// some Latin words and digits, one paragraph per line.
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const rand = rng(20240601);
const pick = (a) => a[Math.floor(rand() * a.length)];
const W = {
  names: ['سامي الخطيب', 'ليلى حداد', 'كريم عبد الله', 'نور الهدى', 'يوسف المصري', 'هدى السعدي', 'عمر الفاروق', 'مريم يوسف', 'Omar Khalid', 'Sara Ali'],
  places: ['بغداد', 'الموصل', 'البصرة', 'أربيل', 'القاهرة', 'بيروت', 'دمشق', 'عمّان', 'الرباط', 'تونس', 'London', 'Paris'],
  orgs: ['جامعة بغداد', 'مؤسسة النور', 'وزارة التربية', 'اتحاد الكتّاب', 'مجلس المدينة', 'شركة الرافدين', 'UNESCO'],
  verbs: ['زار', 'قال', 'أعلن', 'افتتح', 'ناقش', 'كتب', 'التقى', 'أكد', 'وصف', 'نشر'],
  words: ['اليوم', 'مشروعاً', 'جديداً', 'حول', 'التعليم', 'في', 'مع', 'على', 'من', 'إلى', 'الثقافة', 'المدينة', 'الكتاب', 'البحث', 'الطلاب', 'المكتبة', 'ورشة', 'عمل', 'تقرير', 'السنوي', 'الماضي', 'القادم', 'بحضور', 'عدد', 'كبير', 'الباحثين', 'والمهتمين', 'بالتراث', 'العربي'],
  latin: ['Wasim', 'NLP', 'open data', 'workshop', 'version'],
};
function sentence() {
  const parts = [pick(W.verbs), pick(W.names)];
  const n = 6 + Math.floor(rand() * 12);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.08) parts.push('في ' + pick(W.places));
    else if (r < 0.12) parts.push('و' + pick(W.places.slice(0, 10)));
    else if (r < 0.17) parts.push(pick(W.orgs));
    else if (r < 0.2) parts.push(pick(W.latin));
    else if (r < 0.24) parts.push(String(1 + Math.floor(rand() * 2030)));
    else parts.push(pick(W.words));
  }
  return parts.join(' ') + pick(['.', '.', '،', '؟', '!']);
}
function makeDocument(bytes) {
  const lines = [];
  let size = 0;
  while (size < bytes) {
    const k = 3 + Math.floor(rand() * 5);
    const para = Array.from({ length: k }, sentence).join(' ');
    lines.push(para);
    size += Buffer.byteLength(para, 'utf8') + 1;
  }
  return lines.join('\n') + '\n';
}
// A place named exactly a thousand times, half of them after a proclitic
// (بالناصرية), for the annotate-all measure.
const THOUSAND = 'الناصرية';
function withThousandMentions(doc) {
  const lines = doc.split('\n');
  const n = lines.length - 1;
  for (let i = 0; i < 1000; i++) {
    const at = Math.floor((i * n) / 1000);
    lines[at] += i % 2 ? ` ومرّ الوفد ب${THOUSAND}.` : ` ثم عاد إلى ${THOUSAND}.`;
  }
  return lines.join('\n');
}
const text = withThousandMentions(makeDocument(1_000_000));
const textBytes = Buffer.byteLength(text, 'utf8');
const nLines = text.split('\n').length - 1;
const cps = Array.from(text);

// word offsets in code points
const words = [];
{
  let i = 0;
  while (i < cps.length) {
    while (i < cps.length && /[\s.،؟!]/u.test(cps[i])) i++;
    const s = i;
    while (i < cps.length && !/[\s.،؟!]/u.test(cps[i])) i++;
    if (i > s) words.push({ start: s, end: i });
  }
}
const LABELS = ['PER', 'LOC', 'ORG', 'MISC'];
const FIRST_SPAN_WORD = 400;
const step = Math.floor((words.length - FIRST_SPAN_WORD) / 1000);
const spans = [];
for (let k = 0; k < 1000; k++) {
  const w = words[FIRST_SPAN_WORD + k * step];
  spans.push({ start: w.start, end: w.end, label: LABELS[k % 4], text: cps.slice(w.start, w.end).join('') });
}
// targets for "add one span": unannotated words near the top, kept in view
const targets = Array.from({ length: REPS }, (_, k) => words[3 + 2 * k]);
const targetsAfterTagAll = Array.from({ length: REPS }, (_, k) => words[4 + 2 * k]);
const workspace = {
  format: 'wasim',
  version: 1,
  labels: [
    { name: 'PER', color: '#1f77b4', key: '1' },
    { name: 'LOC', color: '#2ca02c', key: '2' },
    { name: 'ORG', color: '#d62728', key: '3' },
    { name: 'MISC', color: '#9467bd', key: '4' },
  ],
  documents: [{ name: 'bench-1000.txt', text, done: false, spans }],
  open: 0,
};

// ------------------------------------------------------------------ run
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const { server, url } = await startServer({ dir: dist, base: '/wasim/', port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
const results = [];
try {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => log('pageerror:', e.message));
  await page.goto(url);
  await page.getByTestId('doc-list').waitFor({ timeout: 30_000 });

  // 1. render a ~1 MB document
  log(`1. render: ${(textBytes / 1e6).toFixed(2)} MB, ${nLines} lines, ${cps.length} code points`);
  const lastLine = text.split('\n')[nLines - 1];
  await page.evaluate(
    ([nLines, lastLine]) => {
      window.__bench = { t0: performance.now(), t1: null };
      const tick = () => {
        const root = document.querySelector('[data-testid="doc-text"]');
        const lines = root ? root.querySelectorAll('div.line') : [];
        if (lines.length >= nLines && lines[nLines - 1].textContent.replace(/\r?\n$/, '') === lastLine) {
          void root.offsetHeight; // include layout
          window.__bench.t1 = performance.now();
          return;
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    [nLines, lastLine],
  );
  await page.getByTestId('file-input').setInputFiles({ name: 'bench-1mb.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
  const item = page.locator('[data-testid="doc-item"][data-doc-name="bench-1mb.txt"]');
  await item.waitFor({ timeout: 60_000 });
  let clicked = false;
  if ((await item.getAttribute('aria-current')) !== 'true') {
    clicked = true; // the app did not open it by itself
    await item.click();
  }
  await page.waitForFunction(() => window.__bench.t1 !== null, null, { timeout: 120_000, polling: 100 });
  const render = await page.evaluate(() => window.__bench.t1 - window.__bench.t0);
  results.push(['render 1 MB document (setInputFiles → all lines laid out)' + (clicked ? ' (incl. a click to open)' : ''), render, 'ms', 1000]);

  // 2. add one span with 1,000 present
  log('2. add span: importing a workspace with 1,000 spans');
  await page.getByTestId('file-input').setInputFiles({ name: 'bench-1000.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(workspace), 'utf8') });
  const item2 = page.locator('[data-testid="doc-item"][data-doc-name="bench-1000.txt"]');
  await item2.waitFor({ timeout: 60_000 });
  if ((await item2.getAttribute('aria-current')) !== 'true') await item2.click();
  await page.waitForFunction(
    () => new Set([...document.querySelectorAll('[data-testid="doc-text"] mark[data-span-id]')].map((m) => m.dataset.spanId)).size >= 1000,
    null,
    { timeout: 120_000, polling: 200 },
  );
  // Adds a span over each target with a real key press; returns the times
  // from keydown to the new mark in the DOM, and to layout.
  async function addSpans(targets) {
    const addTimes = [];
    const addLayout = [];
    for (const t of targets) {
      await page.evaluate(([start, end]) => {
        const root = document.querySelector('[data-testid="doc-text"]');
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const nodes = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
        // code point offset -> (text node, UTF-16 offset)
        const locate = (cp, preferNext) => {
          let seen = 0;
          for (const node of nodes) {
            const d = node.data;
            let u = 0;
            while (true) {
              if (seen === cp && !(u === d.length && preferNext)) return { node, offset: u };
              if (u >= d.length) break;
              u += d.codePointAt(u) > 0xffff ? 2 : 1;
              seen++;
            }
          }
          throw new Error('offset outside doc-text');
        };
        const s = locate(start, true);
        const e = locate(end, false);
        s.node.parentElement.scrollIntoView({ block: 'center' });
        const r = document.createRange();
        r.setStart(s.node, s.offset);
        r.setEnd(e.node, e.offset);
        const sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(r);
        document.dispatchEvent(new Event('selectionchange'));
        window.__add = new Promise((resolve) => {
          let t0 = null;
          const onKey = () => { t0 = performance.now(); };
          window.addEventListener('keydown', onKey, { capture: true, once: true });
          const mo = new MutationObserver(() => {
            if (root.querySelector(`mark[data-span-start="${start}"][data-span-end="${end}"]`)) {
              const tDom = performance.now();
              void root.offsetHeight;
              const tLayout = performance.now();
              mo.disconnect();
              resolve({ dom: tDom - t0, layout: tLayout - t0 });
            }
          });
          mo.observe(root, { childList: true, subtree: true, attributes: true });
        });
      }, [t.start, t.end]);
      await page.waitForTimeout(50); // let the app see the selection
      await page.keyboard.press('1');
      const r = await page.evaluate(() => Promise.race([window.__add, new Promise((_, rej) => setTimeout(() => rej(new Error('no new mark within 5 s')), 5000))]));
      addTimes.push(r.dom);
      addLayout.push(r.layout);
    }
    return { addTimes, addLayout };
  }
  const { addTimes, addLayout } = await addSpans(targets);
  results.push([`add 1 span with 1,000 present (keydown → mark in DOM), median of ${REPS}`, median(addTimes), 'ms', 16]);
  results.push(['  same, including layout', median(addLayout), 'ms', null]);
  log(`   samples (ms): ${addTimes.map((x) => x.toFixed(1)).join(' ')}`);

  // 3. export
  const exportTimes = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    exportTimes.push(performance.now() - t0);
    await download.path();
  }
  results.push(['export-json with 1,000+ spans (click → download event), median of 3', median(exportTimes), 'ms', null]);

  // 4. search and annotate-all on a word that occurs a thousand times, half
  // of them after a proclitic
  const NAME = THOUSAND;
  const occurrences = text.split(NAME).length - 1;
  log(`4. annotate-all: "${NAME}" occurs ${occurrences} times`);
  const searchStart = performance.now();
  await page.getByTestId('search-input').fill(NAME);
  await page.getByTestId('search-count').waitFor({ timeout: 30_000 });
  const searchTime = performance.now() - searchStart;
  const found = Number(await page.getByTestId('search-count').getAttribute('data-count'));
  await page.getByTestId('search-tag-all').click();
  const toAdd = Number(await page.getByTestId('search-tag-preview').getAttribute('data-count'));
  const spanCount = () =>
    page.evaluate(() => new Set([...document.querySelectorAll('[data-testid="doc-text"] mark[data-span-id]')].map((m) => m.dataset.spanId)).size);
  const before = await spanCount();
  await page.evaluate((target) => {
    window.__tagAll = new Promise((resolve) => {
      let t0 = null;
      window.addEventListener('click', () => { t0 = performance.now(); }, { capture: true, once: true });
      const root = document.querySelector('[data-testid="doc-text"]');
      const tick = () => {
        if (t0 !== null) {
          const n = new Set([...root.querySelectorAll('mark[data-span-id]')].map((m) => m.dataset.spanId)).size;
          if (n >= target) return resolve(performance.now() - t0);
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  }, before + toAdd);
  await page.getByTestId('search-tag-confirm').click();
  const tagAll = await page.evaluate(() => Promise.race([window.__tagAll, new Promise((_, rej) => setTimeout(() => rej(new Error('tag-all did not finish in 30 s')), 30_000))]));
  if (found !== occurrences) log(`   warning: search found ${found}, the text has ${occurrences}`);
  results.push([`search "${NAME}" in 1 MB (fill → count shown; ${found} matches)`, searchTime, 'ms', null]);
  results.push([`tag all ${toAdd} matches, 1,000 spans present (click → all marks in DOM)`, tagAll, 'ms', null]);
  const after = await addSpans(targetsAfterTagAll);
  results.push([`add 1 span with ${before + toAdd} present, after tag-all, median of ${REPS}`, median(after.addTimes), 'ms', 16]);
  await context.close();
} finally {
  await browser.close();
  server.close();
}

// 5. wasm size
for (const f of fs.readdirSync(dist).filter((n) => n.endsWith('.wasm'))) {
  const buf = fs.readFileSync(path.join(dist, f));
  results.push([`${f} raw`, buf.length / 1024, 'KiB', null]);
  results.push([`${f} gzip -9`, zlib.gzipSync(buf, { level: 9 }).length / 1024, 'KiB', null]);
}

// ------------------------------------------------------------------ report
const w = Math.max(...results.map((r) => r[0].length));
console.log(`\n${'measure'.padEnd(w)}  ${'value'.padStart(10)}  unit  target   ok`);
console.log(`${'-'.repeat(w)}  ${'-'.repeat(10)}  ----  ------  ---`);
for (const [name, v, unit, target] of results) {
  const ok = target == null ? '' : v < target ? 'yes' : 'NO';
  console.log(`${name.padEnd(w)}  ${v.toFixed(1).padStart(10)}  ${unit.padEnd(4)}  ${target == null ? '' : ('< ' + target).padEnd(6)}  ${ok}`);
}
