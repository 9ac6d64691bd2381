import { MAX_YEAR, MIN_YEAR } from "@malestokk/domain";
import { describe, expect, it } from "vitest";

import en from "../../locales/en.systems.json";
import nb from "../../locales/nb.systems.json";
import { checkDraft, EMPTY_DRAFT, sortByName, type SystemRow } from "./system-draft";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe("checkDraft", () => {
  it("builds the save input from a complete draft, trimming text and treating empty fields as unknown", () => {
    const checked = checkDraft({
      ...EMPTY_DRAFT,
      name: "  Visma Flyt Skole ",
      vendor: "  ",
      systemClass: "schoolChildhood",
      inUseFrom: " 2019 ",
    });
    expect(checked).toEqual({
      issues: [],
      input: {
        id: null,
        expectedVersion: null,
        name: "Visma Flyt Skole",
        vendor: null,
        systemClass: "schoolChildhood",
        svarUt: false,
        inUseFrom: 2019,
        inUseTo: null,
      },
    });
  });

  it("keeps the id and the version read, so the server can refuse a lost update", () => {
    expect(checkDraft({ ...EMPTY_DRAFT, id: 7, version: 3, name: "Elements" }).input).toMatchObject({ id: 7, expectedVersion: 3 });
  });

  it("reports every field at once: a missing name, a vendor too long, years that are not years", () => {
    const { issues, input } = checkDraft({ ...EMPTY_DRAFT, name: " ", vendor: "x".repeat(121), inUseFrom: "19", inUseTo: "1999" });
    expect(input).toBeNull();
    expect(issues).toEqual([
      { field: "name", code: "REQUIRED" },
      { field: "vendor", code: "TOO_LONG", params: { maximum: 120 } },
      { field: "inUseFrom", code: "NOT_A_YEAR" },
      { field: "inUseTo", code: "YEAR_RANGE", params: { min: MIN_YEAR, max: MAX_YEAR } },
    ]);
  });

  it("refuses an end year before the start year, and allows the same year", () => {
    expect(checkDraft({ ...EMPTY_DRAFT, name: "A", inUseFrom: "2020", inUseTo: "2019" }).issues).toEqual([
      { field: "inUseTo", code: "BEFORE_START", params: { from: 2020 } },
    ]);
    expect(checkDraft({ ...EMPTY_DRAFT, name: "A", inUseFrom: "2020", inUseTo: "2020" }).issues).toEqual([]);
  });

  it("allows a name of exactly 120 characters and refuses 121", () => {
    expect(checkDraft({ ...EMPTY_DRAFT, name: "n".repeat(120) }).issues).toEqual([]);
    expect(checkDraft({ ...EMPTY_DRAFT, name: "n".repeat(121) }).issues).toEqual([
      { field: "name", code: "TOO_LONG", params: { maximum: 120 } },
    ]);
  });
});

describe("sortByName", () => {
  it("sorts in Norwegian order whatever the case: Æ, Ø and Å come after Z", () => {
    const row = (name: string) => ({ name }) as SystemRow;
    expect(sortByName(["Åsen", "økonomi", "Zeta", "arkiv", "Ærfugl", "Bravo"].map(row)).map((r) => r.name)).toEqual([
      "arkiv",
      "Bravo",
      "Zeta",
      "Ærfugl",
      "økonomi",
      "Åsen",
    ]);
  });
});

describe("the register's texts", () => {
  it("has the same keys in bokmål and English", () => {
    expect(keysOf(en).sort()).toEqual(keysOf(nb).sort());
  });
});
