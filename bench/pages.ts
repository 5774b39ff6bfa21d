// What the public pages cost a phone on a slow connection: each page opened at 375 px wide in
// Chromium with the network held to DevTools' "Slow 3G" (400 kbit/s each way, 400 ms round
// trip) and an empty cache, three times; prints the median time until the page's heading is on
// the screen, until the network is quiet (everything drawn), and the bytes it fetched. The hub
// runs as `npm start` runs it (built client, demo).
//
//   npm run bench:pages
//   BENCH_ROOT=/path/to/an/older/checkout npm run bench:pages   (the same pages from another build)
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import { startHub } from "./hub-process";

const RUNS = 3;
const PAGES = [
  { name: "Careers roadmap", path: "/careers?council=halton" },
  { name: "Careers, easy read", path: "/careers/easy-read" },
  { name: "Sign in", path: "/sign-in" },
];

const root = process.env.BENCH_ROOT ?? new URL("..", import.meta.url).pathname;
if (!existsSync(`${root}/dist/client/index.html`) || process.env.BUILD !== "0")
  execFileSync("npx", ["vite", "build"], { cwd: root, stdio: "ignore" });
const hub = await startHub({ database: "pglite", root });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  console.log(`Public pages at 375 px on Slow 3G (400 kbit/s, 400 ms), median of ${RUNS}, empty cache`);
  console.log(`build: ${root}`);
  console.log("page | heading (s) | everything (s) | fetched (KB) | scripts (KB)");
  for (const p of PAGES) {
    const times: number[] = [];
    const idle: number[] = [];
    const bytes: number[] = [];
    const scripts: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 400,
        downloadThroughput: (400 * 1024) / 8,
        uploadThroughput: (400 * 1024) / 8,
      });
      let total = 0;
      let js = 0;
      const types = new Map<string, string>();
      cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type));
      cdp.on("Network.loadingFinished", (e) => {
        total += e.encodedDataLength;
        if (types.get(e.requestId) === "Script") js += e.encodedDataLength;
      });
      const start = Date.now();
      await page.goto(`${hub.base}${p.path}`);
      await page.locator("main h1").first().waitFor({ timeout: 120_000 });
      times.push((Date.now() - start) / 1000);
      await page.waitForLoadState("networkidle", { timeout: 120_000 });
      idle.push((Date.now() - start) / 1000);
      bytes.push(total / 1024);
      scripts.push(js / 1024);
      await context.close();
    }
    console.log(
      `${p.name} | ${median(times).toFixed(1)} | ${median(idle).toFixed(1)} | ${Math.round(median(bytes))} | ${Math.round(median(scripts))}`,
    );
  }
} finally {
  await browser.close();
  await hub.stop();
}
