import { sniffToolboxDocument } from "@malestokk/domain";
import { describe, expect, it } from "vitest";

import { getToolboxDocument, listToolboxEntries } from "./queries/toolbox";
import { demoPdf, seedDemoToolbox } from "./seed/demo";
import { createTestDb, TEST_NOW } from "./testing";

describe("the demo's toolbox (issue 26)", () => {
  it("gives the SvarUt project three links and one small PDF, the same every time, and only once", () => {
    const connection = createTestDb({ seed: true });
    try {
      const { id } = connection.sqlite.prepare("SELECT id FROM projects WHERE name LIKE '%SvarUt%' ORDER BY id LIMIT 1").get() as {
        id: number;
      };
      const entries = listToolboxEntries(connection.db, id);
      expect(entries.map((e) => [e.kind, e.documentType])).toEqual([
        ["link", null],
        ["link", null],
        ["link", null],
        ["document", "pdf"],
      ]);
      expect(entries.every((e) => e.addedAt === TEST_NOW && (e.url === null) === (e.kind === "document"))).toBe(true);
      const pdf = getToolboxDocument(connection.db, id, entries[3]?.id ?? 0);
      expect(pdf?.fileName).toBe("Kravspesifikasjon SvarUt (demo).pdf");
      expect(sniffToolboxDocument(pdf?.content ?? new Uint8Array())).toBe("pdf");
      expect(pdf?.content.length).toBeLessThan(2_000);
      expect(seedDemoToolbox(connection.db, { now: TEST_NOW })).toBe(0);
      expect(listToolboxEntries(connection.db, id)).toHaveLength(4);
    } finally {
      connection.close();
    }
  });

  it("writes a PDF whose cross-reference table points at each object", () => {
    const text = new TextDecoder().decode(demoPdf(["Linje (1)"]));
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((at, index) => expect(text.slice(at).startsWith(`${index + 1} 0 obj`)).toBe(true));
    const xref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(xref).startsWith("xref")).toBe(true);
    expect(text).toContain("(Linje \\(1\\)) '");
  });
});
