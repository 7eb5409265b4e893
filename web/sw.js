// Wasim's service worker: the app starts without the network after one
// visit. This is the template; `.ci/sw-manifest.mjs` (a Trunk post_build
// hook) writes dist/sw.js as one line defining BUILD (the build's version
// and every file of the build with its SRI hash) followed by this file.
//
// - One cache per build and per app: "wasim <scope> <version>". Installing
//   fetches every file of the build, each checked against its hash, so a
//   cache never holds files of two builds (if the host is deployed
//   meanwhile, a hash differs, the install fails, and the next update
//   check finds the new worker). Activating deletes this app's caches of
//   other builds, never another app's (another scope on the same host).
// - Cache-first: a file of the build comes from this build's cache; a
//   navigation to the app's page (its directory or index.html, any query)
//   gets this build's index.html. Nothing else is touched: other paths,
//   other origins and other methods go to the network as if there were no
//   worker.
// - A new worker waits until the page asks it to take over (the user
//   accepted "Reload" in the app): { type: 'skip-waiting' }. The page asks
//   its version with { type: 'version' } on a MessageChannel, to tell
//   whether it runs the build its worker serves.
/* global BUILD */

const SCOPE = new URL(self.registration.scope);
const APP = `wasim ${SCOPE.href} `;
const CACHE = `${APP}${BUILD.version}`;
const FILES = new Map(BUILD.files.map(([rel, integrity]) => [new URL(rel, self.location).href, integrity]));
const PAGE = new URL('index.html', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(
      [...FILES].map(async ([url, integrity]) => {
        const response = await fetch(url, { cache: 'no-cache', integrity });
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        await cache.put(url, response.redirected ? await unredirected(response) : response);
      }),
    );
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

/**
 * A copy of a response the host reached by a redirect (a host that sends
 * index.html to its directory, as Cloudflare Pages and Netlify do): Chromium
 * refuses a redirected response as a page, so the cache keeps the same
 * bytes as a plain response (the hash was checked on the way in).
 */
async function unredirected(response) {
  const { status, statusText, headers } = response;
  return new Response(await response.blob(), { status, statusText, headers });
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(APP) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'skip-waiting') self.skipWaiting();
  if (type === 'version' && event.ports[0]) event.ports[0].postMessage({ version: BUILD.version });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  if (request.mode === 'navigate') {
    url.search = '';
    if (url.href === SCOPE.href || url.href === PAGE) event.respondWith(fromCache(PAGE, request));
    return;
  }
  if (FILES.has(url.href)) event.respondWith(fromCache(url.href, request));
});

/** This build's copy of `url`; the network only if the cache lost it. */
async function fromCache(url, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(url);
  return hit || fetch(request);
}
