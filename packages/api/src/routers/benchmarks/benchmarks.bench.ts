import { listIndicatorValues } from "@malestokk/db";
import { createTestDb } from "@malestokk/db/testing";
import { bench, describe } from "vitest";

import type { Session } from "../../context";
import { getBenchmarkSeries } from "./benchmarks.service";

// QUALITY.md P-8: one indicator × 357 municipalities × the demo years. The raw prepared statement
// is the baseline; compare the others to it as ratios, since these machines are noisy.
const connection = createTestDb({ seed: true });
const BOARD: Session = {
  tokenHash: "",
  user: { id: 0, email: "bench@example.no", name: "bench" },
  grants: [{ id: 0, role: "board", organisationId: null, sector: null, organisationNumber: null, organisationName: null }],
  expiresAt: "",
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
  bench("getBenchmarkSeries (query + peer statistics for one municipality)", () => {
    getBenchmarkSeries(connection.db, { indicatorCode: "K1", municipalityNumber: "1103" }, BOARD);
  });
});
