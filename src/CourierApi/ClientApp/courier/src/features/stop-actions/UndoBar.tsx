import { useTranslation } from "react-i18next";
import type { OutboxEvent } from "../outbox/db";
import { outbox } from "../../sync";
import styles from "./Actions.module.css";

const label = { arrived: "actions.arrived", delivered: "actions.delivered", partly_delivered: "actions.partly", failed: "actions.failed", note: "actions.label" } as const;

/** The latest tap still in its grace period, with a big Undo. */
export function UndoBar({ events, nowMs, sequenceOf }: { events: OutboxEvent[]; nowMs: number; sequenceOf: (stopId: string) => number | undefined }) {
  const { t } = useTranslation("courier");
  const last = [...events].reverse().find((e) => !e.rejected && e.notBefore > nowMs);
  if (!last) return null;
  const what = t(label[last.report.kind]);
  const n = sequenceOf(last.report.stopId) ?? "?";
  const seconds = Math.max(1, Math.ceil((last.notBefore - nowMs) / 1000));
  return (
    <div className={styles.undo} role="status">
      <span>{t("actions.recorded", { what, n })} <span className={styles.small}>{t("actions.sendsIn", { s: seconds })}</span></span>
      <button type="button" className={styles.undoButton} aria-label={t("actions.undoAria", { what, n })} onClick={() => void outbox.undo(last.report.clientEventId)}>
        {t("actions.undo")}
      </button>
    </div>
  );
}
