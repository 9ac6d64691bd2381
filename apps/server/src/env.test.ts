import { describe, expect, it } from "vitest";

import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("has defaults for everything", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_PATH).toMatch(/data\/malestokk\.db$/);
    expect(env.SEED_DEMO).toBe(true);
  });

  it("reads PORT, DATABASE_PATH and SEED_DEMO", () => {
    const env = parseEnv({ PORT: "8080", DATABASE_PATH: "/tmp/x.db", SEED_DEMO: "false" });
    expect(env).toMatchObject({ PORT: 8080, DATABASE_PATH: "/tmp/x.db", SEED_DEMO: false });
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT="eighty"/);
    expect(() => parseEnv({ PORT: "70000", LOG_LEVEL: "loud" })).toThrow(/PORT="70000"[\s\S]*LOG_LEVEL="loud"/);
  });
});
