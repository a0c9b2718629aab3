import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatTime, formatWindow } from "../../../../shared/i18n/format";
import { formatAmount } from "./money";
import type { LocalStop } from "./stopStatus";
import { formatMinutes, windowState } from "./timeLeft";
import type { RouteStop, StopDetails } from "./useCourierRoute";
import styles from "./Route.module.css";

/** The door the courier is at or heading to: who, where, when, notes first, call and navigate, items and the amount to collect. */
export function StopCard({ stop, details, status, total, isNext, nowMs, locale, zone, actions }: {
  stop: RouteStop; details: StopDetails | undefined; status: LocalStop; total: number; isNext: boolean; nowMs: number; locale: string; zone: string; actions: ReactNode;
}) {
  const { t } = useTranslation("courier");
  const w = windowState(stop.windowStart, stop.windowEnd, nowMs);
  const geo = `geo:${stop.latitude},${stop.longitude}?q=${stop.latitude},${stop.longitude}(${encodeURIComponent(stop.address)})`;
  return (
    <article className={styles.card} aria-labelledby="stop-title">
      <div className={styles.kicker}>{isNext ? t("card.next") + " · " : ""}{t("card.stop", { n: stop.sequence, total })}
        {" · "}<span className={styles.badge} data-status={status.status}>{t(`status.${status.status}`)}</span></div>
      <h2 id="stop-title" className={styles.customer}>{stop.customerName}</h2>
      <div className={styles.address}>{stop.address}</div>
      <div className={styles.window}>
        {w.kind === "none" ? <span className={styles.muted}>{t("card.noWindow")}</span> : (
          <>
            <span><span className="visually-hidden">{t("card.window")} </span><span className={styles.windowTime}>{formatWindow(stop.windowStart, stop.windowEnd, locale, zone)}</span></span>
            {w.kind === "inside" && <span className={w.minutes < 15 ? styles.soon : styles.left}>{t("card.leftInWindow", { time: formatMinutes(w.minutes, locale) })}</span>}
            {w.kind === "before" && <span className={styles.muted}>{t("card.opensIn", { time: formatMinutes(w.minutes, locale) })}</span>}
            {w.kind === "after" && <span className={styles.late}>{t("card.windowEnded", { time: formatMinutes(w.minutes, locale) })}</span>}
          </>
        )}
      </div>
      <div className={styles.muted}>{t("card.planned", { time: formatTime(stop.plannedArrival, locale, zone) })}</div>
      {status.status === "cancelled" && <p className={styles.cancelNote} role="alert">{t("card.cancelled")}</p>}
      {details?.deliveryNotes && (
        <section className={styles.notes} aria-labelledby="notes-title">
          <h3 id="notes-title"><span aria-hidden="true">⚠ </span>{t("card.notes")}</h3>
          <p>{details.deliveryNotes}</p>
        </section>
      )}
      <div className={styles.links}>
        {details?.phone ? <a className={styles.linkButton} href={`tel:${details.phone.replace(/[^\d+]/g, "")}`}><PhoneIcon /> {t("card.call", { phone: details.phone })}</a>
          : <span className={styles.noPhone}>{t("card.noPhone")}</span>}
        <a className={styles.linkButton} href={geo}><NavigateIcon /> {t("card.navigate")}</a>
      </div>
      {actions}
      {details && details.items.length > 0 && (
        <table className={styles.items}>
          <caption className="visually-hidden">{t("card.items")}</caption>
          <thead><tr><th scope="col">{t("card.item")}</th><th scope="col" className={styles.num}>{t("card.qty")}</th><th scope="col" className={styles.num}>{t("card.sum")}</th></tr></thead>
          <tbody>
            {details.items.map((i) => (
              <tr key={i.sku}><td>{i.sku}</td><td className={styles.num}>{i.quantity}</td><td className={styles.num}>{formatAmount(i.quantity * i.unitPrice, locale)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {details && (
        <div className={styles.total}>
          <span>{status.collected !== null ? t("card.collected") : t("card.collect")}</span>
          <span data-testid="collect">{formatAmount(status.collected ?? details.total, locale)}</span>
        </div>
      )}
    </article>
  );
}

// Inline icons: the tablet's fonts have no emoji (📞 and 🧭 showed as empty boxes).
function PhoneIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
      <path d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z" />
    </svg>
  );
}

function NavigateIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
      <path d="M21 3 3 10.5l7 2.5 2.5 7z" />
    </svg>
  );
}
