// The same dist/ runs from any path of a static host: the suite serves it at
// /wasim/; this test serves it again at the root and at a deeper path.
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
      await page.goto(url);
      await waitForApp(page);
      await expect(page.getByTestId('doc-text')).toContainText('Wasim');
      await uploadFiles(page, [txtFile('هنا.txt', 'نص تجريبي\n')]);
      await expect(docItem(page, 'هنا.txt')).toHaveCount(1);
      await context.close();
    } finally {
      server.close();
    }
  });
}
