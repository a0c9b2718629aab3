import { useTranslation } from "react-i18next";
import type { Schemas } from "../../../../shared/api/client";
import { formatNumber, formatPercent, formatPlanDate, formatShortDate } from "../../../../shared/i18n/format";
import { intlLocale } from "../../../../shared/i18n/language";
import { Chart } from "../../ui/Chart";
import { DataTable } from "../../ui/DataTable";
import { Panel } from "../../ui/Panel";
import { rateColumns } from "./rateColumns";
import type { StopQuery } from "../../stopQuery";
import styles from "./RatePanel.module.css";

type Summary = Schemas["InsightsSummary"];

/** The headline: the window-hit rate with its base, the misses apart, the trend by day and the minute histograms. */
export function RatePanel({ summary, loading, onDrill }: { summary?: Summary; loading: boolean; onDrill: (q: StopQuery) => void }) {
  const { t, i18n } = useTranslation("insights");
  const locale = intlLocale(i18n.language);
  if (!summary) {
    return <Panel title={t("rate.title")}><p aria-busy={loading}>{loading ? t("loading") : t("noData")}</p></Panel>;
  }
  const total = summary.total;
  const n = (v: number) => formatNumber(v, locale);
  const figures: [string, number, StopQuery, string][] = [
    [t("rate.early"), total.early, { result: "early" }, styles.early!],
    [t("rate.late"), total.late, { result: "late" }, styles.late!],
    [t("rate.paper"), total.paper, { result: "paper" }, styles.paper!],
    [t("rate.cancelled"), total.cancelled, { result: "cancelled" }, styles.apart!],
    [t("rate.noWindow"), total.noWindow, { result: "no_window" }, styles.apart!],
    [t("rate.open"), total.open, { result: "open" }, styles.apart!],
  ];
  const days = summary.byDay;
  const ratings = summary.ratings;
  const late = ratings.find((r) => r.result === "late");
  const onTime = ratings.find((r) => r.result === "hit");
  return (
    <Panel title={t("rate.title")} wide>
      <div className={styles.top}>
        <div className={styles.headline}>
          <p className={styles.rate} data-testid="hit-rate">{total.attempted === 0 ? "—" : formatPercent(total.hitRate, locale, 1)}</p>
          <p className={styles.base}>{t("rate.base", { hits: n(total.hits), attempted: n(total.attempted) })}</p>
          <ul className={styles.figures}>
            {figures.map(([label, value, q, cls]) => (
              <li key={label}>
                <button type="button" className={`${styles.figure} ${cls}`} onClick={() => onDrill(q)} disabled={value === 0}>
                  <span className={styles.value}>{n(value)}</span> {label}
                </button>
              </li>
            ))}
          </ul>
          <p className={styles.note}>{t("rate.apartNote")}</p>
          <p className={styles.ratings}>
            {t("rate.lowRatings", {
              late: late && late.rated > 0 ? formatPercent(late.lowShare, locale) : "—", lateRated: n(late?.rated ?? 0),
              onTime: onTime && onTime.rated > 0 ? formatPercent(onTime.lowShare, locale) : "—", onTimeRated: n(onTime?.rated ?? 0),
            })}
          </p>
          {summary.callbacks.length > 0 && (
            <p className={styles.ratings}>{t("rate.callbacks")}: {summary.callbacks.map((c) => `${t(`callback.${c.outcome}`, { defaultValue: c.outcome })} ${n(c.stops)}`).join(" · ")}</p>
          )}
        </div>
        <div className={styles.trend}>
          <Chart title={t("rate.trend")} fileName={`window-hits-by-day-${summary.from}-${summary.to}`}
            labels={days.map((d) => formatShortDate(d.key, locale))} kind="bars" xLabel={t("stop.date")}
            series={[
              { label: t("rate.attempted"), values: days.map((d) => d.attempted), color: "#c9d3f5" },
              { label: t("rate.hitRate"), values: days.map((d) => (d.attempted ? Math.round(d.hitRate * 1000) / 10 : null)), color: "#2f4fd8", scale: "pct" },
            ]} />
        </div>
      </div>
      <details className={styles.behind}>
        <summary>{t("tableBehind", { chart: t("rate.trend") })}</summary>
        <DataTable caption={t("rate.trend")} fileName={`window-hits-by-day-${summary.from}-${summary.to}`} rows={days} rowKey={(r) => r.key}
          columns={rateColumns(t, locale, (r) => formatPlanDate(r.key, locale))} onRow={(r) => onDrill({ date: r.key })}
          rowLabel={(r) => t("showStopsOf", { what: r.key })} />
      </details>
      <div className={styles.histograms}>
        {(["late", "early"] as const).map((kind) => {
          const buckets = kind === "late" ? summary.lateMinutes : summary.earlyMinutes;
          const label = (b: { fromMinutes: number }) => (b.fromMinutes >= 60 ? "60+" : `${b.fromMinutes}–${b.fromMinutes + 5}`);
          const title = t(`rate.${kind}Histogram`);
          return (
            <div key={kind}>
              {buckets.length === 0 ? <><h3 className={styles.h3}>{title}</h3><p className={styles.note}>{t("noData")}</p></> : (
                <Chart title={title} fileName={`${kind}-minutes-${summary.from}-${summary.to}`} labels={buckets.map(label)} height={160} xLabel={t("minutes")}
                  series={[{ label: t("stopsWord"), values: buckets.map((b) => b.stops), color: kind === "late" ? "#b42318" : "#8a5300" }]} />
              )}
              <details className={styles.behind}>
                <summary>{t("tableBehind", { chart: title })}</summary>
                <DataTable compact caption={title} fileName={`${kind}-minutes-${summary.from}-${summary.to}`} rows={buckets} rowKey={(b) => String(b.fromMinutes)}
                  columns={[
                    { key: "min", header: t("minutes"), cell: label, csv: label },
                    { key: "stops", header: t("stopsWord"), numeric: true, cell: (b) => n(b.stops), csv: (b) => b.stops },
                  ]} />
              </details>
            </div>
          );
        })}
      </div>
    </Panel>
  );
}
