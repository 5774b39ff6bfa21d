import { type ParsedUpload, staffKey } from "../ascwds/read-upload";
import type { StaffIn, StaffValues } from "../ascwds/staff-file";
import type { TrainingIn, TrainingValues } from "../ascwds/training-file";
import type { DeclaredCount, WorkplaceIn } from "../ascwds/workplace-file";

// What an upload would change, worked out from the parsed files and the organisation's current
// data: pure, so the preview and the commit agree by construction.

export interface WorkplaceState {
  id: string;
  localRef: string;
  values: WorkplaceIn["values"];
  latestDeclared: { asAt: string; counts: DeclaredCount[] } | null;
}
export interface StaffState {
  id: string;
  workplaceRef: string;
  localRef: string;
  personKey: string | null;
  dateOfBirth: string | null;
  values: StaffValues;
  qualifications: StaffIn["qualifications"];
  training: TrainingValues[];
  /** Training the hub recorded from completed sessions: an upload keeps it. */
  hubTraining: TrainingValues[];
}
export interface OrgState {
  workplaces: Map<string, WorkplaceState>;
  /** Current staff (no end date), by staffKey(workplaceRef, localRef). */
  staff: Map<string, StaffState>;
}

export interface StaffChange {
  key: string;
  workplaceRef: string;
  ref: string;
  action: "new" | "update" | "unchanged" | "leave";
  id: string | null;
  changed: string[];
  input: StaffIn;
}
export interface Plan {
  workplaces: {
    ref: string;
    action: "new" | "update" | "unchanged";
    id: string | null;
    changed: string[];
    input: WorkplaceIn;
  }[];
  staff: StaffChange[];
  missing: { id: string; workplaceRef: string; ref: string; displayId: string }[];
  training: { key: string; action: "replace" | "unchanged"; rows: TrainingIn[] }[];
  declared: { workplaceRef: string; counts: DeclaredCount[] }[];
}

/** JSON with object keys sorted: jsonb hands objects back with its own key order. */
const stable = (v: unknown): string =>
  v !== null && typeof v === "object" && !Array.isArray(v)
    ? `{${Object.keys(v as object)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
        .join(",")}}`
    : Array.isArray(v)
      ? `[${v.map(stable).join(",")}]`
      : JSON.stringify(v ?? null);
const isObject = (v: unknown) => v !== null && typeof v === "object";
/** Equal values: primitives compared directly (null and undefined alike), objects as sorted JSON. */
const same = (a: unknown, b: unknown) =>
  isObject(a) || isObject(b) ? stable(a) === stable(b) : (a ?? null) === (b ?? null);

function diff<T extends object>(now: T, next: T): string[] {
  return (Object.keys(next) as (keyof T)[]).filter((k) => !same(now[k], next[k])).map(String);
}

const sortedCounts = (c: DeclaredCount[]) =>
  [...c].sort((a, b) => `${a.kind}${a.code}`.localeCompare(`${b.kind}${b.code}`));
const trainingKey = (t: TrainingValues) =>
  JSON.stringify([
    t.category,
    t.name,
    t.accredited,
    t.whoDelivered,
    t.providerCode,
    t.howDelivered,
    t.validityMonths,
    t.completedOn,
    t.expiresOn,
    t.notes,
  ]);

export function planImport(parsed: ParsedUpload, state: OrgState, personKeyOf: (ni: string) => string): Plan {
  const plan: Plan = { workplaces: [], staff: [], missing: [], training: [], declared: [] };
  const employed = new Map<string, number>();
  for (const s of state.staff.values())
    if (s.values.contractType === 1 || s.values.contractType === 2)
      employed.set(s.workplaceRef, (employed.get(s.workplaceRef) ?? 0) + 1);

  for (const w of parsed.workplaces) {
    const now = state.workplaces.get(w.localRef);
    if (!now) plan.workplaces.push({ ref: w.localRef, action: "new", id: null, changed: [], input: w });
    else {
      // With no declared total stored, a downloaded file carries the hub's own count: not a change.
      const nowValues =
        now.values.declaredStaffTotal === null && w.values.declaredStaffTotal === (employed.get(w.localRef) ?? 0)
          ? { ...now.values, declaredStaffTotal: w.values.declaredStaffTotal }
          : now.values;
      const changed = diff(nowValues, w.values);
      plan.workplaces.push({
        ref: w.localRef,
        action: changed.length ? "update" : "unchanged",
        id: now.id,
        changed,
        input: w,
      });
    }
    // Declared counts are recorded when they differ from the latest ones declared.
    if (
      w.declared.length &&
      !(now?.latestDeclared && same(sortedCounts(now.latestDeclared.counts), sortedCounts(w.declared)))
    ) {
      plan.declared.push({ workplaceRef: w.localRef, counts: w.declared });
    }
  }

  const listed = new Set<string>();
  const staffWorkplaces = new Set<string>();
  for (const s of parsed.staff) {
    const key = staffKey(s.workplaceRef, s.localRef);
    listed.add(key);
    staffWorkplaces.add(s.workplaceRef);
    const now = state.staff.get(key);
    if (s.status === "DELETE") {
      if (now)
        plan.staff.push({
          key,
          workplaceRef: s.workplaceRef,
          ref: s.localRef,
          action: "leave",
          id: now.id,
          changed: ["endDate"],
          input: s,
        });
      continue;
    }
    if (!now) {
      plan.staff.push({
        key,
        workplaceRef: s.workplaceRef,
        ref: s.localRef,
        action: "new",
        id: null,
        changed: [],
        input: s,
      });
      continue;
    }
    // Fields the file gave as "Admin" keep their stored values.
    for (const field of s.kept) (s.values as unknown as Record<string, unknown>)[field] = now.values[field];
    const changed = diff(now.values, s.values);
    if (s.ni !== "keep" && (s.ni ? personKeyOf(s.ni) : null) !== now.personKey) changed.push("niNumber");
    if (s.dateOfBirth !== "keep" && s.dateOfBirth !== now.dateOfBirth) changed.push("dateOfBirth");
    if (!same(now.qualifications, s.qualifications)) changed.push("qualifications");
    if (s.newLocalRef && s.newLocalRef !== s.localRef) changed.push("localRef");
    if (s.transferTo) changed.push("workplace");
    plan.staff.push({
      key,
      workplaceRef: s.workplaceRef,
      ref: s.localRef,
      action: changed.length ? "update" : "unchanged",
      id: now.id,
      changed,
      input: s,
    });
  }

  // A staff file lists everyone at the workplaces it covers: current staff it leaves out are
  // "missing". They are never removed silently; the person uploading decides what happens.
  if (parsed.hasStaffFile) {
    const covered = new Set([...staffWorkplaces, ...parsed.workplaces.map((w) => w.localRef)]);
    for (const [key, s] of state.staff) {
      if (covered.has(s.workplaceRef) && !listed.has(key))
        plan.missing.push({ id: s.id, workplaceRef: s.workplaceRef, ref: s.localRef, displayId: s.values.displayId });
    }
  }

  // Training: the file's rows for a staff record replace that record's training when they differ.
  const byStaff = new Map<string, TrainingIn[]>();
  for (const t of parsed.training) {
    const key = staffKey(t.workplaceRef, t.staffRef);
    byStaff.set(key, [...(byStaff.get(key) ?? []), t]);
  }
  // Only records that are current or that this upload creates can take training: a row for
  // someone who has left (a DELETE row applied by an earlier upload of the same files) has no
  // record to attach to, and inserting it failed on the missing staff record id.
  const created = new Set(plan.staff.filter((s) => s.action === "new").map((s) => s.key));
  for (const [key, rows] of byStaff) {
    const now = state.staff.get(key);
    if (!now && !created.has(key)) continue;
    const nextKeys = rows.map((r) => trainingKey(r.values)).sort();
    // The hub's own completions are kept whatever the file says; one the file also holds counts as in it.
    const inFile = new Set(nextKeys);
    const kept = (now?.hubTraining ?? []).map(trainingKey).filter((k) => inFile.has(k));
    const nowKeys = [...(now?.training ?? []).map(trainingKey), ...kept].sort();
    plan.training.push({ key, action: now && same(nowKeys, nextKeys) ? "unchanged" : "replace", rows });
  }
  return plan;
}

export interface PreviewWorkplace {
  ref: string;
  name: string;
  action: "new" | "update" | "unchanged" | "not in workplace file";
  changed: string[];
  staff: { new: number; updated: number; unchanged: number; leaving: number; missing: number };
  updates: { ref: string; fields: string[] }[];
}

export interface Preview {
  workplaces: PreviewWorkplace[];
  missing: Plan["missing"];
  /** Staff the file marks DELETE: the person uploading says why each left before saving. */
  leavers: Plan["missing"];
  training: { staffRecords: number; replaced: number; unchanged: number };
  declaredCounts: number;
  totals: {
    new: number;
    updated: number;
    unchanged: number;
    leaving: number;
    missing: number;
    workplacesNew: number;
    workplacesUpdated: number;
  };
}

/** What the person uploading sees before anything changes. */
export function previewOf(plan: Plan, state: OrgState): Preview {
  const byRef = new Map<string, PreviewWorkplace>();
  const get = (ref: string) => {
    let w = byRef.get(ref);
    if (!w) {
      const planned = plan.workplaces.find((p) => p.ref === ref);
      w = {
        ref,
        name: planned?.input.values.name ?? state.workplaces.get(ref)?.values.name ?? ref,
        action: planned?.action ?? "not in workplace file",
        changed: planned?.changed ?? [],
        staff: { new: 0, updated: 0, unchanged: 0, leaving: 0, missing: 0 },
        updates: [],
      };
      byRef.set(ref, w);
    }
    return w;
  };
  for (const w of plan.workplaces) get(w.ref);
  for (const s of plan.staff) {
    const w = get(s.workplaceRef);
    if (s.action === "new") w.staff.new++;
    else if (s.action === "unchanged") w.staff.unchanged++;
    else if (s.action === "leave") w.staff.leaving++;
    else {
      w.staff.updated++;
      if (w.updates.length < 200) w.updates.push({ ref: s.ref, fields: s.changed });
    }
  }
  for (const m of plan.missing) get(m.workplaceRef).staff.missing++;
  const workplaces = [...byRef.values()];
  const sum = (f: (w: PreviewWorkplace) => number) => workplaces.reduce((a, w) => a + f(w), 0);
  const leavers = plan.staff
    .filter((s) => s.action === "leave")
    .map((s) => ({
      id: s.id as string,
      workplaceRef: s.workplaceRef,
      ref: s.ref,
      displayId: state.staff.get(s.key)?.values.displayId ?? s.input.values.displayId ?? s.ref,
    }));
  return {
    workplaces,
    missing: plan.missing,
    leavers,
    training: {
      staffRecords: plan.training.length,
      replaced: plan.training.filter((t) => t.action === "replace").length,
      unchanged: plan.training.filter((t) => t.action === "unchanged").length,
    },
    declaredCounts: plan.declared.length,
    totals: {
      new: sum((w) => w.staff.new),
      updated: sum((w) => w.staff.updated),
      unchanged: sum((w) => w.staff.unchanged),
      leaving: sum((w) => w.staff.leaving),
      missing: plan.missing.length,
      workplacesNew: plan.workplaces.filter((w) => w.action === "new").length,
      workplacesUpdated: plan.workplaces.filter((w) => w.action === "update").length,
    },
  };
}
