// A day of annotating (issue 12, items 10 and 11): the demo is a tour that
// makes way for real work and comes back from the help sheet; export file
// names say what they hold and when; the scroll position, the selected span
// and the search survive a reload and a document switch; the entities filter
// folds Arabic letters like the search bar.
import { test, expect } from './fixtures.mjs';
import {
  gotoApp, waitForApp, docItem, docItems, openDoc, openDocName, uploadFiles, txtFile, cpFind, dragSelect,
  markLocator, downloadFrom, exportJson, DEMO_NAME, expectMessage, exportAs,
} from './helpers.mjs';

/** The entries of a stored (uncompressed) zip, as Wasim writes them: [{ name, text }]. */
function zipEntries(buf) {
  const out = [];
  let i = 0;
  while (i + 30 <= buf.length && buf.readUInt32LE(i) === 0x04034b50) {
    const size = buf.readUInt32LE(i + 18);
    const nameLen = buf.readUInt16LE(i + 26);
    const extraLen = buf.readUInt16LE(i + 28);
    const name = buf.subarray(i + 30, i + 30 + nameLen).toString('utf8');
    const start = i + 30 + nameLen + extraLen;
    out.push({ name, text: buf.subarray(start, start + size).toString('utf8') });
    i = start + size;
  }
  return out;
}

/** The browser's local date, YYYY-MM-DD (what the app names exports with). */
const today = (page) =>
  page.evaluate(() => {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });

const ARTICLE = 'التقى الوفد في دولة الإمارات بممثلين عن جامعة الكوفة ثم عاد إلى العراق.\n';

test('loading a file puts the demo away: not in the list, the progress, the corpus counts or the exports', async ({ page }) => {
  await gotoApp(page);
  await expect(docItem(page, DEMO_NAME)).toHaveCount(1);
  await expect(page.getByTestId('progress')).toHaveAttribute('data-total', '0');

  await uploadFiles(page, [txtFile('003_مقال.txt', ARTICLE), txtFile('ثان.txt', 'نص ثان بلا كيانات.\n')]);
  await expect(docItem(page, '003_مقال.txt')).toHaveCount(1);
  await expect(docItem(page, DEMO_NAME)).toHaveCount(0);
  await expect(docItems(page)).toHaveCount(2);
  const progress = page.getByTestId('progress');
  await expect(progress).toHaveAttribute('data-total', '2');
  await expect(progress).toContainText('0 / 2 done');
  await docItem(page, 'ثان.txt').getByTestId('doc-done').click();
  await expect(progress).toContainText('1 / 2 done');

  await openDoc(page, '003_مقال.txt');
  const uae = cpFind(ARTICLE, 'الإمارات');
  await dragSelect(page, uae.start, uae.end, 'الإمارات');
  await page.keyboard.press('2');
  await expect(page.locator('[data-testid="corpus-count"][data-label="LOC"] .num')).toHaveText('1');

  const { json } = await exportJson(page);
  expect(json.documents.map((d) => d.name)).toEqual(['003_مقال.txt', 'ثان.txt']);

  const zip = await exportAs(page, 'brat', 'corpus');
  const entries = zipEntries(zip.buffer);
  expect(entries.map((e) => e.name).sort()).toEqual(['003_مقال.ann', '003_مقال.txt', 'annotation.conf', 'ثان.ann', 'ثان.txt'].sort());
  for (const e of entries) expect(e.text, `${e.name} holds nothing of the demo`).not.toContain('UNESCO');

  const conll = await exportAs(page, 'conll', 'corpus');
  expect(conll.text).toContain('الإمارات');
  expect(conll.text).not.toContain('UNESCO');
  await expect(page.locator('[data-testid="message"]').filter({ hasText: 'Wasim demo' })).toHaveCount(0);
});

test('the demo comes back from the help sheet, uncounted, and makes way again on the next load', async ({ page }) => {
  await gotoApp(page);
  await uploadFiles(page, [txtFile('a.txt', ARTICLE)]);
  await expect(docItem(page, DEMO_NAME)).toHaveCount(0);

  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toBeVisible();
  await page.getByTestId('show-demo').click();
  await expect(page.getByTestId('shortcuts')).toHaveCount(0);
  await expect(docItem(page, DEMO_NAME)).toHaveCount(1);
  expect(await openDocName(page)).toBe(DEMO_NAME);
  await expect(page.getByTestId('doc-text')).toContainText('UNESCO');
  await expect(page.getByTestId('progress')).toHaveAttribute('data-total', '1');
  expect((await exportJson(page)).json.documents.map((d) => d.name)).toEqual(['a.txt']);

  // Only once, however often it is asked for.
  await page.keyboard.press('?');
  await page.getByTestId('show-demo').click();
  await expect(docItem(page, DEMO_NAME)).toHaveCount(1);

  await uploadFiles(page, [txtFile('b.txt', 'نص آخر.\n')]);
  await expect(docItem(page, 'b.txt')).toHaveCount(1);
  await expect(docItem(page, DEMO_NAME)).toHaveCount(0);
  // Undoing the load brings the demo back: nothing is lost. The message
  // names the load, not the demo's removal.
  await page.keyboard.press('Control+z');
  await expect(docItem(page, 'b.txt')).toHaveCount(0);
  await expect(docItem(page, DEMO_NAME)).toHaveCount(1);
  await expectMessage(page, 'info', 'Undid: loading b.txt');
});

test('export names say what they hold and when: the document, or the corpus', async ({ page }) => {
  await gotoApp(page);
  await uploadFiles(page, [txtFile('003_مقال.txt', ARTICLE), txtFile('b.txt', 'نص.\n')]);
  await openDoc(page, '003_مقال.txt');
  const date = await today(page);
  expect((await exportAs(page, 'conll', 'open')).name).toBe(`003_مقال_${date}.conll`);
  // Formats that share an extension say which they are.
  expect((await exportAs(page, 'doccano', 'open')).name).toBe(`003_مقال_${date}.doccano.jsonl`);
  expect((await exportAs(page, 'spacy', 'open')).name).toBe(`003_مقال_${date}.spacy.jsonl`);
  expect((await exportAs(page, 'label-studio', 'corpus')).name).toBe(`corpus_${date}.label-studio.json`);
  expect((await exportAs(page, 'brat', 'corpus')).name).toBe(`corpus_${date}.zip`);
  expect((await exportAs(page, 'wasim', 'corpus')).name).toBe(`corpus_${date}.json`);
  expect((await exportAs(page, 'wasim', 'open')).name).toBe(`003_مقال_${date}.json`);
  expect((await downloadFrom(page, page.getByTestId('export-json'))).name).toBe(`corpus_${date}.json`);
});

// ------------------------------------------------------------------ resuming

// Short lines: each fits on one visual line, so lines not drawn yet
// (content-visibility) already have their real height and a test's own
// scrolling lands where it aims.
const longText = (tag, special) =>
  Array.from({ length: 160 }, (_, i) =>
    i === special ? `سطر ${i}: التقى نجيب محفوظ في المدينة.` : `سطر ${i} في ${tag}: المدينة القديمة.`,
  ).join('\n') + '\n';
const LONG1 = longText('الأول', 130);
const LONG2 = longText('الثاني', 20);

/**
 * data-line-start of the line of doc-text at the top of its scrolling box
 * (10 px below the edge, so that a restore a few pixels off still counts).
 */
const topLine = (page) =>
  page.getByTestId('doc-text').evaluate((root) => {
    let box = root.parentElement;
    while (box && !(/(auto|scroll)/.test(getComputedStyle(box).overflowY) && box.scrollHeight > box.clientHeight)) {
      box = box.parentElement;
    }
    const top = box ? box.getBoundingClientRect().top : 0;
    const line = [...root.querySelectorAll(':scope > .line')].find((l) => l.getBoundingClientRect().bottom > top + 10);
    return Number(line.getAttribute('data-line-start'));
  });

/** Scroll so that line n (0-based) of the open document is at the top. */
const scrollToLine = (page, n) =>
  page.getByTestId('doc-text').evaluate((root, n) => {
    const line = root.querySelectorAll(':scope > .line')[n];
    line.scrollIntoView({ block: 'start' });
    return Number(line.getAttribute('data-line-start'));
  }, n);

/**
 * Open a document by clicking its list item without scrolling to it first:
 * while the page itself scrolls (the document list scrolls away with the
 * text), Playwright's click would scroll the text to the top before
 * switching, which is not what is being tested here.
 */
async function switchTo(page, name) {
  const item = docItem(page, name);
  await item.dispatchEvent('click');
  await expect(item).toHaveAttribute('aria-current', 'true');
}

/** The remembered place of the open document, once it is saved. */
const savedPlace = (page) =>
  page.evaluate(() => {
    const id = Number(document.querySelector('[data-testid="doc-text"]').getAttribute('data-doc-id'));
    const record = JSON.parse(localStorage.getItem('wasim.resume') || '{}');
    return (record.places || []).find((p) => p.doc === id) || null;
  });

test('scroll position, selected span and search survive a document switch and a reload', async ({ page }) => {
  await gotoApp(page);
  await uploadFiles(page, [txtFile('long1.txt', LONG1), txtFile('long2.txt', LONG2)]);
  await openDoc(page, 'long1.txt');
  await expect.poll(() => topLine(page)).toBe(0);

  // The search: a query, an option changed, the corpus as scope.
  await page.getByTestId('search-input').fill('المدينة');
  await page.getByTestId('search-whole-word').uncheck();
  await page.getByTestId('search-scope').selectOption('corpus');
  await expect(page.getByTestId('search-count')).toHaveAttribute('data-count', '320');

  // A span deep in the document, selected.
  const name = cpFind(LONG1, 'نجيب محفوظ');
  await dragSelect(page, name.start, name.end, 'نجيب محفوظ');
  await page.keyboard.press('1');
  const span = { ...name, label: 'PER' };
  await expect(markLocator(page, span).first()).toHaveClass(/\bselected\b/);

  // Scrolled to line 120.
  const at1 = await scrollToLine(page, 120);
  await expect.poll(() => topLine(page)).toBe(at1);
  await expect.poll(async () => (await savedPlace(page))?.line).toBe(at1);

  // Another document opens at its top; scrolled, then left.
  await switchTo(page, 'long2.txt');
  await expect.poll(() => topLine(page)).toBe(0);
  await expect(page.locator('mark.selected')).toHaveCount(0);
  const at2 = await scrollToLine(page, 60);
  await expect.poll(async () => (await savedPlace(page))?.line).toBe(at2);

  // Back to the first: where it was, its span selected.
  await switchTo(page, 'long1.txt');
  await expect.poll(() => topLine(page)).toBe(at1);
  await expect(markLocator(page, span).first()).toHaveClass(/\bselected\b/);
  await switchTo(page, 'long2.txt');
  await expect.poll(() => topLine(page)).toBe(at2);
  await switchTo(page, 'long1.txt');
  await expect.poll(() => topLine(page)).toBe(at1);

  // A reload: the open document, its place, its selected span and the search.
  await page.reload();
  await waitForApp(page);
  expect(await openDocName(page)).toBe('long1.txt');
  await expect.poll(() => topLine(page)).toBe(at1);
  await expect(markLocator(page, span).first()).toHaveClass(/\bselected\b/);
  await expect(page.getByTestId('span-details')).toBeVisible();
  await expect(page.getByTestId('search-input')).toHaveValue('المدينة');
  await expect(page.getByTestId('search-whole-word')).not.toBeChecked();
  await expect(page.getByTestId('search-diacritics')).toBeChecked();
  await expect(page.getByTestId('search-scope')).toHaveValue('corpus');
  await expect(page.getByTestId('search-count')).toHaveAttribute('data-count', '320');
  await switchTo(page, 'long2.txt');
  await expect.poll(() => topLine(page)).toBe(at2);
});

test('a broken resume record is ignored', async ({ page }) => {
  await gotoApp(page);
  await uploadFiles(page, [txtFile('long1.txt', LONG1)]);
  await openDoc(page, 'long1.txt');
  await page.evaluate(() => localStorage.setItem('wasim.resume', '{"version":1,"places":[{"doc":"x"'));
  await page.reload();
  await waitForApp(page);
  expect(await openDocName(page)).toBe('long1.txt');
  await expect.poll(() => topLine(page)).toBe(0);
  await expect(page.getByTestId('search-input')).toHaveValue('');
});

test('the entities filter folds hamza forms like search: الامارات finds الإمارات', async ({ page }) => {
  await gotoApp(page);
  await uploadFiles(page, [txtFile('a.txt', ARTICLE)]);
  await openDoc(page, 'a.txt');
  for (const [word, key] of [['الإمارات', '2'], ['جامعة الكوفة', '3'], ['العراق', '2']]) {
    const r = cpFind(ARTICLE, word);
    await dragSelect(page, r.start, r.end, word);
    await page.keyboard.press(key);
  }
  await expect(page.getByTestId('entity-item')).toHaveCount(3);
  const filter = page.getByTestId('entity-filter');
  await filter.fill('الامارات');
  await expect(page.getByTestId('entity-item')).toHaveCount(1);
  await expect(page.getByTestId('entity-item')).toHaveText('الإمارات');
  await filter.fill('جامعه');
  await expect(page.getByTestId('entity-item')).toHaveText('جامعة الكوفة');
  await filter.fill('بغداد');
  await expect(page.getByTestId('entity-item')).toHaveCount(0);
});
