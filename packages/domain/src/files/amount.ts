import { MAX_IT_COST_NOK } from "../costs/limits";

export type NokAmountError = "EMPTY" | "NOT_A_NUMBER" | "NEGATIVE" | "TOO_LARGE";

export type NokAmountResult =
  { readonly ok: true; readonly value: number; readonly rounded: boolean } | { readonly ok: false; readonly reason: NokAmountError };

/** Thousands separators Excel and people put between digit groups: space, no-break, narrow no-break, thin. */
const SPACE = "[ \\u00a0\\u202f\\u2009]";
/** Whole kroner with an optional decimal comma: plain digits, space groups or dot groups. */
const WITH_COMMA = new RegExp(`^(\\d+|\\d{1,3}(?:${SPACE}\\d{3})+|[1-9]\\d{0,2}(?:\\.\\d{3})+)(?:,(\\d+))?$`);
/** A decimal point, tried only after WITH_COMMA, so a dot that can be a thousands separator is one. */
const WITH_POINT = new RegExp(`^(\\d+|\\d{1,3}(?:${SPACE}\\d{3})+)\\.(\\d+)$`);
const CURRENCY_BEFORE = /^(?:kr\.?|nok)\s*/i;
const CURRENCY_AFTER = /\s*(?:kr\.?|nok)$/i;
const MINUS = /^[-\u2212\u2013]\s*/;

/**
 * Reads an amount in NOK as Norwegians write it, in a spreadsheet or typed into the form: the one
 * rule for every amount the app takes in (docs/decisions/012-ore-rounding.md). Øre are rounded to
 * whole kroner, half up: 50 øre and more up, less down, on the figure as written (so "0,499" is 0),
 * as Excel's and LibreOffice's ROUND do; `rounded` says øre were dropped, so the user can be told.
 * Accepted:
 * - thousands separated by spaces (also no-break, narrow no-break and thin spaces) or full stops
 *   in groups of exactly three: "1 234 567", "1.234.567";
 * - a decimal comma: "1 234 567,50"; or "1 234,-" for whole kroner;
 * - a decimal point where it cannot be a thousands separator: "1234.5", "1.5", "0.125". A single
 *   full stop before exactly three digits ("1.234") is read as THOUSANDS (1234), since that is how
 *   Norwegian text reads and an amount with three decimals is rare; "1234.567" is a decimal;
 * - "kr" or "NOK" before or after, any case.
 * A minus sign (also "−" and "–"), a trailing minus as ERP systems write it ("1 234-") or
 * accounting parentheses ("(1 234)") give NEGATIVE; more than MAX_IT_COST_NOK gives TOO_LARGE.
 * English thousands commas ("1,234") are read as a decimal comma: `rounded` flags them.
 */
export function parseNokAmount(text: string): NokAmountResult {
  let rest = text.trim();
  if (rest === "") return { ok: false, reason: "EMPTY" };
  let negative = false;
  if (rest.startsWith("(") && rest.endsWith(")")) {
    negative = true;
    rest = rest.slice(1, -1).trim();
  }
  if (MINUS.test(rest)) {
    negative = true;
    rest = rest.replace(MINUS, "");
  }
  rest = rest.replace(CURRENCY_BEFORE, "");
  if (MINUS.test(rest)) {
    negative = true;
    rest = rest.replace(MINUS, "");
  }
  rest = rest.replace(/^\+\s*/, "").replace(CURRENCY_AFTER, "");
  let wholeOnly = false;
  if (/,[-\u2013]$/.test(rest)) {
    wholeOnly = true;
    rest = rest.slice(0, -2);
  } else if (/\d\s*-$/.test(rest)) {
    negative = true;
    rest = rest.slice(0, -1).trimEnd();
  }

  const withComma = WITH_COMMA.exec(rest);
  const withPoint = withComma ? null : WITH_POINT.exec(rest);
  const match = withComma ?? withPoint;
  if (!match) return { ok: false, reason: "NOT_A_NUMBER" };
  const [, wholeText = "", fraction = ""] = match;
  if (wholeOnly && fraction !== "") return { ok: false, reason: "NOT_A_NUMBER" };
  // Space groups with a dot before three digits ("1 234.567") mix two conventions: refuse to guess.
  if (withPoint && /\D/.test(wholeText) && fraction.length === 3) return { ok: false, reason: "NOT_A_NUMBER" };
  const whole = Number(wholeText.replace(/\D/g, ""));
  const roundsUp = fraction !== "" && fraction.charCodeAt(0) >= "5".charCodeAt(0);
  const value = whole + (roundsUp ? 1 : 0);
  const rounded = /[1-9]/.test(fraction);
  if (negative && (whole > 0 || rounded)) return { ok: false, reason: "NEGATIVE" };
  if (value > MAX_IT_COST_NOK) return { ok: false, reason: "TOO_LARGE" };
  return { ok: true, value, rounded };
}

/**
 * The same rules for a number a spreadsheet stored as a number (an XLSX numeric cell), which has
 * no separators to misread. Rounded to 15 significant digits first, as Excel shows it, so a
 * computed 90 × 1.15 = 103.49999999999999 counts as 103.5 and rounds half up to 104.
 */
export function nokAmountFromNumber(value: number): NokAmountResult {
  if (!Number.isFinite(value)) return { ok: false, reason: "NOT_A_NUMBER" };
  const shown = Number(value.toPrecision(15));
  if (shown < 0) return { ok: false, reason: "NEGATIVE" };
  const whole = Math.floor(shown);
  const rounded = shown !== whole;
  const result = rounded ? Math.round(shown) : whole;
  if (result > MAX_IT_COST_NOK) return { ok: false, reason: "TOO_LARGE" };
  return { ok: true, value: result, rounded };
}
