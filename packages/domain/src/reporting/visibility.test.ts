import { describe, expect, it } from "vitest";

import type { RoleGrant } from "../auth/permissions";
import { canReadReportContent, withheldReport } from "./visibility";

const grant = (role: RoleGrant["role"], organisationId: number | null = null): RoleGrant => ({ role, organisationId, sector: null });

describe("who reads a report's content (ADR 007)", () => {
  it("shows an approved report to every reader, and one before approval to its own organisation and admins only", () => {
    for (const status of ["draft", "submitted", "returned"] as const) {
      expect(canReadReportContent([grant("board")], 7, status)).toBe(false);
      expect(canReadReportContent([grant("finance", 8)], 7, status)).toBe(false);
      expect(canReadReportContent([grant("finance", 7)], 7, status)).toBe(true);
      expect(canReadReportContent([grant("manager", 7)], 7, status)).toBe(true);
      expect(canReadReportContent([grant("admin")], 7, status)).toBe(true);
    }
    expect(canReadReportContent([grant("board")], 7, "approved")).toBe(true);
    // No report: nothing to hold back (the page says it is not started).
    expect(canReadReportContent([grant("board")], 7, null)).toBe(true);
  });

  it("keeps the status and who and when, and nothing else, of a report held back", () => {
    const moved = {
      status: "returned" as const,
      isDemo: false,
      updatedAt: "2026-03-01T10:00:00.000Z",
      submittedAt: "2026-02-01T10:00:00.000Z",
      submittedBy: "finance@example.no",
      decidedAt: "2026-02-02T10:00:00.000Z",
      decidedBy: "manager@example.no",
    };
    const row = { ...moved, returnComment: "K1 er for høy", totalItCost: 31_337 };
    expect(withheldReport(row)).toEqual(moved);
  });
});
