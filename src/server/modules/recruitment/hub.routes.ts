import { removedResponse } from "../../../shared/schemas/common";
import {
  campaignInput,
  campaignResponse,
  campaignsResponse,
  funnelQuery,
  funnelResponse,
  publicEventsQuery,
  publicEventsResponse,
  recruitmentEventInput,
  recruitmentEventResponse,
  recruitmentEventsResponse,
  valuesQuestionInput,
  valuesQuestionResponse,
  valuesQuestionsResponse,
} from "../../../shared/schemas/recruitment-hub";
import { systemCtx } from "../../context";
import { orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import * as campaigns from "./campaigns.service";
import { recruitmentFunnel } from "./funnel.service";
import { presentCampaign, presentEvent, presentQuestion } from "./hub.presenter";
import * as questions from "./questions.service";

// The council's recruitment hub (issue 17 items 7 and 8): values questions, campaigns, events, the funnel and retention of hires.

const HUB = { tag: "Recruitment hub", scope: "org", permission: "recruitment.hub", orgKinds: ["council"] } as const;

export function recruitmentHubRoutes(r: Router) {
  r.define(
    {
      ...HUB,
      method: "get",
      path: "/api/orgs/:orgId/recruitment/questions",
      response: valuesQuestionsResponse,
      summary:
        "The hub's values-based questions, retired ones last (a council opening them the first time gets a starting set from the values-based recruitment toolkit)",
    },
    async (c) => c.json({ questions: (await questions.listHubQuestions(orgCtxOf(c))).map(presentQuestion) }),
  );
  r.define(
    {
      ...HUB,
      method: "post",
      path: "/api/orgs/:orgId/recruitment/questions",
      body: valuesQuestionInput,
      response: valuesQuestionResponse,
      summary: "Add a values-based question every application on the council's board answers",
    },
    async (c, { body }) =>
      c.json({ question: presentQuestion(await questions.addHubQuestion(orgCtxOf(c), body)) }, 201),
  );
  r.define(
    {
      ...HUB,
      method: "put",
      path: "/api/orgs/:orgId/recruitment/questions/:questionId",
      body: valuesQuestionInput,
      response: valuesQuestionResponse,
      summary: "Change a values-based question, the value it tests or its guidance",
    },
    async (c, { body }) => {
      const id = idParam(c, "questionId", "question");
      return c.json({ question: presentQuestion(await questions.editHubQuestion(orgCtxOf(c), id, body)) });
    },
  );
  r.define(
    {
      ...HUB,
      method: "post",
      path: "/api/orgs/:orgId/recruitment/questions/:questionId/retire",
      response: valuesQuestionResponse,
      summary: "Retire a values-based question (applications already made keep their answers)",
    },
    async (c) => {
      const id = idParam(c, "questionId", "question");
      return c.json({ question: presentQuestion(await questions.retireHubQuestion(orgCtxOf(c), id)) });
    },
  );

  r.define(
    {
      ...HUB,
      method: "get",
      path: "/api/orgs/:orgId/recruitment/campaigns",
      response: campaignsResponse,
      summary: "The council's recruitment campaigns, newest first, each with its tracked link",
    },
    async (c) => {
      const ctx = orgCtxOf(c);
      return c.json({ campaigns: (await campaigns.listCampaigns(ctx)).map((x) => presentCampaign(ctx.org.slug, x)) });
    },
  );
  r.define(
    {
      ...HUB,
      method: "post",
      path: "/api/orgs/:orgId/recruitment/campaigns",
      body: campaignInput,
      response: campaignResponse,
      summary: "Start a recruitment campaign with a tracked code (unique in the council, whatever its case)",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      return c.json({ campaign: presentCampaign(ctx.org.slug, await campaigns.createCampaign(ctx, body)) }, 201);
    },
  );
  r.define(
    {
      ...HUB,
      method: "put",
      path: "/api/orgs/:orgId/recruitment/campaigns/:campaignId",
      body: campaignInput,
      response: campaignResponse,
      summary: "Change a campaign",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const id = idParam(c, "campaignId", "campaign");
      return c.json({ campaign: presentCampaign(ctx.org.slug, await campaigns.editCampaign(ctx, id, body)) });
    },
  );

  r.define(
    {
      ...HUB,
      method: "get",
      path: "/api/orgs/:orgId/recruitment/events",
      response: recruitmentEventsResponse,
      summary: "The council's recruitment events, past and to come, soonest first",
    },
    async (c) => c.json({ events: (await campaigns.listEvents(orgCtxOf(c))).map(presentEvent) }),
  );
  r.define(
    {
      ...HUB,
      method: "post",
      path: "/api/orgs/:orgId/recruitment/events",
      body: recruitmentEventInput,
      response: recruitmentEventResponse,
      summary: "Add a recruitment event (a jobs fair, a pre-employment course with a guaranteed interview)",
    },
    async (c, { body }) => c.json({ event: presentEvent(await campaigns.createEvent(orgCtxOf(c), body)) }, 201),
  );
  r.define(
    {
      ...HUB,
      method: "put",
      path: "/api/orgs/:orgId/recruitment/events/:eventId",
      body: recruitmentEventInput,
      response: recruitmentEventResponse,
      summary: "Change a recruitment event",
    },
    async (c, { body }) => {
      const id = idParam(c, "eventId", "event");
      return c.json({ event: presentEvent(await campaigns.editEvent(orgCtxOf(c), id, body)) });
    },
  );
  r.define(
    {
      ...HUB,
      method: "delete",
      path: "/api/orgs/:orgId/recruitment/events/:eventId",
      response: removedResponse,
      summary: "Take a recruitment event off the calendar",
    },
    async (c) => {
      const id = idParam(c, "eventId", "event");
      return c.json({ removed: await campaigns.deleteEvent(orgCtxOf(c), id) });
    },
  );
  r.define(
    {
      method: "get",
      path: "/api/public/recruitment-events",
      query: publicEventsQuery,
      response: publicEventsResponse,
      tag: "Recruitment hub",
      scope: "public",
      summary: "A council's recruitment events from now on (jobs fairs, pre-employment courses), for its job board",
    },
    async (c, { query }) => {
      const out = await campaigns.publicEvents(systemCtx(c.var.deps), query.council);
      return c.json({ council: out.council, events: out.events.map(presentEvent) });
    },
  );

  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/recruitment/funnel",
      query: funnelQuery,
      response: funnelResponse,
      tag: "Recruitment hub",
      scope: "org",
      permission: "metrics.view",
      orgKinds: ["council", "provider"],
      summary:
        "The recruitment funnel over a period (views, applications, screened, interviews, offers, starts) by employer, role, campaign and source, time to hire, and retention of hires at 3, 6 and 12 months by recruitment route. A council reads across the employers on its board over whole quarters that have ended (the dates snapped to them; retention taken at the period's end), with counts protected as the figures are and withheld wherever any quarter withholds them (docs/metrics.md); an employer reads its own, over any days",
    },
    async (c, { query }) => c.json(await recruitmentFunnel(orgCtxOf(c), query)),
  );
}
