import Dexie, { type EntityTable } from "dexie";

/** Shapes the courier hub takes (src/Tracking/Ingest/CourierBatch.cs) and answers (BatchAck). */
export type EventKind = "arrived" | "delivered" | "partly_delivered" | "failed" | "note";
export interface RefusedItem { sku: string; quantity: number }
export interface CourierEventReport {
  clientEventId: string; stopId: string; kind: EventKind; occurredAt: string;
  reason?: string | null; refusedItems?: RefusedItem[] | null; note?: string | null;
}
export interface PositionReport {
  seq: number; recordedAt: string; lat: number; lon: number;
  accuracyM?: number | null; speedMps?: number | null; headingDeg?: number | null;
}
export interface CourierBatch { deviceId: string | null; positions: PositionReport[]; events: CourierEventReport[] }
export interface ItemRejection { item: string; field: string; reason: string }
export interface BatchAck { highestDurableSeq: number | null; positionsAccepted: number; eventsAccepted: string[]; rejections: ItemRejection[] }

/** An event waiting in the outbox: sent in `ord` order, not before `notBefore` (the undo grace period). */
export interface OutboxEvent {
  ord?: number;
  report: CourierEventReport;
  createdAt: number;
  notBefore: number;
  /** Shown with the reason and never retried, once the server refused it. */
  rejected?: { field: string; reason: string } | null;
  /** The recalculated total shown to the courier (partial delivery). */
  total?: number | null;
}

/** An event the server acknowledged as durable: kept for today's statuses until the route shows them. */
export interface SentEvent { clientEventId: string; report: CourierEventReport; ackedAt: number; total?: number | null }

export interface OutboxPosition { seq?: number; report: Omit<PositionReport, "seq"> }

export interface Meta { key: string; value: unknown }

/** The tablet's IndexedDB: the outbox (events, positions), what was sent, the last route and sync facts. */
export class CourierDb extends Dexie {
  events!: EntityTable<OutboxEvent, "ord">;
  positions!: EntityTable<OutboxPosition, "seq">;
  sent!: EntityTable<SentEvent, "clientEventId">;
  meta!: EntityTable<Meta, "key">;

  constructor(name = "delivery-courier") {
    super(name);
    this.version(1).stores({ events: "++ord, notBefore", positions: "++seq", sent: "clientEventId, ackedAt", meta: "key" });
  }
}
