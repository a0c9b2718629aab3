// Street tiles kept in the Cache API for a dead zone: the courier app fills it for the route's area at the start of the
// day, and its map reads tiles from it first (MapView's `offlineCache`). Pages that pass no cache never touch it.

/** Tiles of a bounding box, [west, south, east, north] in degrees, at zoom z. */
export function tilesOf(bbox: [number, number, number, number], z: number): Array<[number, number, number]> {
  const n = 2 ** z;
  const x = (lon: number) => Math.min(n - 1, Math.max(0, Math.floor(((lon + 180) / 360) * n)));
  const y = (lat: number) => {
    const r = (Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180;
    return Math.min(n - 1, Math.max(0, Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)));
  };
  const tiles: Array<[number, number, number]> = [];
  for (let tx = x(bbox[0]); tx <= x(bbox[2]); tx++) for (let ty = y(bbox[3]); ty <= y(bbox[1]); ty++) tiles.push([z, tx, ty]);
  return tiles;
}

/** The points' bounding box widened by `marginDeg` on every side. */
export function boundsOf(points: Array<[number, number]>, marginDeg = 0.01): [number, number, number, number] | null {
  if (points.length === 0) return null;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [Math.min(...lons) - marginDeg, Math.min(...lats) - marginDeg, Math.max(...lons) + marginDeg, Math.max(...lats) + marginDeg];
}

/** The network's answer, stored in `cache`; with no network (or after `timeoutMs`), the stored copy. */
export async function networkThenCache(url: string, cache: string, timeoutMs = 4_000): Promise<Response> {
  const store = await caches.open(cache);
  try {
    const response = await fetch(url, { credentials: "same-origin", signal: AbortSignal.timeout(timeoutMs) });
    if (response.ok) await store.put(url, response.clone());
    return response;
  } catch (e) {
    const copy = await store.match(url);
    if (copy) return copy;
    throw e;
  }
}

/** A tile from `cache` when it is there, else from the network (and stored). */
export async function cacheThenNetwork(url: string, cache: string, signal?: AbortSignal): Promise<Response> {
  const store = await caches.open(cache);
  const copy = await store.match(url);
  if (copy) return copy;
  const response = await fetch(url, { credentials: "same-origin", signal });
  if (response.ok) await store.put(url, response.clone());
  return response;
}

/**
 * Puts every street tile of the area (zoom `minZoom` to the source's maximum, at most `maxTiles`) into `cache`, so the
 * map works in a dead zone and after a reload with no network. Tiles already there are not fetched again.
 * Returns how many tiles the area has and how many were fetched now.
 */
export async function cacheArea(styleUrl: string, bbox: [number, number, number, number], cache: string,
  { minZoom = 8, maxTiles = 2_500 } = {}): Promise<{ tiles: number; fetched: number }> {
  const style = (await (await networkThenCache(styleUrl, cache)).json()) as { sources?: Record<string, { tiles?: string[]; maxzoom?: number }> };
  const source = Object.values(style.sources ?? {}).find((s) => s.tiles?.length);
  const template = source?.tiles?.[0];
  if (!template) return { tiles: 0, fetched: 0 };
  const urls: string[] = [];
  for (let z = minZoom; z <= (source?.maxzoom ?? 16) && urls.length < maxTiles; z++) {
    for (const [tz, x, y] of tilesOf(bbox, z)) urls.push(template.replace("{z}", String(tz)).replace("{x}", String(x)).replace("{y}", String(y)));
  }
  const wanted = urls.slice(0, maxTiles);
  const store = await caches.open(cache);
  let fetched = 0;
  let next = 0;
  const worker = async () => {
    while (next < wanted.length) {
      const url = wanted[next++]!;
      if (await store.match(url)) continue;
      const response = await fetch(url, { credentials: "same-origin" }).catch(() => null);
      if (response?.ok) {
        await store.put(url, response);
        fetched++;
      }
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return { tiles: wanted.length, fetched };
}
