import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { Schemas } from "../../../../shared/api/client";
import { courierApi } from "../../session";
import { courierDb, courierHub } from "../../sync";

export type CourierRoute = Schemas["CourierRouteResponse"];
export type RouteStop = Schemas["StopView"];
export type StopDetails = Schemas["CourierStopDetails"];

/** The route and whether it came from the server just now or from the tablet's copy (offline). */
export interface RouteState { route: CourierRoute | null; fromCache: boolean }

const key = ["courier-route"];

async function fetchRoute(): Promise<RouteState> {
  let response: Response | undefined;
  let data: CourierRoute | undefined;
  try {
    ({ data, response } = await courierApi.GET("/api/v1/courier/route", {}));
  } catch {
    response = undefined; // offline: fall back to the copy
  }
  if (response?.ok && data) {
    await courierDb.meta.put({ key: "route", value: data });
    return { route: data, fromCache: false };
  }
  if (response?.status === 404) {
    await courierDb.meta.delete("route");
    return { route: null, fromCache: false };
  }
  const copy = (await courierDb.meta.get("route"))?.value as CourierRoute | undefined;
  if (copy) return { route: copy, fromCache: true };
  throw new Error(response ? `route: ${response.status}` : "offline");
}

/**
 * Today's route: from the server when it answers (and kept in IndexedDB), else the kept copy. Reloaded when the
 * dispatcher publishes a change (RouteChanged on the courier hub), after a reconnect, and once a minute.
 */
export function useCourierRoute() {
  const client = useQueryClient();
  useEffect(() => {
    const reload = () => void client.invalidateQueries({ queryKey: key });
    const offChange = courierHub.on("RouteChanged", reload);
    const offRevoked = courierHub.on("DeviceRevoked", reload); // a 401 on the reload signs this tablet out
    const offResync = courierHub.onResync(reload);
    window.addEventListener("online", reload);
    return () => {
      offChange();
      offRevoked();
      offResync();
      window.removeEventListener("online", reload);
    };
  }, [client]);
  return useQuery({ queryKey: key, queryFn: fetchRoute, refetchInterval: 60_000, retry: 2, retryDelay: 1_000, staleTime: 10_000, networkMode: "always" });
}
