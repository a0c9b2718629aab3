import { useTranslation } from "react-i18next";
import type { TrackingPage } from "../../api";
import { useDepotFormat } from "../../format";
import styles from "../../Track.module.css";

/** The one card that answers "when?": phase, the ETA as a narrow range, the promised window, the stops before. */
export function StatusCard({ page }: { page: TrackingPage }) {
  const { t } = useTranslation("track");
  const f = useDepotFormat(page.timeZone);
  // The server says the range (one rule for the API, the first paint and this card).
  const range = page.etaFrom && page.etaTo ? ([new Date(page.etaFrom), new Date(page.etaTo)] as const) : null;
  const done = page.phase === "delivered" || page.phase === "partly_delivered";
  return (
    <section className={styles.card} aria-labelledby="phase">
      <p className={styles.kicker}>{t("deliveryOn", { date: f.date(page.date) })}</p>
      <h2 id="phase" className={[styles.phase, done && styles.ok, page.phase === "failed" && styles.bad].filter(Boolean).join(" ")}>
        {t(`phase.${page.phase as "ordered"}`)}
      </h2>
      {range && (
        <p className={styles.eta} data-testid="eta">
          <span className={styles.label}>{t("eta")}</span>
          <strong>{f.time(range[0])}–{f.time(range[1])}</strong>
        </p>
      )}
      <p className={styles.window} data-testid="window">
        <span className={styles.label}>{t("window")}</span>
        <span>{page.windowStartUtc ? f.window(page.windowStartUtc, page.windowEndUtc) : t("noWindow")}</span>
      </p>
      {page.stopsBefore != null && page.phase === "on_the_way" && (
        <p className={styles.stops} data-testid="stops-before">{page.stopsBefore === 0 ? t("youAreNext") : t("stopsBefore", { count: page.stopsBefore })}</p>
      )}
      {page.handoverAt && <p>{t(page.phase === "failed" ? "attempted" : "handedOver", { time: f.time(page.handoverAt) })}</p>}
      {page.phase === "failed" && page.failureReason && (
        <p>{t("reason", { reason: t(`reasons.${page.failureReason as "not_home"}`, { defaultValue: page.failureReason }) })}</p>
      )}
    </section>
  );
}
