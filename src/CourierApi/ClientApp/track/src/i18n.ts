import i18n from "i18next";
import enCommon from "../../shared/i18n/messages/en/common.json";
import enTrack from "../../shared/i18n/messages/en/track.json";
import ruCommon from "../../shared/i18n/messages/ru/common.json";
import ruTrack from "../../shared/i18n/messages/ru/track.json";
import { initCatalogues } from "../../shared/i18n/language";

/** The customer page's catalogues only (the board's stay out of this light page). */
const trackResources = {
  en: { common: enCommon, track: enTrack },
  ru: { common: ruCommon, track: ruTrack },
} as const;

/** Language from the saved choice or the browser, as on every page. */
export function initTrackI18n(): typeof i18n {
  return initCatalogues(trackResources, ["common", "track"], "track", () => i18n.t("track:title"));
}
