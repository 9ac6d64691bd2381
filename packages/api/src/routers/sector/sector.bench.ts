import { createTestDb } from "@malestokk/db/testing";
import { INDICATORS } from "@malestokk/domain";
import { bench, describe } from "vitest";

import { getSectorDashboard } from "./sector.service";

// Issue 9: the board's sector page reads every indicator for two years. The raw prepared statement
// over the same rows is the baseline; report the others as ratios to it (these machines are noisy).
const connection = createTestDb({ seed: true });
const raw = connection.sqlite.prepare(
  "select organisation_id, year, numerator, denominator from indicator_values where indicator_code = ? and year between 2023 and 2024 and status = 'approved'",
);
const codes = INDICATORS.map((i) => i.code);

describe(`Sector dashboard: ${codes.length} indicators × 357 × 2 years`, () => {
  bench("baseline: raw SQLite, every indicator", () => {
    for (const code of codes) raw.all(code);
  });
  bench("getSectorDashboard, cold (cache cleared by a data change)", () => {
    connection.sqlite.prepare("update app_counters set value = value + 1 where key = 'dataVersion'").run();
    getSectorDashboard(connection.db, { year: 2024 });
  });
  bench("getSectorDashboard, warm (indicators cached; coverage and the mail trend read)", () => {
    getSectorDashboard(connection.db, { year: 2024 });
  });
});
