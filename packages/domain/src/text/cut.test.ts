import { describe, expect, it } from "vitest";

import { cutForMessage, MESSAGE_VALUE_LENGTH } from "./cut";

describe("cutForMessage", () => {
  it("keeps a short value as it is, and cuts a long one to 60 characters ending in …", () => {
    expect(cutForMessage("Brukerstøtte")).toBe("Brukerstøtte");
    const cut = cutForMessage("ø".repeat(5_000_000));
    expect(cut).toBe(`${"ø".repeat(59)}…`);
    expect(Array.from(cut)).toHaveLength(MESSAGE_VALUE_LENGTH);
    expect(cutForMessage(cut)).toBe(cut);
  });

  it("counts characters, not UTF-16 units, so an emoji is never split", () => {
    expect(cutForMessage("😀".repeat(100))).toBe(`${"😀".repeat(59)}…`);
  });

  it("makes line breaks spaces and drops controls, so a value cannot steer a terminal", () => {
    expect(cutForMessage("Drift\r\nog\u001b[31m forvaltning\u202e")).toBe("Drift og[31m forvaltning");
  });
});
