import { useEffect, useState } from "react";
import { now } from "../../../../shared/time/clock";
import { outbox, scheduleFlush } from "../../sync";

export type GpsState = "off" | "on" | "denied" | "unavailable";

const minIntervalMs = 5_000;

/**
 * Watches the device's position while the route is on screen; each fix (at most one per 5 s) goes into the outbox
 * and is sent in batches over the courier hub. Browsers stop this when the page is hidden: there is no background GPS.
 */
export function useGps(enabled: boolean): GpsState {
  const [state, setState] = useState<GpsState>("off");
  useEffect(() => {
    if (!enabled) return;
    if (!("geolocation" in navigator)) { setState("unavailable"); return; }
    let last = 0;
    const id = navigator.geolocation.watchPosition((p) => {
      setState("on");
      const at = now().getTime();
      if (at - last < minIntervalMs) return;
      last = at;
      const c = p.coords;
      void outbox.addPosition({
        recordedAt: new Date(at).toISOString(), lat: c.latitude, lon: c.longitude,
        accuracyM: Number.isFinite(c.accuracy) ? c.accuracy : null,
        speedMps: c.speed !== null && Number.isFinite(c.speed) && c.speed >= 0 && c.speed <= 100 ? c.speed : null,
        headingDeg: c.heading !== null && Number.isFinite(c.heading) && c.heading >= 0 && c.heading <= 360 ? c.heading : null,
      }).then(() => scheduleFlush(1_000));
    }, (e) => setState(e.code === e.PERMISSION_DENIED ? "denied" : "unavailable"), { enableHighAccuracy: true, maximumAge: 0, timeout: 60_000 });
    return () => navigator.geolocation.clearWatch(id);
  }, [enabled]);
  return state;
}

/** Keeps the screen on while the route is shown (Wake Lock API), re-taken when the page is visible again. */
export function useWakeLock(enabled: boolean): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!enabled || !("wakeLock" in navigator)) return;
    let lock: WakeLockSentinel | null = null;
    let disposed = false;
    const take = async () => {
      if (document.visibilityState !== "visible" || disposed) return;
      try {
        lock = await navigator.wakeLock.request("screen");
        setHeld(true);
        lock.addEventListener("release", () => setHeld(false));
      } catch {
        setHeld(false);
      }
    };
    void take();
    document.addEventListener("visibilitychange", take);
    return () => {
      disposed = true;
      document.removeEventListener("visibilitychange", take);
      void lock?.release();
    };
  }, [enabled]);
  return held;
}
