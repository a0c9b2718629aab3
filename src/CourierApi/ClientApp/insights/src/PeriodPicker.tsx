import { useTranslation } from "react-i18next";
import { intlLocale } from "../../shared/i18n/language";
import { DateText } from "../../shared/ui/DateText";
import { lastDays, maxDays, periodDays, type Period } from "./period";
import styles from "./InsightsPage.module.css";

const presets = [7, 30, 90, 365];

/** From/to dates and the usual spans; a period longer than the API allows is not offered. */
export function PeriodPicker({ period, today, onChange }: { period: Period; today: string; onChange: (p: Period) => void }) {
  const { t, i18n } = useTranslation("insights");
  const locale = intlLocale(i18n.language);
  const set = (p: Period) => {
    if (p.from && p.to && p.from <= p.to && periodDays(p) <= maxDays) onChange(p);
  };
  return (
    <div className={styles.period} role="group" aria-label={t("period")}>
      <div className={styles.presets}>
        {presets.map((d) => {
          const p = lastDays(today, d);
          const active = p.from === period.from && p.to === period.to;
          return (
            <button key={d} type="button" className={active ? styles.presetActive : styles.preset} aria-pressed={active} onClick={() => set(p)}>
              {t("lastDays", { count: d })}
            </button>
          );
        })}
      </div>
      <label className={styles.dateField}>{t("from")}
        <DateText value={period.from} locale={locale} placeholder={t("datePattern")} onChange={(from) => set({ ...period, from })} />
      </label>
      <label className={styles.dateField}>{t("to")}
        <DateText value={period.to} locale={locale} placeholder={t("datePattern")} onChange={(to) => set({ ...period, to })} />
      </label>
    </div>
  );
}
