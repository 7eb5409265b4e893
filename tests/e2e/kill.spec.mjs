// Nothing acknowledged is lost, even on a kill. This spec runs its own
// Chromium (CHROMIUM_PATH and CHROMIUM_ARGS of playwright.config.mjs) on a
// persistent profile, connects to it over CDP, loads two seed articles and
// makes storms of edits with real key presses and drags (tags by mouse and
// by keyboard, undo, redo, a relabel, a delete). Just before the end of a
// storm it reads how many edits storage has acknowledged (`data-acked` of
// the save status), then SIGKILLs the browser's whole process group 150 ms
// after the last key press (once right after it), relaunches it on the same
// profile and checks that the workspace opens without an error and holds
// the state after at least every acknowledged edit (the state after edit
// k, for some k not below the acknowledged count). Four storms, each
// continuing the work the last one left, so restore, replay and compaction
// are killed in the middle too. Deterministic: the same edits every run;
// only how many land before the kill varies, and every outcome is checked.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { test, expect, guardContext } from './fixtures.mjs';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from '../../playwright.config.mjs';
import { readCorpus, waitForApp, openDoc, shownSpans, dragSelect, clickSpan, messages } from './helpers.mjs';

const [A, B] = readCorpus();
const KILL_DELAYS_MS = [150, 0, 150, 150];

test.setTimeout(240_000);

/** Whole Arabic words of `text` (at least 4 letters), with code-point offsets. */
function words(text) {
  const out = [];
  const re = /(?<![\p{L}\p{M}])\p{Script=Arabic}{4,}(?![\p{L}\p{M}])/gu;
  for (const m of text.matchAll(re)) {
    const start = Array.from(text.slice(0, m.index)).length;
    out.push({ word: m[0], start, end: start + Array.from(m[0]).length });
  }
  return out;
}

/** Launches Chromium on `profile` with a DevTools port it picks itself. */
async function launch(profile) {
  const portFile = path.join(profile, 'DevToolsActivePort');
  fs.rmSync(portFile, { force: true });
  const child = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_ARGS, '--headless', '--window-size=1280,900', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { detached: true, stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let port;
  for (let i = 0; i < 200 && !port; i++) {
    await new Promise((r) => setTimeout(r, 50));
    if (fs.existsSync(portFile)) port = Number(fs.readFileSync(portFile, 'utf8').split('\n')[0]) || undefined;
  }
  if (!port) throw new Error('Chromium did not open its DevTools port');
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  return { child, exited, browser };
}

/** SIGKILL to the browser's whole process group; resolves once it is gone. */
async function kill({ child, exited, browser }) {
  process.kill(-child.pid, 'SIGKILL');
  await exited;
  await browser.close().catch(() => {});
}

const state = (page) => shownSpans(page).then((spans) => spans.map((s) => [s.start, s.end, s.label]));
const acked = (page) => page.getByTestId('save-status').getAttribute('data-acked').then(Number);

/** The spans of the open document once they differ from `before`. */
async function changed(page, before) {
  let now;
  await expect.poll(async () => JSON.stringify((now = await state(page)))).not.toBe(JSON.stringify(before));
  return now;
}

/** The last tag's label after each key of the rapid tail of a storm. */
const TAIL = [
  ['1', 'PER'],
  ['2', 'LOC'],
  ['4', 'MISC'],
  ['3', 'ORG'],
  ['1', 'PER'],
  ['Control+z', 'ORG'],
  ['Control+z', 'MISC'],
  ['Control+Shift+z', 'ORG'],
  ['2', 'LOC'],
];

/**
 * One storm of twenty-one edits in the open document A around words `w`
 * (spaced so that keyboard moves land on untagged words): twelve checked
 * one by one on screen, then a tail of nine key presses as fast as they go
 * (relabels of the selected span, undo, redo), whose states are known
 * without looking. Pushes the spans after each edit onto `states`; returns
 * the time of the last key press.
 */
async function storm(page, w, states) {
  let last = states[states.length - 1];
  let lastKey = 0;
  const edit = async (keys) => {
    for (const key of keys) await page.keyboard.press(key);
    lastKey = Date.now();
    last = await changed(page, last);
    states.push(last);
  };
  const drag = (x) => dragSelect(page, x.start, x.end, x.word);
  await drag(w[0]);
  await edit(['1']); // a tag, by mouse
  await edit(['ArrowLeft', '2']); // the next word, by keyboard
  await drag(w[1]);
  await edit(['3']);
  const org = last.find(([s, e]) => s === w[1].start && e === w[1].end);
  await edit(['ArrowLeft', 'ArrowLeft', '4']);
  await edit(['Control+z']);
  await edit(['Control+Shift+z']);
  await drag(w[0]);
  await edit(['2']); // relabel PER → LOC
  await clickSpan(page, { start: org[0], end: org[1], label: org[2] });
  await edit(['Delete']);
  await drag(w[2]);
  await edit(['1']);
  await edit(['ArrowLeft', '1']);
  await edit(['Control+z']);
  await drag(w[3]);
  await edit(['3']);
  const tagged = last.findIndex(([s, e]) => s === w[3].start && e === w[3].end);
  for (const [key, label] of TAIL) {
    await page.keyboard.press(key);
    lastKey = Date.now();
    states.push(last.map((span, i) => (i === tagged ? [span[0], span[1], label] : span)));
  }
  return lastKey;
}

/** Opens the app on a freshly launched browser and checks it opened clean. */
async function openApp(run, problems, origin, baseURL) {
  const context = run.browser.contexts()[0];
  guardContext(context, problems, origin);
  const page = context.pages()[0] || (await context.newPage());
  await page.goto(baseURL);
  await waitForApp(page);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  expect(await messages(page, 'error').count(), 'no error on opening').toBe(0);
  expect(await messages(page, 'warning').count(), 'no warning on opening').toBe(0);
  return page;
}

test('every acknowledged edit survives a SIGKILL of the browser, four times over', async ({ problems, appOrigin, baseURL }) => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wasim-kill-'));
  const w = words(A.text).filter((x, i, all) => i > 10 && i % 6 === 0 && all.findIndex((y) => y.word === x.word) === i);
  expect(w.length).toBeGreaterThanOrEqual(4 * KILL_DELAYS_MS.length);
  let run = await launch(profile);
  try {
    let page = await openApp(run, problems, appOrigin, baseURL);
    await page.getByTestId('file-input').setInputFiles([A.path, B.path]);
    await expect(page.getByTestId('doc-item')).toHaveCount(2);
    await expect.poll(() => acked(page)).toBe(1);
    // states[k]: document A's spans after the k-th edit of this page
    // (loading both articles is edit 1; before it A does not exist).
    let states = [null, []];
    for (const [n, delay] of KILL_DELAYS_MS.entries()) {
      await openDoc(page, A.name);
      expect(await state(page)).toEqual(states[states.length - 1]);
      const lastKey = await storm(page, w.slice(4 * n, 4 * n + 4), states);
      const ack = await acked(page);
      if (delay > 0) {
        // What the screen shows is what the tail was expected to do.
        expect(await state(page)).toEqual(states[states.length - 1]);
      }
      const wait = lastKey + delay - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await kill(run);

      run = await launch(profile);
      page = await openApp(run, problems, appOrigin, baseURL);
      await expect(page.getByTestId('doc-item')).toHaveCount(2);
      await openDoc(page, A.name);
      const restored = await state(page);
      const k = states.findLastIndex((s) => JSON.stringify(s) === JSON.stringify(restored));
      expect(k, `storm ${n + 1} (kill ${delay} ms after the last key): restored ${JSON.stringify(restored)}, ${ack} of ${states.length - 1} edits acknowledged`).toBeGreaterThanOrEqual(ack);
      test.info().annotations.push({
        type: `storm ${n + 1}, kill at ${delay} ms`,
        description: `${ack} of ${states.length - 1} edits acknowledged before the kill; restored the state after edit ${k}`,
      });
      // The next storm starts from what was restored, in a new page.
      states = [restored];
    }
  } finally {
    await kill(run).catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
