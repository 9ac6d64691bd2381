import { describe, expect, it } from "vitest";
import { z } from "zod";

import { cleanName, cleanText, nameKey } from "./clean";
import { nameSchema, textSchema } from "./schemas";

describe("cleanName", () => {
  it.each([
    ["a zero-width space at the end", "Demo sak/arkiv\u200b", "Demo sak/arkiv"],
    ["NUL and other C0 controls", "Sak\u0000ar\u0007kiv\u001b", "Sakarkiv"],
    ["DEL and C1 controls (CSI)", "Sak\u007farkiv\u009b", "Sakarkiv"],
    ["a right-to-left override", "\u202Efdp.exe", "fdp.exe"],
    ["every bidi embedding, override and isolate", "a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069j", "abcdefghij"],
    ["zero-width joiners, word joiner, byte order mark", "\ufeffVis\u200cma\u200d\u2060", "Visma"],
    ["a soft hyphen", "Sak\u00adarkiv", "Sakarkiv"],
    ["left-to-right and right-to-left marks", "\u200eElements\u200f", "Elements"],
    ["tabs, line breaks and runs of spaces inside", "  Demo \t sak\r\n/arkiv  ", "Demo sak /arkiv"],
    ["a no-break space and other space characters", "Demo\u00a0sak\u2003og\u3000arkiv", "Demo sak og arkiv"],
    ["a next-line control and a line separator, which are breaks", "Demo\u0085sak\u2028arkiv", "Demo sak arkiv"],
    ["a space left where an invisible character was removed", "Demo \u200b sak", "Demo sak"],
  ])("removes %s", (_what, input, expected) => {
    expect(cleanName(input)).toBe(expected);
  });

  it("composes decomposed letters (NFC), also when an invisible character stood between letter and accent", () => {
    expect(cleanName("Ka\u0301ra\u030cjohka")).toBe("Kárǎjohka");
    expect(cleanName("Bådåddjo".normalize("NFD"))).toBe("Bådåddjo");
    expect(cleanName("a\u200b\u0301")).toBe("á");
  });

  it("keeps Norwegian and Sámi letters exactly as they are", () => {
    const letters = "á č đ ŋ š ŧ ž æ ø å Á Č Đ Ŋ Š Ŧ Ž Æ Ø Å ï";
    expect(cleanName(letters)).toBe(letters);
    for (const name of [
      "Kárášjohka – Karasjok",
      "Porsáŋgu – Porsanki – Porsanger",
      "Guovdageaidnu",
      "Čáhcesuolu – Vadsø",
      "Snåasen tjïelte",
      "Unjárga – Nesseby",
      "Gáivuotna – Kåfjord – Kaivuono",
    ]) {
      expect(cleanName(name)).toBe(name);
    }
  });

  it("keeps ordinary punctuation, digits and emoji", () => {
    expect(cleanName("Sak/arkiv (ePhorte 5.1) – «ny» & gammel: 100 %")).toBe("Sak/arkiv (ePhorte 5.1) – «ny» & gammel: 100 %");
    expect(cleanName("Fagsystem 🚀")).toBe("Fagsystem 🚀");
  });

  it("leaves nothing of a name made only of invisible characters and spaces", () => {
    expect(cleanName("\u200b \u202e\u00a0\u0000")).toBe("");
  });
});

describe("nameKey", () => {
  it("is the same for names that differ only by invisible characters, spacing, composition or case", () => {
    expect(nameKey("Demo sak/arkiv\u200b")).toBe(nameKey("Demo sak/arkiv"));
    expect(nameKey("DEMO  SAK/ARKIV")).toBe(nameKey("demo sak/arkiv"));
    expect(nameKey("ÆRØSKØBING Å".normalize("NFD"))).toBe(nameKey("ærøskøbing å"));
    expect(nameKey("Sak/arkiv")).not.toBe(nameKey("Sak arkiv"));
  });
});

describe("cleanText", () => {
  it("keeps line breaks and blank lines, and makes every line break a \\n", () => {
    expect(cleanText("Linje 1\r\nLinje 2\rLinje 3\n\nAvsnitt\u2028slutt")).toBe("Linje 1\nLinje 2\nLinje 3\n\nAvsnitt\nslutt");
  });

  it("removes controls, bidi overrides and invisible characters, and turns tabs into spaces", () => {
    expect(cleanText("Kom\u0000mentar\u202e med\ttab\u200b og\u00ad mer")).toBe("Kommentar med tab og mer");
  });

  it("trims the text and the ends of lines, but keeps spacing inside a line", () => {
    expect(cleanText("  \n Første  linje   \nandre\u00a0linje \n\n")).toBe("Første  linje\nandre\u00a0linje");
  });

  it("composes decomposed letters (NFC)", () => {
    expect(cleanText("Kárášjohka".normalize("NFD"))).toBe("Kárášjohka");
  });
});

describe("nameSchema and textSchema", () => {
  it("store the cleaned value and check the length of what is stored", () => {
    const schema = z.object({ name: nameSchema(10), comment: textSchema(20).nullable() });
    expect(schema.parse({ name: " Sak\u202e \u200b", comment: "a\r\nb\u0000" })).toEqual({ name: "Sak", comment: "a\nb" });
    expect(schema.safeParse({ name: `${"\u200b".repeat(50)}Sak`, comment: null }).success).toBe(true);
  });

  it("refuse a name that is empty once cleaned, as too short", () => {
    const result = nameSchema(10).safeParse("\u200b\u202e ");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: "too_small", minimum: 1 });
  });

  it("let a text be empty unless it asks for a minimum", () => {
    expect(textSchema(10).parse(" \u200b ")).toBe("");
    expect(textSchema(10, { min: 3 }).safeParse("a\u200b").success).toBe(false);
  });
});
