/** Case- and accent-tolerant match on name, Sámi/Kven name or number ("tromso" finds Tromsø). */
export function normalizeForSearch(text: string): string {
  return text
    .toLocaleLowerCase("nb-NO")
    .replace(/ø/g, "o")
    .replace(/æ/g, "ae")
    .replace(/å/g, "a")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim();
}

export function matchesMunicipality(
  m: {
    readonly number: string;
    readonly name: string;
    readonly altName: string | null;
    /** Every official name (Norwegian, Sámi, Kven): any of them finds the municipality. */
    readonly officialNames?: readonly { readonly name: string }[];
  },
  query: string,
): boolean {
  const q = normalizeForSearch(query);
  if (q === "") return true;
  if (/^\d+$/.test(q)) return m.number.startsWith(q);
  const names = [m.name, ...(m.altName === null ? [] : [m.altName]), ...(m.officialNames ?? []).map((n) => n.name)];
  return names.some((name) => normalizeForSearch(name).includes(q));
}
