import { describe, expect, it } from "vitest";

import { ROUTE_TABLE } from "./route-table";

describe("the route table", () => {
  it("names a route module that exists for every address, once per address, and every module has an address", () => {
    const modules = Object.keys(import.meta.glob("./routes/*.route.tsx")).map((file) =>
      file.replace(/^\.\/routes\/(.+)\.route\.tsx$/, "$1"),
    );
    expect([...new Set(ROUTE_TABLE.map((entry) => entry.module))].sort()).toEqual(modules.sort());
    const paths = ROUTE_TABLE.map((entry) => entry.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
