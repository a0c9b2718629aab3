import { useTranslation } from "react-i18next";
import { languages, setLanguage } from "../i18n/language";
import styles from "./LanguageSwitch.module.css";

const names = { en: "EN", ru: "RU" } as const;
const full = { en: "English", ru: "Русский" } as const;

/** EN | RU toggle; the choice is remembered in this browser. */
export function LanguageSwitch({ tone = "dark" }: { tone?: "dark" | "light" }) {
  const { t, i18n } = useTranslation();
  return (
    <div className={[styles.lang, tone === "light" && styles.light].filter(Boolean).join(" ")} role="group" aria-label={t("language")}>
      {languages.map((l) => (
        <button key={l} type="button" aria-pressed={i18n.language === l} lang={l} title={full[l]} onClick={() => setLanguage(l)}>{names[l]}</button>
      ))}
    </div>
  );
}
