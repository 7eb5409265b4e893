// Installable and offline after one visit (web/sw.js, web/manifest.webmanifest,
// src/platform/offline.rs). Each test serves its own copy of dist/ from its
// own server (tests/e2e/serve.mjs), so it can cut the network for real (the
// server is closed as well as `context.setOffline(true)`) and "deploy" a new
// build at the same URL: the copy is changed and `.ci/sw-manifest.mjs`, the
// build's own hook, is run on it again (a new version and a new sw.js).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, guardContext } from './fixtures.mjs';
import {
  repoRoot,
  readCorpus,
  waitForApp,
  uploadFiles,
  txtFile,
  docItem,
  openDoc,
  tagAndSave,
  spanTriples,
  exportJson,
  validateWasim,
  checkSpanTexts,
  expectMessage,
} from './helpers.mjs';
import { chromium } from '@playwright/test';
import { startServer } from './serve.mjs';
import { DIST, CHROMIUM_PATH, CHROMIUM_ARGS } from '../../playwright.config.mjs';

const [ARTICLE] = readCorpus();

/** A fresh copy of the built dist/ in a temporary directory, at `sub` under it. */
function copyBuild(root, sub = '') {
  const to = path.join(root, sub);
  fs.cpSync(path.resolve(repoRoot, DIST), to, { recursive: true });
  return to;
}

/** "Deploys" a new build into `dir`: a changed page, versioned again by the build's hook. */
function deployNewBuild(dir, { title = 'Wasim — new build', profile = 'release' } = {}) {
  const page = path.join(dir, 'index.html');
  fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`));
  execFileSync('node', [path.join(repoRoot, '.ci/sw-manifest.mjs')], {
    env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: profile },
    stdio: 'pipe',
  });
}

/**
 * Serves `dir` at `base` on a free port and runs `body({ url, context, stop })`
 * with a fresh guarded context; `stop()` closes the server and every open
 * connection (the network is gone). Closes both at the end.
 */
async function served({ browser, problems }, dir, base, body, options = {}) {
  const { server, url } = await startServer({ dir, base, port: 0, ...options });
  const stop = () => {
    server.close();
    server.closeAllConnections();
  };
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  guardContext(context, problems, new URL(url).origin);
  try {
    await body({ url, context, stop });
  } finally {
    await context.close();
    stop();
  }
}

/** A new page of `context` at `url`, once the app runs and its worker controls the page. */
async function openApp(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await waitForApp(page);
  await controlled(page);
  return page;
}

const buildVersion = (page) => page.locator('meta[name="wasim-build"]').getAttribute('content');

/** Waits until a worker is active and controls `page`; returns its scope and script. */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  return page.evaluate(async () => ({
    scope: (await navigator.serviceWorker.getRegistration()).scope,
    script: navigator.serviceWorker.controller.scriptURL,
  }));
}

/** Names of the caches of the page's origin. */
const cacheNames = (page) => page.evaluate(() => caches.keys());

const tag = (page, needle, key) => tagAndSave(page, ARTICLE.text, needle, key);

let tmp;
test.beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wasim-offline-'));
});
test.afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('after one visit the app starts with the network cut: the saved work is there, annotating and exporting work', async ({ browser, problems }) => {
  await served({ browser, problems }, copyBuild(tmp), '/wasim/', async ({ url, context, stop }) => {
    const page = await openApp(context, url);
    // The worker is the app's own, scoped to its directory.
    expect(await controlled(page)).toEqual({ scope: url, script: `${url}sw.js` });
    const version = await buildVersion(page);
    expect(version).toMatch(/^[0-9a-f]{20}$/);
    expect(await cacheNames(page)).toEqual([`wasim ${url} ${version}`]);

    await uploadFiles(page, [ARTICLE.path]);
    await openDoc(page, ARTICLE.name);
    const place = await tag(page, 'العراق', '2');

    // The network goes: the browser is offline and the host is gone.
    await context.setOffline(true);
    stop();
    const response = await page.reload();
    expect(response.fromServiceWorker()).toBe(true);
    await waitForApp(page);
    expect(await buildVersion(page)).toBe(version);
    await openDoc(page, ARTICLE.name);
    await expect.poll(() => spanTriples(page)).toEqual([[place.start, place.end, 'LOC']]);

    // Annotating and exporting work offline, and the work is kept.
    const group = await tag(page, 'داعش', '3');
    const { json } = await exportJson(page);
    expect((await validateWasim(json)).errors ?? []).toEqual([]);
    expect(checkSpanTexts(json)).toEqual([]);
    const doc = json.documents.find((d) => d.name === ARTICLE.name);
    expect(doc.spans.map((s) => [s.start, s.end, s.label, s.text])).toEqual([
      [place.start, place.end, 'LOC', 'العراق'],
      [group.start, group.end, 'ORG', 'داعش'],
    ]);
    await page.reload();
    await waitForApp(page);
    await openDoc(page, ARTICLE.name);
    await expect.poll(() => spanTriples(page)).toEqual([
      [place.start, place.end, 'LOC'],
      [group.start, group.end, 'ORG'],
    ]);
    // A new tab starts offline too.
    const other = await context.newPage();
    await other.goto(url);
    await waitForApp(other);
    await expect(docItem(other, ARTICLE.name)).toHaveCount(1);
    await expect(page.getByTestId('update-ready')).toHaveCount(0);
  });
});

// Cloudflare Pages, Netlify and many nginx setups send index.html to its
// directory. The worker cached that redirected response as the page, and
// Chromium refuses a redirected response for a navigation: after one visit
// the app could not be opened at all, online or offline.
test('a host that redirects index.html to its directory: the app opens again from its worker, online and offline', async ({ browser, problems }) => {
  await served({ browser, problems }, copyBuild(tmp), '/wasim/', async ({ url, context, stop }) => {
    const page = await openApp(context, url);
    await uploadFiles(page, [ARTICLE.path]);
    await openDoc(page, ARTICLE.name);
    const place = await tag(page, 'العراق', '2');
    const online = await page.reload();
    expect(online.fromServiceWorker()).toBe(true);
    await waitForApp(page);
    await context.setOffline(true);
    stop();
    for (const at of [url, `${url}index.html`, `${url}?fresh`]) {
      const other = await context.newPage();
      const response = await other.goto(at);
      expect(response.fromServiceWorker(), at).toBe(true);
      await waitForApp(other);
      await openDoc(other, ARTICLE.name);
      await expect.poll(() => spanTriples(other)).toEqual([[place.start, place.end, 'LOC']]);
      await other.close();
    }
  }, { redirectIndex: true });
});

test('a new build at the same URL: the app says so, keeps running its own build, and loads the new one only when the user accepts', async ({ browser, problems }) => {
  const dir = copyBuild(tmp);
  await served({ browser, problems }, dir, '/wasim/', async ({ url, context }) => {
    const page = await openApp(context, url);
    const oldVersion = await buildVersion(page);
    const oldTitle = await page.title();
    await uploadFiles(page, [txtFile('قبل.txt', 'نص كتب قبل التحديث\n')]);
    await expect(docItem(page, 'قبل.txt')).toHaveCount(1);
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    await expect(page.getByTestId('update-ready')).toHaveCount(0);
    // A second tab of the same build.
    const second = await openApp(context, url);

    deployNewBuild(dir);
    // The next load still runs the old build, whole (never a mix): the new
    // worker installs meanwhile and waits; the app offers to reload.
    await page.reload();
    await waitForApp(page);
    expect(await buildVersion(page)).toBe(oldVersion);
    expect(await page.title()).toBe(oldTitle);
    const ready = page.getByTestId('update-ready');
    await expect(ready).toBeVisible();
    await expect(ready).toContainText('new version');
    const newVersion = await page.evaluate(async () => {
      const waiting = (await navigator.serviceWorker.getRegistration()).waiting;
      const channel = new MessageChannel();
      const reply = new Promise((resolve) => (channel.port1.onmessage = (e) => resolve(e.data.version)));
      waiting.postMessage({ type: 'version' }, [channel.port2]);
      return reply;
    });
    expect(newVersion).toMatch(/^[0-9a-f]{20}$/);
    expect(newVersion).not.toBe(oldVersion);
    expect((await cacheNames(page)).sort()).toEqual([`wasim ${url} ${newVersion}`, `wasim ${url} ${oldVersion}`].sort());

    // Accepting: the new worker takes over and the page reloads into the new build.
    await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
    await waitForApp(page);
    expect(await buildVersion(page)).toBe(newVersion);
    expect(await page.title()).toBe('Wasim — new build');
    await expect(page.getByTestId('update-ready')).toHaveCount(0);
    await expect(docItem(page, 'قبل.txt')).toHaveCount(1);
    expect(await cacheNames(page)).toEqual([`wasim ${url} ${newVersion}`]);
    // The other tab was not reloaded under its user: it still runs the old
    // build and now says a new one is ready. Its user may put it off: the
    // notice goes for this page (it covered the corpus counts).
    await expect(second.getByTestId('update-ready')).toBeVisible();
    expect(await buildVersion(second)).toBe(oldVersion);
    await second.getByTestId('update-later').click();
    await expect(second.getByTestId('update-ready')).toHaveCount(0);
    expect(await buildVersion(second)).toBe(oldVersion);
    // Its next start runs the new build.
    await second.reload();
    await waitForApp(second);
    expect(await buildVersion(second)).toBe(newVersion);
    await expect(second.getByTestId('update-ready')).toHaveCount(0);
  });
});

// A new worker that does not take over when asked (Chromium once left one
// waiting while another tab was opening): the notice says so and what to
// do, instead of nothing happening.
test('a new version that does not take over after Reload is said, with what to do', async ({ browser, problems }) => {
  const dir = copyBuild(tmp);
  await served({ browser, problems }, dir, '/wasim/', async ({ url, context }) => {
    const page = await openApp(context, url);
    const oldVersion = await buildVersion(page);
    deployNewBuild(dir);
    // The new worker ignores the page's request to take over.
    const sw = path.join(dir, 'sw.js');
    const script = fs.readFileSync(sw, 'utf8');
    const ignoring = script.replace("if (type === 'skip-waiting') self.skipWaiting();", '');
    expect(ignoring).not.toBe(script);
    fs.writeFileSync(sw, ignoring);
    await page.reload();
    await waitForApp(page);
    const ready = page.getByTestId('update-ready');
    await expect(ready).toContainText('A new version of Wasim is ready.');
    await page.getByTestId('update-reload').click();
    await expect(ready).toContainText('has not taken over yet', { timeout: 15_000 });
    await expect(ready).toContainText('Close the other Wasim tabs');
    await expect(page.getByTestId('update-reload')).toBeVisible();
    expect(await buildVersion(page), 'still the build it runs, whole').toBe(oldVersion);
  });
});

// A first visit during a deployment: the page came from one build and its
// first worker from the next. It ran under that worker without a word, and
// its next reload was silently the other build.
test('a first visit whose worker comes from the next build says a new version is ready', async ({ browser, problems }) => {
  const dir = copyBuild(tmp);
  await served({ browser, problems }, dir, '/wasim/', async ({ url, context }) => {
    let deployed = false;
    await context.route('**/sw.js', async (route) => {
      if (!deployed) {
        deployed = true;
        deployNewBuild(dir);
      }
      await route.continue();
    });
    const page = await openApp(context, url);
    const pageVersion = await buildVersion(page);
    const workerVersion = await page.evaluate(async () => {
      const channel = new MessageChannel();
      const reply = new Promise((resolve) => (channel.port1.onmessage = (e) => resolve(e.data.version)));
      navigator.serviceWorker.controller.postMessage({ type: 'version' }, [channel.port2]);
      return reply;
    });
    expect(workerVersion).not.toBe(pageVersion);
    await expect(page.getByTestId('update-ready')).toBeVisible();
    await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
    await waitForApp(page);
    expect(await buildVersion(page)).toBe(workerVersion);
    await expect(page.getByTestId('update-ready')).toHaveCount(0);
  });
});

test('two apps under one host: each worker is scoped to its own path, and updating one leaves the other alone', async ({ browser, problems }) => {
  copyBuild(tmp, 'a');
  const b = copyBuild(tmp, 'b');
  await served({ browser, problems }, tmp, '/', async ({ url, context, stop }) => {
    const urlA = `${url}a/`;
    const urlB = `${url}b/`;
    const pageA = await openApp(context, urlA);
    expect(await controlled(pageA)).toEqual({ scope: urlA, script: `${urlA}sw.js` });
    const pageB = await openApp(context, urlB);
    expect(await controlled(pageB)).toEqual({ scope: urlB, script: `${urlB}sw.js` });
    const version = await buildVersion(pageA);
    const scopes = await pageA.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope).sort());
    expect(scopes).toEqual([urlA, urlB]);
    expect((await cacheNames(pageA)).sort()).toEqual([`wasim ${urlA} ${version}`, `wasim ${urlB} ${version}`]);

    deployNewBuild(b);
    await pageB.reload();
    await waitForApp(pageB);
    await expect(pageB.getByTestId('update-ready')).toBeVisible();
    await Promise.all([pageB.waitForEvent('load'), pageB.getByTestId('update-reload').click()]);
    await waitForApp(pageB);
    const newVersion = await buildVersion(pageB);
    expect(newVersion).not.toBe(version);
    // B's old cache is gone, A's is untouched, and A was told nothing.
    expect((await cacheNames(pageA)).sort()).toEqual([`wasim ${urlA} ${version}`, `wasim ${urlB} ${newVersion}`]);
    await expect(pageA.getByTestId('update-ready')).toHaveCount(0);
    // Both start offline, each its own build.
    await context.setOffline(true);
    stop();
    for (const [page, v] of [[pageA, version], [pageB, newVersion]]) {
      await page.reload();
      await waitForApp(page);
      expect(await buildVersion(page)).toBe(v);
    }
  });
});

test('an app under another app\'s path: its first visit, controlled by the outer worker until its own takes over, is no new build', async ({ browser, problems }) => {
  copyBuild(tmp, 'a');
  copyBuild(tmp, 'a/beta');
  await served({ browser, problems }, tmp, '/', async ({ url, context }) => {
    const outer = `${url}a/`;
    const inner = `${url}a/beta/`;
    await openApp(context, outer);
    const page = await context.newPage();
    await page.goto(inner);
    await waitForApp(page);
    // Its own worker takes over the page the outer one controlled at first.
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${inner}sw.js`);
    await page.waitForTimeout(1000);
    await expect(page.getByTestId('update-ready')).toHaveCount(0);
    await page.reload();
    await waitForApp(page);
    await page.waitForTimeout(500);
    await expect(page.getByTestId('update-ready')).toHaveCount(0);
  });
});

test('a host that changes a file: the first visit says the app cannot work offline there, and it works online', async ({ browser, problems }) => {
  const dir = copyBuild(tmp);
  const page = path.join(dir, 'index.html');
  fs.appendFileSync(page, '<!-- served by ExampleHost -->\n');
  await served({ browser, problems }, dir, '/wasim/', async ({ url, context }) => {
    const tab = await context.newPage();
    await tab.goto(url);
    await waitForApp(tab);
    await expectMessage(tab, 'warning', 'could not make its offline copy');
    expect(await tab.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    await uploadFiles(tab, [txtFile('a.txt', 'نص\n')]);
    await expect(docItem(tab, 'a.txt')).toHaveCount(1);
  });
});

test('a debug build served where a release build was retires its worker and caches', async ({ browser, problems }) => {
  const dir = copyBuild(tmp);
  await served({ browser, problems }, dir, '/wasim/', async ({ url, context }) => {
    const page = await openApp(context, url);
    deployNewBuild(dir, { title: 'Wasim — debug build', profile: 'debug' });
    expect(fs.readFileSync(path.join(dir, 'index.html'), 'utf8')).not.toContain('wasim-build');
    // The old worker serves this load; the browser's update check meanwhile
    // finds the retiring worker, which removes the caches and itself.
    await page.reload();
    await waitForApp(page);
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    await expect.poll(() => cacheNames(page)).toEqual([]);
    const response = await page.reload();
    expect(response.fromServiceWorker()).toBe(false);
    await waitForApp(page);
    expect(await page.title()).toBe('Wasim — debug build');
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBe(null);
  });
});

// Chromium does not install from an incognito profile (what Playwright's
// contexts are), so this test runs on a persistent profile of its own.
test('the app is installable: a manifest with PNG icons of 192 and 512 pixels, and a worker', async ({ problems, baseURL }) => {
  const context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  guardContext(context, problems, new URL(baseURL).origin);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(baseURL);
    await waitForApp(page);
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.url).toBe(`${baseURL}manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    const parsed = JSON.parse(manifest.data);
    expect(parsed.start_url).toBe('./');
    const sizes = parsed.icons.filter((i) => i.type === 'image/png').map((i) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of parsed.icons) {
      const response = await page.request.get(new URL(icon.src, manifest.url).href);
      expect(response.status(), icon.src).toBe(200);
    }
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
  }
});
