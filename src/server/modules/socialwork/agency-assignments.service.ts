import { longDate } from "../../../shared/dates";
import type {
  AgencyAssignmentInput,
  AssignmentsQuery,
  agencyAssignmentInput,
  EndAssignmentInput,
} from "../../../shared/schemas/social-work-agency";
import type { SwService } from "../../../shared/social-work";
import { type AgencyRule, agencyFlags } from "../../../shared/sw-agency-rules";
import { leftBy } from "../../../shared/sw-in-post";
import { inTransaction, type OrgCtx } from "../../context";
import { AppError, badRequest, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { visibleTeamIds } from "./access";
import { auditOf, presentAssignment } from "./agency-assignments.presenter";
import * as repo from "./agency-assignments.repo";

// Agency social workers' assignments with the council (issue 20 item 8): listed for the teams the
// reader may see (socialwork/access.ts), created, changed and ended by the service lead, each
// shown with the DfE rules' flags as of today (shared/sw-agency-rules.ts). Every write audited.

const today = (ctx: OrgCtx) => isoDate(ctx.deps.now());
const invalid = (path: string, message: string) => badRequest("validation", message, [{ path, message }]);

export async function listAssignments(ctx: OrgCtx, query: AssignmentsQuery) {
  const teams = await visibleTeamIds(ctx);
  const now = today(ctx);
  const status = query.status ?? "current";
  const caps = await repo.listCaps(ctx.db, ctx.org.id);
  const rows = (await repo.listAssignments(ctx.db, ctx.org.id, teams)).filter(
    (x) =>
      (!query.service || x.service === query.service) &&
      (status === "all" || (status === "current" ? !leftBy(x.a, now) : leftBy(x.a, now))),
  );
  return {
    assignments: rows.map((x) => presentAssignment(x, caps, now)),
    teams: (await repo.listTeams(ctx.db, ctx.org.id, teams)) as {
      id: string;
      name: string;
      service: "adults" | "children";
    }[],
  };
}

/** An assignment in a team the reader may see, or 404. */
async function visible(ctx: OrgCtx, id: string) {
  const x = await repo.findAssignment(ctx.db, ctx.org.id, id);
  if (!x || !(await visibleTeamIds(ctx)).includes(x.a.teamId)) throw notFound("agency assignment");
  return x;
}

export async function getAssignment(ctx: OrgCtx, id: string) {
  const x = await visible(ctx, id);
  return presentAssignment(x, await repo.listCaps(ctx.db, ctx.org.id), today(ctx));
}

async function checkTeam(ctx: OrgCtx, teamId: string) {
  const team = await repo.findTeam(ctx.db, ctx.org.id, teamId);
  if (!team || team.archivedAt) throw invalid("teamId", "Choose one of the council's current social work teams");
  return team;
}

type Parsed = ReturnType<typeof agencyAssignmentInput.parse>;

/** The form field each rule's facts are entered in, so a refusal can point at it. */
const RULE_FIELD: Record<AgencyRule, string> = {
  pqe: "pqeYears",
  price_cap: "hourlyRate",
  notice: "noticeWeeks",
  cooling_off: "leftSubstantiveOn",
  reference: "referenceReceived",
  project_team: "projectTeam",
};

/**
 * The DfE agency rules (shared/sw-agency-rules.ts, as of today) the assignment would break. Saving
 * one that breaks any needs `acknowledgedFlags`: otherwise 422 listing each, so neither the page nor
 * an API client records a breach without someone having seen it. Returns the rules acknowledged.
 */
async function checkRules(ctx: OrgCtx, input: Parsed, service: SwService): Promise<AgencyRule[]> {
  const { acknowledgedFlags, ...facts } = input;
  const caps = await repo.listCaps(ctx.db, ctx.org.id);
  const breaches = agencyFlags({ ...facts, service }, caps, today(ctx)).filter((f) => f.level === "breach");
  if (breaches.length && !acknowledgedFlags)
    throw new AppError(
      422,
      "agency_rules_broken",
      `This assignment would break ${breaches.length === 1 ? "1 of the DfE agency rules" : `${breaches.length} of the DfE agency rules`}. Change the details, or save it with these flags by confirming them (acknowledgedFlags: true).`,
      breaches.map((f) => ({ path: RULE_FIELD[f.rule], message: f.text })),
    );
  return breaches.map((f) => f.rule);
}

export async function createAssignment(ctx: OrgCtx, input: Parsed) {
  const team = await checkTeam(ctx, input.teamId);
  const flagged = await checkRules(ctx, input, team.service as SwService);
  const { acknowledgedFlags: _, ...values } = input;
  return inTransaction(ctx, async (tx) => {
    const row = await repo.insertAssignment(tx.db, { ...values, orgId: ctx.org.id });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "create",
      entityType: "sw_agency_assignment",
      entityId: row.id,
      after: { ...auditOf(row), ...(flagged.length ? { savedWithFlags: flagged } : {}) },
    });
    return getAssignment(tx, row.id);
  });
}

export async function updateAssignment(ctx: OrgCtx, id: string, input: Parsed) {
  const before = await visible(ctx, id);
  const team = await checkTeam(ctx, input.teamId);
  const flagged = await checkRules(ctx, input, team.service as SwService);
  const { acknowledgedFlags: _, ...values } = input;
  return inTransaction(ctx, async (tx) => {
    const row = await repo.updateAssignment(tx.db, ctx.org.id, id, values);
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "update",
      entityType: "sw_agency_assignment",
      entityId: id,
      before: auditOf(before.a),
      after: { ...auditOf(row), ...(flagged.length ? { savedWithFlags: flagged } : {}) },
    });
    return getAssignment(tx, id);
  });
}

export async function endAssignment(ctx: OrgCtx, id: string, input: EndAssignmentInput) {
  const before = await visible(ctx, id);
  // The end date is the first day out of post (sw-in-post.ts): on the start day, never in post.
  if (input.endDate <= before.a.startDate)
    throw invalid(
      "endDate",
      `The end date is the first day they no longer work for the council: make it after the assignment's start, ${longDate(before.a.startDate)}`,
    );
  return inTransaction(ctx, async (tx) => {
    const row = await repo.updateAssignment(tx.db, ctx.org.id, id, { endDate: input.endDate });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "end",
      entityType: "sw_agency_assignment",
      entityId: id,
      before: { endDate: before.a.endDate },
      after: { endDate: row.endDate },
    });
    return getAssignment(tx, id);
  });
}

export type { AgencyAssignmentInput };
