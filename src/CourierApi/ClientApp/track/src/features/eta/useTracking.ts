import { useCallback, useEffect, useRef, useState } from "react";
import type { LiveStatus } from "../../../../shared/live/connection";
import { trackApi, type CourierPosition, type TrackingPage } from "../../api";

export type Load =
  | { state: "loading" }
  | { state: "unknown" | "expired" | "limited" | "error" }
  | { state: "ready"; page: TrackingPage };

interface StopMessage {
  routeId: string;
  stopId: string;
  eta?: string;
}

const hubPath = "/hubs/live";

/**
 * The page's data as the host wrote it into the HTML (`GET /t/{token}` renders the first lines and this JSON, so a slow
 * phone line waits for no data request): the API's status and, when 200, the same body `/page` answers.
 */
function firstPaint(): Load | undefined {
  const text = document.getElementById("track-state")?.textContent;
  if (!text) return undefined;
  try {
    const state = JSON.parse(text) as { status: number; page?: TrackingPage | null };
    if (state.status === 200 && state.page) return { state: "ready", page: state.page };
    return state.status === 404 ? { state: "unknown" } : state.status === 410 ? { state: "expired" } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The page's data: the REST view first (the text shows at once), then the live hub by tracking token. ETA and courier
 * pushes apply at once; any stop push also reloads the view quietly (stops before, phase, options) — no page reload.
 */
export function useTracking(token: string): { load: Load; status: LiveStatus; apply: (page: TrackingPage) => void } {
  const [initial] = useState(firstPaint);
  const [load, setLoad] = useState<Load>(() => initial ?? { state: "loading" });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const fetchPage = useCallback(async () => {
    const { data, response } = await trackApi.GET("/api/v1/tracking/{token}/page", { params: { path: { token } } }).catch(() => ({ data: undefined, response: undefined }));
    if (data) {
      setLoad({ state: "ready", page: data });
    } else {
      const status = response?.status;
      setLoad((old) => (old.state === "ready" && status !== 410 && status !== 404 ? old
        : { state: status === 404 ? "unknown" : status === 410 ? "expired" : status === 429 ? "limited" : "error" }));
    }
  }, [token]);

  const reload = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void fetchPage(), 300);
  }, [fetchPage]);

  useEffect(() => {
    if (!token) {
      setLoad({ state: "unknown" });
      return;
    }
    if (!initial) void fetchPage();
  }, [token, fetchPage, initial]);

  const live = load.state === "ready" && load.page.routeId != null && !["delivered", "partly_delivered", "failed", "cancelled"].includes(load.page.phase);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  useEffect(() => {
    if (!live) {
      return;
    }
    // SignalR loads after the text is on screen, like the map: the first paint needs only the REST view.
    let disposed = false;
    let cleanup: (() => void) | undefined;
    void import("../../../../shared/live/connection").then(({ liveHub }) => {
      if (disposed) return;
      const hub = liveHub(hubPath);
      // This connection joined only its own stop's group: every push is about this order.
      const offs = [
        hub.onStatus(setStatus),
        hub.on<StopMessage>("Eta", (m) => {
          if (!m.eta) return;
          setLoad((old) => (old.state === "ready" ? { state: "ready", page: { ...old.page, eta: m.eta ?? old.page.eta } } : old));
          reload();
        }),
        hub.on<CourierPosition>("Position", (p) => setLoad((old) => (old.state === "ready" ? { state: "ready", page: { ...old.page, courier: p } } : old))),
        ...["StopStatus", "WindowAtRisk", "WindowRecovered"].map((method) => hub.on<StopMessage>(method, () => reload())),
        hub.onResync(() => reload()),
        hub.join("TrackOrder", "UntrackOrder", token),
      ];
      cleanup = () => offs.forEach((off) => off());
    });
    return () => {
      disposed = true;
      cleanup?.();
    };
  }, [live, token, reload]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const apply = useCallback((page: TrackingPage) => setLoad({ state: "ready", page }), []);
  return { load, status, apply };
}
