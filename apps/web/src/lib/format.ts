// Numbers follow nb-NO whatever the UI language (docs/style.md#web): no-break space between
// thousands, decimal comma, and the real minus sign (U+2212).
const LOCALE = "nb-NO";

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const nok = new Intl.NumberFormat(LOCALE, { style: "currency", currency: "NOK", maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: "long", timeStyle: "short" });
const dateTimeShortFormat = new Intl.DateTimeFormat(LOCALE, {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const NBSP = "\u00a0";

/** The unit a chart axis of shares carries: " %" after a no-break space. */
export const PERCENT_UNIT = `${NBSP}%`;

export function formatInteger(value: number): string {
  return integer.format(value);
}

/** "1 234 kr" (nb-NO puts the unit after the number). */
export function formatNok(value: number): string {
  return nok.format(value);
}

const nokChange = new Intl.NumberFormat(LOCALE, {
  style: "currency",
  currency: "NOK",
  maximumFractionDigits: 0,
  signDisplay: "exceptZero",
});

const smallNok = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });

/**
 * A figure in kroner with its unit after a no-break space: whole kroner ("41 250 001 kr"), and øre only
 * where they matter, below 100 kr ("12,5 kr" per inhabitant).
 */
export function formatKroner(value: number): string {
  return Math.abs(value) >= 100 ? formatNok(value) : `${smallNok.format(value)}${NBSP}kr`;
}

/** Whether a benefit's free-text unit means kroner. */
export function isKronerUnit(unit: string): boolean {
  return /^(kr|nok|kroner)$/i.test(unit.trim());
}

/** A value with a free-text unit, "36 %" or "1 200 timer" (no-break space); kroner by formatKroner. */
export function formatWithUnit(value: number, unit: string): string {
  if (isKronerUnit(unit)) return formatKroner(value);
  return unit.trim() === "" ? formatDecimal(value) : `${formatDecimal(value)}${NBSP}${unit.trim()}`;
}

/** "+250 000 kr", "−300 000 kr" (U+2212), "0 kr": a change in kroner, signed. */
export function formatNokChange(value: number): string {
  return nokChange.format(value);
}

/** "1,3", "−1,3"; a value that rounds to zero is "0", never "−0". */
export function formatDecimal(value: number): string {
  return oneDecimal.format(value).replace(/^[−-](?=0(?:,0*)?$)/, "");
}

/** "12,5 %" with a no-break space, as nb-NO writes it. */
export function formatPercent(value: number): string {
  return `${formatDecimal(value)}${NBSP}%`;
}

const POINTS = { nb: "prosentpoeng", en: "percentage points" } as const;

/** A change in a share: "+1,3 prosentpoeng", "−2 prosentpoeng", "0 prosentpoeng" (never "−0 %"). */
export function formatPercentagePointChange(change: number, language: "nb" | "en"): string {
  const text = formatDecimal(change);
  const sign = text === "0" || text.startsWith("−") ? "" : "+";
  return `${sign}${text}${NBSP}${POINTS[language]}`;
}

/** A moment in running text: "30. april 2026 kl. 15:30". */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/** A moment in a table cell: "30.04.2026 15:30". */
export function formatDateTimeShort(iso: string): string {
  return dateTimeShortFormat.format(new Date(iso)).replace(",", "");
}

/**
 * A number as someone typed it ("28000", "41250000.75", "41 250 000,75") as a locked field shows it:
 * "28 000", "41 250 000,75", with nb-NO's separators and the decimals typed. Text that is not a plain
 * number stays as it is, so nothing typed is hidden.
 */
export function formatTypedNumber(text: string): string {
  const match = /^([-−])?(\d+)(?:[.,](\d+))?$/.exec(text.replace(/[\s\u00a0\u202f]/g, ""));
  if (!match) return text;
  const [, minus, whole = "", fraction = ""] = match;
  const digits = fraction.length;
  const value = Number(`${minus ? "-" : ""}${whole}.${fraction || "0"}`);
  return new Intl.NumberFormat(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
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

const dayFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: "long", timeZone: "UTC" });
const dayShortFormat = new Intl.DateTimeFormat(LOCALE, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });

/** The calendar day of "YYYY-MM-DD" or of an ISO moment, the same in every time zone. */
function dayOf(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

/** A calendar date in running text: "30. april 2026". */
export function formatDate(iso: string): string {
  return dayFormat.format(dayOf(iso));
}

/** A calendar date in a table cell: "30.04.2026". */
export function formatDateShort(iso: string): string {
  return dayShortFormat.format(dayOf(iso));
}
