import { describe, expect, it } from "vitest";

import { costLineChanges } from "./line-changes";
import type { CostLine } from "./report";

const line = (over: Partial<CostLine>): CostLine => ({
  service: "operations",
  costType: "licences",
  systemId: null,
  amount: 1000,
  comment: null,
  ...over,
});
const names = new Map([
  [7, "Public 360"],
  [8, "Visma Flyt"],
]);

describe("what an import changes, line by line and per IT service", () => {
  it("lists added, removed and changed lines (before → after per field) and the totals per service (worked example)", () => {
    const before = [
      line({ service: "operations", costType: "licences", systemId: 7, amount: 400_000, comment: "Sak/arkiv" }),
      line({ service: "operations", costType: "ownStaff", amount: 1_200_000 }),
      line({ service: "management", costType: "ownStaff", amount: 300_000, comment: "IKT-sjef" }),
      line({ service: "userSupport", costType: "externalServices", amount: 50_000 }),
    ];
    const after = [
      // Same key, new amount and a comment.
      line({ service: "operations", costType: "licences", systemId: 7, amount: 450_000, comment: "Sak/arkiv, ny modul" }),
      // Unchanged.
      line({ service: "operations", costType: "ownStaff", amount: 1_200_000 }),
      // Only the comment goes.
      line({ service: "management", costType: "ownStaff", amount: 300_000, comment: null }),
      // New.
      line({ service: "development", costType: "externalServices", systemId: 8, amount: 100_000, comment: "Integrasjon" }),
    ];
    const changes = costLineChanges(before, after, names);
    expect(changes.added).toEqual([
      { service: "development", costType: "externalServices", system: "Visma Flyt", amount: 100_000, comment: "Integrasjon" },
    ]);
    expect(changes.removed).toEqual([
      { service: "userSupport", costType: "externalServices", system: null, amount: 50_000, comment: null },
    ]);
    expect(changes.changed).toEqual([
      {
        service: "operations",
        costType: "licences",
        system: "Public 360",
        fields: [
          { field: "amount", before: 400_000, after: 450_000 },
          { field: "comment", before: "Sak/arkiv", after: "Sak/arkiv, ny modul" },
        ],
      },
      { service: "management", costType: "ownStaff", system: null, fields: [{ field: "comment", before: "IKT-sjef", after: null }] },
    ]);
    expect(changes.unchanged).toBe(1);
    expect(changes.byService).toEqual([
      { service: "userSupport", before: 50_000, after: 0, difference: -50_000 },
      { service: "operations", before: 1_600_000, after: 1_650_000, difference: 50_000 },
      { service: "development", before: 0, after: 100_000, difference: 100_000 },
      { service: "infrastructure", before: 0, after: 0, difference: 0 },
      { service: "management", before: 300_000, after: 300_000, difference: 0 },
    ]);
    expect(changes.total).toEqual({ before: 1_950_000, after: 2_050_000, difference: 100_000 });
  });

  it("shows a line moved to another fagsystem as one change, not a removal and an addition", () => {
    const changes = costLineChanges(
      [line({ systemId: 7, amount: 400_000 }), line({ service: "development", costType: "ownStaff", systemId: null, amount: 90_000 })],
      [line({ systemId: 8, amount: 400_000 }), line({ service: "development", costType: "ownStaff", systemId: 7, amount: 95_000 })],
      names,
    );
    expect(changes.added).toEqual([]);
    expect(changes.removed).toEqual([]);
    expect(changes.changed).toEqual([
      {
        service: "operations",
        costType: "licences",
        system: "Public 360",
        fields: [{ field: "system", before: "Public 360", after: "Visma Flyt" }],
      },
      {
        service: "development",
        costType: "ownStaff",
        system: null,
        fields: [
          { field: "amount", before: 90_000, after: 95_000 },
          { field: "system", before: null, after: "Public 360" },
        ],
      },
    ]);
  });

  it("pairs moved lines by equal amount first, and leaves lines it cannot pair surely as removed and added", () => {
    const before = [line({ systemId: null, amount: 100 }), line({ systemId: 7, amount: 200 }), line({ systemId: 8, amount: 300 })];
    // 200 moves from 7 to 9 (equal amount); of the other two, neither can be told apart: no pairing.
    const after = [line({ systemId: 9, amount: 200 }), line({ systemId: 10, amount: 150 }), line({ systemId: 11, amount: 350 })];
    const changes = costLineChanges(before, after, new Map([...names, [9, "Acos"], [10, "Elements"], [11, "Gerica"]]));
    expect(changes.changed).toEqual([
      {
        service: "operations",
        costType: "licences",
        system: "Public 360",
        fields: [{ field: "system", before: "Public 360", after: "Acos" }],
      },
    ]);
    expect(changes.added.map((l) => [l.system, l.amount])).toEqual([
      ["Elements", 150],
      ["Gerica", 350],
    ]);
    expect(changes.removed.map((l) => [l.system, l.amount])).toEqual([
      [null, 100],
      ["Visma Flyt", 300],
    ]);
  });

  it("says nothing changes when the lines are the same in another order, and counts them", () => {
    const lines = [line({ systemId: 7 }), line({ service: "management", costType: "ownStaff", amount: 5 })];
    const changes = costLineChanges(lines, [...lines].reverse(), names);
    expect(changes).toMatchObject({
      added: [],
      removed: [],
      changed: [],
      unchanged: 2,
      total: { before: 1005, after: 1005, difference: 0 },
    });
    expect(changes.byService.every((s) => s.difference === 0)).toBe(true);
  });

  it("compares against no report at all: every line is added, every service starts at 0", () => {
    const changes = costLineChanges([], [line({ amount: 7 })], names);
    expect(changes.added).toHaveLength(1);
    expect(changes.total).toEqual({ before: 0, after: 7, difference: 7 });
    expect(changes.byService.find((s) => s.service === "operations")).toEqual({
      service: "operations",
      before: 0,
      after: 7,
      difference: 7,
    });
  });

  it("names a fagsystem it does not know by its number rather than dropping it", () => {
    expect(costLineChanges([], [line({ systemId: 42 })], names).added[0]?.system).toBe("#42");
  });
});
