import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Schemas } from "../../../../shared/api/client";
import { formatNumber } from "../../../../shared/i18n/format";
import { intlLocale } from "../../../../shared/i18n/language";
import { Chart } from "../../ui/Chart";
import { DataTable } from "../../ui/DataTable";
import { Panel } from "../../ui/Panel";
import { hourRange } from "../../ui/names";
import styles from "./PlanDiffPanel.module.css";

const measures = ["departure", "driving", "service", "arrival"] as const;
const dimensions = ["hour", "zone"] as const;

/** Planned against actual: how far departures, legs, service and arrivals ran from plan, by hour of day and zone. */
export function PlanDiffPanel({ data }: { data?: Schemas["PlannedVsActual"] }) {
  const { t, i18n } = useTranslation("insights");
  const locale = intlLocale(i18n.language);
  const [measure, setMeasure] = useState<(typeof measures)[number]>("driving");
  const [dim, setDim] = useState<(typeof dimensions)[number]>("hour");
  if (!data) return null;
  const overall = data.differences.find((d) => d.measure === measure && d.dimension === "all");
  const rows = data.differences.filter((d) => d.measure === measure && d.dimension === dim);
  const name = (d: Schemas["PlanDifference"]) => (dim === "hour" ? hourRange(Number(d.key)) : d.key);
  const m = (v: number) => formatNumber(v, locale, 1);
  const title = t("pva.chart", { measure: t(`pva.${measure}`), dimension: t(`breakdown.${dim}`) });
  return (
    <Panel title={t("pva.title")} wide>
      <div className={styles.pickers}>
        <label>{t("pva.measure")}
          <select value={measure} onChange={(e) => setMeasure(e.target.value as typeof measure)}>
            {measures.map((x) => <option key={x} value={x}>{t(`pva.${x}`)}</option>)}
          </select>
        </label>
        <label>{t("pva.by")}
          <select value={dim} onChange={(e) => setDim(e.target.value as typeof dim)}>
            {dimensions.map((x) => <option key={x} value={x}>{t(`breakdown.${x}`)}</option>)}
          </select>
        </label>
        {overall && <p className={styles.overall}>{t("pva.overall", { median: m(overall.p50), p90: m(overall.p90), n: formatNumber(overall.count, locale) })}</p>}
      </div>
      <Chart title={title} fileName={`planned-vs-actual-${measure}-by-${dim}-${data.from}-${data.to}`} labels={rows.map(name)} height={180} xLabel={t(`breakdown.${dim}`)}
        series={[
          { label: t("pva.p50"), values: rows.map((r) => r.p50), color: "#2f4fd8" },
          { label: t("pva.p90"), values: rows.map((r) => r.p90), color: "#b42318" },
        ]} />
      <DataTable caption={title} fileName={`planned-vs-actual-${measure}-by-${dim}-${data.from}-${data.to}`} rows={rows} rowKey={(r) => r.key} compact
        columns={[
          { key: "key", header: t(`breakdown.${dim}`), cell: name, csv: name },
          { key: "count", header: t("pva.count"), numeric: true, cell: (r) => formatNumber(r.count, locale), csv: (r) => r.count },
          { key: "mean", header: t("pva.mean"), numeric: true, cell: (r) => m(r.mean), csv: (r) => r.mean },
          { key: "p10", header: t("pva.p10"), numeric: true, cell: (r) => m(r.p10), csv: (r) => r.p10 },
          { key: "p50", header: t("pva.p50"), numeric: true, cell: (r) => m(r.p50), csv: (r) => r.p50 },
          { key: "p90", header: t("pva.p90"), numeric: true, cell: (r) => m(r.p90), csv: (r) => r.p90 },
        ]} />
    </Panel>
  );
}
