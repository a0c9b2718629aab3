import type { LiveCourier } from "./useLiveDay";

/** Colours of a stop's state on the map and in the lists (never the only cue: the lists say it in words). */
export const stateColour: Record<string, string> = {
  done: "#1d7a3e",
  next: "#2f4fd8",
  open: "#8a93a6",
  atRisk: "#c26a00",
  failed: "#b42318",
  cancelled: "#c3c8d2",
};

/** A fix older than the silent threshold is stale: drawn as such, never as if live. */
export function isStale(c: LiveCourier, now: Date, silentAfterMinutes: number): boolean {
  if (!c.position) return false;
  return c.silent || now.getTime() - Date.parse(c.position.recordedAt) >= silentAfterMinutes * 60_000;
}

/** Whole minutes since an instant (never negative). */
export function minutesSince(instant: string | null | undefined, now: Date): number | null {
  if (!instant) return null;
  return Math.max(0, Math.floor((now.getTime() - Date.parse(instant)) / 60_000));
}

/**
 * The part of a route's street line still to drive: from the vertex nearest the courier (searched after the vertex
 * nearest the last closed stop, so a route that passes the same corner twice is cut at the right pass) to the end.
 */
export function remainingLine(line: number[][], courier: LiveCourier): number[][] {
  if (line.length < 2) return line;
  const nearest = (lon: number, lat: number, from: number) => {
    let best = from;
    let bestD = Infinity;
    const k = Math.cos((lat * Math.PI) / 180);
    for (let i = from; i < line.length; i++) {
      const [x, y] = line[i] as [number, number];
      const d = ((x - lon) * k) ** 2 + (y - lat) ** 2;
      if (d < bestD) { bestD = d; best = i; }
    }
    return best;
  };
  const closed = courier.stops.filter((s) => s.state === "done" || s.state === "failed" || s.state === "cancelled");
  const last = closed[closed.length - 1];
  const from = last ? nearest(last.lon, last.lat, 0) : 0;
  if (!courier.position) return courier.done === 0 ? line : line.slice(from);
  const at = nearest(courier.position.lon, courier.position.lat, from);
  return [[courier.position.lon, courier.position.lat], ...line.slice(at)];
}
