import { describe, expect, it } from "vitest";

import enExports from "../locales/en.exports.json";
import en from "../locales/en.json";
import nbExports from "../locales/nb.exports.json";
import { createI18n } from "../lib/i18n";
import { chartPicture, exportFacts, yearSpan, type ExportContext } from "./export-about";

/** The app's texts with the exports' own, as the pages that export add them. */
function texts() {
  const i18n = createI18n({ en: { ...en, exports: enExports } });
  i18n.addResourceBundle("nb", "translation", { exports: nbExports }, true, false);
  return i18n;
}

const CONTEXT: ExportContext = {
  title: "Utvikling over tid",
  about: { indicatorCode: "K1", year: "2015–2025", group: { name: "ASSS-nettverket (de ti største)", members: ["Bergen", "Oslo"] } },
  language: "nb",
  demo: true,
  now: new Date(2025, 11, 6, 15, 30),
  address: "https://malestokk.example.no/kommune/0301/indikator/K1?peers=asss",
};

describe("the text a chart's PNG carries", () => {
  it("has the title, unit, years and peer group, the demo marking, the legend and the source with the SSB table", () => {
    const i18n = texts();
    const legend = [{ label: "Oslo", color: "#0062ba" }];
    expect(chartPicture(i18n.t, CONTEXT, legend)).toEqual({
      title: "Utvikling over tid",
      subtitle: "kroner · 2015–2025 · ASSS-nettverket (de ti største)",
      demo: "Demodata – ikke virkelige tall",
      legend,
      source: "Kilde: Målestokk, SSB 07459. Hentet ut 6. desember 2025 kl. 15:30.",
    });
    void i18n.changeLanguage("en");
    expect(chartPicture(i18n.t, { ...CONTEXT, language: "en", demo: false, about: { year: 2024 } }, [])).toEqual({
      title: "Utvikling over tid",
      subtitle: "2024",
      demo: null,
      legend: [],
      source: "Source: Målestokk. Extracted 6. desember 2025 kl. 15:30.",
    });
  });
});

describe("exportFacts", () => {
  it("lists what the figures are, demo marking first, and leaves out what the chart does not have", () => {
    const i18n = texts();
    expect(exportFacts(i18n.t, CONTEXT).map(([label]) => label)).toEqual([
      "Demodata",
      "Tittel",
      "Indikator",
      "Definisjon",
      "Enhet",
      "År",
      "Sammenligningsgruppe",
      "Medlemmer",
      "Kilde",
      "Hentet ut",
      "Lisens",
      "Adresse",
    ]);
    expect(exportFacts(i18n.t, { ...CONTEXT, demo: false, about: {} }).map(([label]) => label)).toEqual([
      "Tittel",
      "Kilde",
      "Hentet ut",
      "Lisens",
      "Adresse",
    ]);
    expect(exportFacts(i18n.t, CONTEXT).find(([label]) => label === "Medlemmer")?.[1]).toBe("2 kommuner: Bergen, Oslo");
  });

  it("spans the years of a series", () => {
    expect(yearSpan([2015, 2016, 2025])).toBe("2015–2025");
    expect(yearSpan([2024])).toBe("2024");
    expect(yearSpan([])).toBeUndefined();
  });
});
