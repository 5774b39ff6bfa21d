import {
  applicationListQuery,
  applicationResponse,
  applicationsResponse,
  bulkMoveInput,
  bulkMoveResponse,
  checkShareInput,
  checkSharesResponse,
  checksInput,
  checksResponse,
  EMAIL_TEMPLATE_KINDS,
  type EmailTemplateKind,
  emailTemplateInput,
  emailTemplatesResponse,
  moveInput,
  noteInput,
  scoresInput,
  slotInput,
  slotsResponse,
} from "../../../shared/schemas/recruitment";
import type { OrgCtx } from "../../context";
import { orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import { notFound } from "../../lib/errors";
import * as checks from "./checks.service";
import { PLACEHOLDERS } from "./templates";
import { presentChecks, presentDetail, presentSummary } from "./tracking.presenter";
import * as service from "./tracking.service";

// An employer's applicant tracking (issue 17 items 5 and 6): stages, notes, values scores, interview slots, email templates, pre-employment checks.

const apps = "/api/orgs/:orgId/recruitment/applications";
const tag = "Recruitment";
const view = { tag, scope: "org", permission: "recruitment.view" } as const;
const manage = { tag, scope: "org", permission: "recruitment.manage" } as const;
const checking = { tag, scope: "org", permission: "recruitment.checks" } as const;
const appId = (c: Parameters<typeof idParam>[0]) => idParam(c, "applicationId", "application");

const detail = async (ctx: OrgCtx, id: string) => ({
  application: presentDetail(await service.getApplication(ctx, id)),
});

async function slotsOf(ctx: OrgCtx, advertId: string) {
  return {
    slots: (await service.listSlots(ctx, advertId)).map(({ slot, name }) => ({
      id: slot.id,
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
      place: slot.place,
      booked: slot.applicationId ? { applicationId: slot.applicationId, name: name ?? "" } : null,
    })),
  };
}

async function checksOf(ctx: OrgCtx, id: string) {
  const c = await checks.getChecks(ctx, id);
  return {
    checks: presentChecks(c.own),
    checklist: c.checklist,
    shared: c.shared.map((s) => ({
      consentId: s.consentId,
      employer: s.employer,
      checks: presentChecks(s.checks),
      checklist: s.checklist,
    })),
  };
}

async function sharesOf(ctx: OrgCtx) {
  return {
    shares: (await checks.listShares(ctx)).map((s) => ({
      id: s.share.id,
      from: { applicationId: s.fromApplicationId, employer: s.fromEmployer },
      to: { employer: s.toEmployer },
      grantedAt: s.share.grantedAt.toISOString(),
      withdrawnAt: s.share.withdrawnAt?.toISOString() ?? null,
    })),
  };
}

export function trackingRoutes(r: Router) {
  r.define(
    {
      ...view,
      method: "get",
      path: apps,
      response: applicationsResponse,
      summary: "Applications to the organisation's adverts (filter by advert and stage), with counts by stage",
      query: applicationListQuery,
    },
    async (c, { query }) => {
      const { rows, counts } = await service.listApplications(orgCtxOf(c), query);
      return c.json({ applications: rows.map(presentSummary), counts });
    },
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${apps}/move`,
      response: bulkMoveResponse,
      summary: "Move many applications to one stage, all or nothing",
      body: bulkMoveInput,
    },
    async (c, { body }) => c.json({ moved: await service.bulkMove(orgCtxOf(c), body) }),
  );
  r.define(
    {
      ...view,
      method: "get",
      path: `${apps}/:applicationId`,
      response: applicationResponse,
      summary: "One application: what the candidate shared, answers, history, notes and scores",
    },
    async (c) => c.json(await detail(orgCtxOf(c), appId(c))),
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${apps}/:applicationId/move`,
      response: applicationResponse,
      summary:
        "Move an application to a stage (a reason when not taken forward; the staff record's details when started)",
      body: moveInput,
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const id = appId(c);
      await service.moveApplication(ctx, id, body);
      return c.json(await detail(ctx, id));
    },
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${apps}/:applicationId/notes`,
      response: applicationResponse,
      summary: "Add a note to an application",
      body: noteInput,
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const id = appId(c);
      await service.addNote(ctx, id, body.body);
      return c.json(await detail(ctx, id), 201);
    },
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${apps}/:applicationId/scores`,
      response: applicationResponse,
      summary: "Score the job's values 1 to 5 against the rubric, with evidence (one assessor)",
      body: scoresInput,
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const id = appId(c);
      await service.addScores(ctx, id, body);
      return c.json(await detail(ctx, id), 201);
    },
  );
  r.define(
    {
      ...checking,
      method: "get",
      path: `${apps}/:applicationId/checks`,
      response: checksResponse,
      summary:
        "Pre-employment checks for an application, the checklist, and checks other employers did that the candidate shared",
    },
    async (c) => c.json(await checksOf(orgCtxOf(c), appId(c))),
  );
  r.define(
    {
      ...checking,
      method: "put",
      path: `${apps}/:applicationId/checks`,
      response: checksResponse,
      summary:
        "Record pre-employment checks (CQC Schedule 3 and right to work), and what was relied on from a shared bundle",
      body: checksInput,
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const id = appId(c);
      await checks.saveChecks(ctx, id, body);
      return c.json(await checksOf(ctx, id));
    },
  );

  r.define(
    {
      ...view,
      method: "get",
      path: "/api/orgs/:orgId/recruitment/email-templates",
      response: emailTemplatesResponse,
      summary: "The emails candidates get at each stage (the organisation's wording, or the defaults)",
    },
    async (c) => c.json({ templates: await service.listTemplates(orgCtxOf(c)), placeholders: [...PLACEHOLDERS] }),
  );
  r.define(
    {
      ...manage,
      method: "put",
      path: "/api/orgs/:orgId/recruitment/email-templates/:kind",
      response: emailTemplatesResponse,
      summary: "Change the wording of one email candidates get",
      body: emailTemplateInput,
    },
    async (c, { body }) => {
      const kind = c.req.param("kind") as EmailTemplateKind;
      if (!EMAIL_TEMPLATE_KINDS.includes(kind)) throw notFound("email");
      const ctx = orgCtxOf(c);
      await service.saveTemplate(ctx, kind, body);
      return c.json({ templates: await service.listTemplates(ctx), placeholders: [...PLACEHOLDERS] });
    },
  );

  r.define(
    {
      ...view,
      method: "get",
      path: "/api/orgs/:orgId/recruitment/adverts/:advertId/slots",
      response: slotsResponse,
      summary: "Interview times offered for an advert, and who booked each",
    },
    async (c) => c.json(await slotsOf(orgCtxOf(c), idParam(c, "advertId", "advert"))),
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: "/api/orgs/:orgId/recruitment/adverts/:advertId/slots",
      response: slotsResponse,
      summary: "Offer an interview time for an advert",
      body: slotInput,
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const advertId = idParam(c, "advertId", "advert");
      await service.addSlot(ctx, advertId, body);
      return c.json(await slotsOf(ctx, advertId), 201);
    },
  );
  r.define(
    {
      ...manage,
      method: "delete",
      path: "/api/orgs/:orgId/recruitment/slots/:slotId",
      response: slotsResponse,
      summary: "Remove an interview time nobody has booked",
    },
    async (c) => {
      const ctx = orgCtxOf(c);
      const advertId = await service.removeSlot(ctx, idParam(c, "slotId", "interview time"));
      return c.json(await slotsOf(ctx, advertId));
    },
  );

  // The candidate's consent to share one employer's checks with another.
  const candidate = { tag, scope: "org", permission: "candidate.self", orgKinds: ["council"] } as const;
  r.define(
    {
      ...candidate,
      method: "get",
      path: "/api/orgs/:orgId/candidate/check-shares",
      response: checkSharesResponse,
      summary: "The candidate's consents to share pre-employment checks between employers",
    },
    async (c) => c.json(await sharesOf(orgCtxOf(c))),
  );
  r.define(
    {
      ...candidate,
      method: "post",
      path: "/api/orgs/:orgId/candidate/check-shares",
      response: checkSharesResponse,
      summary: "Let the employer of one application see the checks another employer did for the candidate",
      body: checkShareInput,
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      await checks.shareChecks(ctx, body);
      return c.json(await sharesOf(ctx), 201);
    },
  );
  r.define(
    {
      ...candidate,
      method: "post",
      path: "/api/orgs/:orgId/candidate/check-shares/:shareId/withdraw",
      response: checkSharesResponse,
      summary: "Withdraw consent to share checks: the other employer no longer sees them",
    },
    async (c) => {
      const ctx = orgCtxOf(c);
      await checks.withdrawShare(ctx, idParam(c, "shareId", "consent"));
      return c.json(await sharesOf(ctx));
    },
  );
}
