import { describe, expect, it } from "vitest";
import { EnvError, loadEnv } from "./env";

describe("environment", () => {
  it("has working defaults", () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: "./data", PUBLIC_URL: "http://localhost:3000", SEED_DEMO: true });
  });

  it("stops with a message naming a bad value", () => {
    expect(() => loadEnv({ PORT: "eighty" })).toThrow(EnvError);
    expect(() => loadEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => loadEnv({ SEED_DEMO: "perhaps" })).toThrow(/SEED_DEMO/);
  });

  it("requires the installation secret in production", () => {
    expect(() => loadEnv({ NODE_ENV: "production" })).toThrow(/HUB_SECRET/);
    expect(loadEnv({ NODE_ENV: "production", HUB_SECRET: "x".repeat(32) }).NODE_ENV).toBe("production");
  });
});
