// Long lists and big imports: a corpus of thousands of generated Arabic
// articles (made here, deterministically), a document with thousands of
// spans, and thousands of loose .txt files.
//
// The document list, the entities panel and the search results are
// windowed: only the rows in and near view are in the DOM (asserted as a
// bound on the number of items), and an item far down is reached by
// scrolling, by the list's filter or by the keyboard, and opens. A big import
// shows a progress bar (import-progress, with aria-valuenow) while the page
// keeps drawing frames: a requestAnimationFrame callback sees the bar at an
// intermediate value. Nothing here measures time.
import { test, expect } from './fixtures.mjs';
import { gotoApp, uploadFiles, jsonFile, txtFile, docItem, docItems, openDocName, docText } from './helpers.mjs';

const ARTICLES = 3000;
/** More rows than this in the DOM means a list is not windowed. */
const BOUND = 200;

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const WORDS = ['زار', 'قال', 'اليوم', 'مشروعاً', 'جديداً', 'حول', 'التعليم', 'في', 'مع', 'على', 'من', 'إلى', 'الثقافة', 'المدينة', 'الكتاب', 'البحث', 'الطلاب', 'المكتبة'];
const PLACES = ['بغداد', 'الموصل', 'البصرة', 'أربيل', 'القاهرة', 'بيروت'];
const name = (i) => `مقال_${String(i).padStart(5, '0')}.txt`;

/** A workspace of `n` short articles, each naming one place (tagged LOC) and
 * ending with its own number and the word سنبلة (found once per article). */
function corpusWorkspace(n) {
  const rand = rng(20250601);
  const documents = [];
  for (let i = 0; i < n; i++) {
    const place = PLACES[i % PLACES.length];
    const words = Array.from({ length: 40 + Math.floor(rand() * 40) }, () => WORDS[Math.floor(rand() * WORDS.length)]);
    const head = `${words.slice(0, 6).join(' ')} ${place}`;
    const text = `${head} ${words.slice(6).join(' ')}.\nرقم ${i} سنبلة\n`;
    const start = Array.from(head).length - Array.from(place).length;
    documents.push({ name: name(i), text, done: i % 5 === 0, spans: [{ start, end: start + Array.from(place).length, label: 'LOC', text: place }] });
  }
  return {
    format: 'wasim', version: 2,
    labels: [{ name: 'PER', color: '#ffc38a', key: '1' }, { name: 'LOC', color: '#9be39b', key: '2' }, { name: 'ORG', color: '#a3c9ff', key: '3' }],
    documents, open: 0,
  };
}

/** One article whose every word is a span: `n` spans, PER and LOC in turn. */
function denseWorkspace(n) {
  const words = [];
  const spans = [];
  let cp = 0;
  for (let i = 0; i < n; i++) {
    const word = `${WORDS[i % WORDS.length]}${i}`;
    const len = Array.from(word).length;
    spans.push({ start: cp, end: cp + len, label: i % 2 ? 'LOC' : 'PER', text: word });
    words.push(word);
    cp += len + 1;
  }
  // One paragraph per 25 words; the separators are one code point each.
  const text = words.map((w, i) => w + ((i + 1) % 25 === 0 ? '\n' : ' ')).join('');
  return {
    format: 'wasim', version: 2,
    labels: [{ name: 'PER', color: '#ffc38a', key: '1' }, { name: 'LOC', color: '#9be39b', key: '2' }],
    documents: [{ name: 'كثيف.txt', text, spans }], open: 0,
  };
}

/**
 * Starts watching a big import in the page: every animation frame records
 * the progress bar's aria-valuenow when the bar is there.
 */
async function watchProgress(page) {
  await page.evaluate(() => {
    window.__progress = { frames: 0, seen: [] };
    const tick = () => {
      const bar = document.querySelector('[data-testid="import-progress"]');
      if (bar) {
        window.__progress.frames += 1;
        window.__progress.seen.push(Number(bar.getAttribute('aria-valuenow')));
      }
      window.__progressRaf = requestAnimationFrame(tick);
    };
    window.__progressRaf = requestAnimationFrame(tick);
  });
}

/** What the watch saw, the watch stopped. */
async function progressSeen(page) {
  return page.evaluate(() => {
    cancelAnimationFrame(window.__progressRaf);
    return window.__progress;
  });
}

/** Rows of the windowed list `list` (a locator): how many, and how many drawn. */
async function rows(list) {
  return list.evaluate((el) => ({ count: Number(el.getAttribute('data-rows')), drawn: el.children.length }));
}

/**
 * Scrolls whatever scrolls the windowed list `list` so that its row `index`
 * is in view, as a user dragging the scrollbar would (the row need not be
 * drawn yet: the list's padding stands for the rows that are not).
 */
async function scrollRowIntoView(list, index) {
  await list.evaluate((el, index) => {
    let scroller = el.parentElement;
    while (scroller && !(scroller.scrollHeight > scroller.clientHeight && /(auto|scroll)/.test(getComputedStyle(scroller).overflowY))) {
      scroller = scroller.parentElement;
    }
    const first = el.children[0].getBoundingClientRect();
    const pitch = el.children[1].getBoundingClientRect().top - first.top;
    const listTop = el.getBoundingClientRect().top + el.clientTop;
    const rowTop = listTop + index * pitch;
    const band = scroller.getBoundingClientRect();
    scroller.scrollTop += rowTop - (band.top + band.height / 2);
  }, index);
}

test('a big workspace import shows its progress while the page keeps drawing, and stays one undo step', async ({ page }) => {
  await gotoApp(page);
  await watchProgress(page);
  await uploadFiles(page, [jsonFile('corpus.json', corpusWorkspace(ARTICLES))]);
  await expect(page.getByTestId('doc-list')).toHaveAttribute('data-rows', String(ARTICLES), { timeout: 60_000 });
  const seen = await progressSeen(page);
  // Reading the file is the bar's first fifth; frames drawn while the
  // documents are parsed see it between 20 and 100 (parsed in one go, the
  // page would draw no frame until it is done).
  const parsing = seen.seen.filter((v) => v > 20 && v < 100);
  expect(parsing.length, `frames drawn while the documents were parsed: ${JSON.stringify(seen)}`).toBeGreaterThan(0);
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  await expect(page.getByTestId('progress')).toHaveAttribute('data-total', String(ARTICLES));
  await expect(page.getByTestId('progress')).toHaveAttribute('data-done', String(ARTICLES / 5));
  await expect(page.locator('[data-testid="corpus-count"][data-label="LOC"] .num')).toHaveText(String(ARTICLES));
  // One step: undo brings the demo back.
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('doc-list')).toHaveAttribute('data-rows', '1');
  await page.getByTestId('redo').click();
  await expect(page.getByTestId('doc-list')).toHaveAttribute('data-rows', String(ARTICLES));
});

test('the document list of thousands draws a bounded number of items; one far down is found by scrolling, by the filter and by the keyboard', async ({ page }) => {
  await gotoApp(page);
  await uploadFiles(page, [jsonFile('corpus.json', corpusWorkspace(ARTICLES))]);
  const list = page.getByTestId('doc-list');
  await expect(list).toHaveAttribute('data-rows', String(ARTICLES), { timeout: 60_000 });
  const drawn = await rows(list);
  expect(drawn.drawn, 'doc-items in the DOM').toBeLessThan(BOUND);
  expect(await docItems(page).count()).toBe(drawn.drawn);

  // Scrolling down the list draws the items there; one opens.
  const far = 2718;
  await scrollRowIntoView(list, far);
  await expect(docItem(page, name(far))).toBeVisible();
  expect((await rows(list)).drawn, 'still bounded far down').toBeLessThan(BOUND);
  await expect(docItem(page, name(0))).toHaveCount(0);
  await docItem(page, name(far)).click();
  await expect(docItem(page, name(far))).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => docText(page)).toContain(`رقم ${far} سنبلة`);
  // The item keeps its attributes.
  await expect(docItem(page, name(far))).not.toHaveAttribute('data-done');
  await expect(docItem(page, name(2715))).toHaveAttribute('data-done', 'true');
  await expect(docItem(page, name(far)).getByTestId('doc-span-count')).toHaveText('1');

  // The filter finds one by name.
  const filter = page.getByTestId('doc-filter');
  await filter.fill('01234');
  await expect(docItems(page)).toHaveCount(1);
  await expect(page.getByTestId('doc-filter-count')).toHaveAttribute('data-count', '1');
  await docItem(page, name(1234)).click();
  expect(await openDocName(page)).toBe(name(1234));
  await expect.poll(() => docText(page)).toContain('رقم 1234 سنبلة');
  // Without the filter the open document is scrolled into view.
  await filter.fill('');
  await expect(list).toHaveAttribute('data-rows', String(ARTICLES));
  await expect(docItem(page, name(1234))).toBeInViewport();
  await expect(docItem(page, name(1234))).toHaveAttribute('aria-current', 'true');

  // The keyboard walks the whole list: End, then up, then Enter opens.
  await docItem(page, name(1234)).focus();
  await page.keyboard.press('End');
  await expect(docItem(page, name(ARTICLES - 1))).toBeFocused();
  await expect(docItem(page, name(ARTICLES - 1))).toBeInViewport();
  // The list is never shorter than all its rows, even for the moment
  // between drawing new rows and padding them (a list briefly shorter made
  // its scroller pull the scroll position up, away from the row End had
  // just focused: once in about a hundred runs).
  const heights = await list.evaluate((el) => {
    const pitch = el.children[1].getBoundingClientRect().top - el.children[0].getBoundingClientRect().top;
    const style = getComputedStyle(el);
    return { min: parseFloat(style.minHeight), all: pitch * Number(el.dataset.rows), sizing: style.boxSizing };
  });
  expect(heights.sizing).toBe('border-box');
  expect(Math.abs(heights.min - heights.all), JSON.stringify(heights)).toBeLessThan(heights.all / 1000);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(docItem(page, name(ARTICLES - 3))).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await openDocName(page)).toBe(name(ARTICLES - 3));
  await page.keyboard.press('Home');
  await expect(docItem(page, name(0))).toBeFocused();
  await page.keyboard.press('PageDown');
  const focused = await page.evaluate(() => document.activeElement.getAttribute('data-doc-name'));
  expect(focused > name(1) && focused < name(200), `PageDown moves a page: ${focused}`).toBe(true);
  expect((await rows(list)).drawn).toBeLessThan(BOUND);

  // Scrolled away from, the focused row is no longer drawn: the list is
  // not pulled back to it, and no other row takes the focus.
  await scrollRowIntoView(list, 2000);
  await expect(docItem(page, name(2000))).toBeVisible();
  await page.waitForTimeout(300);
  await expect(docItem(page, name(2000))).toBeInViewport();
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-doc-name') ?? null)).toBe(null);

  // Removing a document there leaves the list where it is (it jumped back
  // to the open document) and the keyboard on the next row.
  const scrollTop = () => list.evaluate((el) => {
    let scroller = el.parentElement;
    while (scroller && !(scroller.scrollHeight > scroller.clientHeight && /(auto|scroll)/.test(getComputedStyle(scroller).overflowY))) {
      scroller = scroller.parentElement;
    }
    return scroller.scrollTop;
  });
  const top = await scrollTop();
  await docItem(page, name(2001)).getByTestId('doc-remove').focus();
  await page.keyboard.press('Enter');
  await expect(docItem(page, name(2001))).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(Math.abs((await scrollTop()) - top)).toBeLessThan(2);
  await expect(docItem(page, name(2002))).toBeFocused();
});

test('corpus search over thousands lists a bounded number of results, and a far one opens its article', async ({ page }) => {
  await gotoApp(page);
  await uploadFiles(page, [jsonFile('corpus.json', corpusWorkspace(ARTICLES))]);
  await expect(page.getByTestId('doc-list')).toHaveAttribute('data-rows', String(ARTICLES), { timeout: 60_000 });
  await page.getByTestId('search-scope').selectOption('corpus');
  await page.getByTestId('search-input').fill('سنبلة');
  await expect(page.getByTestId('search-count')).toHaveAttribute('data-count', String(ARTICLES), { timeout: 30_000 });
  const results = page.getByTestId('search-results');
  await expect(results).toHaveAttribute('data-rows', String(ARTICLES));
  expect((await rows(results)).drawn, 'results in the DOM').toBeLessThan(BOUND);
  const far = ARTICLES - 7;
  await scrollRowIntoView(results, far);
  const row = page.locator(`[data-testid="search-result"][data-doc="${name(far)}"]`);
  await expect(row).toBeVisible();
  await row.locator('button').click();
  expect(await openDocName(page)).toBe(name(far));
  await expect.poll(() => page.evaluate(() => String(window.getSelection()))).toBe('سنبلة');
  await expect.poll(() => docText(page)).toContain(`رقم ${far} سنبلة`);
  // Each document's count is next to its name, for the items drawn.
  await expect(docItem(page, name(far)).getByTestId('doc-search-count')).toHaveText('1');
});

test('the entities panel of a document with thousands of spans is bounded, and an entry far down reveals its span', async ({ page }) => {
  const SPANS = 3000;
  await gotoApp(page);
  await uploadFiles(page, [jsonFile('dense.json', denseWorkspace(SPANS))]);
  const groups = page.getByTestId('entity-group');
  await expect(groups).toHaveCount(2, { timeout: 60_000 });
  await expect(page.locator('[data-testid="entity-group"][data-label="LOC"] [data-testid="entity-group-count"]')).toHaveText(String(SPANS / 2));
  const items = page.getByTestId('entity-item');
  expect(await items.count(), 'entity items in the DOM').toBeLessThan(BOUND);
  const loc = page.locator('[data-testid="entity-group"][data-label="LOC"] ul');
  await expect(loc).toHaveAttribute('data-rows', String(SPANS / 2));
  // The last LOC entry: the 3000th word.
  const lastWord = `${WORDS[(SPANS - 1) % WORDS.length]}${SPANS - 1}`;
  await scrollRowIntoView(loc, SPANS / 2 - 1);
  const entry = page.locator('[data-testid="entity-item"]', { hasText: lastWord });
  await expect(entry).toBeVisible();
  expect(await items.count(), 'still bounded far down').toBeLessThan(BOUND);
  await entry.click();
  const id = await entry.getAttribute('data-span-id');
  await expect(page.getByTestId('span-details')).toHaveAttribute('data-span-id', id);
  const mark = page.locator(`[data-testid="doc-text"] mark[data-span-id="${id}"]`).first();
  await expect(mark).toHaveClass(/\bselected\b/);
  await expect(mark).toBeInViewport();
  await expect(mark).toHaveText(lastWord);
  // Selecting a span in the text brings its entry, far up, into view.
  await page.getByTestId('doc-scroll').evaluate((el) => el.scrollTo(0, 0));
  await page.locator('[data-testid="doc-text"] mark').first().click();
  const first = page.locator('[data-testid="entity-item"]', { hasText: `${WORDS[0]}0` });
  await expect(first).toHaveClass(/\bselected\b/);
  await expect(first).toBeInViewport();
  // Delete on a focused entry deletes that entry's span, not the one
  // selected: the keyboard's row is the one meant.
  const second = first.locator('xpath=following-sibling::li[1]');
  const [kept, gone] = [await first.getAttribute('data-span-id'), await second.getAttribute('data-span-id')];
  await second.focus();
  await page.keyboard.press('Delete');
  await expect(page.locator(`[data-testid="doc-text"] mark[data-span-id="${gone}"]`)).toHaveCount(0);
  await expect(page.locator(`[data-testid="doc-text"] mark[data-span-id="${kept}"]`)).not.toHaveCount(0);
});

test('thousands of loose .txt files load with a progress bar, in one step', async ({ page }) => {
  const FILES = 1500;
  const files = Array.from({ length: FILES }, (_, i) =>
    txtFile(`ملف_${String(i).padStart(4, '0')}.txt`, `نص قصير رقم ${i} عن ${PLACES[i % PLACES.length]}.\n`.repeat(20)),
  );
  await gotoApp(page);
  await watchProgress(page);
  await uploadFiles(page, files);
  const list = page.getByTestId('doc-list');
  await expect(list).toHaveAttribute('data-rows', String(FILES), { timeout: 60_000 });
  const seen = await progressSeen(page);
  expect(seen.seen.filter((v) => v > 0 && v < 100).length, JSON.stringify(seen)).toBeGreaterThan(0);
  expect((await rows(list)).drawn).toBeLessThan(BOUND);
  await page.getByTestId('doc-filter').fill('1499');
  await docItem(page, 'ملف_1499.txt').click();
  await expect.poll(() => docText(page)).toContain('نص قصير رقم 1499');
  await page.getByTestId('doc-filter').fill('');
  await page.getByTestId('undo').click();
  await expect(list).toHaveAttribute('data-rows', '1');
});
