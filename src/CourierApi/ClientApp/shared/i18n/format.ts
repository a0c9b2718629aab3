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

/** A calendar day short, for chart axes: "16 Nov" / "16 нояб.". */
export function formatShortDate(date: string, locale: string): string {
  return dateFormat(locale, "UTC", { day: "numeric", month: "short" }).format(new Date(date + "T12:00:00Z"));
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
export function formatUnit(value: number, unit: "kilometer" | "kilogram" | "hour" | "second", locale: string, maximumFractionDigits = 1): string {
  return numberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits }).format(value);
}

export function formatPercent(fraction: number, locale: string, maximumFractionDigits = 0): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits, minimumFractionDigits: maximumFractionDigits }).format(fraction);
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

/** A plan date as the locale writes it in digits: "02.12.2026" (ru), "02/12/2026" (en-GB). */
export function formatNumericDate(date: string, locale: string): string {
  return dateFormat(locale, "UTC", { day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date(date + "T12:00:00Z"));
}

/** Reads a date typed in the locale's order of day, month and year (any separator) as yyyy-MM-dd, or null. */
export function parseNumericDate(text: string, locale: string): string | null {
  const order = dateFormat(locale, "UTC", { day: "2-digit", month: "2-digit", year: "numeric" }).formatToParts(new Date(0))
    .map((p) => p.type).filter((t) => t === "day" || t === "month" || t === "year");
  const numbers = text.trim().split(/\D+/).filter(Boolean).map(Number);
  if (numbers.length !== 3) return null;
  // A four-digit first number is a year: yyyy-MM-dd (ISO, as pasted from elsewhere) in any locale.
  const iso = /^\s*\d{4}\D/.test(text);
  const part = (type: string) => (iso ? numbers[["year", "month", "day"].indexOf(type)] : numbers[order.indexOf(type as "day")]) ?? NaN;
  const [year, month, day] = [part("year"), part("month"), part("day")];
  const full = year < 100 ? 2000 + year : year;
  const d = new Date(Date.UTC(full, month - 1, day, 12));
  if (d.getUTCFullYear() !== full || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

/** Reads a time of day as people type it ("9:30", "09.30", "930", "9") as "HH:mm" (24-hour), or null. */
export function parseClock(text: string): string | null {
  const m = /^\s*(\d{1,2})(?:[:.h ]?(\d{2}))?\s*$/.exec(text);
  if (!m) return null;
  const [hours, minutes] = [Number(m[1]), Number(m[2] ?? 0)];
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}
