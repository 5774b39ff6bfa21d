import { longDate } from "../../../shared/dates";
import type { TraineeInput, TraineeOutcomeInput, TraineesQuery } from "../../../shared/schemas/social-work-routes-in";
import { SW_ROLES, type SwRoleInfo } from "../../../shared/social-work";
import { inPostOn, leftBy } from "../../../shared/sw-in-post";
import { inTransaction, type OrgCtx } from "../../context";
import { badRequest, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { seesWholeService, visibleTeamIds } from "./access";
import { syncPayments, traineePayments } from "./practice-educators.service";
import { presentTraineeDetail, presentTraineeSummary } from "./trainees.presenter";
import * as repo from "./trainees.repo";

// Trainees (issue 20 item 2): students on placement with their practice educator and ESG,
// apprentices and sponsored master's students with cost and commitment to stay, Step Up,
// Frontline and Think Ahead trainees; their outcome (qualified or withdrawn) and, once they join,
// the staff record of their job. The service lead sees and records every trainee; a team manager
// sees those placed in the teams they manage (a trainee with no team: the service lead only).
// Each write is audited without the trainee's name.

const today = (ctx: OrgCtx) => isoDate(ctx.deps.now());
const invalid = (path: string, message: string) => badRequest("validation", message, [{ path, message }]);

/** The trainees the acting user may see: every one, or those in the teams they manage. */
export async function traineeScope(ctx: OrgCtx): Promise<repo.TeamScope> {
  if (seesWholeService(ctx)) return { all: true };
  return { all: false, teamIds: await visibleTeamIds(ctx) };
}

async function visibleTrainee(ctx: OrgCtx, id: string) {
  const row = await repo.findTrainee(ctx.db, ctx.org.id, id);
  if (!row) throw notFound("trainee");
  const scope = await traineeScope(ctx);
  if (!scope.all && !(row.t.teamId && scope.teamIds.includes(row.t.teamId))) throw notFound("trainee");
  return row;
}

export async function listTrainees(ctx: OrgCtx, filter: TraineesQuery) {
  const rates = await repo.findRates(ctx.db, ctx.org.id);
  const rows = await repo.listTrainees(ctx.db, ctx.org.id, await traineeScope(ctx), filter);
  return rows.map((r) => presentTraineeSummary(r, rates));
}

export async function getTrainee(ctx: OrgCtx, id: string) {
  const row = await visibleTrainee(ctx, id);
  const rates = await repo.findRates(ctx.db, ctx.org.id);
  return presentTraineeDetail(row, rates, await traineePayments(ctx, id));
}

/** The checks beyond the schema: the team is the council's, the practice educator one of its PEs. */
async function checkTrainee(ctx: OrgCtx, input: TraineeInput) {
  if (input.teamId) {
    const team = await repo.findTeam(ctx.db, ctx.org.id, input.teamId);
    if (!team) throw invalid("teamId", "Choose one of your social work service's teams");
  }
  if (input.practiceEducatorStaffId) {
    const pe = await repo.findWorker(ctx.db, ctx.org.id, input.practiceEducatorStaffId);
    if (!pe) throw invalid("practiceEducatorStaffId", "Choose a practice educator from your social work service");
    if (pe.peStage === null)
      throw invalid(
        "practiceEducatorStaffId",
        `${pe.name} has no practice educator stage on their record: choose a practice educator, or record their stage first`,
      );
    // An end date is the first day out of post (sw-in-post.ts), so one on the start day is too late.
    if (pe.endDate && leftBy(pe, input.startDate))
      throw invalid(
        "practiceEducatorStaffId",
        `${pe.name} left on ${longDate(pe.endDate)}, so is not in post when the placement starts: choose a practice educator in post`,
      );
  }
}

const columns = (input: TraineeInput): repo.TraineeValues => ({
  route: input.route,
  name: input.name,
  teamId: input.teamId,
  university: input.university,
  programme: input.programme,
  cohort: input.cohort,
  startDate: input.startDate,
  endDate: input.endDate,
  placementDays: input.placementDays,
  skillsDays: input.skillsDays,
  practiceEducatorStaffId: input.practiceEducatorStaffId,
  esgClaimedOn: input.esgClaimedOn,
  esgAmount: input.esgAmount,
  cost: input.cost,
  commitmentMonths: input.commitmentMonths,
  repaymentTerms: input.repaymentTerms,
});

/** What the audit log keeps of a trainee: no name, nothing typed about them. */
const auditOf = (t: repo.TraineeRow) => ({
  route: t.route,
  teamId: t.teamId,
  startDate: t.startDate,
  endDate: t.endDate,
  placementDays: t.placementDays,
  skillsDays: t.skillsDays,
  practiceEducatorStaffId: t.practiceEducatorStaffId,
  esgClaimedOn: t.esgClaimedOn,
  esgAmount: t.esgAmount,
  cost: t.cost,
  commitmentMonths: t.commitmentMonths,
  repaymentTerms: t.repaymentTerms,
  status: t.status,
  qualifiedOn: t.qualifiedOn,
  staffRecordId: t.staffRecordId,
});

export async function createTrainee(ctx: OrgCtx, input: TraineeInput) {
  await checkTrainee(ctx, input);
  return inTransaction(ctx, async (tx) => {
    const made = await repo.insertTrainee(tx.db, tx.org.id, columns(input));
    await syncPayments(tx, made);
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "sw_trainee",
      entityId: made.id,
      after: auditOf(made),
    });
    return getTrainee(tx, made.id);
  });
}

/** Changes a trainee, keeps its PE payments in step and audits it, in one transaction. */
function saveChange(ctx: OrgCtx, before: repo.TraineeRow, set: Partial<repo.TraineeValues>) {
  return inTransaction(ctx, async (tx) => {
    const after = await repo.updateTrainee(tx.db, tx.org.id, before.id, set);
    await syncPayments(tx, after);
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "sw_trainee",
      entityId: before.id,
      before: auditOf(before),
      after: auditOf(after),
    });
    return getTrainee(tx, before.id);
  });
}

export async function updateTrainee(ctx: OrgCtx, id: string, input: TraineeInput) {
  const before = await visibleTrainee(ctx, id);
  await checkTrainee(ctx, input);
  if (before.t.status === "withdrawn" && input.endDate === null)
    throw invalid("endDate", "Enter the end date: the trainee withdrew, and their end date is when");
  return saveChange(ctx, before.t, columns(input));
}

/**
 * Records how training ended: qualified on a day (and, once they join, the staff record of their
 * job, which must be a registered social worker of this council's service who started after the
 * training did); withdrawn on a day (the end date becomes that day); or back to in training.
 */
export async function recordOutcome(ctx: OrgCtx, id: string, input: TraineeOutcomeInput) {
  const before = await visibleTrainee(ctx, id);
  if (input.on && input.on < before.t.startDate)
    throw invalid("on", `The date must be on or after the training started, ${longDate(before.t.startDate)}`);
  if (input.on && input.on > today(ctx)) throw invalid("on", "The date cannot be in the future");
  if (input.staffRecordId) {
    const worker = await repo.findWorker(ctx.db, ctx.org.id, input.staffRecordId);
    if (!worker) throw invalid("staffRecordId", "Choose a social worker from your council's social work service");
    if (!(SW_ROLES as Record<string, SwRoleInfo>)[worker.role]?.socialWorker)
      throw invalid(
        "staffRecordId",
        `${worker.name} is not in a registered social worker's role: choose the record of their social work job`,
      );
    if (worker.startDate < before.t.startDate)
      throw invalid(
        "staffRecordId",
        `${worker.name}'s job started on ${longDate(worker.startDate)}, before the training did: choose the record of the job they took after qualifying`,
      );
  }
  const set: Partial<repo.TraineeValues> =
    input.outcome === "qualified"
      ? { status: "qualified", qualifiedOn: input.on, staffRecordId: input.staffRecordId }
      : input.outcome === "withdrawn"
        ? { status: "withdrawn", qualifiedOn: null, staffRecordId: null, endDate: input.on }
        : { status: "in_training", qualifiedOn: null, staffRecordId: null };
  return saveChange(ctx, before.t, set);
}

/** What the trainee forms need: teams, practice educators in post, social workers to link, the rates. */
export async function traineeOptions(ctx: OrgCtx) {
  const day = today(ctx);
  const roles = SW_ROLES as Record<string, SwRoleInfo>;
  const workers = await repo.listWorkers(ctx.db, ctx.org.id);
  const rates = await repo.findRates(ctx.db, ctx.org.id);
  return {
    teams: (await repo.listTeams(ctx.db, ctx.org.id)).map((t) => ({
      id: t.id,
      name: t.name,
      service: t.service as "adults" | "children",
    })),
    practiceEducators: workers
      .filter((w) => w.peStage !== null && inPostOn(w, day))
      .map((w) => ({
        staffRecordId: w.staffRecordId,
        name: w.name,
        teamName: w.teamName,
        peStage: w.peStage as number,
      })),
    workers: workers
      .filter((w) => roles[w.role]?.socialWorker)
      .map((w) => ({
        staffRecordId: w.staffRecordId,
        name: w.name,
        teamName: w.teamName,
        startDate: w.startDate,
        endDate: w.endDate,
      })),
    rates,
  };
}
