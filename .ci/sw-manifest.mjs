#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml, after .ci/csp-loader.mjs): versions the
// build and writes its service worker.
//
// 1. The build's version: a SHA-256 over every file of the staged build
//    (path and content; the page without its version tag; the worker's
//    template), so any change to any file is a new version, and the same
//    files always give the same one.
// 2. The page gets it as <meta name="wasim-build" content="…">: the app
//    compares it with its worker's, so it knows when it does not run the
//    build its worker serves.
// 3. sw.js: one line `const BUILD = { version, files: [[path, integrity]…] }`
//    (every file of the build but sw.js itself, with its SRI hash, which
//    the worker checks when it caches it), then the template web/sw.js.
//
// Release builds only: a debug build (`trunk serve`, which reloads the page
// on every change) gets no version, so the app registers no worker (and
// unregisters one left at its path), and its sw.js is web/sw-retire.js,
// which retires a release build's worker found at the same path by the
// browser's update check (a cache-first worker would keep serving the old
// build to the reloaded page).
//
// Idempotent: run again on a built directory (as the e2e tests do to make
// a "new build" of a copy of dist/), it replaces the version and sw.js.
//
//   TRUNK_STAGING_DIR=dist TRUNK_PROFILE=release node .ci/sw-manifest.mjs
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fail = (why) => {
  console.error(`[sw-manifest] ${why}`);
  process.exit(1);
};

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) fail('TRUNK_STAGING_DIR is not set (run by trunk as a post_build hook)');
const WORKER = 'sw.js';
/** Files in the build directory that are not part of the build. */
const NOT_BUILD = new Set([WORKER, 'wasim.html']);
const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web');
const template = fs.readFileSync(path.join(web, 'sw.js'), 'utf8');

const page = path.join(dir, 'index.html');
const VERSION_TAG = /\n?[ \t]*<meta name="wasim-build" content="[^"]*"\s*\/?>/g;
let html = fs.readFileSync(page, 'utf8').replace(VERSION_TAG, '');

if (process.env.TRUNK_PROFILE !== 'release') {
  fs.copyFileSync(path.join(web, 'sw-retire.js'), path.join(dir, WORKER));
  fs.writeFileSync(page, html);
  console.error('[sw-manifest] debug build: no version; sw.js only retires an earlier worker');
  process.exit(0);
}

/** Paths (with '/') of every file under `root`, sorted. */
function listFiles(root, prefix = '') {
  const out = [];
  for (const entry of fs.readdirSync(path.join(root, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(root, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');
const sri = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;

const files = listFiles(dir).filter((rel) => !NOT_BUILD.has(rel));
if (!files.includes('index.html')) fail(`no index.html in ${dir}`);

const digest = crypto.createHash('sha256');
digest.update(`template ${sha256(template)}\n`);
for (const rel of files) {
  const bytes = rel === 'index.html' ? Buffer.from(html) : fs.readFileSync(path.join(dir, rel));
  digest.update(`${rel} ${sha256(bytes)}\n`);
}
const version = digest.digest('hex').slice(0, 20);

const csp = /(<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>)/i;
if (!csp.test(html)) fail('the page has no Content-Security-Policy <meta> to put the version after');
html = html.replace(csp, `$1\n    <meta name="wasim-build" content="${version}" />`);
fs.writeFileSync(page, html);

const entries = files.map((rel) => [rel, sri(fs.readFileSync(path.join(dir, rel)))]);
const head = `const BUILD = ${JSON.stringify({ version, files: entries })};\n`;
fs.writeFileSync(path.join(dir, WORKER), head + template);
console.error(`[sw-manifest] build ${version}: ${WORKER} precaches ${entries.length} files`);
