// What was read is what is written (issue 8), through the real UI: a CoNLL
// file with a BOM, CRLF, tabs, LRM-prefixed tokens, POS columns, comments and
// a varying number of nested tag columns comes back byte for byte, and an
// edit changes only the tag columns it touches; a brat project zipped with
// deflate by an ordinary tool imports, and its .ann (relations, events,
// attributes, notes) comes back identical; spaCy exports carry tokens that
// every span starts and ends on.
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { test, expect } from './fixtures.mjs';
import {
  repoRoot, gotoApp, uploadFiles, docText, shownSpans, cpSlice, downloadFrom, clickSpan, jsonFile,
  expectMessage, markLocator, exportAs,
} from './helpers.mjs';

/** Reads a ZIP archive (stored or deflated entries): { name → Buffer }. */
function readZip(buffer) {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd, 'end of central directory').toBeGreaterThanOrEqual(0);
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const entries = {};
  for (let i = 0; i < count; i++) {
    expect(buffer.readUInt32LE(at)).toBe(0x02014b50);
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(dataAt, dataAt + size);
    entries[name] = method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data);
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

const LRM = '\u200E';
const row = (...cells) => cells.join('\t');
const CONLL_LINES = [
  row('-DOCSTART-', '-X-', 'O'),
  '',
  '# sent_id = 1',
  row(`${LRM}زار`, 'VBD', 'O'),
  row(`${LRM}بنك`, 'NN', 'B-ORG', 'O'),
  row(`${LRM}بغداد`, 'NNP', 'I-ORG', 'B-LOC'),
  row(`${LRM}المركزي`, 'JJ', 'I-ORG'),
  row(`${LRM}؟`, 'PUNC', 'O'),
  '',
  '# sent_id = 2',
  row(`${LRM}فرانكفورت`, 'NNP', 'B-LOC', 'O', 'O'),
  row(`${LRM}مدينة`, 'NN', 'O'),
  row(`${LRM}؟`, 'PUNC', 'O'),
  '',
];
const CONLL = '\uFEFF' + CONLL_LINES.join('\r\n') + '\r\n';

test('a nested CoNLL file with BOM, CRLF, tabs, POS columns and LRM marks exports byte for byte; an edit changes one tag column', async ({ page }) => {
  await gotoApp(page);
  await uploadFiles(page, [{ name: 'nested.conll', mimeType: 'text/plain', buffer: Buffer.from(CONLL, 'utf8') }]);
  await page.getByTestId('doc-item').last().click();
  const text = await docText(page);
  expect(text).toBe(`${LRM}زار ${LRM}بنك ${LRM}بغداد ${LRM}المركزي ${LRM}؟\n${LRM}فرانكفورت ${LRM}مدينة ${LRM}؟`);
  const spans = await shownSpans(page);
  expect(spans.map((s) => [s.label, cpSlice(text, s.start, s.end)])).toEqual([
    ['ORG', `${LRM}بنك ${LRM}بغداد ${LRM}المركزي`],
    ['LOC', `${LRM}بغداد`],
    ['LOC', `${LRM}فرانكفورت`],
  ]);

  const same = await exportAs(page, 'conll', 'open');
  expect(same.buffer.equals(Buffer.from(CONLL, 'utf8')), same.text).toBe(true);

  // Relabel the nested LOC بغداد as PER: click it, press 1.
  await clickSpan(page, spans[1]);
  await page.keyboard.press('1');
  await expect.poll(async () => (await shownSpans(page)).map((s) => s.label)).toEqual(['ORG', 'PER', 'LOC']);
  const edited = await exportAs(page, 'conll', 'open');
  const before = CONLL.split('\r\n');
  const after = edited.text.split('\r\n');
  expect(after.length).toBe(before.length);
  const changed = after.flatMap((line, i) => (line === before[i] ? [] : [[before[i], line]]));
  expect(changed).toEqual([[row(`${LRM}بغداد`, 'NNP', 'I-ORG', 'B-LOC'), row(`${LRM}بغداد`, 'NNP', 'I-ORG', 'B-PER')]]);
  expect(edited.text.startsWith('\uFEFF')).toBe(true);
});

const BRAT_ZIP = path.join(repoRoot, 'tests/e2e/fixtures/brat-deflate.zip');

test('a brat project zipped with deflate imports, and its .ann and annotation.conf come back identical with relations, events and notes', async ({ page }) => {
  await gotoApp(page);
  const original = readZip(fs.readFileSync(BRAT_ZIP));
  const ann = original['proj/doc1.ann'].toString('utf8');
  const txt = original['proj/doc1.txt'].toString('utf8');
  await uploadFiles(page, [BRAT_ZIP]);
  await page.getByTestId('doc-item').filter({ hasText: 'doc1' }).first().click();
  const text = await docText(page);
  expect(text).toBe(txt);
  const tLines = ann.split('\n').filter((l) => l.startsWith('T'));
  const spans = await shownSpans(page);
  expect(spans.length).toBe(tLines.length);
  for (const s of spans) expect(tLines.some((l) => l.includes(`\t${s.label} ${s.start} ${s.end}\t${cpSlice(text, s.start, s.end)}`))).toBe(true);

  const exported = readZip((await exportAs(page, 'brat', 'open')).buffer);
  const annName = Object.keys(exported).find((n) => n.endsWith('.ann'));
  const txtName = Object.keys(exported).find((n) => n.endsWith('.txt'));
  expect(exported[annName].toString('utf8')).toBe(ann);
  expect(exported[txtName].toString('utf8')).toBe(txt);
  // The project's annotation.conf comes back as it was, not rewritten.
  expect(exported['annotation.conf'].equals(original['proj/annotation.conf'])).toBe(true);

  // Deleting the span the event and the note point at keeps its T line, and says so.
  const kazimi = spans.find((s) => cpSlice(text, s.start, s.end) === 'الكاظمي');
  await clickSpan(page, kazimi);
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await shownSpans(page)).length).toBe(spans.length - 1);
  const afterDelete = readZip((await exportAs(page, 'brat', 'open')).buffer);
  expect(afterDelete[annName].toString('utf8')).toContain('E1\tVisit:T5 Agent:T1 Place:T2');
  expect(afterDelete[annName].toString('utf8')).toContain('T1\tPER ');
  await expectMessage(page, 'warning', 'T1');
});

test('relabelling one fragment of a discontinuous brat entity splits it under its ID, never duplicates it, and re-imports as shown', async ({ page }) => {
  await gotoApp(page);
  const txt = 'زار محمد بن علي جامعة بغداد في العراق.';
  const ann = 'T1\tPER 4 8;12 15\tمحمد علي\nT2\tLOC 22 27\tبغداد\nR1\tLives-in Arg1:T1 Arg2:T2\n';
  await uploadFiles(page, [
    { name: 'disc.txt', mimeType: 'text/plain', buffer: Buffer.from(txt) },
    { name: 'disc.ann', mimeType: 'text/plain', buffer: Buffer.from(ann) },
  ]);
  await page.getByTestId('doc-item').filter({ hasText: 'disc' }).first().click();
  // Unchanged, the .ann comes back as it was.
  const exportAnn = async () => {
    const files = readZip((await exportAs(page, 'brat', 'open')).buffer);
    return files[Object.keys(files).find((n) => n.endsWith('.ann'))].toString('utf8');
  };
  expect(await exportAnn()).toBe(ann);
  await clickSpan(page, { start: 12, end: 15, label: 'PER' });
  await page.keyboard.press('3');
  await expect(markLocator(page, { start: 12, end: 15, label: 'ORG' })).toHaveCount(1);
  const edited = await exportAnn();
  expect(edited).toBe('T1\tPER 4 8\tمحمد\nT2\tLOC 22 27\tبغداد\nR1\tLives-in Arg1:T1 Arg2:T2\nT3\tORG 12 15\tعلي\n');
  await expectMessage(page, 'warning', 'T1 → T3');
  // Loaded again, it shows exactly what Wasim showed.
  const shown = (await shownSpans(page)).map((s) => `${s.label} ${s.start} ${s.end}`).sort();
  await uploadFiles(page, [
    { name: 'again.txt', mimeType: 'text/plain', buffer: Buffer.from(txt) },
    { name: 'again.ann', mimeType: 'text/plain', buffer: Buffer.from(edited) },
  ]);
  await page.getByTestId('doc-item').filter({ hasText: 'again' }).first().click();
  await expect.poll(async () => (await shownSpans(page)).map((s) => `${s.label} ${s.start} ${s.end}`).sort()).toEqual(shown);
});

test('doccano JSONL and a Label Studio file come back byte for byte when unchanged; a relabel changes one doccano line', async ({ page }) => {
  await gotoApp(page);
  const lines = [
    '{"text": "زار محمد 😀 بغداد", "label": [ [4, 8, "PER"] ], "id": 7}',
    '{"text":"\\u0641\\u064a \\u0627\\u0644\\u0639\\u0631\\u0627\\u0642","label":[[3,9,"LOC"]]}',
  ];
  const doccano = Buffer.from('\ufeff' + lines.join('\r\n'));
  await uploadFiles(page, [{ name: 'd.jsonl', mimeType: 'application/json', buffer: doccano }]);
  await expect(page.getByTestId('doc-item')).toHaveCount(2);
  const all = async (format) => (await exportAs(page, format, 'corpus')).buffer;
  expect((await all('doccano')).equals(doccano), 'unchanged doccano').toBe(true);
  await page.getByTestId('doc-item').first().click();
  await clickSpan(page, { start: 4, end: 8, label: 'PER' });
  await page.keyboard.press('2');
  await expect(markLocator(page, { start: 4, end: 8, label: 'LOC' })).toHaveCount(1);
  const edited = (await all('doccano')).toString('utf8').replace(/^\ufeff/, '').split('\r\n');
  expect(edited[1], 'the other line as it was').toBe(lines[1]);
  expect(JSON.parse(edited[0]).label).toEqual([[4, 8, 'LOC']]);

  const tasks = path.resolve(repoRoot, '../shared/external/label-studio-ner-example/tasks.json');
  await page.reload();
  await uploadFiles(page, [tasks]);
  await expect(page.getByTestId('doc-item')).toHaveCount(3);
  await page.getByTestId('doc-item').last().click();
  expect((await exportAs(page, 'label-studio', 'open')).buffer.equals(fs.readFileSync(tasks))).toBe(true);
});

test('spaCy JSONL export carries tokens on which every span, even after a proclitic, starts and ends', async ({ page }) => {
  await gotoApp(page);
  const text = 'زار الوفد بالعراق  و\u200Eلندن\r\nثم عادَ إلى 😀 بغداد.';
  const at = (needle) => {
    const cps = Array.from(text);
    for (let i = 0; i <= cps.length; i++) if (cps.slice(i, i + Array.from(needle).length).join('') === needle) return i;
    throw new Error(needle);
  };
  const span = (needle, label) => ({ start: at(needle), end: at(needle) + Array.from(needle).length, label, text: needle });
  const workspace = {
    format: 'wasim',
    version: 2,
    labels: [{ name: 'LOC', color: '#9be39b', key: '2' }],
    documents: [{ name: 'spacy.txt', text, spans: [span('العراق', 'LOC'), span('لندن', 'LOC'), span('بغداد', 'LOC')] }],
  };
  await uploadFiles(page, [jsonFile('ws.json', workspace)]);
  await page.getByTestId('doc-item').filter({ hasText: 'spacy.txt' }).first().click();
  const d = await exportAs(page, 'spacy', 'open');
  const record = JSON.parse(d.text.trim().split('\n')[0]);
  expect(record.text).toBe(text);
  const rebuilt = record.tokens.map((t) => t.text + (t.ws ? ' ' : '')).join('');
  expect(rebuilt).toBe(text);
  const starts = new Map(record.tokens.map((t) => [t.start, t.id]));
  const ends = new Map(record.tokens.map((t) => [t.end, t.id]));
  for (const s of record.spans) {
    expect(starts.get(s.start), `a token starts at ${s.start}`).toBe(s.token_start);
    expect(ends.get(s.end), `a token ends at ${s.end}`).toBe(s.token_end);
  }
  expect(record.spans.map((s) => cpSlice(text, s.start, s.end))).toEqual(['العراق', 'لندن', 'بغداد']);
});
