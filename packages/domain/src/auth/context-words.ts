/**
 * Words that anyone guessing passwords for this service tries first (ASVS 5.0 6.1.2): the product
 * and its owners, the sector's own vocabulary, and the seasons and months that people add a year to.
 * A user's own name and e-mail, and the register's names, are added where a password is set
 * (`personalContextWords`, the register). Kept in docs/security.md too.
 */
export const CONTEXT_WORDS: readonly string[] = [
  "målestokk",
  "malestokk",
  "maalestokk",
  "ks",
  "kommit",
  "kommune",
  "kommunen",
  "kommunene",
  "kommunal",
  "fylke",
  "fylket",
  "fylkeskommune",
  "kostra",
  "ssb",
  "ikt",
  "it",
  "digital",
  "digitalisering",
  "suksess",
  "gevinst",
  "gevinster",
  "rapport",
  "rapportering",
  "økonomi",
  "passord",
  "password",
  "velkommen",
  "hemmelig",
  "norge",
  "noreg",
  "admin",
  "administrator",
  "bruker",
  "test",
  "demo",
  "qwerty",
  "asdf",
  "januar",
  "februar",
  "mars",
  "april",
  "mai",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "desember",
  "vinter",
  "vår",
  "sommer",
  "høst",
];

/** The parts of an e-mail domain that say nothing about its owner. */
const GENERIC_DOMAIN_PARTS = new Set(["kommune", "fylkeskommune", "no", "com", "org", "net", "www", "mail", "epost", "post"]);

function letterWords(text: string, minLength: number): string[] {
  return text
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length >= minLength);
}

/** Words from who the user is: the e-mail address's name and owner, and the parts of the name. */
export function personalContextWords(user: { readonly email: string; readonly name: string }): string[] {
  const [local = "", domain = ""] = user.email.split("@");
  const owner = letterWords(domain, 2).filter((part) => !GENERIC_DOMAIN_PARTS.has(part));
  return [...new Set([...letterWords(local, 2), ...letterWords(user.name, 2), ...owner])];
}

/**
 * Whether a password is made of nothing but words from `words` (in any order, repeated, with any
 * digits and punctuation around them), or of no letters at all: "Sommer2026!!", "Trondheim2024",
 * "KariNordmann99". Letters are compared in lower case and NFC; words shorter than 2 letters, and
 * the parts of multi-word names shorter than 3, do not count. A passphrase of other words passes.
 */
export function isContextPassword(password: string, words: readonly string[]): boolean {
  const letters = letterWords(password, 1).join("");
  if (letters === "") return true;
  const dictionary = new Set<string>();
  for (const word of words) {
    const parts = letterWords(word, 2);
    if (parts.length === 1) dictionary.add(parts[0] ?? "");
    else for (const part of parts.filter((p) => p.length >= 3)) dictionary.add(part);
  }
  const longest = Math.max(0, ...[...dictionary].map((word) => word.length));
  // reachable[i]: the first i letters split into dictionary words.
  const reachable = new Array<boolean>(letters.length + 1).fill(false);
  reachable[0] = true;
  for (let end = 1; end <= letters.length; end++) {
    for (let start = Math.max(0, end - longest); start < end && !reachable[end]; start++) {
      if (reachable[start] && dictionary.has(letters.slice(start, end))) reachable[end] = true;
    }
  }
  return reachable[letters.length] === true;
}
