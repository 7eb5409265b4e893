// Shared Playwright fixture for Wasim's e2e specs.
//
// Every page of every context a test uses is guarded: the test FAILS if the
// page throws (pageerror), logs a console error mentioning "panicked" (a Rust
// panic through console_error_panic_hook), opens a dialog (alert/confirm/
// prompt: nothing in Wasim may open one, and injected markup must not), or
// requests any URL outside the app's own origin (data: and blob: excepted):
// Wasim is offline and must never touch the network beyond its own files.
// A Content Security Policy violation (a `securitypolicyviolation` event,
// reported by a script added to every page) fails the test too.
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
    if (text.startsWith(CSP_MARK)) problems.push(text);
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

/** Attach the guards to every page (existing and future) of a context. */
export function guardContext(context, problems, origin) {
  context.addInitScript((mark) => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`${mark} ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  }, CSP_MARK);
  for (const p of context.pages()) guardPage(p, problems, origin);
  context.on('page', (p) => guardPage(p, problems, origin));
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
