// The workbench (issue 12, "workbench out of reach"): the page does not
// scroll, the document list, toolbar and selected span's fields stay in view
// while the text scrolls; the layout at 1366, 1024 and 800 px; blank lines;
// messages as toasts that never move the text, export warnings grouped;
// SVG icons with names; long names cut in the middle; reading settings and
// panel toggles remembered. Real mouse wheel, clicks and key presses.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures.mjs';
import {
  readCorpus, repoRoot, gotoApp, waitForApp, uploadFiles, docItem, openDoc, dragSelect, cpFind,
  jsonFile, txtFile, downloadFrom, messages, markLocator,
} from './helpers.mjs';

const corpus = readCorpus();
const longest = corpus.reduce((a, b) => (b.text.length > a.text.length ? b : a));
const withBlank = corpus.find((a) => /\n[ \t]*\r?\n/.test(a.text));
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
  { width: 800, height: 800 },
];
const SHOTS = path.join(repoRoot, 'test-results', 'workbench');
const LABELS = [
  { name: 'PER', color: '#ffc38a', key: '1' },
  { name: 'LOC', color: '#9be39b', key: '2' },
  { name: 'ORG', color: '#9fd0ff', key: '3' },
  { name: 'MISC', color: '#e3b8ff', key: '4' },
];

/** The first Arabic word of `text` as code-point offsets. */
function firstWord(text, nth = 0) {
  const words = [...text.matchAll(/[\u0621-\u064A]{4,}/g)];
  const word = words[nth][0];
  return { word, ...cpFind(text, word) };
}

async function loadCorpus(page, viewport) {
  await page.setViewportSize(viewport);
  await gotoApp(page);
  await uploadFiles(page, corpus.map((a) => a.path));
  for (const a of corpus) await expect(docItem(page, a.name)).toHaveCount(1);
}

/** Tags the n-th long Arabic word of the open article with a label key. */
async function tagWord(page, article, key = '1', nth = 0) {
  const w = firstWord(article.text, nth);
  await dragSelect(page, w.start, w.end, w.word);
  await page.keyboard.press(key);
  const label = { 1: 'PER', 2: 'LOC', 3: 'ORG', 4: 'MISC' }[key];
  await expect(markLocator(page, { start: w.start, end: w.end, label })).toHaveCount(1);
  return w;
}

/** Expects the element to lie inside the window and to be what is drawn at its centre. */
async function expectInView(page, locator, what) {
  await expect(locator, what).toBeVisible();
  const box = await locator.boundingBox();
  const vp = page.viewportSize();
  expect(box, what).not.toBeNull();
  expect(box.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box.x, `${what}: left`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what}: bottom`).toBeLessThanOrEqual(vp.height + 0.5);
  expect(box.x + box.width, `${what}: right`).toBeLessThanOrEqual(vp.width + 0.5);
  const onTop = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + Math.min(r.height / 2, 10));
    return !!hit && (el === hit || el.contains(hit));
  });
  expect(onTop, `${what}: not covered`).toBe(true);
}

/** Scrolls the text with the mouse wheel until it is about halfway down. */
async function scrollTextHalfway(page) {
  const scroller = page.getByTestId('doc-scroll');
  const box = await scroller.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const { scrollHeight, clientHeight } = await scroller.evaluate((el) => ({
    scrollHeight: el.scrollHeight,
    clientHeight: el.clientHeight,
  }));
  const target = (scrollHeight - clientHeight) / 2;
  expect(target, 'the article is longer than the window').toBeGreaterThan(200);
  await scroller.evaluate((el) => el.scrollTo(0, 0));
  for (let i = 0; i < 60; i++) {
    const top = await scroller.evaluate((el) => el.scrollTop);
    if (top >= target) break;
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(30);
  }
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThanOrEqual(target);
}

for (const viewport of SIZES) {
  test(`${viewport.width} px: halfway down an article the document list, toolbar and span fields stay in view`, async ({ page }) => {
    await loadCorpus(page, viewport);
    await openDoc(page, longest.name);
    await tagWord(page, longest, '1');
    await expect(page.getByTestId('span-details')).toBeVisible();

    await scrollTextHalfway(page);
    const pageScroll = await page.evaluate(() => ({
      y: window.scrollY,
      overflow: document.scrollingElement.scrollHeight - window.innerHeight,
    }));
    expect(pageScroll.y, 'the page itself does not scroll').toBe(0);
    expect(pageScroll.overflow, 'the page is no taller than the window').toBeLessThanOrEqual(0);

    await expectInView(page, page.getByTestId('file-input').locator('xpath=..'), 'toolbar: open files');
    await expectInView(page, page.getByTestId('export-json'), 'toolbar: export');
    await expectInView(page, page.getByTestId('label-PER'), 'toolbar: PER');
    await expectInView(page, docItem(page, longest.name), 'open document in the list');
    await expectInView(page, page.getByTestId('span-label'), 'span label');
    await expectInView(page, page.getByTestId('span-note'), 'span note');
    await expectInView(page, page.getByTestId('span-entity-id'), 'span entity id');

    // The fields work from there, without scrolling back.
    await page.getByTestId('span-entity-id').click();
    await page.keyboard.type('Q42');
    await page.keyboard.press('Tab');
    const scroller = page.getByTestId('doc-scroll');
    expect(await scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
    await expect(page.getByTestId('span-entity-id')).toHaveValue('Q42');

    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `workbench-${viewport.width}.png`) });
  });
}

for (const [lang, locale] of [['English', 'en-US'], ['Arabic', 'ar-IQ']]) {
  test.describe(`toolbar, ${lang} interface`, () => {
    test.use({ locale });
    for (const [width, team] of [[800, false], [800, true], [768, true]]) test(`${width} px: the toolbar is two rows, every control whole${team ? ', with Adjudicate' : ''}`, async ({ page }) => {
      await loadCorpus(page, { width, height: 700 });
      if (team) {
        // Two annotators' spans: the toolbar gains the Adjudicate button.
        const [a] = corpus;
        const w = firstWord(a.text);
        const spans = ['Amina', 'Badr'].map((who, i) => ({ start: w.start, end: w.end, label: i ? 'LOC' : 'PER', text: w.word, annotators: [who] }));
        const file = { format: 'wasim', version: 2, labels: LABELS,
          documents: [{ name: a.name, text: a.text, done: false, spans, team: ['Amina', 'Badr'] }], open: 0 };
        await uploadFiles(page, [jsonFile('team.json', file)]);
        await expect(page.getByTestId('curation-panel')).toBeVisible();
        await expect(page.getByTestId('curation-open')).toHaveAttribute('aria-pressed', 'true');
      }
      const controls = await page.locator('header.toolbar').evaluate((bar) =>
        [...bar.querySelectorAll('button, select, input:not([type=file])')]
          .filter((el) => el.getClientRects().length > 0)
          .map((el) => { const r = el.getBoundingClientRect(); return { top: r.top, left: r.left, right: r.right }; }));
      expect(controls.length).toBeGreaterThan(10);
      const rows = [];
      for (const c of controls) if (!rows.some((top) => Math.abs(top - c.top) < 12)) rows.push(c.top);
      expect(rows.length, `rows at tops ${rows}`).toBeLessThanOrEqual(2);
      for (const c of controls) {
        expect(c.left).toBeGreaterThanOrEqual(0);
        expect(c.right).toBeLessThanOrEqual(width);
      }
      await page.screenshot({ path: path.join(SHOTS, `toolbar-${width}-${lang}${team ? '-team' : ''}.png`) });
    });
  });
}

test('the text column is never narrower at a wider window', async ({ page }) => {
  await loadCorpus(page, SIZES[0]);
  await openDoc(page, longest.name);
  const widths = {};
  for (const viewport of SIZES) {
    await page.setViewportSize(viewport);
    widths[viewport.width] = await page.getByTestId('doc-text').evaluate((el) => el.getBoundingClientRect().width);
    const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
    expect(overflow, `no sideways scrolling at ${viewport.width} px`).toBeLessThanOrEqual(0);
  }
  expect(widths[1024], 'text at 1024 px vs 800 px').toBeGreaterThanOrEqual(widths[800]);
  expect(widths[1366], 'text at 1366 px vs 1024 px').toBeGreaterThanOrEqual(widths[1024]);
  expect(widths[800], 'text at 800 px').toBeGreaterThanOrEqual(360);
});

test('an empty line is shorter than a line of text, and still a line element', async ({ page }) => {
  expect(withBlank, 'an article with an empty line').toBeTruthy();
  await loadCorpus(page, SIZES[1]);
  await openDoc(page, withBlank.name);
  const lines = await page.getByTestId('doc-text').locator('div.line').evaluateAll((els) => {
    const lineHeight = parseFloat(getComputedStyle(els[0].parentElement).lineHeight);
    return {
      lineHeight,
      lines: els.map((el) => ({
        start: el.getAttribute('data-line-start'),
        text: el.textContent,
        height: el.getBoundingClientRect().height,
      })),
    };
  });
  const blank = lines.lines.filter((l) => l.text.trim() === '');
  const text = lines.lines.filter((l) => l.text.trim() !== '');
  expect(blank.length).toBeGreaterThan(0);
  for (const l of blank) {
    expect(l.start, 'blank lines keep data-line-start').toMatch(/^\d+$/);
    expect(l.height, `blank line at ${l.start}`).toBeLessThan(lines.lineHeight * 0.75);
  }
  const shortestText = Math.min(...text.map((l) => l.height));
  expect(shortestText).toBeGreaterThanOrEqual(lines.lineHeight - 1);
  expect(Math.max(...blank.map((l) => l.height))).toBeLessThan(shortestText);
});

/** The rectangle of the open document's 4th line. */
const lineRect = (page) =>
  page.getByTestId('doc-text').locator('div.line').nth(3).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });

test('confirmations that arrive together all leave by themselves', async ({ page }) => {
  await gotoApp(page);
  // One upload, two steps: a workspace replaced, then a text file added.
  const workspace = {
    format: 'wasim',
    version: 1,
    labels: [{ name: 'PER', color: '#1f77b4', key: '1' }],
    documents: [{ name: 'w.txt', text: 'قال علي', done: false, spans: [] }],
    open: 0,
  };
  await uploadFiles(page, [jsonFile('w.json', workspace), txtFile('t.txt', 'في بغداد')]);
  const imported = messages(page, 'info').filter({ hasText: 'Imported a workspace' });
  const loaded = messages(page, 'info').filter({ hasText: 'Loaded 1 document' });
  await expect(imported).toHaveCount(1);
  await expect(loaded).toHaveCount(1);
  // Both go (6 s each), not only the newest.
  await expect(loaded).toHaveCount(0, { timeout: 10_000 });
  await expect(imported).toHaveCount(0, { timeout: 2_000 });
});

test('a message does not move the text, and stays in the message log', async ({ page }) => {
  await loadCorpus(page, SIZES[1]);
  await openDoc(page, longest.name);
  await page.getByTestId('doc-text').locator('div.line').nth(3).scrollIntoViewIfNeeded();
  await expect(messages(page)).toHaveCount(0, { timeout: 10_000 });
  const before = await lineRect(page);

  // Nothing selected: pressing a label button explains what to do.
  await page.keyboard.press('Escape');
  await page.getByTestId('label-LOC').click();
  const toast = messages(page, 'info').filter({ hasText: 'Select some text' });
  await expect(toast).toBeVisible();
  const position = await toast.evaluate((el) => getComputedStyle(el.parentElement).position);
  expect(position).toBe('fixed');
  expect(await lineRect(page), 'with the message shown').toEqual(before);

  await expect(toast).toHaveCount(0, { timeout: 10_000 });
  expect(await lineRect(page), 'after the message left').toEqual(before);

  await page.getByTestId('messages-toggle').click();
  const log = page.getByTestId('message-log');
  await expect(log).toBeVisible();
  await expect(log.getByTestId('message-log-entry').filter({ hasText: 'Select some text' })).toHaveCount(1);
  await expect(log.getByTestId('message-log-entry').filter({ hasText: 'Loaded 5 documents' })).toHaveCount(1);
  await page.getByTestId('messages-toggle').click();
  await expect(log).toHaveCount(0);
});

test('six export warnings make one expandable message, and exporting again does not stack', async ({ page }) => {
  const text = 'زار علي بغداد ثم البصرة ثم الموصل ثم أربيل ثم كركوك ثم النجف .\nسطر ثان.\nسطر ثالث.\nسطر رابع.\n';
  const places = ['بغداد', 'البصرة', 'الموصل', 'أربيل', 'كركوك', 'النجف'];
  const spans = places.map((p) => ({ ...cpFind(text, p), label: 'BIG CITY', text: p }));
  const workspace = {
    format: 'wasim',
    version: 1,
    labels: [{ name: 'PER', color: '#1f77b4', key: '1' }, { name: 'BIG CITY', color: '#2ca02c', key: '2' }],
    documents: [{ name: 'مدن.txt', text, done: false, spans }],
    open: 0,
  };
  await page.setViewportSize(SIZES[1]);
  await gotoApp(page);
  await uploadFiles(page, [jsonFile('cities.json', workspace)]);
  await openDoc(page, 'مدن.txt');
  await expect(messages(page)).toHaveCount(0, { timeout: 10_000 });
  const before = await lineRect(page);

  await page.getByTestId('export-format').selectOption('conll');
  for (let i = 0; i < 3; i++) await downloadFrom(page, page.getByTestId('export-run'));
  const warning = messages(page, 'warning');
  await expect(warning).toHaveCount(1);
  // Six relabelled tags, and one note that a re-import would read other tokens.
  await expect(warning).toContainText('7 warnings');
  const details = warning.getByTestId('message-details');
  await expect(details.locator('li').first()).toBeHidden();
  await details.locator('summary').click();
  await expect(details.locator('li')).toHaveCount(7);
  await expect(details.locator('li').first()).toBeVisible();
  await expect(details.locator('li').filter({ hasText: 'BIG_CITY' })).toHaveCount(6);
  await expect(details.locator('li').last()).toContainText('its text was split into tokens for CoNLL');
  expect(await lineRect(page), 'the text did not move').toEqual(before);

  await page.getByTestId('messages-toggle').click();
  const entries = page.getByTestId('message-log').getByTestId('message-log-entry').filter({ hasText: '7 warnings' });
  await expect(entries).toHaveCount(3);
});

const EMOJI = /\p{Extended_Pictographic}/u;

test('icons are SVG with accessible names, and the interface has no emoji', async ({ page }) => {
  await loadCorpus(page, SIZES[0]);
  await openDoc(page, longest.name);
  const w = await tagWord(page, longest, '1');
  await page.getByTestId('span-note').fill('ملاحظة');
  await page.getByTestId('span-note').press('Tab');
  await expect(page.getByTestId('entity-item').locator('svg')).toHaveCount(1);
  await page.getByTestId('search-scope').selectOption('corpus');
  await page.getByTestId('search-input').fill(w.word);
  await expect(page.getByTestId('doc-search-count').first()).toBeVisible();
  await page.getByTestId('label-editor').locator('summary').click();
  await expect(page.getByTestId('label-delete').first()).toBeVisible();
  await page.locator('.panel-head h2').first().click();
  await page.keyboard.press('Escape');
  await page.getByTestId('label-LOC').click(); // a message with its dismiss button
  await expect(messages(page).first()).toBeVisible();

  const report = await page.evaluate(() => {
    const docText = document.querySelector('[data-testid="doc-text"]');
    const outside = (el) => !docText.contains(el);
    const named = (el) => {
      const label = el.getAttribute('aria-label') || el.getAttribute('title') || '';
      const text = el.textContent.trim();
      return (label + text).trim().length > 0;
    };
    const icons = [...document.querySelectorAll('svg')].filter(outside).map((svg) => {
      const own = svg.getAttribute('role') === 'img' && svg.getAttribute('aria-label');
      const holder = svg.closest('button, [title], [aria-label], label');
      return { own: !!own, hidden: svg.getAttribute('aria-hidden') === 'true', holder: !!holder && named(holder) };
    });
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (outside(n.parentElement)) texts.push(n.data);
    const attrs = [...document.querySelectorAll('[title], [aria-label], [placeholder]')]
      .filter(outside)
      .map((el) => ['title', 'aria-label', 'placeholder'].map((a) => el.getAttribute(a) || '').join(' '));
    return { icons, text: texts.join(' '), attrs: attrs.join(' ') };
  });
  expect(report.icons.length).toBeGreaterThanOrEqual(8);
  for (const [i, icon] of report.icons.entries()) {
    expect(icon.own || (icon.hidden && icon.holder), `icon ${i} has an accessible name`).toBe(true);
  }
  expect(report.text, 'no emoji in the interface text').not.toMatch(EMOJI);
  expect(report.attrs, 'no emoji in titles and labels').not.toMatch(EMOJI);

  for (const id of ['undo', 'messages-toggle', 'settings-toggle', 'toggle-documents', 'toggle-details']) {
    await expect(page.getByTestId(id)).toHaveAccessibleName(/\S/);
  }
  await expect(page.getByTestId('label-delete').first()).toHaveAccessibleName(/^Delete /);
  // Each row's controls name their document (a list of "Remove document" tells nothing apart).
  await expect(docItem(page, longest.name).getByTestId('doc-remove')).toHaveAccessibleName(`Remove ${longest.name}`);
  await expect(docItem(page, longest.name).getByTestId('doc-done')).toHaveAccessibleName(`Done: ${longest.name}`);
  await expect(messages(page).first().getByRole('button')).toHaveAccessibleName('Dismiss');
  await expect(page.getByTestId('doc-search-count').first().locator('svg')).toHaveAccessibleName('search matches');
});

test('a name that mixes directions is drawn in its own order in the list: the demo reads "Wasim demo — مثال"', async ({ page }) => {
  await gotoApp(page);
  const item = page.locator('[data-testid="doc-item"][data-demo="true"]');
  await expect(item).toHaveAttribute('data-doc-name', 'مثال — Wasim demo');
  // Where each word is drawn (the name is laid right to left: مثال first).
  const xs = await item.locator('.doc-name').evaluate((el) => {
    const at = (word) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.data.indexOf(word);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + word.length);
        return range.getBoundingClientRect().left;
      }
      return null;
    };
    return { arabic: at('مثال'), wasim: at('Wasim'), demo: at('demo') };
  });
  expect(xs.wasim, JSON.stringify(xs)).toBeLessThan(xs.demo);
  expect(xs.demo, JSON.stringify(xs)).toBeLessThan(xs.arabic);
});

test('a long Arabic name keeps its end visible, the full name in title and on focus', async ({ page }) => {
  const name = 'تقرير_اللجنة_الوطنية_للانتخابات_عن_نتائج_الجولة_الثانية_في_المحافظات_الشمالية.txt';
  expect([...name].length).toBeGreaterThanOrEqual(60);
  const text = 'زار محمد بغداد والبصرة مع شركة النفط ومنظمة الصحة.\n';
  await page.setViewportSize(SIZES[2]);
  await gotoApp(page);
  await uploadFiles(page, [txtFile(name, text)]);
  const item = docItem(page, name);
  await openDoc(page, name);
  // Four labels in the document: four count chips compete with the name.
  const words = ['محمد', 'بغداد', 'شركة', 'الصحة'];
  for (const [i, word] of words.entries()) {
    const r = cpFind(text, word);
    await dragSelect(page, r.start, r.end, word);
    await page.keyboard.press(String(i + 1));
  }
  await expect(item.getByTestId('doc-span-count')).toHaveText('4');

  await expect(item).toHaveAttribute('title', new RegExp(`^${name.replace(/[.]/g, '\\.')}`));
  await expect(item).toContainText(name);
  const tail = item.locator('.name-tail');
  await expect(tail).toBeVisible();
  const tailText = await tail.textContent();
  expect(tailText.length).toBeGreaterThanOrEqual(6);
  expect(name.endsWith(tailText), `${JSON.stringify(tailText)} ends the name`).toBe(true);
  const boxes = await item.evaluate((li) => {
    const box = (sel) => {
      const r = li.querySelector(sel).getBoundingClientRect();
      return { left: r.left, right: r.right, width: r.width };
    };
    return { item: box('.doc-name'), tail: box('.name-tail'), head: box('.name-head'), chips: box('.doc-label-counts') };
  });
  expect(boxes.tail.left).toBeGreaterThanOrEqual(boxes.item.left - 0.5);
  expect(boxes.tail.right).toBeLessThanOrEqual(boxes.item.right + 0.5);
  expect(boxes.head.width, 'some of the name\'s beginning shows too').toBeGreaterThan(12);
  expect(boxes.chips.width, 'count chips give way first').toBeLessThan(boxes.item.width);

  // Keyboard focus shows the whole name, in a box over the rows below: the
  // row itself keeps its height (a row that shrank when the focus left it
  // moved the others under the pointer, and a click landed on another).
  const height = await item.evaluate((li) => li.getBoundingClientRect().height);
  await item.getByTestId('doc-done').focus();
  await page.keyboard.press('Shift+Tab');
  await expect(item).toBeFocused();
  const shown = await item.evaluate((li) => {
    const after = getComputedStyle(li, '::after');
    return { content: after.content, position: after.position, height: li.getBoundingClientRect().height };
  });
  expect(shown.content, 'the whole name shows on focus').toBe(JSON.stringify(name));
  expect(shown.position).toBe('absolute');
  expect(shown.height).toBe(height);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'long-name-800.png') });
});

test('reading size and line height are applied and survive a reload', async ({ page }) => {
  await loadCorpus(page, SIZES[1]);
  await openDoc(page, longest.name);
  const docText = page.getByTestId('doc-text');
  const size = () => docText.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const line = () => docText.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  const lineBox = () => docText.locator('div.line').first().evaluate((el) => el.getBoundingClientRect().height);
  const size0 = await size();
  const box0 = await lineBox();

  await page.getByTestId('settings-toggle').click();
  await expect(page.getByTestId('settings')).toBeVisible();
  await page.getByTestId('reading-size').focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(size).toBe(size0 + 4);
  await expect(page.getByTestId('reading-size-value')).toHaveText(`${size0 + 4} px`);
  await page.getByTestId('line-height').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await line()) / (await size())).toBeGreaterThan(2.05);
  const line1 = await line();
  expect(await lineBox()).toBeGreaterThan(box0);

  await page.reload();
  await waitForApp(page);
  await expect.poll(size).toBe(size0 + 4);
  expect(await line()).toBeCloseTo(line1, 1);
  await page.getByTestId('settings-toggle').click();
  await expect(page.getByTestId('reading-size')).toHaveValue(String(size0 + 4));

  await page.getByTestId('settings-reset').click();
  await expect.poll(size).toBe(size0);
});

test('Tab through the open label editor scrolls its panel, never the page: the toolbar stays', async ({ page }) => {
  await loadCorpus(page, { width: 1366, height: 800 });
  await page.getByTestId('label-editor').locator('summary').click();
  await page.getByTestId('label-new-name').focus();
  for (const testid of ['label-add', 'labels-export', 'labels-import']) {
    await page.keyboard.press('Tab');
    await expect(page.getByTestId(testid)).toBeFocused();
  }
  const scrolled = await page.evaluate(() => [...document.querySelectorAll('.app, html, body')].map((el) => el.scrollTop));
  expect(scrolled, '.app, html and body are not scrolled').toEqual([0, 0, 0]);
  await expectInView(page, page.getByTestId('export-json'), 'toolbar: export');
  await expectInView(page, page.getByTestId('labels-import').locator('xpath=..'), 'Import labels');
});

test('side panels collapse with their buttons, from the keyboard, and stay so after a reload', async ({ page }) => {
  await loadCorpus(page, SIZES[2]);
  const width = () => page.getByTestId('doc-text').evaluate((el) => el.getBoundingClientRect().width);
  const open = await width();

  await page.getByTestId('toggle-documents').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('doc-list')).toHaveCount(0);
  await expect(page.getByTestId('toggle-documents')).toHaveAttribute('aria-expanded', 'false');
  await page.getByTestId('toggle-details').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('toggle-details')).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(width).toBeGreaterThan(open + 200);

  await page.reload();
  await expect(page.getByTestId('toggle-documents')).toHaveAttribute('aria-expanded', 'false', { timeout: 20_000 });
  await expect(page.getByTestId('doc-list')).toHaveCount(0);
  await expect(page.getByTestId('toggle-details')).toHaveAttribute('aria-expanded', 'false');

  await page.getByTestId('toggle-documents').click();
  await page.getByTestId('toggle-details').click();
  await expect(page.getByTestId('doc-list')).toBeVisible();
  await expect.poll(width).toBeCloseTo(open, 0);
});

for (const [lang, locale, rtl] of [['English', 'en-US', false], ['Arabic', 'ar-IQ', true]]) {
  test.describe(`resizing the panels, ${lang} interface`, () => {
    test.use({ locale });
    test('a panel edge drags wider, moves with the arrow keys, is remembered, and double-click gives the automatic width back', async ({ page }) => {
      await loadCorpus(page, SIZES[1]);
      const panel = (id) => page.locator(`#${id}`).evaluate((el) => el.getBoundingClientRect().width);
      const auto = { documents: await panel('documents-panel'), details: await panel('details-panel') };
      const handle = page.getByTestId('resize-documents');
      await expect(handle).toHaveAttribute('role', 'separator');
      // At its automatic width the handle's value is the laid-out width
      // (it said 160, the smallest, for a panel of some 240 px).
      await expect(handle).toHaveAttribute('aria-valuenow', String(Math.round(auto.documents)));
      await expect(page.getByTestId('resize-details')).toHaveAttribute('aria-valuenow', String(Math.round(auto.details)));

      // Drag the documents panel's inner edge 100 px toward the text
      // (right in English, left in Arabic).
      const box = await handle.boundingBox();
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + (rtl ? -50 : 50), y, { steps: 3 });
      await page.mouse.move(x + (rtl ? -100 : 100), y, { steps: 3 });
      await page.mouse.up();
      await expect.poll(() => panel('documents-panel')).toBeGreaterThan(auto.documents + 90);
      const dragged = await panel('documents-panel');
      expect(dragged).toBeLessThan(auto.documents + 110);
      expect(await panel('details-panel'), 'the other panel keeps its width').toBeCloseTo(auto.details, 0);

      // The keyboard: the arrow pointing away from the text narrows it.
      await handle.focus();
      await page.keyboard.press(rtl ? 'ArrowRight' : 'ArrowLeft');
      await expect.poll(() => panel('documents-panel')).toBeLessThan(dragged - 10);
      const keyed = await panel('documents-panel');
      await expect(handle).toHaveAttribute('aria-valuenow', String(Math.round(keyed)));
      // The arrow keys stayed with the handle: no span or document moved.
      await expect(page.getByTestId('resize-documents')).toBeFocused();

      // The span panel's edge, from the keyboard: the arrow away from the text.
      await page.getByTestId('resize-details').focus();
      await page.keyboard.press(rtl ? 'Shift+ArrowLeft' : 'Shift+ArrowRight');
      await expect.poll(() => panel('details-panel')).toBeLessThan(auto.details - 40);

      await page.reload();
      await expect(page.getByTestId('doc-list')).toBeVisible({ timeout: 20_000 });
      await expect.poll(() => panel('documents-panel')).toBeCloseTo(keyed, 0);

      // Both at their widest, then a narrower window: neither panel takes
      // more than 30 % of it, and the text keeps its room.
      await page.getByTestId('resize-documents').focus();
      await page.keyboard.press('End');
      await page.getByTestId('resize-details').focus();
      await page.keyboard.press('End');
      await expect(page.getByTestId('resize-documents')).toHaveAttribute('aria-valuemax', String(Math.floor(0.3 * SIZES[1].width / 4) * 4));
      await page.setViewportSize({ width: 800, height: 700 });
      await expect.poll(() => panel('documents-panel')).toBeLessThanOrEqual(240.5);
      await expect.poll(() => panel('details-panel')).toBeLessThanOrEqual(240.5);
      const text = await page.getByTestId('doc-text').evaluate((el) => el.getBoundingClientRect().width);
      expect(text).toBeGreaterThan(250);
      await page.setViewportSize(SIZES[1]);

      await page.getByTestId('resize-documents').dblclick();
      await page.getByTestId('resize-details').dblclick();
      await expect.poll(() => panel('documents-panel')).toBeCloseTo(auto.documents, 0);
      await expect.poll(() => panel('details-panel')).toBeCloseTo(auto.details, 0);
    });
  });
}

// Below 700 px (a phone, or a 1366 px laptop zoomed to 200 %) the panels
// stack and the page scrolls again; the toolbar (labels, undo, export)
// stays at the top, and a word scrolled to is tagged from it without the
// page moving.
test('below 700 px the toolbar stays in view while the page scrolls', async ({ page }) => {
  await loadCorpus(page, { width: 683, height: 384 });
  await openDoc(page, longest.name);
  const text = page.getByTestId('doc-text');
  const box = await text.boundingBox();
  await page.mouse.move(box.x + box.width / 2, Math.min(box.y + 40, 300));
  // Down past the document list, into the text.
  for (let i = 0; i < 2; i += 1) await page.mouse.wheel(0, 450);
  await expect.poll(() => page.evaluate(() => window.scrollY), { message: 'the page scrolled' }).toBeGreaterThan(box.y + 100);
  for (const id of ['label-PER', 'export-json', 'export-run']) {
    await expectInView(page, page.getByTestId(id), id);
  }
  // A word now in view (a double-click), tagged with the toolbar's button.
  const point = await text.evaluate((root) => {
    const top = document.querySelector('.toolbar').getBoundingClientRect().bottom;
    const r = root.getBoundingClientRect();
    for (let y = top + 30; y < innerHeight - 20; y += 8) {
      for (let x = r.left + 40; x < r.right - 40; x += 25) {
        const at = document.caretPositionFromPoint(x, y);
        const ch = at && at.offsetNode.nodeType === 3 && root.contains(at.offsetNode) && at.offsetNode.data[at.offset];
        if (ch && /[\u0621-\u064A]/.test(ch) && /[\u0621-\u064A]/.test(at.offsetNode.data[at.offset + 1] || '')) return { x, y };
      }
    }
    return null;
  });
  expect(point, 'Arabic text in view below the toolbar').not.toBeNull();
  await page.mouse.dblclick(point.x, point.y);
  const picked = await page.evaluate(() => String(window.getSelection()).trim());
  expect(picked, 'a word selected').not.toBe('');
  await page.getByTestId('label-PER').click();
  const mark = page.locator('[data-testid="doc-text"] mark[data-label="PER"]');
  await expect(mark).toHaveCount(1);
  const [start, end] = await mark.evaluate((m) => [Number(m.dataset.spanStart), Number(m.dataset.spanEnd)]);
  expect([...longest.text].slice(start, end).join('')).toBe(picked);
  // The page stays where it was (the span's row in the entities list,
  // further down, is not scrolled to).
  await page.waitForTimeout(300);
  await expectInView(page, mark, 'the new span');
});

// A phone: an error stays until dismissed, floating over the page; the page
// can still scroll its last rows up above it (they sat under it).
test('below 700 px the page scrolls its end above the messages', async ({ page }) => {
  await gotoApp(page);
  await page.setViewportSize({ width: 360, height: 640 });
  await uploadFiles(page, [jsonFile('bad.json', '{nope')]);
  const error = page.locator('[data-testid="message"][data-kind="error"]');
  await expect(error).toHaveCount(1);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const [lastBottom, messagesTop] = await page.evaluate(() => {
    const app = document.querySelector('.app');
    const last = [...app.children].filter((c) => !c.classList.contains('messages') && c.getBoundingClientRect().height > 0).pop();
    return [last.getBoundingClientRect().bottom, document.querySelector('.messages').getBoundingClientRect().top];
  });
  expect(lastBottom, 'the end of the page clears the messages').toBeLessThanOrEqual(messagesTop);
  await error.getByRole('button').click();
  await expect(error).toHaveCount(0);
});

// Long names stay inside their boxes: a label renamed to a long name is cut
// with "…" in the span's Label field, the delete question and the entities
// heading (whose count still shows), and the badge after a span shows the
// name's start; at 1024 px, beside a corpus search's counts, each document
// name still shows its extension.
test('long names are cut inside their boxes, keeping what identifies them', async ({ page }) => {
  await loadCorpus(page, SIZES[1]);
  const article = corpus[0];
  await openDoc(page, article.name);
  await tagWord(page, article, '3');
  const long = 'ORGANIZATION_LONG_NAME_FOR_TEST';
  await page.getByTestId('label-editor').locator('summary').click();
  const name = page.locator('[data-testid="label-row"][data-label="ORG"]').getByTestId('label-name');
  await name.fill(long);
  await name.press('Enter');
  const mark = page.locator(`[data-testid="doc-text"] mark[data-label="${long}"]`).first();
  await expect(mark).toHaveCount(1);
  await mark.click();
  const inside = async (locator, box, what) => {
    const [r, b] = [await locator.boundingBox(), await box.boundingBox()];
    expect(r.x, `${what}: left`).toBeGreaterThanOrEqual(b.x - 0.5);
    expect(r.x + r.width, `${what}: right`).toBeLessThanOrEqual(b.x + b.width + 0.5);
  };
  const details = page.locator('#details-panel');
  await inside(page.getByTestId('span-label'), details, 'the Label field');
  const group = page.locator(`[data-testid="entity-group"][data-label="${long}"]`);
  await inside(group.getByTestId('entity-group-count'), details, 'the group count');
  const row = page.locator(`[data-testid="label-row"][data-label="${long}"]`);
  await row.getByTestId('label-delete').click();
  await inside(page.getByTestId('label-delete-confirm').locator('select'), page.locator('.sidebar'), 'the delete question');
  await page.keyboard.press('Escape');
  // The badge after the span (CSS ::after) starts with the name's start.
  const badge = await mark.evaluate((m) => {
    const style = getComputedStyle(m, '::after');
    return { bidi: style.unicodeBidi, content: style.content };
  });
  expect(badge.content).toContain(long);
  expect(badge.bidi).toBe('plaintext');
  // Document names beside the corpus search's counts: the extension shows.
  await page.getByTestId('search-scope').selectOption('corpus');
  await page.getByTestId('search-input').fill('العراق');
  await expect(page.locator('.doc-search-count').first()).toBeVisible();
  const clipped = await page.getByTestId('doc-item').evaluateAll((items) => items.filter((item) => {
    const tail = item.querySelector('.name-tail');
    const text = tail.firstChild;
    const range = document.createRange();
    range.setStart(text, text.length - 1);
    range.setEnd(text, text.length);
    const last = range.getBoundingClientRect();
    const box = tail.getBoundingClientRect();
    return last.right > box.right + 0.5 || last.left < box.left - 0.5;
  }).map((item) => item.dataset.docName));
  expect(clipped, 'names whose last character is cut').toEqual([]);
});

// Below 700 px the toolbar sticks over the top of the page: a span Shift+Tab
// selects just under it was taken for one in view and stayed covered.
test('below 700 px a span reached by the keyboard is not left under the toolbar', async ({ page }) => {
  await page.setViewportSize({ width: 600, height: 800 });
  await gotoApp(page);
  const paragraphs = Array.from({ length: 80 }, (_, i) => `الفقرة ${i}: زار علي بغداد ثم ذهب محمد إلى الموصل وعاد.`);
  await uploadFiles(page, [txtFile('long.txt', paragraphs.join('\n'))]);
  await openDoc(page, 'long.txt');
  await page.keyboard.press('Control+f');
  await page.getByTestId('search-input').fill('محمد');
  await page.getByTestId('search-tag-all').click();
  await page.getByTestId('search-tag-confirm').click();
  await expect(page.locator('[data-testid="doc-text"] mark[data-span-start]')).not.toHaveCount(0);
  await page.keyboard.press('Escape');
  const mark = page.locator('[data-testid="doc-text"] mark[data-span-start]').nth(40);
  await mark.scrollIntoViewIfNeeded();
  // Just under the toolbar, with the span before it under the toolbar.
  await mark.evaluate((m) => {
    const bar = document.querySelector('.toolbar').getBoundingClientRect().bottom;
    window.scrollBy(0, m.getBoundingClientRect().top - bar - 10);
  });
  await mark.click();
  await expect(page.locator('mark.selected')).toHaveCount(1);
  await page.keyboard.press('Shift+Tab');
  const selected = page.locator('[data-testid="doc-text"] mark.selected');
  await expect(selected).toHaveCount(1);
  await expect(selected).not.toHaveAttribute('data-span-start', await mark.getAttribute('data-span-start'));
  await expectInView(page, selected, 'the span Shift+Tab selected');
});
