// A long document is drawn in part (src/ui/doc_window.rs): only the lines
// near the visible part are in the DOM. These tests load a generated Arabic
// article of about 4 MB (thousands of paragraphs) and check that everything
// that reaches a place in it still works: scrolling to the end, search and
// Tag all, a mouse drag that auto-scrolls far down, keyboard moves out of
// the drawn lines, Ctrl+F, undo far away, and the place after a reload.
//
// The helpers here locate code points through each drawn line's
// data-line-start, never by counting text from the top of the view.
import { test, expect } from './fixtures.mjs';
import {
  gotoApp, waitForApp, uploadFiles, txtFile, openDoc, exportJson, cpLength, cpSlice, markLocator, validateWasim,
} from './helpers.mjs';

// ------------------------------------------------------------------ the document

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const rand = rng(9);
const pick = (a) => a[Math.floor(rand() * a.length)];
const WORDS = ['اليوم', 'مشروعاً', 'جديداً', 'حول', 'التعليم', 'في', 'مع', 'على', 'من', 'إلى', 'الثقافة', 'المدينة', 'الكتاب',
  'البحث', 'الطلاب', 'المكتبة', 'ورشة', 'عمل', 'تقرير', 'السنوي', 'الماضي', 'القادم', 'بحضور', 'عدد', 'كبير', 'الباحثين'];
const NAMES = ['سامي الخطيب', 'ليلى حداد', 'كريم عبد الله', 'نور الهدى', 'يوسف المصري', 'بغداد', 'الموصل', 'القاهرة'];
const paragraph = () => {
  const n = 20 + Math.floor(rand() * 90);
  const parts = [];
  for (let i = 0; i < n; i++) parts.push(rand() < 0.1 ? pick(NAMES) : pick(WORDS));
  return parts.join(' ') + '.';
};

// Words that occur nowhere else: one near the end (search), and one placed
// 40 times all through the text (Tag all).
const FAR_WORD = 'زمردة';
const SCATTERED = 'نيزك';
const SCATTERED_COUNT = 40;

function makeDocument(bytes) {
  const lines = [];
  let size = 0;
  while (size < bytes) {
    const line = lines.length % 9 === 4 ? '' : paragraph();
    lines.push(line);
    size += Buffer.byteLength(line, 'utf8') + 1;
  }
  const n = lines.length;
  for (let k = 0; k < SCATTERED_COUNT; k++) {
    const at = 1 + Math.floor((k * (n - 2)) / SCATTERED_COUNT);
    lines[at] = lines[at] ? `${lines[at]} ثم ظهر ${SCATTERED} في السماء.` : `${SCATTERED} في السماء.`;
  }
  lines[n - 12] = `${paragraph()} وجد الباحث ${FAR_WORD} في الصندوق. ${paragraph()}`;
  lines[n - 1] = 'هذا هو السطر الأخير من المقال الطويل.';
  return lines.join('\n') + '\n';
}

const TEXT = makeDocument(4_000_000);
const LINES = TEXT.split('\n').slice(0, -1);
const LINE_STARTS = (() => {
  const starts = [];
  let cp = 0;
  for (const line of LINES) {
    starts.push(cp);
    cp += cpLength(line) + 1;
  }
  return starts;
})();
const NAME = 'long-article.txt';
const CPS = Array.from(TEXT);

/** Spans of the exported document whose text is not doc[start:end]. */
function wrongTexts(json) {
  const doc = json.documents.find((d) => d.name === NAME);
  expect(doc.text).toBe(TEXT);
  return doc.spans.filter((s) => CPS.slice(s.start, s.end).join('') !== s.text);
}
/** At most this many lines may be in the DOM at once. */
const MAX_DRAWN = 400;

/** Code-point range of the n-th occurrence of `word` as a whole word. */
function findWord(word, nth = 0) {
  const re = new RegExp(`(^|[\\s.])${word}(?=[\\s.]|$)`, 'gu');
  let m;
  let seen = 0;
  while ((m = re.exec(TEXT))) {
    if (seen++ === nth) {
      const start = cpLength(TEXT.slice(0, m.index + m[1].length));
      return { start, end: start + cpLength(word) };
    }
  }
  throw new Error(`${word} #${nth} not found`);
}

/** Code-point ranges of the words of line `i` (split on spaces). */
function wordsOfLine(i) {
  const words = [];
  let cp = LINE_STARTS[i];
  for (const w of LINES[i].split(' ')) {
    const clean = w.replace(/[.،]$/u, '');
    if (clean) words.push({ start: cp, end: cp + cpLength(clean), text: clean });
    cp += cpLength(w) + 1;
  }
  return words;
}

const lineOf = (cp) => {
  let lo = 0;
  let hi = LINE_STARTS.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (LINE_STARTS[mid] <= cp) lo = mid;
    else hi = mid - 1;
  }
  return lo;
};

// ------------------------------------------------------------------ page helpers

const scroller = (page) => page.getByTestId('doc-scroll');
const drawnLines = (page) => page.getByTestId('doc-text').locator(':scope > div.line');

async function openLong(page) {
  await gotoApp(page);
  await uploadFiles(page, [txtFile(NAME, TEXT)]);
  await openDoc(page, NAME);
  await expect(page.getByTestId('doc-text')).toHaveAttribute('data-text-len', String(cpLength(TEXT)), { timeout: 30_000 });
  await expect(drawnLines(page).first()).toBeVisible();
}

/** data-line-start of the drawn lines that show in the scroller. */
const visibleLineStarts = (page) =>
  page.getByTestId('doc-text').evaluate((root) => {
    const box = root.closest('[data-testid="doc-scroll"]').getBoundingClientRect();
    return [...root.querySelectorAll(':scope > .line')]
      .filter((l) => {
        const r = l.getBoundingClientRect();
        return r.bottom > box.top + 1 && r.top < box.bottom - 1;
      })
      .map((l) => Number(l.getAttribute('data-line-start')));
  });

/** Whether the drawn line holding code point `cp` shows in the scroller. */
async function cpVisible(page, cp) {
  const starts = await visibleLineStarts(page);
  return starts.includes(LINE_STARTS[lineOf(cp)]);
}

/**
 * Geometry of [start, end) in the drawn lines (both ends must be drawn):
 * where a drag selecting it presses (`from`) and releases (`to`), and the
 * text of the DOM range. Located through data-line-start.
 */
const geometry = (page, start, end) =>
  page.getByTestId('doc-text').evaluate(
    (root, [start, end]) => {
      const locate = (cp, preferNext) => {
        let line = null;
        for (const l of root.querySelectorAll(':scope > .line')) {
          if (Number(l.getAttribute('data-line-start')) <= cp) line = l;
          else break;
        }
        if (!line) throw new Error(`no drawn line holds ${cp}`);
        let seen = Number(line.getAttribute('data-line-start'));
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        const nodes = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
        for (let i = 0; i < nodes.length; i++) {
          const data = nodes[i].data;
          let u = 0;
          while (u <= data.length) {
            if (seen === cp && !(u === data.length && preferNext && i + 1 < nodes.length)) return { node: nodes[i], offset: u };
            if (u === data.length) break;
            u += data.codePointAt(u) > 0xffff ? 2 : 1;
            seen += 1;
          }
        }
        throw new Error(`${cp} is not in the drawn line that starts at ${line.getAttribute('data-line-start')}`);
      };
      const rangeOf = (a, b) => {
        const r = document.createRange();
        const s = locate(a, true);
        const e = locate(b, false);
        r.setStart(s.node, s.offset);
        r.setEnd(e.node, e.offset);
        return r;
      };
      const box = (cp) => Array.from(rangeOf(cp, cp + 1).getClientRects()).filter((r) => r.width > 0)[0];
      const first = box(start);
      const last = box(end - 1);
      // Arabic: the leading edge of a character is its right side.
      return {
        from: { x: first.right - 1, y: first.top + first.height / 2 },
        to: { x: last.left + 1, y: last.top + last.height / 2 },
        text: rangeOf(start, end).toString(),
      };
    },
    [start, end],
  );

const selectionText = (page) => page.evaluate(() => String(window.getSelection()));

/** Scrolls the text to `top` (pixels) and waits until lines are drawn there. */
async function scrollTo(page, top) {
  await scroller(page).evaluate((el, top) => el.scrollTo(0, top), top);
  await expect.poll(async () => (await visibleLineStarts(page)).length).toBeGreaterThan(3);
}

async function expectBounded(page) {
  const count = await drawnLines(page).count();
  expect(count, 'lines in the DOM').toBeLessThanOrEqual(MAX_DRAWN);
  expect(count).toBeGreaterThan(3);
}

/** Every drawn line holds exactly its part of the text. */
async function expectDrawnLinesMatch(page) {
  const drawn = await drawnLines(page).evaluateAll((els) =>
    els.map((l) => ({ start: Number(l.getAttribute('data-line-start')), text: l.textContent })),
  );
  for (const { start, text } of drawn) {
    const i = lineOf(start);
    expect(LINE_STARTS[i], 'a drawn line starts where a line starts').toBe(start);
    expect(text).toBe(`${LINES[i]}\n`);
  }
}

// ------------------------------------------------------------------ tests

test('a 4 MB article draws only the lines near the view, and its end is reachable', async ({ page }) => {
  expect(TEXT.length).toBeGreaterThan(2_000_000);
  expect(LINES.length).toBeGreaterThan(3000);
  await openLong(page);
  await expectBounded(page);
  await expectDrawnLinesMatch(page);
  expect(await visibleLineStarts(page)).toContain(0);
  // The scrollbar stands for the whole article: far taller than what is drawn.
  const heights = await scroller(page).evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
  expect(heights.scroll).toBeGreaterThan(heights.client * 100);

  // To the very end: the last line shows, with its text.
  const last = LINE_STARTS[LINES.length - 1];
  await expect
    .poll(async () => {
      await scroller(page).evaluate((el) => el.scrollTo(0, el.scrollHeight));
      return (await visibleLineStarts(page)).includes(last);
    }, { timeout: 15_000 })
    .toBe(true);
  await expect(page.locator(`[data-testid="doc-text"] > .line[data-line-start="${last}"]`)).toHaveText(`${LINES.at(-1)}\n`);
  await expectBounded(page);
  await expectDrawnLinesMatch(page);

  // And back to the middle by the scrollbar.
  await scrollTo(page, heights.scroll / 2);
  await expectBounded(page);
  await expectDrawnLinesMatch(page);

  // Scrolling up from there draws lines never drawn before, whose real
  // heights differ from their estimates: what is on screen moves by exactly
  // what was scrolled, never more.
  for (let step = 0; step < 8; step++) {
    const before = await firstVisibleTop(page);
    await scroller(page).evaluate((el) => el.scrollBy(0, -450));
    await page.waitForTimeout(150);
    const after = await lineTop(page, before.start);
    expect(after, `line ${before.start} after scrolling up 450 px`).not.toBeNull();
    expect(Math.abs(after - before.top - 450), `line ${before.start} moved ${after - before.top} px`).toBeLessThanOrEqual(2);
  }
  await expectDrawnLinesMatch(page);

  // Closing the details panel widens the text, which reflows: the line at
  // the top stays at the top.
  const width = () => page.getByTestId('doc-text').evaluate((el) => el.clientWidth);
  const narrow = await width();
  const second = (await visibleLineStarts(page))[1];
  await page.getByTestId('doc-text').evaluate((root, start) => {
    root.querySelector(`:scope > .line[data-line-start="${start}"]`).scrollIntoView({ block: 'start' });
  }, second);
  await page.waitForTimeout(200);
  const atTop = await firstVisibleTop(page);
  expect(atTop.start).toBe(second);
  await page.locator('#details-panel .panel-toggle').click();
  await expect.poll(width).not.toBe(narrow);
  await page.waitForTimeout(300);
  const stays = await firstVisibleTop(page);
  expect(stays.start, 'the first visible line after the reflow').toBe(atTop.start);
  expect(Math.abs(stays.top - atTop.top)).toBeLessThanOrEqual(2);
  await expectDrawnLinesMatch(page);
});

/** The first line showing in the scroller, and its top (px below the scroller's top). */
const firstVisibleTop = (page) =>
  page.getByTestId('doc-text').evaluate((root) => {
    const box = root.closest('[data-testid="doc-scroll"]').getBoundingClientRect();
    const line = [...root.querySelectorAll(':scope > .line')].find((l) => l.getBoundingClientRect().bottom > box.top + 1);
    return { start: Number(line.getAttribute('data-line-start')), top: line.getBoundingClientRect().top - box.top };
  });

/** The top (px below the scroller's top) of the drawn line starting at `start`, or null. */
const lineTop = (page, start) =>
  page.getByTestId('doc-text').evaluate((root, start) => {
    const box = root.closest('[data-testid="doc-scroll"]').getBoundingClientRect();
    const line = root.querySelector(`:scope > .line[data-line-start="${start}"]`);
    return line ? line.getBoundingClientRect().top - box.top : null;
  }, start);

// Enter in the search bar went to the first match of the document, at its
// top, however far down the user was reading. It goes to the first match
// from the place in view, as a browser's find does; Shift+Enter back.
test('the first Enter of a search goes to the first match from the place read, not the top', async ({ page }) => {
  await openLong(page);
  const height = await scroller(page).evaluate((el) => el.scrollHeight);
  await scrollTo(page, Math.round(height / 2));
  const top = Math.min(...(await visibleLineStarts(page)));
  const matches = Array.from({ length: SCATTERED_COUNT }, (_, k) => findWord(SCATTERED, k));
  const next = matches.findIndex((m) => m.start >= top);
  expect(next).toBeGreaterThan(5);
  const input = page.getByTestId('search-input');
  await input.fill(SCATTERED);
  await expect(page.getByTestId('search-count')).toHaveAttribute('data-count', String(SCATTERED_COUNT));
  const shows = async (k) => {
    await expect.poll(() => cpVisible(page, matches[k].start), { message: `match ${k} in view` }).toBe(true);
    await expect.poll(() => selectionText(page)).toBe(SCATTERED);
    const current = page.locator('[data-testid="search-result"][aria-current="true"]');
    await expect(current).toHaveAttribute('data-start', String(matches[k].start));
  };
  await input.press('Enter');
  await shows(next);
  expect(await cpVisible(page, matches[0].start)).toBe(false);
  await input.press('Enter');
  await shows(next + 1);
  await input.press('Shift+Enter');
  await input.press('Shift+Enter');
  await shows(next - 1);
});

test('search finds a word near the end, shows it, and it is tagged with the right offsets; Tag all reaches every match', async ({ page }) => {
  await openLong(page);
  const far = findWord(FAR_WORD);
  expect(await cpVisible(page, far.start)).toBe(false);

  await page.getByTestId('search-input').fill(FAR_WORD);
  await expect(page.getByTestId('search-count')).toHaveAttribute('data-count', '1');
  await page.getByTestId('search-result').first().locator('button').click();
  await expect.poll(() => selectionText(page)).toBe(FAR_WORD);
  await expect.poll(() => cpVisible(page, far.start)).toBe(true);
  await page.keyboard.press('2');
  const mark = markLocator(page, { ...far, label: 'LOC' });
  await expect(mark).toHaveCount(1);
  await expect(mark).toBeVisible();
  await expect(mark).toHaveText(FAR_WORD);

  // Tag all: every match, drawn or not.
  await page.getByTestId('search-input').fill(SCATTERED);
  await expect(page.getByTestId('search-count')).toHaveAttribute('data-count', String(SCATTERED_COUNT));
  await page.getByTestId('search-label').selectOption('MISC');
  await page.getByTestId('search-tag-all').click();
  await expect(page.getByTestId('search-tag-preview')).toHaveAttribute('data-count', String(SCATTERED_COUNT));
  await page.getByTestId('search-tag-confirm').click();
  // The last match, far down, is drawn as a span when the search shows it
  // (Shift+Enter from no match goes to the last one).
  await page.getByTestId('search-input').focus();
  await page.keyboard.press('Shift+Enter');
  const lastMatch = findWord(SCATTERED, SCATTERED_COUNT - 1);
  await expect.poll(() => cpVisible(page, lastMatch.start)).toBe(true);
  await expect(markLocator(page, { ...lastMatch, label: 'MISC' })).toBeVisible();
  await expectBounded(page);

  const { json } = await exportJson(page);
  const { ok, errors } = await validateWasim(json);
  expect(ok, JSON.stringify(errors)).toBe(true);
  expect(wrongTexts(json)).toEqual([]);
  const spans = json.documents.find((d) => d.name === NAME).spans;
  expect(spans.filter((s) => s.label === 'MISC')).toHaveLength(SCATTERED_COUNT);
  const loc = spans.filter((s) => s.label === 'LOC');
  expect(loc.map(({ start, end, text }) => ({ start, end, text }))).toEqual([{ ...far, text: FAR_WORD }]);
  expect(cpSlice(TEXT, far.start, far.end)).toBe(FAR_WORD);
});

test('a mouse drag from a visible word that auto-scrolls far down makes one span of the right extent', async ({ page }) => {
  await openLong(page);
  const firstWord = wordsOfLine(0)[1];
  const start = await geometry(page, firstWord.start, firstWord.end);
  expect(start.text).toBe(firstWord.text);
  const box = await scroller(page).boundingBox();

  await page.mouse.move(start.from.x, start.from.y);
  await page.mouse.down();
  await page.mouse.move(start.from.x - 20, start.from.y + 5, { steps: 3 });
  // Below the text: the browser scrolls while the button is held.
  const below = { x: box.x + box.width / 2, y: box.y + box.height + 40 };
  const screens = 4;
  for (let i = 0; i < 400; i++) {
    await page.mouse.move(below.x + (i % 2), below.y + (i % 3));
    await page.waitForTimeout(25);
    const top = await scroller(page).evaluate((el) => el.scrollTop);
    if (top > box.height * screens) break;
  }
  const scrolled = await scroller(page).evaluate((el) => el.scrollTop);
  expect(scrolled, 'the drag scrolled the text').toBeGreaterThan(box.height * screens);
  // The line where the drag started is still in the DOM, far above.
  await expect(page.locator('[data-testid="doc-text"] > .line[data-line-start="0"]')).toHaveCount(1);
  await expectBounded(page);

  // Back into the text: release at the end of a word in a visible line.
  await page.mouse.move(below.x, box.y + box.height - 30, { steps: 2 });
  const visible = await visibleLineStarts(page);
  const target = visible
    .map(lineOf)
    .slice(1, -1)
    .find((i) => wordsOfLine(i).length > 3);
  expect(target, 'a visible line with words').toBeDefined();
  const endWord = wordsOfLine(target)[2];
  const end = await geometry(page, endWord.start, endWord.end);
  await page.mouse.move(end.to.x, end.to.y, { steps: 3 });
  await page.mouse.up();
  // Copying the selection gives all of its text, also the thousands of
  // lines between its ends that are not drawn.
  await page.evaluate(() => {
    window.__copied = null;
    document.addEventListener('copy', (e) => { window.__copied = e.clipboardData.getData('text/plain'); }, { once: true });
  });
  await page.keyboard.press('Control+C');
  const copied = await page.evaluate(() => window.__copied);
  expect(cpLength(copied ?? '')).toBe(endWord.end - firstWord.start);
  expect(copied === cpSlice(TEXT, firstWord.start, endWord.end), 'the copied text is the selection').toBe(true);
  await page.keyboard.press('1');

  const { json } = await exportJson(page);
  const spans = json.documents.find((d) => d.name === NAME).spans;
  expect(spans).toHaveLength(1);
  expect(spans[0]).toMatchObject({ start: firstWord.start, end: endWord.end, label: 'PER' });
  expect(spans[0].text).toBe(cpSlice(TEXT, firstWord.start, endWord.end));
  expect(wrongTexts(json)).toEqual([]);
  await expect(markLocator(page, { start: firstWord.start, end: endWord.end, label: 'PER' }).first()).toBeAttached();
});

test('keyboard moves out of the drawn lines draw the next word and select it; Tab reaches a far span; Ctrl+F opens the search', async ({ page }) => {
  await openLong(page);
  // The last word of line 2 selected with the keyboard (a click puts the
  // caret in it, ← in right-to-left text selects the word at the caret).
  const lastWord = wordsOfLine(2).at(-1);
  const g = await geometry(page, lastWord.start, lastWord.end);
  await page.mouse.click((g.from.x + g.to.x) / 2, g.from.y);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => selectionText(page)).toBe(lastWord.text);

  // Scrolled far away: the selected line stays in the DOM, the next is gone.
  let next = 3;
  while (!LINES[next]) next += 1;
  const nextWord = wordsOfLine(next)[0];
  const height = await scroller(page).evaluate((el) => el.scrollHeight);
  await scrollTo(page, height * 0.6);
  expect(await cpVisible(page, lastWord.start)).toBe(false);
  const lineEl = (i) => page.locator(`[data-testid="doc-text"] > .line[data-line-start="${LINE_STARTS[i]}"]`);
  await expect(lineEl(2)).toHaveCount(1);
  await expect(lineEl(next)).toHaveCount(0);
  await expectBounded(page);

  // ← again: the next word, on a line that was not drawn, is drawn,
  // selected and shown.
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => selectionText(page)).toBe(nextWord.text);
  await expect.poll(() => cpVisible(page, nextWord.start)).toBe(true);
  await page.keyboard.press('3');
  await expect(markLocator(page, { ...nextWord, label: 'ORG' })).toBeVisible();

  // A span near the end, tagged through the search.
  const far = findWord(FAR_WORD);
  await page.getByTestId('search-input').fill(FAR_WORD);
  await page.getByTestId('search-result').first().locator('button').click();
  await expect.poll(() => selectionText(page)).toBe(FAR_WORD);
  await page.keyboard.press('2');
  const farMark = markLocator(page, { ...far, label: 'LOC' });
  const nearMark = markLocator(page, { ...nextWord, label: 'ORG' });
  await expect(farMark).toBeVisible();

  // From the top, the entities panel goes to the far span…
  await scrollTo(page, 0);
  expect(await cpVisible(page, far.start)).toBe(false);
  await page.getByTestId('entity-item').filter({ hasText: FAR_WORD }).click();
  await expect(farMark).toHaveClass(/\bselected\b/);
  await expect.poll(() => cpVisible(page, far.start)).toBe(true);
  // …and Shift+Tab goes back to the span near the top, which was not drawn.
  await expect(nearMark).toHaveCount(0);
  await page.getByTestId('doc-text').evaluate((el) => el.focus({ preventScroll: true }));
  await page.keyboard.press('Shift+Tab');
  await expect(nearMark).toHaveClass(/\bselected\b/);
  await expect.poll(() => cpVisible(page, nextWord.start)).toBe(true);
  // Tab: to the far one again.
  await page.keyboard.press('Tab');
  await expect(farMark).toHaveClass(/\bselected\b/);
  await expect.poll(() => cpVisible(page, far.start)).toBe(true);
  await expectBounded(page);

  // Ctrl+F: Wasim's search, not the browser's find.
  await page.getByTestId('doc-text').focus();
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await expect(page.getByTestId('search-input')).toHaveValue(FAR_WORD);
  await page.getByTestId('entity-filter').focus();
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('search-input')).toBeFocused();
  // The shortcut sheet says so.
  await page.getByTestId('doc-text').evaluate((el) => el.focus({ preventScroll: true }));
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toContainText('Ctrl+F');
});

test('undo of an edit far away scrolls back to it; the place survives a reload', async ({ page }) => {
  await openLong(page);
  const far = findWord(FAR_WORD);
  await page.getByTestId('search-input').fill(FAR_WORD);
  await page.getByTestId('search-result').first().locator('button').click();
  await expect.poll(() => selectionText(page)).toBe(FAR_WORD);
  await page.keyboard.press('2');
  const mark = markLocator(page, { ...far, label: 'LOC' });
  await expect(mark).toBeVisible();

  await scrollTo(page, 0);
  expect(await cpVisible(page, far.start)).toBe(false);
  await page.getByTestId('doc-text').focus();
  await page.keyboard.press('Control+z');
  await expect(mark).toHaveCount(0);
  await expect.poll(() => cpVisible(page, far.start)).toBe(true);

  await scrollTo(page, 0);
  await page.keyboard.press('Control+Shift+z');
  await expect(mark).toBeVisible();
  await expect(mark).toHaveClass(/\bselected\b/);

  // A change already well in view is shown where it is: undo and redo do
  // not move the view (it was centred above; now it sits near the top).
  await scroller(page).evaluate((el) => {
    const m = el.querySelector('mark.selected');
    const band = el.getBoundingClientRect();
    el.scrollTop += m.getBoundingClientRect().top - band.top - band.height / 4;
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const still = await scroller(page).evaluate((el) => el.scrollTop);
  await page.keyboard.press('Control+z');
  await expect(mark).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(mark).toHaveClass(/\bselected\b/);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(Math.abs((await scroller(page).evaluate((el) => el.scrollTop)) - still)).toBeLessThan(2);

  // Scrolled to the middle, then reloaded: the same line is at the top.
  const height = await scroller(page).evaluate((el) => el.scrollHeight);
  await scrollTo(page, height * 0.4);
  const top = (await visibleLineStarts(page))[1];
  await page.getByTestId('doc-text').evaluate((root, start) => {
    root.querySelector(`:scope > .line[data-line-start="${start}"]`).scrollIntoView({ block: 'start' });
  }, top);
  await expect
    .poll(() =>
      page.evaluate(() => {
        const id = Number(document.querySelector('[data-testid="doc-text"]').getAttribute('data-doc-id'));
        const record = JSON.parse(localStorage.getItem('wasim.resume') || '{}');
        return (record.places || []).find((p) => p.doc === id)?.line ?? null;
      }),
    )
    .toBe(top);
  await page.reload();
  await waitForApp(page);
  await expect(page.getByTestId('doc-text')).toHaveAttribute('data-text-len', String(cpLength(TEXT)), { timeout: 30_000 });
  await expect.poll(async () => (await visibleLineStarts(page))[0], { timeout: 15_000 }).toBe(top);
  await expectBounded(page);
});

// One line of 2 MB (a file with no line breaks). The browser lays out a
// block whole: drawn as one block, every edit laid out 2 MB again (10 s per
// tag for 6 MB). It is drawn in pieces of at most 4,000 code points, cut
// after a space (core::text::Text::drawn_lines), only those near the view,
// each with the direction of the whole line. Search matches are painted in
// the drawn pieces, found in one walk per piece (platform::selection).
test('a 2 MB document on one line is drawn in pieces: a drag within and across pieces tags, search paints', async ({ page }) => {
  // An emoji first: after it, code points and UTF-16 units differ.
  const unit = 'قال مصطفى الكاظمي في بغداد إن ' + 'الحكومة تعمل على مشروع جديد للتعليم والثقافة في المدينة '.repeat(5);
  const line = '😀 ' + unit.repeat(Math.ceil(2_000_000 / unit.length));
  await gotoApp(page);
  await uploadFiles(page, [txtFile('one-line.txt', line)]);
  await openDoc(page, 'one-line.txt');
  await expect(page.getByTestId('doc-text')).toHaveAttribute('data-text-len', String(cpLength(line)), { timeout: 30_000 });
  await expect(drawnLines(page).first()).toBeVisible();
  const pieces = await drawnLines(page).evaluateAll((els) =>
    els.map((l) => ({ start: Number(l.getAttribute('data-line-start')), text: l.textContent, dir: l.getAttribute('dir') })),
  );
  // Only the pieces near the view are drawn, each its own part of the line,
  // cut between words, all right to left.
  expect(pieces.length).toBeGreaterThan(1);
  expect(pieces.length).toBeLessThan(60);
  for (const [k, piece] of pieces.entries()) {
    expect(piece.text).toBe(cpSlice(line, piece.start, piece.start + cpLength(piece.text)));
    expect(cpLength(piece.text)).toBeLessThanOrEqual(4000);
    expect(piece.text.endsWith(' '), `piece ${k} ends after a space`).toBe(true);
    expect(piece.dir).toBe('rtl');
    if (k > 0) expect(piece.start).toBe(pieces[k - 1].start + cpLength(pieces[k - 1].text));
  }
  // A mouse drag over the first بغداد tags it, at its code point offsets.
  const first = cpLength(line.slice(0, line.indexOf('بغداد')));
  const drag = async (start, end, expected) => {
    const g = await geometry(page, start, end);
    expect(g.text).toBe(expected);
    await page.mouse.move(g.from.x, g.from.y);
    await page.mouse.down();
    await page.mouse.move(g.to.x, g.to.y, { steps: 6 });
    await page.mouse.up();
    // (the browser's text of a selection puts a line break between blocks)
    expect((await selectionText(page)).replace(/\n/g, '')).toBe(expected);
  };
  await drag(first, first + 5, 'بغداد');
  await page.keyboard.press('2');
  await expect(markLocator(page, { start: first, end: first + 5, label: 'LOC' })).toHaveCount(1);
  // A drag from the last word of a piece to the first of the next tags the
  // two words as one span, drawn in both pieces.
  const cut = pieces[1].start;
  const from = cut - 1 - [...pieces[0].text.trimEnd()].reverse().join('').split(' ')[0].length;
  const to = cut + [...pieces[1].text].join('').split(' ')[0].length;
  const across = cpSlice(line, from, to);
  expect(across).toMatch(/^\S+ \S+$/);
  await drag(from, to, across);
  await page.keyboard.press('1');
  const marks = markLocator(page, { start: from, end: to, label: 'PER' });
  await expect(marks).toHaveCount(2);
  expect(await marks.evaluateAll((ms) => ms.map((m) => Number(m.closest('.line').getAttribute('data-line-start'))))).toEqual([
    pieces[0].start,
    cut,
  ]);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const { json } = await exportJson(page);
  expect(json.documents[0].spans.map((s) => [s.start, s.end, s.label, s.text])).toEqual([
    [first, first + 5, 'LOC', 'بغداد'],
    [from, to, 'PER', across],
  ]);
  // Search: every match counted; those in the drawn pieces painted, each
  // exactly the word, at its own offset.
  const count = line.split('بغداد').length - 1;
  await page.getByTestId('search-input').fill('بغداد');
  await expect(page.getByTestId('search-count')).toHaveAttribute('data-count', String(count), { timeout: 30_000 });
  const painted = () =>
    page.evaluate(() =>
      [...(CSS.highlights.get('wasim-search') || [])].map((r) => {
        const line = r.startContainer.parentElement.closest('.line');
        const before = document.createRange();
        before.setStart(line, 0);
        before.setEnd(r.startContainer, r.startOffset);
        return { text: r.toString(), at: Number(line.getAttribute('data-line-start')) + [...before.toString()].length };
      }),
    );
  const inDrawn = async () =>
    (await drawnLines(page).evaluateAll((els) => els.map((l) => l.textContent))).join('').split('بغداد').length - 1;
  await expect.poll(async () => (await painted()).length, { timeout: 30_000 }).toBe(await inDrawn());
  expect((await painted()).some((p) => p.at === first)).toBe(true);
  // The last match, far below (Shift+Enter from the bar): the view goes
  // there, and it is painted.
  const last = cpLength(line.slice(0, line.lastIndexOf('بغداد')));
  await page.getByTestId('search-input').press('Shift+Enter');
  await expect.poll(async () => (await painted()).filter((p) => p.at === last).map((p) => p.text), { timeout: 30_000 }).toEqual(['بغداد']);
  expect(new Set((await painted()).map((p) => p.text))).toEqual(new Set(['بغداد']));
});

// The pieces of a long line read in the line's direction, even a piece
// whose own letters are mostly of the other direction: cut from its line,
// it would otherwise flip (an Arabic quote at the end of an English line).
test('the pieces of a long line take the direction of the whole line', async ({ page }) => {
  const english = 'Reuters reported from Baghdad today that the ministry '.repeat(180); // ~9,900 code points
  const arabic = 'قال مصطفى الكاظمي في بغداد '.repeat(100); // 2,700, at the end of the same line
  const text = `عنوان الخبر\n${english}${arabic}\nسطر أخير`;
  await gotoApp(page);
  await uploadFiles(page, [txtFile('mixed-long.txt', text)]);
  await openDoc(page, 'mixed-long.txt');
  await expect(page.getByTestId('doc-text')).toHaveAttribute('data-text-len', String(cpLength(text)));
  const lines = await drawnLines(page).evaluateAll((els) =>
    els.map((l) => ({ start: Number(l.getAttribute('data-line-start')), text: l.textContent, direction: getComputedStyle(l).direction })),
  );
  expect(lines.map((l) => l.text).join('')).toBe(text);
  const long = lines.slice(1, -1);
  expect(long.length).toBeGreaterThanOrEqual(4);
  expect(long.map((l) => l.direction)).toEqual(long.map(() => 'ltr'));
  // the last piece is mostly Arabic, and still reads left to right
  expect((long.at(-1).text.match(/[\u0600-\u06FF]/g) || []).length).toBeGreaterThan((long.at(-1).text.match(/[A-Za-z]/g) || []).length);
  expect([lines[0].direction, lines.at(-1).direction]).toEqual(['rtl', 'rtl']);
});
