// Shared Playwright fixture for Wasim's e2e specs.
//
// Every page of every context a test uses is guarded: the test FAILS if the
// page throws (pageerror), logs a console error mentioning "panicked" (a Rust
// panic through console_error_panic_hook), opens a dialog (alert/confirm/
// prompt: nothing in Wasim may open one, and injected markup must not), or
// requests any URL outside the app's own origin (data: and blob: excepted):
// Wasim is offline and must never touch the network beyond its own files.
// The page runs under a strict Content Security Policy (index.html), and any
// violation of it fails the test: a script added to every page records each
// `securitypolicyviolation` event in the page and logs it at once; the log
// line, any console message of the browser about the policy ("Refused to
// apply inline style because it violates the following Content Security
// Policy directive…"), and whatever the page recorded but was not logged
// yet (read when the test ends, and before a guarded context is closed) are
// problems.
//
// Each test gets a fresh browser context (Playwright's default), i.e. a fresh
// profile with an empty IndexedDB. `newGuardedContext()` opens another fresh
// one inside a test (e.g. to import an export "on another machine").
import { test as base, expect } from '@playwright/test';

export { expect };

/** Attach the guards to one page; problems are pushed to `problems`. */
export function guardPage(page, problems, origin) {
  page.on('pageerror', (err) => {
    problems.push(`pageerror: ${err && err.stack ? err.stack : err}`);
  });
  page.on('console', (msg) => {
    const text = msg.text();
    if (msg.type() === 'error' && /panicked/i.test(text)) {
      problems.push(`console.error with a Rust panic: ${text}`);
    }
    if (text.startsWith(CSP_MARK)) report(problems, text);
    else if (/Content Security Policy/i.test(text)) report(problems, `console ${msg.type()} about the Content Security Policy: ${text}`);
  });
  page.on('dialog', async (dialog) => {
    problems.push(`unexpected ${dialog.type()} dialog: ${JSON.stringify(dialog.message())}`);
    await dialog.dismiss().catch(() => {});
  });
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    let reqOrigin;
    try {
      reqOrigin = new URL(url).origin;
    } catch {
      reqOrigin = '(unparsable)';
    }
    if (reqOrigin !== origin) {
      problems.push(`request to another origin: ${req.method()} ${url}`);
    }
  });
}

const CSP_MARK = 'wasim-e2e: Content Security Policy violation:';

/** Adds `text` to the problems unless it is there already. */
function report(problems, text) {
  if (!problems.includes(text)) problems.push(text);
}

/** Runs in every page before its own scripts: records and logs violations. */
function recordViolations(mark) {
  if (window.__wasimCspViolations) return;
  const seen = [];
  Object.defineProperty(window, '__wasimCspViolations', { value: seen });
  document.addEventListener('securitypolicyviolation', (e) => {
    const text = `${mark} ${e.effectiveDirective || e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || '?'}:${e.lineNumber} (${e.disposition})`;
    seen.push(text);
    console.error(text);
  });
}

/** The violations `page` recorded so far. */
export async function cspViolations(page) {
  if (page.isClosed()) return [];
  return page.evaluate(() => window.__wasimCspViolations || []).catch(() => []);
}

/**
 * Forgets the violations a test caused on purpose (in the page and in the
 * problems), after checking them.
 */
export async function forgetCspViolations(page, problems) {
  await page.evaluate(() => { if (window.__wasimCspViolations) window.__wasimCspViolations.length = 0; });
  problems.splice(0, problems.length, ...problems.filter((p) => !/Content Security Policy/i.test(p)));
}

/** Adds every violation the open pages of `context` recorded to `problems`. */
export async function collectCspViolations(context, problems) {
  for (const page of context.pages()) {
    for (const text of await cspViolations(page)) report(problems, text);
  }
}

/**
 * Attach the guards to every page (existing and future) of a context. Its
 * pages' recorded violations are collected when it is closed.
 */
export function guardContext(context, problems, origin) {
  context.addInitScript(recordViolations, CSP_MARK);
  for (const p of context.pages()) guardPage(p, problems, origin);
  context.on('page', (p) => guardPage(p, problems, origin));
  const close = context.close.bind(context);
  context.close = async (...args) => {
    await collectCspViolations(context, problems);
    return close(...args);
  };
}

export const test = base.extend({
  // Collected problems of all guarded pages in this test.
  problems: async ({}, use) => {
    const problems = [];
    await use(problems);
    if (problems.length) {
      throw new Error(`page problems during the test:\n  - ${problems.join('\n  - ')}`);
    }
  },

  appOrigin: async ({ baseURL }, use) => {
    await use(new URL(baseURL).origin);
  },

  context: async ({ context, problems, appOrigin }, use) => {
    guardContext(context, problems, appOrigin);
    await use(context);
    await collectCspViolations(context, problems);
  },

  // Opens a further fresh context (new profile) with the same options and guards.
  newGuardedContext: async ({ browser, problems, appOrigin, baseURL, viewport }, use) => {
    const opened = [];
    await use(async () => {
      const ctx = await browser.newContext({ baseURL, acceptDownloads: true, viewport });
      guardContext(ctx, problems, appOrigin);
      opened.push(ctx);
      return ctx;
    });
    for (const ctx of opened) await ctx.close().catch(() => {});
  },
});
