// f. Bad input: every bad file gets a clear message naming it, good files in
// the same upload still load, and a rejected file leaves the workspace as it
// was. Markup in a text file is shown as text, never run.
import { test, expect } from './fixtures.mjs';
import {
  gotoApp, docItem, docItems, docListSnapshot, openDoc, docText, uploadFiles, txtFile, jsonFile,
  expectMessage,
} from './helpers.mjs';

// "السلام عليكم من بغداد" encoded as Windows-1256: not valid UTF-8.
const CP1256_BYTES = Buffer.from([199, 225, 211, 225, 199, 227, 32, 218, 225, 237, 223, 227, 32, 227, 228, 32, 200, 219, 207, 199, 207]);
// The 8-byte PNG signature and the start of an IHDR chunk.
const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0]);

const LABELS = [
  { name: 'PER', color: '#1f77b4', key: '1' },
  { name: 'LOC', color: '#2ca02c', key: '2' },
  { name: 'ORG', color: '#d62728', key: '3' },
  { name: 'MISC', color: '#9467bd', key: '4' },
];
const wasimDoc = (spans) => ({
  format: 'wasim',
  version: 1,
  labels: LABELS,
  documents: [{ name: 'مستند.txt', text: 'ذهب علي إلى بغداد.', done: false, spans }],
  open: 0,
});

/** Upload files that must all be rejected; the doc list must not change. */
async function expectRejected(page, file, kind = 'error') {
  await gotoApp(page);
  const before = await docListSnapshot(page);
  const textBefore = await docText(page);
  await uploadFiles(page, [file]);
  await expectMessage(page, kind, file.name);
  expect(await docListSnapshot(page), 'doc-list unchanged').toEqual(before);
  expect(await docText(page), 'open document unchanged').toBe(textBefore);
}

test('f. a non-UTF-8 .txt is refused by name while a good .txt in the same upload loads', async ({ page }) => {
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(CP1256_BYTES)).toThrow();
  await gotoApp(page);
  await uploadFiles(page, [
    { name: 'windows-1256.txt', mimeType: 'text/plain', buffer: CP1256_BYTES },
    txtFile('good.txt', 'نص سليم بترميز UTF-8\n'),
  ]);
  await expectMessage(page, 'error', 'windows-1256.txt');
  await expect(docItem(page, 'good.txt')).toHaveCount(1);
  await expect(docItem(page, 'windows-1256.txt')).toHaveCount(0);
  // good.txt alone: the demo made way for the first loaded file.
  await expect(docItems(page)).toHaveCount(1);
  await openDoc(page, 'good.txt');
  await expect.poll(() => docText(page)).toBe('نص سليم بترميز UTF-8\n');
});

test('f. invalid JSON is refused, workspace unchanged', async ({ page }) => {
  await expectRejected(page, jsonFile('broken.json', '{"format": "wasim", "version": 1, "documents": ['));
});

test('f. JSON of an unknown format is refused, workspace unchanged', async ({ page }) => {
  await expectRejected(page, jsonFile('unknown-format.json', { format: 'not-a-format', version: 7, items: [1, 2, 3] }));
});

test('f. a Wasim JSON with a span offset out of range is refused, workspace unchanged', async ({ page }) => {
  // the text has 18 code points
  await expectRejected(page, jsonFile('out-of-range.json', wasimDoc([{ start: 12, end: 40, label: 'LOC', text: 'بغداد' }])));
});

test('f. a Wasim JSON whose span text does not match the offsets is refused, workspace unchanged', async ({ page }) => {
  await expectRejected(page, jsonFile('text-mismatch.json', wasimDoc([{ start: 4, end: 7, label: 'PER', text: 'عمر' }])));
});

test('f. the same Wasim JSON with a correct span imports (control for the two above)', async ({ page }) => {
  await gotoApp(page);
  await uploadFiles(page, [jsonFile('ok.json', wasimDoc([{ start: 4, end: 7, label: 'PER', text: 'علي' }, { start: 12, end: 17, label: 'LOC', text: 'بغداد' }]))]);
  await expect(docItem(page, 'مستند.txt')).toHaveCount(1);
  await expect(docItems(page)).toHaveCount(1);
  await expect(docItem(page, 'مستند.txt').getByTestId('doc-span-count')).toHaveText('2');
});

test('f. a UTF-16 text (Notepad\'s "Unicode") loads as its text, and the import says so', async ({ page }) => {
  const text = 'قال محمد 😀 في بغداد\r\n';
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  await gotoApp(page);
  await uploadFiles(page, [{ name: 'notepad.txt', mimeType: 'text/plain', buffer: utf16le }]);
  await expect(docItem(page, 'notepad.txt')).toHaveCount(1);
  await openDoc(page, 'notepad.txt');
  await expect.poll(() => docText(page)).toBe(text);
  await expectMessage(page, 'warning', 'UTF-16');
});

test('f. an empty .json is called empty, not of an unknown type; workspace unchanged', async ({ page }) => {
  await expectRejected(page, { name: 'empty.json', mimeType: 'application/json', buffer: Buffer.from('\n') });
  await expectMessage(page, 'error', 'the file is empty');
});

test('f. a binary file (PNG) is refused, workspace unchanged', async ({ page }) => {
  await expectRejected(page, { name: 'picture.png', mimeType: 'image/png', buffer: PNG_BYTES });
});

test('f. PNG bytes in a .txt are refused, workspace unchanged', async ({ page }) => {
  await expectRejected(page, { name: 'not-really-text.txt', mimeType: 'text/plain', buffer: PNG_BYTES });
});

test('f. markup in a .txt is shown as text, never run', async ({ page }) => {
  const markup = '<script>alert(1)</script><img src=x onerror=alert(2)>\nسطر عربي <b>ليس عريضاً</b>\n';
  await gotoApp(page);
  await uploadFiles(page, [txtFile('markup.txt', markup)]);
  await expect(docItem(page, 'markup.txt')).toHaveCount(1);
  await openDoc(page, 'markup.txt');
  await expect.poll(() => docText(page)).toBe(markup);
  const docTextEl = page.getByTestId('doc-text');
  await expect(docTextEl.locator('script, img, b')).toHaveCount(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  // give a would-be onerror/alert a moment; the fixture fails the test on any dialog
  await page.waitForTimeout(500);
});

test('f. an empty .txt loads as an empty document, and the message says it has no text', async ({ page }) => {
  await gotoApp(page);
  await uploadFiles(page, [txtFile('empty.txt', ''), txtFile('full.txt', 'بغداد\n')]);
  await expectMessage(page, 'warning', 'empty.txt');
  await expect(docItem(page, 'empty.txt')).toHaveCount(1);
  await expect(docItem(page, 'full.txt')).toHaveCount(1);
  await openDoc(page, 'empty.txt');
  await expect.poll(() => docText(page)).toBe('');
});

// Running out of memory aborts the wasm with a trap ("unreachable"), not a
// panic: the panic hook never ran, and a corpus export that failed so left
// the page as if nothing had happened. An uncaught WebAssembly.RuntimeError
// draws the panic banner; another script's error does not.
test('a WebAssembly trap shows the banner that says saved work is safe', async ({ page }) => {
  await gotoApp(page);
  await page.evaluate(() => window.dispatchEvent(new ErrorEvent('error', { error: new TypeError('not ours') })));
  await expect(page.getByTestId('panic-banner')).toHaveCount(0);
  await page.evaluate(() => window.dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable') })));
  await expect(page.getByTestId('panic-banner')).toContainText('WebAssembly: unreachable');
  await expect(page.getByTestId('panic-banner')).toContainText('reload the page');
});

test.describe('Arabic interface', () => {
  test.use({ locale: 'ar-IQ' });

  test('the banner after a WebAssembly trap is in the interface language', async ({ page }) => {
    await gotoApp(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await page.evaluate(() => window.dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable') })));
    const banner = page.getByTestId('panic-banner');
    await expect(banner).toContainText('أعد تحميل الصفحة');
    await expect(banner).toContainText('WebAssembly: unreachable');
    await expect(banner).toHaveAttribute('dir', 'rtl');
  });
});
