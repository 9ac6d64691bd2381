import { describe, expect, it } from "vitest";

import { benefitStatus, checkBaseline, plannedValue, type BenefitStatusInput } from "./status";

// Worked example: digital mail share (S3) from 40 % to 60 % by the end of 2025 and 80 % by the end of 2026.
const base: BenefitStatusInput = {
  direction: "higher",
  baseline: { value: 40, date: "2025-01-01" },
  targets: [
    { value: 60, date: "2025-12-31" },
    { value: 80, date: "2026-12-31" },
  ],
  measurements: [],
  today: "2026-03-01",
};
const at = (value: number, date: string) => ({
  ...base,
  measurements: [
    { value: 45, date: "2025-03-01" },
    { value, date },
  ],
});

describe("the planned path", () => {
  it("runs straight from the baseline through the staged targets, then stays at the last", () => {
    expect(plannedValue(base.baseline, base.targets, "2024-06-01")).toBe(40);
    expect(plannedValue(base.baseline, base.targets, "2025-07-02")).toBeCloseTo(50, 0);
    expect(plannedValue(base.baseline, base.targets, "2025-12-31")).toBe(60);
    expect(plannedValue(base.baseline, base.targets, "2026-07-02")).toBeCloseTo(70, 0);
    expect(plannedValue(base.baseline, base.targets, "2027-06-01")).toBe(80);
  });
});

describe("benefit status (the documented rule)", () => {
  it("has no data without a measurement after the baseline", () => {
    expect(benefitStatus(base)).toBe("noData");
    expect(benefitStatus({ ...base, measurements: [{ value: 90, date: "2024-12-01" }] })).toBe("noData");
  });

  it("before the first target: on track near the path, at risk a little behind, off track far behind", () => {
    // Planned on 1 July 2025 ≈ 50; the tolerance is 10 % of the whole change (40 → 80) = 4.
    expect(benefitStatus(at(48, "2025-07-02"))).toBe("onTrack");
    expect(benefitStatus(at(44, "2025-07-02"))).toBe("atRisk");
    expect(benefitStatus(at(41, "2025-07-02"))).toBe("offTrack");
  });

  it("follows staged targets, and is realized once the final target is reached, even early", () => {
    expect(benefitStatus(at(68, "2026-07-02"))).toBe("onTrack");
    expect(benefitStatus(at(63, "2026-07-02"))).toBe("atRisk");
    expect(benefitStatus(at(80, "2025-10-01"))).toBe("realized");
  });

  it("reads lower-is-better indicators the other way (cost per user from 4 000 to 3 000 kr)", () => {
    const lower: BenefitStatusInput = {
      ...base,
      direction: "lower",
      baseline: { value: 4_000, date: "2025-01-01" },
      targets: [{ value: 3_000, date: "2026-01-01" }],
    };
    expect(benefitStatus({ ...lower, measurements: [{ value: 3_500, date: "2025-07-02" }] })).toBe("onTrack");
    expect(benefitStatus({ ...lower, measurements: [{ value: 3_900, date: "2025-07-02" }] })).toBe("offTrack");
    expect(benefitStatus({ ...lower, measurements: [{ value: 2_950, date: "2025-09-01" }] })).toBe("realized");
  });

  it("treats a dis-benefit's targets as limits: within them on track, past them off track, realized after the due date", () => {
    // Accepted: case handling time may rise from 10 to at most 12 days during the change.
    const dis: BenefitStatusInput = {
      direction: "lower",
      disBenefit: true,
      baseline: { value: 10, date: "2025-01-01" },
      targets: [{ value: 12, date: "2025-12-31" }],
      measurements: [{ value: 11, date: "2025-07-01" }],
      today: "2025-08-01",
    };
    expect(benefitStatus(dis)).toBe("onTrack");
    expect(benefitStatus({ ...dis, measurements: [{ value: 14, date: "2025-07-01" }] })).toBe("offTrack");
    expect(benefitStatus({ ...dis, measurements: [{ value: 12, date: "2025-12-01" }], today: "2026-02-01" })).toBe("realized");
  });

  it("refuses a baseline dated after a measurement", () => {
    expect(checkBaseline(base.baseline, [{ value: 1, date: "2024-12-31" }])).toEqual({
      code: "BASELINE_AFTER_MEASUREMENT",
      date: "2024-12-31",
    });
    expect(checkBaseline(base.baseline, [{ value: 1, date: "2025-01-01" }])).toBeNull();
  });
});
