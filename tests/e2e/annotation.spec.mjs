// The annotation experience (issue 4) on the real Arabic articles: word
// snapping with proclitics, keyboard-only RTL annotation, nested spans,
// undo/redo across a reload, search and tag-all, the label editor, notes,
// the entities panel and progress.
import fs from 'node:fs';
import { test, expect } from './fixtures.mjs';
import {
  gotoApp, readCorpus, uploadFiles, openDoc, docText, cpFind, cpSlice, dragSelect, rectForOffsets,
  shownSpans, markLocator, exportJson, checkSpanTexts, expectMessage, txtFile, docItem,
} from './helpers.mjs';

const corpus = readCorpus();
const article = (prefix) => {
  const a = corpus.find((c) => c.name.startsWith(prefix));
  if (!a) throw new Error(`corpus article ${prefix} missing`);
  return a;
};

async function openArticle(page, prefix) {
  const a = article(prefix);
  await gotoApp(page);
  await uploadFiles(page, [a.path]);
  await openDoc(page, a.name);
  expect(await docText(page)).toBe(a.text);
  return a;
}

/** Drags over [start, end) without asserting the final selection (it snaps). */
async function rawDrag(page, start, end, { alt = false } = {}) {
  const g = await rectForOffsets(page, start, end);
  if (alt) await page.keyboard.down('Alt');
  await page.mouse.move(g.from.x, g.from.y);
  await page.mouse.down();
  await page.mouse.move(g.to.x, g.to.y, { steps: 6 });
  await page.mouse.up();
  if (alt) await page.keyboard.up('Alt');
  return page.evaluate(() => String(window.getSelection()));
}

test('selection snaps to words and understands Arabic proclitics', async ({ page }) => {
  const a = await openArticle(page, '001_');
  // A drag over part of العراق inside بالعراق gives العراق.
  const word = cpFind(a.text, 'بالعراق');
  expect(await rawDrag(page, word.start + 3, word.start + 5)).toBe('العراق');
  await page.keyboard.press('2');
  await expect(markLocator(page, { start: word.start + 1, end: word.end, label: 'LOC' })).toHaveCount(1);

  // A drag over the whole of بالعراق keeps it whole (second occurrence).
  const whole = cpFind(a.text, 'بالعراق', { nth: 1 });
  expect(await rawDrag(page, whole.start, whole.end - 2)).toBe('بالعراق');
  await page.keyboard.press('Escape');

  // بغداد starts with ب but is never cut when the drag starts at its start.
  const baghdad = cpFind(a.text, 'بغداد');
  expect(await rawDrag(page, baghdad.start, baghdad.start + 3)).toBe('بغداد');
  await page.keyboard.press('Escape');

  // Alt gives exact characters.
  expect(await rawDrag(page, baghdad.start + 1, baghdad.start + 3, { alt: true })).toBe(cpSlice(a.text, baghdad.start + 1, baghdad.start + 3));
  await page.keyboard.press('Escape');
  // So does the visible toggle, and a key then tags exactly those characters.
  await page.getByTestId('precise-toggle').click();
  await expect(page.getByTestId('precise-toggle')).toHaveAttribute('aria-pressed', 'true');
  expect(await rawDrag(page, baghdad.start + 1, baghdad.start + 3)).toBe(cpSlice(a.text, baghdad.start + 1, baghdad.start + 3));
  await page.keyboard.press('4');
  await expect(markLocator(page, { start: baghdad.start + 1, end: baghdad.start + 3, label: 'MISC' })).toHaveCount(1);
  await page.keyboard.press('Delete');
  await page.getByTestId('precise-toggle').click();
  await expect(page.getByTestId('precise-toggle')).toHaveAttribute('aria-pressed', 'false');

  // ولندن in another article: a drag from لندن's first letter gives لندن,
  // even when it stops inside the word.
  await uploadFiles(page, [article('003_').path]);
  const b = article('003_');
  await openDoc(page, b.name);
  const walandan = cpFind(b.text, 'ولندن');
  expect(await rawDrag(page, walandan.start + 1, walandan.end - 1)).toBe('لندن');
});

test('keyboard-only RTL session: move, extend, tag, relabel, delete', async ({ page }) => {
  const a = await openArticle(page, '004_');
  const firstLine = a.text.split('\n')[0];
  // In an RTL line, ArrowLeft moves forward in reading order: first word.
  await page.keyboard.press('ArrowLeft');
  const firstWord = firstLine.match(/[\u0600-\u06FF]+/)[0];
  const firstWordAt = cpFind(a.text, firstWord);
  let selected = await page.evaluate(() => String(window.getSelection()));
  expect(selected).not.toBe('');
  // "%60" starts the line: the first word selected is the digits or the first Arabic word.
  const expectedFirst = a.text.startsWith('%60') ? '60' : firstWord;
  expect(selected).toBe(expectedFirst);
  // Move forward to the first Arabic word, then Shift+Left extends by a word.
  while (selected !== firstWord) {
    await page.keyboard.press('ArrowLeft');
    selected = await page.evaluate(() => String(window.getSelection()));
  }
  await page.keyboard.press('Shift+ArrowLeft');
  const extended = await page.evaluate(() => String(window.getSelection()));
  const words = firstLine.slice(firstLine.indexOf(firstWord)).split(/\s+/);
  expect(extended).toBe(`${words[0]} ${words[1]}`);
  // ArrowRight goes back (reading order backwards).
  await page.keyboard.press('1');
  const span = { start: firstWordAt.start, end: firstWordAt.start + Array.from(extended).length };
  await expect(markLocator(page, { ...span, label: 'PER' })).toHaveCount(1);
  // In the text, Tab selects the span; 3 relabels; Delete removes.
  await page.keyboard.press('Escape');
  await page.getByTestId('doc-text').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('mark.selected')).toHaveCount(1);
  await page.keyboard.press('3');
  await expect(markLocator(page, { ...span, label: 'ORG' })).toHaveCount(1);
  await page.keyboard.press('Delete');
  await expect(page.locator('[data-testid="doc-text"] mark')).toHaveCount(0);
  // Ctrl+ArrowLeft moves by character.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+ArrowLeft');
  expect(Array.from(await page.evaluate(() => String(window.getSelection()))).length).toBe(1);
});

// A click inside the selected words leaves Chromium with no selection at
// all (not a caret): the arrows go on from the click, not from the top.
test('after a click inside the selection, the arrows start from the click', async ({ page }) => {
  const a = await openArticle(page, '004_');
  const name = cpFind(a.text, 'مصطفى الكاظمي');
  const g = await dragSelect(page, name.start, name.end, 'مصطفى الكاظمي');
  // The middle of «الكاظمي», inside the selection.
  const inner = await rectForOffsets(page, name.end - 4, name.end - 3);
  await page.mouse.click((inner.from.x + inner.to.x) / 2, (inner.from.y + inner.to.y) / 2);
  expect(g.text).toBe('مصطفى الكاظمي');
  await page.keyboard.press('ArrowLeft');
  const selected = await page.evaluate(() => String(window.getSelection()));
  const after = a.text.slice(a.text.indexOf('مصطفى الكاظمي') + 'مصطفى الكاظمي'.length).match(/[\u0600-\u06FF]+/)[0];
  expect(['مصطفى', 'الكاظمي', after], 'a word beside the click').toContain(selected);
});

test('nested spans: both visible, each selectable by mouse and keyboard, deleted on its own', async ({ page }) => {
  const a = await openArticle(page, '004_');
  const name = cpFind(a.text, 'مصطفى الكاظمي');
  await dragSelect(page, name.start, name.end, 'مصطفى الكاظمي');
  await page.keyboard.press('1');
  const last = cpFind(a.text, 'الكاظمي', { from: a.text.indexOf('مصطفى الكاظمي') });
  await dragSelect(page, last.start, last.end, 'الكاظمي');
  await page.keyboard.press('4');
  const spans = await shownSpans(page);
  expect(spans.map((s) => [s.start, s.end, s.label])).toEqual([[name.start, name.end, 'PER'], [last.start, last.end, 'MISC']]);
  const outer = markLocator(page, { start: name.start, end: name.end });
  const inner = markLocator(page, { start: last.start, end: last.end });
  await expect(outer.locator('mark')).toHaveCount(1, { timeout: 2000 });
  // Keyboard: select the outer span, ArrowDown picks the inner one.
  await page.keyboard.press('Escape');
  await outer.first().click({ position: { x: 3, y: 5 } });
  await expect(page.getByTestId('span-details')).toContainText('مصطفى الكاظمي');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('span-details')).toHaveAttribute('data-span-id', await inner.first().getAttribute('data-span-id'));
  await page.keyboard.press('Delete');
  expect((await shownSpans(page)).map((s) => s.label)).toEqual(['PER']);
  // Marks carry no padding, margin or border.
  const box = await outer.first().evaluate((m) => {
    const s = getComputedStyle(m);
    return [s.paddingLeft, s.paddingRight, s.marginLeft, s.marginRight, s.borderLeftWidth, s.borderRightWidth];
  });
  expect(box).toEqual(['0px', '0px', '0px', '0px', '0px', '0px']);
});

test('undo and redo survive a reload', async ({ page }) => {
  const a = await openArticle(page, '003_');
  const k = cpFind(a.text, 'الكاظمي');
  await dragSelect(page, k.start, k.end, 'الكاظمي');
  await page.keyboard.press('1');
  const l = cpFind(a.text, 'بغداد');
  await dragSelect(page, l.start, l.end, 'بغداد');
  await page.keyboard.press('2');
  await expect(page.locator('[data-testid="doc-text"] mark')).toHaveCount(2);
  // What survives a reload is what was acknowledged: the reload waits for
  // the undo to be saved.
  const acked = async () => Number(await page.getByTestId('save-status').getAttribute('data-acked'));
  const before = await acked();
  await page.keyboard.press('Control+z');
  await expect(page.locator('[data-testid="doc-text"] mark')).toHaveCount(1);
  await expect.poll(acked).toBeGreaterThan(before);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await expect(page.getByTestId('doc-text')).toBeVisible();
  await expect(page.locator('[data-testid="doc-text"] mark')).toHaveCount(1);
  await expect(page.getByTestId('redo')).toBeEnabled();
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('[data-testid="doc-text"] mark')).toHaveCount(2);
  await page.getByTestId('undo').click();
  await page.getByTestId('undo').click();
  await expect(page.locator('[data-testid="doc-text"] mark')).toHaveCount(0);
  await page.keyboard.press('Control+y');
  await expect(page.locator('[data-testid="doc-text"] mark')).toHaveCount(1);
});

test('loading and removing documents can be undone after a reload', async ({ page }) => {
  // What survives a reload is what was acknowledged (saved): each reload
  // waits for the change before it to be.
  const acked = async () => Number(await page.getByTestId('save-status').getAttribute('data-acked'));
  await gotoApp(page);
  let before = await acked();
  await uploadFiles(page, [txtFile('later.txt', 'نص سيُحذف لاحقاً\n')]);
  await expect(docItem(page, 'later.txt')).toHaveCount(1);
  await expect.poll(acked).toBeGreaterThan(before);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await expect(docItem(page, 'later.txt')).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(docItem(page, 'later.txt')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(docItem(page, 'later.txt')).toHaveCount(1);
  before = await acked();
  await docItem(page, 'later.txt').getByTestId('doc-remove').click();
  await expect(docItem(page, 'later.txt')).toHaveCount(0);
  await expect.poll(acked).toBeGreaterThan(before);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  // The removed document comes back with its text, even after a reload.
  await page.reload();
  await expect(docItem(page, 'later.txt')).toHaveCount(0);
  await page.getByTestId('undo').click();
  await expect(docItem(page, 'later.txt')).toHaveCount(1);
  await openDoc(page, 'later.txt');
  expect(await docText(page)).toBe('نص سيُحذف لاحقاً\n');
});

test('search with proclitics and tag-all, undone as one step', async ({ page }) => {
  const a = await openArticle(page, '000_');
  // Letters only: Arabic punctuation such as U+060C (،) is a word boundary.
  const plain = (a.text.match(/(^|[^\u0621-\u064A])العراق(?![\u0621-\u064A])/g) || []).length;
  const prefixed = (a.text.match(/(^|[^\u0621-\u064A])[وفبكل]+العراق(?![\u0621-\u064A])/g) || []).length;
  expect(prefixed).toBeGreaterThan(0);
  await page.getByTestId('search-input').fill('العراق');
  await expect(page.getByTestId('search-count')).toHaveAttribute('data-count', String(plain + prefixed));
  // Every match is painted, without changing the DOM.
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('wasim-search')?.size ?? 0)).toBe(plain + prefixed);
  await expect(page.locator('[data-testid="doc-text"] mark')).toHaveCount(0);
  // Over the corpus, each document shows its number of matches.
  await uploadFiles(page, [article('002_').path]);
  await openDoc(page, a.name);
  await page.getByTestId('search-scope').selectOption('corpus');
  const other = article('002_');
  const otherCount = (other.text.match(/(^|[^\u0621-\u064A])[وفبكل]*العراق(?![\u0621-\u064A])/g) || []).length;
  await expect(docItem(page, a.name).getByTestId('doc-search-count')).toHaveText(String(plain + prefixed));
  await expect(docItem(page, other.name).getByTestId('doc-search-count')).toHaveText(String(otherCount));
  await expect(page.getByTestId('search-count')).toHaveAttribute('data-count', String(plain + prefixed + otherCount));
  await page.getByTestId('search-scope').selectOption('open');
  await expect(docItem(page, other.name).getByTestId('doc-search-count')).toHaveCount(0);
  // Without proclitics, only the bare word matches.
  await page.getByTestId('search-proclitics').uncheck();
  await expect(page.getByTestId('search-count')).toHaveAttribute('data-count', String(plain));
  await page.getByTestId('search-proclitics').check();
  // Typing a label key in the search box never tags.
  await page.getByTestId('search-input').press('1');
  await expect(page.locator('[data-testid="doc-text"] mark')).toHaveCount(0);
  await page.getByTestId('search-input').fill('العراق');
  await page.getByTestId('search-label').selectOption('LOC');
  await page.getByTestId('search-tag-all').click();
  await expect(page.getByTestId('search-tag-preview')).toHaveAttribute('data-count', String(plain + prefixed));
  await page.getByTestId('search-tag-confirm').click();
  const spans = await shownSpans(page);
  expect(spans.length).toBe(plain + prefixed);
  for (const s of spans) expect(cpSlice(a.text, s.start, s.end)).toBe('العراق');
  await page.keyboard.press('Control+z');
  await expect(page.locator('[data-testid="doc-text"] mark')).toHaveCount(0);
  // Tag all occurrences of a selected span's text.
  const first = cpFind(a.text, 'التحالف الدولي');
  await dragSelect(page, first.start, first.end, 'التحالف الدولي');
  await page.keyboard.press('3');
  await page.getByTestId('tag-all-like').click();
  const orgs = (await shownSpans(page)).filter((s) => s.label === 'ORG');
  expect(orgs.length).toBeGreaterThan(1);
  for (const s of orgs) expect(cpSlice(a.text, s.start, s.end)).toBe('التحالف الدولي');
  const { json } = await exportJson(page);
  expect(checkSpanTexts(json)).toEqual([]);
});

test('regex search: alternation with proclitics, a bad pattern explained, tag all', async ({ page }) => {
  const a = await openArticle(page, '000_');
  const count = (word) => (a.text.match(new RegExp(`(^|[^\u0621-\u064A])[وفبكل]*${word}(?![\u0621-\u064A])`, 'g')) || []).length;
  const expected = count('بغداد') + count('الكاظمي');
  expect(count('بغداد')).toBeGreaterThan(0);
  expect(count('الكاظمي')).toBeGreaterThan(0);
  await page.getByTestId('search-regex').check();
  await page.getByTestId('search-input').fill('بغداد|الكاظمي');
  await expect(page.getByTestId('search-count')).toHaveAttribute('data-count', String(expected));
  // An unfinished group: the engine's reason is shown, nothing breaks.
  await page.getByTestId('search-input').fill('(بغداد|الكاظمي');
  await expect(page.getByTestId('search-error')).toContainText('regular expression');
  await expect(page.getByTestId('search-count')).toHaveCount(0);
  // Said to a screen reader too: the field is invalid and described by the reason.
  await expect(page.getByTestId('search-input')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('search-input')).toHaveAccessibleDescription(/regular expression/);
  await expect(page.getByTestId('search-error')).toHaveRole('status');
  await page.getByTestId('search-input').fill('(بغداد|الكاظمي)');
  await expect(page.getByTestId('search-error')).toHaveCount(0);
  await expect(page.getByTestId('search-input')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('search-count')).toHaveAttribute('data-count', String(expected));
  await page.getByTestId('search-label').selectOption('LOC');
  await page.getByTestId('search-tag-all').click();
  await page.getByTestId('search-tag-confirm').click();
  const spans = await shownSpans(page);
  expect(spans.length).toBe(expected);
  // Proclitics stay outside the spans, as in plain search.
  for (const s of spans) expect(['بغداد', 'الكاظمي']).toContain(cpSlice(a.text, s.start, s.end));
  const { json } = await exportJson(page);
  expect(checkSpanTexts(json)).toEqual([]);
});

test('label editor: rename carries spans, clashes refused, delete asks, set exports and imports', async ({ page }) => {
  const a = await openArticle(page, '004_');
  const k = cpFind(a.text, 'الكاظمي');
  await dragSelect(page, k.start, k.end, 'الكاظمي');
  await page.keyboard.press('1');
  await page.getByTestId('label-editor').locator('summary').click();
  const perRow = page.locator('[data-testid="label-row"][data-label="PER"]');
  await perRow.getByTestId('label-name').fill('PERSON');
  await perRow.getByTestId('label-name').press('Enter');
  await page.getByTestId('doc-text').click({ position: { x: 2, y: 2 } });
  await expect(markLocator(page, { start: k.start, end: k.end, label: 'PERSON' })).toHaveCount(1);
  await expect(page.getByTestId('label-PERSON')).toBeVisible();
  // A hotkey clash is refused with a message.
  const locRow = page.locator('[data-testid="label-row"][data-label="LOC"]');
  await locRow.getByTestId('label-key').fill('1');
  await locRow.getByTestId('label-key').press('Tab');
  await expectMessage(page, 'warning', 'Not changed: hotkey');
  await expect(page.getByTestId('label-LOC')).toContainText('2');
  // The field shows the key that was kept, not the one refused.
  await expect(locRow.getByTestId('label-key')).toHaveValue('2');
  // An emptied name is refused, and said (it was put back without a word).
  const miscRow = page.locator('[data-testid="label-row"][data-label="MISC"]');
  await miscRow.getByTestId('label-name').fill('');
  await miscRow.getByTestId('label-name').press('Tab');
  await expectMessage(page, 'warning', 'Not changed: label #4 has an empty name');
  await expect(miscRow.getByTestId('label-name')).toHaveValue('MISC');
  // Add a label and use it by its new key.
  await page.getByTestId('label-new-name').fill('EVENT');
  await page.getByTestId('label-add').click();
  await expect(page.getByTestId('label-EVENT')).toContainText('5');
  // Deleting a label with spans asks what to do with them.
  await page.locator('[data-testid="label-row"][data-label="PERSON"]').getByTestId('label-delete').click();
  const confirm = page.getByTestId('label-delete-confirm');
  // Nothing is relabelled unless chosen: the choice starts on "Delete them".
  await expect(confirm.locator('select')).toHaveValue('');
  await confirm.locator('select').selectOption('MISC');
  await confirm.locator('button[type=submit]').click();
  await expect(markLocator(page, { start: k.start, end: k.end, label: 'MISC' })).toHaveCount(1);
  await expect(page.getByTestId('label-PERSON')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(markLocator(page, { start: k.start, end: k.end, label: 'PERSON' })).toHaveCount(1);
  await expectMessage(page, 'info', 'Undid: deleting the label PERSON');
  // Export the label set, import it into a fresh page.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('labels-export').click()]);
  const labelsJson = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(labelsJson.labels.map((l) => l.name)).toEqual(['PERSON', 'LOC', 'ORG', 'MISC', 'EVENT']);
  // Import a label set: a dark colour is lightened, labels in use are kept.
  const set = { format: 'wasim-labels', version: 1, labels: [{ name: 'GPE', color: '#000080', key: '7', description: 'Geo-political entity' }] };
  await page.getByTestId('labels-import').setInputFiles({ name: 'set.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(set)) });
  await expect(page.getByTestId('label-GPE')).toContainText('7');
  await expect(page.getByTestId('label-PERSON')).toBeVisible();
  // What the set removed and kept is said (it changed the list without a word).
  const said = await expectMessage(page, 'warning', 'Label set: 2 warnings');
  await said.getByTestId('message-details').locator('summary').click();
  await expect(said.getByTestId('message-details').locator('li')).toHaveText([
    'set.json: 4 labels that are not in the set and that no span carries were removed: LOC, ORG, MISC, EVENT (Undo brings them back)',
    'set.json: a label that is not in the set is kept, as spans carry it: PERSON',
  ]);
  await expect(page.getByTestId('label-LOC')).toHaveCount(0);
  const bg = await page.getByTestId('label-GPE').evaluate((b) => getComputedStyle(b).backgroundColor);
  expect(bg).not.toBe('rgb(0, 0, 128)');
  // A broken label file is refused by name.
  await page.getByTestId('labels-import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{nope') });
  await expectMessage(page, 'error', 'broken.json');
});

test('notes and entity ids are kept in export and import; entities panel; progress', async ({ page, newGuardedContext }) => {
  const a = await openArticle(page, '004_');
  const k = cpFind(a.text, 'الكاظمي');
  await dragSelect(page, k.start, k.end, 'الكاظمي');
  await page.keyboard.press('1');
  await page.getByTestId('span-note').fill('رئيس الوزراء العراقي');
  await page.getByTestId('span-note').press('Tab');
  await page.getByTestId('span-entity-id').fill('Q123456');
  await page.getByTestId('span-entity-id').press('Tab');
  // Entities panel: grouped with counts, filterable, click scrolls and selects.
  await expect(page.locator('[data-testid="entity-group"][data-label="PER"] [data-testid="entity-group-count"]')).toHaveText('1');
  await page.getByTestId('entity-filter').fill('لا شيء');
  await expect(page.getByTestId('entity-item')).toHaveCount(0);
  await page.getByTestId('entity-filter').fill('الكاظمي');
  await page.keyboard.press('Escape');
  await page.getByTestId('entity-item').first().click();
  await expect(page.locator('mark.selected')).toHaveCount(1);
  await expect(page.locator('[data-testid="corpus-count"][data-label="PER"] .num')).toHaveText('1');
  // Progress: mark done.
  await docItem(page, a.name).getByTestId('doc-done').click();
  await expect(page.getByTestId('progress')).toHaveAttribute('data-done', '1');
  const { json, buffer } = await exportJson(page);
  const doc = json.documents.find((d) => d.name === a.name);
  expect(doc.done).toBe(true);
  expect(doc.spans[0]).toMatchObject({ note: 'رئيس الوزراء العراقي', entity_id: 'Q123456', text: 'الكاظمي' });
  const ctx = await newGuardedContext();
  const fresh = await ctx.newPage();
  await gotoApp(fresh);
  await uploadFiles(fresh, [{ name: 'export.json', mimeType: 'application/json', buffer }]);
  await openDoc(fresh, a.name);
  await markLocator(fresh, { start: k.start, end: k.end }).first().click();
  await expect(fresh.getByTestId('span-note')).toHaveValue('رئيس الوزراء العراقي');
  await expect(fresh.getByTestId('span-entity-id')).toHaveValue('Q123456');
});

test('a line with more Arabic than Latin reads right to left even when it starts with Latin', async ({ page }) => {
  await gotoApp(page);
  const text = 'CNN: قالت الحكومة العراقية إن 60 في المئة من القوات غادرت.\nThe word بغداد means "gift of god", says Dr. Ali.\n';
  await uploadFiles(page, [txtFile('mixed.txt', text)]);
  await openDoc(page, 'mixed.txt');
  const x = async (needle) => (await rectForOffsets(page, cpFind(text, needle).start, cpFind(text, needle).end)).rect;
  const [cnn, said] = [await x('CNN'), await x('قالت')];
  expect(cnn.x, 'in an RTL line the leading Latin word sits at the right').toBeGreaterThan(said.x);
  const [word, means] = [await x('word'), await x('means')];
  expect(word.x, 'in an LTR line words run left to right').toBeLessThan(means.x);
  // Digits keep their order inside Arabic.
  const sixty = await x('60');
  const [six, zero] = [await rectForOffsets(page, cpFind(text, '60').start, cpFind(text, '60').start + 1), await rectForOffsets(page, cpFind(text, '60').start + 1, cpFind(text, '60').end)];
  expect(six.rect.x).toBeLessThan(zero.rect.x);
  expect(sixty.width).toBeGreaterThan(0);
});

test('the shortcut sheet opens with ? and closes with Escape', async ({ page }) => {
  await gotoApp(page);
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts')).toHaveCount(0);
  // The visible "Open files…" control opens the browser's file chooser.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByText('Open files…').click()]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles([txtFile('x.txt', 'نص قصير')]);
  await expect(docItem(page, 'x.txt')).toHaveCount(1);
});
