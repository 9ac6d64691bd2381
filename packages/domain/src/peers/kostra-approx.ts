/** Source tag of KOSTRA groups derived here rather than imported from KLASS. */
export const APPROXIMATE_KOSTRA_SOURCE = "approximate: size only";

export interface ApproximateKostraGroup {
  readonly code: string;
  readonly name: string;
}

/**
 * A stand-in for the KOSTRA group until the real one is imported from KLASS 112. SSB groups
 * municipalities by size, bound costs and free disposable income; only size is known here, so
 * this uses that dimension alone, plus the two groups that are defined by size: Oslo, and the ten
 * largest municipalities after Oslo. Always shown as approximate (docs/indicators.md#kostra-approximation).
 */
export function approximateKostraGroups(
  units: readonly { readonly number: string; readonly population: number }[],
): Map<string, ApproximateKostraGroup> {
  const largest = new Set(
    [...units]
      .filter((u) => u.number !== "0301")
      .sort((a, b) => b.population - a.population)
      .slice(0, 10)
      .map((u) => u.number),
  );
  const groups = new Map<string, ApproximateKostraGroup>();
  for (const u of units) {
    let group: ApproximateKostraGroup;
    if (u.number === "0301") group = { code: "~OSLO", name: "Oslo kommune" };
    else if (largest.has(u.number)) group = { code: "~TI", name: "De ti største kommunene utenom Oslo" };
    else if (u.population < 5_000) group = { code: "~SMA", name: "Små kommuner (under 5 000 innbyggere)" };
    else if (u.population < 20_000) group = { code: "~MELLOM", name: "Mellomstore kommuner (5 000–19 999 innbyggere)" };
    else group = { code: "~STORE", name: "Store kommuner (20 000 innbyggere eller flere)" };
    groups.set(u.number, group);
  }
  return groups;
}
