import { useEffect, useState } from "react";
import { boundsOf, cacheArea } from "../../../../shared/map/tileCache";
import type { CourierRoute } from "./useCourierRoute";

/** The Cache API store of the day's street tiles (read by the map first). */
export const dayTiles = "courier-day-tiles";

/**
 * At the start of the day (each new route version, when online) every street tile of the route's area goes into the
 * cache, so the map still shows the streets in a dead zone and after a reload with no network.
 */
export function useAreaTiles(route: CourierRoute | null): { tiles: number } | null {
  const [saved, setSaved] = useState<{ tiles: number } | null>(null);
  const version = route?.planVersionId;
  useEffect(() => {
    if (!route || typeof caches === "undefined" || !navigator.onLine) return;
    const points = [...route.path.map((c) => [c[0] ?? 0, c[1] ?? 0] as [number, number]), ...route.route.stops.map((s) => [s.longitude, s.latitude] as [number, number])];
    const bbox = boundsOf(points, 0.01);
    if (!bbox) return;
    let cancelled = false;
    void cacheArea("/map/style.json", bbox, dayTiles).then((r) => { if (!cancelled) setSaved({ tiles: r.tiles }); }).catch(() => undefined);
    return () => { cancelled = true; };
    // Once per route version: the area changes only with the route.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);
  return saved;
}
