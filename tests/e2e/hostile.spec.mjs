// Hostile files: values that reach a style or an attribute are validated on
// import (a colour that smuggles CSS is replaced, with a message), and names,
// notes and entity ids with HTML in them are shown as text, never as markup.
import { test, expect } from './fixtures.mjs';
import { gotoApp, uploadFiles, jsonFile, expectMessage, openDoc, clickSpan } from './helpers.mjs';

const EVIL = '<img src=x onerror="window.__pwned=1"><b>bold</b>';

test('a label colour that smuggles CSS is replaced with a message, and HTML shows as text', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await gotoApp(page);
  const text = 'زار علي بغداد';
  const workspace = {
    format: 'wasim',
    version: 2,
    labels: [
      { name: 'PER', color: '#00ff00; background-image: url(http://127.0.0.2:9/x.png)', key: '1' },
      { name: `LOC${EVIL}`, color: '#9be39b', key: '2' },
    ],
    documents: [{
      name: `doc${EVIL}.txt`,
      text,
      spans: [
        { start: 4, end: 7, label: 'PER', text: 'علي', note: `note ${EVIL}`, entity_id: `Q1${EVIL}` },
        { start: 8, end: 13, label: `LOC${EVIL}`, text: 'بغداد' },
      ],
    }],
  };
  await uploadFiles(page, [jsonFile('evil.json', workspace)]);
  await expectMessage(page, 'warning', 'is not #rrggbb');
  await openDoc(page, `doc${EVIL}.txt`);
  const styles = await page.evaluate(() => Array.from(document.querySelectorAll('[style]')).map((e) => e.getAttribute('style')));
  for (const style of styles) expect(style).not.toContain('url(');
  await clickSpan(page, { start: 4, end: 7, label: 'PER' });
  await expect(page.getByTestId('span-note')).toHaveValue(`note ${EVIL}`);
  await expect(page.getByTestId('span-entity-id')).toHaveValue(`Q1${EVIL}`);
  // Shown as text: no element was made from the names.
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await expect(page.getByTestId('doc-item').filter({ hasText: `doc${EVIL}.txt` })).toHaveCount(1);
  await expect(page.getByTestId(`label-LOC${EVIL}`)).toHaveText(new RegExp('LOC<img'));
  expect(requests.filter((u) => !u.startsWith('http://127.0.0.1'))).toEqual([]);
});

test('the page runs under its Content Security Policy: no inline script but Trunk\'s loader, by hash', async ({ page, problems }) => {
  await gotoApp(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(scriptSrc).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("object-src 'none'");
  // An injected inline script is refused (and reported as a violation).
  const ran = await page.evaluate(async () => {
    const seen = new Promise((resolve) => document.addEventListener('securitypolicyviolation', () => resolve('blocked'), { once: true }));
    const s = document.createElement('script');
    s.textContent = 'window.__injected = 1;';
    document.body.appendChild(s);
    return Promise.race([seen, new Promise((r) => setTimeout(() => r('no event'), 1000))]).then((v) => [v, window.__injected]);
  });
  expect(ran).toEqual(['blocked', undefined]);
  // That violation was this test's own doing: the guard reported it, as it should.
  await expect.poll(() => problems.some((p) => p.includes('Content Security Policy violation'))).toBe(true);
  problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('Content Security Policy violation')));
});
