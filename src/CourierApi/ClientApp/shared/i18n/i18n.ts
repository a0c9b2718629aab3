import type i18n from "i18next";
import { initCatalogues } from "./language";
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

export { intlLocale, languages, pickLanguage, setLanguage, type Language } from "./language";

export function initI18n(): typeof i18n {
  return initCatalogues(resources, ["common", "board", "courier"], "common");
}
