import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Schemas } from "../../../../shared/api/client";
import { intlLocale } from "../../../../shared/i18n/language";
import { Chart } from "../../ui/Chart";
import { DataTable } from "../../ui/DataTable";
import { Panel } from "../../ui/Panel";
import { hourRange, weekdayName } from "../../ui/names";
import type { StopQuery } from "../../stopQuery";
import { rateColumns } from "./rateColumns";
import styles from "./Breakdowns.module.css";

type Summary = Schemas["InsightsSummary"];
type Group = Schemas["RateGroup"];
const dimensions = ["courier", "zone", "slot", "hour", "weekday", "depot"] as const;
type Dimension = (typeof dimensions)[number];

/** The rate by courier, zone, window slot, hour, weekday and depot: a chart and its table, each row drilling down to its stops. */
export function Breakdowns({ summary, depots, onDrill }: { summary?: Summary; depots: Schemas["DepotResponse"][]; onDrill: (q: StopQuery) => void }) {
  const { t, i18n } = useTranslation("insights");
  const locale = intlLocale(i18n.language);
  const [dim, setDim] = useState<Dimension>("courier");
  if (!summary) return null;
  const groups: Record<Dimension, Group[]> = {
    courier: summary.byCourier, zone: summary.byZone, slot: summary.bySlot, hour: summary.byHour, weekday: summary.byWeekday, depot: summary.byDepot,
  };
  const name = (g: Group): string => {
    switch (dim) {
      case "weekday": return weekdayName(Number(g.key), locale);
      case "hour": return hourRange(Number(g.key));
      case "depot": return depots.find((d) => String(d.id) === g.key)?.name ?? g.label;
      default: return g.label;
    }
  };
  const query = (g: Group): StopQuery => {
    switch (dim) {
      case "courier": return { courierId: g.key };
      case "zone": return { zone: g.key };
      case "slot": return { slot: g.key };
      case "hour": return { hour: String(Number(g.key)) };
      case "weekday": return { weekday: g.key };
      case "depot": return {};
    }
  };
  const rows = groups[dim].filter((g) => g.attempted + g.cancelled + g.noWindow > 0);
  const title = t("breakdown.by", { dimension: t(`breakdown.${dim}`) });
  return (
    <Panel title={t("breakdown.title")} wide>
      <div className={styles.tabs} role="tablist" aria-label={t("breakdown.title")}>
        {dimensions.map((d) => (
          <button key={d} type="button" role="tab" aria-selected={d === dim} className={d === dim ? styles.active : styles.tab} onClick={() => setDim(d)}>
            {t(`breakdown.${d}`)}
          </button>
        ))}
      </div>
      <div className={styles.body} role="tabpanel" aria-label={title}>
        <Chart title={title} fileName={`window-hits-by-${dim}-${summary.from}-${summary.to}`} labels={rows.map((g) => name(g))} percent height={180} xLabel={t(`breakdown.${dim}`)}
          series={[{ label: t("rate.hitRate"), values: rows.map((g) => (g.attempted ? Math.round(g.hitRate * 1000) / 10 : null)), color: "#2f4fd8" }]} />
        <DataTable caption={title} fileName={`window-hits-by-${dim}-${summary.from}-${summary.to}`} rows={rows} rowKey={(g) => g.key}
          columns={rateColumns(t, locale, name, t(`breakdown.${dim}`))}
          onRow={dim === "depot" ? undefined : (g) => onDrill(query(g))} rowLabel={(g) => t("showStopsOf", { what: name(g) })} />
      </div>
    </Panel>
  );
}
