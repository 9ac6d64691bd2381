import { describe, expect, it } from "vitest";

import type { RoleGrant } from "../auth/permissions";
import {
  availableIdeaActions,
  ideaActionAllowed,
  IdeaInputSchema,
  IdeaStepSchema,
  ideaWaitingFor,
  mayActOnIdea,
  nextIdeaStatus,
} from "./ideas";

const grant = (role: RoleGrant["role"], extra: Partial<RoleGrant> = {}): RoleGrant[] => [
  { role, organisationId: null, sector: null, ...extra },
];
const idea = { organisationId: 7, sector: "helseVelferd" as const };

describe("the idea pipeline", () => {
  it("moves submitted → prioritized → compiled → approved or rejected, and nothing skips a step", () => {
    expect(ideaActionAllowed("submitted", "prioritize")).toBe(true);
    expect(ideaActionAllowed("submitted", "compile")).toBe(false);
    expect(ideaActionAllowed("submitted", "decide")).toBe(false);
    expect(ideaActionAllowed("prioritized", "compile")).toBe(true);
    expect(ideaActionAllowed("prioritized", "decide")).toBe(false);
    expect(ideaActionAllowed("compiled", "decide")).toBe(true);
    expect(nextIdeaStatus("decide", "yes")).toBe("approved");
    expect(nextIdeaStatus("decide", "no")).toBe("rejected");
    for (const final of ["approved", "rejected", "withdrawn"] as const) {
      expect(["prioritize", "compile", "decide", "withdraw"].some((a) => ideaActionAllowed(final, a as "decide"))).toBe(false);
    }
  });

  it("gives each step to its role: the idea's own sector council, the secretariat, the board, the submitter", () => {
    expect(mayActOnIdea(grant("sectorCouncil", { sector: "helseVelferd" }), "prioritize", idea)).toBe(true);
    expect(mayActOnIdea(grant("sectorCouncil", { sector: "skoleOppvekst" }), "prioritize", idea)).toBe(false);
    expect(mayActOnIdea(grant("secretariat"), "prioritize", idea)).toBe(false);
    expect(mayActOnIdea(grant("secretariat"), "compile", idea)).toBe(true);
    expect(mayActOnIdea(grant("board"), "compile", idea)).toBe(false);
    expect(mayActOnIdea(grant("board"), "decide", idea)).toBe(true);
    expect(mayActOnIdea(grant("manager", { organisationId: 7 }), "withdraw", idea)).toBe(true);
    expect(mayActOnIdea(grant("manager", { organisationId: 8 }), "withdraw", idea)).toBe(false);
    expect(mayActOnIdea(grant("finance", { organisationId: 7 }), "withdraw", idea)).toBe(false);
  });

  it("offers what a user can do now", () => {
    expect(availableIdeaActions(grant("board"), { ...idea, status: "compiled" })).toEqual(["decide"]);
    expect(availableIdeaActions(grant("board"), { ...idea, status: "submitted" })).toEqual([]);
    expect(availableIdeaActions(grant("admin"), { ...idea, status: "prioritized" })).toEqual(["prioritize", "compile", "withdraw"]);
  });

  it("lets any sector council prioritize a common (cross-cutting) idea, and no other role", () => {
    const common = { organisationId: 7, sector: "common" as const };
    for (const sector of ["helseVelferd", "skoleOppvekst", "planByggGeodata"] as const) {
      expect(mayActOnIdea(grant("sectorCouncil", { sector }), "prioritize", common)).toBe(true);
    }
    expect(mayActOnIdea(grant("secretariat"), "prioritize", common)).toBe(false);
    expect(mayActOnIdea(grant("manager", { organisationId: 7 }), "prioritize", common)).toBe(false);
    const input = { title: "Felles chatbot", problem: "P", sector: "common", expectedBenefits: "G", roughCostNok: 1, participants: [] };
    expect(IdeaInputSchema.safeParse(input).success).toBe(true);
  });

  it("says whose turn an open idea waits for, and nobody's once it is decided or withdrawn", () => {
    expect(ideaWaitingFor({ status: "submitted", sector: "helseVelferd" })).toEqual({ role: "sectorCouncil", sector: "helseVelferd" });
    expect(ideaWaitingFor({ status: "submitted", sector: "common" })).toEqual({ role: "sectorCouncil", sector: "common" });
    expect(ideaWaitingFor({ status: "prioritized", sector: "helseVelferd" })).toEqual({ role: "secretariat" });
    expect(ideaWaitingFor({ status: "compiled", sector: "helseVelferd" })).toEqual({ role: "board" });
    for (const status of ["approved", "rejected", "withdrawn"] as const) expect(ideaWaitingFor({ status, sector: "common" })).toBeNull();
  });

  it("wants a reason with every step, and a score of 1–5 to prioritize", () => {
    expect(IdeaStepSchema.safeParse({ action: "decide", decision: "yes", comment: "" }).success).toBe(false);
    expect(IdeaStepSchema.safeParse({ action: "prioritize", score: 6, comment: "Viktig" }).success).toBe(false);
    expect(IdeaStepSchema.safeParse({ action: "prioritize", score: 5, comment: "Viktig" }).success).toBe(true);
  });
});
