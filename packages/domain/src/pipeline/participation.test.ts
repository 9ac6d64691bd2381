import { describe, expect, it } from "vitest";

import { nextParticipationStatus, PARTICIPATION_STATUSES } from "./participation";

describe("taking part in a joint project or idea", () => {
  it("starts as an invitation that only an answer turns into taking part", () => {
    expect(nextParticipationStatus(null, "invite")).toBe("invited");
    expect(nextParticipationStatus("invited", "accept")).toBe("accepted");
    expect(nextParticipationStatus("invited", "decline")).toBe("declined");
    expect(nextParticipationStatus(null, "accept")).toBeNull();
    expect(nextParticipationStatus("invited", "leave")).toBeNull();
  });

  it("answers once: a declined or left municipality must be invited again before it can accept", () => {
    for (const status of ["declined", "left", "accepted"] as const) {
      expect(nextParticipationStatus(status, "accept")).toBeNull();
      expect(nextParticipationStatus(status, "decline")).toBeNull();
    }
    expect(nextParticipationStatus("declined", "invite")).toBe("invited");
    expect(nextParticipationStatus("left", "invite")).toBe("invited");
  });

  it("lets only an accepted participant leave, and never invites one already invited or in", () => {
    expect(PARTICIPATION_STATUSES.filter((s) => nextParticipationStatus(s, "leave") !== null)).toEqual(["accepted"]);
    expect(nextParticipationStatus("invited", "invite")).toBeNull();
    expect(nextParticipationStatus("accepted", "invite")).toBeNull();
  });
});
