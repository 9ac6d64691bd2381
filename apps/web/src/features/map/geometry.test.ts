import { listMunicipalities } from "@malestokk/db";
import { createTestDb } from "@malestokk/db/testing";
import { geoArea } from "d3-geo";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

import { COUNTIES, MUNICIPALITIES } from "./geometry";

describe("the map's outlines (issue 24)", () => {
  it("has the 357 municipalities and 15 counties of the register's 2024 division, each with an area", () => {
    const connection = createTestDb({ seed: true });
    try {
      const register = listMunicipalities(connection.db);
      expect(MUNICIPALITIES.map((f) => f.properties.number).sort()).toEqual(register.map((m) => m.number).sort());
      expect(MUNICIPALITIES).toHaveLength(357);
      expect(COUNTIES.map((f) => f.properties.number).sort()).toEqual([...new Set(register.map((m) => m.countyNumber))].sort());
    } finally {
      connection.close();
    }
    // In km², on a sphere of the earth's mean radius: every one drawn, none turned inside out (rings wound for d3-geo).
    const areas = MUNICIPALITIES.map((f) => geoArea(f) * 6371 ** 2);
    expect(Math.min(...areas)).toBeGreaterThan(0.5);
    expect(Math.max(...areas)).toBeLessThan(11_000);
    expect(areas.reduce((sum, a) => sum + a, 0)).toBeGreaterThan(310_000);
  });

  it("is at most 150 kB with gzip", () => {
    const text = readFileSync(join(__dirname, "norway.topo.json"));
    expect(gzipSync(text, { level: 9 }).length).toBeLessThan(150 * 1024);
  });
});
