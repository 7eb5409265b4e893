#!/usr/bin/env node
// Makes the single-file Wasim: dist/wasim.html, one self-contained page
// (the wasm as base64, the wasm-bindgen glue and Trunk's loader, the CSS and
// the icon, all inlined) that works when opened from disk (file://), sent by
// email or carried on a USB stick. Run after `trunk build --release`:
//
//   node .ci/single-file.mjs [--dist dist] [--out dist/wasim.html]
//
// It reads the built page (after the Trunk hooks: the loader is already a
// file, .ci/csp-loader.mjs), inlines each piece and gives the page its own
// Content Security Policy, which allows the inline script and style by
// their SHA-256 only:
//
//   default-src 'none'; script-src 'sha256-…' 'wasm-unsafe-eval';
//   style-src 'sha256-…'; img-src data:; object-src 'none'; base-uri 'none';
//   form-action 'none'
//
// No request of any kind is allowed (there is nothing to fetch: the wasm
// is compiled from bytes in the page); the app's CSSOM stylesheet and
// `element.style` lengths are not governed by style-src, and downloads are
// blob: links, not governed by the policy either. No manifest and no
// service worker (neither works from file://; the app skips registering
// one there). Fails (exit 1) if the build does not look as expected or the
// written page holds anything but data: URLs.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const fail = (why) => {
  console.error(`[single-file] ${why}`);
  process.exit(1);
};

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const dist = path.resolve(option('dist', 'dist'));
const out = path.resolve(option('out', path.join(dist, 'wasim.html')));
const read = (rel) => {
  const file = path.join(dist, rel.replace(/^\.\//, ''));
  if (!fs.existsSync(file)) fail(`${file} is missing: run trunk build --release first`);
  return fs.readFileSync(file);
};
const text = (rel) => read(rel).toString('utf8').replace(/\r\n?/g, '\n');
const sha256 = (s) => `'sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}'`;

let html = text('index.html');

// The loader Trunk wrote (moved to a file by csp-loader.mjs): it imports the
// glue and instantiates the wasm.
const loaderTag = html.match(/<script type="module" src="(\.\/loader-[0-9a-f]+\.js)"[^>]*><\/script>\n?/);
if (!loaderTag) fail('no loader <script type="module" src="./loader-….js"> in index.html');
const loader = text(loaderTag[1]);
const glueName = loader.match(/^import init, \* as bindings from '(\.\/[^']+\.js)';$/m)?.[1];
const wasmName = loader.match(/init\(\{ module_or_path: '(\.\/[^']+\.wasm)' \}\)/)?.[1];
if (!glueName || !wasmName) fail(`the loader is not the one expected (has Trunk changed?):\n${loader}`);

// The glue is an ES module: its only export statement goes (nothing imports
// it), and it must import nothing (no snippets to inline).
let glue = text(glueName);
const exportLine = /^export \{ initSync, (\w+) as default \};\n?/m;
const initName = glue.match(exportLine)?.[1];
if (!initName) fail(`no "export { initSync, … as default };" in ${glueName} (has wasm-bindgen changed?)`);
glue = glue.replace(exportLine, '');
for (const name of ['wasimWasm', 'wasimBytes', 'wasimInstance']) {
  if (new RegExp(`\\b${name}\\b`).test(glue)) fail(`${glueName} uses the name ${name}`);
}
if (/^\s*(import|export)\b/m.test(glue)) fail(`${glueName} has another import or export: it cannot be inlined as is`);

const wasm = read(wasmName).toString('base64');
const script = `${glue}
// Wasim's WebAssembly, base64 (inlined by .ci/single-file.mjs).
const wasimWasm = '${wasm}';
const wasimBytes = (base64) => {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
};
const wasimInstance = await ${initName}({ module_or_path: wasimBytes(wasimWasm) });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: wasimInstance } }));
`;
if (/<\/script|<!--/i.test(script)) fail('the script holds "</script" or "<!--": it cannot be inlined');

const cssTag = html.match(/<link rel="stylesheet" href="(\.\/[^"]+\.css)"[^>]*\/?>\n?/);
if (!cssTag) fail('no stylesheet <link> in index.html');
const css = text(cssTag[1]);
if (/<\/style/i.test(css)) fail('the stylesheet holds "</style": it cannot be inlined');
if (/url\(/i.test(css)) fail('the stylesheet refers to a url(): inline it first');

const icon = `data:image/svg+xml;base64,${read('icons/icon.svg').toString('base64')}`;

const policy = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(css)}`,
  'img-src data:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const replace = (pattern, by, what) => {
  const found = typeof pattern === 'string' ? html.includes(pattern) : pattern.test(html);
  if (!found) fail(`${what} not found in index.html`);
  html = html.replace(pattern, by);
};
replace(/(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*"/, `$1${policy}"`, 'the policy <meta>');
replace(loaderTag[0], '', 'the loader');
replace(cssTag[0], () => `<style>${css}</style>\n`, 'the stylesheet');
replace(/<link rel="modulepreload"[^>]*>/, '', 'the glue preload');
replace(/<link rel="preload"[^>]*\.wasm"[^>]*>/, '', 'the wasm preload');
replace(/<link rel="manifest"[^>]*>\n?/, '', 'the manifest link');
// The build's version stays, under another name: the app registers no
// service worker in the single file, and touches none (src/platform/offline.rs).
replace(/<meta name="wasim-build"/, '<meta name="wasim-single-file"', 'the build version <meta>');
replace(/<link rel="icon"[^>]*>/, `<link rel="icon" href="${icon}" type="image/svg+xml" />`, 'the icon link');
replace(/<\/head>/, () => `<script type="module">${script}</script>\n</head>`, '</head>');

// Nothing in the markup may point outside the page.
const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '').replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '');
for (const m of markup.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]*)/gi)) {
  if (!m[1].startsWith('data:')) fail(`the page still refers to ${m[1]}`);
}
if (/'unsafe-(inline|eval|hashes)'/.test(policy)) fail(`unsafe policy: ${policy}`);
const scripts = html.match(/<script\b/gi).length;
const styles = html.match(/<style\b/gi).length;
if (scripts !== 1 || styles !== 1) fail(`expected one script and one style, found ${scripts} and ${styles}`);

fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, html);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.error(`[single-file] ${path.relative(process.cwd(), out)}: ${kb(Buffer.byteLength(html))} (wasm ${kb(read(wasmName).length)} as base64, glue, loader and CSS inlined)`);
