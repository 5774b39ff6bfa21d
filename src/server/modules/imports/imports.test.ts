import { readFileSync } from "node:fs";
import { and, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeOrg, makeUser, seedDemoOnce, testHub } from "../../../../test/harness";
import type { OrgCtx } from "../../context";
import { auditLog, staffRecords, trainingRecords, workplaces } from "../../db/schema";
import type { AppError } from "../../lib/errors";
import { figuresAt } from "../metrics/engine";
import { findOrgBySlug } from "../orgs/orgs.repo";
import { commissionProvider } from "../orgs/orgs.service";
import { exportAscwds } from "./export.service";
import { applyUpload, validateUpload } from "./imports.service";

const hub = await testHub();
const FIX = new URL("../../../../test/fixtures/ascwds/", import.meta.url).pathname;
const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(FIX + name)) });
const VALID = ["valid-workplace.csv", "valid-staff.csv", "valid-training.csv"].map(fixture);
const AS_AT = "2026-06-30";
const KEEP = { missing: { default: { action: "keep" as const } } };
const enc = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

async function providerCtx(role: OrgCtx["role"] = "provider_admin", isDemo = false): Promise<OrgCtx> {
  const org = await makeOrg(hub, "provider");
  const user = await makeUser(hub, org, role ?? undefined);
  return {
    ...hub.ctx,
    actor: { userId: user.id, isHubAdmin: false },
    org: { id: org.id, kind: "provider", name: org.name, slug: org.slug, isDemo },
    role,
  };
}
const staffCount = async (orgId: string) =>
  (await hub.deps.db.select({ n: count() }).from(staffRecords).where(eq(staffRecords.orgId, orgId)))[0].n;

describe("applying an upload", () => {
  it("adds workplaces, staff, qualifications and training, and the same files again change nothing", async () => {
    const ctx = await providerCtx();
    const first = await applyUpload(ctx, VALID, AS_AT, KEEP);
    expect(first.applied).toMatchObject({ workplacesNew: 2, staffNew: 4, trainingRecords: 3 });
    const [ann] = await hub.deps.db
      .select()
      .from(staffRecords)
      .where(and(eq(staffRecords.orgId, ctx.org.id), eq(staffRecords.localRef, "S1")));
    expect(ann).toMatchObject({
      displayId: "Ann Example",
      gender: 2,
      payRate: 12.9,
      mainJobStartDate: "2020-04-01",
      startDate: "2020-04-01",
      dateOfBirth: "1980-02-01",
    });
    expect(ann.niEncrypted).not.toContain("AB123456C");
    expect(ann.personKey).toMatch(/^[0-9a-f]{64}$/);

    const again = await applyUpload(ctx, VALID, AS_AT, KEEP);
    expect(again.summary.changes).toMatchObject({
      new: 0,
      updated: 0,
      leaving: 0,
      missing: 0,
      workplacesNew: 0,
      workplacesUpdated: 0,
    });
    expect(again.applied).toMatchObject({
      staffNew: 0,
      staffUpdated: 0,
      trainingRecords: 0,
      declaredCounts: 0,
      leavers: 0,
    });
  });

  it("begins a new workplace's records at the file's as-at date: before it, its figures read no data, not 0", async () => {
    const ctx = await providerCtx();
    await applyUpload(ctx, VALID, AS_AT, KEEP);
    const places = await hub.deps.db.select().from(workplaces).where(eq(workplaces.orgId, ctx.org.id));
    expect(places.map((w) => w.recordsFrom)).toEqual(places.map(() => AS_AT));
    const [created] = await hub.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, ctx.org.id), eq(auditLog.entityType, "workplace"), eq(auditLog.action, "create")))
      .limit(1);
    expect(created.after).toMatchObject({ recordsFrom: AS_AT });
    // Ann started in 2020, but who left and what was vacant before the file is not known.
    const ids = places.map((w) => w.id);
    expect((await figuresAt(hub.deps.db, ids, "2026-06-29")).filled_posts.reason).toBe("no_data");
    expect((await figuresAt(hub.deps.db, ids, AS_AT)).filled_posts.value).toBeGreaterThan(0);
  });

  it("places new workplaces in the area of the one council commissioning the provider today, whatever its past or future links", async () => {
    const ctx = await providerCtx();
    const [before, now, later] = [
      await makeOrg(hub, "council"),
      await makeOrg(hub, "council"),
      await makeOrg(hub, "council"),
    ];
    await commissionProvider(hub.ctx, {
      councilId: before.id,
      providerId: ctx.org.id,
      fromDate: "2020-01-01",
      toDate: "2025-12-31",
    });
    await commissionProvider(hub.ctx, { councilId: now.id, providerId: ctx.org.id, fromDate: "2026-01-01" });
    await commissionProvider(hub.ctx, { councilId: later.id, providerId: ctx.org.id, fromDate: "2027-01-01" });
    await applyUpload(ctx, VALID, AS_AT, KEEP);
    const places = await hub.deps.db
      .select({ councilId: workplaces.councilId })
      .from(workplaces)
      .where(eq(workplaces.orgId, ctx.org.id));
    expect(places.map((p) => p.councilId)).toEqual([now.id, now.id]);
  });

  it("moves a staff record to another workplace (TRANSFERSTAFFRECORD), keeping the record and its history; the same file again changes nothing", async () => {
    const ctx = await providerCtx();
    await applyUpload(ctx, VALID, AS_AT, KEEP);
    const annAt = async () =>
      (
        await hub.deps.db
          .select({ id: staffRecords.id, workplace: workplaces.localRef, start: staffRecords.startDate })
          .from(staffRecords)
          .innerJoin(workplaces, eq(workplaces.id, staffRecords.workplaceId))
          .where(and(eq(staffRecords.orgId, ctx.org.id), eq(staffRecords.localRef, "S1")))
      )[0];
    const before = await annAt();
    const [header, ...rows] = readFileSync(`${FIX}valid-staff.csv`, "utf8").split("\n");
    const withColumn = (line: string, to: string) => line.replace(/^([^,]*,[^,]*),/, `$1,${to},`);
    const moving = [
      withColumn(header, "TRANSFERSTAFFRECORD"),
      withColumn(rows[0].replace(",NEW,", ",UPDATE,"), "HOME2"),
      "",
    ].join("\n");

    const preview = await validateUpload(ctx, [enc("staff.csv", moving)], AS_AT);
    expect(preview.parsed.errors).toBe(0);
    expect(preview.preview?.workplaces.find((w) => w.ref === "HOME1")?.updates).toEqual([
      { ref: "S1", fields: ["workplace"] },
    ]);
    const moved = await applyUpload(ctx, [enc("staff.csv", moving)], AS_AT, KEEP);
    expect(moved.applied).toMatchObject({ staffNew: 0, staffUpdated: 1, leavers: 0 });
    expect(await annAt()).toEqual({ ...before, workplace: "HOME2" }); // same record, same start date

    const again = await applyUpload(ctx, [enc("staff.csv", moving)], AS_AT, KEEP);
    expect(again.applied).toMatchObject({ staffNew: 0, staffUpdated: 0 });
    expect((await annAt()).workplace).toBe("HOME2");
  });

  it("previews an update with the fields that change, and staff missing from the file, without changing anything", async () => {
    const ctx = await providerCtx();
    await applyUpload(ctx, VALID, AS_AT, KEEP);
    const staff = readFileSync(`${FIX}valid-staff.csv`, "utf8").split("\n");
    // Bob (line 3) gets a pay rise; Cat (line 4) is left out of the file.
    const edited = [staff[0], staff[1], staff[2].replace("14.10", "14.50"), staff[4], ""].join("\n");
    const v = await validateUpload(ctx, [VALID[0], enc("staff.csv", edited)], AS_AT);
    const home1 = v.preview?.workplaces.find((w) => w.ref === "HOME1");
    expect(home1?.staff).toEqual({ new: 0, updated: 1, unchanged: 1, leaving: 0, missing: 1 });
    expect(home1?.updates).toEqual([{ ref: "S2", fields: ["payRate"] }]);
    expect(v.preview?.missing).toEqual([
      expect.objectContaining({ ref: "S3", displayId: "Cat Example", workplaceRef: "HOME1" }),
    ]);
    expect(await staffCount(ctx.org.id)).toBe(4);
    const [bob] = await hub.deps.db
      .select()
      .from(staffRecords)
      .where(and(eq(staffRecords.orgId, ctx.org.id), eq(staffRecords.localRef, "S2")));
    expect(bob.payRate).toBe(14.1);
  });

  it("applies changed records together: new values, an NI number and a reference changed, and one audit entry per changed record", async () => {
    const ctx = await providerCtx();
    await applyUpload(ctx, VALID, AS_AT, KEEP);
    const before = await hub.deps.db.select().from(staffRecords).where(eq(staffRecords.orgId, ctx.org.id));
    const staff = readFileSync(`${FIX}valid-staff.csv`, "utf8").split("\n");
    // Ann and Bob get pay rises, Ann's NI number is corrected; Dee's days sick change; Cat is unchanged.
    const edited = [
      staff[0],
      staff[1].replace("12.90", "13.40").replace("AB123456C", "AB123457C"),
      staff[2].replace("14.10", "14.60"),
      staff[3],
      staff[4].replace(",3,1,41000,", ",7,1,41000,"),
      "",
    ].join("\n");
    const result = await applyUpload(ctx, [VALID[0], enc("staff.csv", edited)], AS_AT, KEEP);
    expect(result.applied).toMatchObject({ staffNew: 0, staffUpdated: 3, leavers: 0 });
    const after = await hub.deps.db.select().from(staffRecords).where(eq(staffRecords.orgId, ctx.org.id));
    const byRef = (rows: typeof after, ref: string) => rows.find((r) => r.localRef === ref);
    expect(byRef(after, "S1")).toMatchObject({
      payRate: 13.4,
      displayId: "Ann Example",
      gender: 2,
      dateOfBirth: "1980-02-01",
    });
    expect(byRef(after, "S1")?.personKey).not.toBe(byRef(before, "S1")?.personKey);
    expect(byRef(after, "S2")).toMatchObject({
      payRate: 14.6,
      personKey: byRef(before, "S2")?.personKey,
      niEncrypted: byRef(before, "S2")?.niEncrypted,
    });
    expect(byRef(after, "H1")).toMatchObject({ daysSick: 7, payRate: 41000 });
    expect(byRef(after, "S3")?.updatedAt).toEqual(byRef(before, "S3")?.updatedAt);
    const entries = (
      await hub.deps.db.execute(
        sql`select entity_id, before, after from audit_log where org_id = ${ctx.org.id} and entity_type = 'staff_record' and action = 'update'`,
      )
    ).rows as { entity_id: string; before: Record<string, unknown>; after: Record<string, unknown> }[];
    expect(entries).toHaveLength(3);
    const ann = entries.find((e) => e.entity_id === byRef(after, "S1")?.id);
    expect(ann?.before).toEqual({ payRate: 12.9, niNumber: "[masked]" });
    expect(ann?.after).toEqual({ payRate: 13.4, niNumber: "[masked: changed]" });

    // The same edited files again: nothing changes.
    const again = await applyUpload(ctx, [VALID[0], enc("staff.csv", edited)], AS_AT, KEEP);
    expect(again.applied).toMatchObject({ staffNew: 0, staffUpdated: 0 });
  });

  it("never deletes missing staff: they are kept, or marked as leavers with the chosen date and reason", async () => {
    const ctx = await providerCtx();
    await applyUpload(ctx, VALID, AS_AT, KEEP);
    const staff = readFileSync(`${FIX}valid-staff.csv`, "utf8").split("\n");
    const withoutCatAndDee = [staff[0], staff[1], staff[2], ""].join("\n");
    const cat = (
      await hub.deps.db
        .select()
        .from(staffRecords)
        .where(and(eq(staffRecords.orgId, ctx.org.id), eq(staffRecords.localRef, "S3")))
    )[0];
    const result = await applyUpload(ctx, [VALID[0], enc("staff.csv", withoutCatAndDee)], AS_AT, {
      missing: {
        default: { action: "keep" },
        byId: { [cat.id]: { action: "leaver", leavingDate: "2026-06-01", reason: 1 } },
      },
    });
    expect(result.applied).toMatchObject({ leavers: 1, missingKept: 1 });
    const rows = await hub.deps.db.select().from(staffRecords).where(eq(staffRecords.orgId, ctx.org.id));
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.localRef === "S3")).toMatchObject({
      endDate: "2026-06-01",
      leavingReason: 1,
      leavingDestination: "adult_social_care",
    });
    expect(rows.find((r) => r.localRef === "H1")?.endDate).toBeNull();
  });

  it("is all or nothing: an error in the last row of a 100,000-row file leaves the database untouched", async () => {
    const ctx = await providerCtx();
    await applyUpload(ctx, VALID, AS_AT, KEEP);
    const before = await staffCount(ctx.org.id);
    const lines = readFileSync(`${FIX}valid-staff.csv`, "utf8").split("\n");
    const template = lines[1];
    const rows = [lines[0]];
    for (let i = 0; i < 100_000; i++)
      rows.push(template.replace("HOME1,S1,", `HOME1,BULK${i},`).replace("AB123456C", ""));
    rows[rows.length - 1] = rows[rows.length - 1].replace(",2,31,826,", ",9,31,826,"); // GENDER 9 on the last row
    const big = enc("big-staff.csv", `${rows.join("\n")}\n`);
    const v = await validateUpload(ctx, [big], AS_AT);
    expect(v.parsed.errors).toBe(1);
    expect(v.parsed.problems.find((p) => p.severity === "error")).toMatchObject({
      line: 100_001,
      column: "GENDER",
      code: "staff.GENDER.code",
    });
    await expect(applyUpload(ctx, [big], AS_AT, KEEP)).rejects.toMatchObject({ code: "upload_invalid" });
    expect(await staffCount(ctx.org.id)).toBe(before);
  }, 120_000);

  it("two uploads for the same organisation at once: one waits or is refused, and records are never mixed", async () => {
    const ctx = await providerCtx();
    await applyUpload(ctx, [VALID[0]], AS_AT, KEEP);
    const lines = readFileSync(`${FIX}valid-staff.csv`, "utf8").split("\n");
    const fileFor = (tag: string) => {
      const rows = [lines[0]];
      for (let i = 0; i < 300; i++)
        rows.push(lines[3].replace("HOME1,S3,", `HOME1,P${i},`).replace("Cat Example", `${tag} ${i}`));
      return enc(`${tag}.csv`, `${rows.join("\n")}\n`);
    };
    const results = await Promise.allSettled([
      applyUpload(ctx, [fileFor("Alpha")], AS_AT, KEEP),
      applyUpload(ctx, [fileFor("Beta")], AS_AT, KEEP),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of results)
      if (r.status === "rejected") expect((r.reason as AppError).code).toBe("import_in_progress");
    const names = (
      await hub.deps.db
        .select({ d: staffRecords.displayId })
        .from(staffRecords)
        .where(eq(staffRecords.orgId, ctx.org.id))
    ).map((r) => r.d.split(" ")[0]);
    expect(names).toHaveLength(300);
    expect(new Set(names).size).toBe(1);
  });

  it("a provider's file naming another provider's workplace references changes only its own data", async () => {
    const a = await providerCtx();
    const b = await providerCtx();
    await applyUpload(b, VALID, AS_AT, KEEP);
    const bBefore = await hub.deps.db
      .select()
      .from(staffRecords)
      .where(eq(staffRecords.orgId, b.org.id))
      .orderBy(staffRecords.localRef);
    const staff = readFileSync(`${FIX}valid-staff.csv`, "utf8").replace(/Example/g, "Intruder");
    const result = await applyUpload(a, [VALID[0], enc("staff.csv", staff)], AS_AT, {
      missing: { default: { action: "leaver", reason: 9 } },
    });
    expect(result.applied).toMatchObject({ workplacesNew: 2, staffNew: 4 });
    // B's CQC locations in A's file are flagged (not blocked: homes change hands), without naming B.
    const flagged = result.summary.warnings;
    expect(flagged).toBeGreaterThanOrEqual(2);
    const checked = await validateUpload(a, [VALID[0]], AS_AT);
    const clash = checked.parsed.problems.filter((p) => p.code === "workplace.LOCATIONID.other_organisation");
    expect(clash.map((p) => [p.line, p.column, p.severity])).toEqual([
      [2, "LOCATIONID", "warning"],
      [3, "LOCATIONID", "warning"],
    ]);
    expect(JSON.stringify(clash)).not.toContain(b.org.name);
    const bAfter = await hub.deps.db
      .select()
      .from(staffRecords)
      .where(eq(staffRecords.orgId, b.org.id))
      .orderBy(staffRecords.localRef);
    expect(bAfter).toEqual(bBefore);
    const bPlaces = await hub.deps.db.select().from(workplaces).where(eq(workplaces.orgId, b.org.id));
    expect(bPlaces.map((p) => p.name).sort()).toEqual(["Hill Top Home Care", "Riverside House"]);
    // A staff-only upload cannot reach B's workplaces either: A's references resolve to A's own.
    const aPlaceIds = new Set(
      (await hub.deps.db.select().from(workplaces).where(eq(workplaces.orgId, a.org.id))).map((p) => p.id),
    );
    const aStaff = await hub.deps.db.select().from(staffRecords).where(eq(staffRecords.orgId, a.org.id));
    expect(aStaff.every((s) => aPlaceIds.has(s.workplaceId))).toBe(true);
  });
});

describe("the same files again after someone has left", () => {
  const snapshot = async (orgId: string) => ({
    staff: await hub.deps.db.select().from(staffRecords).where(eq(staffRecords.orgId, orgId)).orderBy(staffRecords.id),
    training: await hub.deps.db
      .select()
      .from(trainingRecords)
      .where(eq(trainingRecords.orgId, orgId))
      .orderBy(trainingRecords.id),
  });
  const staffLines = () => readFileSync(`${FIX}valid-staff.csv`, "utf8").split("\n");

  it("a staff file marking Ann DELETE with a training file that still covers her: accepted again, and nothing changes", async () => {
    const ctx = await providerCtx();
    await applyUpload(ctx, VALID, AS_AT, KEEP);
    const lines = staffLines();
    const files = [
      VALID[0],
      enc("staff.csv", [lines[0], lines[1].replace(",NEW,", ",DELETE,"), ...lines.slice(2)].join("\n")),
      VALID[2],
    ];
    const left = await applyUpload(ctx, files, AS_AT, { ...KEEP, deleted: { default: { reason: 6 } } });
    expect(left.applied).toMatchObject({ leavers: 1, staffNew: 0 });
    const before = await snapshot(ctx.org.id);
    expect(before.staff.find((s) => s.localRef === "S1")?.endDate).toBe(AS_AT);

    // Before the fix the training row for Ann, now a leaver, was inserted without a staff record: a 500.
    const again = await applyUpload(ctx, files, AS_AT, KEEP);
    expect(again.applied).toMatchObject({
      staffNew: 0,
      staffUpdated: 0,
      leavers: 0,
      trainingRecords: 0,
      workplacesNew: 0,
      workplacesUpdated: 0,
    });
    expect(await snapshot(ctx.org.id)).toEqual(before);
  });

  it("a staff file without Ann (recorded as a leaver) and the training file that still covers her: accepted again, and nothing changes", async () => {
    const ctx = await providerCtx();
    await applyUpload(ctx, VALID, AS_AT, KEEP);
    const lines = staffLines();
    const files = [VALID[0], enc("staff.csv", [lines[0], ...lines.slice(2)].join("\n")), VALID[2]];
    const left = await applyUpload(ctx, files, AS_AT, {
      missing: { default: { action: "leaver" as const, reason: 2 } },
    });
    expect(left.applied).toMatchObject({ leavers: 1 });
    const before = await snapshot(ctx.org.id);

    // Before the fix: "There is no staff record S1", an error, for the very files just applied.
    const v = await validateUpload(ctx, files, AS_AT);
    expect(v.parsed.errors).toBe(0);
    expect(v.parsed.problems.find((p) => p.staff === "S1")).toMatchObject({
      code: "training.UNIQUEWORKERID.leaver",
      severity: "warning",
    });
    const again = await applyUpload(ctx, files, AS_AT, KEEP);
    expect(again.applied).toMatchObject({
      staffNew: 0,
      staffUpdated: 0,
      leavers: 0,
      missingKept: 0,
      trainingRecords: 0,
    });
    expect(await snapshot(ctx.org.id)).toEqual(before);
  });
});

describe("the same files again after a move", () => {
  it("a staff file moving Ann to HOME2 with a training file that still names her at HOME1: accepted again, and nothing changes", async () => {
    const ctx = await providerCtx();
    await applyUpload(ctx, VALID, AS_AT, KEEP);
    const [header, ...rows] = readFileSync(`${FIX}valid-staff.csv`, "utf8").split("\n");
    const withColumn = (line: string, to: string) => line.replace(/^([^,]*,[^,]*),/, `$1,${to},`);
    const moving = [
      withColumn(header, "TRANSFERSTAFFRECORD"),
      withColumn(rows[0].replace(",NEW,", ",UPDATE,"), "HOME2"),
      "",
    ].join("\n");
    const training = readFileSync(`${FIX}valid-training.csv`, "utf8").replace(
      "01/03/2026,28/02/2027",
      "02/03/2026,01/03/2027",
    );
    const files = [VALID[0], enc("staff.csv", moving), enc("training.csv", training)];
    expect((await applyUpload(ctx, files, AS_AT, KEEP)).applied).toMatchObject({ staffUpdated: 1, trainingRecords: 1 });
    const before = await hub.deps.db
      .select()
      .from(trainingRecords)
      .where(eq(trainingRecords.orgId, ctx.org.id))
      .orderBy(trainingRecords.id);
    // Before the fix: Ann's training row under HOME1 had no record there any more, and its insert failed (a 500).
    const again = await applyUpload(ctx, files, AS_AT, KEEP);
    expect(again.applied).toMatchObject({ staffNew: 0, staffUpdated: 0, trainingRecords: 0 });
    expect(
      await hub.deps.db
        .select()
        .from(trainingRecords)
        .where(eq(trainingRecords.orgId, ctx.org.id))
        .orderBy(trainingRecords.id),
    ).toEqual(before);
  });
});

describe("download and upload again", () => {
  it("the demo provider's data, downloaded as ASC-WDS files and uploaded again, reports no changes (with or without NI numbers)", async () => {
    const demo = await testHub();
    await seedDemoOnce(demo);
    const org = await findOrgBySlug(demo.deps.db, "demo-mersey-view-care");
    for (const role of ["provider_admin", "provider_viewer"] as const) {
      const ctx: OrgCtx = {
        ...demo.ctx,
        actor: { userId: null, isHubAdmin: false },
        org: { id: org.id, kind: "provider", name: org.name, slug: org.slug, isDemo: true },
        role,
      };
      const files = await exportAscwds(ctx);
      expect(files.counts.staff).toBeGreaterThan(50);
      if (role === "provider_viewer") expect(files.staff).toContain(",Admin,");
      else expect(files.staff).toMatch(/,QQ\d{6}C,/);
      const v = await validateUpload(
        ctx,
        [enc("workplace.csv", files.workplace), enc("staff.csv", files.staff), enc("training.csv", files.training)],
        "2026-11-22",
      );
      expect(v.parsed.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(v.preview?.totals).toMatchObject({
        new: 0,
        updated: 0,
        leaving: 0,
        missing: 0,
        workplacesNew: 0,
        workplacesUpdated: 0,
      });
      expect(v.preview?.declaredCounts).toBe(0);
    }
  });

  it("files with training, qualifications and declared counts round-trip too", async () => {
    const ctx = await providerCtx();
    await applyUpload(ctx, VALID, AS_AT, KEEP);
    const files = await exportAscwds(ctx);
    expect(files.training.split("\r\n").filter(Boolean)).toHaveLength(4);
    const v = await validateUpload(
      ctx,
      [enc("w.csv", files.workplace), enc("s.csv", files.staff), enc("t.csv", files.training)],
      AS_AT,
    );
    expect(v.parsed.errors).toBe(0);
    expect(v.preview?.totals).toMatchObject({ new: 0, updated: 0, missing: 0, workplacesUpdated: 0 });
    expect(v.preview?.training).toMatchObject({ replaced: 0 });
    expect(v.preview?.declaredCounts).toBe(0);
    const trainingCount = (
      await hub.deps.db.select({ n: count() }).from(trainingRecords).where(eq(trainingRecords.orgId, ctx.org.id))
    )[0].n;
    expect(trainingCount).toBe(3);
  });
});

describe("privacy", () => {
  it("no NI number or date of birth in the problems, the log or the audit trail", async () => {
    const ctx = await providerCtx();
    const staff = readFileSync(`${FIX}valid-staff.csv`, "utf8")
      .replace("01/02/1980", "01/02/1800")
      .replace(",2,31,826,", ",7,31,826,");
    const bad = await validateUpload(ctx, [VALID[0], enc("staff.csv", staff)], AS_AT);
    expect(bad.parsed.errors).toBeGreaterThan(0);
    await applyUpload(ctx, VALID, AS_AT, KEEP);
    const audit = JSON.stringify(
      (await hub.deps.db.execute(sql`select entity_type, before, after from audit_log where org_id = ${ctx.org.id}`))
        .rows,
    );
    const haystacks = { problems: JSON.stringify(bad.parsed.problems), log: hub.logLines.join("\n"), audit };
    for (const [where, text] of Object.entries(haystacks)) {
      for (const secret of [
        "AB123456C",
        "CE654321A",
        "HJ112233B",
        "01/02/1980",
        "1980-02-01",
        "01/02/1800",
        "15/06/1961",
        "1961-06-15",
      ]) {
        expect(text.includes(secret), `${secret} in ${where}`).toBe(false);
      }
    }
    expect(audit).toContain("staff_record");
  });
});
