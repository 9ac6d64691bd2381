import { describe, expect, it } from "vitest";

import { JsonStatError } from "./jsonstat";
import { parseKlassChanges, parseKlassCodes, parseKlassCorrespondence, planKostraGroups, planRegisterNames } from "./klass";

const FILE = JSON.stringify({
  correspondenceItems: [
    { sourceCode: "0301", sourceName: "Oslo", targetCode: "EKG16", targetName: "Oslo kommune" },
    { sourceCode: "3024", sourceName: "Bærum", targetCode: "EKG13", targetName: "De ti største kommunene utenom Oslo" },
    { sourceCode: "1507", sourceName: "Ålesund", targetCode: "EKG13", targetName: "De ti største kommunene utenom Oslo" },
    { sourceCode: "2111", sourceName: "Longyearbyen", targetCode: "EKG99", targetName: "Andre" },
  ],
});

describe("KLASS correspondence to KOSTRA groups", () => {
  it("maps older numbers and reports what it cannot place", () => {
    const plan = planKostraGroups({ items: parseKlassCorrespondence(FILE), year: 2023, knownNumbers: new Set(["0301", "3201", "4601"]) });
    expect(plan.assignments).toEqual([
      { number: "0301", group: "EKG16", groupName: "Oslo kommune" },
      { number: "3201", group: "EKG13", groupName: "De ti største kommunene utenom Oslo" },
    ]);
    expect(plan.skipped.map((s) => [s.code, s.reason])).toEqual([
      ["1507", "SPLIT"],
      ["2111", "NOT_A_MUNICIPALITY"],
    ]);
    expect(plan.unassigned).toEqual(["4601"]);
  });

  it("accepts the groups on the source side too", () => {
    const reversed = JSON.stringify({
      correspondenceItems: [{ sourceCode: "EKG16", sourceName: "Oslo kommune", targetCode: "0301", targetName: "Oslo" }],
    });
    expect(
      planKostraGroups({ items: parseKlassCorrespondence(reversed), year: 2024, knownNumbers: new Set(["0301"]) }).assignments,
    ).toEqual([{ number: "0301", group: "EKG16", groupName: "Oslo kommune" }]);
  });

  it("refuses a file that is not a correspondence, and a unit in two groups", () => {
    expect(() => parseKlassCorrespondence("{}")).toThrow(JsonStatError);
    expect(() => parseKlassCorrespondence("nope")).toThrow(JsonStatError);
    const twice = JSON.stringify({
      correspondenceItems: [
        { sourceCode: "0301", targetCode: "EKG16" },
        { sourceCode: "0301", targetCode: "EKG13" },
      ],
    });
    expect(() => planKostraGroups({ items: parseKlassCorrespondence(twice), year: 2024, knownNumbers: new Set(["0301"]) })).toThrow(
      JsonStatError,
    );
  });
});

describe("KLASS codes to register names", () => {
  it("splits parallel official names and keeps the stored name first", () => {
    const codes = parseKlassCodes(
      JSON.stringify({
        codes: [
          { code: "5612", name: "Guovdageaidnu - Kautokeino" },
          { code: "0301", name: "Oslo" },
          { code: "3001", name: "Halden" },
          { code: "21", name: "Svalbard" },
        ],
      }),
    );
    const plan = planRegisterNames(
      codes,
      new Map([
        ["5612", "Kautokeino"],
        ["0301", "Oslo"],
        ["4601", "Bergen"],
      ]),
    );
    expect(plan.names).toEqual([
      { number: "5612", name: "Kautokeino", altName: "Guovdageaidnu" },
      { number: "0301", name: "Oslo", altName: null },
    ]);
    expect(plan.unknown).toEqual(["3001"]);
    expect(plan.missing).toEqual(["4601"]);
  });

  it("refuses a file without codes", () => {
    expect(() => parseKlassCodes('{"correspondenceItems":[]}')).toThrow(JsonStatError);
  });

  it("cleans names as every stored name is cleaned, and refuses a name that is nothing once cleaned", () => {
    const codes = parseKlassCodes(JSON.stringify({ codes: [{ code: "5612", name: "\u202eGuovdageaidnu\u200b -  Kautokeino\u0000" }] }));
    expect(planRegisterNames(codes, new Map([["5612", "Kautokeino"]])).names).toEqual([
      { number: "5612", name: "Kautokeino", altName: "Guovdageaidnu" },
    ]);
    expect(() => parseKlassCodes(JSON.stringify({ codes: [{ code: "0301", name: "\u200b\u202e" }] }))).toThrow(JsonStatError);
    const groups = parseKlassCorrespondence(
      JSON.stringify({
        correspondenceItems: [{ sourceCode: "0301", sourceName: "Oslo", targetCode: "EKG16", targetName: "Oslo\u2066 kommune\u00ad" }],
      }),
    );
    expect(groups[0]?.targetName).toBe("Oslo kommune");
  });
});

describe("KLASS changes (classification 131)", () => {
  it("keeps municipality number changes and drops county lines", () => {
    const text = JSON.stringify({
      codeChanges: [
        { oldCode: "0704", oldName: "Tønsberg", newCode: "3803", newName: "Tønsberg", changeOccurred: "2020-01-01" },
        { oldCode: "07", oldName: "Vestfold", newCode: "38", newName: "Vestfold og Telemark", changeOccurred: "2020-01-01" },
      ],
    });
    expect(parseKlassChanges(text)).toEqual([{ oldCode: "0704", newCode: "3803", occurred: "2020-01-01" }]);
  });

  it.each([
    ["bad JSON", "{", "BAD_JSON"],
    ["no codeChanges", JSON.stringify({ codes: [] }), "NOT_A_DATASET"],
    ["a line without a date", JSON.stringify({ codeChanges: [{ oldCode: "0704", newCode: "3803" }] }), "BAD_STRUCTURE"],
    [
      "only county lines",
      JSON.stringify({ codeChanges: [{ oldCode: "07", newCode: "38", changeOccurred: "2020-01-01" }] }),
      "NOT_A_DATASET",
    ],
  ])("refuses %s", (_name, text, code) => {
    expect(() => parseKlassChanges(text)).toThrow(expect.objectContaining({ code }) as JsonStatError);
  });
});
