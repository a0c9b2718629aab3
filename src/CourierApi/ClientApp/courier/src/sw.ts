/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { CacheFirst, NetworkFirst } from "workbox-strategies";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

// The courier app's own files (its HTML, scripts, styles, fonts; both languages are in the scripts), listed at build time.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every page under /courier/ is the app: served from the precache, so a reload with no network still opens it.
registerRoute(new NavigationRoute(createHandlerBoundToURL("/courier/index.html"), { allowlist: [/^\/courier(\/|$)/] }));

// Today's route: the network when it answers, else the last copy (the app also keeps one in IndexedDB).
registerRoute(({ url }) => url.pathname === "/api/v1/courier/route", new NetworkFirst({ cacheName: "courier-route", networkTimeoutSeconds: 4 }));

// The map: style and street tiles of the day's area, kept for a dead zone.
registerRoute(({ url }) => url.pathname === "/map/style.json" || url.pathname === "/api/v1/road-network",
  new NetworkFirst({ cacheName: "courier-map-style", networkTimeoutSeconds: 3 }));
// Street tiles are not routed here: MapLibre's worker fetches outside this worker's scope, so the page keeps the day's
// tiles in the Cache API itself ("courier-day-tiles", see shared/map/tileCache.ts) and its map reads them first.
registerRoute(({ url }) => url.pathname.startsWith("/map/"), new CacheFirst({ cacheName: "courier-map-assets" }));

// A new version waits until the courier taps to reload (the page posts SKIP_WAITING), never mid-delivery.
self.addEventListener("message", (event) => {
  if ((event.data as { type?: string } | null)?.type === "SKIP_WAITING") void self.skipWaiting();
});
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
