import { type CliIo, main } from "../src/cli/main";

// Runs a `hub` command in the test's process: the same code the command runs, without starting
// Node and compiling the hub again for every call (seconds each on this machine).

/** Runs `hub <args>` with `env`, on `database` when given, and gives what it printed and its exit code. */
export async function runHub(args: string[], io: Pick<CliIo, "env" | "database">) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), ...io });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}
