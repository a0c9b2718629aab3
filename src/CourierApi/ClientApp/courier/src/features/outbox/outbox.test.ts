import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { CourierDb, type BatchAck, type CourierBatch } from "./db";
import { Outbox } from "./outbox";

let clock = 1_000_000;
let db: CourierDb;
let sent: CourierBatch[];
let answer: (b: CourierBatch) => BatchAck | Promise<BatchAck>;

const ackAll = (b: CourierBatch): BatchAck => ({
  highestDurableSeq: b.positions.length ? Math.max(...b.positions.map((p) => p.seq)) : null,
  positionsAccepted: b.positions.length,
  eventsAccepted: b.events.map((e) => e.clientEventId),
  rejections: [],
});

function outbox(options: Partial<ConstructorParameters<typeof Outbox>[1]> = {}) {
  return new Outbox(db, { send: async (b) => { sent.push(b); return answer(b); }, now: () => clock, graceMs: 5_000, ...options });
}

const event = (stopId: string, kind: "delivered" | "arrived" | "failed" = "delivered") => ({ stopId, kind, occurredAt: new Date(clock).toISOString() });
const fix = (i: number) => ({ recordedAt: new Date(clock + i).toISOString(), lat: 41.15 + i / 1e4, lon: -8.61 });

beforeEach(async () => {
  clock = 1_000_000;
  sent = [];
  answer = ackAll;
  db = new CourierDb("test-" + Math.random());
  await db.open();
});

describe("outbox", () => {
  it("holds a tap for the grace period, then sends it and moves it to sent", async () => {
    const box = outbox();
    const row = await box.addEvent(event("7"));
    expect((await box.flush()).sent).toBe(false);
    clock += 5_000;
    const r = await box.flush();
    expect(r.events).toBe(1);
    expect(sent[0]!.events[0]!.clientEventId).toBe(row.report.clientEventId);
    expect(await db.events.count()).toBe(0);
    expect((await db.sent.get(row.report.clientEventId))?.report.stopId).toBe("7");
    expect((await db.meta.get("lastAckAt"))?.value).toBe(clock);
  });

  it("undoes within the grace period only", async () => {
    const box = outbox();
    const a = await box.addEvent(event("1"));
    expect(await box.undo(a.report.clientEventId)).toBe(true);
    expect(await db.events.count()).toBe(0);
    const b = await box.addEvent(event("2"));
    clock += 6_000;
    expect(await box.undo(b.report.clientEventId)).toBe(false);
    await box.flush();
    expect(sent).toHaveLength(1);
  });

  it("keeps everything when a send fails and sends the same client ids again", async () => {
    const box = outbox();
    await box.addEvent(event("1", "arrived"));
    await box.addPosition(fix(1));
    answer = () => { throw new Error("offline"); };
    await expect(box.flush()).rejects.toThrow("offline");
    expect(await db.events.count()).toBe(1);
    expect(await db.positions.count()).toBe(1);
    answer = ackAll;
    await box.flush();
    expect(sent[0]!.events[0]!.clientEventId).toBe(sent[1]!.events[0]!.clientEventId);
    expect(sent[0]!.positions[0]!.seq).toBe(sent[1]!.positions[0]!.seq);
    expect(await db.events.count()).toBe(0);
    expect(await db.positions.count()).toBe(0);
  });

  it("sends in the order of the taps and survives reopening the database", async () => {
    const name = db.name;
    const box = outbox();
    for (const stop of ["3", "4", "5"]) await box.addEvent(event(stop));
    db.close();
    db = new CourierDb(name);
    await db.open();
    expect(await db.events.count()).toBe(3);
    clock += 5_000;
    await outbox().drain();
    expect(sent.flatMap((b) => b.events.map((e) => e.stopId))).toEqual(["3", "4", "5"]);
  });

  it("does not send a later tap before an earlier one still in its grace period", async () => {
    const box = outbox();
    await box.addEvent(event("1"));
    clock += 4_000;
    await box.addEvent(event("2", "arrived"));
    expect((await box.flush()).sent).toBe(false);
  });

  it("marks a refused event with the reason and never sends it again", async () => {
    const box = outbox();
    const bad = await box.addEvent(event("99"));
    const good = await box.addEvent(event("1"));
    clock += 5_000;
    answer = (b) => ({ ...ackAll(b), eventsAccepted: [good.report.clientEventId],
      rejections: [{ item: "event:" + bad.report.clientEventId, field: "stopId", reason: "stop '99' is not on the courier's route 4" }] });
    await box.flush();
    const left = await db.events.toArray();
    expect(left).toHaveLength(1);
    expect(left[0]!.rejected?.reason).toContain("not on the courier's route");
    expect((await box.flush()).sent).toBe(false);
    await box.dismiss(left[0]!.ord!);
    expect(await db.events.count()).toBe(0);
  });

  it("removes nothing when the whole batch is refused", async () => {
    const box = outbox();
    await box.addPosition(fix(1));
    answer = () => ({ highestDurableSeq: null, positionsAccepted: 0, eventsAccepted: [], rejections: [{ item: "batch", field: "positions", reason: "too many" }] });
    await expect(box.flush()).rejects.toThrow("too many");
    expect(await db.positions.count()).toBe(1);
  });

  it("drains a long offline backlog in batches, positions in sequence", async () => {
    const box = outbox({ maxPositionsPerBatch: 400 });
    await db.positions.bulkAdd(Array.from({ length: 1_000 }, (_, i) => ({ report: fix(i) })));
    await box.drain();
    expect(sent.map((b) => b.positions.length)).toEqual([400, 400, 200]);
    const seqs = sent.flatMap((b) => b.positions.map((p) => p.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(await db.positions.count()).toBe(0);
  });

  it("caps queued positions and counts what it dropped", async () => {
    const box = outbox({ maxQueuedPositions: 3 });
    for (let i = 0; i < 5; i++) await box.addPosition(fix(i));
    expect(await db.positions.count()).toBe(3);
    expect((await db.meta.get("positionsDropped"))?.value).toBe(2);
  });
});
