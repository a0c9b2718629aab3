import type { Schemas } from "../../../../shared/api/client";

type Route = Schemas["RouteView"];

function metres(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad, dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 12_742_000 * Math.asin(Math.sqrt(h));
}

/**
 * Driving minutes of each leg (to stop i, and back to the depot last): the route's driving time shared out by the
 * straight-line length of each leg. The review shape gives arrival and departure per stop but not the leg's travel
 * time, so the timeline draws driving right before each arrival and the rest of the gap as idle.
 */
export function legDrivingMinutes(route: Route, depot: [number, number]): number[] {
  const points: [number, number][] = [depot, ...route.stops.map((s) => [s.longitude, s.latitude] as [number, number]), depot];
  const lengths = points.slice(1).map((p, i) => metres(points[i]!, p));
  const total = lengths.reduce((a, b) => a + b, 0) || 1;
  return lengths.map((l) => (route.travelHours * 60 * l) / total);
}
