// Every date, time and number the pages show goes through here: the depot's IANA zone, the page's locale, Intl only.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = "d|" + locale + "|" + timeZone + "|" + JSON.stringify(options);
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    cache.set(key, f);
  }
  return f;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = "n|" + locale + "|" + JSON.stringify(options);
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** "14:05" in the depot's zone. */
export function formatTime(instant: string | Date | null | undefined, locale: string, timeZone: string): string {
  if (!instant) {
    return "—";
  }
  return dateFormat(locale, timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(instant));
}

/** "14:05–16:00". */
export function formatWindow(start: string | null | undefined, end: string | null | undefined, locale: string, timeZone: string): string {
  if (!start || !end) {
    return "—";
  }
  return formatTime(start, locale, timeZone) + "–" + formatTime(end, locale, timeZone);
}

/** A plan date (yyyy-MM-dd, a calendar day, no zone): "Tue, 1 Dec 2026". */
export function formatPlanDate(date: string, locale: string): string {
  return dateFormat(locale, "UTC", { weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(new Date(date + "T12:00:00Z"));
}

/** A date and time in the depot's zone: "1 Dec, 14:05". */
export function formatDateTime(instant: string | null | undefined, locale: string, timeZone: string): string {
  if (!instant) {
    return "—";
  }
  return dateFormat(locale, timeZone, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(instant));
}

export function formatNumber(value: number, locale: string, maximumFractionDigits = 0): string {
  return numberFormat(locale, { maximumFractionDigits }).format(value);
}

/** "12.5 km" / "12,5 км": distances and weights with the locale's unit names. */
export function formatUnit(value: number, unit: "kilometer" | "kilogram" | "hour", locale: string, maximumFractionDigits = 1): string {
  return numberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits }).format(value);
}

export function formatPercent(fraction: number, locale: string): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(fraction);
}

/** Calendar date (yyyy-MM-dd) of an instant in a zone. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = dateFormat("en-CA", timeZone, { year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Minutes since local midnight of an instant in a zone (for the timeline axis). */
export function localMinutes(instant: string | Date, timeZone: string): number {
  const parts = dateFormat("en-GB", timeZone, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get("hour") * 60 + get("minute") + get("second") / 60;
}

/** Adds days to a yyyy-MM-dd date. */
export function addDays(date: string, days: number): string {
  const d = new Date(date + "T12:00:00Z");
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
