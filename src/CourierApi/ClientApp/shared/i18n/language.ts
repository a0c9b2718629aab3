import i18n, { type Resource } from "i18next";
import { initReactI18next } from "react-i18next";

// Choosing the language needs no catalogue: pages that carry only their own catalogues (track) import this, not i18n.ts.
export type Language = "en" | "ru";
export const languages: Language[] = ["en", "ru"];
export const storageKey = "delivery.lang";

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


/** Starts i18next with a page's catalogues in the saved or browser language; keeps <html lang> (and the title) in step. */
export function initCatalogues(resources: Resource, ns: string[], defaultNS: string, title?: () => string): typeof i18n {
  const lng = pickLanguage(localStorage.getItem(storageKey), navigator.languages ?? [navigator.language]);
  void i18n.use(initReactI18next).init({ resources, lng, fallbackLng: "en", defaultNS, ns, interpolation: { escapeValue: false }, returnNull: false });
  const apply = (l: string) => {
    document.documentElement.lang = l;
    if (title) document.title = title();
  };
  apply(lng);
  i18n.on("languageChanged", apply);
  return i18n;
}
