import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import enCommon from "./messages/en/common.json";
import enBoard from "./messages/en/board.json";
import ruCommon from "./messages/ru/common.json";
import ruBoard from "./messages/ru/board.json";
import enCourier from "./messages/en/courier.json";
import ruCourier from "./messages/ru/courier.json";

export const resources = {
  en: { common: enCommon, board: enBoard, courier: enCourier },
  ru: { common: ruCommon, board: ruBoard, courier: ruCourier },
} as const;

export type Language = keyof typeof resources;
export const languages: Language[] = ["en", "ru"];
const storageKey = "delivery.lang";

/** The saved choice, else the browser's first language we have (Ukrainian readers get Russian before English). */
export function pickLanguage(saved: string | null, browser: readonly string[]): Language {
  if (saved && (languages as string[]).includes(saved)) {
    return saved as Language;
  }
  for (const tag of browser) {
    const base = tag.toLowerCase().split("-")[0] ?? "";
    if ((languages as string[]).includes(base)) {
      return base as Language;
    }
    if (base === "uk" || base === "be" || base === "kk") {
      return "ru";
    }
  }
  return "en";
}

/** BCP 47 locale for Intl (numbers, dates) matching the page's language. */
export function intlLocale(language: string): string {
  return language === "ru" ? "ru-RU" : "en-GB";
}

export function setLanguage(language: Language): void {
  localStorage.setItem(storageKey, language);
  void i18n.changeLanguage(language);
}

export function initI18n(): typeof i18n {
  const lng = pickLanguage(localStorage.getItem(storageKey), navigator.languages ?? [navigator.language]);
  void i18n.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: "en",
    defaultNS: "common",
    ns: ["common", "board", "courier"],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  i18n.on("languageChanged", (l) => (document.documentElement.lang = l));
  return i18n;
}
