// Interchange formats through the real UI: importing other tools' files
// (from ../shared/external, never copied here) and exporting every format.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures.mjs';
import {
  repoRoot, gotoApp, uploadFiles, openDoc, docText, docItem, shownSpans, cpSlice, downloadFrom, dragSelect,
  cpFind, expectMessage, readCorpus, txtFile,
} from './helpers.mjs';

const external = path.resolve(repoRoot, '../shared/external');
const brat = (name) => path.join(external, 'brat-conll2002/esp', name);

test('a brat .txt + .ann pair picked together imports with every span text matching the .ann', async ({ page }) => {
  await gotoApp(page);
  await uploadFiles(page, [brat('esp.train-doc-29.txt'), brat('esp.train-doc-29.ann')]);
  await openDoc(page, 'esp.train-doc-29.txt');
  const text = await docText(page);
  expect(text).toBe(fs.readFileSync(brat('esp.train-doc-29.txt'), 'utf8'));
  const tLines = fs
    .readFileSync(brat('esp.train-doc-29.ann'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('T'))
    .map((l) => {
      const [, type, start, end, surface] = l.match(/^T\d+\t(\S+) (\d+) (\d+)\t(.*)$/);
      return { label: type, start: Number(start), end: Number(end), surface };
    });
  const spans = await shownSpans(page);
  expect(spans.length).toBe(tLines.length);
  for (const t of tLines) {
    expect(spans.some((s) => s.start === t.start && s.end === t.end && s.label === t.label)).toBe(true);
    expect(cpSlice(text, t.start, t.end)).toBe(t.surface);
  }
  // A lone .ann is refused by name.
  await uploadFiles(page, [brat('esp.train-doc-46.ann')]);
  await expectMessage(page, 'error', 'esp.train-doc-46');
});

test('a dropped folder of brat pairs loads every pair', async ({ page }) => {
  await gotoApp(page);
  // A real folder drop, made with Chromium's own drag-and-drop input.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasim-brat-'));
  const names = ['esp.train-doc-29', 'esp.train-doc-46'];
  for (const n of names) for (const ext of ['.txt', '.ann']) fs.copyFileSync(brat(n + ext), path.join(dir, n + ext));
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: [dir], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop']) {
    await cdp.send('Input.dispatchDragEvent', { type, x: 600, y: 400, data });
  }
  for (const n of names) {
    const tLines = fs.readFileSync(brat(n + '.ann'), 'utf8').split('\n').filter((l) => l.startsWith('T')).length;
    await expect(docItem(page, n + '.txt').getByTestId('doc-span-count')).toHaveText(String(tLines));
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

test('doccano JSONL with UTF-16 offsets (the web UI) imports right and says which unit it assumed', async ({ page }) => {
  await gotoApp(page);
  // "😀" is one code point but two UTF-16 units: doccano's web UI counts the latter.
  const text = '😀 زار Ali Hassan بغداد أمس';
  const utf16 = (needle) => [text.indexOf(needle), text.indexOf(needle) + needle.length];
  const record = { text, label: [[...utf16('Ali Hassan'), 'PER'], [...utf16('بغداد'), 'LOC']] };
  await uploadFiles(page, [{ name: 'doccano.jsonl', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(record) + '\n') }]);
  await expectMessage(page, 'warning', 'UTF-16');
  const items = page.getByTestId('doc-item');
  await items.last().click();
  const spans = await shownSpans(page);
  expect(spans.map((x) => [cpSlice(text, x.start, x.end), x.label])).toEqual([['Ali Hassan', 'PER'], ['بغداد', 'LOC']]);
});

test('Label Studio tasks import with spans matching value.text', async ({ page }) => {
  await gotoApp(page);
  const tasks = path.join(external, 'label-studio-ner-example/tasks.json');
  await uploadFiles(page, [tasks]);
  const spans = await shownSpans(page);
  expect(spans.length).toBeGreaterThan(0);
  const text = await docText(page);
  const json = JSON.parse(fs.readFileSync(tasks, 'utf8'));
  const regions = json.flatMap((t) => [...(t.annotations || []), ...(t.predictions || [])]).flatMap((a) => a.result || []);
  for (const r of regions.filter((r) => r.value && r.value.text)) {
    expect(spans.some((s) => cpSlice(text, s.start, s.end) === r.value.text)).toBe(true);
  }
});

test('every export format downloads from the menu; brat is a zip; doccano offers UTF-16', async ({ page }) => {
  const article = readCorpus()[4];
  await gotoApp(page);
  await uploadFiles(page, [article.path]);
  await openDoc(page, article.name);
  const k = cpFind(article.text, 'الكاظمي');
  await dragSelect(page, k.start, k.end, 'الكاظمي');
  await page.keyboard.press('1');
  await page.getByTestId('export-scope').selectOption('open');

  await page.getByTestId('export-format').selectOption('brat');
  const zip = await downloadFrom(page, page.getByTestId('export-run'));
  expect(zip.name).toMatch(/\.zip$/);
  expect(zip.buffer.subarray(0, 2).toString('latin1')).toBe('PK');

  await page.getByTestId('export-format').selectOption('doccano');
  await expect(page.getByTestId('export-utf16')).toBeVisible();
  const doccano = await downloadFrom(page, page.getByTestId('export-run'));
  const record = JSON.parse(doccano.text.trim().split('\n')[0]);
  const span = (record.label || record.entities || [])[0];
  const [s, e] = Array.isArray(span) ? span : [span.start_offset, span.end_offset];
  expect(cpSlice(record.text, s, e)).toBe('الكاظمي');

  await page.getByTestId('export-format').selectOption('conll');
  await expect(page.getByTestId('export-scheme')).toBeVisible();
  const conll = await downloadFrom(page, page.getByTestId('export-run'));
  expect(conll.text).toMatch(/الكاظمي\s+B-PER/);

  await page.getByTestId('export-format').selectOption('label-studio');
  const tasks = JSON.parse((await downloadFrom(page, page.getByTestId('export-run'))).text);
  expect(JSON.stringify(tasks)).toContain('الكاظمي');
  const config = await downloadFrom(page, page.getByTestId('export-ls-config'));
  expect(config.name).toMatch(/\.xml$/);
  expect(config.text).toContain('<Labels');
  expect(config.text).toContain('value="PER"');

  await page.getByTestId('export-format').selectOption('web-annotation');
  const wa = JSON.parse((await downloadFrom(page, page.getByTestId('export-run'))).text);
  expect(JSON.stringify(wa)).toContain('TextQuoteSelector');

  // The exported spaCy JSONL imports back with the same span.
  await page.getByTestId('export-format').selectOption('spacy');
  const spacy = await downloadFrom(page, page.getByTestId('export-run'));
  await uploadFiles(page, [{ name: 'again.jsonl', mimeType: 'application/json', buffer: spacy.buffer }]);
  const items = page.getByTestId('doc-item');
  await expect(items).toHaveCount(2);
  await items.nth(1).click();
  expect((await shownSpans(page)).map((x) => [x.start, x.end, x.label])).toEqual([[k.start, k.end, 'PER']]);
  // The export carries the document's name (meta.name), so the copy has it too.
  expect(JSON.parse(spacy.text.trim().split('\n')[0]).meta.name).toBe(article.name);
  await expect(docItem(page, article.name)).toHaveCount(2);
});

// Files that are not what their names say, and names that clash: read as
// what they hold, each said in a message (they loaded in silence).
test('annotations saved as .txt, a file cut short and documents named alike are each said', async ({ page }) => {
  await gotoApp(page);
  const doccano = JSON.stringify({ text: 'علي في بغداد', label: [[0, 3, 'PER']] });
  const cut = Buffer.from('{"format": "wasim", "documents": [{"name": "a", "text": "بغداد', 'utf8');
  await uploadFiles(page, [
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from(doccano, 'utf8') },
    { name: 'cut.json', mimeType: 'application/json', buffer: cut.subarray(0, cut.length - 1) },
  ]);
  await expectMessage(page, 'warning', 'notes.txt holds doccano');
  await expectMessage(page, 'error', 'cut short');
  await openDoc(page, 'notes.txt');
  expect(await docText(page)).toBe('علي في بغداد');
  expect((await shownSpans(page)).map((s) => [s.start, s.end, s.label])).toEqual([[0, 3, 'PER']]);
  const same = { name: 'doc.txt', mimeType: 'text/plain', buffer: Buffer.from('نص\n', 'utf8') };
  await uploadFiles(page, [same, { ...same, buffer: Buffer.from('نص آخر\n', 'utf8') }]);
  await expectMessage(page, 'warning', 'have the same name: doc.txt');
  await expect(docItem(page, 'doc.txt')).toHaveCount(2);
});

// A CoNLL file with classic Mac line ends (a lone CR) was read as one line:
// its entities vanished under a message about extra columns. And spans
// that cut a letter from its marks, or an emoji sequence, loaded without a
// word.
test('a CoNLL file with lone CR line ends keeps its entities; spans inside a character are named', async ({ page }) => {
  await gotoApp(page);
  const conll = 'محمد B-PER\rزار O\rدبي B-LOC\r\rو O\rعاد O\r';
  await uploadFiles(page, [txtFile('mac.conll', conll)]);
  await openDoc(page, 'mac.conll');
  expect(await docText(page)).toBe('محمد زار دبي\nو عاد');
  const text = await docText(page);
  expect((await shownSpans(page)).map((s) => [s.label, cpSlice(text, s.start, s.end)])).toEqual([
    ['PER', 'محمد'],
    ['LOC', 'دبي'],
  ]);
  const split = { text: 'x 👨\u200d👩\u200d👧 دُمِّرَ', label: [[2, 4, 'MISC'], [8, 9, 'PER'], [8, 15, 'LOC']] };
  await uploadFiles(page, [txtFile('split.jsonl', `${JSON.stringify(split)}\n`)]);
  await expectMessage(page, 'warning', 'split.jsonl: 2 spans start or end inside a character');
  await openDoc(page, 'split.jsonl');
  await expect.poll(async () => (await shownSpans(page)).length).toBe(3);
});

// A Wasim JSON file with fields this version does not read (written by a
// newer Wasim, or edited by hand) lost them without a word. They are still
// not kept, and the import names them and where they were.
test('a Wasim JSON file with fields this version does not know says which were left out', async ({ page }) => {
  await gotoApp(page);
  const workspace = {
    format: 'wasim', version: 2, later_field: 1,
    labels: [{ name: 'PER', color: '#ffc38a', key: '1', shade: 2 }],
    documents: [{
      name: 'u.txt', text: 'قال علي', lang: 'ar',
      spans: [{ start: 4, end: 7, label: 'PER', text: 'علي', score: 0.5 }],
    }],
  };
  await uploadFiles(page, [{ name: 'u.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(workspace)) }]);
  await expectMessage(page, 'warning', 'fields this version of Wasim does not know were left out');
  const warning = page.getByTestId('message').filter({ hasText: 'does not know' });
  for (const field of ['"later_field" (in the file)', '"shade" (in labels)', '"lang" (in documents)', '"score" (in spans)']) {
    await expect(warning).toContainText(field);
  }
  await expect(page.locator('[data-testid="doc-item"][data-doc-name="u.txt"]')).toHaveCount(1);
});
