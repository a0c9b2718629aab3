import { describe, expect, it } from "vitest";
import { etaRange } from "./etaRange";

const at = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00Z`);
const iso = (d: Date) => d.toISOString().slice(11, 16);

describe("etaRange", () => {
  it("is 15 minutes wide when the courier is driving here", () => {
    expect(etaRange(at("14:22"), 0).map(iso)).toEqual(["14:15", "14:35"]);
  });

  it("widens with the stops before", () => {
    expect(etaRange(at("14:22"), 2).map(iso)).toEqual(["14:15", "14:40"]);
    expect(etaRange(at("14:22"), 8).map(iso)).toEqual(["14:10", "14:45"]);
  });

  it("keeps round times round", () => {
    expect(etaRange(at("14:20"), 0).map(iso)).toEqual(["14:15", "14:30"]);
  });

  it("never starts before the window: an early courier waits for it", () => {
    expect(etaRange(at("10:40"), 0, "2026-12-01T11:00:00Z").map(iso)).toEqual(["11:00", "11:10"]);
    expect(etaRange(at("11:02"), 0, "2026-12-01T11:00:00Z").map(iso)).toEqual(["11:00", "11:15"]);
  });
});
