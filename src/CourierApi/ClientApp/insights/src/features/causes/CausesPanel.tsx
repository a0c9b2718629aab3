import { useTranslation } from "react-i18next";
import type { Schemas } from "../../../../shared/api/client";
import { formatNumber, formatPercent } from "../../../../shared/i18n/format";
import { intlLocale } from "../../../../shared/i18n/language";
import { DataTable } from "../../ui/DataTable";
import { Panel } from "../../ui/Panel";
import type { StopQuery } from "../../stopQuery";
import { sentence, where } from "./sentence";
import styles from "./CausesPanel.module.css";

type Causes = Schemas["LatenessCauses"];
export const causeColors: Record<string, string> = {
  departure: "#2f4fd8", driving: "#0f7c8c", waiting: "#8a5300", service: "#b42318", failed: "#6b3fa0", replan: "#4d5566", plan: "#9aa3b5",
};

/** Why late: every late stop's minutes split by cause, summed, and the systemic causes in words, each leading to its stops. */
export function CausesPanel({ causes, loading, onDrill }: { causes?: Causes; loading: boolean; onDrill: (q: StopQuery) => void }) {
  const { t, i18n } = useTranslation("insights");
  const locale = intlLocale(i18n.language);
  if (!causes) {
    return <Panel id="causes" title={t("causes.title")} wide><p aria-busy={loading}>{loading ? t("loading") : t("noData")}</p></Panel>;
  }
  const total = causes.lateMinutes;
  const parts = causes.parts.filter((p) => p.minutes > 0.05).sort((a, b) => b.minutes - a.minutes);
  const m = (v: number) => formatNumber(v, locale, v < 10 ? 1 : 0);
  return (
    <Panel id="causes" title={t("causes.title")} wide>
      {causes.lateStops === 0 ? <p>{t("causes.none")}</p> : (
        <>
          <p className={styles.lead}>{t("causes.lead", { stops: formatNumber(causes.lateStops, locale), minutes: m(total) })}</p>
          <div className={styles.bar} aria-hidden="true">
            {parts.map((p) => (
              <span key={p.cause} style={{ flexGrow: p.minutes, background: causeColors[p.cause] }} title={`${t(`cause.${p.cause}` as "cause.departure")}: ${m(p.minutes)}`} />
            ))}
          </div>
          <div className={styles.grid}>
            <div>
              <h3 className={styles.h3}>{t("causes.systemic")}</h3>
              <ol className={styles.systemic}>
                {causes.systemic.map((c, i) => (
                  <li key={i}>
                    <span className={styles.swatch} style={{ background: causeColors[c.cause] }} aria-hidden="true" />
                    <span className={styles.sentence}>{sentence(c, t, locale)}</span>
                    <button type="button" className={styles.show} onClick={() => onDrill({
                      cause: c.cause, ...(c.courierId != null ? { courierId: String(c.courierId) } : {}), ...(c.zone ? { zone: c.zone } : {}),
                      ...(c.weekday != null ? { weekday: String(c.weekday) } : {}), ...(c.hour != null ? { hour: String(c.hour) } : {}),
                    })} aria-label={t("causes.showStops", { cause: t(`cause.${c.cause}` as "cause.departure"), where: where(c, t, locale) })}>{t("stopsLink")}</button>
                  </li>
                ))}
              </ol>
            </div>
            <DataTable caption={t("causes.byCause")} fileName={`lateness-causes-${causes.from}-${causes.to}`} rows={causes.parts} rowKey={(p) => p.cause}
              onRow={(p) => onDrill({ cause: p.cause })} rowLabel={(p) => t("showStopsOf", { what: t(`cause.${p.cause}` as "cause.departure") })}
              columns={[
                { key: "cause", header: t("causes.cause"), cell: (p) => <><span className={styles.swatch} style={{ background: causeColors[p.cause] }} aria-hidden="true" />{t(`cause.${p.cause}` as "cause.departure")}</>, csv: (p) => t(`cause.${p.cause}` as "cause.departure") },
                { key: "minutes", header: t("causes.minutes"), numeric: true, cell: (p) => m(p.minutes), csv: (p) => Math.round(p.minutes * 100) / 100 },
                { key: "share", header: t("causes.share"), numeric: true, cell: (p) => (total ? formatPercent(p.minutes / total, locale) : "—"), csv: (p) => (total ? Math.round((p.minutes / total) * 1000) / 10 : null) },
              ]} />
          </div>
          <p className={styles.how}>{t("causes.how")}</p>
        </>
      )}
    </Panel>
  );
}
