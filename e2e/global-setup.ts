import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../test/free-port";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: ChildProcess | undefined;
let dataDir = "";

/** Starts the hub exactly as `npm start` does, on a fresh embedded database with the demo system. */
export async function setup(project: TestProject) {
  const port = await freePort();
  dataDir = mkdtempSync(join(tmpdir(), "hub-e2e-"));
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = "";
  server = spawn(process.execPath, ["scripts/start.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      PUBLIC_URL: baseUrl,
      LOG_LEVEL: "warn",
      NODE_ENV: "development",
      TRUST_PROXY: "true",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (d) => (output += d));
  server.stderr?.on("data", (d) => (output += d));
  // The demo's seed grows with each capability; on a shared, busy machine it has taken 150-180 s.
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {}
    if (server.exitCode !== null) throw new Error(`the hub exited while starting:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  if (!output.includes("council.admin@halton.demo.test")) {
    // Wait a moment for the banner, which is printed once the server listens.
    await new Promise((r) => setTimeout(r, 500));
  }
  if (!output.includes("council.admin@halton.demo.test"))
    throw new Error(`npm start did not print the demo sign-ins:\n${output}`);
  project.provide("baseUrl", baseUrl);
}

export async function teardown() {
  server?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dataDir, { recursive: true, force: true });
}
