/** ISO weekday (1 Monday … 7 Sunday) in the page's language. */
export function weekdayName(iso: number, locale: string, width: "long" | "short" = "long"): string {
  // 30 Nov 2026 is a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: "UTC" }).format(new Date(Date.UTC(2026, 10, 29 + iso, 12)));
}

/** "18:00–18:59" for a local hour. */
export function hourRange(hour: number): string {
  const h = String(hour).padStart(2, "0");
  return `${h}:00–${h}:59`;
}
