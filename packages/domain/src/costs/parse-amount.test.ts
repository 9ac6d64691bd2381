import { describe, expect, it } from "vitest";

import { parseWholeKroner } from "./parse-amount";

describe("parseWholeKroner", () => {
  it.each([
    ["1234567", 1_234_567],
    ["1 234 567", 1_234_567],
    ["1\u00a0234\u00a0567", 1_234_567],
    ["1\u202f234", 1_234],
    ["1.234.567", 1_234_567],
    ["  42 ", 42],
    ["42 kr", 42],
    ["kr 42", 42],
    ["0", 0],
  ])("reads %j as %d", (text, value) => {
    expect(parseWholeKroner(text)).toEqual({ ok: true, value });
  });

  it.each([
    ["", "EMPTY"],
    ["   ", "EMPTY"],
    ["abc", "NOT_A_NUMBER"],
    ["12a", "NOT_A_NUMBER"],
    ["1e9", "NOT_A_NUMBER"],
    ["99999999999999999999", "NOT_A_NUMBER"],
    ["12,5", "NOT_WHOLE_KRONER"],
    ["12.5", "NOT_WHOLE_KRONER"],
    ["1.234,50", "NOT_WHOLE_KRONER"],
    ["-5", "NEGATIVE"],
    ["\u2212 5 000", "NEGATIVE"],
  ])("refuses %j (%s)", (text, reason) => {
    expect(parseWholeKroner(text)).toEqual({ ok: false, reason });
  });
});
