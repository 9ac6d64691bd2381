export type ParsedAmount =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly reason: "EMPTY" | "NOT_A_NUMBER" | "NOT_WHOLE_KRONER" | "NEGATIVE" };

/**
 * Reads an amount in whole kroner as people type it in Norway: spaces (also no-break and thin
 * spaces) or full stops between thousands, an optional "kr". Decimals are refused, not rounded:
 * a figure in øre or with a stray comma is a typing error to fix, not to guess.
 */
export function parseWholeKroner(text: string): ParsedAmount {
  const trimmed = text
    .trim()
    .replace(/^kr\.?\s*/i, "")
    .replace(/\s*(kr|nok)\.?$/i, "");
  if (trimmed === "") return { ok: false, reason: "EMPTY" };
  const negative = /^[-\u2212]/.test(trimmed);
  const unsigned = trimmed.replace(/^[-\u2212]\s*/, "");
  const compact = unsigned.replace(/[\s\u00a0\u202f]/g, "");
  let digits: string;
  if (/^\d+$/.test(compact)) digits = compact;
  else if (/^\d{1,3}(\.\d{3})+$/.test(compact)) digits = compact.replace(/\./g, "");
  else if (/^\d+([.,]\d+)?$/.test(compact) || /^\d{1,3}(\.\d{3})*,\d+$/.test(compact)) {
    return { ok: false, reason: "NOT_WHOLE_KRONER" };
  } else return { ok: false, reason: "NOT_A_NUMBER" };
  if (negative) return { ok: false, reason: "NEGATIVE" };
  const value = Number(digits);
  return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false, reason: "NOT_A_NUMBER" };
}
