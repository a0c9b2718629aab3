import { useTranslation } from "react-i18next";
import type { Schemas } from "../../../../shared/api/client";
import { formatNumber, formatUnit } from "../../../../shared/i18n/format";
import { Button } from "../../../../shared/ui/Button";
import { useBoard } from "../../context";
import { CostChart } from "./CostChart";
import type { CostPoint } from "./usePlanningJob";
import styles from "./PlanProgress.module.css";

/** Live progress of a planning job: elapsed, best cost, vehicles, unassigned, a cost chart, and cancel. */
export function PlanProgress({ job, history, onCancel }: { job: Schemas["JobResponse"]; history: CostPoint[]; onCancel: () => void }) {
  const { t } = useTranslation("board");
  const { locale, editable } = useBoard();
  const p = job.progress;
  const running = job.status === "queued" || job.status === "running";
  return (
    <div className={styles.box} role="status" aria-live="polite" aria-label={t("plan.progress")}>
      {running && <span className={styles.spinner} aria-hidden="true" />}
      <div className={styles.stat}><span>{t("plan.status")}</span><strong>{t(`job.${job.status}` as "job.running", { defaultValue: job.status })}</strong></div>
      <div className={styles.stat}><span>{t("plan.elapsed")}</span><strong>{formatUnit(p?.elapsedSeconds ?? 0, "second", locale, 1)}</strong></div>
      <div className={styles.stat}><span>{t("plan.bestCost")}</span><strong>{p?.bestCost != null ? formatNumber(p.bestCost, locale) : "—"}</strong></div>
      <div className={styles.stat}><span>{t("plan.vehicles")}</span><strong>{p?.vehiclesUsed ?? "—"}</strong></div>
      <div className={styles.stat}><span>{t("plan.unassigned")}</span><strong>{p?.unassigned ?? "—"}</strong></div>
      <CostChart points={history} />
      {running && editable && <Button small variant="danger" onClick={onCancel} disabled={job.cancelRequested}>{t("plan.cancel")}</Button>}
      {job.error && <span>{job.error}</span>}
    </div>
  );
}
