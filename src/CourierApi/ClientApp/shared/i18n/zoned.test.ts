import { describe, expect, it } from "vitest";
import { zonedInstant } from "./zoned";

describe("zonedInstant", () => {
  it("turns depot wall-clock times into UTC", () => {
    expect(zonedInstant("2026-12-01", "09:00", "Europe/Lisbon").toISOString()).toBe("2026-12-01T09:00:00.000Z");
    expect(zonedInstant("2026-07-01", "09:00", "Europe/Lisbon").toISOString()).toBe("2026-07-01T08:00:00.000Z");
    expect(zonedInstant("2026-12-01", "09:00", "Europe/Kyiv").toISOString()).toBe("2026-12-01T07:00:00.000Z");
  });
});
