import { useTranslation } from "react-i18next";
import { intlLocale } from "../../shared/i18n/language";
import { formatPlanDate, formatTime, formatWindow } from "../../shared/i18n/format";

/** Times of this page in the depot's zone and the page's language. */
export function useDepotFormat(timeZone: string) {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return {
    time: (instant: string | Date | null | undefined) => formatTime(instant, locale, timeZone),
    window: (start: string | null | undefined, end: string | null | undefined) => formatWindow(start, end, locale, timeZone),
    date: (date: string) => formatPlanDate(date, locale),
  };
}
