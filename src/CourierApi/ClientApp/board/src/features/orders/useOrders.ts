import { $api } from "../../../../shared/api/client";
import type { Schemas } from "../../../../shared/api/client";
import { useBoard } from "../../context";

export type Order = Schemas["OrderResponse"];

export function useOrders() {
  const { depot, date } = useBoard();
  return $api.useQuery("get", "/api/v1/depots/{depotId}/orders", { params: { path: { depotId: depot.id }, query: { date } } });
}

/** Capacity of the fleet on the date: the vehicles of the couriers that have a shift. */
export function useCapacity() {
  const { depot, date } = useBoard();
  const shifts = $api.useQuery("get", "/api/v1/depots/{depotId}/shifts", { params: { path: { depotId: depot.id }, query: { date } } });
  const vehicles = $api.useQuery("get", "/api/v1/depots/{depotId}/vehicles", { params: { path: { depotId: depot.id } } });
  const byId = new Map((vehicles.data ?? []).map((v) => [v.id, v]));
  const total = { items: 0, weightGrams: 0, couriers: shifts.data?.length ?? 0 };
  for (const s of shifts.data ?? []) {
    const v = byId.get(s.vehicleId);
    total.items += v?.capacity.items ?? 0;
    total.weightGrams += v?.capacity.weightGrams ?? 0;
  }
  return total;
}

export type WindowSlot = "morning" | "afternoon" | "evening" | "none";

/** Which part of the day an order's first window starts in (depot time). */
export function windowSlot(order: Order, minutesOf: (iso: string) => number): WindowSlot {
  const w = order.windows[0];
  if (!w) return "none";
  const m = minutesOf(w.start);
  return m < 12 * 60 ? "morning" : m < 17 * 60 ? "afternoon" : "evening";
}
