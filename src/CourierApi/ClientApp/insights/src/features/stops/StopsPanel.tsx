import { useTranslation } from "react-i18next";
import { $api, type Schemas } from "../../../../shared/api/client";
import { formatNumber, formatPlanDate, formatTime, formatWindow } from "../../../../shared/i18n/format";
import { intlLocale } from "../../../../shared/i18n/language";
import { Button } from "../../../../shared/ui/Button";
import { DataTable, type Column } from "../../ui/DataTable";
import { Panel } from "../../ui/Panel";
import { hourRange, weekdayName } from "../../ui/names";
import type { StopQuery } from "../../stopQuery";
import styles from "./StopsPanel.module.css";

type Stop = Schemas["InsightStop"];
const pageSize = 50;

/** The columns of a stop table (drill-down and a route's timeline). */
export function stopColumns(t: ReturnType<typeof useTranslation<"insights">>["t"], locale: string): Column<Stop>[] {
  const time = (s: Stop, v: string | null | undefined) => formatTime(v, locale, s.timeZone);
  const m = (v: number | null | undefined) => (v == null ? "—" : formatNumber(Math.abs(v) < 0.05 ? 0 : v, locale, 1));
  return [
    { key: "stop", header: t("stop.stop"), cell: (s) => `#${s.sequence} · ${s.orderId}`, csv: (s) => s.orderId },
    { key: "date", header: t("stop.date"), cell: (s) => formatPlanDate(s.date, locale), csv: (s) => s.date },
    { key: "courier", header: t("breakdown.courier"), cell: (s) => s.courierName, csv: (s) => s.courierName },
    { key: "zone", header: t("breakdown.zone"), cell: (s) => s.zone, csv: (s) => s.zone },
    { key: "window", header: t("stop.window"), cell: (s) => formatWindow(s.windowStart, s.windowEnd, locale, s.timeZone), csv: (s) => s.windowStart ? `${s.windowStart}/${s.windowEnd}` : null },
    { key: "planned", header: t("stop.planned"), cell: (s) => `${time(s, s.plannedArrival)}–${time(s, s.plannedDeparture)}`, csv: (s) => s.plannedArrival },
    { key: "arrived", header: t("stop.arrived"), cell: (s) => time(s, s.arrived), csv: (s) => s.arrived ?? null },
    { key: "handedOver", header: t("stop.handedOver"), cell: (s) => time(s, s.handedOver), csv: (s) => s.handedOver ?? null },
    { key: "result", header: t("stop.result"), cell: (s) => (
      <span className={styles[s.result] ?? undefined}>{t(`result.${s.result}` as "result.hit")}{s.source === "paper" ? ` · ${t("stop.paper")}` : ""}</span>
    ), csv: (s) => s.result + (s.source === "paper" ? " (paper)" : "") },
    { key: "late", header: t("stop.lateMin"), numeric: true, cell: (s) => m(s.lateMinutes ?? (s.earlyMinutes != null ? -s.earlyMinutes : null)),
      csv: (s) => s.lateMinutes ?? (s.earlyMinutes != null ? -s.earlyMinutes : null) },
    { key: "driving", header: t("stop.drivingDiff"), numeric: true, cell: (s) => m(s.drivingDiffMinutes), csv: (s) => s.drivingDiffMinutes ?? null },
    { key: "service", header: t("stop.serviceDiff"), numeric: true, cell: (s) => m(s.serviceDiffMinutes), csv: (s) => s.serviceDiffMinutes ?? null },
    ...(["departure", "driving", "waiting", "service", "failed", "replan", "plan"] as const).map((c): Column<Stop> => ({
      key: "part-" + c, header: t(`causeShort.${c}`), numeric: true, cell: (s) => (s.parts ? m(s.parts[c]) : ""), csv: (s) => s.parts?.[c] ?? null,
    })),
  ];
}

/** What the filter selects, in words: "late · courier 12 · Tuesday". */
function describe(filter: StopQuery, t: ReturnType<typeof useTranslation<"insights">>["t"], locale: string): string {
  const parts: string[] = [];
  if (filter.result) parts.push(t(`result.${filter.result}` as "result.hit"));
  if (filter.cause) parts.push(t(`cause.${filter.cause}` as "cause.departure"));
  if (filter.date) parts.push(formatPlanDate(filter.date, locale));
  if (filter.courierId) parts.push(t("causes.where.courier", { name: "#" + filter.courierId }));
  if (filter.zone) parts.push(t("causes.where.zone", { zone: filter.zone }));
  if (filter.slot) parts.push(filter.slot);
  if (filter.hour) parts.push(hourRange(Number(filter.hour)));
  if (filter.weekday) parts.push(weekdayName(Number(filter.weekday), locale));
  return parts.join(" · ");
}

/** The stops behind a figure, a page at a time; a row opens the stop's story. */
export function StopsPanel({ query, filter, page, onPage, onClear, onStop }: {
  query: { from: string; to: string; depotId?: number }; filter: StopQuery; page: number;
  onPage: (page: number) => void; onClear: () => void; onStop: (routeId: number, orderId: number) => void;
}) {
  const { t, i18n } = useTranslation("insights");
  const locale = intlLocale(i18n.language);
  const num = (v?: string) => (v == null ? undefined : Number(v));
  const stops = $api.useQuery("get", "/api/v1/insights/stops", { params: { query: {
    ...query, ...filter, courierId: num(filter.courierId), hour: num(filter.hour), weekday: num(filter.weekday), page, pageSize,
  } } });
  const total = stops.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const caption = t("stops.title", { what: describe(filter, t, locale) });
  return (
    <Panel id="stops" title={caption} wide actions={<Button small onClick={onClear}>{t("stops.close")}</Button>}>
      <p className={styles.count} role="status">{stops.isPending ? t("loading") : t("stops.count", { shown: formatNumber(stops.data?.stops.length ?? 0, locale), total: formatNumber(total, locale) })}</p>
      <DataTable caption={caption} fileName={`stops-${query.from}-${query.to}-p${page}`} rows={stops.data?.stops ?? []} rowKey={(s) => `${s.routeId}-${s.orderId}`}
        columns={stopColumns(t, locale)} onRow={(s) => onStop(s.routeId, s.orderId)} rowLabel={(s) => t("stops.open", { order: s.orderId })} />
      {pages > 1 && (
        <nav className={styles.pager} aria-label={t("stops.pages")}>
          <Button small disabled={page <= 1} onClick={() => onPage(page - 1)}>{t("stops.previous")}</Button>
          <span>{t("stops.page", { page, pages })}</span>
          <Button small disabled={page >= pages} onClick={() => onPage(page + 1)}>{t("stops.next")}</Button>
        </nav>
      )}
    </Panel>
  );
}
