import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { neutraliseFormula, restoreNeutralisedFormula } from "./formula";

describe("neutraliseFormula", () => {
  it.each(["=SUM(A1:A9)", "+47 22 00 00 00", "-2+3", "@cmd", "\tx", "\rx"])("prefixes %j with an apostrophe", (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it.each(["", "Brukerstøtte", "1 234", "'=already", " =leading space", "a=b"])("leaves %j alone", (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });

  it("is undone by restoreNeutralisedFormula, for any text", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!(text.startsWith("'") && neutraliseFormula(text.slice(1)) !== text.slice(1)));
        expect(restoreNeutralisedFormula(neutraliseFormula(text))).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it("restores only an apostrophe before a formula character", () => {
    expect(restoreNeutralisedFormula("'=1")).toBe("=1");
    expect(restoreNeutralisedFormula("'hei")).toBe("'hei");
  });
});
