import type { CourierRoute } from "./useCourierRoute";

export interface RouteChange { version: number; added: string[]; removed: string[]; reordered: boolean; windows: string[]; cancelled: string[] }

/** What a re-published route changed for the courier, or null when nothing they would notice did. */
export function diffRoutes(before: CourierRoute, after: CourierRoute): RouteChange | null {
  const old = new Map(before.route.stops.map((s) => [s.orderId, s]));
  const now = new Map(after.route.stops.map((s) => [s.orderId, s]));
  const name = (s: { customerName: string; sequence: number }) => `${s.sequence}. ${s.customerName}`;
  const added = after.route.stops.filter((s) => !old.has(s.orderId)).map(name);
  const removed = before.route.stops.filter((s) => !now.has(s.orderId)).map(name);
  const kept = after.route.stops.filter((s) => old.has(s.orderId)).map((s) => s.orderId);
  const keptBefore = before.route.stops.filter((s) => now.has(s.orderId)).map((s) => s.orderId);
  const reordered = kept.some((id, i) => keptBefore[i] !== id);
  const windows = after.route.stops.filter((s) => {
    const o = old.get(s.orderId);
    return o && (o.windowStart !== s.windowStart || o.windowEnd !== s.windowEnd);
  }).map(name);
  const wasCancelled = new Set(before.stops.filter((d) => d.status === "cancelled").map((d) => d.orderId));
  const cancelled = after.stops.filter((d) => d.status === "cancelled" && !wasCancelled.has(d.orderId))
    .map((d) => now.get(d.orderId)).filter((s) => s !== undefined).map(name);
  if (!added.length && !removed.length && !reordered && !windows.length && !cancelled.length) return null;
  return { version: after.versionNumber, added, removed, reordered, windows, cancelled };
}
