import { memo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Schemas } from "../../../../shared/api/client";
import { formatTime, formatWindow } from "../../../../shared/i18n/format";
import { stopViolations } from "../../ui/issues";
import review from "../review/Review.module.css";
import type { Edit } from "./useEdits";
import type { MoveTarget } from "./MoveDialog";
import styles from "./StopList.module.css";

type Route = Schemas["RouteView"];
type Stop = Schemas["StopView"];
export const dragType = "application/x-delivery-order";

type Props = {
  route: Route; colour: string; locale: string; zone: string; editable: boolean;
  onEdit: (e: Edit, what: string) => void; onDialog: (t: MoveTarget) => void; onPin: (orderId: number, courierId: number) => void;
};

/**
 * A route's stops in order: drag one onto another stop (that position) or another route; or use its menu. Memoised:
 * after an edit only the routes it changed render again (the callbacks given must be stable).
 */
export const StopList = memo(function StopList({ route, colour, locale, zone, editable, onEdit, onDialog, onPin }: Props) {
  const { t } = useTranslation("board");
  const [over, setOver] = useState<number | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const canEdit = editable && !route.locked;
  const label = (s: Stop) => `${s.shopOrderId} (${s.customerName})`;

  return (
    <ol className={review.stops} aria-label={t("plan.stops", { count: route.stops.length }) + " · " + route.courierName}>
      {route.stops.map((s) => (
        <li key={s.orderId} className={[review.stop, dragging === s.orderId ? styles.dragging : "", canEdit ? styles.drag : ""].join(" ")}
          data-drop={over === s.sequence ? "true" : undefined} draggable={canEdit}
          onDragStart={(e) => { e.dataTransfer.setData(dragType, JSON.stringify({ orderId: s.orderId, label: label(s) })); e.dataTransfer.effectAllowed = "move"; setDragging(s.orderId); }}
          onDragEnd={() => setDragging(null)}
          onDragOver={(e) => { if (canEdit && e.dataTransfer.types.includes(dragType)) { e.preventDefault(); setOver(s.sequence); } }}
          onDragLeave={() => setOver(null)}
          onDrop={(e) => {
            e.preventDefault(); setOver(null);
            const data = JSON.parse(e.dataTransfer.getData(dragType) || "null") as { orderId: number; label: string } | null;
            if (data && data.orderId !== s.orderId) onEdit({ kind: "move", orderId: data.orderId, courierId: route.courierId, position: s.sequence }, t("edit.moved", { order: data.label, courier: route.courierName }));
          }}>
          <span className={review.num} style={{ background: colour }} aria-hidden="true">{s.sequence}</span>
          <span className={review.stopMain}>
            <span className={review.stopName}><span className="visually-hidden">{s.sequence}. </span>{s.shopOrderId} · {s.customerName}</span>
            <span className={review.stopTimes}>
              {formatTime(s.plannedArrival, locale, zone)} · {t("timeline.window")} {formatWindow(s.windowStart, s.windowEnd, locale, zone)}
              {s.slackMinutes != null && s.slackMinutes < 0 && <span className={review.late}> · {t("edit.lateBy", { minutes: Math.round(-s.slackMinutes) })}</span>}
              {s.hasPhoto && <> · <a href={`/api/v1/orders/${s.orderId}/photo`} target="_blank" rel="noreferrer" aria-label={t("plan.photoOf", { order: s.shopOrderId })}>{t("plan.photo")}</a></>}
            </span>
            {stopViolations(t, s, { locale, zone }) && <span className={review.violation} role="note">⚠ {stopViolations(t, s, { locale, zone })}</span>}
          </span>
          {canEdit && (
            <details className={styles.menu}>
              <summary aria-label={t("edit.stopActions", { n: s.sequence, order: s.shopOrderId })}>⋯</summary>
              <div className={styles.items}>
                <button type="button" onClick={(e) => { close(e); onDialog({ orderId: s.orderId, label: label(s), mode: "move" }); }}>{t("edit.moveTo")}</button>
                <button type="button" onClick={(e) => { close(e); onDialog({ orderId: s.orderId, label: label(s), mode: "swap" }); }}>{t("edit.swapWith")}</button>
                <button type="button" onClick={(e) => { close(e); onEdit({ kind: "unassign", orderId: s.orderId }, t("edit.unassigned", { order: label(s) })); }}>{t("edit.unassign")}</button>
                <button type="button" onClick={(e) => { close(e); onPin(s.orderId, route.courierId); }}>{t("edit.pin")}</button>
              </div>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
});

function close(e: { currentTarget: HTMLElement }) {
  e.currentTarget.closest("details")?.removeAttribute("open");
}
