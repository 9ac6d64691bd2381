import { setPublicationDate } from "@malestokk/db";
import { compileErrors, validate } from "@readme/openapi-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";

import { startApp } from "./test-helpers";

// The public API's OpenAPI 3.1 document (docs/open-data.md#api): valid, and every endpoint's answers match it.

const ENDPOINTS = {
  indicators: ["indicators", "IndicatorsAnswer"],
  units: ["units", "UnitsAnswer"],
  groups: ["groups", "GroupsAnswer"],
  values: ["values?indicator=K1,S3&unit=0301,5001,1103&year=2022-2025", "ValuesAnswer"],
  statistics: ["statistics?indicator=K1,Q1&group=county&year=2024", "StatisticsAnswer"],
} as const;

describe("the OpenAPI document of /api/v1", () => {
  it("is valid OpenAPI 3.1 and describes every endpoint, and every answer validates against its schema", async () => {
    const app = await startApp();
    setPublicationDate(app.connection.db, 2024, "2025-06-01");
    const res = await fetch(`${app.base}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const document = (await res.json()) as { openapi: string; paths: Record<string, unknown>; components: object };
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(Object.keys(document.paths).sort()).toEqual(
      Object.keys(ENDPOINTS)
        .map((e) => `/${e}`)
        .sort(),
    );

    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ $id: "https://malestokk.example/openapi.json", components: document.components });
    for (const [path, schema] of Object.values(ENDPOINTS)) {
      const check = ajv.getSchema(`https://malestokk.example/openapi.json#/components/schemas/${schema}`);
      if (!check) throw new Error(`no schema ${schema}`);
      const body = (await (await fetch(`${app.base}/api/v1/${path}`)).json()) as { data: unknown[] };
      expect(body.data.length, path).toBeGreaterThan(0);
      expect(check(body), `${path}: ${ajv.errorsText(check.errors)}`).toBe(true);
      // The schema has teeth: an item without its fields fails.
      expect(check({ ...body, data: [{}] })).toBe(false);
    }
    const bad = await (await fetch(`${app.base}/api/v1/values?year=x`)).json();
    const checkError = ajv.getSchema("https://malestokk.example/openapi.json#/components/schemas/ParameterError");
    expect(checkError?.(bad)).toBe(true);
  });
});
