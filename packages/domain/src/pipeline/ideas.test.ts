import { describe, expect, it } from "vitest";

import type { RoleGrant } from "../auth/permissions";
import { availableIdeaActions, ideaActionAllowed, IdeaStepSchema, mayActOnIdea, nextIdeaStatus } from "./ideas";

const grant = (role: RoleGrant["role"], extra: Partial<RoleGrant> = {}): RoleGrant[] => [{ role, organisationId: null, sector: null, ...extra }];
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

  it("wants a reason with every step, and a score of 1–5 to prioritize", () => {
    expect(IdeaStepSchema.safeParse({ action: "decide", decision: "yes", comment: "" }).success).toBe(false);
    expect(IdeaStepSchema.safeParse({ action: "prioritize", score: 6, comment: "Viktig" }).success).toBe(false);
    expect(IdeaStepSchema.safeParse({ action: "prioritize", score: 5, comment: "Viktig" }).success).toBe(true);
  });
});
