/** Where now stands against a window: before it, inside it (minutes left), after it; minutes rounded. */
export type WindowState = { kind: "none" } | { kind: "before" | "inside" | "after"; minutes: number };

export function windowState(start: string | null | undefined, end: string | null | undefined, nowMs: number): WindowState {
  if (!start || !end) return { kind: "none" };
  const s = Date.parse(start), e = Date.parse(end);
  if (nowMs < s) return { kind: "before", minutes: Math.ceil((s - nowMs) / 60_000) };
  if (nowMs <= e) return { kind: "inside", minutes: Math.floor((e - nowMs) / 60_000) };
  return { kind: "after", minutes: Math.ceil((nowMs - e) / 60_000) };
}

/** "1 h 05 min" / "25 min" (the unit words come from the catalogue's locale via Intl). */
export function formatMinutes(minutes: number, locale: string): string {
  const h = Math.floor(minutes / 60), m = minutes % 60;
  const unit = (value: number, u: "hour" | "minute") => new Intl.NumberFormat(locale, { style: "unit", unit: u, unitDisplay: "short" }).format(value);
  return h > 0 ? `${unit(h, "hour")} ${unit(m, "minute")}` : unit(m, "minute");
}
