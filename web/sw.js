// Service worker template: `cargo xtask post-build` fills the build id and the file lists from
// the files Trunk just produced and writes the result as dist/sw.js. Never edit dist/sw.js.
//
// - One cache per build, named after the build id; old builds' caches are deleted on activate.
// - Pages (navigations): network first, so a redeploy is seen at once; offline, this build's own
//   index.html. A page fetched from the network is never stored: the cache always holds one
//   build's index.html with exactly the js/wasm it references (no glue/wasm mix).
// - Content-hashed files: cache first (their bytes never change under that name).
// - Other files of the build (manifest, icons): network first, this build's copy offline.
// - A new worker waits until the old build's tabs are gone, or until the person accepts the
//   "new version available — Reload" banner (sw-register.js sends SKIP_WAITING).

const BUILD = "__BUILD_ID__";
const PRECACHE = ["__PRECACHE__"];
const HASHED = ["__HASHED__"];

const PREFIX = 'asa-planner-';
const CACHE = PREFIX + BUILD;
const SCOPE = new URL('./', self.location.href).href;
const INDEX = new URL('index.html', SCOPE).href;
const HASHED_URLS = new Set(HASHED.map((name) => new URL(name, SCOPE).href));
const PRECACHE_URLS = new Set(PRECACHE.map((name) => new URL(name, SCOPE).href));

self.addEventListener('install', (event) => {
  // Unhashed files (index.html, manifest, icons) bypass the HTTP cache (`reload`) so the cache
  // holds what the server has now. Hashed files may come from the HTTP cache: their name fixes
  // their bytes, and the page has just downloaded them, so the first visit does not fetch the
  // wasm twice. If any file is missing (a redeploy raced this install) the install fails and is
  // retried on the next visit.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(
        [...PRECACHE_URLS].map(
          (url) => new Request(url, { cache: HASHED_URLS.has(url) ? 'default' : 'reload' }),
        ),
      ),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'BUILD' && event.ports[0]) event.ports[0].postMessage(BUILD);
  if (type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;

  if (request.mode === 'navigate') {
    // Offline: the page asked for if this build has it (fleet.html), else the planner's.
    const page = new URL(url.href);
    page.search = '';
    const cached = PRECACHE_URLS.has(page.href) ? page.href : INDEX;
    event.respondWith(fetch(request).catch(() => fromCache(cached)));
    return;
  }
  url.search = '';
  if (HASHED_URLS.has(url.href)) {
    event.respondWith(fromCache(url.href).then((hit) => hit || fetch(request)));
  } else if (PRECACHE_URLS.has(url.href)) {
    event.respondWith(fetch(request).catch(() => fromCache(url.href)));
  }
});

// This build's cached copy of `url`, or an error response when it has none.
function fromCache(url) {
  return caches
    .open(CACHE)
    .then((cache) => cache.match(url))
    .then((hit) => hit || Response.error());
}
