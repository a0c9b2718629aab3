import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreKey, type StoreNames, type StoreValue } from "idb";

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

/** A proof photo waiting for its event's acknowledgement, then for its own upload (removed only on a 2xx). */
export interface OutboxPhoto {
  clientEventId: string;
  bytes: ArrayBuffer;
  contentType: string;
  takenAt: string;
  /** The host refused it for good (too large, not an image): shown, never retried. */
  rejected?: { status: number; reason: string } | null;
}

export interface Meta { key: string; value: unknown }

interface CourierSchema extends DBSchema {
  events: { key: number; value: OutboxEvent; indexes: { notBefore: number } };
  positions: { key: number; value: OutboxPosition };
  sent: { key: string; value: SentEvent; indexes: { ackedAt: number } };
  meta: { key: string; value: Meta };
  photos: { key: string; value: OutboxPhoto };
}

export type StoreName = StoreNames<CourierSchema>;
export type WriteTx<S extends StoreName[]> = IDBPTransaction<CourierSchema, S, "readwrite">;

// Dexie's version 1 was IndexedDB version 10: a tablet that still holds that database keeps its outbox and gains `photos`.
const version = 20;

/** One store read (and written) outside a larger transaction; every write tells the page's live queries. */
class Table<N extends StoreName> {
  constructor(private readonly owner: CourierDb, private readonly store: N) {}
  async get(key: StoreKey<CourierSchema, N>): Promise<StoreValue<CourierSchema, N> | undefined> { return (await this.owner.open()).get(this.store, key); }
  async count(): Promise<number> { return (await this.owner.open()).count(this.store); }
  async toArray(): Promise<StoreValue<CourierSchema, N>[]> { return (await this.owner.open()).getAll(this.store); }
  put(value: StoreValue<CourierSchema, N>): Promise<unknown> { return this.owner.write([this.store], (tx) => tx.objectStore(this.store).put(value)); }
  delete(key: StoreKey<CourierSchema, N>): Promise<void> { return this.owner.write([this.store], (tx) => tx.objectStore(this.store).delete(key)); }
  bulkAdd(values: StoreValue<CourierSchema, N>[]): Promise<void> {
    return this.owner.write([this.store], async (tx) => { for (const v of values) await tx.objectStore(this.store).add(v); });
  }
}

/**
 * The tablet's IndexedDB (through `idb`, a thin promise wrapper): the outbox (events, positions, photos), what was
 * sent, the last route and sync facts. Writes go through {@link write}, which tells subscribers in this tab and, by a
 * BroadcastChannel, in the tablet's other tabs, so the screen follows the outbox without polling.
 */
export class CourierDb {
  readonly name: string;
  readonly events = new Table(this, "events");
  readonly positions = new Table(this, "positions");
  readonly sent = new Table(this, "sent");
  readonly meta = new Table(this, "meta");
  readonly photos = new Table(this, "photos");
  private opening: Promise<IDBPDatabase<CourierSchema>> | null = null;
  private handle: IDBPDatabase<CourierSchema> | null = null;
  private readonly listeners = new Set<() => void>();
  private channel: BroadcastChannel | null = null;

  constructor(name = "delivery-courier") {
    this.name = name;
  }

  open(): Promise<IDBPDatabase<CourierSchema>> {
    this.opening ??= openDB<CourierSchema>(this.name, version, {
      upgrade(db) {
        const has = (s: string) => db.objectStoreNames.contains(s as StoreName);
        if (!has("events")) db.createObjectStore("events", { keyPath: "ord", autoIncrement: true }).createIndex("notBefore", "notBefore");
        if (!has("positions")) db.createObjectStore("positions", { keyPath: "seq", autoIncrement: true });
        if (!has("sent")) db.createObjectStore("sent", { keyPath: "clientEventId" }).createIndex("ackedAt", "ackedAt");
        if (!has("meta")) db.createObjectStore("meta", { keyPath: "key" });
        if (!has("photos")) db.createObjectStore("photos", { keyPath: "clientEventId" });
      },
      // A newer version of the app opened the database in another tab: let it upgrade, reopen on the next call.
      blocking: () => this.close(),
    }).then((db) => (this.handle = db));
    return this.opening;
  }

  close(): void {
    this.handle?.close();
    this.handle = null;
    this.opening = null;
  }

  /** Runs `work` in one read-write transaction over `stores`, waits for the commit, then tells the live queries. */
  async write<S extends StoreName[], T>(stores: S, work: (tx: WriteTx<S>) => Promise<T>): Promise<T> {
    const db = await this.open();
    const tx = db.transaction(stores, "readwrite");
    const result = await work(tx);
    await tx.done;
    this.changed(true);
    return result;
  }

  /** Calls `listener` after every committed write, in this tab or another; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    if (!this.channel && typeof BroadcastChannel !== "undefined") {
      this.channel = new BroadcastChannel("idb:" + this.name);
      this.channel.onmessage = () => this.changed(false);
    }
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.channel?.close();
        this.channel = null;
      }
    };
  }

  private changed(here: boolean): void {
    this.listeners.forEach((l) => l());
    if (here) this.channel?.postMessage("changed");
  }
}
