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

  it("listens on loopback unless HOST is set", () => {
    expect(loadEnv({}).HOST).toBe("127.0.0.1");
    expect(loadEnv({ HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
  });

  it("does not seed the demo in production by default, and refuses SEED_DEMO there unless told to", () => {
    const base = { NODE_ENV: "production", HUB_SECRET: "x".repeat(32) };
    expect(loadEnv(base).SEED_DEMO).toBe(false);
    expect(() => loadEnv({ ...base, SEED_DEMO: "true" })).toThrow(EnvError);
    expect(() => loadEnv({ ...base, SEED_DEMO: "true" })).toThrow(
      /SEED_DEMO: true in production.*README.*ALLOW_DEMO_IN_PRODUCTION=true/s,
    );
    expect(loadEnv({ ...base, SEED_DEMO: "true", ALLOW_DEMO_IN_PRODUCTION: "true" }).SEED_DEMO).toBe(true);
    expect(loadEnv({ SEED_DEMO: "true" }).SEED_DEMO).toBe(true); // development is unaffected
  });

  it("requires the installation secret in production", () => {
    expect(() => loadEnv({ NODE_ENV: "production" })).toThrow(/HUB_SECRET/);
    expect(loadEnv({ NODE_ENV: "production", HUB_SECRET: "x".repeat(32) }).NODE_ENV).toBe("production");
  });
});
