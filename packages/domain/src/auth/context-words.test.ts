import { describe, expect, it } from "vitest";

import { CONTEXT_WORDS, isContextPassword, personalContextWords } from "./context-words";

describe("isContextPassword (ASVS 5.0 6.1.2, 6.2.11)", () => {
  const words = [
    ...CONTEXT_WORDS,
    ...personalContextWords({ email: "kari.nordmann@trondheim.kommune.no", name: "Kari Nordmann" }),
    "Trondheim",
    "Ørland",
    "Guovdageaidnu – Kautokeino",
  ];

  it.each([
    ["Sommer2026!!", "a season and a year"],
    ["passord12345", "the word password in Norwegian"],
    ["Målestokk2026", "the product's name"],
    ["malestokk-2026", "the product's name without å"],
    ["Trondheim2024!", "a municipality's name"],
    ["TrondheimKommune1", "a name and the word kommune"],
    ["ørland 1234567", "a name with ø"],
    ["Kautokeino2025", "one of a municipality's official names"],
    ["KariNordmann99", "the user's own name"],
    ["nordmann.kari.1", "the user's name parts in another order"],
    ["Desember2026!!", "a month"],
    ["123456789012", "digits only"],
    ["!!!!????....", "punctuation only"],
  ])("refuses %s (%s)", (password) => {
    expect(isContextPassword(password, words)).toBe(true);
  });

  it.each([
    ["korrekt hest batteri stift", "unrelated words"],
    ["Trondheim brygge i tåke", "a name among other words"],
    ["kommunalt hjørne 2026", "a word that only begins like one on the list"],
    ["xq7!Lp2#vR9@", "random characters"],
  ])("accepts %s (%s)", (password) => {
    expect(isContextPassword(password, words)).toBe(false);
  });

  it("takes the user's words from the e-mail address and the name, not the domain's generic parts", () => {
    expect(personalContextWords({ email: "ola-p.hansen@bergen.kommune.no", name: "Ola P. Hansen" })).toEqual(["ola", "hansen", "bergen"]);
  });
});
