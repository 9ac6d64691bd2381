import { describe, expect, it, vi } from "vitest";

import {
  formatDate,
  formatDateShort,
  formatDateTime,
  formatDateTimeShort,
  formatDecimal,
  formatInteger,
  formatNok,
  formatPercent,
  formatPercentagePointChange,
  formatTypedNumber,
  formatWithUnit,
  currentFormatLocale,
  formatLocaleOf,
  setFormatLanguage,
} from "./format";

const NBSP = "\u00a0";

describe("one Norwegian format for dates and numbers", () => {
  it("writes a date long in text and as dd.mm.yyyy in tables, the same in every time zone", () => {
    expect(formatDate("2026-04-30")).toBe("30. april 2026");
    expect(formatDate("2026-04-30T23:30:00.000Z")).toBe("30. april 2026");
    expect(formatDateShort("2026-04-30")).toBe("30.04.2026");
    expect(formatDateShort("2025-01-01T00:00:00.000Z")).toBe("01.01.2025");
  });

  it("writes a moment with its time: long in text, short in tables, never ISO", () => {
    expect(formatDateTime("2026-04-30T10:15:00.000Z")).toMatch(/^30\. april 2026 kl\. \d{2}:15$/);
    expect(formatDateTimeShort("2026-04-30T10:15:00.000Z")).toMatch(/^30\.04\.2026 \d{2}:15$/);
  });

  it("puts a no-break space before % and kr and between thousands", () => {
    expect(formatPercent(12.5)).toBe(`12,5${NBSP}%`);
    expect(formatPercent(-0.04)).toBe(`0${NBSP}%`);
    expect(formatNok(41_250_000.75)).toBe(`41${NBSP}250${NBSP}001${NBSP}kr`);
    expect(formatInteger(28_000)).toBe(`28${NBSP}000`);
  });

  it("never writes a negative zero", () => {
    expect(formatDecimal(-0.04)).toBe("0");
    expect(formatDecimal(-1.26)).toBe("−1,3");
  });

  it("shows a change in a share in percentage points, signed, and never −0", () => {
    expect(formatPercentagePointChange(1.25, "nb")).toBe(`+1,3${NBSP}prosentpoeng`);
    expect(formatPercentagePointChange(-2, "nb")).toBe(`−2${NBSP}prosentpoeng`);
    expect(formatPercentagePointChange(-0.04, "nb")).toBe(`0${NBSP}prosentpoeng`);
    expect(formatPercentagePointChange(-2, "en")).toBe(`−2${NBSP}percentage points`);
  });
});

describe("a typed number in a locked field (issue 20, point 8)", () => {
  it("gets thousands separators and a decimal comma, keeping the decimals typed", () => {
    expect(formatTypedNumber("41250000.75")).toBe(`41${NBSP}250${NBSP}000,75`);
    expect(formatTypedNumber("28000")).toBe(`28${NBSP}000`);
    expect(formatTypedNumber("41 250 000,75")).toBe(`41${NBSP}250${NBSP}000,75`);
    expect(formatTypedNumber("14,5")).toBe("14,5");
    expect(formatTypedNumber("-1200")).toBe(`−1${NBSP}200`);
  });

  it("leaves text that is not a plain number as it was typed", () => {
    expect(formatTypedNumber("")).toBe("");
    expect(formatTypedNumber("ca. 300")).toBe("ca. 300");
  });
});

describe("a value with the benefit's unit (issue 20, point 8)", () => {
  it("writes kroner whole unless they are few, and any unit after a no-break space", () => {
    expect(formatWithUnit(41_250_000.75, "kr")).toBe(`41${NBSP}250${NBSP}001${NBSP}kr`);
    expect(formatWithUnit(12.5, "NOK")).toBe(`12,5${NBSP}kr`);
    expect(formatWithUnit(36, "%")).toBe(`36${NBSP}%`);
    expect(formatWithUnit(1200, "timer")).toBe(`1${NBSP}200${NBSP}timer`);
    expect(formatWithUnit(3, "")).toBe("3");
  });
});

describe("nynorsk dates and numbers (issue 22, point 1)", () => {
  it("writes nn-NO in nynorsk, where ICU has it, and nb-NO in bokmål and English", () => {
    expect(formatLocaleOf("nn")).toBe("nn-NO");
    expect(formatLocaleOf("nb")).toBe("nb-NO");
    expect(formatLocaleOf("en")).toBe("nb-NO");
  });

  it("falls back to nb-NO when the engine's ICU lacks nn-NO", () => {
    expect(formatLocaleOf("nn", () => false)).toBe("nb-NO");
  });

  it("formats with the language i18n sets, the same figures as bokmål writes them", () => {
    try {
      setFormatLanguage("nn");
      expect(currentFormatLocale()).toBe("nn-NO");
      expect(formatNok(-1234567)).toBe(`−1${NBSP}234${NBSP}567${NBSP}kr`);
      expect(formatDecimal(1234.56)).toBe(`1${NBSP}234,6`);
      expect(formatDate("2026-05-17")).toBe("17. mai 2026");
      expect(formatDateShort("2026-04-30")).toBe("30.04.2026");
    } finally {
      setFormatLanguage("nb");
    }
    expect(currentFormatLocale()).toBe("nb-NO");
  });
});

describe("the formatters of a locale", () => {
  it("are made when first used, one at a time, and kept (issue 21: all at once held a page's first render)", async () => {
    vi.resetModules();
    const fresh = await import("./format");
    const made: string[] = [];
    const counted = <T extends object>(kind: string, real: T): T =>
      new Proxy(real, {
        construct(target, args: unknown[]) {
          made.push(kind);
          return Reflect.construct(target as new (...a: unknown[]) => object, args);
        },
      });
    const { NumberFormat, DateTimeFormat } = Intl;
    Intl.NumberFormat = counted("number", NumberFormat);
    Intl.DateTimeFormat = counted("date", DateTimeFormat);
    try {
      expect(fresh.formatDateTime("2026-04-30T10:15:00.000Z")).toMatch(/2026/);
      expect(made).toEqual(["date"]);
      fresh.formatDateTime("2026-05-01T10:15:00.000Z");
      expect(fresh.formatInteger(1234)).toBe(`1${NBSP}234`);
      expect(made).toEqual(["date", "number"]);
    } finally {
      Intl.NumberFormat = NumberFormat;
      Intl.DateTimeFormat = DateTimeFormat;
    }
  });
});
