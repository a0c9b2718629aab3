import { useTranslation } from "react-i18next";
import { formatTime, formatWindow } from "../../../../shared/i18n/format";
import { Button } from "../../../../shared/ui/Button";
import { useBoard } from "../../context";
import panel from "../../ui/Panel.module.css";
import { stateColour } from "./liveGeometry";
import type { LiveCourier } from "./useLiveDay";
import styles from "./Live.module.css";

/** The selected courier's stops in order, coloured and named by state; a stop opens its story. */
export function CourierStops({ courier, onStory, onClose }: { courier: LiveCourier; onStory: (orderId: number) => void; onClose: () => void }) {
  const { t, i18n } = useTranslation("board");
  const { locale, zone } = useBoard();
  return (
    <section className={panel.panel} aria-labelledby="live-stops">
      <div className={styles.sectionHead}>
        <h2 id="live-stops">{t("live.stopsOf", { courier: courier.name })}</h2>
        <span className={styles.headActions}>
          <a className={[panel.linkButton, panel.linkSmall].join(" ")} href={`/api/v1/routes/${courier.routeId}/manifest.pdf?lang=${encodeURIComponent(i18n.language)}`} target="_blank" rel="noopener">{t("live.action.printManifest")}</a>
          <Button small variant="ghost" onClick={onClose} aria-label={t("live.closeStops")}>✕</Button>
        </span>
      </div>
      <ol className={styles.stopList}>
        {courier.stops.map((s) => (
          <li key={s.orderId}>
            <button type="button" className={styles.stopRow} onClick={() => onStory(s.orderId)}>
              <span className={styles.stopDot} style={{ background: stateColour[s.state] }} aria-hidden="true">{s.sequence}</span>
              <span className={styles.stopMain}>
                <span className={styles.stopName}>{s.customerName} · {s.shopOrderId}</span>
                <span className={panel.mono}>
                  {t("live.window")} {formatWindow(s.windowStartUtc, s.windowEndUtc, locale, zone)} · {t("live.planned")} {formatTime(s.plannedArrival, locale, zone)}
                  {s.eta && <> · {t("live.eta")} {formatTime(s.eta, locale, zone)}</>}
                  {s.handoverAt && <> · {t("live.handover")} {formatTime(s.handoverAt, locale, zone)}</>}
                </span>
              </span>
              <span className={[panel.badge, s.state === "atRisk" || s.state === "failed" ? panel.badgeDanger : s.state === "done" ? panel.badgeOk : ""].join(" ")}>
                {t(`live.state.${s.state}` as "live.state.open")}{s.lateMinutes != null && s.lateMinutes > 0 ? " · " + t("live.lateBy", { count: s.lateMinutes }) : ""}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
