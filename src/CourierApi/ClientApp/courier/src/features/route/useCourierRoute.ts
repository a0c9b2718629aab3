import { useEffect, useState } from "react";
import type { Schemas } from "../../../../shared/api/client";
import { courierApi } from "../../session";
import { courierDb, courierHub } from "../../sync";
import { useStored } from "../../useStored";

export type CourierRoute = Schemas["CourierRouteResponse"];
export type RouteStop = Schemas["StopView"];
export type StopDetails = Schemas["CourierStopDetails"];

/** The route and whether the server has answered since the page opened (else it is the tablet's copy). */
export interface RouteState { route: CourierRoute | null; fromCache: boolean }

let loading: Promise<boolean> | null = null;

/** Reads today's route from the server into the tablet's copy (IndexedDB); true when the server answered. */
function reload(): Promise<boolean> {
  loading ??= (async () => {
    try {
      const { data, response } = await courierApi.GET("/api/v1/courier/route", {});
      if (response.ok && data) await courierDb.meta.put({ key: "route", value: data });
      else if (response.status === 404) await courierDb.meta.delete("route");
      return response.ok || response.status === 404;
    } catch {
      return false; // offline: the copy stays
    } finally {
      loading = null;
    }
  })();
  return loading;
}

/**
 * Today's route, always read from the tablet's copy (one truth for online and offline), which is refreshed from the
 * server on opening (retried twice), when the dispatcher publishes a change (RouteChanged on the courier hub), after a
 * reconnect, when the browser is back online, and once a minute. A 404 (no route today) removes the copy.
 */
export function useCourierRoute(): { data: RouteState | undefined; isPending: boolean } {
  const copy = useStored(async () => ({ route: ((await courierDb.meta.get("route"))?.value as CourierRoute | undefined) ?? null }), undefined,
    (a, b) => a === b || (a !== undefined && b !== undefined && JSON.stringify(a.route) === JSON.stringify(b.route)));
  const [answered, setAnswered] = useState(false);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    let live = true;
    const load = (attempt = 0): void => void reload().then((ok) => {
      if (!live) return;
      if (ok) setAnswered(true);
      if (!ok && attempt < 2) setTimeout(() => load(attempt + 1), 1_000);
      else setTried(true);
    });
    const again = () => load();
    load();
    const offChange = courierHub.on("RouteChanged", again);
    const offRevoked = courierHub.on("DeviceRevoked", again); // a 401 on the reload signs this tablet out
    const offResync = courierHub.onResync(again);
    const timer = setInterval(again, 60_000);
    window.addEventListener("online", again);
    return () => {
      live = false;
      offChange();
      offRevoked();
      offResync();
      clearInterval(timer);
      window.removeEventListener("online", again);
    };
  }, []);
  const data = copy === undefined ? undefined : { route: copy.route, fromCache: !answered };
  return { data, isPending: copy === undefined || (copy.route === null && !tried) };
}
