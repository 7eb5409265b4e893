// Hostile files and the Content Security Policy.
//
// Values that reach a style, a class or a shortcut are checked on every way
// in (a Wasim file, a label set, a profile saved before the check): a colour
// that smuggles CSS is replaced, with a message naming the file and the
// label, and asks nothing of another origin. Label names, notes, entity ids
// and document names with HTML in them are shown as text, never as markup
// (one test each). The page runs under a strict policy: no inline script, no
// style attribute, nothing from another origin.
import { test, expect, forgetCspViolations } from './fixtures.mjs';
import {
  gotoApp, waitForApp, uploadFiles, jsonFile, expectMessage, openDoc, clickSpan, markLocator, writeProfile, readFixture, storedValue, docItem,
  injectInline, INJECTION_REFUSED,
} from './helpers.mjs';

const SMUGGLED = '#00ff00; background-image: url(http://127.0.0.2:9/x.png)';
const EVIL = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
const TEXT = 'زار علي بغداد';

/** A workspace file with one document; `labels`, the document's name and spans as given. */
function workspace({ labels, name = 'doc.txt', spans }) {
  return {
    format: 'wasim',
    version: 2,
    labels,
    documents: [{ name, text: TEXT, spans }],
  };
}

const PER = { start: 4, end: 7, label: 'PER', text: 'علي' };
const LOC = { start: 8, end: 13, label: 'LOC', text: 'بغداد' };
const plainLabels = [
  { name: 'PER', color: '#ffc38a', key: '1' },
  { name: 'LOC', color: '#9be39b', key: '2' },
];

/** Every request the context makes, to assert none leaves the app's origin. */
function recordRequests(context) {
  const urls = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}

const foreign = (urls, origin) => urls.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));

/** Nothing of `markup` became an element, and its script never ran. */
async function expectInert(page) {
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('b', { hasText: 'bold' }).count()).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
}

/** The inline style of every element (set through the CSSOM) carries no URL. */
async function expectNoUrlInStyles(page) {
  const styles = await page.evaluate(() => Array.from(document.querySelectorAll('[style]'), (e) => e.getAttribute('style')));
  for (const style of styles) expect(style).not.toMatch(/url\(|image/);
}

/** The computed background colour of the first mark of `span`. */
const markBackground = (page, span) => markLocator(page, span).first().evaluate((m) => getComputedStyle(m).backgroundColor);

test('a Wasim file whose label colour smuggles CSS is repaired with a message naming the file and the label, and asks no other origin', async ({ page, context, appOrigin }) => {
  const requests = recordRequests(context);
  await gotoApp(page);
  const labels = [{ name: 'PER', color: SMUGGLED, key: '1' }, { name: 'LOC', color: '#9be39b', key: '?' }];
  await uploadFiles(page, [jsonFile('evil.json', workspace({ labels, spans: [PER, LOC] }))]);
  const message = await expectMessage(page, 'warning', 'evil.json');
  await expect(message).toContainText('label "PER": colour');
  await expect(message).toContainText('is not #rrggbb');
  await openDoc(page, 'doc.txt');
  await expect(markLocator(page, PER)).toHaveCount(1);
  // The span is drawn with a palette colour: a plain colour, no image.
  expect(await markBackground(page, PER)).toMatch(/^rgb\(\d+, \d+, \d+\)$/);
  expect(await markLocator(page, PER).first().evaluate((m) => getComputedStyle(m).backgroundImage)).toBe('none');
  await expectNoUrlInStyles(page);
  // The reserved hotkey was dropped, with a message too.
  await expect(page.getByTestId('label-LOC').locator('kbd')).toHaveCount(0);
  expect(foreign(requests, appOrigin)).toEqual([]);
});

test('a label set file whose colour smuggles CSS is repaired with a message', async ({ page, context, appOrigin }) => {
  const requests = recordRequests(context);
  await gotoApp(page);
  const set = { format: 'wasim-labels', version: 1, labels: [{ name: 'GPE', color: SMUGGLED, key: '7' }] };
  await page.getByTestId('labels-import').setInputFiles(jsonFile('set.json', set));
  await expect(page.getByTestId('label-GPE')).toContainText('7');
  await expectMessage(page, 'warning', 'set.json: label "GPE": colour');
  const button = page.getByTestId('label-GPE');
  expect(await button.evaluate((b) => getComputedStyle(b).backgroundImage)).toBe('none');
  expect(await button.getAttribute('style')).toBeNull();
  await expectNoUrlInStyles(page);
  expect(foreign(requests, appOrigin)).toEqual([]);
});

test('a profile saved before colours were checked opens repaired, with a message', async ({ page, context, appOrigin }) => {
  const requests = recordRequests(context);
  const dump = JSON.parse(readFixture('v1-profile.json'));
  const meta = dump.stores.meta.find(([key]) => key === 'snapshot');
  meta[1].labels[0].color = SMUGGLED;
  const name = meta[1].labels[0].name;
  await writeProfile(page, dump);
  await page.goto('./');
  await waitForApp(page);
  await expectMessage(page, 'warning', `Saved workspace: label "${name}": colour`);
  const shown = meta[1].documents.find((d) => d.spans.some((s) => s.label === name));
  await openDoc(page, shown.name);
  const span = shown.spans.find((s) => s.label === name);
  await expect(markLocator(page, span)).toHaveCount(1);
  expect(await markLocator(page, span).first().evaluate((m) => getComputedStyle(m).backgroundImage)).toBe('none');
  await expectNoUrlInStyles(page);
  // Written back repaired: the next opening says nothing.
  const record = async () => {
    const value = await storedValue(page, 'meta', 'workspace');
    return typeof value === 'string' ? value : JSON.stringify(value ?? null);
  };
  await expect.poll(record).toContain('"labels"');
  expect(await record()).not.toContain('url(');
  await page.reload();
  await waitForApp(page);
  await expect(docItem(page, shown.name)).toHaveCount(1);
  await expect(page.locator('[data-testid="message"]', { hasText: 'Saved workspace: label' })).toHaveCount(0);
  expect(foreign(requests, appOrigin)).toEqual([]);
});

test('a label name with HTML is shown as text: its button, its spans, the entities and the counts', async ({ page }) => {
  await gotoApp(page);
  const name = `LOC${EVIL}`;
  const labels = [plainLabels[0], { name, color: '#9be39b', key: '2' }];
  await uploadFiles(page, [jsonFile('names.json', workspace({ labels, spans: [PER, { ...LOC, label: name }] }))]);
  await openDoc(page, 'doc.txt');
  await expect(page.getByTestId(`label-${name}`)).toHaveText(new RegExp('^LOC<img src=x'));
  // The name is the span's data-label (and its badge, drawn by CSS from it).
  const labelled = () => page.getByTestId('doc-text').evaluate((root, name) => [...root.querySelectorAll('mark')].filter((m) => m.dataset.label === name).length, name);
  await expect.poll(labelled).toBe(1);
  await expect(page.locator('[data-testid="entity-group"]', { hasText: name })).toHaveCount(1);
  await expect(page.locator('[data-testid="corpus-count"]', { hasText: name })).toHaveCount(1);
  await expectInert(page);
});

/** A span field (`span-note`, `span-entity-id`) shows `value` as text. */
async function fieldShowsText(page, testid, span, value) {
  await gotoApp(page);
  await uploadFiles(page, [jsonFile('fields.json', workspace({ labels: plainLabels, spans: [span] }))]);
  await openDoc(page, 'doc.txt');
  await clickSpan(page, span);
  await expect(page.getByTestId(testid)).toHaveValue(value);
  await expectInert(page);
}

test('a note with HTML is shown as text', async ({ page }) => {
  const note = `note ${EVIL}`;
  await fieldShowsText(page, 'span-note', { ...PER, note }, note);
});

test('an entity id with HTML is shown as text', async ({ page }) => {
  const entity_id = `Q1${EVIL}`;
  await fieldShowsText(page, 'span-entity-id', { ...PER, entity_id }, entity_id);
});

test('a document name with HTML is shown as text', async ({ page }) => {
  await gotoApp(page);
  const name = `doc${EVIL}.txt`;
  await uploadFiles(page, [jsonFile('docs.json', workspace({ labels: plainLabels, name, spans: [PER] }))]);
  await expect(page.getByTestId('doc-item').filter({ hasText: name })).toHaveCount(1);
  await openDoc(page, name);
  await expect(page.getByTestId('doc-text')).toHaveAttribute('aria-label', `Text of ${name}`);
  await expectInert(page);
});

test('names that only look like others: a document name shows its direction override, a label with one is refused', async ({ page }) => {
  await gotoApp(page);
  // «\u202egnp.txt» was listed as «txt.png».
  await uploadFiles(page, [jsonFile('spoof.json', workspace({ labels: plainLabels, name: '\u202egnp.txt', spans: [PER] }))]);
  const item = page.getByTestId('doc-item').filter({ hasText: 'gnp.txt' });
  await expect(item.locator('.doc-name')).toHaveText('\\u{202e}gnp.txt');
  await expect(item).toHaveAttribute('data-doc-name', '\u202egnp.txt');
  // «\u202eREP» is drawn PER beside a real PER: refused, the work kept.
  const labels = [...plainLabels, { name: '\u202eREP', color: '#9fd0ff' }];
  await uploadFiles(page, [jsonFile('labels.json', workspace({ labels, spans: [PER] }))]);
  await expectMessage(page, 'error', 'labels.json: label "\\u{202e}REP" holds a direction override or isolate');
  await expect(page.getByTestId('doc-item')).toHaveCount(1);
});

test('the page runs under a strict Content Security Policy, and breaking it is reported', async ({ page, problems }) => {
  await gotoApp(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
  expect(directives).toEqual({
    'default-src': "'self'",
    'script-src': "'self' 'wasm-unsafe-eval'",
    'style-src': "'self'",
    'img-src': "'self'",
    'connect-src': "'self'",
    'worker-src': "'self'",
    'manifest-src': "'self'",
    'object-src': "'none'",
    'base-uri': "'self'",
    'form-action': "'none'",
  });
  // The built page has no inline script, no <style> and no style attribute.
  const page0 = await page.evaluate(() => ({
    inline: document.querySelectorAll('script:not([src])').length,
    styles: document.querySelectorAll('style').length,
  }));
  expect(page0).toEqual({ inline: 0, styles: 0 });
  // The label colours are classes of Wasim's own stylesheet, not attributes.
  await expect(page.getByTestId('label-PER')).not.toHaveAttribute('style', /./);
  expect(await page.getByTestId('label-PER').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(255, 195, 138)');
  // An injected inline script, style attribute and style element are
  // refused, and each is reported as a violation.
  expect(await injectInline(page)).toEqual(INJECTION_REFUSED);
  // The guard saw them: a violation fails a test. These were this test's own.
  await expect.poll(() => problems.filter((p) => p.includes('Content Security Policy')).length).toBeGreaterThanOrEqual(3);
  await forgetCspViolations(page, problems);
});

// A label name of 20,000 letters was drawn whole: the label button ran off
// the page and the name, shown after its span, filled the text.
test('a label name of hostile length is cut with an ellipsis in the toolbar and after its span', async ({ page }) => {
  await gotoApp(page);
  const name = 'L'.repeat(20_000);
  const text = 'زار محمد بغداد';
  await uploadFiles(page, [jsonFile('long.json', {
    format: 'wasim', version: 2,
    labels: [{ name, color: '#ff3333', key: '1' }],
    documents: [{ name: 'h.txt', text, done: false, spans: [{ start: 4, end: 8, label: name, text: 'محمد' }] }],
  })]);
  const mark = page.locator(`[data-testid="doc-text"] mark[data-span-start="4"]`);
  await expect(mark).toHaveAttribute('data-label', name);
  const button = await page.getByTestId(`label-${name}`).boundingBox();
  expect(button.width).toBeLessThan(400);
  const line = await page.locator('[data-testid="doc-text"] .line').first().boundingBox();
  expect(line.height).toBeLessThan(100);
});
