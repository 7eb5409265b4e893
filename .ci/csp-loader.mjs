#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml): makes the built page run under its
// strict Content Security Policy.
//
// Trunk 0.21 writes an inline <script type="module"> that loads the wasm
// (and, under `trunk serve`, a classic one that reloads the page on
// change); the policy (index.html) allows no inline script at all. This
// hook moves each inline script into its own file next to the page, named
// after its SHA-256 (loader-<hash>.js, so a new build never reuses an old
// name), and loads it with <script [type="module"] src="./loader-…js"
// integrity=…>, keeping its type.
// The path is relative, as Trunk's are (public_url = "./"): the same dist/
// works under any sub-path, and the loader's own relative imports resolve
// next to it.
//
// Then it checks the page and fails the build if anything would weaken or
// break the policy: no policy, 'unsafe-inline' or 'unsafe-eval' in it, an
// inline script, a <style> element or a style attribute left in the page.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const fail = (why) => {
  console.error(`[csp-loader] ${why}`);
  process.exit(1);
};

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) fail('TRUNK_STAGING_DIR is not set (run by trunk as a post_build hook)');
const file = path.join(dir, 'index.html');
let html = fs.readFileSync(file, 'utf8');

// `trunk serve` writes the address of its reload WebSocket into the HTML it
// serves, in place of placeholders in its inline script; out of the page
// they would stay as they are. Moved to a file, the script finds both
// itself: the host from the page, the base from its own URL (it lies next
// to the page, which Trunk serves at its base).
function devServerPlaces(body) {
  return body
    .replace(/(['`])\{\{__TRUNK_ADDRESS__\}\}\1/g, 'window.location.host')
    .replace(/(['`])\{\{__TRUNK_WS_BASE__\}\}\1/g, "new URL('.', document.currentScript.src).pathname");
}

const inline = /<script((?![^>]*\bsrc=)[^>]*)>([\s\S]*?)<\/script>/g;
let moved = 0;
html = html.replace(inline, (whole, attrs, body) => {
  const module = /\btype\s*=\s*["']?module\b/.test(attrs);
  if (!module && /\btype\s*=/.test(attrs) && !/\btype\s*=\s*["']?(text|application)\/javascript\b/.test(attrs)) {
    fail(`an inline script of an unknown type: ${whole.slice(0, 80)}`);
  }
  const bytes = Buffer.from(devServerPlaces(body).trim() + '\n', 'utf8');
  const name = `loader-${crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.js`;
  fs.writeFileSync(path.join(dir, name), bytes);
  const integrity = `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;
  moved += 1;
  return `<script${module ? ' type="module"' : ''} src="./${name}" integrity="${integrity}"></script>`;
});
if (moved === 0) fail(`no inline loader script found in ${file} (has Trunk changed?)`);

// Trunk gives the wasm's <link rel="preload" as="fetch"> an `integrity`,
// which Chromium ignores there (a console warning on every load: fetch
// preloads take no integrity). The service worker checks each file's hash
// when it precaches the build (sw-manifest.mjs).
html = html.replace(/<link\b[^>]*\brel="preload"[^>]*>/g, (link) => link.replace(/\s+integrity="[^"]*"/, ''));

const meta = html.match(/<meta\s+http-equiv=["']Content-Security-Policy["']\s+content="([^"]*)"/i);
if (!meta) fail('the page has no Content-Security-Policy <meta>');
const policy = meta[1];
for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*']) {
  if (policy.split(/\s+/).includes(bad)) fail(`the policy allows ${bad}: ${policy}`);
}
if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html)) fail('an inline script is left in the page');
if (/<style[\s>]/i.test(html)) fail('a <style> element is in the page');
if (/\sstyle\s*=/i.test(html)) fail('a style attribute is in the page');

fs.writeFileSync(file, html);
console.error(`[csp-loader] ${moved} inline script(s) moved to files; the page has no inline script or style`);
