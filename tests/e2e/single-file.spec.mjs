// One file: wasim.html (.ci/single-file.mjs) opened from disk (file://) in
// Chromium works fully: storage, import, export, under its own policy (the
// inline script and style by hash only). The spec writes the file from the
// tested dist/ itself, into a temporary folder, as a user would copy it to a
// USB stick. The same flow in Firefox ESR: tests/firefox/firefox.mjs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect, guardContext, forgetCspViolations } from './fixtures.mjs';
import {
  repoRoot,
  readCorpus,
  waitForApp,
  uploadFiles,
  jsonFile,
  docItem,
  openDoc,
  tagAndSave,
  spanTriples,
  markLocator,
  injectInline,
  INJECTION_REFUSED,
  exportJson,
  validateWasim,
  checkSpanTexts,
} from './helpers.mjs';
import { startServer } from './serve.mjs';
import { DIST } from '../../playwright.config.mjs';

const [ARTICLE] = readCorpus();

let tmp;
test.beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wasim-single-'));
});
test.afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Writes wasim.html from the tested build into `folder`; returns its file:// URL. */
function singleFile(folder) {
  const out = path.join(tmp, folder, 'wasim.html');
  execFileSync('node', [path.join(repoRoot, '.ci/single-file.mjs'), '--dist', path.resolve(repoRoot, DIST), '--out', out], {
    stdio: 'pipe',
  });
  return pathToFileURL(out).href;
}

/**
 * A fresh guarded context for file:// pages (their origin is "null"), which
 * also records every request: the page may load nothing but itself.
 */
async function fileContext(browser, problems) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  guardContext(context, problems, 'null');
  const requests = [];
  context.on('request', (r) => {
    if (!/^(data|blob):/.test(r.url())) requests.push(r.url());
  });
  return { context, requests };
}

const tag = (page, needle, key) => tagAndSave(page, ARTICLE.text, needle, key);

test('wasim.html from file:// loads a seed article, tags it, keeps the work over a reload, exports, and imports the export elsewhere', async ({ browser, problems }) => {
  const url = singleFile('usb');
  const { context, requests } = await fileContext(browser, problems);
  const page = await context.newPage();
  await page.goto(url);
  await waitForApp(page);
  // Its own policy: hashes only, no source at all beyond them.
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:;/);
  expect(policy).not.toContain('unsafe-inline');
  // The styles apply (the inline stylesheet and Wasim's CSSOM one).
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBeGreaterThan(0);
  expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
  // No worker on file://.
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBe(null);

  await uploadFiles(page, [ARTICLE.path]);
  await openDoc(page, ARTICLE.name);
  const place = await tag(page, 'العراق', '2');

  await page.reload();
  await waitForApp(page);
  await openDoc(page, ARTICLE.name);
  await expect.poll(() => spanTriples(page)).toEqual([[place.start, place.end, 'LOC']]);
  const group = await tag(page, 'داعش', '3');

  const { json, text } = await exportJson(page);
  expect((await validateWasim(json)).errors ?? []).toEqual([]);
  expect(checkSpanTexts(json)).toEqual([]);
  const doc = json.documents.find((d) => d.name === ARTICLE.name);
  expect(doc.text).toBe(ARTICLE.text);
  expect(doc.spans.map((s) => [s.start, s.end, s.label, s.text])).toEqual([
    [place.start, place.end, 'LOC', 'العراق'],
    [group.start, group.end, 'ORG', 'داعش'],
  ]);
  // Labels and spans have their colours: classes whose rules are in
  // Wasim's CSSOM stylesheet, which the policy does not refuse.
  const hex = json.labels.find((l) => l.name === 'LOC').color;
  const rgb = `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
  expect(await page.getByTestId('label-LOC').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(rgb);
  const mark = markLocator(page, { ...place, label: 'LOC' }).first();
  expect(await mark.evaluate((m) => getComputedStyle(m).getPropertyValue('--label-color').trim())).toBe(hex.toLowerCase());
  // The page loaded nothing but itself.
  expect([...new Set(requests)]).toEqual([url]);
  await context.close();

  // Another machine: a fresh profile opens the file and imports the export.
  const elsewhere = await fileContext(browser, problems);
  const other = await elsewhere.context.newPage();
  await other.goto(url);
  await waitForApp(other);
  await uploadFiles(other, [jsonFile('from-usb.json', text)]);
  await openDoc(other, ARTICLE.name);
  await expect.poll(() => spanTriples(other)).toEqual([
    [place.start, place.end, 'LOC'],
    [group.start, group.end, 'ORG'],
  ]);
  await elsewhere.context.close();
});

test('wasim.html refuses any other inline script, style attribute or style element', async ({ browser, problems }) => {
  const url = singleFile('usb');
  const { context } = await fileContext(browser, problems);
  const page = await context.newPage();
  await page.goto(url);
  await waitForApp(page);
  expect(await injectInline(page)).toEqual(INJECTION_REFUSED);
  await expect.poll(() => problems.filter((p) => p.includes('Content Security Policy')).length).toBeGreaterThanOrEqual(3);
  await forgetCspViolations(page, problems);
  await context.close();
});

// Chromium gives every file:// page one storage origin ("file://"): two
// copies of wasim.html in different folders open the same workspace (and
// only one of them at a time is the writer). README, "Offline and one file".
test('in Chromium, copies of wasim.html in different folders share one workspace', async ({ browser, problems }) => {
  const first = singleFile('usb');
  const second = singleFile('desktop/copy');
  expect(second).not.toBe(first);
  const { context } = await fileContext(browser, problems);
  const page = await context.newPage();
  await page.goto(first);
  await waitForApp(page);
  expect(await page.evaluate(() => location.origin)).toBe('file://');
  await uploadFiles(page, [ARTICLE.path]);
  await expect(docItem(page, ARTICLE.name)).toHaveCount(1);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.close();
  const copy = await context.newPage();
  await copy.goto(second);
  await waitForApp(copy);
  await expect(docItem(copy, ARTICLE.name)).toHaveCount(1);
  await context.close();
});

test('wasim.html served over HTTP next to the app registers no service worker', async ({ browser, problems }) => {
  const site = path.join(tmp, 'site');
  fs.cpSync(path.resolve(repoRoot, DIST), site, { recursive: true });
  execFileSync('node', [path.join(repoRoot, '.ci/single-file.mjs'), '--dist', site, '--out', path.join(site, 'wasim.html')], { stdio: 'pipe' });
  const { server, url } = await startServer({ dir: site, base: '/x/', port: 0 });
  const context = await browser.newContext();
  guardContext(context, problems, new URL(url).origin);
  try {
    const page = await context.newPage();
    await page.goto(`${url}wasim.html`);
    await waitForApp(page);
    await page.waitForTimeout(500);
    const registrations = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope));
    expect(await registrations()).toEqual([]);
    // The app's page at the same place does register one.
    await page.goto(url);
    await waitForApp(page);
    await expect.poll(registrations).toEqual([url]);
  } finally {
    await context.close();
    server.close();
  }
});
