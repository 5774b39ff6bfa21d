import { readFileSync } from "node:fs";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const loadsDemo = (spec: TestSpecification) => readFileSync(spec.moduleId, "utf8").includes("seedDemoOnce(");

/**
 * Vitest's order (slowest first), except that the files loading the demo system (3,000 staff
 * records) into their worker's shared database (test/harness.ts) come last: the tests that compute
 * across the whole database, such as the summaries' refresh job, would otherwise compute over it.
 */
export class DemoLastSequencer extends BaseSequencer {
  async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    return [...sorted.filter((f) => !loadsDemo(f)), ...sorted.filter(loadsDemo)];
  }
}
