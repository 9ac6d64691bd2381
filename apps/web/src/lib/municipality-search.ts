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
  m: { readonly number: string; readonly name: string; readonly altName: string | null },
  query: string,
): boolean {
  const q = normalizeForSearch(query);
  if (q === "") return true;
  if (/^\d+$/.test(q)) return m.number.startsWith(q);
  return normalizeForSearch(m.name).includes(q) || (m.altName !== null && normalizeForSearch(m.altName).includes(q));
}
