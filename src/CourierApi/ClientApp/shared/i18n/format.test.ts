import { describe, expect, it } from "vitest";
import { addDays, formatNumericDate, formatTime, formatWindow, localDate, localMinutes, parseClock, parseNumericDate } from "./format";

describe("format", () => {
  it("writes and reads plan dates in the page's locale, not the browser's", () => {
    expect(formatNumericDate("2026-12-02", "ru-RU")).toBe("02.12.2026");
    expect(formatNumericDate("2026-12-02", "en-GB")).toBe("02/12/2026");
    expect(parseNumericDate("02.12.2026", "ru-RU")).toBe("2026-12-02");
    expect(parseNumericDate("2/12/26", "en-GB")).toBe("2026-12-02");
    expect(parseNumericDate("31.02.2026", "ru-RU")).toBeNull();
    expect(parseNumericDate("12.2026", "ru-RU")).toBeNull();
    // yyyy-MM-dd is read in any locale (a pasted ISO date), never as day 2026.
    expect(parseNumericDate("2026-11-16", "en-GB")).toBe("2026-11-16");
    expect(parseNumericDate("2026-11-16", "ru-RU")).toBe("2026-11-16");
    expect(parseNumericDate("2026-02-30", "en-GB")).toBeNull();
  });

  it("reads times of day as typed, 24-hour", () => {
    expect(parseClock("9:30")).toBe("09:30");
    expect(parseClock("09.30")).toBe("09:30");
    expect(parseClock("930")).toBe("09:30");
    expect(parseClock("18")).toBe("18:00");
    expect(parseClock("24:00")).toBeNull();
    expect(parseClock("ab")).toBeNull();
  });

  it("shows times in the depot's zone, not the browser's", () => {
    expect(formatTime("2026-12-01T09:30:00Z", "en-GB", "Europe/Lisbon")).toBe("09:30");
    expect(formatTime("2026-12-01T09:30:00Z", "ru-RU", "Europe/Kyiv")).toBe("11:30");
    expect(formatTime("2026-07-01T09:30:00Z", "en-GB", "Europe/Lisbon")).toBe("10:30");
  });

  it("formats windows and handles missing ones", () => {
    expect(formatWindow("2026-12-01T09:00:00Z", "2026-12-01T11:00:00Z", "en-GB", "Europe/Lisbon")).toBe("09:00–11:00");
    expect(formatWindow(null, null, "en-GB", "Europe/Lisbon")).toBe("—");
  });

  it("takes the local date and minutes around midnight", () => {
    expect(localDate(new Date("2026-11-30T23:30:00Z"), "Asia/Tokyo")).toBe("2026-12-01");
    expect(localMinutes("2026-12-01T08:15:00Z", "Europe/Lisbon")).toBe(8 * 60 + 15);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});
