// The same dist/ runs from any path of a static host: the suite serves it at
// /wasim/; this test serves it again at the root and at a deeper path, under
// the same Content Security Policy (a violation fails it, see fixtures.mjs).
import path from 'node:path';
import { test, expect, guardContext } from './fixtures.mjs';
import { repoRoot, waitForApp, uploadFiles, txtFile, docItem } from './helpers.mjs';
import { startServer } from './serve.mjs';
import { DIST } from '../../playwright.config.mjs';

for (const base of ['/', '/tools/annotate/']) {
  test(`dist/ works when served at ${base}`, async ({ browser, problems }) => {
    const { server, url } = await startServer({ dir: path.resolve(repoRoot, DIST), base, port: 0 });
    try {
      const context = await browser.newContext();
      guardContext(context, problems, new URL(url).origin);
      const page = await context.newPage();
      // The browser has nothing to say about the page (an `integrity` on
      // the wasm's preload, which Chromium ignores, drew a warning).
      const said = [];
      page.on('console', (m) => { if (['warning', 'error'].includes(m.type())) said.push(m.text()); });
      await page.goto(url);
      await waitForApp(page);
      await page.waitForTimeout(500);
      expect(said).toEqual([]);
      await expect(page.getByTestId('doc-text')).toContainText('Wasim');
      // The wasm loader is a file next to the page (the policy allows no
      // inline script), found under this path like Trunk's own files.
      const scripts = await page.evaluate(() => Array.from(document.scripts, (s) => s.src));
      expect(scripts).toHaveLength(1);
      expect(scripts[0].startsWith(url) && /\/loader-[0-9a-f]+\.js$/.test(scripts[0])).toBe(true);
      await uploadFiles(page, [txtFile('هنا.txt', 'نص تجريبي\n')]);
      await expect(docItem(page, 'هنا.txt')).toHaveCount(1);
      await context.close();
    } finally {
      server.close();
    }
  });
}
