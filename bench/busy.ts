// npm run bench:busy [-- --staff 150000 --workplaces 1000]
// Is the hub still answering while it does long work? Starts the hub as `npm start` does (embedded
// database, the demo system), then a demo provider uploads `staff` records, waits for the check,
// applies them, and the background refresh recomputes the council's dashboards. Throughout, a
// probe asks for /api/health and an ordinary signed-in request (GET /api/auth/me, which every page
// makes) every 100 ms and records how long each answer took, phase by phase. Point HUB_ROOT at
// another checkout (a worktree of an older commit) to measure that code the same way.
import { parseArgs } from "node:util";
import { generateFiles } from "./ascwds-files";
import { startHub } from "./hub-process";

const { values } = parseArgs({
  options: { staff: { type: "string", default: "150000" }, workplaces: { type: "string", default: "1000" } },
});
const STAFF = Number(values.staff);
const ROOT = process.env.HUB_ROOT ?? new URL("..", import.meta.url).pathname;

async function signIn(base: string, email: string) {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "demo-password-2026" }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed for ${email}: ${res.status} ${await res.text()}`);
  const cookie = String(res.headers.get("set-cookie")).split(";")[0];
  const me = (await (await fetch(`${base}/api/auth/me`, { headers: { cookie } })).json()) as {
    csrfToken: string;
    memberships: { id: string; kind: string }[];
  };
  return { cookie, csrf: me.csrfToken, orgId: me.memberships[0].id };
}

type Phase = "idle" | "upload and check" | "apply" | "refresh after";
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

async function main() {
  const hub = await startHub({ database: "pglite", root: ROOT, nodeArgs: ["--max-old-space-size=4096"] });
  const base = hub.base;
  try {
    const council = await signIn(base, "council.admin@halton.demo.test");
    const provider = await signIn(base, "provider.admin@mersey-view.demo.test");
    // Let the start-up refresh finish: wait until the council's dashboard answers.
    await fetch(`${base}/api/orgs/${council.orgId}/dashboard`, { headers: { cookie: council.cookie } });

    let phase: Phase = "idle";
    const seen = new Map<string, number[]>();
    let probing = true;
    const failures: string[] = [];
    const probe = async (path: string, headers: Record<string, string>) => {
      while (probing) {
        const at = phase;
        const t = performance.now();
        const res = await fetch(`${base}${path}`, { headers, signal: AbortSignal.timeout(60_000) }).catch(
          (err: Error) => {
            failures.push(`${path}: ${err.message}`);
            return null;
          },
        );
        const text = await res?.text();
        if (res && !res.ok) failures.push(`${path}: ${res.status} ${text?.slice(0, 200)}`);
        const key = `${at}|${path === "/api/health" ? "health" : "signed-in page request"}${res?.ok ? "" : " (failed)"}`;
        seen.set(key, [...(seen.get(key) ?? []), performance.now() - t]);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const probes = [probe("/api/health", {}), probe("/api/auth/me", { cookie: council.cookie })];
    await new Promise((r) => setTimeout(r, 3000));

    const files = generateFiles({ staff: STAFF, workplaces: Number(values.workplaces), errorEvery: 0, prefix: "BUSY" });
    const timings: string[] = [];
    phase = "upload and check";
    let t = performance.now();
    const form = new FormData();
    for (const f of files) form.append("files", new File([f.bytes as BlobPart], f.name, { type: "text/csv" }));
    form.append("asAt", new Date().toISOString().slice(0, 10));
    const posted = await fetch(`${base}/api/orgs/${provider.orgId}/imports`, {
      method: "POST",
      body: form,
      headers: { cookie: provider.cookie, "x-csrf-token": provider.csrf },
    });
    const created = (await posted.json()) as { import: { id: string; status: string } };
    if (!created.import) throw new Error(`upload refused: ${JSON.stringify(created)}`);
    const poll = async (until: (s: string) => boolean) => {
      for (;;) {
        const res = (await (
          await fetch(`${base}/api/orgs/${provider.orgId}/imports/${created.import.id}`, {
            headers: { cookie: provider.cookie },
          })
        ).json()) as {
          import: { status: string; summary?: unknown };
        };
        if (until(res.import.status)) return res.import;
        await new Promise((r) => setTimeout(r, 500));
      }
    };
    const checked = await poll((s) => s !== "validating");
    timings.push(`upload and check: ${((performance.now() - t) / 1000).toFixed(1)} s (${checked.status})`);
    phase = "apply";
    t = performance.now();
    const commit = await fetch(`${base}/api/orgs/${provider.orgId}/imports/${created.import.id}/commit`, {
      method: "POST",
      headers: { cookie: provider.cookie, "x-csrf-token": provider.csrf, "content-type": "application/json" },
      body: JSON.stringify({ missing: { default: { action: "keep" } } }),
    });
    if (commit.status >= 400) throw new Error(`commit refused: ${commit.status} ${await commit.text()}`);
    const done = await poll((s) => s !== "committing" && s !== "ready");
    timings.push(`apply: ${((performance.now() - t) / 1000).toFixed(1)} s (${done.status})`);
    phase = "refresh after";
    t = performance.now();
    // The worker refreshes the council's dashboards within a tick or two of the change; a dashboard
    // read then finds its summaries (or computes them, waiting for the refresh's lock).
    await new Promise((r) => setTimeout(r, 4000));
    await fetch(`${base}/api/orgs/${council.orgId}/dashboard`, {
      headers: { cookie: council.cookie },
      signal: AbortSignal.timeout(600_000),
    });
    timings.push(`refresh after, and a dashboard: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    probing = false;
    await Promise.all(probes);

    console.log(
      `# bench:busy — ${STAFF.toLocaleString("en-GB")} staff records uploaded by a demo provider, code at ${ROOT}\n`,
    );
    for (const line of timings) console.log(`- ${line}`);
    if (failures.length) console.log(`\nFailed probes:\n${failures.map((f) => `- ${f}`).join("\n")}`);
    console.log("\n| phase | probe | answers | p50 | p99 | max |\n|---|---|---|---|---|---|");
    const f = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
    for (const [key, list] of seen) {
      const [p, probeName] = key.split("|");
      const sorted = [...list].sort((a, b) => a - b);
      console.log(
        `| ${p} | ${probeName} | ${sorted.length} | ${f(pct(sorted, 50))} | ${f(pct(sorted, 99))} | ${f(sorted.at(-1) ?? 0)} |`,
      );
    }
  } finally {
    await hub.stop();
  }
}

await main();
