import { describe, expect, it } from "vitest";
import { lastDays, periodDays, readPeriod } from "./period";

describe("period", () => {
  it("counts both ends", () => {
    expect(periodDays({ from: "2026-12-01", to: "2026-12-01" })).toBe(1);
    expect(lastDays("2026-12-02", 7)).toEqual({ from: "2026-11-26", to: "2026-12-02" });
  });

  it("refuses a reversed or too long period from the URL", () => {
    expect(readPeriod(new URLSearchParams("from=2026-12-05&to=2026-12-01"), "2026-12-02")).toEqual(lastDays("2026-12-02", 30));
    expect(readPeriod(new URLSearchParams("from=2024-01-01&to=2026-12-01"), "2026-12-02")).toEqual(lastDays("2026-12-02", 30));
    expect(readPeriod(new URLSearchParams("from=2026-11-01&to=2026-11-30"), "2026-12-02")).toEqual({ from: "2026-11-01", to: "2026-11-30" });
  });
});
