// Numbers follow nb-NO whatever the UI language (docs/style.md#web): no-break space between
// thousands, decimal comma, and the real minus sign (U+2212).
const LOCALE = "nb-NO";

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const nok = new Intl.NumberFormat(LOCALE, { style: "currency", currency: "NOK", maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const dateFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium", timeStyle: "short" });

export function formatInteger(value: number): string {
  return integer.format(value);
}

/** "1 234 kr" (nb-NO puts the unit after the number). */
export function formatNok(value: number): string {
  return nok.format(value);
}

const nokChange = new Intl.NumberFormat(LOCALE, { style: "currency", currency: "NOK", maximumFractionDigits: 0, signDisplay: "exceptZero" });

/** "+250 000 kr", "−300 000 kr" (U+2212), "0 kr": a change in kroner, signed. */
export function formatNokChange(value: number): string {
  return nokChange.format(value);
}

export function formatDecimal(value: number): string {
  return oneDecimal.format(value);
}

export function formatDateTime(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** For CSV cells Norwegian Excel reads: decimal comma, no thousands separator. */
export function formatCsvNumber(value: number, decimals = 0): string {
  return value.toFixed(decimals).replace(".", ",");
}

const twoDecimals = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });

/** Scores such as 3,25 on a 1–5 or 1–6 scale. */
export function formatScore(value: number): string {
  return twoDecimals.format(value);
}

const dayFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium", timeZone: "UTC" });

/** A calendar date (YYYY-MM-DD) such as "31. des. 2025", the same in every time zone. */
export function formatDate(isoDate: string): string {
  return dayFormat.format(new Date(`${isoDate}T00:00:00Z`));
}
