// The main journey on the real corpus (../shared/corpus): load, annotate with
// real mouse drags and key presses, export and validate, reload, and import
// the export into a fresh profile.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures.mjs';
import {
  readCorpus, gotoApp, waitForApp, docItem, docItems, docNames, openDoc, openDocName, docText,
  uploadFiles, txtFile, cpFind, cpSlice, dragSelect, markLocator, shownSpans, exportJson, validateWasim,
  checkSpanTexts, expectLineDirections, DEMO_NAME,
} from './helpers.mjs';

const corpus = readCorpus();

test('a. the five corpus articles load, keep their names, and show their exact text', async ({ page }) => {
  expect(corpus.length, 'corpus articles in ../shared/corpus').toBe(5);
  await gotoApp(page);
  await uploadFiles(page, corpus.map((c) => c.path));

  for (const c of corpus) {
    await expect(docItem(page, c.name), `doc-item for ${c.name}`).toHaveCount(1);
    await expect(docItem(page, c.name)).toContainText(c.name);
    await expect(docItem(page, c.name).getByTestId('doc-span-count')).toHaveText('0');
  }
  expect((await docNames(page)).filter((n) => n !== DEMO_NAME).sort()).toEqual(corpus.map((c) => c.name));

  for (const c of [corpus[3], corpus[0]]) {
    await openDoc(page, c.name);
    await expect.poll(() => docText(page), { message: `doc-text of ${c.name}` }).toBe(c.text);
    expect((await expectLineDirections(page)).length, 'lines in doc-text').toBeGreaterThan(1);
  }
});

test('b–e. annotate a corpus article, export, reload, re-import in a fresh profile', async ({ page, newGuardedContext }) => {
  const article = corpus.find((c) => c.text.includes('مصطفى الكاظمي') && c.text.includes('والعراق') && c.text.includes('مجلس الوزراء'));
  expect(article, 'a corpus article with مصطفى الكاظمي, والعراق and مجلس الوزراء').toBeTruthy();
  const text = article.text;

  await gotoApp(page);
  await uploadFiles(page, corpus.map((c) => c.path));
  // Loading files puts the demo away.
  await expect(docItems(page)).toHaveCount(corpus.length);
  await openDoc(page, article.name);
  await expect.poll(() => docText(page)).toBe(text);

  // ---------------------------------------------------------------- b. annotate
  const person = cpFind(text, 'مصطفى الكاظمي');
  const w = cpFind(text, 'والعراق');
  const place = { start: w.start + 1, end: w.end }; // العراق inside والعراق
  const org = cpFind(text, 'مجلس الوزراء');
  const person2 = cpFind(text, 'قاسم الأعرجي');
  expect(cpSlice(text, place.start, place.end)).toBe('العراق');

  const wanted = [];
  await test.step('b. tag with real drags, keys 1/2/3 and a label click', async () => {
    await dragSelect(page, person.start, person.end, 'مصطفى الكاظمي');
    await page.keyboard.press('1');
    await expect(markLocator(page, { ...person, label: 'PER' }).first()).toBeVisible();
    wanted.push({ ...person, label: 'PER' });

    await dragSelect(page, place.start, place.end, 'العراق');
    await page.keyboard.press('2');
    await expect(markLocator(page, { ...place, label: 'LOC' }).first()).toBeVisible();
    wanted.push({ ...place, label: 'LOC' });

    await dragSelect(page, org.start, org.end, 'مجلس الوزراء');
    await page.keyboard.press('3');
    await expect(markLocator(page, { ...org, label: 'ORG' }).first()).toBeVisible();
    wanted.push({ ...org, label: 'ORG' });

    await dragSelect(page, person2.start, person2.end, 'قاسم الأعرجي');
    await page.getByTestId('label-PER').click();
    await expect(markLocator(page, { ...person2, label: 'PER' }).first()).toBeVisible();
    wanted.push({ ...person2, label: 'PER' });

    wanted.sort((a, b) => a.start - b.start);
    const shown = (await shownSpans(page)).map(({ start, end, label }) => ({ start, end, label }));
    expect(shown).toEqual(wanted);

    // The marks are drawn with a background only: no box that would shift the text.
    const boxes = await page.getByTestId('doc-text').locator('mark[data-span-id]').evaluateAll((marks) =>
      marks.map((m) => {
        const cs = getComputedStyle(m);
        const sides = ['top', 'right', 'bottom', 'left'];
        return {
          id: m.getAttribute('data-span-id'),
          padding: sides.map((s) => cs.getPropertyValue(`padding-${s}`)),
          margin: sides.map((s) => cs.getPropertyValue(`margin-${s}`)),
          border: sides.map((s) => cs.getPropertyValue(`border-${s}-width`)),
        };
      }),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(wanted.length);
    for (const b of boxes) {
      expect(b, `box of mark ${b.id}`).toEqual({ id: b.id, padding: ['0px', '0px', '0px', '0px'], margin: ['0px', '0px', '0px', '0px'], border: ['0px', '0px', '0px', '0px'] });
    }

    // The marks add no text.
    expect(await docText(page)).toBe(text);
    await expect(docItem(page, article.name).getByTestId('doc-span-count')).toHaveText(String(wanted.length));
  });

  // ---------------------------------------------------------------- c. export
  let exported;
  await test.step('c. export, validate against the schema, check span texts', async () => {
    exported = await exportJson(page);
    const json = exported.json;
    const { ok, errors } = await validateWasim(json);
    expect(errors || [], 'JSON Schema errors').toEqual([]);
    expect(ok).toBe(true);
    expect(json.format).toBe('wasim');
    expect(json.version).toBe(2);
    expect(json.labels.map((l) => l.name)).toEqual(expect.arrayContaining(['PER', 'LOC', 'ORG', 'MISC']));
    expect(checkSpanTexts(json)).toEqual([]);

    const names = json.documents.map((d) => d.name);
    for (const c of corpus) expect(names).toContain(c.name);
    expect(names, 'the demo is not exported').not.toContain(DEMO_NAME);
    const idx = names.indexOf(article.name);
    expect(json.open, 'open = index of the open document').toBe(idx);

    const doc = json.documents[idx];
    expect(doc.text).toBe(text);
    const spans = doc.spans
      .map(({ start, end, label }) => ({ start, end, label }))
      .sort((a, b) => a.start - b.start);
    expect(spans).toEqual(wanted);
    for (const s of doc.spans) {
      expect(s.text).toBe(cpSlice(doc.text, s.start, s.end));
      expect(s.text, 'span text vs the original file').toBe(cpSlice(fs.readFileSync(article.path, 'utf8').replace(/^\uFEFF/, ''), s.start, s.end));
    }
    for (const c of corpus) {
      const d = json.documents.find((x) => x.name === c.name);
      expect(d.text, `exported text of ${c.name}`).toBe(c.text);
      if (c.name !== article.name) expect(d.spans).toEqual([]);
    }
  });

  // ---------------------------------------------------------------- d. reload
  await test.step('d. reload: documents, spans and the open document persist', async () => {
    const before = await docNames(page);
    await page.reload();
    await waitForApp(page);
    await expect.poll(() => docNames(page)).toEqual(before);
    expect(await openDocName(page)).toBe(article.name);
    await expect.poll(() => docText(page)).toBe(text);
    const shown = (await shownSpans(page)).map(({ start, end, label }) => ({ start, end, label }));
    expect(shown).toEqual(wanted);
    const again = await exportJson(page);
    expect(again.json).toEqual(exported.json);
  });

  // ---------------------------------------------------------------- e. import in a fresh profile
  await test.step('e. import the export into a fresh profile; its re-export is identical', async () => {
    const ctx = await newGuardedContext();
    const page2 = await ctx.newPage();
    await gotoApp(page2);
    const file = test.info().outputPath('wasim-annotations.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, exported.buffer);
    await uploadFiles(page2, file);
    await expect.poll(() => docNames(page2)).toEqual(exported.json.documents.map((d) => d.name));
    expect(await openDocName(page2)).toBe(article.name);
    await expect.poll(() => docText(page2)).toBe(text);
    const re = await exportJson(page2);
    expect(re.json).toEqual(exported.json);
  });
});

// Searching ten thousand articles takes seconds: searched on every key,
// the page froze for seconds per letter. A scope over a million code
// points is searched once typing pauses (or at Enter); the field shows
// each letter at once.
test('a big corpus is searched once typing pauses, not on every key', async ({ page }) => {
  await gotoApp(page);
  const article = 'قال مصطفى الكاظمي في بغداد إن الحكومة تعمل على مشروع جديد للتعليم والثقافة في المدينة. '.repeat(70);
  const files = Array.from({ length: 200 }, (_, i) => txtFile(`c${String(i).padStart(3, '0')}.txt`, article));
  await uploadFiles(page, files);
  await expect(page.getByTestId('progress')).toHaveAttribute('data-total', '200', { timeout: 60_000 });
  await page.getByTestId('search-scope').selectOption('corpus');
  // Every count shown, and every key typed, with the time it happened.
  await page.evaluate(() => {
    window.__counts = [];
    window.__keys = [];
    document.querySelector('[data-testid="search-input"]').addEventListener('input', () => window.__keys.push(performance.now()));
    new MutationObserver(() => {
      const c = document.querySelector('[data-testid="search-count"]');
      if (c) window.__counts.push({ count: c.getAttribute('data-count'), at: performance.now() });
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-count'] });
  });
  const input = page.getByTestId('search-input');
  await input.pressSequentially('بغداد', { delay: 60 });
  await expect(input).toHaveValue('بغداد');
  const count = String(200 * 70);
  await expect(page.getByTestId('search-count')).toHaveAttribute('data-count', count);
  // No count is shown sooner than the pause after the key before it: the
  // corpus is never searched on a key. (Keys are 60 ms apart, but a busy
  // machine may hold one back past the pause: a count for the letters
  // typed so far is then right, and the assertion did not depend on the
  // machine's speed.)
  const { counts, keys } = await page.evaluate(() => ({ counts: window.__counts, keys: window.__keys }));
  expect(keys).toHaveLength(5);
  for (const { count: shown, at } of counts) {
    const key = Math.max(...keys.filter((t) => t <= at));
    expect(at - key, `count ${shown} shown ${Math.round(at - key)} ms after a key`).toBeGreaterThanOrEqual(290);
  }
  expect(counts.at(-1).count).toBe(count);
  // Enter before the pause searches at once.
  await input.fill('');
  await input.pressSequentially('الكاظمي');
  await input.press('Enter');
  await expect(page.getByTestId('search-count')).toHaveAttribute('data-count', count, { timeout: 1000 });
});

// A search over thousands of articles ran in one piece once it started,
// freezing the page for seconds. It runs a step at a time: it says how far
// it got, and a new query replaces it before it ends (its count is never
// shown).
test('a big search runs a step at a time, shows how far it got, and a new query replaces it', async ({ page }) => {
  await gotoApp(page);
  const article = 'قال مصطفى الكاظمي في بغداد إن الحكومة تعمل على مشروع جديد للتعليم والثقافة في المدينة. '.repeat(70);
  const n = 1500;
  const files = Array.from({ length: n }, (_, i) => txtFile(`s${String(i).padStart(4, '0')}.txt`, article));
  await uploadFiles(page, files);
  await expect(page.getByTestId('progress')).toHaveAttribute('data-total', String(n), { timeout: 90_000 });
  await expect(page.getByTestId('import-progress')).toHaveCount(0, { timeout: 90_000 });
  await page.getByTestId('search-scope').selectOption('corpus');
  await page.evaluate(() => {
    window.__counts = [];
    window.__progress = [];
    new MutationObserver(() => {
      const c = document.querySelector('[data-testid="search-count"]');
      if (c) window.__counts.push(c.getAttribute('data-count'));
      const p = document.querySelector('[data-testid="search-progress"]');
      if (p) window.__progress.push(p.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const input = page.getByTestId('search-input');
  await input.fill('بغداد');
  await input.press('Enter');
  await expect(page.getByTestId('search-count')).toHaveAttribute('data-count', String(n * 70), { timeout: 60_000 });
  const percents = (await page.evaluate(() => window.__progress)).map((text) => Number(text.match(/(\d+) %/)?.[1]));
  expect(percents.some((p) => p > 0 && p < 100), `progress between 0 and 100 %: ${percents}`).toBe(true);

  // A second query, replaced by a third the moment its progress shows: in
  // the same task, so no step of it can run in between (typing the third
  // from here raced the second's end, and lost on a busy machine).
  await input.fill('في');
  const replaced = page.evaluate(() => new Promise((resolve) => {
    const replace = () => {
      window.__counts = [];
      const field = document.querySelector('[data-testid="search-input"]');
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(field, 'المدينة');
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }));
      resolve(true);
    };
    const watch = new MutationObserver(() => {
      if (document.querySelector('[data-testid="search-progress"]')) {
        watch.disconnect();
        replace();
      }
    });
    watch.observe(document.body, { subtree: true, childList: true });
  }));
  await input.press('Enter');
  expect(await replaced).toBe(true);
  await expect(page.getByTestId('search-count')).toHaveAttribute('data-count', String(n * 70), { timeout: 60_000 });
  expect([...new Set(await page.evaluate(() => window.__counts))]).toEqual([String(n * 70)]);
});

// A big document is searched once typing pauses: Enter pressed at once
// searched then, but went nowhere (a second Enter did). It goes to the
// match once the results are there.
test('Enter typed right after the query, in a big document, goes to the match once it is found', async ({ page }) => {
  await gotoApp(page);
  const line = 'قال مصطفى الكاظمي في بغداد إن الحكومة تعمل على مشروع جديد للتعليم والثقافة في المدينة. '.repeat(70).trimEnd();
  const lines = Array.from({ length: 700 }, () => line);
  lines[650] = `${line} ياقوتة`;
  const text = `${lines.join('\n')}\n`;
  await uploadFiles(page, [txtFile('big.txt', text)]);
  await page.locator('[data-testid="doc-item"][data-doc-name="big.txt"]').click({ timeout: 60_000 });
  const input = page.getByTestId('search-input');
  await input.click();
  await input.pressSequentially('ياقوتة');
  await input.press('Enter');
  const at = [...text.slice(0, text.indexOf('ياقوتة'))].length;
  const current = page.locator('[data-testid="search-result"][aria-current="true"]');
  await expect(current).toHaveAttribute('data-start', String(at), { timeout: 60_000 });
  await expect.poll(() => page.evaluate(() => String(window.getSelection()))).toBe('ياقوتة');
});

// One big document was searched in one piece, freezing the page for the
// whole search (300 ms for 6 MB, seconds for more). It is searched a piece
// at a time, cut where no match can cross: the counts are those of the
// whole text, for one word, two words and a word after a proclitic.
test('one big document is searched a piece at a time, and finds what a search in one piece finds', async ({ page }) => {
  await gotoApp(page);
  const article = 'قال مصطفى الكاظمي في بغداد إن الحكومة تعمل على مشروع جديد للتعليم والثقافة في المدينة. '.repeat(70);
  const lines = 700;
  await uploadFiles(page, [txtFile('big.txt', `${article.trimEnd()}\n`.repeat(lines))]);
  await page.locator('[data-testid="doc-item"][data-doc-name="big.txt"]').click({ timeout: 60_000 });
  await page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => {
      const p = document.querySelector('[data-testid="search-progress"]');
      if (p) window.__progress.push(p.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const input = page.getByTestId('search-input');
  const count = page.getByTestId('search-count');
  await input.fill('بغداد');
  await input.press('Enter');
  await expect(count).toHaveAttribute('data-count', String(lines * 70), { timeout: 60_000 });
  const percents = (await page.evaluate(() => window.__progress)).map((text) => Number(text.match(/(\d+) %/)?.[1]));
  expect(percents.some((p) => p > 0 && p < 100), `progress between 0 and 100 %: ${percents}`).toBe(true);
  // Two words (pieces are cut at line ends then), and a word after a proclitic.
  await input.fill('مصطفى الكاظمي');
  await input.press('Enter');
  await expect(count).toHaveAttribute('data-count', String(lines * 70), { timeout: 60_000 });
  await input.fill('للتعليم');
  await input.press('Enter');
  await expect(count).toHaveAttribute('data-count', String(lines * 70), { timeout: 60_000 });
});
