import { describe, expect, it } from "vitest";
import { formatMinutes, windowState } from "./timeLeft";

describe("window state", () => {
  const start = "2026-12-01T10:00:00Z", end = "2026-12-01T12:00:00Z";
  it("counts down inside, up after, to the start before", () => {
    expect(windowState(start, end, Date.parse("2026-12-01T11:15:30Z"))).toEqual({ kind: "inside", minutes: 44 });
    expect(windowState(start, end, Date.parse("2026-12-01T09:40:00Z"))).toEqual({ kind: "before", minutes: 20 });
    expect(windowState(start, end, Date.parse("2026-12-01T12:05:00Z"))).toEqual({ kind: "after", minutes: 5 });
    expect(windowState(null, end, 0)).toEqual({ kind: "none" });
  });
  it("formats hours and minutes", () => {
    expect(formatMinutes(65, "en-GB")).toMatch(/^1 hr 5 min/);
    expect(formatMinutes(25, "en-GB")).toMatch(/^25 min/);
  });
});
