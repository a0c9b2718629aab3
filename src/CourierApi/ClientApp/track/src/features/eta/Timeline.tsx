import { useTranslation } from "react-i18next";
import type { TrackingPage } from "../../api";
import styles from "../../Track.module.css";

type Step = "ordered" | "planned" | "out" | "onTheWay" | "arrived" | "delivered" | "partly_delivered" | "failed" | "cancelled";

const order: Record<string, number> = { ordered: 0, planned: 1, on_the_way: 3, arrived: 4, delivered: 5, partly_delivered: 5, failed: 5, cancelled: 5 };

/** Ordered → planned → out for delivery → on the way → arrived → the outcome; done steps ticked, the current one marked. */
export function Timeline({ page }: { page: TrackingPage }) {
  const { t } = useTranslation("track");
  const last: Step = page.phase === "partly_delivered" || page.phase === "failed" || page.phase === "cancelled" ? page.phase : "delivered";
  const steps: Step[] = ["ordered", "planned", "out", "onTheWay", "arrived", last];
  const current = order[page.phase] ?? 0;
  return (
    <section className={styles.card} aria-labelledby="timeline">
      <h2 id="timeline" className={styles.heading}>{t("timeline")}</h2>
      <ol className={styles.timeline}>
        {steps.map((step, i) => {
          const state = i < current || (i === current && i === steps.length - 1) ? "done" : i === current ? "current" : "todo";
          return (
            <li key={step} className={styles[state]} aria-current={state === "current" ? "step" : undefined} data-state={state}>
              <span className={styles.dot} aria-hidden="true">{state === "done" ? "✓" : ""}</span>
              <span>{t(`steps.${step}`)}</span>
              <span className="visually-hidden"> ({t(`stepState.${state}`)})</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
