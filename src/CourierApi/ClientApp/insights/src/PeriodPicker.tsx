import { useTranslation } from "react-i18next";
import { lastDays, maxDays, periodDays, type Period } from "./period";
import styles from "./InsightsPage.module.css";

const presets = [7, 30, 90, 365];

/** From/to dates and the usual spans; a period longer than the API allows is not offered. */
export function PeriodPicker({ period, today, onChange }: { period: Period; today: string; onChange: (p: Period) => void }) {
  const { t } = useTranslation("insights");
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
        <input type="date" value={period.from} max={period.to} onChange={(e) => set({ ...period, from: e.target.value })} />
      </label>
      <label className={styles.dateField}>{t("to")}
        <input type="date" value={period.to} min={period.from} onChange={(e) => set({ ...period, to: e.target.value })} />
      </label>
    </div>
  );
}
