// Who annotated: the annotator's name is set once, kept with the workspace
// (a reload, the journal), and signs every document of a Wasim JSON export;
// a document read from someone else's file keeps that person's name.
import { test, expect } from './fixtures.mjs';
import { gotoApp, uploadFiles, txtFile, jsonFile, openDoc, dragSelect, cpFind, downloadFrom, validateWasim, checkSpanTexts } from './helpers.mjs';

/** The Wasim JSON export, whose file name must carry `who` (or no one). */
async function exportSigned(page, who) {
  const d = await downloadFrom(page, page.getByTestId('export-json'));
  const stem = who ? `corpus_${who}` : 'corpus';
  expect(d.name).toMatch(new RegExp(`^${stem}_\\d{4}-\\d{2}-\\d{2}\\.json$`));
  return { ...d, json: JSON.parse(d.text) };
}

const TEXT = 'التقت سلمى الراشد بوفد من منظمة الصحة العالمية في عمّان.\n';

test('the annotator name is kept with the workspace and signs the export', async ({ page }) => {
  await gotoApp(page);
  await uploadFiles(page, [txtFile('a.txt', TEXT), txtFile('b.txt', 'نص آخر في بغداد.\n')]);
  const field = page.getByTestId('annotator-name');
  await expect(field).toHaveValue('');
  await field.fill('أمينة');
  await field.press('Enter');
  await field.blur();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  await openDoc(page, 'a.txt');
  const at = cpFind(TEXT, 'عمّان');
  await dragSelect(page, at.start, at.end, 'عمّان');
  await page.keyboard.press('2');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  await page.reload();
  await expect(page.getByTestId('annotator-name')).toHaveValue('أمينة');
  const { json } = await exportSigned(page, 'أمينة');
  expect((await validateWasim(json)).errors ?? []).toEqual([]);
  expect(checkSpanTexts(json)).toEqual([]);
  expect(json.documents.map((d) => d.annotator)).toEqual(['أمينة', 'أمينة']);

  // Undo takes the name back like any edit; redo puts it again.
  await page.getByTestId('annotator-name').fill('');
  await page.getByTestId('annotator-name').press('Enter');
  await expect(page.getByTestId('annotator-name')).toHaveValue('');
  const cleared = await exportSigned(page, null);
  expect(cleared.json.documents.every((d) => !('annotator' in d))).toBe(true);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('annotator-name')).toHaveValue('أمينة');

  // Every format carries the name: in the file name, whatever room it has inside.
  await page.getByTestId('export-format').selectOption('conll');
  const conll = await downloadFrom(page, page.getByTestId('export-run'));
  expect(conll.name).toMatch(/^corpus_أمينة_\d{4}-\d{2}-\d{2}\.conll$/);
});

test("a document read from another annotator's file keeps that name", async ({ page }) => {
  await gotoApp(page);
  const file = {
    format: 'wasim', version: 2,
    labels: [{ name: 'PER', color: '#ffc38a', key: '1' }],
    documents: [{ name: 'x.txt', text: TEXT, done: false, spans: [], annotator: 'Badr' }],
  };
  await uploadFiles(page, [jsonFile('badr.json', file)]);
  await page.getByTestId('annotator-name').fill('أمينة');
  await page.getByTestId('annotator-name').press('Enter');
  await uploadFiles(page, [txtFile('mine.txt', TEXT)]);
  await expect(page.getByTestId('doc-item')).toHaveCount(2);
  // Two annotators: the file name names neither.
  const { json } = await exportSigned(page, null);
  const by = Object.fromEntries(json.documents.map((d) => [d.name, d.annotator]));
  expect(by).toEqual({ 'x.txt': 'Badr', 'mine.txt': 'أمينة' });
});
