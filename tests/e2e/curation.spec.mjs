// Adjudication (issue 10): a team workspace of two annotators over three
// seed articles, with disagreements of every kind (a label swap, a boundary
// off by one, a span only one annotator tagged, nested spans, and one the
// curator edits), walked and decided with the keyboard only; a decision
// undone and redone; what both agree on accepted in one step; the decisions
// kept across a reload; and the exported gold holding exactly the chosen
// spans, each with who agreed with it.
import { test, expect } from './fixtures.mjs';
import {
  gotoApp, readCorpus, uploadFiles, jsonFile, cpFind, cpSlice, docItem, markLocator,
  exportJson, checkSpanTexts, validateWasim, expectMessage, downloadFrom,
} from './helpers.mjs';

const corpus = readCorpus().slice(0, 3);
const [A, B, C] = corpus;
const LABELS = [
  { name: 'PER', color: '#ffc38a', key: '1' },
  { name: 'LOC', color: '#9be39b', key: '2' },
  { name: 'ORG', color: '#9fd0ff', key: '3' },
  { name: 'MISC', color: '#e3b8ff', key: '4' },
];
const TEAM = ['Amina', 'Badr'];

/** A span of `doc` over the `nth` occurrence of `needle`, cut or grown at the end by `endShift`. */
function span(doc, needle, label, annotators, { nth = 0, endShift = 0 } = {}) {
  const { start, end } = cpFind(doc.text, needle, { nth });
  const e = end + endShift;
  return { start, end: e, label, text: cpSlice(doc.text, start, e), annotators };
}

const spans = {
  [A.name]: [
    span(A, 'قوات التحالف الدولي', 'ORG', TEAM), // agreed
    span(A, 'داعش', 'ORG', ['Amina']), // label swap
    span(A, 'داعش', 'MISC', ['Badr']),
    span(A, 'أيلول', 'MISC', ['Amina']), // only one tagged it
    span(A, 'سوريا', 'LOC', ['Amina'], { endShift: -1 }), // boundary off by one
    span(A, 'سوريا', 'LOC', ['Badr']),
  ],
  [B.name]: [
    span(B, 'قاسم الأعرجي', 'PER', TEAM), // agreed
    span(B, 'قوات التحالف الدولي', 'ORG', ['Amina']), // nested
    span(B, 'التحالف الدولي', 'ORG', ['Badr']),
    span(B, 'إيران', 'PER', ['Amina']), // both wrong: the curator edits one
    span(B, 'إيران', 'ORG', ['Badr']),
  ],
  [C.name]: [
    span(C, 'قيادة العمليات المشتركة', 'ORG', TEAM), // agreed
    span(C, 'تحسين الخفاجى', 'PER', ['Amina']), // only one tagged it
  ],
};

const teamFile = () => ({
  format: 'wasim',
  version: 2,
  labels: LABELS,
  documents: corpus.map((d) => ({ name: d.name, text: d.text, done: false, spans: spans[d.name], team: TEAM })),
  open: 0,
});

const progress = (page) => page.getByTestId('curation-progress');
const candidates = (page) => page.getByTestId('curation-panel').getByTestId('curation-candidate');
const openName = (page) =>
  page.getByTestId('doc-list').locator('[data-testid="doc-item"][aria-current="true"]').getAttribute('data-doc-name');

/** The group on screen: its candidates' [start, end, label, annotators, selected]. */
async function group(page) {
  return candidates(page).evaluateAll((items) =>
    items.map((li) => [
      Number(li.dataset.spanStart), Number(li.dataset.spanEnd), li.dataset.label, li.dataset.annotators,
      li.getAttribute('aria-selected') === 'true',
    ]),
  );
}

/** Expect the group on screen to be `doc`'s candidates `expected` ([needle-span, annotators]). */
async function expectGroup(page, doc, expected) {
  await expect.poll(() => openName(page)).toBe(doc.name);
  await expect
    .poll(async () => (await group(page)).map(([s, e, l, a]) => [s, e, l, a]))
    .toEqual(expected.map((x) => [x.start, x.end, x.label, x.annotators.join(',')]));
  // The first candidate is selected, in the text too, and in view.
  const first = expected[0];
  await expect(candidates(page).first()).toHaveAttribute('aria-selected', 'true');
  const mark = markLocator(page, first).first();
  await expect(mark).toHaveClass(/selected/);
  await expect(mark).toBeInViewport();
}

test('every disagreement is adjudicated with the keyboard, undone, redone, kept and exported as gold', async ({ page }) => {
  await gotoApp(page);
  await uploadFiles(page, [jsonFile('team.json', teamFile())]);
  await expect(docItem(page, A.name)).toHaveAttribute('aria-current', 'true');
  // A team document opens the panel by itself.
  await expect(page.getByTestId('curation-panel')).toBeVisible();
  await expect(progress(page)).toHaveText('6 disagreements left in 3 documents.');
  await expect(docItem(page, A.name).getByTestId('doc-disputes')).toHaveText('≠3');

  // Team spans say who proposed them; pending ones have a dashed outline
  // and no box that would break Arabic joining.
  const [, amina, badr] = spans[A.name];
  const swapped = markLocator(page, badr);
  await expect(swapped).toHaveAttribute('data-annotators', 'Badr');
  await expect(swapped).toHaveAttribute('title', 'MISC — proposed by Badr — pending');
  await expect(swapped).toHaveClass(/pending/);
  const style = await swapped.evaluate((m) => {
    const s = getComputedStyle(m);
    return [s.outlineStyle, s.paddingLeft, s.marginLeft, s.borderLeftWidth];
  });
  expect(style).toEqual(['dashed', '0px', '0px', '0px']);
  await expect(markLocator(page, spans[A.name][0])).toHaveAttribute('data-annotators', 'Amina,Badr');

  // ] skips the agreed span: the label swap. Amina's version (Alt+1).
  await page.keyboard.press(']');
  await expectGroup(page, A, [badr, amina]);
  await expect(page.getByTestId('curation-group')).toHaveAttribute('data-status', 'open');
  await page.keyboard.press('Alt+1');
  // The span only Amina tagged: none (Alt+0).
  await expectGroup(page, A, [spans[A.name][3]]);
  await expect(progress(page)).toHaveText('5 disagreements left in 3 documents.');
  await page.keyboard.press('Alt+0');
  // The boundary: Badr's version (Alt+2).
  const [, , , , shortA, fullB] = spans[A.name];
  await expectGroup(page, A, [fullB, shortA]);
  await page.keyboard.press('Alt+2');

  // The nested spans, in the next document: both, chosen with Space.
  const [, outer, inner, perA, orgB] = spans[B.name];
  await expectGroup(page, B, [outer, inner]);
  await page.keyboard.press(' ');
  await page.keyboard.press('ArrowDown');
  await expect(candidates(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press(' ');
  await expect(candidates(page).and(page.locator('[data-chosen="true"]'))).toHaveCount(2);
  await page.keyboard.press('Enter');

  // Both wrong: relabel a candidate with the label key (2 = LOC), then accept it.
  await expectGroup(page, B, [orgB, perA]);
  await page.keyboard.press('2');
  const edited = { ...orgB, label: 'LOC' };
  await expect(markLocator(page, edited)).toHaveAttribute('data-annotators', '');
  await expect(markLocator(page, edited)).toHaveAttribute('title', 'LOC — added while adjudicating — pending');
  await page.keyboard.press('Enter');

  // The last one, in the third document: Amina's version.
  await expectGroup(page, C, [spans[C.name][1]]);
  await page.keyboard.press('Alt+1');
  await expect(progress(page)).toHaveText('No disagreements left in 3 team documents.');
  await expectMessage(page, 'info', 'Every disagreement is decided.');

  // Undo the last decision: its document and group come back, open; redo.
  await page.keyboard.press('Control+z');
  await expect(progress(page)).toHaveText('1 disagreement left in 1 document.');
  await expect.poll(() => openName(page)).toBe(C.name);
  await expect(markLocator(page, spans[C.name][1])).toHaveClass(/pending/);
  await page.keyboard.press('Control+Shift+z');
  await expect(progress(page)).toHaveText('No disagreements left in 3 team documents.');
  await expect(markLocator(page, spans[C.name][1])).toHaveClass(/accepted/);

  // What both agree on, everywhere, in one step: Alt+Enter, as the
  // panel's button says.
  await expect(page.getByTestId('curation-quorum')).toHaveValue('2');
  await expect(page.getByTestId('curation-accept-quorum')).toHaveAttribute('aria-keyshortcuts', 'Alt+Enter');
  await page.keyboard.press('Alt+Enter');
  await expectMessage(page, 'info', 'Accepted 3 groups in 3 documents');
  await expect(page.getByTestId('doc-text').locator('mark.pending')).toHaveCount(0);

  // Autosave keeps the decisions.
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await expect(progress(page)).toHaveText('No disagreements left in 3 team documents.');
  await expect(page.getByTestId('doc-text').locator('mark')).not.toHaveCount(0);
  await expect(page.getByTestId('doc-text').locator('mark.pending')).toHaveCount(0);
  await expect(page.getByTestId('doc-text').locator('mark.accepted')).toHaveCount(2);

  // The gold: exactly the chosen spans, with who agreed with each.
  const { json } = await exportJson(page);
  const { ok, errors } = await validateWasim(json);
  expect(ok, JSON.stringify(errors)).toBe(true);
  expect(checkSpanTexts(json)).toEqual([]);
  const gold = Object.fromEntries(
    json.documents.map((d) => [
      d.name,
      d.spans.map((s) => [s.text, s.start, s.end, s.label, s.annotators ?? [], s.accepted === true]),
    ]),
  );
  const g = (x, annotators = x.annotators, label = x.label) => [x.text, x.start, x.end, label, annotators, true];
  const sorted = (list) => list.sort((x, y) => x[1] - y[1] || y[2] - x[2] || x[3].localeCompare(y[3]));
  expect(gold).toEqual({
    [A.name]: sorted([g(spans[A.name][0]), g(amina), g(fullB)]),
    [B.name]: sorted([g(spans[B.name][0]), g(outer), g(inner), g(orgB, [], 'LOC')]),
    [C.name]: sorted([g(spans[C.name][0]), g(spans[C.name][1])]),
  });
  expect(json.documents.map((d) => d.team)).toEqual([TEAM, TEAM, TEAM]);
});

test('the panel follows the toolbar, keys stay out of fields, [ walks back around, buttons decide too', async ({ page }) => {
  await gotoApp(page);
  await uploadFiles(page, [jsonFile('team.json', teamFile())]);
  await expect(page.getByTestId('curation-panel')).toBeVisible();
  // Hidden and shown again from the toolbar.
  await page.getByTestId('curation-open').click();
  await expect(page.getByTestId('curation-panel')).toHaveCount(0);
  await page.getByTestId('curation-open').click();
  await expect(page.getByTestId('curation-panel')).toBeVisible();
  // A candidate chosen with the mouse, then Enter typed in the search field:
  // nothing is decided.
  await page.keyboard.press(']');
  await expect(candidates(page)).toHaveCount(2);
  await page.getByTestId('search-input').click();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+0');
  await expect(progress(page)).toHaveText('6 disagreements left in 3 documents.');
  // [ goes back around: to the third document's disagreement, then the
  // second's last one.
  await progress(page).click();
  await page.keyboard.press('[');
  await expect.poll(() => openName(page)).toBe(C.name);
  await page.keyboard.press('[');
  await expect.poll(() => openName(page)).toBe(B.name);
  const [, , , perA, orgB] = spans[B.name];
  await expect.poll(async () => (await group(page)).map(([s, , l]) => [s, l])).toEqual([[orgB.start, 'ORG'], [perA.start, 'PER']]);
  // A version button does what Alt+2 does.
  await page.getByTestId('curation-version').filter({ hasText: "Badr's version" }).click();
  await expect(progress(page)).toHaveText('5 disagreements left in 3 documents.');
  await expect(docItem(page, B.name).getByTestId('doc-disputes')).toHaveText('≠1');
  // And on to the next disagreement, in the third document.
  await expect.poll(() => openName(page)).toBe(C.name);
  await expect(candidates(page)).toHaveCount(1);
});

test('deleting a candidate keeps the rest of its group listed, one selected, and Enter accepts it', async ({ page }) => {
  await gotoApp(page);
  // Three crossing candidates over one place, and an agreed span.
  const three = [
    span(B, 'قوات التحالف الدولي', 'ORG', ['Amina']),
    span(B, 'التحالف الدولي', 'ORG', ['Badr']),
    span(B, 'التحالف', 'MISC', ['Badr']),
  ];
  const file = {
    format: 'wasim', version: 2, labels: LABELS, open: 0,
    documents: [{ name: B.name, text: B.text, done: false, team: TEAM, spans: [spans[B.name][0], ...three] }],
  };
  await uploadFiles(page, [jsonFile('team.json', file)]);
  await expect(progress(page)).toHaveText('1 disagreement left in 1 document.');
  await page.keyboard.press(']');
  await expectGroup(page, B, three);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(candidates(page).nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Delete');
  // The other two stay listed, the one before the deleted one selected.
  await expect.poll(async () => (await group(page)).map(([s, e, l, , sel]) => [s, e, l, sel])).toEqual([
    [three[0].start, three[0].end, 'ORG', false],
    [three[1].start, three[1].end, 'ORG', true],
  ]);
  await expect(progress(page)).toHaveText('1 disagreement left in 1 document.');
  await page.keyboard.press('Enter');
  await expect(progress(page)).toHaveText('No disagreements left in 1 team document.');
  await expect(markLocator(page, three[1])).toHaveClass(/accepted/);
  await expect(markLocator(page, three[0])).toHaveCount(0);
});

test('an export while disagreements are open says how many and where', async ({ page }) => {
  await gotoApp(page);
  await uploadFiles(page, [jsonFile('team.json', teamFile())]);
  await expect(progress(page)).toHaveText('6 disagreements left in 3 documents.');
  await exportJson(page);
  await expectMessage(page, 'warning', '6 disagreements are still open (in 3 documents): their candidates are written as they are, undecided.');
  // The export menu, for the open document only: its own count.
  await page.getByTestId('export-format').selectOption('brat');
  await page.getByTestId('export-scope').selectOption('open');
  await downloadFrom(page, page.getByTestId('export-run'));
  // With brat's own warning (who proposed what goes in the notes): two, folded.
  const both = await expectMessage(page, 'warning', 'Export to brat standoff (.zip): 2 warnings');
  await expect(both.getByTestId('message-details')).toContainText('3 disagreements are still open (in 1 document)');
});
