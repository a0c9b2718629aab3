import type { CourierEventReport, OutboxEvent, SentEvent } from "../outbox/db";

export type StopStatus = "open" | "arrived" | "delivered" | "partly_delivered" | "failed" | "cancelled";

export interface LocalStop { status: StopStatus; pending: boolean; collected: number | null }

const closing = new Set(["delivered", "partly_delivered", "failed"]);

/**
 * What a stop shows: the server's status, moved on by this tablet's own events (sent or still queued, in tap order).
 * A queued event marks the stop "waiting to send"; a refused one changes nothing.
 */
export function localStatus(server: string, serverCollected: number | null | undefined, stopId: string, sent: SentEvent[], queued: OutboxEvent[]): LocalStop {
  let status = server as StopStatus;
  let collected = serverCollected ?? null;
  if (status === "cancelled") return { status, pending: false, collected };
  const apply = (r: CourierEventReport, total: number | null | undefined) => {
    if (closing.has(r.kind)) {
      status = r.kind as StopStatus;
      collected = r.kind === "partly_delivered" ? (total ?? null) : null;
    } else if (r.kind === "arrived" && status === "open") {
      status = "arrived";
    }
  };
  const mine = sent.filter((e) => e.report.stopId === stopId).sort((a, b) => a.report.occurredAt.localeCompare(b.report.occurredAt));
  mine.forEach((e) => apply(e.report, e.total));
  const waiting = queued.filter((e) => !e.rejected && e.report.stopId === stopId);
  waiting.forEach((e) => apply(e.report, e.total));
  return { status, pending: waiting.length > 0, collected };
}

export const isDone = (s: StopStatus) => s === "delivered" || s === "partly_delivered" || s === "failed" || s === "cancelled";
