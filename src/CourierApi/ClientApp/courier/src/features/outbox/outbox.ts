import { CourierDb, type BatchAck, type CourierBatch, type CourierEventReport, type OutboxEvent, type OutboxPhoto, type PositionReport, type WriteTx } from "./db";

export interface OutboxOptions {
  /** Sends a batch over the courier hub; throws when it could not (offline, hub down): everything stays queued. */
  send: (batch: CourierBatch) => Promise<BatchAck>;
  now?: () => number;
  /** How long a tap can be undone before it is sent (ms). */
  graceMs?: number;
  maxPositionsPerBatch?: number;
  maxEventsPerBatch?: number;
  /** Positions kept at most while offline (the oldest are dropped beyond it, and counted). */
  maxQueuedPositions?: number;
}

export interface FlushResult { sent: boolean; events: number; positions: number; rejected: number; more: boolean }

/**
 * Nothing lost: every event and position is written to IndexedDB first and removed only when the server's answer
 * says it is durable. One flush at a time sends the oldest items in order; a refused event stays, marked with the
 * server's reason, and is not sent again; a failed send leaves everything where it was.
 */
export class Outbox {
  readonly db: CourierDb;
  private readonly opts: Required<Omit<OutboxOptions, "send">> & Pick<OutboxOptions, "send">;
  private flushing: Promise<FlushResult> | null = null;

  constructor(db: CourierDb, options: OutboxOptions) {
    this.db = db;
    this.opts = { now: () => Date.now(), graceMs: 8_000, maxPositionsPerBatch: 1_000, maxEventsPerBatch: 50, maxQueuedPositions: 50_000, ...options };
  }

  /** Queues a stop event, with its proof photo when one was taken (both in one transaction); it can be undone until `notBefore`. */
  async addEvent(report: Omit<CourierEventReport, "clientEventId"> & { clientEventId?: string }, total?: number | null,
    photo?: Omit<OutboxPhoto, "clientEventId" | "rejected"> | null): Promise<OutboxEvent> {
    const now = this.opts.now();
    const row: OutboxEvent = {
      report: { ...report, clientEventId: report.clientEventId ?? crypto.randomUUID() },
      createdAt: now,
      notBefore: report.kind === "arrived" ? now : now + this.opts.graceMs,
      rejected: null,
      total: total ?? null,
    };
    row.ord = await this.db.write(["events", "photos"], async (tx) => {
      const ord = await tx.objectStore("events").add(row);
      if (photo) await tx.objectStore("photos").put({ ...photo, clientEventId: row.report.clientEventId, rejected: null });
      return ord;
    });
    return row;
  }

  /** Removes a queued event (and its photo) while its grace period runs; false when it is too late (sent or being sent). */
  async undo(clientEventId: string): Promise<boolean> {
    return this.db.write(["events", "photos"], async (tx) => {
      const row = (await tx.objectStore("events").getAll()).find((e) => e.report.clientEventId === clientEventId);
      if (!row || row.rejected || this.opts.now() >= row.notBefore) return false;
      await tx.objectStore("events").delete(row.ord!);
      await tx.objectStore("photos").delete(clientEventId);
      return true;
    });
  }

  /** Queues a GPS fix; the per-device sequence number is the outbox key. */
  async addPosition(report: Omit<PositionReport, "seq">): Promise<void> {
    await this.db.write(["positions", "meta"], async (tx) => {
      const store = tx.objectStore("positions");
      await store.add({ report });
      const count = await store.count();
      if (count > this.opts.maxQueuedPositions) {
        const drop = await store.getAllKeys(undefined, count - this.opts.maxQueuedPositions);
        for (const seq of drop) await store.delete(seq);
        await bump(tx.objectStore("meta"), "positionsDropped", drop.length);
      }
    });
  }

  /** A refused event the courier has read: removed for good, with its photo (it can never be attached). */
  async dismiss(ord: number): Promise<void> {
    await this.db.write(["events", "photos"], async (tx) => {
      const row = await tx.objectStore("events").get(ord);
      await tx.objectStore("events").delete(ord);
      if (row) await tx.objectStore("photos").delete(row.report.clientEventId);
    });
  }

  /** Sends what is due, once; concurrent calls share the same flush. */
  flush(): Promise<FlushResult> {
    this.flushing ??= this.flushOnce().finally(() => (this.flushing = null));
    return this.flushing;
  }

  /** Flushes until nothing due is left (or a send fails). */
  async drain(): Promise<void> {
    for (;;) {
      const r = await this.flush();
      if (!r.sent || !r.more) return;
    }
  }

  private async flushOnce(): Promise<FlushResult> {
    const now = this.opts.now();
    const db = await this.db.open();
    const read = db.transaction(["events", "positions"]);
    const queued = (await read.objectStore("events").getAll()).filter((e) => !e.rejected).slice(0, this.opts.maxEventsPerBatch + 1);
    const positions = await read.objectStore("positions").getAll(undefined, this.opts.maxPositionsPerBatch + 1);
    const due: OutboxEvent[] = [];
    for (const e of queued) {
      if (e.notBefore > now || due.length === this.opts.maxEventsPerBatch) break; // order is kept: later taps wait for earlier ones
      due.push(e);
    }
    const sendPositions = positions.slice(0, this.opts.maxPositionsPerBatch);
    if (due.length === 0 && sendPositions.length === 0) {
      return { sent: false, events: 0, positions: 0, rejected: 0, more: false };
    }
    const batch: CourierBatch = {
      deviceId: null,
      events: due.map((e) => e.report),
      positions: sendPositions.map((p) => ({ ...p.report, seq: p.seq! })),
    };
    const ack = await this.opts.send(batch); // throws: nothing changes, the caller retries later
    await this.apply(ack, due, sendPositions.map((p) => p.seq!));
    const rejected = ack.rejections.length;
    return {
      sent: true,
      events: ack.eventsAccepted.length,
      positions: ack.positionsAccepted,
      rejected,
      more: queued.length > due.length && (queued[due.length]?.notBefore ?? Infinity) <= now || positions.length > sendPositions.length,
    };
  }

  /** Applies an acknowledgement: accepted items leave the outbox, refused events stay with their reason. */
  private async apply(ack: BatchAck, events: OutboxEvent[], seqs: number[]): Promise<void> {
    const accepted = new Set(ack.eventsAccepted);
    const refused = new Map(ack.rejections.filter((r) => r.item.startsWith("event:")).map((r) => [r.item.slice(6), r]));
    const batchWide = ack.rejections.find((r) => r.item === "batch");
    if (batchWide) {
      // The whole batch was refused (too large): nothing was stored, nothing is removed.
      throw new Error(batchWide.reason);
    }
    const now = this.opts.now();
    await this.db.write(["events", "positions", "sent", "meta"], async (tx) => {
      const store = tx.objectStore("events");
      for (const e of events) {
        const id = e.report.clientEventId;
        const why = refused.get(id);
        if (why) {
          await store.put({ ...e, rejected: { field: why.field, reason: why.reason } });
        } else if (accepted.has(id)) {
          await store.delete(e.ord!);
          await tx.objectStore("sent").put({ clientEventId: id, report: e.report, ackedAt: now, total: e.total ?? null });
        }
      }
      // Positions not named in a rejection are durable; refused ones (out of range, too old) can never be stored.
      // The batch was the oldest keys in order, and keys only grow, so the range holds exactly those sent.
      if (seqs.length > 0) await tx.objectStore("positions").delete(IDBKeyRange.bound(seqs[0], seqs[seqs.length - 1]));
      const refusedPositions = ack.rejections.filter((r) => r.item.startsWith("position")).length;
      const meta = tx.objectStore("meta");
      if (refusedPositions > 0) await bump(meta, "positionsRejected", refusedPositions);
      await meta.put({ key: "lastAckAt", value: now });
    });
  }
}

type MetaStore = ReturnType<WriteTx<["meta"]>["objectStore"]>;

async function bump(meta: Pick<MetaStore, "get" | "put">, key: string, by: number): Promise<void> {
  const row = await meta.get(key);
  await meta.put({ key, value: (typeof row?.value === "number" ? row.value : 0) + by });
}
