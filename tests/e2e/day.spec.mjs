// A day of annotating (issue 12), items 1–5 and 8, with real drags and key
// presses on the seed corpus: labels never land on the wrong text, undo shows
// what it changes, the keyboard cursor starts where the user clicked and stays
// in view, a label key relabels instead of duplicating, and Tab leaves the
// controls to the browser.
import { test, expect } from './fixtures.mjs';
import {
  gotoApp, uploadFiles, txtFile, openDoc, openDocName, shownSpans, cpSlice, cpFind, rectForOffsets, readCorpus,
  expectMessage, markLocator, clickSpan, jsonFile,
} from './helpers.mjs';

const corpus = readCorpus();
const byName = (prefix) => corpus.find((c) => c.name.startsWith(prefix));

async function loadCorpus(page) {
  await gotoApp(page);
  await uploadFiles(page, corpus.map((c) => c.path));
  await expect(page.getByTestId('doc-item')).toHaveCount(corpus.length);
}

/** A real mouse drag over [start, end), without checking what it selects. */
async function drag(page, start, end) {
  const g = await rectForOffsets(page, start, end);
  await page.mouse.move(g.from.x, g.from.y);
  await page.mouse.down();
  await page.mouse.move((g.from.x + g.to.x) / 2, (g.from.y + g.to.y) / 2, { steps: 4 });
  await page.mouse.move(g.to.x, g.to.y, { steps: 4 });
  await page.mouse.up();
}

/** Code points of the first occurrence of `word` standing as a whole word. */
function wholeWord(text, word) {
  const re = new RegExp(`(^|[^\\p{L}\\p{M}])(${word})(?![\\p{L}\\p{M}])`, 'u');
  const m = re.exec(text);
  if (!m) throw new Error(`${word} is not in the text as a word`);
  const start = Array.from(text.slice(0, m.index + m[1].length)).length;
  return { start, end: start + Array.from(word).length };
}

const spanTexts = async (page, text) => (await shownSpans(page)).map((s) => [s.label, cpSlice(text, s.start, s.end)]);

test('1. a drag that starts one letter into a name tags the whole name; a real proclitic is still split', async ({ page }) => {
  await loadCorpus(page);
  const cases = [
    ['003', 'بغداد', 1, 'بغداد'],
    ['003', 'لندن', 1, 'لندن'],
    ['003', 'بلاده', 1, 'بلاده'],
    ['002', 'بنهاية', 1, 'نهاية'],
    ['001', 'وبريطانيا', 2, 'بريطانيا'],
    ['003', 'تراس', 1, 'تراس'],
  ];
  for (const [doc, word, skip, expected] of cases) {
    const article = byName(doc);
    await openDoc(page, article.name);
    const { start } = wholeWord(article.text, word);
    await drag(page, start + skip, start + Array.from(word).length);
    const before = (await shownSpans(page)).length;
    await page.keyboard.press('2');
    await expect.poll(async () => (await shownSpans(page)).length).toBe(before + 1);
    const added = (await shownSpans(page)).filter((s) => !(s.start === 0 && s.end === 0));
    expect(added.map((s) => cpSlice(article.text, s.start, s.end)), `${word} from +${skip}`).toContain(expected);
    const wrong = Array.from(word).slice(skip).join('');
    if (wrong !== expected) expect(added.map((s) => cpSlice(article.text, s.start, s.end))).not.toContain(wrong);
  }
});

test('2. Ctrl+Z opens the document it changes, shows the change and says what it undid', async ({ page }) => {
  await loadCorpus(page);
  const a = byName('003');
  const b = byName('004');
  await openDoc(page, a.name);
  const w = cpFind(a.text, 'بغداد');
  await drag(page, w.start, w.end);
  await page.keyboard.press('2');
  await expect(markLocator(page, { ...w, label: 'LOC' })).toHaveCount(1);
  await page.locator(`[data-testid="doc-item"][data-doc-name="${a.name}"] [data-testid="doc-done"]`).click();
  await openDoc(page, b.name);
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('Control+z');
  await expect.poll(() => openDocName(page)).toBe(a.name);
  await expectMessage(page, 'info', 'Undid: marking done');
  await expect(page.locator(`[data-testid="doc-item"][data-doc-name="${a.name}"] [data-testid="doc-done"]`)).not.toBeChecked();
  await openDoc(page, b.name);
  await page.keyboard.press('Control+z');
  await expect.poll(() => openDocName(page)).toBe(a.name);
  await expectMessage(page, 'info', 'Undid: tagging LOC «بغداد»');
  await expect(markLocator(page, { ...w, label: 'LOC' })).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expectMessage(page, 'info', 'Redid: tagging LOC «بغداد»');
  await expect(markLocator(page, { ...w, label: 'LOC' })).toHaveCount(1);
  await expect(markLocator(page, { ...w, label: 'LOC' }).first()).toBeInViewport();
});

test('3. the keyboard cursor starts at the clicked word and keeps its target in view', async ({ page }) => {
  await loadCorpus(page);
  const article = byName('003');
  await openDoc(page, article.name);
  const occurrences = [];
  for (let nth = 0; ; nth++) {
    try { occurrences.push(cpFind(article.text, 'تراس', { nth })); } catch { break; }
  }
  const target = occurrences[occurrences.length - 1];
  const g = await rectForOffsets(page, target.start, target.end);
  // Click in the middle of the word (a caret, no selection), then ← and 4.
  await page.mouse.click((g.from.x + g.to.x) / 2, g.from.y);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('4');
  await expect(markLocator(page, { ...target, label: 'MISC' })).toHaveCount(1);
  await expect(markLocator(page, { ...target, label: 'MISC' }).first()).toBeInViewport();
  // Holding ← walks far; the selected word stays in view.
  await page.keyboard.press('Escape');
  await page.mouse.click((g.from.x + g.to.x) / 2, g.from.y);
  for (let i = 0; i < 120; i++) await page.keyboard.press('ArrowLeft');
  const inView = await page.evaluate(() => {
    const sel = window.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) return 'no selection';
    const r = sel.getRangeAt(0).getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight ? 'in view' : `out of view at ${r.top}`;
  });
  expect(inView).toBe('in view');
});

test('4. a label key relabels an exactly covered span, Shift adds one, and Tag all skips what a same-label span covers', async ({ page }) => {
  await loadCorpus(page);
  const article = byName('004');
  await openDoc(page, article.name);
  const uae = cpFind(article.text, 'الإمارات');
  await drag(page, uae.start, uae.end);
  await page.keyboard.press('2');
  await expect(markLocator(page, { ...uae, label: 'LOC' })).toHaveCount(1);
  await drag(page, uae.start, uae.end);
  await page.keyboard.press('3');
  await expect(markLocator(page, { ...uae, label: 'ORG' })).toHaveCount(1);
  await expect(markLocator(page, { ...uae, label: 'LOC' })).toHaveCount(0);
  expect((await shownSpans(page)).filter((s) => s.start === uae.start && s.end === uae.end)).toHaveLength(1);
  // Shift+key adds a second label on the same extent.
  await drag(page, uae.start, uae.end);
  await page.keyboard.press('Shift+2');
  await expect(markLocator(page, { ...uae, label: 'LOC' })).toHaveCount(1);
  await expect(markLocator(page, { ...uae, label: 'ORG' })).toHaveCount(1);
  // The same with a clicked span and no selection: a key relabels it,
  // Shift+key adds a label beside it.
  const kadhimi = cpFind(article.text, 'الكاظمي');
  await drag(page, kadhimi.start, kadhimi.end);
  await page.keyboard.press('2');
  await clickSpan(page, { ...kadhimi, label: 'LOC' });
  await page.keyboard.press('1');
  await expect(markLocator(page, { ...kadhimi, label: 'PER' })).toHaveCount(1);
  await expect(markLocator(page, { ...kadhimi, label: 'LOC' })).toHaveCount(0);
  await clickSpan(page, { ...kadhimi, label: 'PER' });
  await page.keyboard.press('Shift+4');
  await expect(markLocator(page, { ...kadhimi, label: 'MISC' })).toHaveCount(1);
  await expect(markLocator(page, { ...kadhimi, label: 'PER' })).toHaveCount(1);

  // بالعراق tagged LOC whole; Tag all العراق as LOC adds nothing inside it.
  const iraq = byName('001');
  await openDoc(page, iraq.name);
  const bil = cpFind(iraq.text, 'بالعراق');
  await drag(page, bil.start, bil.end);
  await page.keyboard.press('2');
  await expect(markLocator(page, { ...bil, label: 'LOC' })).toHaveCount(1);
  await page.getByTestId('search-input').fill('العراق');
  await expect(page.getByTestId('search-label')).toHaveValue('LOC');
  await page.getByTestId('search-tag-all').click();
  await page.getByTestId('search-tag-confirm').click();
  await expect(markLocator(page, { start: bil.start + 1, end: bil.end, label: 'LOC' })).toHaveCount(0);
  const locs = (await shownSpans(page)).filter((s) => s.label === 'LOC');
  for (const s of locs) {
    const inside = locs.some((o) => o !== s && o.start <= s.start && s.end <= o.end);
    expect(inside, `LOC ${cpSlice(iraq.text, s.start, s.end)} inside another LOC`).toBe(false);
  }
});

test('4b. search lists matches with context and Enter / Shift+Enter step through them', async ({ page }) => {
  await loadCorpus(page);
  const article = byName('003');
  await openDoc(page, article.name);
  await page.getByTestId('search-input').fill('العراق');
  const results = page.getByTestId('search-result');
  const count = Number(await page.getByTestId('search-count').getAttribute('data-count'));
  expect(count).toBeGreaterThan(1);
  await expect(results).toHaveCount(Math.min(count, 200));
  await expect(results.first()).toContainText('العراق');
  const selected = () => page.evaluate(() => String(window.getSelection()));
  await page.getByTestId('search-input').press('Enter');
  expect(await selected()).toBe('العراق');
  await page.getByTestId('search-input').press('Enter');
  await expect(results.nth(1)).toHaveAttribute('aria-current', 'true');
  await page.getByTestId('search-input').press('Shift+Enter');
  await expect(results.nth(0)).toHaveAttribute('aria-current', 'true');
  // Clicking a result selects it in the text.
  await results.nth(1).click();
  expect(await selected()).toBe('العراق');
});

test('5. Shift+Arrow extends and shrinks by whole words, never keeping trailing punctuation', async ({ page }) => {
  await loadCorpus(page);
  const article = byName('002');
  expect(article.text.startsWith('أكرم القصاص - علا')).toBe(true);
  await openDoc(page, article.name);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('4');
  const spans = await spanTexts(page, article.text);
  expect(spans).toContainEqual(['MISC', 'أكرم القصاص']);
  expect(spans.map(([, t]) => t)).not.toContain('أكرم القصاص -');
});

test('5b. Shift+Arrow from a caret clicked inside a word takes the whole word; one selected word grows on either side', async ({ page }) => {
  await loadCorpus(page);
  const selected = () => page.evaluate(() => String(window.getSelection()));
  const article = byName('003');
  await openDoc(page, article.name);
  const w = wholeWord(article.text, 'الكاظمي');
  const g = await rectForOffsets(page, w.start + 3, w.start + 4);
  await page.mouse.click((g.from.x + g.to.x) / 2, (g.from.y + g.to.y) / 2);
  await page.keyboard.press('Shift+ArrowLeft');
  expect(await selected()).toBe('الكاظمي');
  await page.keyboard.press('2');
  await expect(markLocator(page, { start: w.start, end: w.end, label: 'LOC' })).toHaveCount(1);
  // A word selected with a plain arrow: Shift and the arrow pointing
  // back grows the selection before it instead of emptying it.
  const second = byName('002');
  await openDoc(page, second.name);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  expect(await selected()).toBe('القصاص');
  await page.keyboard.press('Shift+ArrowRight');
  expect(await selected()).toBe('أكرم القصاص');
  await page.keyboard.press('4');
  expect(await spanTexts(page, second.text)).toContainEqual(['MISC', 'أكرم القصاص']);
});

test('5c. ←, →, Ctrl and Shift walk the words in the order they are drawn, across a left-to-right name in an Arabic line', async ({ page }) => {
  await gotoApp(page);
  const text = 'قال الرئيس Barack Obama في بغداد\nVisited by Reuters';
  const workspace = {
    format: 'wasim', version: 2,
    labels: [{ name: 'PER', color: '#ffc38a', key: '1' }],
    documents: [{ name: 'mixed.txt', text, spans: [] }],
  };
  await uploadFiles(page, [jsonFile('mixed.json', workspace)]);
  await openDoc(page, 'mixed.txt');
  const selected = () => page.evaluate(() => String(window.getSelection()));
  const walk = async (key, words) => {
    for (const word of words) {
      await page.keyboard.press(key);
      expect(await selected(), `${key} → ${word}`).toBe(word);
    }
  };
  // Drawn right to left: قال, الرئيس, then "Barack Obama" read left to
  // right, so "Obama" is the word beside الرئيس; then في, بغداد.
  await walk('ArrowLeft', ['قال', 'الرئيس', 'Obama', 'Barack', 'في', 'بغداد']);
  await walk('ArrowRight', ['في', 'Barack', 'Obama', 'الرئيس']);
  // Ctrl moves a character at a time the way the characters are drawn:
  // inside the name, ← goes back in the text (it went on to «ف»).
  await walk('ArrowLeft', ['Obama']);
  // …and on out of it, to the left of "Barack", into «في» (it bounced
  // between "B" and the space before it for ever).
  await walk('Control+ArrowLeft', [' ', 'k', 'c', 'a', 'r', 'a', 'B', ' ', 'ف']);
  const reach = async (key, word) => {
    for (let i = 0; i < 8 && (await selected()) !== word; i++) await page.keyboard.press(key);
    expect(await selected()).toBe(word);
  };
  await reach('ArrowRight', 'Obama');
  // Shift grows and shrinks the selection the way the arrow points, in the
  // order words are drawn (it went by the text's order: ← took in «في»).
  await walk('Shift+ArrowLeft', ['Barack Obama']);
  await walk('Shift+ArrowRight', ['Obama', 'الرئيس Barack Obama']);
  await walk('Shift+ArrowLeft', ['Obama', 'Barack Obama']);
  await page.keyboard.press('1');
  await expect(markLocator(page, { ...cpFind(text, 'Barack Obama'), label: 'PER' })).toHaveCount(1);
  // Growing past the name from the right never leaves a gap in the
  // highlight: from قال, ← takes الرئيس, the whole name, then في (it let
  // "Obama" go, drawn between الرئيس and "Barack").
  await page.keyboard.press('Escape');
  await reach('ArrowRight', 'قال');
  await walk('Shift+ArrowLeft', ['قال الرئيس', 'قال الرئيس Barack Obama', 'قال الرئيس Barack Obama في']);
  await walk('Shift+ArrowRight', ['قال الرئيس Barack Obama', 'قال الرئيس']);
  // From a caret clicked between "Barack" and "Obama", Shift and the arrow
  // take the word drawn on the arrow's side (← went to "Obama").
  const o = cpFind(text, 'Obama').start;
  const gap = await rectForOffsets(page, o - 1, o);
  await page.mouse.click((gap.from.x + gap.to.x) / 2, (gap.from.y + gap.to.y) / 2);
  await page.keyboard.press('Shift+ArrowLeft');
  expect(await selected()).toBe('Barack');
  await page.mouse.click((gap.from.x + gap.to.x) / 2, (gap.from.y + gap.to.y) / 2);
  await page.keyboard.press('Shift+ArrowRight');
  expect(await selected()).toBe('Obama');
  // Grown over the name and then beyond it, the selection keeps the whole
  // name (it was cut back to the word it started at and the new one:
  // "Obama في", "الرئيس Barack").
  await reach('ArrowLeft', 'Obama');
  await walk('Shift+ArrowLeft', ['Barack Obama', 'Barack Obama في']);
  await page.keyboard.press('Escape');
  await reach('ArrowRight', 'قال');
  await walk('ArrowLeft', ['الرئيس', 'Obama', 'Barack']);
  await walk('Shift+ArrowRight', ['Barack Obama', 'الرئيس Barack Obama']);
  await page.keyboard.press('1');
  const grown = cpFind(text, 'الرئيس Barack Obama');
  await expect(markLocator(page, { ...grown, label: 'PER' })).toHaveCount(1);
  // A click at the name's edge: its code point is drawn in two places
  // (beside الرئيس and at the name's far end); the arrow goes from where
  // the click landed (→ from just left of "B" took "Obama", Ctrl+→ the
  // last "a" of it).
  await page.keyboard.press('Control+z');
  const edge = (needle, side) =>
    page.getByTestId('doc-text').evaluate((root, [needle, side]) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.data.indexOf(needle);
        if (at < 0) continue;
        const r = document.createRange();
        r.setStart(n, at);
        r.setEnd(n, at + needle.length);
        const box = r.getBoundingClientRect();
        return { x: side === 'left' ? box.left - 1 : box.right + 1, y: box.top + box.height / 2 };
      }
      throw new Error(needle);
    }, [needle, side]);
  const clickAt = async (needle, side) => {
    const { x, y } = await edge(needle, side);
    await page.mouse.click(x, y);
  };
  for (const [needle, side, key, word] of [
    ['Barack', 'left', 'ArrowRight', 'Barack'],
    ['Barack', 'left', 'Control+ArrowRight', 'B'],
    ['Obama', 'right', 'ArrowLeft', 'Obama'],
    ['Obama', 'right', 'Control+ArrowLeft', 'a'],
  ]) {
    await clickAt(needle, side);
    await page.keyboard.press(key);
    expect(await selected(), `a click ${side} of ${needle}, then ${key}`).toBe(word);
  }
});

// Home and End did nothing in the text. They go to the line's first and
// last word (Ctrl: the text's), and Shift grows the selection to it.
test('5e. Home and End go to the first and last word of the line, Ctrl of the text, Shift extends', async ({ page }) => {
  await gotoApp(page);
  const text = 'قال الرئيس Barack Obama في بغداد.\nوصل الوفد إلى العاصمة.\n';
  await uploadFiles(page, [txtFile('home.txt', text)]);
  await openDoc(page, 'home.txt');
  // (In the document list, Home and End keep their meaning there.)
  await page.getByTestId('doc-text').focus();
  const selected = () => page.evaluate(() => String(window.getSelection()));
  const walk = async (key, word) => {
    await page.keyboard.press(key);
    await expect.poll(selected, { message: key }).toBe(word);
  };
  await walk('ArrowLeft', 'قال');
  await walk('ArrowLeft', 'الرئيس');
  await walk('End', 'بغداد');
  await walk('Home', 'قال');
  await walk('Shift+End', 'قال الرئيس Barack Obama في بغداد');
  await walk('Control+End', 'العاصمة');
  await walk('Home', 'وصل');
  await walk('Shift+End', 'وصل الوفد إلى العاصمة');
  await page.keyboard.press('2');
  await expect(markLocator(page, { ...cpFind(text, 'وصل الوفد إلى العاصمة'), label: 'LOC' })).toHaveCount(1);
  await walk('Control+Home', 'قال');
});

// A line of digits (a date) is drawn left to right in an Arabic document,
// and so is an English line. Rows and lines follow the document's
// direction: ← always goes on down, entering a line at its right, → up,
// entering at its left. With each line's own direction, ← held 09 and 12
// of the date in turn for ever, and bounced between علي and "The".
test('5d. ← walks every word of an Arabic document down to its end, through a date and an English line, and → back up', async ({ page }) => {
  await gotoApp(page);
  const text = 'قال علي\n09/12/2021\nThe prime minister\n\nذهب إلى بغداد';
  const workspace = {
    format: 'wasim', version: 2,
    labels: [{ name: 'PER', color: '#ffc38a', key: '1' }],
    documents: [{ name: 'dated.txt', text, spans: [] }],
  };
  await uploadFiles(page, [jsonFile('dated.json', workspace)]);
  await openDoc(page, 'dated.txt');
  const selected = () => page.evaluate(() => String(window.getSelection()));
  const walk = async (key, words) => {
    for (const word of words) {
      await page.keyboard.press(key);
      expect(await selected(), `${key} → ${word}`).toBe(word);
    }
  };
  const down = ['قال', 'علي', '2021', '12', '09', 'minister', 'prime', 'The', 'ذهب', 'إلى', 'بغداد'];
  await walk('ArrowLeft', down);
  // At the end, ← stays on the last word.
  await walk('ArrowLeft', ['بغداد']);
  await walk('ArrowRight', down.slice(0, -1).reverse());
  await walk('ArrowRight', ['قال']);
  await page.keyboard.press('1');
  await expect(markLocator(page, { ...cpFind(text, 'قال'), label: 'PER' })).toHaveCount(1);
});

test('8. Tab moves focus between controls outside the text; letter hotkeys work on an Arabic layout', async ({ page }) => {
  await gotoApp(page);
  const text = 'زار غاندي بغداد';
  const workspace = {
    format: 'wasim', version: 2,
    labels: [{ name: 'PER', color: '#ffc38a', key: 'g' }, { name: 'LOC', color: '#9be39b', key: '2' }],
    documents: [{ name: 'keys.txt', text, spans: [] }],
  };
  await uploadFiles(page, [jsonFile('keys.json', workspace)]);
  await openDoc(page, 'keys.txt');
  // Tab from a toolbar button goes to another control, not to a span.
  const undo = page.getByTestId('undo');
  await undo.focus();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.getAttribute('data-testid'));
  expect(focused).not.toBe('undo');
  // The key that types ل on an Arabic layout is KeyG: it applies the g label.
  const w = cpFind(text, 'غاندي');
  await drag(page, w.start, w.end);
  const cdp = await page.context().newCDPSession(page);
  for (const type of ['keyDown', 'keyUp']) {
    await cdp.send('Input.dispatchKeyEvent', { type, key: 'ل', code: 'KeyG', text: type === 'keyDown' ? 'ل' : undefined, windowsVirtualKeyCode: 71 });
  }
  await expect(markLocator(page, { ...w, label: 'PER' })).toHaveCount(1);
  // Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z on the same layout type «ئ», «غ» and
  // «~» (as Chromium reports them): they undo and redo all the same.
  const chord = async (key, code, vk, modifiers) => {
    for (const type of ['rawKeyDown', 'keyUp']) {
      await cdp.send('Input.dispatchKeyEvent', { type, key, code, windowsVirtualKeyCode: vk, modifiers });
    }
  };
  await chord('ئ', 'KeyZ', 90, 2);
  await expect(markLocator(page, { ...w, label: 'PER' })).toHaveCount(0);
  await chord('غ', 'KeyY', 89, 2);
  await expect(markLocator(page, { ...w, label: 'PER' })).toHaveCount(1);
  await chord('ئ', 'KeyZ', 90, 2);
  await expect(markLocator(page, { ...w, label: 'PER' })).toHaveCount(0);
  await chord('~', 'KeyZ', 90, 2 | 8);
  await expect(markLocator(page, { ...w, label: 'PER' })).toHaveCount(1);
});
