import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commissioningArea, contract, contractStandard, standard } from "../../../../test/commissioning-fixtures";
import { testHub } from "../../../../test/harness";
import { thresholdInWords } from "../../../shared/commissioning-words";
import { auditLog } from "../../db/schema";

// The council's standards library (issue 19 item 1): thresholds checked by the kind's unit, words
// for each threshold, archiving, and who may change it.

const hub = await testHub();

async function area() {
  const a = await commissioningArea(hub, { workers: 2 });
  return { ...a, cc: await a.commissionerClient() };
}
const url = (a: { councilId: string }, rest = "") => `/api/orgs/${a.councilId}/commissioning/standards${rest}`;

describe("the standards library", () => {
  it("adds a standard with the kind's default threshold, lists it in words, and audits it", async () => {
    const a = await area();
    const made = await a.cc.post(url(a), { kind: "training_min", name: "Mandatory training" });
    expect(made.status).toBe(201);
    expect(made.json.standard).toMatchObject({
      kind: "training_min",
      name: "Mandatory training",
      threshold: 0.9,
      unit: "share",
      thresholdText: "At least 90% of required training valid",
      measuredOver: "as at the last day of the period",
      archivedAt: null,
      contractCount: 0,
    });
    const floor = await a.cc.post(url(a), { kind: "rlw_floor", name: "RLW floor", threshold: 0 });
    expect(floor.json.standard.thresholdText).toBe("0% paid below the Real Living Wage");
    const list = await a.cc.get(url(a));
    expect(list.json.standards.map((s: { name: string }) => s.name)).toEqual(["Mandatory training", "RLW floor"]);
    const audit = await hub.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, a.councilId), eq(auditLog.entityType, "commissioning_standard")))
      .orderBy(asc(auditLog.id));
    expect(audit.map((e) => [e.action, (e.after as { name: string }).name])).toEqual([
      ["create", "Mandatory training"],
      ["create", "RLW floor"],
    ]);
  });

  it("refuses an unknown kind and thresholds outside the kind's unit, naming the field", async () => {
    const a = await area();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ kind: "happiness", name: "X" }, "kind", /Choose the kind of standard/],
      [{ kind: "turnover_max", name: "X", threshold: 30 }, "threshold", /between 0 and 1/],
      [{ kind: "turnover_max", name: "X", threshold: -0.1 }, "threshold", /between 0 and 1/],
      [{ kind: "senior_margin", name: "X", threshold: -0.5 }, "threshold", /cannot be negative/],
      [
        { kind: "career_endorsed", name: "X", threshold: 1 },
        "threshold",
        /yes or no standard: leave the threshold empty/,
      ],
      [{ kind: "vacancy_max", name: "" }, "name", /Enter the name/],
      [{ kind: "vacancy_max", name: "=HYPERLINK()" }, "name", /formula|start/i],
    ];
    for (const [body, path, message] of cases) {
      const res = await a.cc.post(url(a), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const issue = res.json.error.issues.find((i: { path: string }) => i.path === path);
      expect(issue?.message, JSON.stringify(body)).toMatch(message);
    }
    // Pounds may be above 1; a share of exactly 0 or 1 is allowed.
    expect((await a.cc.post(url(a), { kind: "senior_margin", name: "Margin", threshold: 1.25 })).status).toBe(201);
    expect((await a.cc.post(url(a), { kind: "zero_hours_max", name: "None", threshold: 0 })).status).toBe(201);
    expect((await a.cc.post(url(a), { kind: "care_certificate_min", name: "All", threshold: 1 })).status).toBe(201);
  });

  it("edits a standard, refuses a change of kind once a contract carries it, and archives it", async () => {
    const a = await area();
    const made = (await a.cc.post(url(a), { kind: "vacancy_max", name: "Vacancies", threshold: 0.1 })).json.standard;
    const edited = await a.cc.request("PUT", url(a, `/${made.id}`), {
      kind: "vacancy_max",
      name: "Vacancy rate",
      threshold: 0.08,
    });
    expect(edited.status).toBe(200);
    expect(edited.json.standard).toMatchObject({
      name: "Vacancy rate",
      threshold: 0.08,
      thresholdText: "Vacancy rate at most 8%",
    });
    const c = await contract(hub, a);
    await contractStandard(hub, a, c, made);
    const rekind = await a.cc.request("PUT", url(a, `/${made.id}`), { kind: "turnover_max", name: "Turnover" });
    expect(rekind.status).toBe(409);
    expect(rekind.json.error.message).toMatch(/kind cannot change/);
    const archived = await a.cc.post(url(a, `/${made.id}/archive`));
    expect(archived.status).toBe(200);
    expect(archived.json.standard.archivedAt).not.toBeNull();
    expect(archived.json.standard.contractCount).toBe(1);
    expect((await a.cc.post(url(a, `/${made.id}/archive`))).status).toBe(409);
    // Archived standards are listed after current ones.
    await standard(hub, a, "training_min", { name: "Zed training" });
    const names = (await a.cc.get(url(a))).json.standards.map((s: { name: string }) => s.name);
    expect(names).toEqual(["Zed training", "Vacancy rate"]);
    const actions = await hub.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, a.councilId), eq(auditLog.entityId, made.id)))
      .orderBy(asc(auditLog.id));
    expect(actions.map((x) => x.action)).toEqual(["create", "update", "archive"]);
  });

  it("lets council analysts read but not write, and hides another council's standard", async () => {
    const a = await area();
    const b = await area();
    const theirs = await standard(hub, b, "rlw_floor");
    expect((await a.cc.request("PUT", url(a, `/${theirs.id}`), { kind: "rlw_floor", name: "Mine" })).status).toBe(404);
    expect((await a.cc.post(url(a, `/${theirs.id}/archive`))).status).toBe(404);
    const provider = await a.providerAClient();
    expect((await provider.get(url({ councilId: a.providerA.id }))).status).toBe(403);
  });
});

describe("thresholds in words", () => {
  it("says each kind's threshold as a contract would", () => {
    expect(thresholdInWords("rlw_floor", 0)).toBe("0% paid below the Real Living Wage");
    expect(thresholdInWords("rlw_floor", 0.05)).toBe("At most 5% of care workers paid below the Real Living Wage");
    expect(thresholdInWords("senior_margin", 0.5)).toBe(
      "Senior care workers' median pay at least £0.50 an hour above the Real Living Wage",
    );
    expect(thresholdInWords("zero_hours_max", 0.1)).toBe("At most 10% of staff on zero-hours contracts");
    expect(thresholdInWords("turnover_max", 0.3)).toBe("Staff turnover at most 30% over 12 months");
    expect(thresholdInWords("vacancy_max", 0.125)).toBe("Vacancy rate at most 12.5%");
    expect(thresholdInWords("training_min", 0.9)).toBe("At least 90% of required training valid");
    expect(thresholdInWords("care_certificate_min", null)).toBe("At least 80% of care staff with the Care Certificate");
    expect(thresholdInWords("career_endorsed", null)).toBe("Has endorsed the council's career framework");
    expect(thresholdInWords("returns_on_time", 0.9)).toBe("Data return submitted on time and at least 90% complete");
  });
});
