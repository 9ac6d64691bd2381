import { describe, expect, it } from "vitest";

import { listApprovedValuesOf } from "./queries/benefits";
import { listLocalPlans, listPublishedSolutions, listTemplateVersions } from "./queries/joint-solutions";
import { getMunicipalityByNumber } from "./queries/organisations";
import { seedDemoBenefits } from "./seed/demo-benefits";
import { createTestDb } from "./testing";

describe("the demo's joint solution (issue 26)", () => {
  it("is Oslo's SvarUt project with a template in two versions, adopted by five municipalities in different years", () => {
    const { db } = createTestDb({ seed: true });
    const [solution] = listPublishedSolutions(db);
    expect(solution).toMatchObject({ name: "Digital post med SvarUt", ownerNumber: "0301", latestVersion: 2 });
    const versions = listTemplateVersions(db, solution?.projectId ?? 0);
    expect(versions.map((v) => v.benefits.map((b) => b.key))).toEqual([["porto", "saksbehandling"], ["porto"]]);
    const plans = listLocalPlans(db, solution?.projectId ?? 0);
    expect(plans.map((p) => [p.number, p.adoptedAt.slice(0, 4), p.templateVersion])).toEqual([
      ["0301", "2022", 2],
      ["3201", "2022", 1],
      ["5001", "2023", 2],
      ["4204", "2024", 1],
      ["1103", "2025", 2],
    ]);
    expect(plans.every((p) => p.approved !== null)).toBe(true);
  });

  it("measures each local plan from the municipality's own S3 figures: the baseline is its digital shipments the year before", () => {
    const { db } = createTestDb({ seed: true });
    const projectId = listPublishedSolutions(db)[0]?.projectId ?? 0;
    const trondheim = listLocalPlans(db, projectId).find((p) => p.number === "5001");
    const figures = listApprovedValuesOf(db, "S3", getMunicipalityByNumber(db, "5001")?.id ?? 0);
    const y2022 = figures.find((f) => f.year === 2022);
    expect(trondheim?.benefits.find((b) => b.key === "porto")?.baseline).toEqual({ value: y2022?.numerator, date: "2022-12-31" });
  });

  it("is seeded once: a second run adds nothing", () => {
    const { db } = createTestDb({ seed: true });
    expect(seedDemoBenefits(db, { now: "2026-01-01T00:00:00.000Z" })).toBe(0);
    expect(listLocalPlans(db, listPublishedSolutions(db)[0]?.projectId ?? 0)).toHaveLength(5);
  });
});
