import { initCatalogues } from "../../shared/i18n/language";
import enCommon from "../../shared/i18n/messages/en/common.json";
import enCourier from "../../shared/i18n/messages/en/courier.json";
import ruCommon from "../../shared/i18n/messages/ru/common.json";
import ruCourier from "../../shared/i18n/messages/ru/courier.json";

// The tablet carries only its own catalogues (not the board's): every kilobyte is on a courier's mobile data plan.
export const courierResources = {
  en: { common: enCommon, courier: enCourier },
  ru: { common: ruCommon, courier: ruCourier },
} as const;

export function initCourierI18n() {
  return initCatalogues(courierResources, ["common", "courier"], "common");
}
