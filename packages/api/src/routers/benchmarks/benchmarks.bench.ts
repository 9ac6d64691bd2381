import { listIndicatorValues } from "@malestokk/db";
import { createTestDb } from "@malestokk/db/testing";
import { bench, describe } from "vitest";

import type { Session } from "../../context";
import { INDICATORS } from "@malestokk/domain";

import { getBenchmarkSeries, getIndicatorDetail, getProfile } from "./benchmarks.service";

// docs/quality-targets.md#p-8: one indicator × 357 municipalities × the demo years. The raw prepared statement
// is the baseline; compare the others to it as ratios, since these machines are noisy.
const connection = createTestDb({ seed: true });
const BOARD: Session = {
  tokenHash: "",
  user: { id: 0, email: "bench@example.no", name: "bench", language: null },
  grants: [{ id: 0, role: "board", organisationId: null, sector: null, organisationNumber: null, organisationName: null }],
  expiresAt: "",
  signedInAt: "",
};
const YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const raw = connection.sqlite.prepare(
  "select organisation_id, year, numerator, denominator from indicator_values where indicator_code = ? and year between ? and ?",
);

describe("K1 benchmark read, 357 × 11 years", () => {
  bench("baseline: raw SQLite prepared statement", () => {
    raw.all("K1", 2015, 2025);
  });
  bench("listIndicatorValues (Drizzle)", () => {
    listIndicatorValues(connection.db, "K1", YEARS);
  });
  bench("getBenchmarkSeries, cold (cache cleared by a data change)", () => {
    connection.sqlite.prepare("update app_counters set value = value + 1 where key = 'dataVersion'").run();
    getBenchmarkSeries(connection.db, { indicatorCode: "K1", municipalityNumber: "1103" }, BOARD);
  });
  bench("getBenchmarkSeries, warm (query + peer statistics for one municipality)", () => {
    getBenchmarkSeries(connection.db, { indicatorCode: "K1", municipalityNumber: "1103" }, BOARD);
  });
});

// Issue 7: every indicator (357 units × 11 years each) read raw, against the profile that computes
// peer statistics, ranks and trends for all of them. The profile is cached until the data changes,
// so the first call (cold) and later calls (warm) are measured apart.
const codes = INDICATORS.map((i) => i.code);
describe(`Profile: ${codes.length} indicators × 357 × 11 years`, () => {
  bench("baseline: raw SQLite, every indicator", () => {
    for (const code of codes) raw.all(code, 2015, 2025);
  });
  bench("getProfile, cold (cache cleared by a data change)", () => {
    connection.sqlite.prepare("update app_counters set value = value + 1 where key = 'dataVersion'").run();
    getProfile(connection.db, { municipalityNumber: "1103", year: 2024, peerGroup: "kostra" }, BOARD);
  });
  bench("getProfile, warm (unchanged data)", () => {
    getProfile(connection.db, { municipalityNumber: "1103", year: 2024, peerGroup: "kostra" }, BOARD);
  });
  bench("getIndicatorDetail (distribution, series, scatter)", () => {
    getIndicatorDetail(
      connection.db,
      { indicatorCode: "K1", municipalityNumber: "1103", year: 2024, peerGroup: "kostra", against: "Q1" },
      BOARD,
    );
  });
});
