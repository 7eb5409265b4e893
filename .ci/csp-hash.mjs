#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml): replaces 'unsafe-inline' in the page's
// script-src with the SHA-256 hash of each inline <script> Trunk wrote (its
// module that loads the wasm), so the Content Security Policy allows exactly
// that script and no other inline script. Fails the build when the page has
// no such policy or no inline script, so a change cannot silently weaken it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('[csp-hash] TRUNK_STAGING_DIR is not set (run by trunk as a post_build hook)');
  process.exit(1);
}
const file = path.join(dir, 'index.html');
const html = fs.readFileSync(file, 'utf8');
const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (scripts.length === 0) {
  console.error('[csp-hash] no inline script found in', file);
  process.exit(1);
}
const hashes = scripts.map((s) => `'sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}'`);
let replaced = false;
const out = html.replace(/(script-src[^;"]*?)'unsafe-inline'/, (_, head) => {
  replaced = true;
  return head + hashes.join(' ');
});
if (!replaced) {
  console.error("[csp-hash] the page's Content-Security-Policy has no script-src 'unsafe-inline' to replace");
  process.exit(1);
}
fs.writeFileSync(file, out);
console.error(`[csp-hash] script-src allows ${hashes.length} inline script(s) by hash`);
