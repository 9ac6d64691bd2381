// Numbers and dates follow nb-NO in bokmål and English, nn-NO in nynorsk (docs/style.md#web): no-break
// space between thousands, decimal comma, and the real minus sign (U+2212). i18n sets the language.
type FormatLanguage = "nb" | "nn" | "en";

/** nn-NO where the engine's ICU has it, else nb-NO (the two write numbers alike). */
export function formatLocaleOf(language: FormatLanguage, supported: (tag: string) => boolean = isSupported): string {
  return language === "nn" && supported("nn-NO") ? "nn-NO" : "nb-NO";
}

function isSupported(tag: string): boolean {
  return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0 && Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
}

/**
 * A locale's formatters, each made the first time it is used: making one costs about a millisecond (more on a slow
 * phone), and a page uses a few of the ten (issue 21: all ten at once were 55 ms of a page's first render at 4× CPU).
 */
function makeFormats(locale: string) {
  const number = (options: Intl.NumberFormatOptions) => () => new Intl.NumberFormat(locale, options);
  const date = (options: Intl.DateTimeFormatOptions) => () => new Intl.DateTimeFormat(locale, options);
  return madeOnUse({
    integer: number({ maximumFractionDigits: 0 }),
    nok: number({ style: "currency", currency: "NOK", maximumFractionDigits: 0 }),
    nokChange: number({ style: "currency", currency: "NOK", maximumFractionDigits: 0, signDisplay: "exceptZero" }),
    smallNok: number({ maximumFractionDigits: 2 }),
    oneDecimal: number({ maximumFractionDigits: 1 }),
    twoDecimals: number({ maximumFractionDigits: 2 }),
    dateTime: date({ dateStyle: "long", timeStyle: "short" }),
    dateTimeShort: date({ day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" }),
    day: date({ dateStyle: "long", timeZone: "UTC" }),
    dayShort: date({ day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }),
  });
}

/** An object whose every property is made by its function on first read, and kept. */
function madeOnUse<T extends Record<string, () => unknown>>(makers: T): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const made = new Map<keyof T, unknown>();
  const result = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const key of Object.keys(makers) as (keyof T)[]) {
    Object.defineProperty(result, key, {
      enumerable: true,
      get: () => {
        if (!made.has(key)) made.set(key, makers[key]?.());
        return made.get(key);
      },
    });
  }
  return result;
}

let locale = "nb-NO";
const formatsByLocale = new Map<string, ReturnType<typeof makeFormats>>();

function formats(): ReturnType<typeof makeFormats> {
  let found = formatsByLocale.get(locale);
  if (!found) {
    found = makeFormats(locale);
    formatsByLocale.set(locale, found);
  }
  return found;
}

/** Called by lib/i18n.ts when the UI language changes. */
export function setFormatLanguage(language: FormatLanguage): void {
  locale = formatLocaleOf(language);
}

/** The locale figures and dates are written in now ("nb-NO" or "nn-NO"). */
export function currentFormatLocale(): string {
  return locale;
}

const NBSP = "\u00a0";

/** The unit a chart axis of shares carries: " %" after a no-break space. */
export const PERCENT_UNIT = `${NBSP}%`;

export function formatInteger(value: number): string {
  return formats().integer.format(value);
}

/** "1 234 kr" (nb-NO puts the unit after the number). */
export function formatNok(value: number): string {
  return formats().nok.format(value);
}

/**
 * A figure in kroner with its unit after a no-break space: whole kroner ("41 250 001 kr"), and øre only
 * where they matter, below 100 kr ("12,5 kr" per inhabitant).
 */
export function formatKroner(value: number): string {
  return Math.abs(value) >= 100 ? formatNok(value) : `${formats().smallNok.format(value)}${NBSP}kr`;
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
  return formats().nokChange.format(value);
}

/** "1,3", "−1,3"; a value that rounds to zero is "0", never "−0". */
export function formatDecimal(value: number): string {
  return formats()
    .oneDecimal.format(value)
    .replace(/^[−-](?=0(?:,0*)?$)/, "");
}

/** "12,5 %" with a no-break space, as nb-NO writes it. */
export function formatPercent(value: number): string {
  return `${formatDecimal(value)}${NBSP}%`;
}

const POINTS = { nb: "prosentpoeng", nn: "prosentpoeng", en: "percentage points" } as const;

/** A change in a share: "+1,3 prosentpoeng", "−2 prosentpoeng", "0 prosentpoeng" (never "−0 %"). */
export function formatPercentagePointChange(change: number, language: FormatLanguage): string {
  const text = formatDecimal(change);
  const sign = text === "0" || text.startsWith("−") ? "" : "+";
  return `${sign}${text}${NBSP}${POINTS[language]}`;
}

/** A moment in running text: "30. april 2026 kl. 15:30". */
export function formatDateTime(iso: string): string {
  return formats().dateTime.format(new Date(iso));
}

/** A moment in a table cell: "30.04.2026 15:30". */
export function formatDateTimeShort(iso: string): string {
  return formats().dateTimeShort.format(new Date(iso)).replace(",", "");
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
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** For CSV cells Norwegian Excel reads: decimal comma, no thousands separator. */
export function formatCsvNumber(value: number, decimals = 0): string {
  return value.toFixed(decimals).replace(".", ",");
}

/** Scores such as 3,25 on a 1–5 or 1–6 scale. */
export function formatScore(value: number): string {
  return formats().twoDecimals.format(value);
}

/** The calendar day of "YYYY-MM-DD" or of an ISO moment, the same in every time zone. */
function dayOf(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

/** A calendar date in running text: "30. april 2026". */
export function formatDate(iso: string): string {
  return formats().day.format(dayOf(iso));
}

/** A calendar date in a table cell: "30.04.2026". */
export function formatDateShort(iso: string): string {
  return formats().dayShort.format(dayOf(iso));
}

/** A file's size for people: "820 B", "34 kB", "1,2 MB" (1 kB = 1024 bytes, as the upload limit is stated). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${formatInteger(bytes)}${NBSP}B`;
  if (bytes < 1024 * 1024) return `${formatInteger(Math.round(bytes / 1024))}${NBSP}kB`;
  return `${formatDecimal(bytes / (1024 * 1024))}${NBSP}MB`;
}
