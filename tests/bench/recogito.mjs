// Recogito's text annotator (@recogito/text-annotator, a devDependency used
// only here) on the benchmark's generated documents, for the side-by-side
// figures of tests/bench/bench.mjs.
//
// A loopback server serves a small page, the package's UMD build and CSS
// straight from node_modules, and the document as JSON: no network.
// Recogito's default renderer ('SPANS') paints each highlight as an
// absolutely positioned <span class="r6o-annotation" data-annotation=ID>
// in a layer over the text (.r6o-span-highlight-layer), and only for the
// annotations that intersect the viewport; it redraws 10 ms (debounced)
// after a change, in an animation frame. So "rendered" below means: that
// element is in the layer, seen in an animation frame.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const PAGE = `<!doctype html>
<html lang="ar">
<head>
<meta charset="utf-8">
<title>Recogito text annotator — Wasim benchmark</title>
<link rel="stylesheet" href="text-annotator.css">
<style>
  body { margin: 0; font: 18px/1.7 serif; }
  #doc { max-width: 46rem; margin: 0 auto; padding: 1rem 2rem; }
  #doc p { margin: 0 0 .6em; white-space: pre-wrap; }
</style>
<script>
  // The UMD build still reads process.env.NODE_ENV (nanostores' dev
  // checks), which a bundler would replace: say production, as a bundle would.
  window.process = { env: { NODE_ENV: 'production' } };
</script>
<script src="text-annotator.umd.js"></script>
</head>
<body><div id="doc" dir="rtl" lang="ar"></div></body>
</html>
`;

/**
 * Serves the Recogito page at `${url}`, the package files, and each
 * registered document at `${url}doc-<key>.json`. Returns { url, server,
 * addDocument(key, json) }.
 */
export async function startRecogitoServer(root, port = 0) {
  const pkg = path.join(root, 'node_modules/@recogito/text-annotator/dist');
  if (!fs.existsSync(path.join(pkg, 'text-annotator.umd.js'))) {
    throw new Error('@recogito/text-annotator is not installed (npm ci)');
  }
  const docs = new Map();
  const files = {
    '/recogito/': ['text/html; charset=utf-8', () => PAGE],
    '/recogito/text-annotator.umd.js': ['text/javascript; charset=utf-8', () => fs.readFileSync(path.join(pkg, 'text-annotator.umd.js'))],
    '/recogito/text-annotator.css': ['text/css; charset=utf-8', () => fs.readFileSync(path.join(pkg, 'text-annotator.css'))],
  };
  const server = http.createServer((req, res) => {
    const p = new URL(req.url, 'http://x').pathname;
    const m = p.match(/^\/recogito\/doc-(.+)\.json$/);
    let type;
    let body;
    if (files[p]) [type, body] = [files[p][0], files[p][1]()];
    else if (m && docs.has(m[1])) [type, body] = ['application/json', docs.get(m[1])];
    else {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('not found\n');
    }
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${server.address().port}/recogito/`;
  return { server, url, addDocument: (key, json) => docs.set(key, json) };
}

/**
 * The document for Recogito: one <p> per line, so its offsets are UTF-16
 * offsets in the text without the line breaks. `doc` comes from gen.mjs
 * (code point = UTF-16 offsets there). Returns the JSON string.
 */
export function recogitoDocument(doc, targets) {
  const lines = doc.lines[doc.lines.length - 1] === '' ? doc.lines.slice(0, -1) : doc.lines;
  const starts = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  const lineOf = (cp) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= cp) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const shift = (s, i) => {
    const l = lineOf(s.start);
    return { id: `a${i}`, start: s.start - l, end: s.end - l, quote: doc.text.slice(s.start, s.end) };
  };
  return JSON.stringify({
    lines,
    annotations: doc.spans.map(shift),
    targets: targets.map((t, i) => ({ ...shift(t, i), id: `new${i}` })),
  });
}

/** In the page: fetch the document (not measured). */
export const fetchDocument = async (url) => {
  const data = await (await fetch(url)).json();
  window.__rdata = data;
  return { lines: data.lines.length, annotations: data.annotations.length };
};

/**
 * In the page: starts the load in a task of its own and leaves its
 * promise in window.__rload (so that a load that freezes the page can be
 * timed out from outside). Load = put the text in the page (one <p> per
 * line, laid out) → createTextAnnotator → setAnnotations(all) → the
 * first highlight in the layer, seen in an animation frame.
 */
export const startLoad = () => {
  window.__rload = new Promise((resolve, reject) => {
    setTimeout(() => {
      try {
        const data = window.__rdata;
        const t0 = performance.now();
        const doc = document.getElementById('doc');
        const frag = document.createDocumentFragment();
        for (const line of data.lines) {
          const p = document.createElement('p');
          p.textContent = line;
          frag.appendChild(p);
        }
        doc.appendChild(frag);
        void doc.offsetHeight;
        const tText = performance.now();
        const anno = window.RecogitoJS.createTextAnnotator(doc);
        window.__anno = anno;
        const layer = doc.querySelector('.r6o-span-highlight-layer');
        const anns = data.annotations.map((a) => ({
          id: a.id,
          bodies: [],
          target: { annotation: a.id, selector: [{ quote: a.quote, start: a.start, end: a.end }] },
        }));
        const tCreated = performance.now();
        anno.setAnnotations(anns, true);
        const tSet = performance.now();
        const tick = () => {
          if (!layer || layer.childElementCount > 0 || anns.length === 0) {
            const t = performance.now();
            resolve({
              load: t - t0,
              text: tText - t0,
              setAnnotations: tSet - tCreated,
              highlights: layer ? layer.childElementCount : null,
            });
          } else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      } catch (e) {
        reject(new Error(String(e && e.stack ? e.stack : e)));
      }
    }, 0);
  });
  return true;
};

/**
 * In the page: addAnnotation(one word near the top) → its highlight
 * element in the layer, seen in an animation frame.
 */
export const addOne = (t) =>
  new Promise((resolve, reject) => {
    const layer = document.querySelector('.r6o-span-highlight-layer');
    const timer = setTimeout(() => reject(new Error('no highlight within 10 s')), 10000);
    const t0 = performance.now();
    window.__anno.addAnnotation({
      id: t.id,
      bodies: [],
      target: { annotation: t.id, selector: [{ quote: t.quote, start: t.start, end: t.end }] },
    });
    const tCall = performance.now();
    const tick = () => {
      if (layer.querySelector(`[data-annotation="${t.id}"]`)) {
        clearTimeout(timer);
        resolve({ frame: performance.now() - t0, call: tCall - t0 });
      } else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
