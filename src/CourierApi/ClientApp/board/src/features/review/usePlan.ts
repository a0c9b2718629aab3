import { $api, type Schemas } from "../../../../shared/api/client";
import { useBoard } from "../../context";

export type Plan = Schemas["PlanVersionView"];
export type Route = Schemas["RouteView"];
export type Stop = Schemas["StopView"];

/** The newest plan version of the board's depot and date (404 = not planned yet). */
export function usePlan() {
  const { depot, date } = useBoard();
  return $api.useQuery("get", "/api/v1/depots/{depotId}/plans/{date}", { params: { path: { depotId: depot.id, date } } }, { retry: false });
}

/**
 * The plan's route lines. Asked for by depot and date, so the request goes out together with the plan's rather than
 * after it; only when the two answers are of different versions (an edit or re-plan in between) is the shown
 * version's asked for by id.
 */
export function useRouteGeoJson(versionId: number | undefined) {
  const { depot, date } = useBoard();
  const latest = $api.useQuery("get", "/api/v1/depots/{depotId}/plans/{date}/geojson", { params: { path: { depotId: depot.id, date } } }, { retry: false });
  const other = versionId !== undefined && latest.data !== undefined && latest.data.versionId !== versionId;
  const byVersion = $api.useQuery("get", "/api/v1/plan-versions/{versionId}/geojson", { params: { path: { versionId: versionId ?? 0 } } }, { enabled: other });
  return other ? byVersion : latest;
}

/** A colour index per courier (the list, map and timeline agree, and it survives edits and re-plans). */
export function colourIndex(plan: Plan): Map<number, number> {
  return new Map(plan.routes.map((r, i) => [r.courierId, i]));
}
