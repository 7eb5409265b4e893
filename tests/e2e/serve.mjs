// Tiny static server for the built app: serves DIR at the sub-path BASE
// (default dist/ at /wasim/ on 127.0.0.1:4173), 404 everywhere else.
// `redirectIndex` answers BASE/index.html with a redirect to BASE.
//
//   node tests/e2e/serve.mjs [--dir dist] [--base /wasim/] [--port 4173] [--host 127.0.0.1]
//
// Also importable: `startServer({ dir, base, port, host })` resolves to
// { server, url } (port 0 picks a free port).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

export function startServer({ dir = 'dist', base = '/wasim/', port = 4173, host = '127.0.0.1', redirectIndex = false } = {}) {
  const root = path.resolve(dir);
  if (!base.startsWith('/')) base = '/' + base;
  if (!base.endsWith('/')) base += '/';

  const server = http.createServer((req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, 'method not allowed\n', { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET, HEAD' });
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'bad request\n', { 'Content-Type': 'text/plain; charset=utf-8' });
    }
    if (pathname === base.slice(0, -1)) {
      return send(301, '', { Location: base });
    }
    if (!pathname.startsWith(base)) {
      return send(404, 'not found\n', { 'Content-Type': 'text/plain; charset=utf-8' });
    }
    // As Cloudflare Pages and Netlify's pretty URLs do.
    if (redirectIndex && pathname === `${base}index.html`) {
      return send(308, '', { Location: base });
    }
    let rel = pathname.slice(base.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) {
      return send(404, 'not found\n', { 'Content-Type': 'text/plain; charset=utf-8' });
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        return send(404, 'not found\n', { 'Content-Type': 'text/plain; charset=utf-8' });
      }
      const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': st.size, 'Cache-Control': 'no-store' });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address();
      resolve({ server, url: `http://${host}:${addr.port}${base}` });
    });
  });
}

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    const val = argv[i + 1];
    if (val === undefined) throw new Error(`missing value for ${argv[i]}`);
    opts[key] = key === 'port' ? Number(val) : val;
  }
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.resolve(opts.dir || 'dist', 'index.html'))) {
    console.error(`[serve] ${path.resolve(opts.dir || 'dist')}/index.html is missing: run trunk build --release --public-url /wasim/ first`);
    process.exit(1);
  }
  const { url } = await startServer(opts);
  console.log(`[serve] serving ${path.resolve(opts.dir || 'dist')} at ${url}`);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(0));
}
