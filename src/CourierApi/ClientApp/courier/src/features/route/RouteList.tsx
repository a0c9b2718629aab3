import { useTranslation } from "react-i18next";
import { formatTime, formatWindow } from "../../../../shared/i18n/format";
import type { LocalStop } from "./stopStatus";
import { isDone } from "./stopStatus";
import type { RouteStop } from "./useCourierRoute";
import styles from "./Route.module.css";

/** Today's stops in driving order: number, customer, address, window, status; tapping one opens its card. */
export function RouteList({ stops, status, selected, onSelect, locale, zone }: {
  stops: RouteStop[]; status: Map<number, LocalStop>; selected: number | null; onSelect: (orderId: number) => void; locale: string; zone: string;
}) {
  const { t } = useTranslation("courier");
  const done = stops.filter((s) => isDone(status.get(s.orderId)?.status ?? "open")).length;
  return (
    <section aria-labelledby="route-title">
      <div className={styles.head}>
        <h2 id="route-title">{t("list.title")}</h2>
        <div className={styles.summary}>{t("list.summary", { count: stops.length, done })}</div>
      </div>
      <ol className={styles.list}>
        {stops.map((s) => {
          const st = status.get(s.orderId) ?? { status: "open" as const, pending: false, collected: null };
          const cls = [styles.item, (st.status === "delivered" || st.status === "partly_delivered") && styles.done,
            st.status === "failed" && styles.failedSeq, st.status === "cancelled" && styles.cancelledItem].filter(Boolean).join(" ");
          return (
            <li key={s.orderId} className={cls}>
              <button type="button" className={styles.stopButton} aria-current={selected === s.orderId ? "true" : undefined} onClick={() => onSelect(s.orderId)}>
                <span className={styles.seq} aria-hidden="true">{s.sequence}</span>
                <span>
                  <span className={styles.name}><span className="visually-hidden">{s.sequence}. </span>{s.customerName}</span>
                  <span className={styles.metaLine}>{s.address}</span>
                  <span className={styles.metaLine}>
                    <span className={styles.badge} data-status={st.status}>{t(`status.${st.status}`)}</span>
                    {formatWindow(s.windowStart, s.windowEnd, locale, zone)} · {t("list.eta", { time: formatTime(s.plannedArrival, locale, zone) })}
                  </span>
                  {st.pending && <span className={styles.pending}>{t("status.pending")}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
