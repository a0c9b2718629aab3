import { useEffect, useMemo, useRef, useState } from "react";
import { $api, queryClient, type Schemas } from "../../../../shared/api/client";
import { liveHub } from "../../../../shared/live/connection";
import { useBoard } from "../../context";

export type LiveDay = Schemas["LiveDayResponse"];
export type LiveCourier = Schemas["LiveCourier"];
export type LiveStop = Schemas["LiveStop"];
export type LiveAlert = Schemas["LiveAlert"];

/** A position as the live hub pushes it (Tracking's CourierPosition). */
export interface PushedPosition {
  courierId: string;
  routeId: string | null;
  recordedAt: string;
  lat: number;
  lon: number;
  speedMps: number | null;
  headingDeg: number | null;
}

const snapshotKey = ["get", "/api/v1/depots/{depotId}/live"];
const hubPath = "/hubs/live";

/**
 * The depot's live day: the snapshot from the API, moved on by the live hub. Positions merge per courier once a frame
 * (they go straight to the map); a stop's status, ETA or alert change reloads the snapshot (at most every 2 s), and so
 * does every reconnect and a 20 s tick (fix ages, lateness). `serverNow()` is the host's clock (simulated in a
 * simulated day), carried on from the snapshot's `now`.
 */
export function useLiveDay(date: string) {
  const { depot } = useBoard();
  const query = $api.useQuery("get", "/api/v1/depots/{depotId}/live", { params: { path: { depotId: depot.id }, query: { date } } },
    { refetchInterval: 20_000, staleTime: 5_000 });
  const [positions, setPositions] = useState<ReadonlyMap<string, PushedPosition>>(new Map());
  const live = query.data?.live ?? false;

  const fetchedAt = useRef({ server: 0, local: 0 });
  if (query.data && fetchedAt.current.server !== Date.parse(query.data.now)) {
    fetchedAt.current = { server: Date.parse(query.data.now), local: Date.now() };
  }

  useEffect(() => {
    if (!live) return;
    const hub = liveHub(hubPath);
    let pending = new Map<string, PushedPosition>();
    let frame = 0;
    let reload: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      frame = 0;
      const batch = pending;
      pending = new Map();
      setPositions((old) => {
        const next = new Map(old);
        batch.forEach((p, id) => next.set(id, p));
        return next;
      });
    };
    const refresh = () => {
      if (reload) return;
      reload = setTimeout(() => {
        reload = undefined;
        void queryClient.invalidateQueries({ queryKey: snapshotKey });
      }, 2_000);
    };
    const offs = [
      hub.on<PushedPosition>("Position", (p) => {
        pending.set(p.courierId, p);
        if (!frame) frame = requestAnimationFrame(flush);
      }),
      ...["StopStatus", "Eta", "WindowAtRisk", "WindowRecovered", "TabletSilent"].map((m) => hub.on(m, refresh)),
      hub.onResync(() => void queryClient.invalidateQueries({ queryKey: snapshotKey })),
    ];
    const leave = hub.join("JoinDepot", "LeaveDepot", String(depot.id));
    return () => {
      leave();
      offs.forEach((off) => off());
      if (frame) cancelAnimationFrame(frame);
      clearTimeout(reload);
    };
  }, [depot.id, live]);

  // A snapshot newer than a pushed fix wins (positions pushed before it are in it).
  const day = useMemo(() => {
    const d = query.data;
    if (!d || positions.size === 0) return d;
    return {
      ...d,
      couriers: d.couriers.map((c) => {
        const p = positions.get(String(c.courierId));
        if (!p || (c.position && Date.parse(c.position.recordedAt) >= Date.parse(p.recordedAt))) return c;
        return { ...c, silent: false, lastContactAt: p.recordedAt, position: { lat: p.lat, lon: p.lon, headingDeg: p.headingDeg, speedMps: p.speedMps, recordedAt: p.recordedAt } };
      }),
    };
  }, [query.data, positions]);

  const serverNow = () => new Date(fetchedAt.current.server + (Date.now() - fetchedAt.current.local));
  return { query, day, serverNow };
}

/** Reloads the live day now (after an acknowledgement, a move, paper outcomes). */
export function reloadLiveDay(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: snapshotKey });
}
