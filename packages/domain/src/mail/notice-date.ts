import type { UiLanguage } from "../auth/ui-language";

/** A date (YYYY-MM-DD) as the recipient reads it: 15.03.2026 in Norwegian, 15 March 2026 in English. */
export function formatNoticeDate(date: string, language: UiLanguage): string {
  const [year, month, day] = date.slice(0, 10).split("-").map(Number) as [number, number, number];
  if (language === "en") return `${day} ${ENGLISH_MONTHS[month - 1] ?? ""} ${year}`;
  return `${String(day).padStart(2, "0")}.${String(month).padStart(2, "0")}.${year}`;
}

const ENGLISH_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
