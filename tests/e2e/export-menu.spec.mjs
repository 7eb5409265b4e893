// The export menu: every format id is offered, each produces a non-empty
// download for the open document and for the corpus, and "wasim" equals the
// one-click export-json.
import { test, expect } from './fixtures.mjs';
import { gotoApp, docItem, uploadFiles, jsonFile, downloadFrom, exportJson, openDoc, expectMessage } from './helpers.mjs';

const FORMATS = ['wasim', 'doccano', 'spacy', 'label-studio', 'brat', 'conll', 'web-annotation'];

const workspace = {
  format: 'wasim',
  version: 1,
  labels: [
    { name: 'PER', color: '#1f77b4', key: '1' },
    { name: 'LOC', color: '#2ca02c', key: '2' },
    { name: 'ORG', color: '#d62728', key: '3' },
    { name: 'MISC', color: '#9467bd', key: '4' },
  ],
  documents: [
    {
      name: 'أول.txt',
      text: 'ذهب علي إلى بغداد.\nثم زار جامعة الكوفة مع Sara.\n',
      done: true,
      spans: [
        { start: 4, end: 7, label: 'PER', text: 'علي' },
        { start: 12, end: 17, label: 'LOC', text: 'بغداد' },
        { start: 26, end: 38, label: 'ORG', text: 'جامعة الكوفة' },
        { start: 32, end: 38, label: 'LOC', text: 'الكوفة' },
        { start: 42, end: 46, label: 'PER', text: 'Sara' },
      ],
    },
    { name: 'ثان.txt', text: 'لا كيانات هنا.\n', done: false, spans: [] },
  ],
  open: 0,
};

test('export menu offers every format and scope', async ({ page }) => {
  await gotoApp(page);
  const values = await page.getByTestId('export-format').locator('option').evaluateAll((os) => os.map((o) => o.value));
  expect(values.sort()).toEqual([...FORMATS].sort());
  const scopes = await page.getByTestId('export-scope').locator('option').evaluateAll((os) => os.map((o) => o.value));
  expect(scopes.sort()).toEqual(['corpus', 'open']);
});

for (const format of FORMATS) {
  test(`export-run: ${format} downloads a non-empty file for each scope`, async ({ page }) => {
    await gotoApp(page);
    await uploadFiles(page, [jsonFile('workspace.json', workspace)]);
    await expect(docItem(page, 'أول.txt')).toHaveCount(1);
    await openDoc(page, 'أول.txt');
    for (const scope of ['open', 'corpus']) {
      await page.getByTestId('export-format').selectOption(format);
      await page.getByTestId('export-scope').selectOption(scope);
      const d = await downloadFrom(page, page.getByTestId('export-run'));
      expect(d.buffer.length, `${format}/${scope} size`).toBeGreaterThan(0);
      expect(d.name, `${format}/${scope} file name`).toMatch(/\S/);
      if (format === 'wasim' && scope === 'corpus') {
        const one = await exportJson(page);
        expect(JSON.parse(d.text)).toEqual(one.json);
        expect(one.json.documents.map((x) => x.spans)).toEqual(workspace.documents.map((x) => x.spans));
      }
    }
  });
}

// With only the demo, the menu said there was nothing to export while
// *Export JSON* downloaded the labels alone. Both say the same now.
test('with only the demo, Export JSON and the menu both say there is nothing to export', async ({ page }) => {
  await gotoApp(page);
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByTestId('export-json').click();
  await expectMessage(page, 'info', 'There is no document to export.');
  await page.getByTestId('export-format').selectOption('doccano');
  await page.getByTestId('export-run').click();
  await expectMessage(page, 'info', 'There is no document to export.');
  await page.waitForTimeout(500);
  expect(downloads).toBe(0);
});
