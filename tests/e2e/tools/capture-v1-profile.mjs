// Captures a real profile saved by the release before storage v2 (IndexedDB
// `wasim` version 1: meta/snapshot, meta/history, texts) as the fixture
// tests/e2e/fixtures/v1-profile.json, which migration.spec.mjs writes back
// into IndexedDB before the current app opens.
//
// Not part of any test run. To re-capture (the fixture is checked in):
//   git worktree add /tmp/wasim-v1 ddc2821 && (cd /tmp/wasim-v1 && trunk build --release)
//   node tests/e2e/tools/capture-v1-profile.mjs /tmp/wasim-v1/dist [port]
// It serves that dist/ at /wasim/, loads two seed articles, tags spans with
// real drags and label keys, marks one done, undoes once, and dumps every
// (plus doccano's example.conll, whose documents carry a source)
// store of the database with its keys.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from '../../../playwright.config.mjs';
import { readCorpus, cpFind, dragSelect, fixturesDir, repoRoot } from '../helpers.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
const port = Number(process.argv[3] || 4182);
const base = `http://127.0.0.1:${port}/wasim/`;

const server = spawn('node', [path.join(repoRoot, 'tests/e2e/serve.mjs'), '--dir', dist, '--base', '/wasim/', '--port', String(port)], {
  stdio: 'inherit',
});
const wait = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {}
    await wait(100);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => console.error('pageerror', e));
  await page.goto(base);
  await page.getByTestId('doc-list').waitFor();
  const [a, b] = readCorpus();
  // A CoNLL file too: its documents keep a source (the file's layout).
  const conll = path.resolve(repoRoot, '../shared/external/doccano-fixtures/backend/data_import/tests/data/sequence_labeling/example.conll');
  await page.getByTestId('file-input').setInputFiles([a.path, b.path, conll]);
  const item = (name) => page.locator(`[data-testid="doc-item"][data-doc-name="${name}"]`);
  await item(a.name).waitFor();
  await item(b.name).waitFor();
  const tag = async (doc, needle, key, nth = 0) => {
    const { start, end } = cpFind(doc.text, needle, { nth });
    await dragSelect(page, start, end, needle);
    await page.keyboard.press(key);
    await page.locator(`[data-testid="doc-text"] mark[data-span-start="${start}"][data-span-end="${end}"]`).first().waitFor();
  };
  await item(a.name).click();
  await tag(a, 'التحالف الدولي', '3');
  await tag(a, 'العراق', '2');
  await tag(a, 'سوريا', '2');
  await tag(a, 'داعش', '3');
  await item(a.name).getByTestId('doc-done').check();
  await item(b.name).click();
  const wordB = (b.text.match(/[\u0621-\u064A]{5,}/) || [])[0];
  await tag(b, wordB, '4');
  // Undo the last tag: the redo stack holds one step.
  await page.keyboard.press('Control+z');
  await wait(1500);
  const dump = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('wasim');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const out = { database: 'wasim', version: db.version, stores: {} };
          for (const name of names) {
            const store = tx.objectStore(name);
            const keys = store.getAllKeys();
            const values = store.getAll();
            values.onsuccess = () => {
              out.stores[name] = keys.result.map((k, i) => [k, values.result[i]]);
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  dump.captured = { from: 'ddc2821', documents: [a.name, b.name, 'example.conll'], redo: 1 };
  const file = path.join(fixturesDir, 'v1-profile.json');
  fs.writeFileSync(file, JSON.stringify(dump, null, 1) + '\n');
  console.log(`wrote ${file}: version ${dump.version}, stores ${Object.keys(dump.stores).join(', ')}`);
  await browser.close();
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => server.kill());
