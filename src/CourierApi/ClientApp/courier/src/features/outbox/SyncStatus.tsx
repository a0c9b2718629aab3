import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { formatTime } from "../../../../shared/i18n/format";
import type { LiveStatus } from "../../../../shared/live/connection";
import styles from "./Sync.module.css";

function subscribeOnline(cb: () => void) {
  window.addEventListener("online", cb);
  window.addEventListener("offline", cb);
  return () => { window.removeEventListener("online", cb); window.removeEventListener("offline", cb); };
}

/** Always on screen: online or not, what waits to be sent, when the server last confirmed something. */
export function SyncStatus({ hub, events, positions, photos, lastAckAt, locale, zone }: {
  hub: LiveStatus; events: number; positions: number; photos: number; lastAckAt: number | null; locale: string; zone: string;
}) {
  const { t } = useTranslation("courier");
  const browserOnline = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  const state = !browserOnline ? "offline" : hub === "live" ? "online" : hub === "connecting" ? "connecting" : "offline";
  return (
    <div className={styles.sync} role="status" aria-label={t("sync.label")} data-testid="sync">
      <span className={`${styles.pill} ${styles[state]}`}><span className={styles.dot} aria-hidden="true" />{t(`sync.${state}`)}</span>
      <span className={styles.facts} data-events={events} data-positions={positions} data-photos={photos}>
        {events + positions + photos === 0 ? t("sync.allSent") : t("sync.waiting", { events, positions })}
        {photos > 0 && <>{" · "}{t("sync.photos", { count: photos })}</>}
        {" · "}{lastAckAt ? t("sync.lastAck", { time: formatTime(new Date(lastAckAt), locale, zone) }) : t("sync.never")}
      </span>
    </div>
  );
}

/** The note under the top bar while offline. */
export function useOfflineNote(): boolean {
  return !useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}
