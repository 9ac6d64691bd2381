import { describe, expect, it } from "vitest";

import { defaultUiLanguage, isUiLanguage, languageOfBrowser, languageOfWrittenStandard } from "./ui-language";

describe("the language a user sees before choosing one (issue 22, point 2)", () => {
  it("follows the municipality's written standard: nynorsk → nn, bokmål and neutral → nb", () => {
    expect(languageOfWrittenStandard("nynorsk")).toBe("nn");
    expect(languageOfWrittenStandard("bokmal")).toBe("nb");
    expect(languageOfWrittenStandard("neutral")).toBe("nb");
  });

  it("reads the browser's first language Målestokk speaks: nn, nb or no, en*", () => {
    expect(languageOfBrowser(["nn-NO", "nb"])).toBe("nn");
    expect(languageOfBrowser(["no"])).toBe("nb");
    expect(languageOfBrowser(["nb-NO", "nn"])).toBe("nb");
    expect(languageOfBrowser(["en-GB"])).toBe("en");
    expect(languageOfBrowser(["de-DE", "EN_us"])).toBe("en");
    expect(languageOfBrowser(["sv-SE", "de"])).toBeNull();
    expect(languageOfBrowser([])).toBeNull();
  });

  it("keeps the user's own choice above everything", () => {
    expect(defaultUiLanguage({ chosen: "en", writtenStandard: "nynorsk", browser: ["nn"] })).toBe("en");
    expect(defaultUiLanguage({ chosen: "nb", writtenStandard: "nynorsk", browser: [] })).toBe("nb");
  });

  it("uses the municipality's standard before the browser's", () => {
    expect(defaultUiLanguage({ chosen: null, writtenStandard: "nynorsk", browser: ["en-US"] })).toBe("nn");
    expect(defaultUiLanguage({ chosen: null, writtenStandard: "neutral", browser: ["nn-NO"] })).toBe("nb");
  });

  it("without a municipality uses the browser, else bokmål", () => {
    expect(defaultUiLanguage({ chosen: null, writtenStandard: null, browser: ["nn-NO"] })).toBe("nn");
    expect(defaultUiLanguage({ chosen: null, writtenStandard: null, browser: ["en"] })).toBe("en");
    expect(defaultUiLanguage({ chosen: null, writtenStandard: null, browser: ["fr"] })).toBe("nb");
  });

  it("knows its three languages", () => {
    expect(isUiLanguage("nn")).toBe(true);
    expect(isUiLanguage("no")).toBe(false);
    expect(isUiLanguage(null)).toBe(false);
  });
});
