import { can } from "../../../shared/permissions";
import type { OrgCtx } from "../../context";
import { decrypt } from "../../lib/crypto";
import { TRAINING_COLUMNS, WORKPLACE_COLUMNS } from "../ascwds/headers";
import { staffKey } from "../ascwds/read-upload";
import { toAscwdsDate } from "../ascwds/row-reader";
import { type StaffOut, staffHeader, staffRows, toCsv, trainingRows, workplaceRows } from "../ascwds/write-files";
import { findCurrentNiNumbers, loadOrgState } from "./imports.repo";
import type { StaffState } from "./plan";

/** Staff records as ASC-WDS rows' inputs; identifiers and special category data only for those allowed. */
async function staffOut(ctx: OrgCtx, records: StaffState[]): Promise<StaffOut[]> {
  const sensitive = can(ctx.role, "staff.viewSensitive", ctx.actor.isHubAdmin);
  const ni = new Map<string, string | null>();
  if (sensitive && records.length) {
    const rows = await findCurrentNiNumbers(ctx.db, ctx.org.id, records.length === 1 ? records[0].id : undefined);
    for (const r of rows) ni.set(r.id, r.niEncrypted ? decrypt(ctx.deps.secret, r.niEncrypted) : null);
  }
  return records.map((s) => ({
    workplaceRef: s.workplaceRef,
    localRef: s.localRef,
    ni: sensitive ? (ni.get(s.id) ?? "") : "Admin",
    dateOfBirth: sensitive ? toAscwdsDate(s.dateOfBirth) : "Admin",
    special: sensitive,
    values: s.values,
    qualifications: s.qualifications,
  }));
}

const headerFor = (staff: StaffOut[]) =>
  staffHeader(Math.max(3, ...staff.flatMap((s) => s.qualifications.map((q) => q.position))));

/**
 * The organisation's current data as the three ASC-WDS files. NI numbers, dates of birth,
 * ethnicity and disability are written only for users allowed to see them; for others they read
 * "Admin", which an upload treats as "keep what is stored".
 */
export async function exportAscwds(ctx: OrgCtx) {
  const state = await loadOrgState(ctx.db, ctx.org.id);
  const employed = new Map<string, number>();
  for (const s of state.staff.values())
    if (s.values.contractType === 1 || s.values.contractType === 2)
      employed.set(s.workplaceRef, (employed.get(s.workplaceRef) ?? 0) + 1);
  const places = [...state.workplaces.values()].sort((a, b) => a.localRef.localeCompare(b.localRef));
  const current = [...state.staff.values()].sort((a, b) =>
    staffKey(a.workplaceRef, a.localRef).localeCompare(staffKey(b.workplaceRef, b.localRef)),
  );
  const staff = await staffOut(ctx, current);
  const header = headerFor(staff);
  // Completions the hub recorded from training sessions are part of the person's training: the
  // download holds them (an upload of the same file matches them, imports/plan.ts), so a provider
  // sees them in its ASC-WDS file with no upload (issue 18).
  const training = current.flatMap((s) =>
    [...s.training, ...s.hubTraining].map((values) => ({ workplaceRef: s.workplaceRef, staffRef: s.localRef, values })),
  );
  return {
    workplace: toCsv(
      WORKPLACE_COLUMNS,
      workplaceRows(
        places.map((w) => ({
          localRef: w.localRef,
          values: w.values,
          declared: w.latestDeclared?.counts ?? [],
          employedCount: employed.get(w.localRef) ?? 0,
        })),
      ),
    ),
    staff: toCsv(header, staffRows(staff, header)),
    training: toCsv(TRAINING_COLUMNS, trainingRows(training)),
    counts: { workplaces: places.length, staff: staff.length, training: training.length },
  };
}

/** One current staff record as its ASC-WDS staff-file row (column → value), for the edit screen. */
export async function staffRowOf(ctx: OrgCtx, staffId: string): Promise<Record<string, string> | null> {
  const state = await loadOrgState(ctx.db, ctx.org.id);
  const target = [...state.staff.values()].find((s) => s.id === staffId);
  if (!target) return null;
  const staff = await staffOut(ctx, [target]);
  const header = headerFor(staff);
  const [row] = staffRows(staff, header);
  return Object.fromEntries(header.map((c, i) => [c, row[i]]));
}
