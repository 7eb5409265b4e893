// The Team panel: several annotators' files compared through the UI, the
// numbers checked against values worked out by hand, the notices about bad
// input (with the workspace untouched), the saved report and chart, and
// Adjudicate merging the work into the workspace.
//
// The case (one text, 7 tokens, all spans on word boundaries):
//   زار علي بغداد ثم عاد إلى الموصل
//   Amina: علي PER [4,7), بغداد LOC [8,13), الموصل LOC [25,31)
//   Badr:  علي PER [4,7), بغداد ORG [8,13), ثم MISC [14,16), إلى الموصل LOC [21,31)
//   Chadi: as Amina.
// Amina → Badr, exact spans: tp 1, fp 3, fn 2: P 1/4, R 1/3, F1 2/7 = 0.286.
// Partial (labels ignored): 2 correct, 1 partial, 1 spurious:
//   P 2.5/4, R 2.5/3, F1 5/7 = 0.714.
// Tokens: Amina O PER LOC O O O LOC, Badr O PER ORG MISC O LOC LOC:
//   p_o = 4/7, p_e = 4/7·2/7 + 1/7·1/7 + 2/7·2/7 = 13/49, κ = 15/36 = 0.417.
// Boundary only: Badr's LOC [21,31) against Amina's LOC [25,31): 1.
// With Chadi: per token P_i = 1, 1, 1/3, 1/3, 1, 1/3, 1 → P̄ = 5/7;
//   p = O 10/21, PER 3/21, LOC 6/21, ORG 1/21, MISC 1/21 → P̄_e = 1/3;
//   Fleiss' κ = (5/7 − 1/3)/(2/3) = 4/7 = 0.571.
//   α: D = 2+2+2 = 6, n = 21, E = 21² − 147 = 294: 1 − 20·6/294 = 0.592.
import { test, expect } from './fixtures.mjs';
import {
  gotoApp, docItems, docNames, docText, jsonFile, uploadFiles, downloadFrom, exportJson, exportAs, expectMessage,
  waitForApp,
} from './helpers.mjs';

const TEXT = 'زار علي بغداد ثم عاد إلى الموصل';
const LABELS = [
  { name: 'PER', color: '#ffc38a', key: '1' },
  { name: 'LOC', color: '#9be39b', key: '2' },
  { name: 'ORG', color: '#9fd0ff', key: '3' },
  { name: 'MISC', color: '#e3b8ff', key: '4' },
];
const AMINA = [[4, 7, 'PER'], [8, 13, 'LOC'], [25, 31, 'LOC']];
const BADR = [[4, 7, 'PER'], [8, 13, 'ORG'], [14, 16, 'MISC'], [21, 31, 'LOC']];

const cut = (text, s, e) => Array.from(text).slice(s, e).join('');

/** A Wasim JSON export of `docs` ([name, text, spans]) signed by `annotator`. */
function exportOf(annotator, docs, labels = LABELS) {
  return {
    format: 'wasim',
    version: 2,
    labels,
    documents: docs.map(([name, text, spans]) => ({
      name,
      text,
      done: false,
      spans: spans.map(([start, end, label]) => ({ start, end, label, text: cut(text, start, end) })),
      ...(annotator ? { annotator } : {}),
    })),
  };
}

const file = (name, annotator, spans, text = TEXT) => jsonFile(name, exportOf(annotator, [['d.txt', text, spans]]));

async function openTeam(page) {
  await page.getByTestId('team-open').click();
  await expect(page.getByTestId('team-panel')).toBeVisible();
}

async function addFiles(page, files) {
  await page.getByTestId('team-input').setInputFiles(files);
}

/** Amina's and Badr's files given to the Team panel and adjudicated: one team document. */
async function adjudicateAminaAndBadr(page) {
  await openTeam(page);
  await addFiles(page, [file('amina.json', 'Amina', AMINA), file('badr.json', 'Badr', BADR)]);
  await expect(page.getByTestId('team-report')).toBeVisible();
  await page.getByTestId('team-adjudicate').click();
  await expect(docItems(page)).toHaveCount(1);
}

const members = (page) => page.getByTestId('team-member');
const pairRow = (page, r, c) =>
  page.locator(`[data-testid="team-pair-row"][data-reference="${r}"][data-candidate="${c}"]`);
const measure = (row, m) => row.locator(`[data-measure="${m}"]`);

async function expectRow(row, values) {
  for (const [m, v] of Object.entries(values)) await expect(measure(row, m), m).toHaveText(v);
}

test('two annotators: the numbers worked out by hand, and the workspace untouched', async ({ page }) => {
  await gotoApp(page);
  const before = await docNames(page);
  await openTeam(page);
  await addFiles(page, [file('amina.json', 'Amina', AMINA), file('badr.json', 'Badr', BADR)]);
  await expect(page.getByTestId('team-report')).toBeVisible();
  await expect(members(page)).toHaveCount(2);
  expect(await members(page).evaluateAll((els) => els.map((e) => e.dataset.name))).toEqual(['Amina', 'Badr']);
  await expect(page.getByTestId('team-notice')).toHaveCount(0);
  await expect(page.getByTestId('team-pair-row')).toHaveCount(2);
  await expectRow(pairRow(page, 'Amina', 'Badr'), {
    precision: '0.250', recall: '0.333', f1: '0.286', 'partial-f1': '0.714', kappa: '0.417', 'boundary-only': '1',
  });
  // Swapping reference and candidate swaps precision and recall.
  await expectRow(pairRow(page, 'Badr', 'Amina'), { precision: '0.333', recall: '0.250', f1: '0.286', kappa: '0.417' });
  // Two annotators: no Fleiss' κ or α.
  await expect(page.getByTestId('team-fleiss')).toHaveCount(0);
  // Label by label, Amina → Badr.
  const label = (name) => page.getByTestId('team-labels').locator(`[data-testid="team-label-row"][data-label="${name}"]`);
  await expectRow(label('PER'), { tp: '1', fp: '0', fn: '0', f1: '1.000' });
  await expectRow(label('LOC'), { tp: '0', fp: '1', fn: '2', precision: '0.000', f1: '0.000' });
  await expectRow(label('ORG'), { tp: '0', fp: '1', fn: '0' });
  await expectRow(label('All labels'), { tp: '1', fp: '3', fn: '2', f1: '0.286' });
  await expect(page.getByTestId('team-boundary')).toContainText(': 1');
  const confusion = (r, c) =>
    page.getByTestId('team-confusion').locator(`td[data-reference-label="${r}"][data-candidate-label="${c}"]`);
  await expect(confusion('LOC', 'ORG')).toHaveText('1');
  await expect(confusion('PER', 'PER')).toHaveText('1');
  await expect(confusion('ORG', 'LOC')).toHaveText('0');
  // The other pair, chosen.
  await page.getByTestId('team-pair').selectOption({ label: 'Badr → Amina' });
  await expect(confusion('ORG', 'LOC')).toHaveText('1');
  await expectRow(label('All labels'), { tp: '1', fp: '2', fn: '3' });
  // The chart: a bar per label with its value written out.
  const chart = page.getByTestId('team-chart').locator('svg');
  await expect(chart).toBeVisible();
  await expect(chart.locator('g[data-label="PER"] text').last()).toHaveText('1.000');
  await expect(chart.locator('g[data-label="All labels"] text').last()).toHaveText('0.286');
  // The document, its F1 and who tagged how much.
  const doc = page.getByTestId('team-document');
  await expect(doc).toHaveCount(1);
  await expect(measure(doc, 'f1')).toHaveText('0.286');
  await expect(measure(doc, 'mentions')).toHaveText(['3', '4']);
  // Closing changes nothing in the workspace.
  await page.getByTestId('team-close').click();
  await expect(page.getByTestId('team-panel')).toHaveCount(0);
  expect(await docNames(page)).toEqual(before);
});

test('three annotators: Fleiss and Krippendorff on the tokens; an annotator removed', async ({ page }) => {
  await gotoApp(page);
  await openTeam(page);
  await addFiles(page, [file('amina.json', 'Amina', AMINA), file('badr.json', 'Badr', BADR)]);
  await expect(members(page)).toHaveCount(2);
  // A second pick adds to the annotators already loaded.
  await addFiles(page, [file('chadi.json', 'Chadi', AMINA)]);
  await expect(members(page)).toHaveCount(3);
  await expect(page.getByTestId('team-pair-row')).toHaveCount(6);
  await expect(page.getByTestId('team-fleiss')).toHaveText('0.571');
  await expect(page.getByTestId('team-alpha')).toHaveText('0.592');
  await expect(page.getByTestId('team-tokens')).toHaveText('7');
  await expectRow(pairRow(page, 'Amina', 'Chadi'), { f1: '1.000', kappa: '1.000', 'boundary-only': '0' });
  // The chart averages the three pairs: PER agreed by all.
  await expect(page.getByTestId('team-chart').locator('g[data-label="PER"] text').last()).toHaveText('1.000');
  await members(page).filter({ hasText: 'Badr' }).getByTestId('team-remove').click();
  await expect(members(page)).toHaveCount(2);
  await expect(page.getByTestId('team-pair-row')).toHaveCount(2);
  await expect(page.getByTestId('team-fleiss')).toHaveCount(0);
  await expectRow(pairRow(page, 'Amina', 'Chadi'), { f1: '1.000' });
});

// The panel's files were gone after a reload: every annotator's file had
// to be picked again.
test('the Team panel\'s files, and the annotators removed, are kept across a reload', async ({ page }) => {
  await gotoApp(page);
  await openTeam(page);
  await addFiles(page, [file('amina.json', 'Amina', AMINA), file('badr.json', 'Badr', BADR)]);
  await addFiles(page, [file('chadi.json', 'Chadi', AMINA)]);
  await expect(members(page)).toHaveCount(3);
  await members(page).filter({ hasText: 'Badr' }).getByTestId('team-remove').click();
  await expect(members(page)).toHaveCount(2);
  await expectRow(pairRow(page, 'Amina', 'Chadi'), { f1: '1.000' });
  // Written after the change: wait for the record before reloading.
  await expect.poll(() => page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('wasim-team');
    open.onsuccess = () => {
      const get = open.result.transaction('team').objectStore('team').get('files');
      get.onsuccess = () => { resolve((get.result ?? []).length); open.result.close(); };
    };
    open.onerror = () => resolve(-1);
  }))).toBe(3);
  await page.reload();
  await waitForApp(page);
  await openTeam(page);
  await expect(members(page)).toHaveCount(2);
  await expect(members(page).nth(0)).toHaveAttribute('data-name', 'Amina');
  await expect(members(page).nth(1)).toHaveAttribute('data-name', 'Chadi');
  await expectRow(pairRow(page, 'Amina', 'Chadi'), { f1: '1.000' });
  // Removing every annotator keeps nothing.
  await members(page).first().getByTestId('team-remove').click();
  await members(page).first().getByTestId('team-remove').click();
  await expect(members(page)).toHaveCount(0);
  await page.reload();
  await waitForApp(page);
  await openTeam(page);
  await expect(page.getByTestId('team-busy')).toHaveCount(0);
  await expect(members(page)).toHaveCount(0);
});

// Two tabs changing the Team panel: each wrote its own list of files over
// the other's, so the files the other tab added were gone from storage and
// from a new tab, without a word. Changes are appended, and each tab shows
// the other's.
test('two tabs changing the Team panel keep both tabs\' files, and each shows the other\'s', async ({ page, context }) => {
  await gotoApp(page);
  const other = await context.newPage();
  await gotoApp(other);
  await openTeam(page);
  await openTeam(other);
  await addFiles(page, [file('amina.json', 'Amina', AMINA)]);
  await expect(members(page)).toHaveCount(1);
  await addFiles(other, [file('badr.json', 'Badr', BADR)]);
  const names = (p) => members(p).evaluateAll((els) => els.map((el) => el.getAttribute('data-name')));
  await expect.poll(() => names(other)).toEqual(['Amina', 'Badr']);
  await expect.poll(() => names(page)).toEqual(['Amina', 'Badr']);
  await expect(pairRow(page, 'Amina', 'Badr')).toHaveCount(1);
  // A removal in one tab shows in the other, and a third tab sees the result.
  await members(page).filter({ hasText: 'Amina' }).getByTestId('team-remove').click();
  await expect.poll(() => names(other)).toEqual(['Badr']);
  const third = await context.newPage();
  await gotoApp(third);
  await openTeam(third);
  await expect(third.getByTestId('team-busy')).toHaveCount(0);
  await expect.poll(() => names(third)).toEqual(['Badr']);
});

test('bad input: each problem has a clear notice, and existing work is untouched', async ({ page }) => {
  await gotoApp(page);
  // Existing work: one document with a span.
  await uploadFiles(page, [jsonFile('mine.json', exportOf(null, [['mine.txt', 'عملي الخاص هنا', [[0, 4, 'MISC']]]]))]);
  await expect(docItems(page)).toHaveCount(1);
  const before = await exportJson(page);
  await openTeam(page);
  const dateLabels = [...LABELS.slice(0, 3), { name: 'DATE', color: '#ffe08a' }];
  await addFiles(page, [
    file('amina.json', 'Amina', AMINA),
    file('amina-again.json', 'Amina', BADR),
    // The same work again (a copy of amina.json): refused, not a 6th annotator.
    file('amina-copy.json', 'Amina', AMINA),
    file('nameless.json', null, AMINA),
    jsonFile('dates.json', exportOf('Dalia', [['d.txt', TEXT, [[17, 20, 'DATE']]]], dateLabels)),
    file('other.json', 'Omar', [], 'نص مختلف تماما عن الآخر'),
    jsonFile('broken.json', '{"format": "wasim", "documents": ['),
    { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x63, 0x61, 0x66, 0xe9]) },
  ]);
  await expect(members(page)).toHaveCount(5);
  expect(await members(page).evaluateAll((els) => els.map((e) => e.dataset.name))).toEqual([
    'Amina', 'Amina (amina-again.json)', 'nameless', 'Dalia', 'Omar',
  ]);
  const notices = page.getByTestId('team-notice');
  const texts = await notices.evaluateAll((els) => els.map((e) => ({ level: e.dataset.level, text: e.textContent })));
  const has = (level, fragment) =>
    expect(texts.some((n) => n.level === level && n.text.includes(fragment)), `${level}: ${fragment} in ${JSON.stringify(texts, null, 1)}`).toBe(true);
  has('error', 'Could not load broken.json');
  has('error', 'Could not load latin1.txt');
  has('error', 'amina-copy.json holds the same work as amina.json (“Amina”): it is not added again.');
  has('warning', 'nameless.json names no annotator: its work is called “nameless”.');
  has('warning', '“Amina” is the annotator of two files (amina.json and amina-again.json): the second is called “Amina (amina-again.json)”, and both are compared.');
  has('warning', "The annotators' labels differ");
  has('warning', 'other.json (Omar) has no document in common with the other files');
  has('warning', '2 documents are not in every file');
  // Who used which label, folded under the notice.
  const labels = notices.filter({ hasText: "The annotators' labels differ" });
  await labels.locator('summary').click();
  await expect(labels.locator('li').filter({ hasText: /^DATE: Dalia; not Amina, Amina \(amina-again.json\), nameless, Omar$/ })).toHaveCount(1);
  // MISC, which Dalia lacks, is used (amina-again.json has Badr's spans).
  await expect(labels.locator('li').filter({ hasText: /^MISC: Amina, Amina \(amina-again.json\), nameless, Omar; not Dalia$/ })).toHaveCount(1);
  // Omar's text is not the others': no document is in every file.
  has('warning', 'No document is in every file, so there is nothing to compare.');
  // Nothing compared: no scores, "—" rather than 0.000.
  await expectRow(pairRow(page, 'Amina', 'Dalia'), {
    precision: '—', recall: '—', f1: '—', 'partial-f1': '—', kappa: '—', 'boundary-only': '—',
  });
  const all = page.getByTestId('team-labels').locator('[data-testid="team-label-row"][data-label="All labels"]');
  await expectRow(all, { tp: '—', precision: '—', f1: '—' });
  await expect(page.getByTestId('team-confusion')).toHaveCount(0);
  await expect(page.getByTestId('team-chart').locator('g[data-label="All labels"] text').last()).toHaveText('—');
  // Without Omar, the others share the text and are compared.
  await members(page).filter({ hasText: 'Omar' }).getByTestId('team-remove').click();
  await expect(members(page)).toHaveCount(4);
  await expect(page.getByTestId('team-document')).toHaveCount(1);
  await expect(page.getByTestId('team-pair-row')).toHaveCount(12);
  await page.getByTestId('team-close').click();
  // The workspace is as it was.
  const after = await exportJson(page);
  expect(after.json).toEqual(before.json);
});

test('the report saves as CSV and JSON (full precision) and the chart as an SVG image', async ({ page }) => {
  await gotoApp(page);
  await openTeam(page);
  await addFiles(page, [file('amina.json', 'Amina', AMINA), file('badr.json', 'Badr', BADR), file('chadi.json', 'Chadi', AMINA)]);
  await expect(page.getByTestId('team-fleiss')).toHaveText('0.571');
  const csv = await downloadFrom(page, page.getByTestId('team-save-csv'));
  expect(csv.name).toMatch(/^agreement_\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.text.trim().split(/\r\n/);
  expect(lines[0]).toBe('table,reference,candidate,label,candidate_label,document,measure,value');
  const rows = lines.slice(1).map((l) => l.split(','));
  expect(rows.every((r) => r.length === 8)).toBe(true);
  const value = (table, r, c, label, m) =>
    rows.find((row) => row[0] === table && row[1] === r && row[2] === c && row[3] === label && row[6] === m)?.[7];
  expect(Math.abs(Number(value('exact', 'Amina', 'Badr', '', 'f1')) - 2 / 7)).toBeLessThan(1e-12);
  expect(Math.abs(Number(value('cohen_kappa', 'Amina', 'Badr', '', 'kappa')) - 15 / 36)).toBeLessThan(1e-12);
  expect(value('boundary_only', 'Amina', 'Badr', '', 'count')).toBe('1');
  expect(Math.abs(Number(value('all', '', '', '', 'fleiss_kappa')) - 4 / 7)).toBeLessThan(1e-12);

  const json = await downloadFrom(page, page.getByTestId('team-save-json'));
  expect(json.name).toMatch(/^agreement_\d{4}-\d{2}-\d{2}\.json$/);
  const report = JSON.parse(json.text);
  expect(report.format).toBe('wasim-agreement');
  expect(report.annotators).toEqual(['Amina', 'Badr', 'Chadi']);
  const ab = report.pairs.find((p) => p.reference === 'Amina' && p.candidate === 'Badr');
  expect(Math.abs(ab.exact.f1 - 2 / 7)).toBeLessThan(1e-12);
  expect(String(ab.exact.f1).length, 'not rounded to 3 decimals').toBeGreaterThan(10);
  expect(Math.abs(ab.partial.f1 - 5 / 7)).toBeLessThan(1e-12);
  expect(ab.confusion).toEqual([{ reference_label: 'LOC', candidate_label: 'ORG', count: 1 }]);
  expect(Math.abs(report.krippendorff_alpha - (1 - 120 / 294))).toBeLessThan(1e-12);
  expect(report.tokens).toBe(7);

  const svg = await downloadFrom(page, page.getByTestId('team-save-image'));
  expect(svg.name).toMatch(/^agreement_\d{4}-\d{2}-\d{2}\.svg$/);
  expect(svg.text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg.text.trim().endsWith('</svg>')).toBe(true);
  expect(svg.text).toContain('data-label="PER"');
  // It is an image a browser draws (in a blank page: the app's policy
  // loads images from its own files only).
  const blank = await page.context().newPage();
  const drawn = await blank.evaluate(async (text) => {
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, svg.text);
  await blank.close();
  expect(drawn[0]).toBeGreaterThan(100);
  expect(drawn[1]).toBeGreaterThan(100);
});

test('adjudicate merges the work into the workspace, with team and annotators in the Wasim JSON export', async ({ page }) => {
  await gotoApp(page);
  await openTeam(page);
  const other = 'قال سامي الخطيب في أربيل';
  await addFiles(page, [
    jsonFile('amina.json', exportOf('Amina', [['d.txt', TEXT, AMINA], ['o.txt', other, [[4, 15, 'PER']]]])),
    file('badr.json', 'Badr', BADR),
  ]);
  await expect(page.getByTestId('team-report')).toBeVisible();
  await page.getByTestId('team-adjudicate').click();
  await expect(page.getByTestId('team-panel')).toHaveCount(0);
  // The demo is put away; the two merged documents are there, the first open.
  await expect(docItems(page)).toHaveCount(2);
  expect(await docNames(page)).toEqual(['d.txt', 'o.txt']);
  await expect(page.getByTestId('doc-list').locator('[data-testid="doc-item"][aria-current="true"]')).toHaveAttribute('data-doc-name', 'd.txt');
  await expect(page.getByTestId('message').filter({ hasText: 'Merged the work of Amina, Badr into 2 documents to adjudicate.' })).toHaveCount(1);
  // One message for the merge, not also "Loaded 2 documents".
  await expect(page.getByTestId('message').filter({ hasText: 'Loaded 2 documents' })).toHaveCount(0);
  const { json } = await exportJson(page);
  const d = json.documents.find((x) => x.name === 'd.txt');
  expect(d.team).toEqual(['Amina', 'Badr']);
  expect(d.spans.map((s) => [s.start, s.end, s.label, s.annotators, s.text])).toEqual([
    [4, 7, 'PER', ['Amina', 'Badr'], 'علي'],
    [8, 13, 'LOC', ['Amina'], 'بغداد'],
    [8, 13, 'ORG', ['Badr'], 'بغداد'],
    [14, 16, 'MISC', ['Badr'], 'ثم'],
    [21, 31, 'LOC', ['Badr'], 'إلى الموصل'],
    [25, 31, 'LOC', ['Amina'], 'الموصل'],
  ]);
  const o = json.documents.find((x) => x.name === 'o.txt');
  expect(o.team).toEqual(['Amina']);
  expect(o.spans.map((s) => s.annotators)).toEqual([['Amina']]);
  // Formats with notes carry who proposed each span there; the others
  // leave it out and say so.
  await page.getByTestId('export-format').selectOption('label-studio');
  const tasks = (await downloadFrom(page, page.getByTestId('export-run'))).text;
  expect(tasks).toContain('annotators: Amina, Badr');
  expect(tasks).toContain('annotators: Badr');
  await page.getByTestId('export-format').selectOption('conll');
  const conll = (await downloadFrom(page, page.getByTestId('export-run'))).text;
  expect(conll).not.toContain('Amina');
  await expectMessage(page, 'warning', 'has no place for who proposed a span');
  // One undo takes it all back.
  await page.getByTestId('undo').click();
  await expect(docItems(page).filter({ hasText: 'd.txt' })).toHaveCount(0);
});

test('the panel takes the focus and Esc closes it; the page shortcuts stay out of it', async ({ page }) => {
  await gotoApp(page);
  await openTeam(page);
  await expect(page.getByTestId('team-panel')).toBeFocused();
  // "?" would open the shortcut sheet; inside the panel it does nothing.
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('team-panel')).toHaveCount(0);
});

test('the notices and the chart are worded again when the interface language changes', async ({ page }) => {
  await gotoApp(page);
  await openTeam(page);
  await addFiles(page, [file('amina.json', 'Amina', AMINA), file('nobody.json', null, BADR)]);
  const notice = page.getByTestId('team-notice').filter({ hasText: 'nobody.json' });
  await expect(notice).toContainText('names no annotator');
  const chart = page.getByTestId('team-chart').locator('svg');
  await expect(chart).toHaveAttribute('aria-label', /mean over 1 pair/);
  await page.getByTestId('team-close').click();
  await page.getByTestId('lang-switch').selectOption('ar');
  await openTeam(page);
  await expect(notice).toContainText('لا يسمّي واسمًا');
  await expect(notice).not.toContainText('names no annotator');
  await expect(chart).toHaveAttribute('aria-label', /متوسط زوج واحد/);
  // Reference first, on the right: the arrow points left, and the Latin
  // names are isolated so they cannot take the arrow into their run.
  const pair = page.getByTestId('team-pair').locator('option').first();
  await expect(pair).toHaveText(/^\u2068\S+\u2069 ← \u2068\S+\u2069$/);
  // The counts in the summary take Arabic's plural forms: two annotators
  // are «واسمان» (it said «2 واسمين»), tokens agree with their number.
  const tokens = Number(await page.getByTestId('team-summary').getAttribute('data-tokens'));
  const tokenWords = tokens === 1 ? 'وحدة نصية واحدة' : tokens === 2 ? 'وحدتان نصيتان'
    : tokens % 100 >= 3 && tokens % 100 <= 10 ? `${tokens} وحدات نصية`
    : tokens % 100 >= 11 ? `${tokens} وحدةً نصية` : `${tokens} وحدة نصية`;
  await expect(page.getByTestId('team-summary')).toHaveText(`واسمان · مستند واحد في كل الملفات · ${tokenWords}`);
  await page.getByTestId('team-close').click();
  await page.getByTestId('lang-switch').selectOption('en');
  await openTeam(page);
  await expect(page.getByTestId('team-summary')).toHaveText(`2 annotators · 1 document in every file · ${tokens} tokens`);
});

// Messages on screen (here three broken files) covered the Team dialog's
// buttons at 1024×768, and the dialog's focus trap kept the keyboard from
// closing them. While a dialog is open they go under its backdrop.
test('messages never cover the Team dialog', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await gotoApp(page);
  await uploadFiles(page, [1, 2, 3].map((i) => jsonFile(`broken-${i}.json`, '{"format": "wasim", "documents": [')));
  await expect(page.getByTestId('message')).toHaveCount(3);
  await openTeam(page);
  await addFiles(page, [file('amina.json', 'Amina', AMINA), file('badr.json', 'Badr', BADR)]);
  const adjudicate = page.getByTestId('team-adjudicate');
  await expect(adjudicate).toBeVisible();
  const onTop = async (locator) =>
    locator.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return el === hit || el.contains(hit);
    });
  for (const message of await page.getByTestId('message').all()) {
    expect(await onTop(message), 'a message drawn over the dialog').toBe(false);
  }
  await adjudicate.scrollIntoViewIfNeeded();
  expect(await onTop(adjudicate)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('team-panel')).toHaveCount(0);
  expect(await onTop(page.getByTestId('message').first())).toBe(true);
});

test('a document only one annotator has is a disagreement until decided', async ({ page }) => {
  await gotoApp(page);
  await openTeam(page);
  // o.txt is Amina's alone (Badr's copy differs by a letter, so it is his alone too).
  const other = 'قال سامي الخطيب في أربيل';
  const otherB = 'قال سامي الخطيب في اربيل';
  await addFiles(page, [
    jsonFile('amina.json', exportOf('Amina', [['d.txt', TEXT, [[4, 7, 'PER']]], ['o.txt', other, [[4, 15, 'PER']]]])),
    jsonFile('badr.json', exportOf('Badr', [['d.txt', TEXT, [[4, 7, 'PER']]], ['o.txt', otherB, [[19, 24, 'LOC']]]])),
  ]);
  await expect(page.getByTestId('team-report')).toBeVisible();
  await page.getByTestId('team-adjudicate').click();
  expect(await docNames(page)).toEqual(['d.txt', 'o.txt', 'o.txt']);
  const progress = page.getByTestId('curation-progress');
  await expect(progress).toHaveText('2 disagreements left in 2 documents.');
  await expect(docItems(page).nth(1).getByTestId('doc-disputes')).toHaveText('≠1');
  // "All agree" accepts d.txt's agreed span only.
  await page.getByTestId('curation-accept-quorum').click();
  await expectMessage(page, 'info', 'Accepted 1 group in 1 document');
  await expect(progress).toHaveText('2 disagreements left in 2 documents.');
  // ] visits Amina's o.txt; accepting her span leaves Badr's.
  await progress.click();
  await page.keyboard.press(']');
  const candidates = page.getByTestId('curation-candidate');
  await expect(candidates).toHaveCount(1);
  await expect(candidates.first()).toHaveAttribute('data-annotators', 'Amina');
  await page.getByTestId('curation-accept').click();
  await expect(progress).toHaveText('1 disagreement left in 1 document.');
  await page.getByTestId('curation-none').click();
  await expect(progress).toHaveText('No disagreements left in 3 team documents.');
  await expectMessage(page, 'info', 'Every disagreement is decided.');
  const { json } = await exportJson(page);
  expect(json.documents.map((d) => [d.team, d.spans.map((s) => [s.label, s.accepted === true])])).toEqual([
    [['Amina', 'Badr'], [['PER', true]]],
    [['Amina'], [['PER', true]]],
    [['Badr'], []],
  ]);
});

test('undo and redo of Adjudicate say they add the merged documents', async ({ page }) => {
  await gotoApp(page);
  await adjudicateAminaAndBadr(page);
  await page.keyboard.press('Control+z');
  await expectMessage(page, 'info', "Undid: adding the team's merged documents");
  await page.keyboard.press('Control+Shift+z');
  await expectMessage(page, 'info', "Redid: adding the team's merged documents");
  await expect(page.getByTestId('message').filter({ hasText: 'removing documents' })).toHaveCount(0);
});

test('Adjudicate a second time reuses the team documents already there, with their decisions', async ({ page }) => {
  await gotoApp(page);
  await adjudicateAminaAndBadr(page);
  const progress = page.getByTestId('curation-progress');
  await expect(progress).toHaveText('3 disagreements left in 1 document.');
  await page.keyboard.press(']');
  await page.keyboard.press('Alt+1');
  await expect(progress).toHaveText('2 disagreements left in 1 document.');
  // The same files, Adjudicate again: nothing added, the decision kept.
  await openTeam(page);
  await page.getByTestId('team-adjudicate').click();
  await expectMessage(page, 'info', 'The team document of these files is already in the workspace, with its decisions: nothing added.');
  await expect(docItems(page)).toHaveCount(1);
  await expect(progress).toHaveText('2 disagreements left in 1 document.');
});

// A decision by mouse leaves the focus on its button, and the Alt keys
// did nothing there (only Enter and Space press a button).
test('after a decision by mouse, Alt+1 and Alt+0 still decide', async ({ page }) => {
  await gotoApp(page);
  await adjudicateAminaAndBadr(page);
  const progress = page.getByTestId('curation-progress');
  await expect(progress).toHaveText('3 disagreements left in 1 document.');
  await page.keyboard.press(']');
  await page.getByTestId('curation-accept').click();
  await expect(progress).toHaveText('2 disagreements left in 1 document.');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('curation-accept');
  await page.keyboard.press('Alt+1');
  await expect(progress).toHaveText('1 disagreement left in 1 document.');
  await page.keyboard.press('Alt+0');
  await expect(progress).toHaveText('No disagreements left in 1 team document.');
});

// CoNLL keeps no spacing: Wasim's CoNLL export of an article read back as
// another text (tokens joined with spaces), and matching by text found
// nothing in common with the JSON of the same article.
test('a CoNLL export made by Wasim is compared with the JSON of the same article, on the JSON text', async ({ page }) => {
  await gotoApp(page);
  const text = 'زار علي بغداد، ثم عاد إلى الموصل.\nوعاد الوفد.';
  // Badr's work, exported as CoNLL through the export bar.
  await uploadFiles(page, [jsonFile('badr.json', exportOf('Badr', [['d.txt', text, [[4, 7, 'PER'], [8, 13, 'ORG']]]]))]);
  await expect(docItems(page)).toHaveCount(1);
  const conll = await exportAs(page, 'conll', 'open');
  expect(conll.text).toContain('بغداد B-ORG\n، O\n');
  await openTeam(page);
  await addFiles(page, [
    file('amina.json', 'Amina', [[4, 7, 'PER'], [8, 13, 'LOC']], text),
    { name: conll.name, mimeType: 'text/plain', buffer: conll.buffer },
  ]);
  await expect(page.getByTestId('team-report')).toBeVisible();
  const notices = page.getByTestId('team-notice');
  await expect(notices.filter({ hasText: 'in common' })).toHaveCount(0);
  await expect(notices.filter({ hasText: 'No document is in every file' })).toHaveCount(0);
  const placed = notices.filter({ hasText: `${conll.name} spaces its words as CoNLL tokens` });
  await expect(placed).toHaveAttribute('data-level', 'info');
  await placed.locator('summary').click();
  await expect(placed.locator('li')).toHaveText([`“${conll.name}”: on the text of “d.txt” in amina.json`]);
  // PER agrees, بغداد is LOC against ORG: tp 1, fp 1, fn 1.
  const badr = (await members(page).nth(1).getAttribute('data-name')) ?? '';
  expect(badr).not.toBe('');
  await expectRow(pairRow(page, 'Amina', badr), { precision: '0.500', recall: '0.500', f1: '0.500' });
  // Adjudicated on the JSON's text, each span on its word.
  await page.getByTestId('team-adjudicate').click();
  await expect(docItems(page)).toHaveCount(2);
  await expect.poll(() => docText(page)).toBe(text);
});

// A Label Studio project exported with several annotations per task: each
// annotator (completed_by) is one member, as the README says of files that
// name several annotators. Before, they were merged into one member.
test('a Label Studio export with several annotations per task is that many annotators', async ({ page }) => {
  await gotoApp(page);
  const region = ([start, end, label]) => ({
    from_name: 'label', to_name: 'text', type: 'labels',
    value: { start, end, text: cut(TEXT, start, end), labels: [label] },
  });
  const by = (who, spans) => ({ completed_by: who, was_cancelled: false, result: spans.map(region) });
  const tasks = [{ id: 1, data: { text: TEXT }, annotations: [
    by({ id: 1, email: 'amina@news.example' }, AMINA),
    by({ id: 2, email: 'badr@news.example' }, BADR),
  ] }];
  await openTeam(page);
  await addFiles(page, [jsonFile('project-1.json', tasks)]);
  await expect(page.getByTestId('team-report')).toBeVisible();
  expect(await members(page).evaluateAll((els) => els.map((e) => e.dataset.name))).toEqual(['amina@news.example', 'badr@news.example']);
  // The same figures as Amina's and Badr's own files.
  await expectRow(pairRow(page, 'amina@news.example', 'badr@news.example'), {
    precision: '0.250', recall: '0.333', f1: '0.286', 'partial-f1': '0.714', kappa: '0.417',
  });
  await expect(page.getByTestId('team-notice').filter({ hasText: 'were merged' })).toHaveCount(0);
});

// On a phone (360×640) and at 200 % zoom of a laptop (640×360), the
// reading settings and the message log opened off the window's edge (the
// reading size out of reach), the shortcut sheet was wider than the
// window, and the Team panel scrolled sideways as a whole, its heading,
// summary and remove buttons out of view, its buttons covering a third of
// it. Each now fits the window; a wide table scrolls in its own strip.
for (const [lang, locale] of [['English', 'en-US'], ['Arabic', 'ar-IQ']]) {
  test.describe(`narrow windows, ${lang} interface`, () => {
    test.use({ locale });
    for (const viewport of [{ width: 360, height: 640 }, { width: 640, height: 360 }]) {
      test(`popovers, the shortcut sheet and the Team panel fit ${viewport.width}×${viewport.height}`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await gotoApp(page);
        /** Visible elements of `selector` that reach past the window's sides. */
        const outside = (selector) =>
          page.evaluate((selector) => {
            const root = document.querySelector(selector);
            return [root, ...root.querySelectorAll('*')]
              .filter((el) => el.closest('.table-scroll') === null || el.matches('.table-scroll'))
              .map((el) => [el, el.getBoundingClientRect()])
              .filter(([, r]) => r.width > 0 && (r.left < -0.5 || r.right > innerWidth + 0.5))
              .map(([el, r]) => `${el.tagName} ${el.className} "${el.textContent.trim().slice(0, 20)}" ${Math.round(r.left)}..${Math.round(r.right)}`);
          }, selector);
        await page.getByTestId('settings-toggle').click();
        await expect(page.getByTestId('settings')).toBeVisible();
        expect(await outside('[data-testid="settings"]')).toEqual([]);
        await page.keyboard.press('Escape');
        await expect(page.getByTestId('settings')).toHaveCount(0);
        await page.getByTestId('messages-toggle').click();
        await expect(page.getByTestId('message-log')).toBeVisible();
        expect(await outside('[data-testid="message-log"]')).toEqual([]);
        await page.keyboard.press('Escape');
        await page.getByTestId('help').click();
        await expect(page.getByTestId('shortcuts')).toBeVisible();
        expect(await outside('[data-testid="shortcuts"]')).toEqual([]);
        await page.keyboard.press('Escape');
        await expect(page.getByTestId('shortcuts')).toHaveCount(0);

        await openTeam(page);
        const long = 'Badr_with_a_rather_long_name_that_goes_on';
        await addFiles(page, [file('amina.json', 'Amina', AMINA), file('badr.json', long, BADR)]);
        await expect(page.getByTestId('team-report')).toBeVisible();
        const panel = page.getByTestId('team-panel');
        const sideways = await panel.evaluate((el) => el.scrollWidth - el.clientWidth);
        expect(sideways, 'the Team panel scrolls sideways').toBeLessThanOrEqual(1);
        expect(await outside('[data-testid="team-panel"]')).toEqual([]);
        // The wide pairs table scrolls in its own strip, which the keyboard reaches.
        const strip = page.getByTestId('team-pairs').locator('xpath=..');
        await expect(strip).toHaveAttribute('tabindex', '0');
        // At these sizes the buttons wrap to several rows: they stay at
        // the end of the dialog instead of covering it.
        expect(await page.locator('.team-actions').evaluate((el) => getComputedStyle(el).position)).toBe('static');
      });
    }
  });
}
