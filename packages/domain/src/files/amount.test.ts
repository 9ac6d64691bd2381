import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { MAX_IT_COST_NOK } from "../costs/limits";
import { nokAmountFromNumber, parseNokAmount } from "./amount";

const SEPARATORS = ["", " ", "\u00a0", "\u202f", "\u2009", "."] as const;

/** n with a thousands separator between groups of three, as a spreadsheet or a person writes it. */
function groupThousands(n: number, separator: string): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, separator);
}

describe("parseNokAmount", () => {
  it.each([
    ["1234567", 1_234_567],
    ["1 234 567", 1_234_567],
    ["1\u00a0234\u00a0567", 1_234_567],
    ["1\u202f234\u202f567", 1_234_567],
    ["1\u2009234", 1_234],
    ["1.234.567", 1_234_567],
    ["1.234", 1_234],
    ["1234567,00", 1_234_567],
    ["1 234 567,00", 1_234_567],
    ["1.234.567,00", 1_234_567],
    ["kr 1 234", 1_234],
    ["Kr. 1 234", 1_234],
    ["1 234 kr", 1_234],
    ["1234kr", 1_234],
    ["1 234,-", 1_234],
    ["kr 1 234,-", 1_234],
    ["NOK 1234", 1_234],
    ["1234 NOK", 1_234],
    ["  42\t", 42],
    ["+42", 42],
    ["0", 0],
    ["-0", 0],
    ["007", 7],
    ["20 000 000 000", 20_000_000_000],
  ])("reads %j as %d kroner", (text, value) => {
    expect(parseNokAmount(text)).toEqual({ ok: true, value, rounded: false });
  });

  it.each([
    ["1 234 567,50", 1_234_568],
    ["1234,49", 1_234],
    ["1234,5", 1_235],
    ["0,5", 1],
    ["0,49", 0],
    ["1234.5", 1_235],
    ["1.5", 2],
    ["0.125", 0],
    ["1234.567", 1_235],
    ["1 234.5", 1_235],
    ["1.234,50", 1_235],
    ["kr 99,99", 100],
    // An English thousands comma reads as a decimal comma; `rounded` is how the user finds out.
    ["1,234", 1],
  ])("rounds %j to %d kroner", (text, value) => {
    expect(parseNokAmount(text)).toEqual({ ok: true, value, rounded: true });
  });

  it.each([
    ["", "EMPTY"],
    ["  \u00a0", "EMPTY"],
    ["abc", "NOT_A_NUMBER"],
    ["12a", "NOT_A_NUMBER"],
    ["1e9", "NOT_A_NUMBER"],
    ["kroner 5", "NOT_A_NUMBER"],
    ["1 23", "NOT_A_NUMBER"],
    ["12 3456", "NOT_A_NUMBER"],
    ["1.2.3", "NOT_A_NUMBER"],
    ["1.234.5", "NOT_A_NUMBER"],
    ["1 234.567", "NOT_A_NUMBER"],
    ["1,234,567", "NOT_A_NUMBER"],
    ["1,234.56", "NOT_A_NUMBER"],
    [",5", "NOT_A_NUMBER"],
    ["1,5,-", "NOT_A_NUMBER"],
    ["(1 234", "NOT_A_NUMBER"],
    ["-", "NOT_A_NUMBER"],
    ["kr", "NOT_A_NUMBER"],
    ["-5", "NEGATIVE"],
    ["\u2212 5 000", "NEGATIVE"],
    ["\u2013 5 000", "NEGATIVE"],
    ["-kr 1 234", "NEGATIVE"],
    ["kr -1 234", "NEGATIVE"],
    ["(1 234)", "NEGATIVE"],
    ["(kr 1 234,50)", "NEGATIVE"],
    ["1.234,00-", "NEGATIVE"],
    ["-0,4", "NEGATIVE"],
    ["-25 000 000 000", "NEGATIVE"],
    ["20 000 000 001", "TOO_LARGE"],
    ["20 000 000 000,50", "TOO_LARGE"],
    ["99999999999999999999999", "TOO_LARGE"],
  ])("refuses %j (%s)", (text, reason) => {
    expect(parseNokAmount(text)).toEqual({ ok: false, reason });
  });

  it("reads any whole amount in any Norwegian formatting as exactly that amount", () => {
    const formatted = fc.record({
      n: fc.integer({ min: 0, max: MAX_IT_COST_NOK }),
      separator: fc.constantFrom(...SEPARATORS),
      prefix: fc.constantFrom("", "kr ", "kr", "Kr. ", "NOK ", "nok"),
      suffix: fc.constantFrom("", " kr", "kr", " NOK", ",00", ",-", ",00 kr", ",- kr"),
      before: fc.constantFrom("", " ", "\t", "\u00a0"),
      after: fc.constantFrom("", " ", "\t", "\u00a0"),
    });
    fc.assert(
      fc.property(formatted, ({ n, separator, prefix, suffix, before, after }) => {
        const text = `${before}${prefix}${groupThousands(n, separator)}${suffix}${after}`;
        expect(parseNokAmount(text)).toEqual({ ok: true, value: n, rounded: false });
      }),
      { numRuns: 500 },
    );
  });

  it("rounds any amount with two decimals after a comma half away from zero", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_IT_COST_NOK * 100 + 200 }), fc.constantFrom(...SEPARATORS), (ore, separator) => {
        const text = `${groupThousands(Math.floor(ore / 100), separator)},${String(ore % 100).padStart(2, "0")}`;
        const value = Math.round(ore / 100);
        expect(parseNokAmount(text)).toEqual(
          value > MAX_IT_COST_NOK ? { ok: false, reason: "TOO_LARGE" } : { ok: true, value, rounded: ore % 100 !== 0 },
        );
      }),
      { numRuns: 500 },
    );
  });

  it("reads any signed or bracketed non-zero amount as NEGATIVE", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_IT_COST_NOK }),
        fc.constantFrom("-%", "\u2212%", "- %", "(%)", "%-", "-kr %"),
        (n, pattern) => {
          expect(parseNokAmount(pattern.replace("%", groupThousands(n, " ")))).toEqual({
            ok: false,
            reason: "NEGATIVE",
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("never accepts text with a letter other than those of kr and NOK", () => {
    const otherLetter = fc.constantFrom(..."abcdefghijlmpqstuvwxyzABCDEFGHIJLMPQSTUVWXYZæøåÆØÅé".split(""));
    const amountish = fc.string({
      unit: fc.constantFrom(..."0123456789 .,-()kKrRnNoO\u00a0+".split("")),
      maxLength: 12,
    });
    fc.assert(
      fc.property(amountish, otherLetter, fc.nat(), fc.string({ maxLength: 3 }), (text, letter, at, extra) => {
        const position = at % (text.length + 1);
        const withLetter = `${text.slice(0, position)}${letter}${extra}${text.slice(position)}`;
        expect(parseNokAmount(withLetter).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseNokAmount for amounts typed into the form", () => {
  // The form reads what people type by the same rule as a file: øre are rounded half up, never refused.
  it.each([
    ["1 234 567,50", 1_234_568, true],
    ["12,5", 13, true],
    ["12.5", 13, true],
    ["2,5", 3, true],
    ["0,50", 1, true],
    ["100,49", 100, true],
    ["1.234,50", 1_235, true],
    ["1\u00a0234\u00a0567", 1_234_567, false],
    ["42 kr", 42, false],
  ])("reads %j as %d kroner (rounded: %s)", (text, value, rounded) => {
    expect(parseNokAmount(text)).toEqual({ ok: true, value, rounded });
  });

  it.each([
    ["12 kroner", "NOT_A_NUMBER"],
    ["1e9", "NOT_A_NUMBER"],
    ["99999999999999999999", "TOO_LARGE"],
    ["\u2212 5 000", "NEGATIVE"],
  ])("refuses %j (%s)", (text, reason) => {
    expect(parseNokAmount(text)).toEqual({ ok: false, reason });
  });

  it("rounds half up, like Excel's ROUND, not half to even: every x,50 goes up", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (n) => {
        expect(parseNokAmount(`${groupThousands(n, " ")},50`)).toEqual({ ok: true, value: n + 1, rounded: true });
        expect(nokAmountFromNumber(n + 0.5)).toEqual({ ok: true, value: n + 1, rounded: true });
      }),
      { numRuns: 200 },
    );
  });
});

describe("nokAmountFromNumber", () => {
  it.each([
    [1234, { ok: true, value: 1234, rounded: false }],
    [1234.5, { ok: true, value: 1235, rounded: true }],
    [100.125, { ok: true, value: 100, rounded: true }],
    // 90 × 1.15 is 103.49999999999999 in binary; Excel shows 103,5 and so do we.
    [90 * 1.15, { ok: true, value: 104, rounded: true }],
    [1.005 * 1000, { ok: true, value: 1005, rounded: false }],
    [-0, { ok: true, value: 0, rounded: false }],
    [-1, { ok: false, reason: "NEGATIVE" }],
    [MAX_IT_COST_NOK + 1, { ok: false, reason: "TOO_LARGE" }],
    [Number.NaN, { ok: false, reason: "NOT_A_NUMBER" }],
  ])("reads %d", (value, expected) => {
    expect(nokAmountFromNumber(value)).toEqual(expected);
  });
});
