#!/usr/bin/env node
// The Firefox layer: Wasim in Debian's Firefox ESR, driven through
// geckodriver with real pointer and key input (tests/firefox/webdriver.mjs).
// Two scenarios, each in a fresh profile:
//
//  1. wasim.html (.ci/single-file.mjs) opened from disk (file://): what
//     tests/e2e/single-file.spec.mjs checks in Chromium. It loads a seed
//     article, tags it with a mouse drag and a key, keeps the work over a
//     reload, exports JSON whose spans carry their text, its policy refuses
//     nothing the app does, and a copy of the file in another folder opens
//     the same workspace (as in Chromium).
//  2. The web app served at a sub-path: after one visit its service worker
//     controls the page; the server is then shut down, and a reload still
//     starts the app with the work there, and tagging and exporting work.
//
//   node tests/firefox/firefox.mjs [--dist dist]
//
// Exits 1 if a scenario fails. Run by .ci/test-all after the build.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch } from './webdriver.mjs';
import { startServer } from '../e2e/serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const distArg = process.argv.indexOf('--dist');
const dist = path.resolve(root, distArg > 0 ? process.argv[distArg + 1] : 'dist');
const corpus = path.resolve(root, '../shared/corpus');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const cps = (s) => Array.from(s);

const articleName = fs.readdirSync(corpus).filter((n) => n.endsWith('.txt')).sort()[0];
const articlePath = path.join(corpus, articleName);
const articleText = fs.readFileSync(articlePath, 'utf8').replace(/^\uFEFF/, '');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wasim-firefox-'));
const downloads = path.join(tmp, 'downloads');
fs.mkdirSync(downloads);

/** Writes wasim.html from the tested build into `folder`; returns its file:// URL. */
function singleFile(folder) {
  const out = path.join(tmp, folder, 'wasim.html');
  execFileSync('node', [path.join(root, '.ci/single-file.mjs'), '--dist', dist, '--out', out], { stdio: 'pipe' });
  return pathToFileURL(out).href;
}

/** Code-point offsets [start, end) of the first `needle` in the article. */
function find(needle) {
  const at = articleText.indexOf(needle);
  assert.ok(at >= 0, `${needle} is in the article`);
  const start = cps(articleText.slice(0, at)).length;
  return { start, end: start + cps(needle).length };
}

// In the page: counts policy violations from now on, and keeps the first
// uncaught errors (a panic in the wasm is one).
function watch() {
  if (window.__wasimWatch) return;
  window.__wasimWatch = { violations: [], errors: [] };
  document.addEventListener('securitypolicyviolation', (e) => window.__wasimWatch.violations.push(`${e.effectiveDirective}: ${e.blockedURI}`));
  window.addEventListener('error', (e) => window.__wasimWatch.errors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => window.__wasimWatch.errors.push(String(e.reason)));
}

async function openApp(ff, url) {
  if (url) await ff.goto(url);
  await ff.waitFor('the app', () => !!document.querySelector('[data-testid="doc-list"]') && !!document.querySelector('[data-testid="file-input"]'));
  await ff.evaluate(watch);
}

async function expectClean(ff) {
  const seen = await ff.evaluate(() => window.__wasimWatch);
  assert.deepEqual(seen, { violations: [], errors: [] }, 'no policy violation and no uncaught error in the page');
}

async function openDoc(ff, name) {
  const item = `[data-testid="doc-list"] [data-testid="doc-item"][data-doc-name="${name}"]`;
  await ff.waitFor(`doc-item ${name}`, (css) => !!document.querySelector(css), item);
  await ff.click(item);
  await ff.waitFor(`${name} open`, (css) => document.querySelector(css)?.getAttribute('aria-current') === 'true', item);
}

/** The shown spans as [start, end, label], in order. */
const spans = (ff) =>
  ff.evaluate(() => {
    const seen = new Map();
    for (const m of document.querySelectorAll('[data-testid="doc-text"] mark[data-span-id]')) {
      const key = m.getAttribute('data-span-id');
      if (!seen.has(key)) seen.set(key, [Number(m.getAttribute('data-span-start')), Number(m.getAttribute('data-span-end')), m.getAttribute('data-label')]);
    }
    return [...seen.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  });

// In the page: the viewport points of the code-point range [start, end) of
// doc-text, at mid-height, just inside its first and last letters (in
// visual order: an Arabic word starts at its right), and its text.
function pointsOf(start, end) {
  const root = document.querySelector('[data-testid="doc-text"]');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const at = (cp) => {
    let seen = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      let u = 0;
      while (u < n.data.length) {
        if (seen === cp) return { node: n, offset: u };
        u += n.data.codePointAt(u) > 0xffff ? 2 : 1;
        seen += 1;
      }
    }
    return null;
  };
  const a = at(start);
  walker.currentNode = root;
  const b = at(end - 1);
  if (!a || !b) return null;
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset + (b.node.data.codePointAt(b.offset) > 0xffff ? 2 : 1));
  const r = range.getBoundingClientRect();
  const y = r.top + r.height / 2;
  const rtl = getComputedStyle(a.node.parentElement).direction === 'rtl';
  const from = rtl ? r.right - 2 : r.left + 2;
  const to = rtl ? r.left + 2 : r.right - 2;
  return { text: range.toString(), points: [[from, y], [(from + to) / 2, y], [to, y]] };
}

/** Tags the first `needle` with a mouse drag and `key`; waits until it is saved. */
async function tag(ff, needle, key, label) {
  const at = find(needle);
  const where = await ff.waitFor(`${needle} laid out`, pointsOf, at.start, at.end);
  assert.equal(where.text, needle, 'the DOM range of the offsets');
  await ff.drag(where.points);
  assert.equal(await ff.evaluate(() => String(window.getSelection())), needle, 'the mouse selection');
  await ff.press(key);
  await ff.waitFor(`a ${label} span on ${needle}`, (s, e, l) => !!document.querySelector(`mark[data-span-start="${s}"][data-span-end="${e}"][data-label="${l}"]`), at.start, at.end, label);
  await ff.waitFor('saved', () => document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state') === 'saved');
  return [at.start, at.end, label];
}

/** Clicks Export JSON and returns the parsed file Firefox saved. */
async function exportJson(ff) {
  const before = new Set(fs.readdirSync(downloads));
  await ff.click('[data-testid="export-json"]');
  for (let i = 0; i < 200; i++) {
    const done = fs.readdirSync(downloads).filter((n) => !before.has(n) && !n.endsWith('.part'));
    if (done.length === 1) {
      const file = path.join(downloads, done[0]);
      await sleep(200);
      return { name: done[0], json: JSON.parse(fs.readFileSync(file, 'utf8')) };
    }
    await sleep(100);
  }
  throw new Error(`no download in ${downloads}`);
}

const prefs = (downloadDir) => ({
  'browser.download.folderList': 2,
  'browser.download.dir': downloadDir,
  'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false,
  'browser.download.manager.showWhenStarting': false,
  'browser.helperApps.neverAsk.saveToDisk': 'application/json',
  'intl.accept_languages': 'en-US',
});

/** Scenario 1: wasim.html from file://. */
async function singleFileScenario(ff) {
  const url = singleFile('usb');
  await openApp(ff, url);
  const policy = await ff.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
  assert.match(policy, /^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:;/);
  // The styles apply: the inline sheet and Wasim's CSSOM sheet.
  assert.equal(await ff.evaluate(() => getComputedStyle(document.body).margin), '0px');
  assert.ok((await ff.evaluate(() => document.adoptedStyleSheets.length)) > 0, 'the CSSOM stylesheet');
  assert.equal(await ff.evaluate(() => navigator.serviceWorker?.controller ?? null), null, 'no worker on file://');

  await ff.chooseFile('[data-testid="file-input"]', articlePath);
  await openDoc(ff, articleName);
  const place = await tag(ff, 'العراق', '2', 'LOC');
  assert.deepEqual(await spans(ff), [place]);
  console.log('[firefox] file://: loaded and tagged');

  await ff.reload();
  await openApp(ff);
  await openDoc(ff, articleName);
  await ff.waitFor('the span after a reload', () => document.querySelectorAll('mark[data-span-id]').length > 0);
  assert.deepEqual(await spans(ff), [place], 'the work is kept over a reload');
  const group = await tag(ff, 'داعش', '3', 'ORG');
  console.log('[firefox] file://: kept over a reload');

  await checkExport(ff, [place, group]);
  // The colour rules come from Wasim's CSSOM sheet, which the policy allows.
  const colour = await ff.evaluate(() => getComputedStyle(document.querySelector('mark[data-label="LOC"]')).getPropertyValue('--label-color').trim());
  assert.match(colour, /^#[0-9a-f]{6}$/);
  await expectClean(ff);

  // As in Chromium, a copy of the file in another folder opens the same
  // workspace: Firefox keeps the storage of all file:// pages together.
  await openApp(ff, singleFile('desktop/copy'));
  await openDoc(ff, articleName);
  await ff.waitFor('the spans in the copy', () => document.querySelectorAll('mark[data-span-id]').length > 0);
  assert.deepEqual(await spans(ff), [place, group], 'a copy elsewhere opens the same workspace');
  await expectClean(ff);
  console.log('[firefox] file://: a copy in another folder opens the same workspace');
}

/** Scenario 2: the web app at /wasim/, offline after one visit. */
async function webAppScenario(ff) {
  const { server, url } = await startServer({ dir: dist, base: '/wasim/', port: 0 });
  let open = true;
  try {
    await openApp(ff, url);
    await ff.chooseFile('[data-testid="file-input"]', articlePath);
    await openDoc(ff, articleName);
    const place = await tag(ff, 'العراق', '2', 'LOC');
    await ff.waitFor('the service worker in control', () => !!navigator.serviceWorker.controller);
    await expectClean(ff);
    console.log('[firefox] web app: tagged, the worker controls the page');

    await new Promise((r) => server.close(r));
    server.closeAllConnections?.();
    open = false;
    assert.ok(!(await fetch(url).then(() => true, () => false)), 'the server is down');
    await ff.reload();
    await openApp(ff);
    await openDoc(ff, articleName);
    await ff.waitFor('the span offline', () => document.querySelectorAll('mark[data-span-id]').length > 0);
    assert.deepEqual(await spans(ff), [place], 'offline, the work is there');
    const group = await tag(ff, 'داعش', '3', 'ORG');
    await checkExport(ff, [place, group]);
    await expectClean(ff);
    console.log('[firefox] web app: offline, started with the work, tagged and exported');
  } finally {
    if (open) server.close();
  }
}

/** Exports JSON and checks the document and its spans, each with its text. */
async function checkExport(ff, expected) {
  const { name, json } = await exportJson(ff);
  assert.match(name, /^corpus_\d{4}-\d{2}-\d{2}\.json$/);
  const doc = json.documents.find((d) => d.name === articleName);
  assert.equal(doc.text, articleText, 'the exported text is the file read');
  assert.deepEqual(
    doc.spans.map((s) => [s.start, s.end, s.label, s.text]),
    expected.map(([s, e, l]) => [s, e, l, cps(articleText).slice(s, e).join('')]),
  );
  for (const s of doc.spans) assert.equal(s.text, cps(doc.text).slice(s.start, s.end).join(''), 'text == doc[start:end]');
  console.log(`[firefox] exported ${name}`);
}

let failed = 0;
for (const [name, scenario] of [
  ['wasim.html from file://', singleFileScenario],
  ['the web app, offline after one visit', webAppScenario],
]) {
  let ff;
  try {
    for (const f of fs.readdirSync(downloads)) fs.rmSync(path.join(downloads, f));
    ff = await launch({ prefs: prefs(downloads) });
    console.log(`[firefox] Firefox ${ff.version}: ${name} (${articleName})`);
    await scenario(ff);
    console.log(`[firefox] passed: ${name}`);
  } catch (e) {
    failed += 1;
    console.error(`[firefox] FAILED: ${name}: ${e.stack || e}`);
  } finally {
    await ff?.quit().catch(() => {});
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`[firefox] ${2 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
