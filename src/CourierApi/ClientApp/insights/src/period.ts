import { addDays } from "../../shared/i18n/format";

/** The longest period the API answers (days, both ends included). */
export const maxDays = 366;

export type Period = { from: string; to: string };

/** The last <paramref name="days"/> service dates ending <paramref name="today"/>. */
export function lastDays(today: string, days: number): Period {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** Days covered by a period, both ends included. */
export function periodDays(p: Period): number {
  return Math.round((Date.parse(p.to + "T12:00:00Z") - Date.parse(p.from + "T12:00:00Z")) / 86_400_000) + 1;
}

/** A valid period from the URL, else the last 30 days. */
export function readPeriod(params: URLSearchParams, today: string): Period {
  const from = params.get("from");
  const to = params.get("to");
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  if (from && to && iso.test(from) && iso.test(to)) {
    const p = { from, to };
    const days = periodDays(p);
    if (days >= 1 && days <= maxDays) return p;
  }
  return lastDays(today, 30);
}
