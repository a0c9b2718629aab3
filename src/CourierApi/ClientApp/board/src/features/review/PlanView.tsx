import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatNumber } from "../../../../shared/i18n/format";
import { Button } from "../../../../shared/ui/Button";
import { useBoard } from "../../context";
import panel from "../../ui/Panel.module.css";
import { PlanProgress } from "../planning/PlanProgress";
import { usePlanningJob } from "../planning/usePlanningJob";
import { RouteMap } from "./RouteMap";
import { RoutesPanel } from "./RoutesPanel";
import { UnassignedPanel } from "./UnassignedPanel";
import { colourIndex, usePlan } from "./usePlan";
import styles from "./Review.module.css";

const budgets = [5, 10, 30, 60, 120];

/** Plan, review and edit: the toolbar (plan, progress, publish, print), routes and unassigned beside the map and timeline. */
export function PlanView() {
  const { t } = useTranslation("board");
  const board = useBoard();
  const plan = usePlan();
  const planning = usePlanningJob();
  const [budget, setBudget] = useState(10);
  const [selected, setSelected] = useState<number | null>(null);
  const colours = useMemo(() => (plan.data ? colourIndex(plan.data) : new Map<number, number>()), [plan.data]);
  const p = plan.data;

  return (
    <div className={styles.layout}>
      <div className={styles.bar}>
        <h2>{p ? t("plan.version", { number: p.number }) : t("plan.notPlanned")}</h2>
        {p && <span className={[panel.badge, p.status === "published" ? styles.statusPublished : styles.statusDraft].join(" ")}>{t(`planStatus.${p.status}` as "planStatus.draft", { defaultValue: p.status })}</span>}
        {p && (
          <span className={styles.totals}>
            <span><strong>{p.totals.routes}</strong> {t("plan.totalRoutes")}</span>
            <span><strong>{p.totals.stops}</strong> {t("plan.totalStops")}</span>
            <span><strong>{formatNumber(p.totals.distanceKm, board.locale)}</strong> km</span>
            <span><strong>{formatNumber(p.totals.travelHours, board.locale, 1)}</strong> {t("plan.hoursShort")}</span>
            <span><strong>{p.totals.unassigned}</strong> {t("plan.totalUnassigned")}</span>
            {p.publishedAt && <span>{t("plan.publishedAt", { at: formatDateTime(p.publishedAt, board.locale, board.zone) })}</span>}
          </span>
        )}
        <span className={styles.spacer} />
        {board.editable && (
          <>
            <label className={styles.budget}>{t("plan.budget")}
              <select className={panel.selectInput} value={budget} onChange={(e) => setBudget(Number(e.target.value))}>
                {budgets.map((b) => <option key={b} value={b}>{t("plan.seconds", { count: b })}</option>)}
              </select>
            </label>
            <Button variant="primary" disabled={planning.running} onClick={() => void planning.start(budget)}>{p ? t("plan.replan") : t("plan.plan")}</Button>
          </>
        )}
      </div>
      {(planning.job || planning.error) && (
        <div className={styles.bar}>
          {planning.job && <PlanProgress job={planning.job} history={planning.history} onCancel={() => void planning.cancel()} />}
          {planning.error && <p className={panel.error} role="alert">{planning.error}</p>}
        </div>
      )}
      <div className={styles.side}>
        {plan.isPending && <p className={styles.empty} role="status">{t("loading")}</p>}
        {plan.isError && <p className={[panel.panel, styles.empty].join(" ")}>{t("plan.nothingYet")}</p>}
        {p && <RoutesPanel plan={p} colours={colours} selected={selected} onSelect={setSelected} />}
        {p && <UnassignedPanel plan={p} />}
      </div>
      <div className={styles.mapArea}><RouteMap plan={p} colours={colours} selected={selected} /></div>
    </div>
  );
}
