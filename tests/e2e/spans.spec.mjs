// Editing spans: select/delete, relabel, nesting, bidi, undo/redo, and the
// first-visit demo document. Uses tests/e2e/fixtures/sample-ar.txt.
import path from 'node:path';
import { test, expect } from './fixtures.mjs';
import {
  fixturesDir, readFixture, gotoApp, docItem, docItems, openDoc, openDocName, docText, uploadFiles,
  cpFind, cpSlice, dragSelect, markLocator, shownSpans, clickSpan, txtFile, expectLineDirections, DEMO_NAME,
  expectMessage, rectForOffsets, cpLength,
} from './helpers.mjs';

const SAMPLE = 'sample-ar.txt';
const sample = readFixture(SAMPLE);

async function openSample(page) {
  await gotoApp(page);
  await uploadFiles(page, path.join(fixturesDir, SAMPLE));
  await expect(docItem(page, SAMPLE)).toHaveCount(1);
  await openDoc(page, SAMPLE);
  await expect.poll(() => docText(page)).toBe(sample);
}

async function tag(page, needle, key, opts) {
  const r = cpFind(sample, needle, opts);
  await dragSelect(page, r.start, r.end, needle);
  await page.keyboard.press(key);
  const label = { 1: 'PER', 2: 'LOC', 3: 'ORG', 4: 'MISC' }[key];
  await expect(markLocator(page, { ...r, label }).first()).toBeVisible();
  return { ...r, label };
}

const bare = (spans) => spans.map(({ start, end, label }) => ({ start, end, label }));

test('first visit: one demo document, open, Arabic with some English', async ({ page }) => {
  await gotoApp(page);
  await expect(docItems(page)).toHaveCount(1);
  const item = docItem(page, DEMO_NAME);
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(DEMO_NAME);
  await expect(item).toHaveAttribute('aria-current', 'true');
  const text = await docText(page);
  expect(text).toMatch(/[\u0600-\u06FF]/);
  expect(text).toMatch(/[A-Za-z]/);
  await expect(page.getByTestId('doc-text').locator('div.line').first()).toBeVisible();
  await expectLineDirections(page);
  for (const l of ['PER', 'LOC', 'ORG', 'MISC']) await expect(page.getByTestId(`label-${l}`)).toBeVisible();
  await expect(page.getByTestId('storage-warning')).toHaveCount(0);
  await expect(page.getByTestId('panic-banner')).toHaveCount(0);
});

test('g. click a span then Delete removes it; Backspace too', async ({ page }) => {
  await openSample(page);
  const a = await tag(page, 'ليلى حداد', '1');
  const b = await tag(page, 'الموصل', '2', { nth: 1 });
  expect(bare(await shownSpans(page))).toEqual([a, b]);

  await clickSpan(page, a);
  await expect(markLocator(page, a).first()).toHaveClass(/\bselected\b/);
  await expect(markLocator(page, b).first()).not.toHaveClass(/\bselected\b/);
  await page.keyboard.press('Delete');
  await expect(markLocator(page, a)).toHaveCount(0);
  expect(bare(await shownSpans(page))).toEqual([b]);

  await clickSpan(page, b);
  await expect(markLocator(page, b).first()).toHaveClass(/\bselected\b/);
  await page.keyboard.press('Backspace');
  await expect(markLocator(page, b)).toHaveCount(0);
  expect(await shownSpans(page)).toEqual([]);
  expect(await docText(page)).toBe(sample);
  await expect(docItem(page, SAMPLE).getByTestId('doc-span-count')).toHaveText('0');
});

test('g. selecting a span and pressing 3 relabels it', async ({ page }) => {
  await openSample(page);
  const s = await tag(page, 'مؤسسة النور للبحوث', '4');
  expect(s.label).toBe('MISC');
  await clickSpan(page, s);
  await expect(markLocator(page, s).first()).toHaveClass(/\bselected\b/);
  await page.keyboard.press('3');
  await expect(markLocator(page, { ...s, label: 'ORG' }).first()).toBeVisible();
  await expect(markLocator(page, { ...s, label: 'MISC' })).toHaveCount(0);
  expect(bare(await shownSpans(page))).toEqual([{ start: s.start, end: s.end, label: 'ORG' }]);
});

// The span panel's Label field relabelled the selected span to a label
// another span on the same text had: two identical spans.
test('g. the Label field never makes a twin: a label the same text has already selects that span', async ({ page }) => {
  await openSample(page);
  const s = await tag(page, 'مؤسسة النور للبحوث', '4');
  await clickSpan(page, s);
  await page.keyboard.press('Shift+1');
  await expect(markLocator(page, { ...s, label: 'PER' })).toHaveCount(1);
  await expect(page.getByTestId('span-label')).toHaveValue('PER');
  await page.getByTestId('span-label').selectOption('MISC');
  await expectMessage(page, 'info', 'This is already tagged MISC.');
  expect(bare(await shownSpans(page)).sort((a, b) => a.label.localeCompare(b.label))).toEqual([
    { start: s.start, end: s.end, label: 'MISC' },
    { start: s.start, end: s.end, label: 'PER' },
  ]);
  // A label the text does not have yet relabels the span, as its key does.
  await expect(page.getByTestId('span-label')).toHaveValue('MISC');
  await page.getByTestId('span-label').selectOption('ORG');
  expect(bare(await shownSpans(page)).map((x) => x.label).sort()).toEqual(['ORG', 'PER']);
});

// A drag that started on a panel (or a message over the text) and ended in
// the text tagged everything from the document's start.
test('g. a drag that starts outside the text tags nothing', async ({ page }) => {
  await openSample(page);
  const r = cpFind(sample, 'مؤسسة النور للبحوث');
  const g = await rectForOffsets(page, r.start, r.end);
  const item = await docItem(page, SAMPLE).boundingBox();
  await page.mouse.move(item.x + item.width / 2, item.y + item.height / 2);
  await page.mouse.down();
  await page.mouse.move(g.to.x, g.to.y, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.press('4');
  await expectMessage(page, 'info', 'Select some text first');
  expect(await shownSpans(page)).toEqual([]);
});

// A drag begun in the text and released past it (below its last line, or
// over a panel) was tagged as the browser selected it: from mid-word
// («صمة جداً.»). Released anywhere, it snaps to whole words.
test('g. a drag released outside the text snaps to whole words like one released in it', async ({ page }) => {
  const text = 'قال الرئيس Barack Obama في بغداد\nوصل الوفد إلى العاصمة جداً.';
  await gotoApp(page);
  await uploadFiles(page, [txtFile('out.txt', text)]);
  await openDoc(page, 'out.txt');
  const capital = cpFind(text, 'العاصمة');
  const box = await page.getByTestId('doc-text').boundingBox();
  const list = await docItem(page, 'out.txt').boundingBox();
  const releases = [
    ['below the text', (from) => ({ x: from.x, y: box.y + box.height + 30 })],
    ['over the document list', () => ({ x: list.x + list.width / 2, y: list.y + list.height / 2 })],
  ];
  for (const [where, at] of releases) {
    const { from } = await rectForOffsets(page, capital.start + 3, capital.start + 4);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    const to = at(from);
    await page.mouse.move(to.x, to.y, { steps: 10 });
    await page.mouse.up();
    await page.keyboard.press('1');
    const spans = await shownSpans(page);
    expect(spans.length, where).toBe(1);
    // Below: on to the text's end, without the full stop. Over the list,
    // which comes before the text: back to the text's start, and the word
    // pressed in is whole.
    const [span] = spans;
    const expected = where === 'below the text' ? [capital.start, cpLength(text) - 1] : [0, capital.end];
    expect([span.start, span.end], where).toEqual(expected);
    await page.keyboard.press('Control+z');
    await expect.poll(() => shownSpans(page)).toEqual([]);
  }
});

test('g. a span nested inside another is visible; LTR word in an RTL line; prefixed word', async ({ page }) => {
  await openSample(page);
  const inner = await tag(page, 'بغداد', '2');
  const outer = await tag(page, 'جامعة بغداد الأهلية', '3');
  const ids = await page.getByTestId('doc-text').evaluate((root, [inner, outer]) => {
    const ids = (s, l) => [...new Set([...root.querySelectorAll(`mark[data-span-start="${s.start}"][data-span-end="${s.end}"][data-label="${l}"]`)].map((m) => m.getAttribute('data-span-id')))];
    return { inner: ids(inner, 'LOC'), outer: ids(outer, 'ORG') };
  }, [inner, outer]);
  expect(ids.inner.length, 'one span id for the inner span').toBe(1);
  expect(ids.outer.length, 'one span id for the outer span').toBe(1);
  expect(ids.inner[0]).not.toBe(ids.outer[0]);
  await expect(markLocator(page, inner).first()).toBeVisible();
  // the inner text lies inside both spans
  const nesting = await page.getByTestId('doc-text').evaluate((root, [innerId, outerId]) => {
    const m = root.querySelector(`mark[data-span-id="${innerId}"]`);
    const r = m.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const chain = [];
    for (let e = hit; e && e !== root; e = e.parentElement) if (e.dataset && e.dataset.spanId) chain.push(e.dataset.spanId);
    const outerFragments = root.querySelectorAll(`mark[data-span-id="${outerId}"]`).length;
    return { chain, outerFragments };
  }, [ids.inner[0], ids.outer[0]]);
  expect(nesting.chain, 'the inner span is on top at its own centre').toContain(ids.inner[0]);
  expect(nesting.outerFragments).toBeGreaterThan(0);

  const latin = await tag(page, 'Wasim', '4');
  const prefixed = cpFind(sample, 'بالبصرة');
  const basra = { start: prefixed.start + 1, end: prefixed.end }; // البصرة inside بالبصرة
  expect(cpSlice(sample, basra.start, basra.end)).toBe('البصرة');
  await dragSelect(page, basra.start, basra.end, 'البصرة');
  await page.getByTestId('label-LOC').click();
  await expect(markLocator(page, { ...basra, label: 'LOC' }).first()).toBeVisible();

  expect(bare(await shownSpans(page))).toEqual(
    [inner, outer, latin, { ...basra, label: 'LOC' }].sort((a, b) => a.start - b.start || a.end - b.end),
  );
  expect(await docText(page)).toBe(sample);
  await expect(docItem(page, SAMPLE).getByTestId('doc-span-count')).toHaveText('4');
});

test('undo / redo with buttons and Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y', async ({ page }) => {
  await openSample(page);
  const s = await tag(page, 'كريم عبد الله', '1');
  const mark = () => markLocator(page, s);

  await page.getByTestId('undo').click();
  await expect(mark()).toHaveCount(0);
  await page.getByTestId('redo').click();
  await expect(mark().first()).toBeVisible();

  await page.keyboard.press('Control+z');
  await expect(mark()).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(mark().first()).toBeVisible();

  await page.keyboard.press('Control+z');
  await expect(mark()).toHaveCount(0);
  await page.keyboard.press('Control+y');
  await expect(mark().first()).toBeVisible();
  expect(bare(await shownSpans(page))).toEqual([s]);
});

test('CRLF text is kept exactly; each line gets its own direction', async ({ page }) => {
  await gotoApp(page);
  const crlf = 'سطر أول بالعربية\r\nsecond line, in English\r\n\r\nسطر رابع فيه 42 رقماً\r\n';
  await uploadFiles(page, [txtFile('crlf.txt', crlf)]);
  await openDoc(page, 'crlf.txt');
  await expect.poll(() => docText(page)).toBe(crlf);
  const lines = await expectLineDirections(page);
  expect(lines.map((l) => l.direction)).toEqual(['rtl', 'ltr', 'rtl', 'rtl']);
});

test('dropping files on the page loads them', async ({ page }) => {
  await gotoApp(page);
  await page.evaluate(async () => {
    const dt = new DataTransfer();
    dt.items.add(new File(['نص مسحوب وأفلت — dropped text\n'], 'dropped-1.txt', { type: 'text/plain' }));
    dt.items.add(new File(['ملف ثانٍ\n'], 'dropped-2.txt', { type: 'text/plain' }));
    const target = document.elementFromPoint(innerWidth / 2, innerHeight / 2) || document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  });
  await expect(docItem(page, 'dropped-1.txt')).toHaveCount(1);
  await expect(docItem(page, 'dropped-2.txt')).toHaveCount(1);
  // The two dropped files only: the demo made way.
  await expect(docItems(page)).toHaveCount(2);
  await openDoc(page, 'dropped-1.txt');
  await expect.poll(() => docText(page)).toBe('نص مسحوب وأفلت — dropped text\n');
});

test('a storage failure shows storage-warning and the app still works', async ({ page }) => {
  await page.addInitScript(() => {
    const fail = function () {
      throw new DOMException('IndexedDB disabled by the test', 'SecurityError');
    };
    IDBFactory.prototype.open = fail;
    IDBFactory.prototype.deleteDatabase = fail;
  });
  await gotoApp(page);
  await expect(page.getByTestId('storage-warning')).toBeVisible();
  await uploadFiles(page, [txtFile('still-works.txt', 'ما زال التطبيق يعمل\n')]);
  await expect(docItem(page, 'still-works.txt')).toHaveCount(1);
});

// Two nested spans of one label looked like one span (the outer colour's
// strip under the inner span is the same colour): a thin dark rule and
// edges, drawn in the background, tell them apart without colour. The
// label shown after a span is not read glued to the word, and the span
// selected with Tab is said aloud through a polite live region.
test('g. nested spans of one label are told apart without colour, and the selected span is announced', async ({ page }) => {
  await openSample(page);
  const inner = await tag(page, 'بغداد', '3', { from: cpFind(sample, 'جامعة بغداد الأهلية').start });
  const outer = await tag(page, 'جامعة بغداد الأهلية', '3');
  await page.keyboard.press('Escape');
  await page.mouse.move(0, 0);
  // Backgrounds only: the letters made transparent (through the CSSOM).
  await page.getByTestId('doc-text').evaluate((root) => root.style.setProperty('color', 'transparent'));
  // The rows' boxes of a span's marks.
  const boxes = (span) =>
    page.getByTestId('doc-text').evaluate((root, s) => {
      const marks = root.querySelectorAll(`mark[data-span-start="${s.start}"][data-span-end="${s.end}"]`);
      return [...marks].flatMap((m) => [...m.getClientRects()].map((r) => ({ left: r.left, right: r.right, top: r.top, height: r.height })));
    }, span);
  const [i] = await boxes(inner);
  const o = (await boxes(outer)).find((r) => Math.abs(r.top - i.top) < 2 && r.left < i.left);
  // Equal patches, away from edges and badges: of the inner span (at its
  // right, where it starts), and of the outer span alone just left of it.
  const patch = (x) => page.screenshot({ clip: { x, y: i.top, width: 10, height: Math.floor(i.height) } });
  const alone = i.left - 20;
  expect(alone).toBeGreaterThan(o.left + 25);
  const [innerPatch, outerPatch] = [await patch(i.right - 14), await patch(alone)];
  expect(innerPatch.equals(outerPatch), 'the inner span looks like the outer one').toBe(false);
  // An outer span alone looks the same everywhere (the test can tell).
  expect((await patch(alone)).equals(await patch(alone - 3))).toBe(true);
  // The badge (label name) has empty alternative text.
  const snapshot = await markLocator(page, inner).first().ariaSnapshot();
  expect(snapshot).toContain('ORG: بغداد');
  expect(snapshot).not.toContain('بغدادORG');
  // Tab selects the first span and says so.
  await page.getByTestId('doc-text').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('span-announce')).toHaveText('ORG: جامعة بغداد الأهلية');
  await expect(page.getByTestId('span-announce')).toHaveAttribute('aria-live', 'polite');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('span-announce')).toHaveText('ORG: بغداد');
});
