import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeOrg, makeUser, signedIn, testHub } from "../../../../test/harness";
import type { OrgCtx } from "../../context";
import { auditLog } from "../../db/schema";
import { applyUpload } from "../imports/imports.service";

const hub = await testHub();
const FIX = new URL("../../../../test/fixtures/ascwds/", import.meta.url).pathname;
const files = ["valid-workplace.csv", "valid-staff.csv"].map((name) => ({
  name,
  bytes: new Uint8Array(readFileSync(FIX + name)),
}));

async function providerWithStaff() {
  const org = await makeOrg(hub, "provider");
  const ctx: OrgCtx = {
    ...hub.ctx,
    org: { id: org.id, kind: "provider", name: org.name, slug: org.slug, isDemo: false },
    role: null,
  };
  await applyUpload(ctx, files, "2026-06-01", { missing: { default: { action: "keep" } } });
  const admin = await makeUser(hub, org, "provider_admin");
  return { org, client: await signedIn(hub, admin.email) };
}

describe("finding staff and recording leavers", () => {
  it("finds and filters staff by name, workplace, role, contract and status, without identifiers", async () => {
    const { org, client } = await providerWithStaff();
    const all = await client.get(`/api/orgs/${org.id}/staff`);
    expect(all.json.total).toBe(4);
    expect(JSON.stringify(all.json)).not.toMatch(/AB123456C|1980-02-01/);
    expect(
      (await client.get(`/api/orgs/${org.id}/staff?q=bob`)).json.staff.map((s: { name: string }) => s.name),
    ).toEqual(["Bob Example"]);
    const places = (await client.get(`/api/orgs/${org.id}/workplaces`)).json.workplaces as {
      id: string;
      localRef: string;
    }[];
    const home2 = places.find((p) => p.localRef === "HOME2")?.id;
    expect(
      (await client.get(`/api/orgs/${org.id}/staff?workplace=${home2}`)).json.staff.map(
        (s: { name: string }) => s.name,
      ),
    ).toEqual(["Dee Example"]);
    expect((await client.get(`/api/orgs/${org.id}/staff?role=7`)).json.total).toBe(1);
    expect((await client.get(`/api/orgs/${org.id}/staff?contract=3`)).json.staff[0].contract.label).toBe("Pool/Bank");
    expect((await client.get(`/api/orgs/${org.id}/staff?status=bogus`)).status).toBe(400);
  });

  it("records a leaver once, with an audit entry; refuses future dates and dates before the start", async () => {
    const { org, client } = await providerWithStaff();
    const [bob] = (await client.get(`/api/orgs/${org.id}/staff?q=bob`)).json.staff;
    expect(
      (await client.post(`/api/orgs/${org.id}/staff/${bob.id}/leave`, { leavingDate: "2030-01-01", reason: 5 })).status,
    ).toBe(400);
    expect(
      (await client.post(`/api/orgs/${org.id}/staff/${bob.id}/leave`, { leavingDate: "2019-01-01", reason: 5 })).json
        .error.issues[0],
    ).toEqual({ path: "leavingDate", message: "Enter a date on or after 1 April 2020, when they started" });
    const done = await client.post(`/api/orgs/${org.id}/staff/${bob.id}/leave`, {
      leavingDate: "2026-05-31",
      reason: 2,
    });
    expect(done.json).toMatchObject({ endDate: "2026-05-31", leavingReason: 2 });
    const again = await client.post(`/api/orgs/${org.id}/staff/${bob.id}/leave`, {
      leavingDate: "2026-05-31",
      reason: 2,
    });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toBe("Bob Example is already recorded as leaving on 31 May 2026.");
    expect(
      (await client.get(`/api/orgs/${org.id}/staff?status=left`)).json.staff.map(
        (s: { name: string; leavingReason: string }) => [s.name, s.leavingReason],
      ),
    ).toEqual([["Bob Example", "Moved to the health sector"]]);
    const entries = await hub.deps.db.select().from(auditLog).where(eq(auditLog.entityId, bob.id));
    expect(entries.at(-1)).toMatchObject({
      action: "update",
      before: { endDate: null },
      after: { endDate: "2026-05-31", leavingReason: 2, leavingDestination: "health" },
    });
  });

  it("a viewer can find staff but not record leavers", async () => {
    const { org } = await providerWithStaff();
    const viewer = await signedIn(hub, (await makeUser(hub, org, "provider_viewer")).email);
    const [s] = (await viewer.get(`/api/orgs/${org.id}/staff`)).json.staff;
    expect(
      (await viewer.post(`/api/orgs/${org.id}/staff/${s.id}/leave`, { leavingDate: "2026-05-31", reason: 2 })).status,
    ).toBe(403);
  });
});

describe("one staff record for the edit screen", () => {
  it("comes back as its ASC-WDS row with identifiers and special category data for those allowed; sent back unchanged it changes nothing", async () => {
    const { org, client } = await providerWithStaff();
    const [ann] = (await client.get(`/api/orgs/${org.id}/staff?q=ann`)).json.staff;
    const row = (await client.get(`/api/orgs/${org.id}/staff/${ann.id}`)).json.record;
    expect(row).toMatchObject({
      LOCALESTID: "HOME1",
      UNIQUEWORKERID: "S1",
      DISPLAYID: "Ann Example",
      NINUMBER: "AB123456C",
      DOB: "01/02/1980",
      HOURLYRATE: "12.90",
      QUALACH01: "12;2019",
    });
    const same = await client.post(`/api/orgs/${org.id}/records/staff`, { asAt: "2026-06-01", records: [row] });
    expect(same.json.changes).toMatchObject({ new: 0, updated: 0 });
    const edited = await client.post(`/api/orgs/${org.id}/records/staff`, {
      asAt: "2026-06-01",
      records: [{ ...row, HOURLYRATE: "13.50" }],
    });
    expect(edited.json.changes).toMatchObject({ updated: 1 });
    expect(row).toMatchObject({ ETHNICITY: "31", DISABLED: "0" });
  });

  it("an editor not allowed to see identifiers or special category data gets them as Admin, can still edit the record, and what they cannot see is kept", async () => {
    const { org, client } = await providerWithStaff();
    const [ann] = (await client.get(`/api/orgs/${org.id}/staff?q=ann`)).json.staff;
    const editor = await signedIn(hub, (await makeUser(hub, org, "provider_editor")).email);
    const row = (await editor.get(`/api/orgs/${org.id}/staff/${ann.id}`)).json.record;
    expect(row).toMatchObject({
      NINUMBER: "Admin",
      DOB: "Admin",
      ETHNICITY: "Admin",
      DISABLED: "Admin",
      DISPLAYID: "Ann Example",
      HOURLYRATE: "12.90",
    });
    expect(JSON.stringify(row)).not.toMatch(/AB123456C|01\/02\/1980/);

    const edited = await editor.post(`/api/orgs/${org.id}/records/staff`, {
      asAt: "2026-06-01",
      records: [{ ...row, HOURLYRATE: "13.50" }],
    });
    expect(edited.status).toBe(200);
    expect(edited.json.changes).toMatchObject({ updated: 1 });
    const after = (await client.get(`/api/orgs/${org.id}/staff/${ann.id}`)).json.record;
    expect(after).toMatchObject({
      HOURLYRATE: "13.50",
      NINUMBER: "AB123456C",
      DOB: "01/02/1980",
      ETHNICITY: "31",
      DISABLED: "0",
    });

    // The editor's download of the staff file holds none of it either, and uploading it changes nothing.
    const download = await editor.get(`/api/orgs/${org.id}/ascwds/staff.csv`);
    expect(download.status).toBe(200);
    expect(download.text).not.toMatch(/AB123456C|01\/02\/1980/);
    const lines = download.text
      .replace(/^\ufeff/, "")
      .trim()
      .split(/\r?\n/);
    const header = lines[0].split(",");
    for (const line of lines.slice(1)) {
      const cells = line.split(",");
      expect(cells[header.indexOf("ETHNICITY")]).toBe("Admin");
      expect(cells[header.indexOf("DISABLED")]).toBe("Admin");
    }
    const upload = await editor.post(`/api/orgs/${org.id}/records/staff`, {
      asAt: "2026-06-01",
      records: lines
        .slice(1)
        .map((line) => Object.fromEntries(header.map((h, i) => [h, line.split(",")[i]]).filter(([h]) => h))),
    });
    expect(upload.json.changes).toMatchObject({ new: 0, updated: 0 });
  });
});

describe("problems in a record sent from the staff record form", () => {
  it("are worded with the form's labels and say how to fix them; the file report keeps the column codes", async () => {
    const { org, client } = await providerWithStaff();
    const [ann] = (await client.get(`/api/orgs/${org.id}/staff?q=ann`)).json.staff;
    const row = (await client.get(`/api/orgs/${org.id}/staff/${ann.id}`)).json.record;
    // The workplace left unchosen, and paid a salary with only an hourly rate given.
    const bad = { ...row, LOCALESTID: "", SALARYINT: "1", HOURLYRATE: "12.90", SALARY: "" };
    const res = await client.post(`/api/orgs/${org.id}/records/staff`, { asAt: "2026-06-01", records: [bad] });
    expect(res.status).toBe(422);
    const issues = res.json.error.issues as { path: string; message: string }[];
    expect(Object.fromEntries(issues.map((i) => [i.path, i.message]))).toEqual({
      LOCALESTID: "Choose the workplace",
      HOURLYRATE:
        "Leave the hourly rate blank for someone paid an annual salary, or change how they are paid to Hourly rate",
      SALARY: "Enter their annual salary, or choose Don't know for how they are paid",
    });
    // Before: "LOCALESTID is blank…", "set SALARYINT to 999".
    for (const i of issues) expect(i.message).not.toMatch(/LOCALESTID|SALARYINT|SALARY\b|HOURLYRATE|\b\d{3}\b/);
    expect(res.json.error.message).toBe("3 problems to fix; nothing was changed.");

    // A file keeps its column codes, in the problems and in the report people download.
    const staffCsv = readFileSync(`${FIX}valid-staff.csv`, "utf8").replace(",3,,14.10,7,", ",1,,14.10,7,");
    const upload = new FormData();
    upload.append("files", new File([readFileSync(`${FIX}valid-workplace.csv`)], "workplace.csv"));
    upload.append("files", new File([staffCsv], "staff.csv"));
    upload.append("asAt", "2026-06-01");
    const checked = (await (
      await hub.app.request(`/api/orgs/${org.id}/imports`, {
        method: "POST",
        body: upload,
        headers: { cookie: client.cookie, "x-csrf-token": client.csrf },
      })
    ).json()) as { import: { id: string; problems: { column: string; message: string }[] } };
    const salary = checked.import.problems.find((p) => p.column === "SALARY");
    expect(salary?.message).toContain("set SALARYINT to 999");
    const report = await hub.app.request(`/api/orgs/${org.id}/imports/${checked.import.id}/report?format=csv`, {
      headers: { cookie: client.cookie },
    });
    expect(await report.text()).toMatch(/staff\.csv,3,SALARY,staff\.SALARY\.missing/);
  });
});
