import { costFileTemplateSheets, costReportSheetName, writeXlsx } from "@malestokk/domain";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import i18next from "i18next";
import { describe, expect, it } from "vitest";

import enAccessibility from "../locales/en.accessibility.json";
import enAdmin from "../locales/en.admin.json";
import enBenefitViews from "../locales/en.benefit-views.json";
import enBenefits from "../locales/en.benefits.json";
import enCosts from "../locales/en.costs.json";
import enExports from "../locales/en.exports.json";
import enIdeas from "../locales/en.ideas.json";
import enIdentity from "../locales/en.identity.json";
import enIndicator from "../locales/en.indicator.json";
import en from "../locales/en.json";
import enProfile from "../locales/en.profile.json";
import enQuality from "../locales/en.quality.json";
import enSector from "../locales/en.sector.json";
import enSystems from "../locales/en.systems.json";
import nbAccessibility from "../locales/nb.accessibility.json";
import nbAdmin from "../locales/nb.admin.json";
import nbBenefitViews from "../locales/nb.benefit-views.json";
import nbBenefits from "../locales/nb.benefits.json";
import nbCosts from "../locales/nb.costs.json";
import nbExports from "../locales/nb.exports.json";
import nbIdeas from "../locales/nb.ideas.json";
import nbIdentity from "../locales/nb.identity.json";
import nbIndicator from "../locales/nb.indicator.json";
import nb from "../locales/nb.json";
import nbProfile from "../locales/nb.profile.json";
import nbQuality from "../locales/nb.quality.json";
import nbSector from "../locales/nb.sector.json";
import nbSystems from "../locales/nb.systems.json";
import { bytesOf, catchDownloads } from "../test/downloads";
import { renderApp } from "../test/render";
import { sheetNamesOf } from "../test/unzip";
import { SHEET_NAME_KEYS, sheetName } from "./sheet-names";

/** Every text of the app in one language, each area under the key it is added with. */
const TEXTS = {
  nb: {
    ...nb,
    admin: nbAdmin,
    costReport: nbCosts,
    systems: nbSystems,
    quality: nbQuality,
    profile: nbProfile,
    indicator: nbIndicator,
    accessibility: nbAccessibility,
    benefitViews: nbBenefitViews,
    benefits: nbBenefits,
    ideas: nbIdeas,
    identity: nbIdentity,
    sector: nbSector,
    exports: nbExports,
  },
  en: {
    ...en,
    admin: enAdmin,
    costReport: enCosts,
    systems: enSystems,
    quality: enQuality,
    profile: enProfile,
    indicator: enIndicator,
    accessibility: enAccessibility,
    benefitViews: enBenefitViews,
    benefits: enBenefits,
    ideas: enIdeas,
    identity: enIdentity,
    sector: enSector,
    exports: enExports,
  },
};

describe("the sheet names the app writes", () => {
  it.each(["nb", "en"] as const)("are whole words within Excel's 31 characters, so the writer never cuts one (%s)", async (language) => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { [language]: { translation: TEXTS[language] } }, lng: language, interpolation: { escapeValue: false } });
    const fixed = (Object.keys(SHEET_NAME_KEYS) as (keyof typeof SHEET_NAME_KEYS)[]).map((sheet) => sheetName(i18n.t, sheet));
    const names = [
      ...fixed,
      ...costFileTemplateSheets({ language, systems: [] }).map((sheet) => sheet.name),
      costReportSheetName(language, 2025),
    ];
    for (const [i, name] of names.entries()) {
      expect(name, `${i}`).not.toMatch(/^(exports|ideas|benefits|compare|sector)\./);
      expect(name.length, name).toBeLessThanOrEqual(31);
      expect(name, name).not.toMatch(/[:\\/?*[\]]|^'|'$|\s{2}|^\s|\s$/);
    }
    // Written, each comes back as it is.
    expect(names.map((name) => sheetNamesOf(writeXlsx([{ name, rows: [] }]))[0])).toEqual(names);
  });

  it("of the board's meeting pack say what each sheet holds (it used to write «Digital suksess  tre dimensjone»)", async () => {
    renderApp("/ideer/motepakke", { as: "board@demo.example" });
    const button = await screen.findByRole("button", { name: "Last ned møtepakken (Excel)" });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    const files = catchDownloads();
    fireEvent.click(button);
    await waitFor(() => expect(files).toHaveLength(1));
    expect(sheetNamesOf(await bytesOf(files[0]))).toEqual([
      "Om tallene",
      "Saker til beslutning",
      "Gevinstporteføljen",
      "Uten godkjent gevinstplan",
      "Felles løsninger",
      "Felles løsninger per år",
      "Kommuner i felles løsninger",
      "Digital suksess",
      "Dekning per fylke",
      "Uten godkjent rapport",
    ]);
  });
});
