import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { $api, api, queryClient } from "../../shared/api/client";
import { describeProblem } from "../../shared/api/problem";
import { formatDateTime, formatNumber, formatUnit } from "../../shared/i18n/format";
import { Button } from "../../shared/ui/Button";
import { routeColour } from "../../shared/ui/palette";
import { useBoard } from "./context";
import { MovedDialog } from "./features/planning/MovedDialog";
import { PlanProgress } from "./features/planning/PlanProgress";
import { usePlanningJob } from "./features/planning/usePlanningJob";
import { PublishDialog } from "./features/publish/PublishDialog";
import { RouteMap } from "./features/review/RouteMap";
import { RoutesPanel } from "./features/review/RoutesPanel";
import { Timeline } from "./features/review/Timeline";
import { UnassignedPanel } from "./features/review/UnassignedPanel";
import { colourIndex, usePlan, type Plan } from "./features/review/usePlan";
import { MoveDialog, type MoveTarget } from "./features/route-editing/MoveDialog";
import { StopList } from "./features/route-editing/StopList";
import { useEdits, type Edit } from "./features/route-editing/useEdits";
import { ViolationDialog } from "./features/route-editing/ViolationDialog";
import { editViolationText } from "./ui/issues";
import { useToast } from "./ui/Toast";
import panel from "./ui/Panel.module.css";
import styles from "./features/review/Review.module.css";

const budgets = [5, 10, 30, 60, 120];

/** Plan, review and edit: plan with a time budget and live progress; routes, map and timeline; edits, locks, publish, print. */
export function PlanPage() {
  const { t, i18n } = useTranslation("board");
  const board = useBoard();
  const lang = "?lang=" + encodeURIComponent(i18n.language);
  const toast = useToast();
  const plan = usePlan();
  const planning = usePlanningJob();
  const shifts = $api.useQuery("get", "/api/v1/depots/{depotId}/shifts", { params: { path: { depotId: board.depot.id }, query: { date: board.date } } });
  const [budget, setBudget] = useState(10);
  const [selected, setSelected] = useState<number | null>(null);
  const [target, setTarget] = useState<MoveTarget | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [showMoved, setShowMoved] = useState(false);
  const published = useRef<Plan | null>(null);
  const p = plan.data;
  const colours = useMemo(() => (p ? colourIndex(p) : new Map<number, number>()), [p]);
  if (p?.status === "published") published.current = p;

  const edits = useEdits(p, (text, error) => toast({ text, error }), {
    failed: t("edit.failed"), undone: t("edit.undone"), applied: (what) => t("edit.applied", { what }), undo: t("plan.undo"),
    violation: (v) => editViolationText(t, v, board),
  });

  // Stable callbacks for the memoised stop lists, calling the newest handlers (which read the newest plan).
  const handlers = useRef({ propose: edits.propose, pin });
  handlers.current = { propose: edits.propose, pin };
  const onEdit = useCallback((e: Edit, what: string) => void handlers.current.propose(e, what), []);
  const onPin = useCallback((orderId: number, courierId: number) => void handlers.current.pin(orderId, courierId), []);

  // A finished re-plan shows what moved before the dispatcher goes on.
  const job = planning.job;
  useEffect(() => {
    if (job?.status === "succeeded" && job.kind === "replan" && job.resultVersionId) setShowMoved(true);
  }, [job?.status, job?.kind, job?.resultVersionId]);

  async function setLocked(routeId: number, locked: boolean) {
    const { error, response } = await api.PUT("/api/v1/routes/{routeId}/lock", { params: { path: { routeId } }, body: { locked } });
    if (!response.ok) toast({ text: describeProblem(error, t("edit.failed")), error: true });
    await queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/depots/{depotId}/plans/{date}"] });
  }

  async function pin(orderId: number, courierId: number | null) {
    const { error, response } = await api.PUT("/api/v1/orders/{orderId}/pin", { params: { path: { orderId } }, body: { courierId } });
    toast(response.ok ? { text: t("edit.pinDone") } : { text: describeProblem(error, t("edit.failed")), error: true });
  }

  return (
    <div className={styles.layout}>
      <div className={styles.bar}>
        <h2>{p ? t("plan.version", { number: p.number }) : t("plan.notPlanned")}</h2>
        {p && <span className={[panel.badge, p.status === "published" ? styles.statusPublished : styles.statusDraft].join(" ")}>{t(`planStatus.${p.status}` as "planStatus.draft", { defaultValue: p.status })}</span>}
        {p && (
          <span className={styles.totals}>
            <span><strong>{p.totals.routes}</strong> {t("plan.totalRoutes")}</span>
            <span><strong>{p.totals.stops}</strong> {t("plan.totalStops")}</span>
            <span><strong>{formatUnit(p.totals.distanceKm, "kilometer", board.locale, 0)}</strong></span>
            <span><strong>{formatNumber(p.totals.travelHours, board.locale, 1)}</strong> {t("plan.hoursShort")}</span>
            <span><strong>{p.totals.unassigned}</strong> {t("plan.totalUnassigned")}</span>
            {p.totals.violations > 0 && <span className={[panel.badge, panel.badgeDanger].join(" ")}>{t("plan.violations", { count: p.totals.violations })}</span>}
            {p.publishedAt && <span>{t("plan.publishedAt", { at: formatDateTime(p.publishedAt, board.locale, board.zone) })}</span>}
          </span>
        )}
        <span className={styles.spacer} />
        {p && <a className={panel.linkButton} href={`/api/v1/plan-versions/${p.id}/manifests.pdf${lang}`} target="_blank" rel="noopener">{t("plan.printPlan")}</a>}
        {board.editable && (
          <>
            {p && <Button onClick={() => void edits.undo()} disabled={!edits.canUndo}>{t("plan.undo")}</Button>}
            <label className={styles.budget}>{t("plan.budget")}
              <select className={panel.selectInput} value={budget} onChange={(e) => setBudget(Number(e.target.value))}>
                {budgets.map((b) => <option key={b} value={b}>{t("plan.seconds", { count: b })}</option>)}
              </select>
            </label>
            <Button variant={p ? "secondary" : "primary"} disabled={planning.running} onClick={() => void planning.start(budget)}>{p ? t("plan.replan") : t("plan.plan")}</Button>
            {p && <Button variant="primary" disabled={planning.running || p.status === "published"} onClick={() => setPublishing(true)}>{t("plan.publish")}</Button>}
          </>
        )}
      </div>
      {(job || planning.error) && (
        <div className={styles.progress}>
          {job && <PlanProgress job={job} history={planning.history} onCancel={() => void planning.cancel()} />}
          {planning.error && <p className={panel.error} role="alert">{planning.error}</p>}
        </div>
      )}
      <div className={styles.side}>
        {plan.isPending && <p className={styles.empty} role="status">{t("loading")}</p>}
        {plan.isError && <p className={[panel.panel, styles.empty].join(" ")}>{t("plan.nothingYet")}</p>}
        {p && (
          <RoutesPanel plan={p} colours={colours} selected={selected} onSelect={setSelected}
            renderActions={(r) => (
              <div className={styles.routeActions}>
                {board.editable && <Button small onClick={() => void setLocked(r.routeId, !r.locked)}>{r.locked ? t("plan.unlock") : t("plan.lock")}</Button>}
                {r.stops.length > 0 && <a className={[panel.linkButton, panel.linkSmall].join(" ")} href={`/api/v1/routes/${r.routeId}/manifest.pdf${lang}`} target="_blank" rel="noopener">{t("plan.printRoute")}</a>}
                {board.editable && r.locked && <span className={panel.muted}>{t("edit.lockedHint")}</span>}
              </div>
            )}
            renderStops={(r) => (
              <StopList route={r} colour={routeColour(colours.get(r.courierId) ?? 0)} locale={board.locale} zone={board.zone} editable={board.editable}
                onEdit={onEdit} onDialog={setTarget} onPin={onPin} />
            )} />
        )}
        {p && (
          <UnassignedPanel plan={p} renderAction={board.editable ? (orderId) => {
            const u = p.unassigned.find((x) => x.orderId === orderId)!;
            return <Button small onClick={() => setTarget({ orderId, label: `${u.shopOrderId} (${u.customerName})`, mode: "assign" })}>{t("edit.assign")}</Button>;
          } : undefined} />
        )}
      </div>
      <div className={styles.mapArea}><RouteMap plan={p} colours={colours} selected={selected} /></div>
      {p && p.totals.stops > 0 && (
        <div className={styles.timelineArea}><Timeline plan={p} colours={colours} shifts={shifts.data ?? []} selected={selected} onSelect={setSelected}
          onDrop={board.editable ? (orderId, label, courierId, position, courierName) => void edits.propose({ kind: "move", orderId, courierId, position }, t("edit.moved", { order: label, courier: courierName })) : undefined} /></div>
      )}
      {p && <MoveDialog plan={p} target={target} onClose={() => setTarget(null)} onEdit={(e, what) => void edits.propose(e, what)} />}
      <ViolationDialog pending={edits.pending} words={(v) => editViolationText(t, v, board)} busy={edits.busy} onApply={() => void edits.applyAnyway()} onClose={edits.dismiss} />
      {p && <PublishDialog plan={p} published={published.current && published.current.id !== p.id ? published.current : null} open={publishing}
        onClose={() => setPublishing(false)} onDone={(text) => toast({ text })} locale={board.locale} zone={board.zone} />}
      {job?.resultVersionId && <MovedDialog versionId={job.resultVersionId} open={showMoved} onAccept={() => { setShowMoved(false); planning.dismiss(); }} />}
    </div>
  );
}
