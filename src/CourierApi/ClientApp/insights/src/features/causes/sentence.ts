import type { TFunction } from "i18next";
import type { Schemas } from "../../../../shared/api/client";
import { formatNumber, formatPercent } from "../../../../shared/i18n/format";
import { hourRange, weekdayName } from "../../ui/names";

type Systemic = Schemas["SystemicCause"];

/** Where a systemic cause holds: "courier Ana, on Mondays, zone 7, 18:00–18:59". */
export function where(c: Systemic, t: TFunction<"insights">, locale: string): string {
  const parts: string[] = [];
  if (c.courierName) parts.push(t("causes.where.courier", { name: c.courierName }));
  if (c.zone) parts.push(t("causes.where.zone", { zone: c.zone }));
  if (c.weekday != null) parts.push(t("causes.where.weekday", { day: weekdayName(c.weekday, locale) }));
  if (c.hour != null) parts.push(t("causes.where.hour", { hours: hourRange(c.hour) }));
  return parts.join(", ");
}

/** A readable sentence: "Late departure from the depot — courier Ana, on Tuesdays: 7 min of lateness at 2 late stops (49% of all)". */
export function sentence(c: Systemic, t: TFunction<"insights">, locale: string): string {
  return t("causes.sentence", {
    cause: t(`cause.${c.cause}` as "cause.departure"), where: where(c, t, locale), minutes: formatNumber(c.minutes, locale, c.minutes < 10 ? 1 : 0),
    stops: formatNumber(c.lateStops, locale), share: formatPercent(c.shareOfLateness, locale), perStop: formatNumber(c.minutes / Math.max(1, c.lateStops), locale, 1),
  });
}
