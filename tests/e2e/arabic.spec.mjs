// The Arabic interface (issue 11): a browser that prefers Arabic gets the
// whole interface in Arabic, mirrored (<html lang="ar" dir="rtl">), and the
// same flows work as in English: load a seed article, tag with the keyboard
// and the mouse, undo and redo, search and Tag all, export JSON. Messages
// with counts take the Arabic plural form of their number. The language
// switch (lang-switch) is remembered across a reload, either way.
import { test, expect } from './fixtures.mjs';
import {
  gotoApp, readCorpus, uploadFiles, openDoc, docText, cpFind, dragSelect, markLocator, shownSpans,
  exportJson, checkSpanTexts, expectMessage, waitForApp, jsonFile, docItem,
} from './helpers.mjs';

const article = readCorpus().find((c) => c.name.startsWith('004_'));

/** The CLDR plural category of `n` in Arabic. */
const arabicCategory = (n) => {
  const h = n % 100;
  if (n === 0) return 'zero';
  if (n === 1) return 'one';
  if (n === 2) return 'two';
  if (h >= 3 && h <= 10) return 'few';
  if (h >= 11 && h <= 99) return 'many';
  return 'other';
};

/** "N matches" in Arabic, as the catalogue words it. */
const arabicMatches = (n) => ({
  zero: 'لا نتائج', one: 'نتيجة واحدة', two: 'نتيجتان', few: `${n} نتائج`, many: `${n} نتيجة`, other: `${n} نتيجة`,
})[arabicCategory(n)];

const selection = (page) => page.evaluate(() => String(window.getSelection()));

/**
 * Whether the first occurrence of `a` in `element`'s text is drawn left of
 * the first occurrence of `b` (whole boxes compared).
 */
function drawnLeftOf(element, a, b) {
  return element.evaluate((el, [a, b]) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const box = (needle) => {
      walker.currentNode = el;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        return range.getBoundingClientRect();
      }
      throw new Error(`${needle} not in ${el.textContent}`);
    };
    return box(a).right <= box(b).left;
  }, [a, b]);
}

test.describe('Arabic interface', () => {
  test.use({ locale: 'ar-IQ' });

  test('the browser language gives a mirrored Arabic interface', async ({ page }) => {
    await gotoApp(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('label.open-files')).toContainText('فتح ملفات…');
    await expect(page.getByTestId('lang-switch')).toHaveValue('ar');
    await expect(page.getByTestId('lang-switch')).toHaveAttribute('aria-label', 'لغة الواجهة');
    // Mirrored: the documents panel is on the right of the text, the span
    // panel on its left.
    const box = async (sel) => (await page.locator(sel).boundingBox());
    const [documents, editor, details] = [await box('#documents-panel'), await box('main.editor'), await box('#details-panel')];
    expect(documents.x).toBeGreaterThan(editor.x);
    expect(details.x).toBeLessThan(editor.x);
    // The shortcut sheet, with the same keys.
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcuts')).toContainText('اختصارات لوحة المفاتيح');
    await expect(page.getByTestId('shortcuts')).toContainText('Ctrl+Z');
    await page.getByTestId('shortcuts-close').click();
    await expect(page.getByTestId('shortcuts')).toHaveCount(0);
  });

  test('load, tag by keyboard and mouse, undo, search and Tag all, export', async ({ page }) => {
    await gotoApp(page);
    await uploadFiles(page, [article.path]);
    await expectMessage(page, 'info', 'حُمِّل مستند واحد.');
    await openDoc(page, article.name);
    expect(await docText(page)).toBe(article.text);
    // The text keeps its own direction per paragraph.
    await expect(page.getByTestId('doc-text').locator('div.line').first()).toHaveAttribute('dir', 'rtl');

    // Keyboard: in an RTL line ArrowLeft moves forward word by word.
    const target = 'قوات';
    for (let i = 0; i < 8 && (await selection(page)) !== target; i++) await page.keyboard.press('ArrowLeft');
    expect(await selection(page)).toBe(target);
    await page.keyboard.press('3');
    const forces = cpFind(article.text, target);
    await expect(markLocator(page, { ...forces, label: 'ORG' })).toHaveCount(1);
    await expect(markLocator(page, { ...forces, label: 'ORG' })).toHaveAttribute('aria-label', `ORG: ${target}`);

    // Mouse: a drag over the name, then its key.
    const name = cpFind(article.text, 'مصطفى الكاظمي');
    await dragSelect(page, name.start, name.end, 'مصطفى الكاظمي');
    await page.keyboard.press('1');
    await expect(markLocator(page, { ...name, label: 'PER' })).toHaveCount(1);

    // Undo says what it undid, in Arabic; redo brings it back.
    await page.keyboard.press('Control+z');
    await expect(markLocator(page, { ...name, label: 'PER' })).toHaveCount(0);
    // A Latin label is isolated, so that it keeps its place beside the
    // quoted text (without, "PER «…" ran together left to right).
    await expectMessage(page, 'info', 'تم التراجع عن: وسم \u2068PER\u2069 «مصطفى الكاظمي» في');
    await page.keyboard.press('Control+Shift+z');
    await expect(markLocator(page, { ...name, label: 'PER' })).toHaveCount(1);
    await expectMessage(page, 'info', 'أُعيد: وسم \u2068PER\u2069 «مصطفى الكاظمي»');

    // Search, with the count in the plural form its number takes.
    await page.getByTestId('search-input').fill('العراق');
    const count = page.getByTestId('search-count');
    await expect(count).toHaveAttribute('data-count', /^[1-9]\d*$/);
    const n = Number(await count.getAttribute('data-count'));
    await expect(count).toHaveText(arabicMatches(n));
    await page.getByTestId('search-label').selectOption('LOC');
    await page.getByTestId('search-tag-all').click();
    await expect(page.getByTestId('search-tag-preview')).toHaveAttribute('data-count', String(n));
    await expect(page.getByTestId('search-tag-preview')).toContainText('يضيف');
    await page.getByTestId('search-tag-confirm').click();
    // Read right to left: "بـLOC." then "Ctrl+Z": LOC is drawn to the right
    // of Ctrl+Z (it was drawn "LOC. Ctrl+Z", one left-to-right run).
    const tagged = await expectMessage(page, 'info', 'بـ\u2068LOC\u2069');
    expect(await drawnLeftOf(tagged, 'Ctrl', 'LOC')).toBe(true);
    const spans = await shownSpans(page);
    expect(spans.filter((s) => s.label === 'LOC')).toHaveLength(n);

    // Export JSON: the same file as from the English interface.
    const { json } = await exportJson(page);
    expect(checkSpanTexts(json)).toEqual([]);
    const doc = json.documents.find((d) => d.name === article.name);
    const triples = doc.spans.map((s) => [s.start, s.end, s.label]);
    expect(triples).toContainEqual([name.start, name.end, 'PER']);
    expect(triples).toContainEqual([forces.start, forces.end, 'ORG']);
    expect(triples.filter((t) => t[2] === 'LOC')).toHaveLength(n);

    // Switch to English: the page turns around, and stays so after a reload.
    await page.getByTestId('lang-switch').selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('label.open-files')).toContainText('Open files…');
    await page.reload();
    await waitForApp(page);
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.getByTestId('lang-switch')).toHaveValue('en');
    await expect(markLocator(page, { ...name, label: 'PER' })).toHaveCount(1);
  });

  test('a broken file is refused with its reason in Arabic', async ({ page }) => {
    await gotoApp(page);
    await uploadFiles(page, [
      jsonFile('broken.json', '{"format": "wasim" "version": 2}'),
      { name: 'tags.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from('{"text": "بغداد", "label": [[0, 9, "LOC"]]}\n', 'utf8') },
    ]);
    // The notice and the reason inside it, both in Arabic; JSON and the
    // file's own values stay as they are.
    const json = await expectMessage(page, 'error', 'broken.json');
    // The file's name is isolated: «(copy) tags.jsonl» was drawn «tags.jsonl (copy)».
    await expect(json).toContainText('تعذّر تحميل \u2068broken.json\u2069، السطر 1: JSON غير صالح: كان متوقعًا «,» أو «}» (السطر 1، العمود 20)');
    const doccano = await expectMessage(page, 'error', 'tags.jsonl');
    await expect(doccano).toContainText('تعذّر تحميل \u2068tags.jsonl\u2069، السطر 1: الوسم 1: المقطع');
    await expect(doccano).toContainText('يتجاوز نهاية النص (في النص 5 أحرف)');
    for (const message of [json, doccano]) {
      expect(await message.innerText()).not.toMatch(/invalid|expected|span|past the end|line/);
    }
    await expect(docItem(page, 'tags.jsonl')).toHaveCount(0);
  });
});

test('an English browser can switch to Arabic, remembered across a reload', async ({ page }) => {
  await gotoApp(page);
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('label.open-files')).toContainText('Open files…');
  // A message shown before the switch is worded again in the new language.
  await uploadFiles(page, [jsonFile('broken.json', '{"format": "wasim" "version": 2}')]);
  await expectMessage(page, 'error', 'Could not load broken.json, line 1');
  const errors = page.locator('[data-testid="message"][data-kind="error"]');
  await expect(errors).toHaveCount(1);
  await page.getByTestId('lang-switch').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('label.open-files')).toContainText('فتح ملفات…');
  await expect(errors).toHaveCount(1);
  await expect(errors).toContainText('تعذّر تحميل \u2068broken.json\u2069، السطر 1: JSON غير صالح');
  expect(await errors.innerText()).not.toMatch(/Could not|invalid|expected/);
  // Messages from now on are in Arabic too.
  await uploadFiles(page, [article.path]);
  await expectMessage(page, 'info', 'حُمِّل مستند واحد.');
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('lang-switch')).toHaveValue('ar');
});

for (const [lang, locale] of [['English', 'en-US'], ['Arabic', 'ar-IQ']]) {
  test.describe(`a file name that mixes scripts, ${lang} interface`, () => {
    test.use({ locale });
    test('reads in typing order in a message: its date is not reversed', async ({ page }) => {
      await gotoApp(page);
      const name = 'notes_أمينة_2026-12-03.txt';
      const file = { name, mimeType: 'text/plain', buffer: Buffer.from('قال علي', 'utf8') };
      await uploadFiles(page, [file]);
      await uploadFiles(page, [file]);
      const warning = page.locator('[data-testid="message"][data-kind="warning"]').filter({ hasText: '2026-12-03' });
      await expect(warning).toHaveCount(1);
      // Where "2026" and "03" are drawn: in typing order the year is left
      // of the day (the name starts left to right).
      const xs = await warning.locator('.message-text').evaluate((el) => {
        const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.data.includes('2026'));
        const at = (needle) => {
          const range = document.createRange();
          const i = node.data.indexOf(needle);
          range.setStart(node, i);
          range.setEnd(node, i + needle.length);
          return range.getBoundingClientRect().left;
        };
        return { year: at('2026'), day: at('-03'), notes: at('notes'), arabic: at('أمينة') };
      });
      expect(xs.year, JSON.stringify(xs)).toBeLessThan(xs.day);
      expect(xs.notes, JSON.stringify(xs)).toBeLessThan(xs.arabic);
      expect(xs.arabic, JSON.stringify(xs)).toBeLessThan(xs.year);
      // The name copied from the message, invisible marks and all, finds
      // the document in the list's filter.
      const copied = await warning.locator('.message-text').evaluate((el) => {
        const text = el.textContent;
        return text.slice(text.indexOf('\u2068'), text.indexOf('\u2069') + 1);
      });
      expect(copied).toContain('\u200e');
      await page.getByTestId('doc-filter').fill(copied);
      await expect(page.getByTestId('doc-item')).toHaveCount(2);
      // Copied with the keyboard, the message's name reaches the clipboard
      // without the marks.
      await page.evaluate(() => {
        window.__copied = null;
        window.addEventListener('copy', (e) => {
          window.__copied = { text: e.clipboardData.getData('text/plain'), prevented: e.defaultPrevented };
        });
      });
      const selected = await warning.locator('.message-text').evaluate((el) => {
        const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.data.includes('2026'));
        const range = document.createRange();
        range.setStart(node, node.data.indexOf('\u2068'));
        range.setEnd(node, node.data.indexOf('\u2069') + 1);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        return selection.toString();
      });
      expect(selected).toContain('\u200e');
      await page.keyboard.press('Control+C');
      await expect.poll(() => page.evaluate(() => window.__copied)).toEqual({ text: name, prevented: true });
    });
  });
}

test.describe('the selected span in the Arabic interface', () => {
  test.use({ locale: 'ar-IQ' });
  test('its offsets read left to right: "[0, 4)", not "(4 ,0]"', async ({ page }) => {
    await gotoApp(page);
    const text = 'أكرم القصاص في بغداد';
    await uploadFiles(page, [jsonFile('range.json', {
      format: 'wasim', version: 2, labels: [{ name: 'PER', color: '#ffc38a', key: '1' }],
      documents: [{ name: 'range.txt', text, spans: [] }],
    })]);
    await openDoc(page, 'range.txt');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('1');
    const range = page.getByTestId('span-details').locator('.span-range');
    await expect(range).toHaveText('[0, 4)');
    const xs = await range.evaluate((el) => {
      const node = [...el.querySelectorAll('*'), el].flatMap((e) => [...e.childNodes]).find((n) => n.nodeType === Node.TEXT_NODE);
      const at = (i) => {
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + 1);
        return r.getBoundingClientRect().left;
      };
      return { open: at(0), start: at(1), end: at(4), close: at(5) };
    });
    expect(xs.open, JSON.stringify(xs)).toBeLessThan(xs.start);
    expect(xs.start, JSON.stringify(xs)).toBeLessThan(xs.end);
    expect(xs.end, JSON.stringify(xs)).toBeLessThan(xs.close);
  });

  test('a Latin label name ending in punctuation keeps it at its end (AQMAR\'s MIS1`)', async ({ page }) => {
    await gotoApp(page);
    const text = 'أكرم القصاص في بغداد';
    await uploadFiles(page, [jsonFile('odd.json', {
      format: 'wasim', version: 2, labels: [{ name: 'MIS1`', color: '#ffc38a', key: '1' }],
      documents: [{ name: 'odd.txt', text, spans: [{ start: 0, end: 4, label: 'MIS1`', text: 'أكرم' }] }],
    })]);
    await openDoc(page, 'odd.txt');
    const order = async (locator) => locator.evaluate((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.data.indexOf('MIS1`');
        if (i < 0) continue;
        const x = (j) => { const r = document.createRange(); r.setStart(n, j); r.setEnd(n, j + 1); return r.getBoundingClientRect().left; };
        return x(i) < x(i + 4);
      }
      return null;
    });
    expect(await order(page.getByTestId('label-MIS1`')), 'toolbar').toBe(true);
    expect(await order(page.locator('[data-testid="entity-group"][data-label="MIS1`"] h3')), 'entities').toBe(true);
  });
});

// In the Arabic interface an empty field with dir="auto" laid out left to
// right: its Arabic placeholder sat at the left, its start cut at 768 px.
// While empty it takes the interface's direction; typed Latin still reads
// left to right.
test.describe('fields and names in the Arabic interface', () => {
  test.use({ locale: 'ar-IQ' });
  test('empty fields read right to left, the label editor names each field by its label, and the span count stays visible', async ({ page }) => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await gotoApp(page);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const direction = (testid) => page.getByTestId(testid).evaluate((el) => getComputedStyle(el).direction);
    for (const testid of ['search-input', 'doc-filter', 'annotator-name']) {
      expect(await direction(testid), testid).toBe('rtl');
    }
    await page.getByTestId('search-input').fill('Baghdad');
    expect(await direction('search-input')).toBe('ltr');
    // Each row of the label editor says which label its fields are for.
    await page.getByTestId('label-editor').locator('summary').click();
    const row = page.locator('[data-testid="label-row"][data-label="PER"]');
    await expect(row.getByTestId('label-name')).toHaveAttribute('aria-label', 'اسم PER');
    await expect(row.getByRole('button', { name: 'نقل PER إلى الأسفل' })).toBeVisible();
    await expect(row.getByRole('textbox', { name: 'وصف PER' })).toBeVisible();
    // The open (focused) document's span count is not covered by its
    // remove button, which shows on hover.
    const [article] = readCorpus();
    await uploadFiles(page, [article.path]);
    await docItem(page, article.name).click();
    const remove = docItem(page, article.name).getByTestId('doc-remove');
    await page.mouse.move(0, 0);
    await expect(remove).toHaveCSS('opacity', '0');
    await expect(docItem(page, article.name).getByTestId('doc-span-count')).toBeVisible();
    await docItem(page, article.name).hover();
    await expect(remove).toHaveCSS('opacity', '1');
  });
});
