import { and, eq, isNull } from "drizzle-orm";
import { can } from "../../../shared/permissions";
import type { OrgCtx } from "../../context";
import { staffRecords } from "../../db/schema";
import { decrypt } from "../../lib/crypto";
import { TRAINING_COLUMNS, WORKPLACE_COLUMNS } from "../ascwds/headers";
import { staffKey } from "../ascwds/read-upload";
import { toAscwdsDate } from "../ascwds/row-reader";
import { type StaffOut, staffHeader, staffRows, toCsv, trainingRows, workplaceRows } from "../ascwds/write-files";
import { loadOrgState } from "./imports.repo";

/**
 * The organisation's current data as the three ASC-WDS files. NI numbers and dates of birth are
 * written only for users allowed to see them; for others they read "Admin", which an upload
 * treats as "keep what is stored".
 */
export async function exportAscwds(ctx: OrgCtx) {
  const sensitive = can(ctx.role, "staff.viewSensitive", ctx.actor.isHubAdmin);
  const state = await loadOrgState(ctx.db, ctx.org.id);
  const ni = new Map<string, string | null>();
  if (sensitive) {
    const rows = await ctx.db
      .select({ id: staffRecords.id, niEncrypted: staffRecords.niEncrypted })
      .from(staffRecords)
      .where(and(eq(staffRecords.orgId, ctx.org.id), isNull(staffRecords.endDate)));
    for (const r of rows) ni.set(r.id, r.niEncrypted ? decrypt(ctx.deps.secret, r.niEncrypted) : null);
  }
  const employed = new Map<string, number>();
  for (const s of state.staff.values()) if (s.values.contractType === 1 || s.values.contractType === 2) employed.set(s.workplaceRef, (employed.get(s.workplaceRef) ?? 0) + 1);
  const places = [...state.workplaces.values()].sort((a, b) => a.localRef.localeCompare(b.localRef));
  const staff: StaffOut[] = [...state.staff.values()]
    .sort((a, b) => staffKey(a.workplaceRef, a.localRef).localeCompare(staffKey(b.workplaceRef, b.localRef)))
    .map((s) => ({
      workplaceRef: s.workplaceRef,
      localRef: s.localRef,
      ni: sensitive ? (ni.get(s.id) ?? "") : "Admin",
      dateOfBirth: sensitive ? toAscwdsDate(s.dateOfBirth) : "Admin",
      values: s.values,
      qualifications: s.qualifications,
    }));
  const maxQual = Math.max(3, ...staff.flatMap((s) => s.qualifications.map((q) => q.position)));
  const header = staffHeader(maxQual);
  const training = [...state.staff.values()].flatMap((s) => s.training.map((values) => ({ workplaceRef: s.workplaceRef, staffRef: s.localRef, values })));
  return {
    workplace: toCsv(
      WORKPLACE_COLUMNS,
      workplaceRows(places.map((w) => ({ localRef: w.localRef, values: w.values, declared: w.latestDeclared?.counts ?? [], employedCount: employed.get(w.localRef) ?? 0 }))),
    ),
    staff: toCsv(header, staffRows(staff, header)),
    training: toCsv(TRAINING_COLUMNS, trainingRows(training)),
    counts: { workplaces: places.length, staff: staff.length, training: training.length },
  };
}

/** One current staff record as its ASC-WDS staff-file row (column → value), for the edit screen. */
export async function staffRowOf(ctx: OrgCtx, staffId: string): Promise<Record<string, string> | null> {
  const files = await exportAscwds(ctx);
  const [header, ...lines] = files.staff.trim().split("\r\n");
  const state = await loadOrgState(ctx.db, ctx.org.id);
  const target = [...state.staff.values()].find((s) => s.id === staffId);
  if (!target) return null;
  const { parseCsv } = await import("../ascwds/csv");
  const cols = header.split(",");
  for (const row of parseCsv(lines.join("\n"))) {
    const record = Object.fromEntries(cols.map((c, i) => [c, row.cells[i] ?? ""]));
    if (record.LOCALESTID === target.workplaceRef && record.UNIQUEWORKERID === target.localRef) return record;
  }
  return null;
}
