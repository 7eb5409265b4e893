// Page helpers for Wasim's e2e specs, written against the UI contract
// (data-testid attributes) described in README.md.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const corpusDir = path.resolve(repoRoot, '../shared/corpus');
export const fixturesDir = path.resolve(repoRoot, 'tests/e2e/fixtures');
export const schemaPath = path.resolve(repoRoot, 'src/core/formats/wasim.schema.json');

export const DEMO_NAME = 'مثال — Wasim demo';
export const LABELS = ['PER', 'LOC', 'ORG', 'MISC'];

export const stripBom = (s) => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);

/** The corpus articles: [{ name, path, text }] sorted by name, BOM stripped. */
export function readCorpus() {
  if (!fs.existsSync(corpusDir)) throw new Error(`corpus not found at ${corpusDir}`);
  return fs
    .readdirSync(corpusDir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((name) => {
      const p = path.join(corpusDir, name);
      return { name, path: p, text: stripBom(fs.readFileSync(p, 'utf8')) };
    });
}

export function readFixture(name) {
  return stripBom(fs.readFileSync(path.join(fixturesDir, name), 'utf8'));
}

/** Code-point slice, as Python's str[start:end]. */
export const cpSlice = (text, start, end) => Array.from(text).slice(start, end).join('');
export const cpLength = (text) => Array.from(text).length;

/** Code-point offsets [start, end) of the n-th (0-based) occurrence of `needle` in `text`. */
export function cpFind(text, needle, { nth = 0, from = 0 } = {}) {
  let idx = from - 1;
  for (let i = 0; i <= nth; i++) {
    idx = text.indexOf(needle, idx + 1);
    if (idx < 0) throw new Error(`${JSON.stringify(needle)} (occurrence ${nth}) not found in the text`);
  }
  const start = cpLength(text.slice(0, idx));
  return { start, end: start + cpLength(needle) };
}

// ------------------------------------------------------------------ app

/** Open the app at the base URL and wait until it is interactive. */
export async function gotoApp(page) {
  await page.goto('./');
  await waitForApp(page);
}

export async function waitForApp(page) {
  await expect(page.getByTestId('doc-list')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('file-input')).toHaveCount(1);
}

export const docItems = (page) => page.getByTestId('doc-list').getByTestId('doc-item');
export const docItem = (page, name) =>
  page.getByTestId('doc-list').locator(`[data-testid="doc-item"][data-doc-name="${cssEscape(name)}"]`);

function cssEscape(s) {
  return s.replace(/["\\]/g, '\\$&');
}

/** Names of the documents in doc-list, in order. */
export async function docNames(page) {
  return docItems(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-doc-name')));
}

/** [{ name, spans, current }] for every doc-item: a snapshot of the workspace list. */
export async function docListSnapshot(page) {
  return docItems(page).evaluateAll((els) =>
    els.map((e) => ({
      name: e.getAttribute('data-doc-name'),
      spans: (e.querySelector('[data-testid="doc-span-count"]') || {}).textContent?.trim() ?? null,
      current: e.getAttribute('aria-current') === 'true',
    })),
  );
}

export async function openDoc(page, name) {
  const item = docItem(page, name);
  await expect(item).toHaveCount(1);
  await item.click();
  await expect(item).toHaveAttribute('aria-current', 'true');
}

/** Name of the open document (the doc-item with aria-current="true"). */
export async function openDocName(page) {
  const cur = page.getByTestId('doc-list').locator('[data-testid="doc-item"][aria-current="true"]');
  await expect(cur).toHaveCount(1);
  return cur.getAttribute('data-doc-name');
}

/**
 * Each line of doc-text: its text, its dir attribute and its laid-out
 * direction. Wasim sets dir per line from the line's letters (rtl/ltr),
 * leaving lines without letters to inherit.
 */
export async function lineDirections(page) {
  return page.getByTestId('doc-text').locator('div.line').evaluateAll((lines) =>
    lines.map((l) => ({ text: l.textContent, dir: l.getAttribute('dir'), direction: getComputedStyle(l).direction })),
  );
}

/** Expect every line with letters to lay out in the direction of most of its letters. */
export async function expectLineDirections(page) {
  const lines = await lineDirections(page);
  expect(lines.length, 'div.line elements in doc-text').toBeGreaterThan(0);
  for (const l of lines) {
    const rtl = (l.text.match(/[\u0600-\u06FF]/g) || []).length;
    const ltr = (l.text.match(/[A-Za-z]/g) || []).length;
    if (rtl === ltr) continue;
    expect(l.dir, `dir of ${JSON.stringify(l.text.slice(0, 30))}`).toMatch(/^(rtl|ltr|auto)$/);
    expect(l.direction, `direction of ${JSON.stringify(l.text.slice(0, 30))}`).toBe(rtl > ltr ? 'rtl' : 'ltr');
  }
  return lines;
}

export async function docText(page) {
  return page.getByTestId('doc-text').evaluate((el) => el.textContent);
}

/** Upload files through the file input. `files`: paths or { name, mimeType, buffer }. */
export async function uploadFiles(page, files) {
  await page.getByTestId('file-input').setInputFiles(files);
}

export const txtFile = (name, text) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
export const jsonFile = (name, value) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8'),
});

/** Spans shown in doc-text, merged over fragments: [{ id, start, end, label }] sorted. */
export async function shownSpans(page) {
  return page.getByTestId('doc-text').evaluate((root) => {
    const byId = new Map();
    for (const m of root.querySelectorAll('mark[data-span-id]')) {
      const id = m.getAttribute('data-span-id');
      if (!byId.has(id)) {
        byId.set(id, {
          id,
          start: Number(m.getAttribute('data-span-start')),
          end: Number(m.getAttribute('data-span-end')),
          label: m.getAttribute('data-label'),
        });
      }
    }
    return [...byId.values()].sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label));
  });
}

export const markLocator = (page, { start, end, label }) => {
  let sel = `mark[data-span-start="${start}"][data-span-end="${end}"]`;
  if (label) sel += `[data-label="${label}"]`;
  return page.getByTestId('doc-text').locator(sel);
};

// ------------------------------------------------------------------ geometry & mouse

/**
 * Geometry of the code-point range [start, end) of the open document, computed
 * in the page: walks the text nodes of doc-text converting code points to
 * UTF-16 offsets, builds a DOM Range and returns its getBoundingClientRect()
 * (`rect`), plus the points where a drag selecting exactly that range should
 * press (`from`, the leading edge of the first character) and release (`to`,
 * the trailing edge of the last character), honouring each character's bidi
 * direction (right edge is leading for Arabic, left for Latin). Scrolls the
 * range into view first.
 */
export async function rectForOffsets(page, start, end) {
  return page.getByTestId('doc-text').evaluate(
    (root, [start, end]) => {
      // code point offset -> { node, offset } (UTF-16), walking text nodes in order
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
      const locate = (cp, preferNext) => {
        let seen = 0;
        for (let i = 0; i < nodes.length; i++) {
          const data = nodes[i].data;
          let u = 0;
          while (u <= data.length) {
            if (seen === cp) {
              // at a node boundary, prefer the start of the next node for a start offset
              if (u === data.length && preferNext && i + 1 < nodes.length) break;
              return { node: nodes[i], offset: u };
            }
            if (u === data.length) break;
            const c = data.codePointAt(u);
            u += c > 0xffff ? 2 : 1;
            seen += 1;
          }
        }
        throw new Error(`code point offset ${cp} is outside doc-text (${seen} code points)`);
      };
      const rangeOf = (a, b) => {
        const r = document.createRange();
        const s = locate(a, true);
        const e = locate(b, false);
        r.setStart(s.node, s.offset);
        r.setEnd(e.node, e.offset);
        return r;
      };
      const charAt = (cp) => {
        const { node, offset } = locate(cp, true);
        return String.fromCodePoint(node.data.codePointAt(offset));
      };
      const rtlChar = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
      const ltrChar = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/;
      const isRtl = (cp) => {
        const ch = charAt(cp);
        if (rtlChar.test(ch)) return true;
        if (ltrChar.test(ch)) return false;
        const { node } = locate(cp, true);
        const el = node.parentElement.closest('.line') || node.parentElement;
        return getComputedStyle(el).direction === 'rtl';
      };

      const whole = rangeOf(start, end);
      const firstEl = whole.startContainer.parentElement;
      firstEl.scrollIntoView({ block: 'center', inline: 'nearest' });

      const charRect = (cp) => {
        const rects = Array.from(rangeOf(cp, cp + 1).getClientRects()).filter((r) => r.width > 0);
        if (!rects.length) throw new Error(`no visible box for code point ${cp}`);
        return rects[0];
      };
      const first = charRect(start);
      const last = charRect(end - 1);
      const inset = (r) => Math.max(0.5, Math.min(2, r.width / 4));
      const from = {
        x: isRtl(start) ? first.right - inset(first) : first.left + inset(first),
        y: first.top + first.height / 2,
      };
      const to = {
        x: isRtl(end - 1) ? last.left + inset(last) : last.right - inset(last),
        y: last.top + last.height / 2,
      };
      const b = whole.getBoundingClientRect();
      return {
        rect: { x: b.x, y: b.y, width: b.width, height: b.height },
        from,
        to,
        text: whole.toString(),
      };
    },
    [start, end],
  );
}

/**
 * Select the code-point range [start, end) of the open document with a real
 * mouse drag, and check the browser selection holds exactly that text.
 */
export async function dragSelect(page, start, end, expectedText) {
  const g = await rectForOffsets(page, start, end);
  if (expectedText !== undefined) {
    expect(g.text, 'DOM range built from code-point offsets').toBe(expectedText);
  }
  await page.mouse.move(g.from.x, g.from.y);
  await page.mouse.down();
  await page.mouse.move((g.from.x + g.to.x) / 2, (g.from.y + g.to.y) / 2, { steps: 4 });
  await page.mouse.move(g.to.x, g.to.y, { steps: 4 });
  await page.mouse.up();
  const selected = await page.evaluate(() => String(window.getSelection()));
  expect(selected, `mouse selection for [${start}, ${end})`).toBe(g.text);
  return g;
}

/**
 * Tags the first occurrence of `needle` in the open document (whose text is
 * `text`) with a mouse drag and the label's `key`, and waits until the work
 * is saved; returns its code-point offsets.
 */
export async function tagAndSave(page, text, needle, key) {
  const at = cpFind(text, needle);
  await dragSelect(page, at.start, at.end, needle);
  await page.keyboard.press(key);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  return at;
}

/** The shown spans as [start, end, label]. */
export const spanTriples = async (page) => (await shownSpans(page)).map((s) => [s.start, s.end, s.label]);

/**
 * Injects an inline script, a style attribute and a <style> element into
 * the page, as an attack would; returns what took effect and which
 * directives of the policy refused what (sorted). Under Wasim's policies:
 * nothing, and ['script-src-elem', 'style-src-attr', 'style-src-elem'].
 */
export const injectInline = (page) =>
  page.evaluate(async () => {
    const seen = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective));
    const s = document.createElement('script');
    s.textContent = 'window.__injected = 1;';
    document.body.appendChild(s);
    const div = document.createElement('div');
    div.setAttribute('style', 'width: 123px');
    document.body.appendChild(div);
    const style = document.createElement('style');
    style.textContent = 'body { margin: 77px; }';
    document.head.appendChild(style);
    await new Promise((r) => setTimeout(r, 300));
    const took = {
      script: window.__injected !== undefined,
      attribute: getComputedStyle(div).width === '123px',
      element: getComputedStyle(document.body).margin === '77px',
    };
    div.remove();
    style.remove();
    return { took, refused: seen.sort() };
  });

/** What `injectInline` returns under Wasim's policies. */
export const INJECTION_REFUSED = {
  took: { script: false, attribute: false, element: false },
  refused: ['script-src-elem', 'style-src-attr', 'style-src-elem'],
};

/** Click in the middle of the first fragment of a span. */
export async function clickSpan(page, span) {
  const mark = markLocator(page, span).first();
  await mark.scrollIntoViewIfNeeded();
  await mark.click();
}

// ------------------------------------------------------------------ export

/** Click a control that triggers a download; return { name, text, json? }. */
export async function downloadFrom(page, clickable) {
  const [download] = await Promise.all([page.waitForEvent('download'), clickable.click()]);
  const p = await download.path();
  const buf = fs.readFileSync(p);
  const out = { name: download.suggestedFilename(), buffer: buf, text: buf.toString('utf8') };
  return out;
}

/** Exports with the export bar: `format` (export-format) and `scope` (export-scope). */
export async function exportAs(page, format, scope) {
  await page.getByTestId('export-format').selectOption(format);
  await page.getByTestId('export-scope').selectOption(scope);
  return downloadFrom(page, page.getByTestId('export-run'));
}

export async function exportJson(page) {
  const d = await downloadFrom(page, page.getByTestId('export-json'));
  // Named for what it holds (the corpus) and the day: corpus_YYYY-MM-DD.json.
  expect(d.name).toMatch(/^corpus_\d{4}-\d{2}-\d{2}\.json$/);
  return { ...d, json: JSON.parse(d.text) };
}

let validator;
/** Validate against src/core/formats/wasim.schema.json (draft 2020-12). */
export async function validateWasim(json) {
  if (!validator) {
    const { default: Ajv2020 } = await import('ajv/dist/2020.js');
    const { default: addFormats } = await import('ajv-formats');
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
  }
  const ok = validator(json);
  return { ok, errors: validator.errors };
}

/** Check every span's text against its document text (code points, half-open). */
export function checkSpanTexts(json) {
  const problems = [];
  json.documents.forEach((doc, i) => {
    const n = cpLength(doc.text);
    for (const s of doc.spans) {
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end && s.end <= n)) {
        problems.push(`doc ${i} (${doc.name}): bad offsets ${s.start}..${s.end} (length ${n})`);
      } else if (cpSlice(doc.text, s.start, s.end) !== s.text) {
        problems.push(`doc ${i} (${doc.name}): text ${JSON.stringify(s.text)} != text[${s.start}:${s.end}] ${JSON.stringify(cpSlice(doc.text, s.start, s.end))}`);
      }
    }
  });
  return problems;
}

// ------------------------------------------------------------------ storage

/** Writes the dump into IndexedDB at its version, from a page of the app's
 * origin that is not the app (the server's 404), so nothing opens it first. */
export async function writeProfile(page, profile) {
  await page.goto('./not-the-app');
  await page.evaluate(
    (profile) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(profile.database, profile.version);
        open.onupgradeneeded = () => {
          for (const name of Object.keys(profile.stores)) open.result.createObjectStore(name);
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(Object.keys(profile.stores), 'readwrite');
          for (const [name, entries] of Object.entries(profile.stores)) {
            for (const [key, value] of entries) tx.objectStore(name).put(value, key);
          }
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    profile,
  );
}

/** The value stored under `key` in the `store` of the app's database. */
export const storedValue = (page, store, key) =>
  page.evaluate(
    ([store, key]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('wasim');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            resolve(undefined);
            return;
          }
          const req = db.transaction(store).objectStore(store).get(key);
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    [store, key],
  );

/** In the page: every IndexedDB write fails as on a full disk, until window.__freeSpace(). */
export const fillDisk = () => {
  const put = IDBObjectStore.prototype.put;
  window.__freeSpace = () => {
    IDBObjectStore.prototype.put = put;
  };
  IDBObjectStore.prototype.put = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
};

/**
 * In the page: the disk fills up as Chromium meets it. A write fails with
 * "Failed to write blobs (IOError)", and the connection it ran on is dead
 * from then on: each later transaction on it throws "The database
 * connection is closing", even once window.__freeSpace() gave the space
 * back. Only a connection opened after that writes again.
 */
export const fillDiskClosing = () => {
  const put = IDBObjectStore.prototype.put;
  const transaction = IDBDatabase.prototype.transaction;
  const dead = new WeakSet();
  let full = true;
  window.__freeSpace = () => {
    full = false;
  };
  IDBObjectStore.prototype.put = function (...args) {
    if (!full) return put.apply(this, args);
    dead.add(this.transaction.db);
    throw new DOMException('Failed to write blobs (IOError)', 'DataError');
  };
  IDBDatabase.prototype.transaction = function (...args) {
    if (dead.has(this)) {
      throw new DOMException("Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing.", 'InvalidStateError');
    }
    return transaction.apply(this, args);
  };
};

// ------------------------------------------------------------------ messages

export const messages = (page, kind) =>
  kind
    ? page.locator(`[data-testid="message"][data-kind="${kind}"]`)
    : page.getByTestId('message');

/** Expect a message of `kind` whose text contains `needle` (e.g. a file name). */
export async function expectMessage(page, kind, needle) {
  const loc = messages(page, kind).filter({ hasText: needle });
  await expect(loc.first(), `a ${kind} message mentioning ${JSON.stringify(needle)}`).toBeVisible();
  return loc.first();
}
