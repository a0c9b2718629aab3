import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { resources } from "../../../shared/i18n/i18n";
import { editViolationText, unassignedText, violationText } from "./issues";

const i18n = i18next.createInstance();
void i18n.init({ resources, lng: "ru", fallbackLng: "en", ns: ["board"], defaultNS: "board", interpolation: { escapeValue: false } });
const ru = i18n.getFixedT("ru", "board");
const en = i18n.getFixedT("en", "board");
const lisbon = { locale: "ru-RU", zone: "Europe/Lisbon" };

describe("violations and reasons in the page's words", () => {
  const late = { code: "late", args: { windowStart: "2026-12-01T10:00:00Z", windowEnd: "2026-12-01T12:00:00Z", arrival: "2026-12-01T12:14:00Z", minutes: "14" } };

  it("says a missed window in Russian with times in the depot's zone", () => {
    expect(violationText(ru, late, lisbon)).toBe("окно 10:00–12:00 пропущено на 14 мин (прибытие 12:14)");
    expect(violationText(en, late, { locale: "en-GB", zone: "Europe/Kyiv" })).toBe("window 12:00–14:00 missed by 14 min (arrives 14:14)");
  });

  it("names the courier and order of an edit's violation, and the load in kilograms", () => {
    const over = { code: "capacity", args: { dimension: "weight", load: "812500", capacity: "800000", courier: "Courier 2", order: "E2E-1", customer: "Ana" } };
    expect(editViolationText(ru, over, lisbon)).toBe("Courier 2, заказ E2E-1 (Ana): перегруз после этой остановки: вес 812,5 кг из 800 кг");
    expect(editViolationText(ru, { code: "shiftOverrun", args: { minutes: "20", shiftEnd: "2026-12-01T18:00:00Z", courier: "Courier 1" } }, lisbon))
      .toBe("Courier 1: возврат на склад через 20 мин после конца смены (18:00)");
  });

  it("keeps an unknown code's text rather than losing it", () => {
    expect(violationText(ru, { code: "other", args: { text: "the route leaves before the shift starts" } }, lisbon)).toBe("the route leaves before the shift starts");
  });

  it("explains unassigned orders with their parameters", () => {
    expect(unassignedText(ru, { reason: "WindowUnreachable", detail: "", args: { windows: "2026-12-01T06:00:00Z/2026-12-01T07:00:00Z", earliestAt: "2026-12-01T08:10:00Z" } }, lisbon))
      .toBe("Ни один курьер не успевает к адресу в окно клиента. Окно 06:00–07:00; раньше всего со склада можно быть в 08:10.");
    expect(unassignedText(ru, { reason: "FleetFull", detail: "", args: { binding: "time" } }, lisbon)).toMatch(/^Парк заполнен.*Ни один маршрут/);
    expect(unassignedText(ru, { reason: "Manual", detail: "taken off by demo", args: { courier: "Courier 1", user: "demo" } }, lisbon))
      .toBe("Снят с маршрута вручную. Был в маршруте Courier 1; снял demo.");
    // Stored before parameters were kept: the reason in words, not the English detail.
    expect(unassignedText(ru, { reason: "NoVehicleWithSkill", detail: "No available courier has every required skill (adr).", args: {} }, lisbon))
      .toBe("Ни у одной машины нет нужного навыка.");
  });
});
