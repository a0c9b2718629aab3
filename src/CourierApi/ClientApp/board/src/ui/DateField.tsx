import { useTranslation } from "react-i18next";
import { addDays, formatPlanDate } from "../../../shared/i18n/format";
import { DateText } from "../../../shared/ui/DateText";
import styles from "../App.module.css";

/**
 * The plan date, typed and shown in the page's locale ("02.12.2026" on the Russian page): Chromium's native date input
 * follows the browser's UI language, not the page's, so it showed "12/02/2026" there. Arrows step a day.
 */
export function DateField({ value, locale, onChange }: { value: string; locale: string; onChange: (date: string) => void }) {
  const { t } = useTranslation("board");
  return (
    <span className={styles.field}>
      <button type="button" className={styles.step} aria-label={t("dayBefore")} onClick={() => onChange(addDays(value, -1))}>‹</button>
      <label className={styles.field}>
        <span className="visually-hidden">{t("planDate")}</span>
        <DateText className={styles.date} value={value} locale={locale} title={formatPlanDate(value, locale)} placeholder={t("datePattern")} onChange={onChange} />
      </label>
      <span className={styles.weekday} aria-hidden="true">{formatPlanDate(value, locale).split(/[ ,]/)[0]}</span>
      <button type="button" className={styles.step} aria-label={t("dayAfter")} onClick={() => onChange(addDays(value, 1))}>›</button>
    </span>
  );
}
