import { defineConfig } from "vitest/config";
import { DemoLastSequencer } from "./test/sequencer";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Both cores: vitest's default on a 2-core machine is one worker. The tests wait on the
    // database and on password hashing often enough for two to overlap well.
    maxWorkers: 2,
    // A worker runs its files one after another in one module graph: the hub's modules are
    // compiled and imported once per worker, not once per file, and the files share the worker's
    // database (test/harness.ts). Files build their own organisations, as on PostgreSQL.
    isolate: false,
    sequence: { sequencer: DemoLastSequencer },
  },
});
