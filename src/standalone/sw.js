/*
 * The checker page's service worker (webpack's OfflineCache fills in the names): keeps the page and every file it
 * loads, so it opens and checks with the network cut once it has been opened. Chosen files never pass through here —
 * they are read in the page and sent nowhere. Only the page's own files on its own origin are answered; anything
 * else (the add-in's task pane, other paths) goes to the network untouched.
 */
/* eslint-disable */
const CACHE = __CACHE_VERSION__;
const FILES = __FILES__;
const PAGE = __PAGE__;

const scope = new URL("./", self.location.href);
const own = new Set(FILES.map((f) => new URL(f, scope).href));
const pageUrl = new URL(PAGE, scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("appendix-checker-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  if (url.href === pageUrl) {
    // The page: the network first, so a new release shows at once; the kept copy when the network is cut.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(pageUrl, copy));
          }
          return response;
        })
        .catch(() => caches.match(pageUrl)),
    );
    return;
  }
  // The bundle's files carry content hashes: the kept copy is the right one.
  if (own.has(url.href)) event.respondWith(caches.match(url.href).then((hit) => hit || fetch(request)));
});
