import { useTranslation } from "react-i18next";
import type { OutboxEvent, OutboxPhoto } from "./db";
import { courierDb, outbox } from "../../sync";
import styles from "./Sync.module.css";

const label = { arrived: "actions.arrived", delivered: "actions.delivered", partly_delivered: "actions.partly", failed: "actions.failed", note: "actions.label" } as const;

/** Events the server refused, each with its reason; they are never re-sent and stay until the courier dismisses them. */
export function RejectedList({ events, photos, sequenceOf }: {
  events: OutboxEvent[]; photos: Omit<OutboxPhoto, "bytes">[]; sequenceOf: (stopId: string) => number | undefined;
}) {
  const { t } = useTranslation("courier");
  const rejected = events.filter((e) => e.rejected);
  const refusedPhotos = photos.filter((p) => p.rejected);
  if (rejected.length === 0 && refusedPhotos.length === 0) return null;
  return (
    <section className={styles.rejected} role="alert" aria-labelledby="rejected-title">
      <h2 id="rejected-title">{t("rejected.title")}</h2>
      <ul>
        {rejected.map((e) => (
          <li key={e.ord}>
            <span>{t("rejected.item", { what: t(label[e.report.kind]), stop: sequenceOf(e.report.stopId) ?? e.report.stopId, reason: e.rejected?.reason })}</span>
            <button type="button" className={styles.dismiss} onClick={() => void outbox.dismiss(e.ord!)}>{t("rejected.dismiss")}</button>
          </li>
        ))}
        {refusedPhotos.map((p) => (
          <li key={p.clientEventId}>
            <span>{t("photo.refused", { reason: p.rejected?.reason })}</span>
            <button type="button" className={styles.dismiss} onClick={() => void courierDb.photos.delete(p.clientEventId)}>{t("rejected.dismiss")}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
