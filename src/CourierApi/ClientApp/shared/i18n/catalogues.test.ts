import { describe, expect, it } from "vitest";
import { pickLanguage, resources } from "./i18n";
import enTrack from "./messages/en/track.json";
import ruTrack from "./messages/ru/track.json";
import enInsights from "./messages/en/insights.json";
import ruInsights from "./messages/ru/insights.json";

const catalogues = {
  ...resources, en: { ...resources.en, track: enTrack, insights: enInsights }, ru: { ...resources.ru, track: ruTrack, insights: ruInsights },
};

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) {
    return [prefix];
  }
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

// Russian plurals need _few and _many where English has _one/_other.
const base = (key: string) => key.replace(/_(one|few|many|other)$/, "");

describe("catalogues", () => {
  for (const ns of ["common", "board", "courier", "track", "insights"] as const) {
    it(`ru has every ${ns} key of en`, () => {
      const ru = new Set(keys(catalogues.ru[ns]).map(base));
      const missing = keys(catalogues.en[ns]).map(base).filter((k) => !ru.has(k));
      expect(missing).toEqual([]);
    });

    it(`ru plurals of ${ns} have one, few, many and other`, () => {
      const ru = keys(catalogues.ru[ns]);
      for (const key of ru.filter((k) => k.endsWith("_one"))) {
        const stem = key.slice(0, -4);
        expect(ru).toEqual(expect.arrayContaining([stem + "_few", stem + "_many", stem + "_other"]));
      }
    });
  }

  it("picks the browser's language", () => {
    expect(pickLanguage(null, ["ru-RU", "en"])).toBe("ru");
    expect(pickLanguage(null, ["uk-UA"])).toBe("ru");
    expect(pickLanguage(null, ["pt-PT"])).toBe("en");
    expect(pickLanguage("en", ["ru-RU"])).toBe("en");
  });
});
