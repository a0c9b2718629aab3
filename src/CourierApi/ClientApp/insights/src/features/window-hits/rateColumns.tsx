import type { TFunction } from "i18next";
import type { Schemas } from "../../../../shared/api/client";
import { formatNumber, formatPercent } from "../../../../shared/i18n/format";
import type { Column } from "../../ui/DataTable";

type Group = Schemas["RateGroup"];

/** The columns every rate table shows: the group, the rate with its base, early and late apart, what is left out. */
export function rateColumns(t: TFunction<"insights">, locale: string, name: (g: Group) => string, header?: string): Column<Group>[] {
  const n = (v: number) => formatNumber(v, locale);
  const m = (v: number) => formatNumber(v, locale, 1);
  return [
    { key: "key", header: header ?? t("group"), cell: name, csv: (g) => name(g) },
    { key: "rate", header: t("rate.hitRate"), numeric: true, cell: (g) => (g.attempted ? formatPercent(g.hitRate, locale, 1) : "—"),
      csv: (g) => (g.attempted ? Math.round(g.hitRate * 10000) / 100 : null) },
    { key: "attempted", header: t("rate.attempted"), numeric: true, cell: (g) => n(g.attempted), csv: (g) => g.attempted },
    { key: "hits", header: t("rate.hits"), numeric: true, cell: (g) => n(g.hits), csv: (g) => g.hits },
    { key: "early", header: t("rate.early"), numeric: true, cell: (g) => n(g.early), csv: (g) => g.early },
    { key: "avgEarly", header: t("rate.avgEarly"), numeric: true, cell: (g) => (g.early ? m(g.avgEarlyMinutes) : "—"), csv: (g) => Math.round(g.avgEarlyMinutes * 10) / 10 },
    { key: "late", header: t("rate.late"), numeric: true, cell: (g) => n(g.late), csv: (g) => g.late },
    { key: "avgLate", header: t("rate.avgLate"), numeric: true, cell: (g) => (g.late ? m(g.avgLateMinutes) : "—"), csv: (g) => Math.round(g.avgLateMinutes * 10) / 10 },
    { key: "paper", header: t("rate.paper"), numeric: true, cell: (g) => n(g.paper), csv: (g) => g.paper },
    { key: "cancelled", header: t("rate.cancelled"), numeric: true, cell: (g) => n(g.cancelled), csv: (g) => g.cancelled },
    { key: "noWindow", header: t("rate.noWindow"), numeric: true, cell: (g) => n(g.noWindow), csv: (g) => g.noWindow },
  ];
}
