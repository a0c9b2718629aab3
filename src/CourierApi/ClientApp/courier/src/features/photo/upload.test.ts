import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { CourierDb, type BatchAck, type CourierBatch } from "../outbox/db";
import { Outbox } from "../outbox/outbox";
import { uploadPhotos } from "./upload";

let db: CourierDb;
let clock = 1_000_000;
let puts: string[];
let status: number;

// Answers every PUT with `status` (or throws, offline, when it is 0), as openapi-fetch would.
const api = {
  PUT: async (_path: string, init: { params: { path: { clientEventId: string } } }) => {
    if (status === 0) throw new TypeError("Failed to fetch");
    puts.push(init.params.path.clientEventId);
    return { response: new Response(null, { status }), error: status >= 400 ? { detail: "photo: the bytes are not a JPEG, PNG or WebP image" } : undefined };
  },
} as unknown as Parameters<typeof uploadPhotos>[1];

const ackAll = async (b: CourierBatch): Promise<BatchAck> => ({ highestDurableSeq: null, positionsAccepted: 0, eventsAccepted: b.events.map((e) => e.clientEventId), rejections: [] });
const photo = { bytes: new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]).buffer, contentType: "image/jpeg", takenAt: new Date(clock).toISOString() };
const delivered = { stopId: "7", kind: "delivered" as const, occurredAt: new Date(clock).toISOString() };

beforeEach(async () => {
  clock = 1_000_000;
  puts = [];
  status = 201;
  db = new CourierDb("photo-" + Math.random());
  await db.open();
});

describe("proof photos", () => {
  it("keep the photo with its event, upload it only after the event's acknowledgement, and remove it on a 2xx", async () => {
    const box = new Outbox(db, { send: ackAll, now: () => clock, graceMs: 5_000 });
    const row = await box.addEvent(delivered, null, photo);
    await uploadPhotos(db, api);
    expect(puts).toEqual([]); // the event is still in its grace period: not durable, so the photo waits
    clock += 5_000;
    await box.drain();
    status = 0;
    await expect(uploadPhotos(db, api)).rejects.toThrow("Failed to fetch");
    expect(await db.photos.count()).toBe(1);
    status = 503;
    await expect(uploadPhotos(db, api)).rejects.toThrow("503");
    expect(await db.photos.count()).toBe(1);
    status = 201;
    await uploadPhotos(db, api);
    expect(puts).toEqual([row.report.clientEventId, row.report.clientEventId]); // the 503, then the 201
    expect(await db.photos.count()).toBe(0);
  });

  it("keep a final refusal with its reason and never send it again", async () => {
    const box = new Outbox(db, { send: ackAll, now: () => clock, graceMs: 0 });
    await box.addEvent(delivered, null, photo);
    await box.drain();
    status = 415;
    await uploadPhotos(db, api);
    const [kept] = await db.photos.toArray();
    expect(kept!.rejected).toEqual({ status: 415, reason: "photo: the bytes are not a JPEG, PNG or WebP image" });
    await uploadPhotos(db, api);
    expect(puts).toHaveLength(1);
  });

  it("go with an undone tap, and tell the page about every change", async () => {
    const box = new Outbox(db, { send: ackAll, now: () => clock, graceMs: 5_000 });
    let changes = 0;
    const off = db.subscribe(() => changes++);
    const row = await box.addEvent(delivered, null, photo);
    expect(await db.photos.count()).toBe(1);
    expect(await box.undo(row.report.clientEventId)).toBe(true);
    expect(await db.photos.count()).toBe(0);
    expect(changes).toBe(2);
    off();
  });
});
