import { getMunicipalityByNumber, getPopulationRow, listAudit } from "@malestokk/db";
import { populationFixture2022 } from "@malestokk/domain";
import { describe, expect, it } from "vitest";

import { expectAppError, expectTrpcError, setupApi } from "../../test-helpers";

describe("imports.jsonStat (SSB table 07459)", () => {
  it("previews without writing, then imports onto the 2024 units and accounts for every value", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    const halden = getMunicipalityByNumber(api.db, "3101");
    const before = getPopulationRow(api.db, halden?.id ?? 0, 2022);
    expect(before?.isDemo).toBe(true);

    const preview = await admin.imports.jsonStat({ measure: "population", content: populationFixture2022(), dryRun: true });
    expect(preview.written).toBe(0);
    expect(preview.preview.changes.find((c) => c.number === "3101")).toMatchObject({ name: "Halden", year: 2022, after: 31444 });
    expect(getPopulationRow(api.db, halden?.id ?? 0, 2022)).toEqual(before);

    const report = await admin.imports.jsonStat({
      measure: "population",
      content: populationFixture2022(),
      dryRun: false,
      fileName: "07459.json",
    });
    expect(report.written).toBe(5);
    expect(report.notAllocatable.map((n) => n.code)).toEqual(["K-1507"]);
    const { file, imported, skipped, notAllocatable } = report.totals;
    expect(imported.sum + skipped.sum + notAllocatable.sum).toBe(file.sum);
    expect(getPopulationRow(api.db, halden?.id ?? 0, 2022)).toMatchObject({ value: 31444, source: "ssb:07459", isDemo: false });

    // K1 now divides by the imported population.
    const series = await admin.benchmarks.series({ indicatorCode: "K1", municipalityNumber: "3101" });
    expect(series.points.find((p) => p.year === 2022)?.own?.denominator).toBe(31444);
    expect(listAudit(api.db, { action: "reference.imported", limit: 1 })[0]).toMatchObject({
      actorEmail: "admin@demo.example",
      entityId: "07459",
    });
  });

  it("changes nothing when the same file is imported again", async () => {
    const admin = setupApi().as("admin@demo.example");
    await admin.imports.jsonStat({ measure: "population", content: populationFixture2022(), dryRun: false });
    const again = await admin.imports.jsonStat({ measure: "population", content: populationFixture2022(), dryRun: false });
    expect(again.written).toBe(0);
    expect(again.preview.unchanged).toBe(5);
  });

  it.each([
    ["bad JSON", "{ nope", "BAD_JSON"],
    ["a wrong size product", populationFixture2022().replace('"size":[10,1,1]', '"size":[11,1,1]'), "SIZE_MISMATCH"],
    [
      "an unknown dimension",
      populationFixture2022()
        .replace('"id":["Region","ContentsCode","Tid"]', '"id":["Region","ContentsCode","Tid","Kjonn"]')
        .replace('"size":[10,1,1]', '"size":[10,1,1,1]'),
      "UNKNOWN_DIMENSION",
    ],
    ["another table", populationFixture2022().replace('"tableid":"07459"', '"tableid":"12362"'), "BAD_STRUCTURE"],
  ])("refuses %s with a reason and changes nothing", async (_name, content, reason) => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    const oslo = getMunicipalityByNumber(api.db, "0301");
    const before = getPopulationRow(api.db, oslo?.id ?? 0, 2022);
    const error = await expectTrpcError(() => admin.imports.jsonStat({ measure: "population", content, dryRun: false }));
    expect(expectAppError(error, "IMPORT_REJECTED").params).toMatchObject({ reason });
    expect(getPopulationRow(api.db, oslo?.id ?? 0, 2022)).toEqual(before);
    expect(listAudit(api.db, { action: "reference.imported", limit: 1 })).toEqual([]);
  });

  it("is for administrators only", async () => {
    const error = await expectTrpcError(() =>
      setupApi().as("board@demo.example").imports.jsonStat({ measure: "population", content: populationFixture2022(), dryRun: true }),
    );
    expect(error.code).toBe("FORBIDDEN");
  });
});

describe("imports.kostraGroups (KLASS 112)", () => {
  const FILE = JSON.stringify({
    correspondenceItems: [
      { sourceCode: "0301", sourceName: "Oslo", targetCode: "EKG16", targetName: "Oslo kommune" },
      { sourceCode: "4601", sourceName: "Bergen", targetCode: "EKG13", targetName: "De ti største kommunene utenom Oslo" },
      { sourceCode: "5001", sourceName: "Trondheim", targetCode: "EKG13", targetName: "De ti største kommunene utenom Oslo" },
      { sourceCode: "1103", sourceName: "Stavanger", targetCode: "EKG13", targetName: "De ti største kommunene utenom Oslo" },
    ],
  });

  it("previews, imports, and then offers the KOSTRA group as a peer group", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    const preview = await admin.imports.kostraGroups({ content: FILE, year: 2024, dryRun: true });
    expect(preview).toMatchObject({ written: 0, unchanged: 0 });
    expect(preview.changes).toHaveLength(4);
    expect(preview.unassigned).toHaveLength(353);
    // Until imported, the built-in stand-in (size only) is there and says it is approximate.
    expect(await admin.municipalities.get({ municipalityNumber: "4601" })).toMatchObject({
      kostraGroup: "~TI",
      kostraGroupApproximate: true,
    });
    const approximate = await admin.benchmarks.series({ indicatorCode: "K1", municipalityNumber: "4601", peerGroup: "kostra" });
    expect(approximate.peerGroup).toMatchObject({ kind: "kostra", kostraGroup: "~TI", kostraGroupApproximate: true, members: 10 });

    const report = await admin.imports.kostraGroups({ content: FILE, year: 2024, dryRun: false });
    expect(report.written).toBe(4);
    expect(await admin.municipalities.get({ municipalityNumber: "4601" })).toMatchObject({
      kostraGroup: "EKG13",
      kostraGroupName: "De ti største kommunene utenom Oslo",
      kostraGroupSource: "klass:112 2024",
      kostraGroupApproximate: false,
    });
    const series = await admin.benchmarks.series({ indicatorCode: "K1", municipalityNumber: "4601", peerGroup: "kostra" });
    expect(series.peerGroup).toMatchObject({ kind: "kostra", kostraGroup: "EKG13", kostraGroupApproximate: false, members: 3 });
    expect((await admin.imports.kostraGroups({ content: FILE, year: 2024, dryRun: false })).written).toBe(0);
  });

  it("refuses a file that is not a KLASS correspondence and changes nothing", async () => {
    const admin = setupApi().as("admin@demo.example");
    const error = await expectTrpcError(() => admin.imports.kostraGroups({ content: '{"codes":[]}', year: 2024, dryRun: false }));
    expectAppError(error, "IMPORT_REJECTED");
    expect((await admin.municipalities.get({ municipalityNumber: "0301" })).kostraGroup).toBe("~OSLO");
  });
});

describe("imports.registerNames (KLASS 131)", () => {
  it("refreshes names and parallel names, never adds or removes units", async () => {
    const admin = setupApi().as("admin@demo.example");
    const content = JSON.stringify({
      codes: [
        { code: "5612", name: "Kautokeino - Guovdageaidnu - Koutokeino" },
        { code: "0301", name: "Oslo" },
        { code: "3001", name: "Halden" },
      ],
    });
    const preview = await admin.imports.registerNames({ content, dryRun: true });
    expect(preview).toMatchObject({ written: 0, unchanged: 1, unknown: ["3001"] });
    expect(preview.changes).toEqual([
      {
        number: "5612",
        before: { name: "Kautokeino", altName: "Guovdageaidnu" },
        after: { name: "Kautokeino", altName: "Guovdageaidnu - Koutokeino" },
      },
    ]);
    expect(preview.missing).toHaveLength(355);
    await admin.imports.registerNames({ content, dryRun: false });
    expect((await admin.municipalities.get({ municipalityNumber: "5612" })).altName).toBe("Guovdageaidnu - Koutokeino");
    expect(await admin.municipalities.list()).toHaveLength(357);
  });
});

describe("imports.jsonStat (SSB table 12362, gross operating expenditure)", () => {
  const file = JSON.stringify({
    version: "2.0",
    class: "dataset",
    label: "12362: Utvalgte nøkkeltall for kommuneforvaltningen",
    id: ["KOKkommuneregion0000", "ContentsCode", "Tid"],
    size: [3, 1, 1],
    dimension: {
      KOKkommuneregion0000: {
        label: "region",
        category: { index: { "4601": 0, "3024": 1, "1507": 2 }, label: { "4601": "Bergen", "3024": "Bærum", "1507": "Ålesund" } },
      },
      ContentsCode: {
        label: "statistikkvariabel",
        category: { index: { KOSbruttodriftsutg0000: 0 }, label: { KOSbruttodriftsutg0000: "Brutto driftsutgifter (1000 kr)" } },
      },
      Tid: { label: "år", category: { index: { "2023": 0 } } },
    },
    value: [26_500_000, 12_100_000, 6_200_000],
    role: { geo: ["KOKkommuneregion0000"], time: ["Tid"], metric: ["ContentsCode"] },
    extension: { px: { tableid: "12362" } },
  });

  it("imports gross operating expenditure in NOK 1000, and K2 follows", async () => {
    const admin = setupApi().as("admin@demo.example");
    const report = await admin.imports.jsonStat({ measure: "grossOperatingExpenditure", content: file, dryRun: false });
    expect(report.written).toBe(2);
    expect(report.notAllocatable.map((n) => n.code)).toEqual(["1507"]);
    const k2 = await admin.benchmarks.series({ indicatorCode: "K2", municipalityNumber: "4601" });
    const point = k2.points.find((p) => p.year === 2023);
    expect(point?.own?.denominator).toBe(26_500_000);
    expect(point?.own?.value).toBeCloseTo(((point?.own?.numerator ?? 0) / (26_500_000 * 1000)) * 100, 10);
  });

  it("refuses a population file offered as gross operating expenditure", async () => {
    const admin = setupApi().as("admin@demo.example");
    const error = await expectTrpcError(() =>
      admin.imports.jsonStat({ measure: "grossOperatingExpenditure", content: populationFixture2022(), dryRun: true }),
    );
    expect(expectAppError(error, "IMPORT_REJECTED").params).toMatchObject({ reason: "BAD_STRUCTURE", expected: "12362", actual: "07459" });
  });
});

describe("imports.regionChanges (KLASS 131 changes) and statistics from before 2020", () => {
  // The shape of KLASS `changes`; Tønsberg and Re merged on 1 January 2020, Færder was renumbered.
  const changes = JSON.stringify({
    codeChanges: [
      { oldCode: "0704", oldName: "Tønsberg", newCode: "3803", newName: "Tønsberg", changeOccurred: "2020-01-01" },
      { oldCode: "0716", oldName: "Re", newCode: "3803", newName: "Tønsberg", changeOccurred: "2020-01-01" },
      { oldCode: "0722", oldName: "Færder", newCode: "3811", newName: "Færder", changeOccurred: "2020-01-01" },
      { oldCode: "07", oldName: "Vestfold", newCode: "38", newName: "Vestfold og Telemark", changeOccurred: "2020-01-01" },
    ],
  });
  const population2019 = JSON.stringify({
    version: "2.0",
    class: "dataset",
    id: ["Region", "Tid"],
    size: [3, 1],
    dimension: {
      Region: {
        category: {
          index: ["K-0704", "K-0716", "K-0722"],
          label: { "K-0704": "Tønsberg (-2019)", "K-0716": "Re", "K-0722": "Færder (-2019)" },
        },
      },
      Tid: { category: { index: ["2019"] } },
    },
    value: [42000, 9700, 27000],
    extension: { px: { tableid: "07459" } },
  });

  it("refuses 2019 figures until the change list is imported, then sums merged units", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    const before = await admin.imports.jsonStat({ measure: "population", content: population2019, dryRun: true });
    expect(before.skipped.map((s) => s.reason)).toEqual(["YEAR_BEFORE_CROSSWALK", "YEAR_BEFORE_CROSSWALK", "YEAR_BEFORE_CROSSWALK"]);

    const preview = await admin.imports.regionChanges({ content: changes, dryRun: true });
    expect(preview.summary).toMatchObject({ merges: 1, renumbered: 1, splits: [], firstDate: "2020-01-01" });
    expect(preview.firstMappedYear).toEqual({ before: 2020, after: 2019 });
    expect(preview.preview.added).toHaveLength(3);
    const stillRefused = await admin.imports.jsonStat({ measure: "population", content: population2019, dryRun: true });
    expect(stillRefused.preview.changes).toEqual([]);

    const report = await admin.imports.regionChanges({ content: changes, dryRun: false });
    expect(report.written).toBe(3);
    expect(listAudit(api.db, { action: "reference.imported", limit: 1 })[0]).toMatchObject({ entityId: "131-changes" });
    const again = await admin.imports.regionChanges({ content: changes, dryRun: false });
    expect(again.written).toBe(0);

    const imported = await admin.imports.jsonStat({ measure: "population", content: population2019, dryRun: false });
    expect(imported.preview.changes.map((c) => [c.number, c.after])).toEqual([
      ["3905", 51700],
      ["3911", 27000],
    ]);
    const tonsberg = getMunicipalityByNumber(api.db, "3905");
    expect(getPopulationRow(api.db, tonsberg?.id ?? 0, 2019)).toMatchObject({ value: 51700, source: "ssb:07459" });
    expect(imported.totals.imported).toEqual({ count: 3, sum: 78700 });
  });

  it("refuses a file without municipality changes and keeps the stored list", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    await admin.imports.regionChanges({ content: changes, dryRun: false });
    const notChanges = await expectTrpcError(() => admin.imports.regionChanges({ content: JSON.stringify({ codes: [] }), dryRun: false }));
    expect(expectAppError(notChanges, "IMPORT_REJECTED").params).toMatchObject({ reason: "NOT_A_DATASET" });
    const noDate = await expectTrpcError(() =>
      admin.imports.regionChanges({ content: JSON.stringify({ codeChanges: [{ oldCode: "0704", newCode: "3803" }] }), dryRun: false }),
    );
    expect(expectAppError(noDate, "IMPORT_REJECTED").params).toMatchObject({ reason: "BAD_STRUCTURE", item: 0 });
    const preview = await admin.imports.regionChanges({ content: changes, dryRun: true });
    expect(preview.preview.unchanged).toBe(3);
  });
});
