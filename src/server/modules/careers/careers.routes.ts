import type { Framework } from "../../../shared/career/framework";
import {
  endorsedResponse,
  frameworkDraftInput,
  frameworkDraftResponse,
  frameworksResponse,
  goalInput,
  goalResponse,
  goalUpdateInput,
  jobTitleInput,
  jobTitleResponse,
  jobTitlesResponse,
  myCareerResponse,
  planResponse,
  planShareInput,
  publicCareersResponse,
  publishedResponse,
  removedResponse,
  savedDraftResponse,
  sharedPlansResponse,
} from "../../../shared/schemas";
import { systemCtx } from "../../context";
import { BODY_LIMITS } from "../../http/body-limit";
import { orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import {
  addJobTitle,
  endorse,
  getDraft,
  listFrameworks,
  listJobTitles,
  publishDraft,
  removeJobTitle,
  saveDraft,
} from "../frameworks/frameworks.service";
import { keptPublicRoadmap, myCareer, PUBLIC_ROADMAP_SECONDS } from "./careers.service";
import { addGoal, myPlan, removeGoal, sharedPlans, shareMyPlan, updateGoal } from "./plans.service";
import { posterPdf } from "./poster";

export function careersRoutes(r: Router) {
  r.define(
    {
      method: "get",
      path: "/api/public/careers",
      response: publicCareersResponse,
      tag: "Careers",
      scope: "public",
      summary:
        "The career framework (pathways, roles, requirements, routes) for the public roadmap; with council=<slug>, local open vacancies for each role",
    },
    async (c) => {
      c.header("cache-control", `public, max-age=${PUBLIC_ROADMAP_SECONDS}`);
      return c.json(await keptPublicRoadmap(systemCtx(c.var.deps), c.req.query("council") || undefined));
    },
  );

  r.define(
    {
      method: "get",
      path: "/api/public/careers/poster.pdf",
      tag: "Careers",
      scope: "public",
      produces: "application/pdf",
      summary: "The career roadmap as a printable A3 poster (PDF); council=<slug> for a council's published framework",
    },
    async (c) => {
      const roadmap = await keptPublicRoadmap(systemCtx(c.var.deps), c.req.query("council") || undefined);
      const pdf = await posterPdf(roadmap.framework, { council: roadmap.council?.name });
      c.header("content-type", "application/pdf");
      // Drawn afresh on every request and public: let browsers and proxies keep it for an hour.
      c.header("cache-control", "public, max-age=3600");
      c.header(
        "content-disposition",
        `inline; filename="career-roadmap${roadmap.council ? `-${roadmap.council.slug}` : ""}.pdf"`,
      );
      return c.body(new Uint8Array(pdf));
    },
  );

  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/my-career",
      response: myCareerResponse,
      tag: "Careers",
      scope: "org",
      permission: "self.view",
      summary:
        "Your place in the career framework and, for each role you could move to, what your records show you have and what you still need",
    },
    async (c) => c.json(await myCareer(orgCtxOf(c))),
  );

  const tag = "Careers";
  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/frameworks",
      response: frameworksResponse,
      tag,
      scope: "org",
      // Not org.view: a council's staff members, candidates and API tokens have no need of its
      // commissioned providers and who has endorsed what.
      permission: "careers.view",
      summary:
        "A council's draft and published career frameworks with who has endorsed each; a provider's commissioning councils' latest frameworks and whether it has endorsed them",
    },
    async (c) => c.json(await listFrameworks(orgCtxOf(c))),
  );
  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/frameworks/draft",
      response: frameworkDraftResponse,
      orgKinds: ["council"],
      tag,
      scope: "org",
      permission: "careers.manage",
      summary:
        "The council's draft framework; until the first save, the framework in force (its latest version, or the shipped one) with id null",
    },
    async (c) => {
      const draft = await getDraft(orgCtxOf(c));
      // Saved drafts were checked in full (saveDraft), so the stored document is a framework.
      return c.json({ id: draft.id, document: draft.document as Framework, updatedAt: draft.updatedAt });
    },
  );
  r.define(
    {
      method: "put",
      path: "/api/orgs/:orgId/frameworks/draft",
      response: savedDraftResponse,
      orgKinds: ["council"],
      tag,
      scope: "org",
      permission: "careers.manage",
      summary: "Replace the draft framework; it is checked in full (shape, links, no dead ends) before it is saved",
      body: frameworkDraftInput,
      maxBody: BODY_LIMITS.document,
    },
    async (c, { body }) => {
      const saved = await saveDraft(orgCtxOf(c), body.document);
      return c.json({ id: saved.id, updatedAt: saved.updatedAt });
    },
  );
  r.define(
    {
      method: "post",
      path: "/api/orgs/:orgId/frameworks/draft/publish",
      response: publishedResponse,
      orgKinds: ["council"],
      tag,
      scope: "org",
      permission: "careers.manage",
      summary: "Publish the draft as the next version (never changed afterwards)",
    },
    async (c) => {
      const row = await publishDraft(orgCtxOf(c));
      return c.json({ id: row.id, version: row.version, publishedAt: row.publishedAt });
    },
  );
  r.define(
    {
      method: "post",
      path: "/api/orgs/:orgId/frameworks/:frameworkId/endorse",
      response: endorsedResponse,
      orgKinds: ["provider"],
      tag,
      scope: "org",
      permission: "careers.endorse",
      summary: "Endorse a published framework of a council that commissions you",
    },
    async (c) => c.json(await endorse(orgCtxOf(c), idParam(c, "frameworkId", "framework"))),
  );
  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/job-titles",
      response: jobTitlesResponse,
      tag,
      scope: "org",
      permission: "careers.view",
      summary: "Your own job titles and the framework roles they map onto",
    },
    async (c) => c.json({ jobTitles: await listJobTitles(orgCtxOf(c)) }),
  );
  r.define(
    {
      method: "post",
      path: "/api/orgs/:orgId/job-titles",
      response: jobTitleResponse,
      orgKinds: ["provider"],
      tag,
      scope: "org",
      permission: "careers.endorse",
      summary: "Map one of your job titles onto a framework role",
      body: jobTitleInput,
    },
    async (c, { body }) => c.json({ jobTitle: await addJobTitle(orgCtxOf(c), body.title, body.roleKey) }, 201),
  );
  r.define(
    {
      method: "delete",
      path: "/api/orgs/:orgId/job-titles/:jobTitleId",
      response: removedResponse,
      orgKinds: ["provider"],
      tag,
      scope: "org",
      permission: "careers.endorse",
      summary: "Remove a job title mapping",
    },
    async (c) => c.json({ removed: (await removeJobTitle(orgCtxOf(c), idParam(c, "jobTitleId", "job title"))).id }),
  );

  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/my-career/plan",
      response: planResponse,
      tag,
      scope: "org",
      permission: "self.view",
      summary: "Your development plan: goals, dates, and whether you share it with your employer's managers",
    },
    async (c) => c.json(await myPlan(orgCtxOf(c))),
  );
  r.define(
    {
      method: "put",
      path: "/api/orgs/:orgId/my-career/plan",
      response: planResponse,
      tag,
      scope: "org",
      permission: "self.view",
      summary: "Share your development plan with your employer's managers, or stop sharing it",
      body: planShareInput,
    },
    async (c, { body }) => c.json(await shareMyPlan(orgCtxOf(c), body.shared)),
  );
  r.define(
    {
      method: "post",
      path: "/api/orgs/:orgId/my-career/goals",
      response: goalResponse,
      tag,
      scope: "org",
      permission: "self.view",
      summary: "Add a goal to your development plan",
      body: goalInput,
    },
    async (c, { body }) => c.json({ goal: await addGoal(orgCtxOf(c), body) }, 201),
  );
  r.define(
    {
      method: "patch",
      path: "/api/orgs/:orgId/my-career/goals/:goalId",
      response: goalResponse,
      tag,
      scope: "org",
      permission: "self.view",
      summary: "Mark a goal done (doneOn) or move its date",
      body: goalUpdateInput,
    },
    async (c, { body }) => c.json({ goal: await updateGoal(orgCtxOf(c), idParam(c, "goalId", "goal"), body) }),
  );
  r.define(
    {
      method: "delete",
      path: "/api/orgs/:orgId/my-career/goals/:goalId",
      response: removedResponse,
      tag,
      scope: "org",
      permission: "self.view",
      summary: "Remove a goal from your development plan",
    },
    async (c) => c.json({ removed: (await removeGoal(orgCtxOf(c), idParam(c, "goalId", "goal"))).id }),
  );
  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/career-plans",
      response: sharedPlansResponse,
      tag,
      scope: "org",
      permission: "careers.plans",
      summary: "The development plans your staff have shared with you",
    },
    async (c) => c.json({ plans: await sharedPlans(orgCtxOf(c)) }),
  );
}
