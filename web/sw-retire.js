// The service worker of a debug build (`trunk serve`): it retires the
// worker of a release build served earlier at the same path. A cache-first
// worker left there would keep serving the old build to the dev server's
// reloads; the browser's update check finds this script instead, which
// takes over at once, deletes this app's caches and unregisters itself, so
// the next load comes from the network. `.ci/sw-manifest.mjs` writes it as
// sw.js into debug builds; it caches and intercepts nothing.
const APP = `wasim ${self.registration.scope} `;

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(APP)) await caches.delete(name);
      }
      await self.registration.unregister();
    })(),
  );
});
