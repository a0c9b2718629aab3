import { useState } from "react";
import { api, queryClient, type Schemas } from "../../../../shared/api/client";
import { describeProblem, isProblem, type Problem } from "../../../../shared/api/problem";

type Plan = Schemas["PlanVersionView"];
export type Edit = Omit<Schemas["EditRequest"], "confirm">;
export type Pending = { edit: Edit; what: string; violations: Schemas["ViolationView"][] };

/** Where an order is now: its route's courier and 1-based position, or unassigned. */
function placeOf(plan: Plan, orderId: number): { courierId: number; position: number } | null {
  for (const r of plan.routes) {
    const i = r.stops.findIndex((s) => s.orderId === orderId);
    if (i >= 0) return { courierId: r.courierId, position: i + 1 };
  }
  return null;
}

/** The edit that puts things back as they are now (undo). */
export function inverseOf(plan: Plan, edit: Edit): Edit {
  if (edit.kind === "swap") return edit;
  const place = placeOf(plan, edit.orderId);
  return place ? { kind: "move", orderId: edit.orderId, courierId: place.courierId, position: place.position } : { kind: "unassign", orderId: edit.orderId };
}

const refresh = () => Promise.all([
  queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/depots/{depotId}/plans/{date}"] }),
  queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/depots/{depotId}/plans/{date}/geojson"] }),
  queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/plan-versions/{versionId}/geojson"] }),
]);

/**
 * Puts an applied edit's re-timed routes into the cached plan at once, so the stop list and timeline show the result
 * without waiting for the whole plan to be read again (the re-read that follows brings totals, the unassigned list and
 * the lines along the streets).
 */
function patch(result: Schemas["EditResult"]) {
  queryClient.setQueriesData<Plan>({ queryKey: ["get", "/api/v1/depots/{depotId}/plans/{date}"] }, (old) => {
    if (!old || old.id !== result.versionId) return old;
    const changed = new Map(result.changedRoutes.map((r) => [r.courierId, r]));
    const routes = old.routes.map((r) => changed.get(r.courierId) ?? r);
    for (const r of result.changedRoutes) if (!old.routes.some((o) => o.courierId === r.courierId)) routes.push(r);
    return { ...old, routes };
  });
}

/** Shows an applied edit: at once from its reply, then from the re-read plan; a new version is read before going on (its id is the next edit's). */
async function show(result: Schemas["EditResult"]) {
  if (result.newVersion) {
    await refresh();
  } else {
    patch(result);
    void refresh();
  }
}

/**
 * Hand edits: sent without confirm first, so the server re-times the routes and refuses a violating edit with its
 * violations in words (409); the dispatcher then sees them and may "apply anyway" (confirm=true). Each applied edit can
 * be undone (the inverse edit, confirmed).
 */
export function useEdits(plan: Plan | undefined, notify: (text: string, error?: boolean, undo?: () => void) => void,
  labels: { failed: string; undone: string; applied: (what: string) => string; undo: string; violation: (v: Schemas["ViolationView"]) => string }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [undoStack, setUndoStack] = useState<Edit[]>([]);

  async function send(edit: Edit, what: string, confirm: boolean, versionId: number): Promise<boolean> {
    setBusy(true);
    const { data, error, response } = await api.POST("/api/v1/plan-versions/{versionId}/edits", { params: { path: { versionId } }, body: { ...edit, confirm } });
    setBusy(false);
    const codes = isProblem(error) ? (error as Problem).violationCodes : undefined;
    if (response.status === 409 && Array.isArray(codes)) {
      setPending({ edit, what, violations: codes as Schemas["ViolationView"][] });
      return false;
    }
    if (!response.ok || !data) {
      notify(describeProblem(error, labels.failed), true);
      return false;
    }
    await show(data);
    notify(labels.applied(what) + (data.violationCodes.length ? " — " + data.violationCodes.map(labels.violation).join("; ") : ""), false);
    return true;
  }

  async function propose(edit: Edit, what: string) {
    if (!plan) return;
    const inverse = inverseOf(plan, edit);
    if (await send(edit, what, false, plan.id)) setUndoStack((s) => [...s, inverse]);
  }

  async function applyAnyway() {
    if (!plan || !pending) return;
    const inverse = inverseOf(plan, pending.edit);
    const ok = await send(pending.edit, pending.what, true, plan.id);
    setPending(null);
    if (ok) setUndoStack((s) => [...s, inverse]);
  }

  async function undo() {
    const last = undoStack.at(-1);
    if (!plan || !last) return;
    const { data, response, error } = await api.POST("/api/v1/plan-versions/{versionId}/edits", { params: { path: { versionId: plan.id } }, body: { ...last, confirm: true } });
    if (!response.ok || !data) {
      notify(describeProblem(error, labels.failed), true);
      return;
    }
    setUndoStack((s) => s.slice(0, -1));
    await show(data);
    notify(labels.undone, false);
  }

  return { propose, pending, applyAnyway, dismiss: () => setPending(null), busy, undo, canUndo: undoStack.length > 0 };
}
