import { useTranslation } from "react-i18next";
import { $api } from "../../../../shared/api/client";
import { formatTime, formatWindow } from "../../../../shared/i18n/format";
import { Dialog } from "../../../../shared/ui/Dialog";
import { useBoard } from "../../context";
import panel from "../../ui/Panel.module.css";
import type { LiveDay } from "./useLiveDay";
import styles from "./Live.module.css";

/** A stop's story: planned vs predicted vs actual, every event with its source (tablet, paper, geofence), the customer's notes and choice. */
export function StopStoryDialog({ day, orderId, onClose }: { day: LiveDay; orderId: number | null; onClose: () => void }) {
  const { t } = useTranslation("board");
  const { depot, locale, zone } = useBoard();
  const story = $api.useQuery("get", "/api/v1/depots/{depotId}/orders/{orderId}/story", { params: { path: { depotId: depot.id, orderId: orderId ?? 0 } } },
    { enabled: orderId !== null });
  const live = day.couriers.flatMap((c) => c.stops.map((s) => ({ c, s }))).find((x) => x.s.orderId === orderId);
  const s = story.data;
  const time = (v: string | null | undefined) => (v ? formatTime(v, locale, zone) : "—");
  return (
    <Dialog wide title={s ? t("live.storyTitle", { order: s.shopOrderId, customer: s.customerName }) : t("loading")} open={orderId !== null} onClose={onClose}>
      {s && (
        <div className={styles.story}>
          <dl className={styles.facts}>
            <dt>{t("live.address")}</dt><dd>{s.address}</dd>
            <dt>{t("live.window")}</dt><dd>{formatWindow(s.windowStartUtc, s.windowEndUtc, locale, zone)}</dd>
            {live && <><dt>{t("live.courier")}</dt><dd>{live.c.name} · {t("live.stopNumber", { n: live.s.sequence })}</dd></>}
            {s.customerPhone && <><dt>{t("live.phone")}</dt><dd><a href={`tel:${s.customerPhone}`}>{s.customerPhone}</a></dd></>}
            {s.deliveryNotes && <><dt>{t("live.notes")}</dt><dd>{s.deliveryNotes}</dd></>}
            {s.customerChoice && <><dt>{t("live.choice")}</dt><dd>{t(`live.choices.${s.customerChoice}` as "live.choices.neighbour", { defaultValue: s.customerChoice })}{s.customerChoiceNote ? ` — ${s.customerChoiceNote}` : ""}</dd></>}
          </dl>
          <table className={panel.table} aria-label={t("live.times")}>
            <thead><tr><th>{t("live.planned")}</th><th>{t("live.predicted2")}</th><th>{t("live.actualArrival")}</th><th>{t("live.handover")}</th></tr></thead>
            <tbody><tr className={panel.mono}>
              <td>{time(s.plannedArrival)}</td><td>{time(live?.s.eta)}</td><td>{time(live?.s.arrivedAt)}</td><td>{time(live?.s.handoverAt)}</td>
            </tr></tbody>
          </table>
          <h3 className={styles.storyHead}>{t("live.events")}</h3>
          {s.events.length === 0 ? <p className={panel.muted}>{t("live.noEvents")}</p> : (
            <ol className={styles.events}>
              {s.events.map((e, i) => (
                <li key={i}>
                  <span className={panel.mono}>{time(e.occurredAt)}</span>
                  <strong>{t(`live.event.${e.kind}` as "live.event.arrived", { defaultValue: e.kind })}</strong>
                  <span className={[panel.badge, e.source === "paper" ? panel.badgeWarn : panel.badgeInfo].join(" ")}>{t(`live.source.${e.source}` as "live.source.tablet", { defaultValue: e.source })}</span>
                  {e.reason && <span>{e.reason}</span>}
                  {e.note && <span className={panel.muted}>“{e.note}”</span>}
                  {e.enteredBy && <span className={panel.muted}>{t("live.enteredBy", { who: e.enteredBy })}</span>}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </Dialog>
  );
}
