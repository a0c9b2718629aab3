import { useState } from "react";
import { useTranslation } from "react-i18next";
import { now } from "../../../../shared/time/clock";
import { Button } from "../../../../shared/ui/Button";
import type { EventKind, RefusedItem } from "../outbox/db";
import type { LocalStop } from "../route/stopStatus";
import type { RouteStop, StopDetails } from "../route/useCourierRoute";
import { outbox, scheduleFlush } from "../../sync";
import type { Photo } from "../photo/photo";
import { PhotoPicker } from "../photo/PhotoPicker";
import { FailDialog } from "./FailDialog";
import { PartlyDialog } from "./PartlyDialog";
import styles from "./Actions.module.css";

/** Records an outcome (with its proof photo) in the outbox first (it is sent after the undo grace period, the photo after it). */
export async function record(stopId: string, kind: EventKind,
  extra: { reason?: string; note?: string | null; refusedItems?: RefusedItem[]; total?: number; photo?: Photo | null } = {}) {
  await outbox.addEvent({ stopId, kind, occurredAt: now().toISOString(), reason: extra.reason ?? null, note: extra.note ?? null,
    refusedItems: extra.refusedItems ?? null }, extra.total ?? null, extra.photo);
  scheduleFlush(kind === "arrived" ? 0 : 8_100);
}

/** One tap each: arrived, delivered, partly delivered (refused items), failed (reason + note). */
export function StopActions({ stop, details, status }: { stop: RouteStop; details: StopDetails | undefined; status: LocalStop }) {
  const { t } = useTranslation("courier");
  const [dialog, setDialog] = useState<"partly" | "failed" | null>(null);
  const id = String(stop.orderId);
  if (status.status !== "open" && status.status !== "arrived") return null;
  return (
    <div className={styles.actions} role="group" aria-label={t("actions.label")}>
      {status.status === "open" && <Button className={`${styles.act} ${styles.arrived}`} onClick={() => void record(id, "arrived")}>{t("actions.arrived")}</Button>}
      <Button className={`${styles.act} ${styles.ok}`} onClick={() => void record(id, "delivered")}><span aria-hidden="true">✓</span> {t("actions.delivered")}</Button>
      <PhotoPicker className={`${styles.act} ${styles.okPhoto}`} label={t("photo.delivered")} onPhoto={(photo) => void record(id, "delivered", { photo })} />
      <Button className={`${styles.act} ${styles.partly}`} onClick={() => setDialog("partly")} disabled={!details || details.items.length === 0}>{t("actions.partly")}</Button>
      <Button className={`${styles.act} ${styles.failed}`} onClick={() => setDialog("failed")}><span aria-hidden="true">✕</span> {t("actions.failed")}</Button>
      {details && <PartlyDialog open={dialog === "partly"} stop={stop} details={details} onClose={() => setDialog(null)}
        onConfirm={(refusedItems, total, photo) => { setDialog(null); void record(id, "partly_delivered", { refusedItems, total, photo }); }} />}
      <FailDialog open={dialog === "failed"} stop={stop} onClose={() => setDialog(null)}
        onConfirm={(reason, note, photo) => { setDialog(null); void record(id, "failed", { reason, note, photo }); }} />
    </div>
  );
}
