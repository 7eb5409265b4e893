// Two tabs, one workspace, no lost update: one tab (the writer) edits and
// saves; another tab of the same profile says the workspace is open
// elsewhere, refuses edits with a visible message, shows the writer's saved
// work as it comes, and can take over ("Use it here") without losing what the
// other tab saved. Both pages share ONE browser context (same profile).
import fs from 'node:fs';
import { test, expect } from './fixtures.mjs';
import {
  gotoApp, uploadFiles, txtFile, openDoc, dragSelect, cpFind, shownSpans, expectMessage, exportJson, docNames, docItem,
  fillDisk,
} from './helpers.mjs';

const TEXT = 'التقت سلمى الراشد بوفد من منظمة الصحة العالمية في عمّان.\n';
const NAME = 'tabs.txt';
const PER = cpFind(TEXT, 'سلمى الراشد');
const ORG = cpFind(TEXT, 'منظمة الصحة العالمية');
const LOC = cpFind(TEXT, 'عمّان');

const spans = async (page) => (await shownSpans(page)).map((s) => [s.start, s.end, s.label]);
const tag = async (page, { start, end }, key) => {
  await dragSelect(page, start, end);
  await page.keyboard.press(key);
};
const readOnly = (page) => page.getByTestId('read-only');

/** Tab A (the writer) with NAME (`text`) loaded and open, then tab B,
 * read-only. */
async function writerAndReader(page, context, text = TEXT) {
  const a = page;
  await gotoApp(a);
  await uploadFiles(a, [txtFile(NAME, text)]);
  await openDoc(a, NAME);
  const b = await context.newPage();
  await gotoApp(b);
  await expect(readOnly(b)).toBeVisible();
  return { a, b };
}

test('a second tab is read-only until it takes over, and no tab erases the other\'s work', async ({ page, context }) => {
  const a = page;
  await gotoApp(a);
  // The first tab is the writer at once.
  await expect(readOnly(a)).toHaveCount(0);
  await uploadFiles(a, [txtFile(NAME, TEXT)]);
  await openDoc(a, NAME);
  await tag(a, PER, '1');
  await expect.poll(() => spans(a)).toEqual([[PER.start, PER.end, 'PER']]);

  const b = await context.newPage();
  await gotoApp(b);
  await expect(readOnly(b)).toBeVisible();
  await expect(readOnly(b)).toContainText('open in another tab');
  await expect(readOnly(b).getByTestId('take-over')).toHaveText('Use it here');
  await openDoc(b, NAME);
  await expect.poll(() => spans(b)).toEqual([[PER.start, PER.end, 'PER']]);
  // An edit in the read-only tab is refused, visibly.
  await tag(b, ORG, '3');
  await expectMessage(b, 'warning', 'this tab is read-only');
  expect(await spans(b)).toEqual([[PER.start, PER.end, 'PER']]);
  // Files loaded in it are not added, and the message says how many and
  // where to load them (an import a take-over cut short said nothing).
  await uploadFiles(b, [txtFile('late-1.txt', 'نص أول'), txtFile('late-2.txt', 'نص ثان')]);
  await expectMessage(b, 'error', '2 documents were not loaded: this tab is read-only');
  await expect(b.locator('[data-testid="doc-item"][data-doc-name="late-1.txt"]')).toHaveCount(0);
  // Export still works in the read-only tab.
  const { json } = await exportJson(b);
  expect(json.documents.find((d) => d.name === NAME).spans).toHaveLength(1);

  // B takes over: it keeps A's span and tags another; A turns read-only.
  await b.getByTestId('take-over').click();
  await expect(readOnly(b)).toHaveCount(0);
  await expect(readOnly(a)).toBeVisible();
  await expectMessage(a, 'warning', 'open in another tab');
  expect(await spans(b)).toEqual([[PER.start, PER.end, 'PER']]);
  await tag(b, ORG, '3');
  const two = [
    [PER.start, PER.end, 'PER'],
    [ORG.start, ORG.end, 'ORG'],
  ];
  await expect.poll(() => spans(b)).toEqual(two);
  // A shows B's work, and refuses its own edits now.
  await expect.poll(() => spans(a)).toEqual(two);
  await tag(a, LOC, '2');
  await expectMessage(a, 'warning', 'this tab is read-only');
  expect(await spans(a)).toEqual(two);
  // Undo cannot be pressed in the read-only tab (it has an edit to undo).
  await expect(a.getByTestId('undo')).toBeDisabled();

  // A takes over again: it sees B's span and tags a third.
  await a.getByTestId('take-over').click();
  await expect(readOnly(a)).toHaveCount(0);
  await expect(readOnly(b)).toBeVisible();
  expect(await spans(a)).toEqual(two);
  await expect(a.getByTestId('undo')).toBeEnabled();
  await expect(b.getByTestId('undo')).toBeDisabled();
  await tag(a, LOC, '2');
  const three = [...two, [LOC.start, LOC.end, 'LOC']];
  await expect.poll(() => spans(a)).toEqual(three);
  await expect.poll(() => spans(b)).toEqual(three);

  // Nothing was lost: a reloaded page shows all three.
  await b.reload();
  await openDoc(b, NAME);
  await expect.poll(() => spans(b)).toEqual(three);
  await a.reload();
  await openDoc(a, NAME);
  await expect.poll(() => spans(a)).toEqual(three);
});

/** The read-only tab `b`, once the writer (which saved PER) is gone,
 * becomes the writer by itself: it shows PER, tags ORG, and keeps both. */
async function takesOverAndSaves(b) {
  await expect(readOnly(b)).toHaveCount(0, { timeout: 15_000 });
  await openDoc(b, NAME);
  await expect.poll(() => spans(b)).toEqual([[PER.start, PER.end, 'PER']]);
  await tag(b, ORG, '3');
  await expect(b.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await b.reload();
  await openDoc(b, NAME);
  await expect.poll(() => spans(b)).toEqual([
    [PER.start, PER.end, 'PER'],
    [ORG.start, ORG.end, 'ORG'],
  ]);
}

// With the writing tab closed, the read-only one said "open in another
// tab" and refused every edit until its user found "Use it here". It now
// becomes the writer on its own, a few seconds after the writer left, with
// the work the writer saved; and a writer that reloads stays the writer.
test('when the writing tab closes, the read-only tab becomes the writer by itself', async ({ page, context }) => {
  const { a, b } = await writerAndReader(page, context);
  await tag(a, PER, '1');
  await expect(a.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  // A reload of the writer keeps it the writer.
  await a.reload();
  await expect(a.getByTestId('doc-list')).toBeVisible();
  await b.waitForTimeout(4000);
  await expect(readOnly(a)).toHaveCount(0);
  await expect(readOnly(b)).toBeVisible();
  await a.close();
  await takesOverAndSaves(b);
});

// A writer whose page crashes says nothing to the others; its lock is
// simply gone. The read-only tab waited for a "left" that never came and
// stayed read-only. It now checks the lock every few seconds.
test('when the writing tab crashes, the read-only tab becomes the writer by itself', async ({ page, context }) => {
  const { a, b } = await writerAndReader(page, context);
  await tag(a, PER, '1');
  await expect(a.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await openDoc(b, NAME);
  await expect.poll(() => spans(b)).toEqual([[PER.start, PER.end, 'PER']]);
  // A crash, as the other tabs meet it: the page goes, and with it its
  // lock, without a word on the channel. (CDP's Page.crash took the other
  // tab's renderer down too.)
  await a.evaluate(() => {
    const post = BroadcastChannel.prototype.postMessage;
    BroadcastChannel.prototype.postMessage = function (message) {
      if (message !== 'left') post.call(this, message);
    };
  });
  await a.close();
  await takesOverAndSaves(b);
});

test('a read-only tab shows the writer\'s new span within seconds, without a reload', async ({ page, context }) => {
  const { a, b } = await writerAndReader(page, context);
  await openDoc(b, NAME);
  expect(await spans(b)).toEqual([]);
  // B has counted its documents' words once; the same documents read
  // again after each of A's saves are not counted again (at 10,000
  // articles that was seconds of work per save).
  await expect(b.locator('html')).toHaveAttribute('data-words', 'counted');
  await b.evaluate(() => {
    window.__words = [];
    new MutationObserver(() => window.__words.push(document.documentElement.dataset.words)).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-words'],
    });
  });
  await tag(a, PER, '1');
  await expect.poll(() => spans(b), { timeout: 2_000 }).toEqual([[PER.start, PER.end, 'PER']]);
  await tag(a, LOC, '2');
  await expect
    .poll(() => spans(b), { timeout: 2_000 })
    .toEqual([
      [PER.start, PER.end, 'PER'],
      [LOC.start, LOC.end, 'LOC'],
    ]);
  expect(await b.evaluate(() => window.__words), 'data-words in B while A saved').not.toContain('counting');
});

test('a read-only tab shows documents the writer loads, removes and brings back, with their texts', async ({ page, context }) => {
  const { a, b } = await writerAndReader(page, context);
  await expect.poll(() => docNames(b)).toEqual([NAME]);
  // Texts B did not read yet come with the next reading; the one it holds
  // stays.
  const second = 'وصل الوفد إلى بيروت صباح الأحد.\n';
  const third = 'أعلنت الوزارة نتائج الامتحانات في القاهرة.\n';
  await uploadFiles(a, [txtFile('second.txt', second), txtFile('third.txt', third)]);
  await expect.poll(() => docNames(b)).toEqual([NAME, 'second.txt', 'third.txt']);
  await openDoc(b, 'third.txt');
  await expect(b.getByTestId('doc-text')).toHaveText(third.trimEnd());
  await openDoc(b, NAME);
  await expect(b.getByTestId('doc-text')).toHaveText(TEXT.trimEnd());
  // A removal, and its undo, reach B too.
  await docItem(a, 'second.txt').getByTestId('doc-remove').click();
  await expect.poll(() => docNames(b)).toEqual([NAME, 'third.txt']);
  await a.getByTestId('doc-text').focus();
  await a.keyboard.press('Control+z');
  await expect.poll(() => docNames(b)).toEqual([NAME, 'second.txt', 'third.txt']);
  await openDoc(b, 'second.txt');
  await expect(b.getByTestId('doc-text')).toHaveText(second.trimEnd());
});

test('a hidden read-only tab reads nothing while hidden, and shows the writer\'s work when shown', async ({ page, context }) => {
  const { a, b } = await writerAndReader(page, context);
  await openDoc(b, NAME);
  // The page's visibility as a background tab's: hidden, then shown.
  const setHidden = (hidden) =>
    b.evaluate((hidden) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
  const reads = () => b.evaluate(() => performance.getEntriesByName('wasim:storage-open').length);
  await setHidden(true);
  const before = await reads();
  await tag(a, PER, '1');
  await expect(a.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await tag(a, LOC, '2');
  await expect(a.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  // Two saves announced; a visible reader shows them within a second or two
  // (the test above). This one stays as it was.
  await b.waitForTimeout(2_500);
  expect(await spans(b)).toEqual([]);
  expect(await reads()).toBe(before);
  await setHidden(false);
  await expect
    .poll(() => spans(b), { timeout: 5_000 })
    .toEqual([
      [PER.start, PER.end, 'PER'],
      [LOC.start, LOC.end, 'LOC'],
    ]);
});

test('a save that starts after another tab took over writes nothing (writer epoch fencing)', async ({ page }) => {
  await gotoApp(page);
  await uploadFiles(page, [txtFile(NAME, TEXT)]);
  await openDoc(page, NAME);
  await tag(page, PER, '1');
  await expect.poll(() => spans(page)).toEqual([[PER.start, PER.end, 'PER']]);
  // Another tab takes over, as far as storage can tell, but this tab has not
  // heard of it yet: the stored writer epoch moves on.
  const epoch = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('wasim');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          const meta = tx.objectStore('meta');
          const get = meta.get('writer');
          get.onsuccess = () => {
            const next = (get.result || 0) + 1;
            meta.put(next, 'writer');
            tx.oncomplete = () => {
              open.result.close();
              resolve(next);
            };
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  expect(epoch).toBeGreaterThan(1);
  // This tab's next save is refused by storage; the tab turns read-only and
  // says the change was not saved.
  await tag(page, ORG, '3');
  await expectMessage(page, 'warning', 'was not saved');
  await expect(readOnly(page)).toBeVisible();
  await page.reload();
  await openDoc(page, NAME);
  await expect(readOnly(page)).toHaveCount(0);
  await expect.poll(() => spans(page)).toEqual([[PER.start, PER.end, 'PER']]);
});

test('two tabs editing in turn, taking over each time, lose nothing; undo reaches the other tab\'s edits', async ({ page, context }) => {
  const long = `${TEXT}وزار الوفد بغداد ثم القاهرة ثم بيروت قبل أن يعود إلى عمّان مع سلمى.\n`;
  const words = ['التقت', 'سلمى', 'بوفد', 'منظمة', 'الصحة', 'العالمية', 'وزار', 'الوفد', 'بغداد', 'القاهرة', 'بيروت', 'يعود'];
  const { a, b } = await writerAndReader(page, context, long);
  await openDoc(b, NAME);
  const expected = [];
  const tabs = [a, b];
  for (const [i, word] of words.entries()) {
    const tab = tabs[Math.floor(i / 2) % 2];
    const other = tabs[(Math.floor(i / 2) + 1) % 2];
    if (i % 2 === 0 && i > 0) {
      // This tab's turn: it takes over, and the other turns read-only.
      await tab.getByTestId('take-over').click();
      await expect(readOnly(tab)).toHaveCount(0);
      await expect(readOnly(other)).toBeVisible();
      await expect.poll(() => spans(tab)).toEqual(expected);
    }
    const at = cpFind(long, word);
    await tag(tab, at, String(1 + (i % 4)));
    expected.push([at.start, at.end, ['PER', 'LOC', 'ORG', 'MISC'][i % 4]]);
    expected.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    await expect.poll(() => spans(tab)).toEqual(expected);
  }
  // The read-only tab shows it all; the writer's undo reaches back into the
  // other tab's edits (the history is stored step by step), and redo too.
  const [writer, reader] = [tabs[Math.floor((words.length - 1) / 2) % 2], tabs[(Math.floor((words.length - 1) / 2) + 1) % 2]];
  await expect.poll(() => spans(reader)).toEqual(expected);
  for (let i = 0; i < 3; i++) await writer.keyboard.press('Control+z');
  await expect.poll(() => spans(writer)).toHaveLength(words.length - 3);
  for (let i = 0; i < 3; i++) await writer.keyboard.press('Control+Shift+z');
  await expect.poll(() => spans(writer)).toEqual(expected);
  await expect(writer.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  // Every edit of both tabs is in storage: a reloaded tab shows them all.
  await reader.reload();
  await openDoc(reader, NAME);
  await expect.poll(() => spans(reader)).toEqual(expected);
  const fresh = await context.newPage();
  await writer.close();
  await fresh.goto('./');
  await openDoc(fresh, NAME);
  await expect.poll(() => spans(fresh)).toEqual(expected);
});

// Taking over writes once (the claim). On a full disk that write fails,
// and the other tab has already lost the lock: no tab could save, and this
// one said "could not be opened". It holds the lock, so it says why it
// cannot save, tries again, and Try now claims the workspace once there
// is space.
test('taking over on a full disk says why, and the tab claims the workspace once space is free', async ({ page, context }) => {
  const { a, b } = await writerAndReader(page, context);
  await tag(a, PER, '1');
  await openDoc(b, NAME);
  await expect.poll(() => spans(b)).toEqual([[PER.start, PER.end, 'PER']]);
  await b.evaluate(fillDisk);
  await b.getByTestId('take-over').click();
  await expect(readOnly(b)).toContainText('does not let Wasim save');
  await expect(readOnly(b).getByTestId('take-over')).toHaveCount(0);
  await expect(readOnly(a)).toBeVisible();
  expect(await spans(b)).toEqual([[PER.start, PER.end, 'PER']]);
  await b.evaluate(() => window.__freeSpace());
  await readOnly(b).getByTestId('claim-now').click();
  await expect(readOnly(b)).toHaveCount(0);
  await tag(b, ORG, '3');
  const two = [
    [PER.start, PER.end, 'PER'],
    [ORG.start, ORG.end, 'ORG'],
  ];
  await expect.poll(() => spans(b)).toEqual(two);
  await expect.poll(() => spans(a)).toEqual(two);
});

// A writer whose disk is full keeps its unsaved changes in the tab and says
// so. Another tab taking over replaced them with the saved work, silently,
// while the warning still said they were kept. They are downloaded first.
test('a take-over downloads the changes a tab could not save, and says so', async ({ page, context }) => {
  const { a, b } = await writerAndReader(page, context);
  await tag(a, PER, '1');
  await expect(a.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await a.evaluate(fillDisk);
  await tag(a, ORG, '3');
  await expect(a.getByTestId('save-status')).toHaveAttribute('data-state', 'failed');
  await expect(a.getByTestId('storage-warning')).toContainText('kept in this tab');
  const [download] = await Promise.all([a.waitForEvent('download'), b.getByTestId('take-over').click()]);
  const saved = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(download.suggestedFilename()).toMatch(/^corpus_\d{4}-\d{2}-\d{2}\.json$/);
  const doc = saved.documents.find((d) => d.name === NAME);
  expect(doc.spans.map((s) => [s.start, s.end, s.label])).toEqual([
    [PER.start, PER.end, 'PER'],
    [ORG.start, ORG.end, 'ORG'],
  ]);
  await expectMessage(a, 'warning', `could not save its latest changes: they were downloaded as ${download.suggestedFilename()}`);
  await expect(a.getByTestId('storage-warning')).toHaveCount(0);
  await expect(readOnly(a)).toBeVisible();
  await expect.poll(() => spans(a)).toEqual([[PER.start, PER.end, 'PER']]);
});
