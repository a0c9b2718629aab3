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
 * The part of a route's street line still to drive: the line runs depot → stops → depot; the courier is somewhere on the
 * leg from the last closed stop to the next open one, so the line is cut at the vertex of that leg nearest the courier.
 */
export function remainingLine(line: number[][], courier: LiveCourier): number[][] {
  if (line.length < 2) return line;
  const nearest = (lon: number, lat: number, from: number, to = line.length - 1) => {
    let best = from;
    let bestD = Infinity;
    const k = Math.cos((lat * Math.PI) / 180);
    for (let i = from; i <= to; i++) {
      const [x, y] = line[i] as [number, number];
      const d = ((x - lon) * k) ** 2 + (y - lat) ** 2;
      if (d < bestD) { bestD = d; best = i; }
    }
    return best;
  };
  let from = 0;
  let next: { lon: number; lat: number } | undefined;
  for (const s of courier.stops) {
    if (s.state === "done" || s.state === "failed" || s.state === "cancelled") from = nearest(s.lon, s.lat, from);
    else if (!next) next = s;
  }
  if (!courier.position) return line.slice(from);
  const to = next ? nearest(next.lon, next.lat, from) : line.length - 1;
  const at = nearest(courier.position.lon, courier.position.lat, from, to);
  return [[courier.position.lon, courier.position.lat], ...line.slice(Math.min(at + 1, to))];
}
