// A profile saved by the previous release opens in this one with nothing
// lost. The fixture tests/e2e/fixtures/v1-profile.json is a real IndexedDB
// (database `wasim` version 1: meta/snapshot, meta/history, texts) captured
// from release ddc2821 by tests/e2e/tools/capture-v1-profile.mjs: two seed
// articles and a CoNLL file, spans tagged with real drags, one article
// marked done, the last tag undone. This spec writes it back with raw
// IndexedDB calls before the app opens, then checks spans, labels, done
// flags, the open document, undo and redo, the CoNLL source (export is the
// file byte for byte), and that the old records are gone.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures.mjs';
import { waitForApp, openDoc, openDocName, shownSpans, docNames, messages, fixturesDir, downloadFrom, writeProfile } from './helpers.mjs';

const dump = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'v1-profile.json'), 'utf8'));
const meta = Object.fromEntries(dump.stores.meta);
const snapshot = meta.snapshot;
const [article, other, conll] = snapshot.documents;
const CONLL_PATH = path.resolve(fixturesDir, '../../../../shared/external/doccano-fixtures/backend/data_import/tests/data/sequence_labeling/example.conll');

/** The database as stored now: its version and each store's keys. */
const storedKeys = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('wasim');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const out = { version: db.version, keys: {} };
          for (const name of names) {
            const req = tx.objectStore(name).getAllKeys();
            req.onsuccess = () => (out.keys[name] = req.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
        };
      }),
  );

const spans = async (page) => (await shownSpans(page)).map((s) => [s.start, s.end, s.label]);
const expected = (doc) => doc.spans.map((s) => [s.start, s.end, s.label]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
const doneBox = (page, name) => page.locator(`[data-testid="doc-item"][data-doc-name="${name}"] [data-testid="doc-done"]`);

test('a profile saved by the previous release opens with nothing lost, undo and redo included', async ({ page }) => {
  expect(dump.version).toBe(1);
  await writeProfile(page, dump);
  await page.goto('./');
  await waitForApp(page);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  expect(await messages(page, 'error').count()).toBe(0);
  expect(await messages(page, 'warning').count()).toBe(0);

  // Documents, order, the open one, labels, done flags, spans.
  expect(await docNames(page)).toEqual(snapshot.documents.map((d) => d.name));
  expect(await openDocName(page)).toBe(other.name);
  for (const label of snapshot.labels) await expect(page.getByTestId(`label-${label.name}`)).toHaveCount(1);
  await expect(doneBox(page, article.name)).toBeChecked();
  await expect(doneBox(page, other.name)).not.toBeChecked();
  expect(await spans(page)).toEqual([]);
  await openDoc(page, article.name);
  expect(await spans(page)).toEqual(expected(article));
  await openDoc(page, conll.name);
  expect(await spans(page)).toEqual(expected(conll));

  // The CoNLL document kept its source: exported to CoNLL it is the file.
  await page.getByTestId('export-format').selectOption('conll');
  await page.getByTestId('export-scope').selectOption('open');
  const exported = await downloadFrom(page, page.getByTestId('export-run'));
  expect(exported.text).toBe(fs.readFileSync(CONLL_PATH, 'utf8'));

  // The old records are gone; the new stores hold the work.
  const stored = await storedKeys(page);
  expect(stored.version).toBe(2);
  expect(stored.keys.meta).not.toContain('snapshot');
  expect(stored.keys.meta).not.toContain('history');
  expect(stored.keys.docs.sort()).toEqual(snapshot.documents.map((d) => d.id).sort());
  expect(stored.keys.steps).toHaveLength(7);

  // Redo brings back the undone tag, in the other article.
  await page.getByTestId('redo').click();
  expect(await openDocName(page)).toBe(other.name);
  await expect.poll(() => spans(page)).toEqual([[5, 11, 'MISC']]);
  // Undo twice: the tag goes, then the done flag.
  await page.getByTestId('undo').click();
  await expect.poll(() => spans(page)).toEqual([]);
  await page.getByTestId('undo').click();
  await expect(doneBox(page, article.name)).not.toBeChecked();

  // All of it is saved: a reload shows the same, and redo still works.
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await waitForApp(page);
  await expect(doneBox(page, article.name)).not.toBeChecked();
  await openDoc(page, article.name);
  expect(await spans(page)).toEqual(expected(article));
  await page.getByTestId('redo').click();
  await expect(doneBox(page, article.name)).toBeChecked();
  await page.getByTestId('redo').click();
  await openDoc(page, other.name);
  await expect.poll(() => spans(page)).toEqual([[5, 11, 'MISC']]);
});
