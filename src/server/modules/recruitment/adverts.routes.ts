import {
  advertListQuery,
  advertResponse,
  advertsResponse,
  createAdvertInput,
  payGuideQuery,
  payGuideResponse,
  refuseAdvertInput,
  updateAdvertInput,
} from "../../../shared/schemas/recruitment";
import type { OrgCtx } from "../../context";
import { orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import { presentAdvert } from "./adverts.presenter";
import * as service from "./adverts.service";

// An employer's job adverts (issue 17 item 1): published from vacancy records, closed when filled or at the closing date, moderated by the council's hub.

const base = "/api/orgs/:orgId/recruitment/adverts";
const tag = "Recruitment";
const view = { tag, scope: "org", permission: "recruitment.view" } as const;
const manage = { tag, scope: "org", permission: "recruitment.manage" } as const;
// The council's hub team moderates its board.
const hubTeam = { tag, scope: "org", permission: "recruitment.hub" } as const;
const advertId = (c: Parameters<typeof idParam>[0]) => idParam(c, "advertId", "advert");
/** The answer after any change: the advert as the employer now sees it. */
const advertOf = async (ctx: OrgCtx, id: string) => ({ advert: presentAdvert(await service.getAdvert(ctx, id)) });

export function advertRoutes(r: Router) {
  r.define(
    {
      ...view,
      method: "get",
      path: base,
      response: advertsResponse,
      summary: "The organisation's job adverts, with counts of applications by stage",
      query: advertListQuery,
    },
    async (c, { query }) =>
      c.json({ adverts: (await service.listAdverts(orgCtxOf(c), query.status)).map(presentAdvert) }),
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: base,
      response: advertResponse,
      summary: "Draft a job advert from an open vacancy record",
      body: createAdvertInput,
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const advert = await service.createAdvert(ctx, body);
      return c.json(await advertOf(ctx, advert.id), 201);
    },
  );
  r.define(
    {
      ...view,
      method: "get",
      path: "/api/orgs/:orgId/recruitment/pay-guide",
      response: payGuideResponse,
      summary:
        "The legal minimum and the Real Living Wage to show against an advert's pay, and the framework's roles and values",
      query: payGuideQuery,
    },
    async (c, { query }) => c.json(await service.getPayGuide(orgCtxOf(c), query.band, query.on)),
  );
  r.define(
    {
      ...view,
      method: "get",
      path: `${base}/:advertId`,
      response: advertResponse,
      summary: "One job advert",
    },
    async (c) => c.json(await advertOf(orgCtxOf(c), advertId(c))),
  );
  r.define(
    {
      ...manage,
      method: "patch",
      path: `${base}/:advertId`,
      response: advertResponse,
      summary: "Edit a job advert (not once closed)",
      body: updateAdvertInput,
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const id = advertId(c);
      await service.updateAdvert(ctx, id, body);
      return c.json(await advertOf(ctx, id));
    },
  );
  for (const [action, summary, run] of [
    ["publish", "Publish an advert on the council's job board", service.publishAdvert],
    ["close", "Take an advert off the job board (withdrawn)", service.closeAdvert],
  ] as const)
    r.define(
      {
        ...manage,
        method: "post",
        path: `${base}/:advertId/${action}`,
        response: advertResponse,
        summary,
      },
      async (c) => {
        const ctx = orgCtxOf(c);
        const id = advertId(c);
        await run(ctx, id);
        return c.json(await advertOf(ctx, id));
      },
    );

  // The council's hub moderates the adverts on its board.
  r.define(
    {
      ...hubTeam,
      method: "get",
      path: "/api/orgs/:orgId/recruitment/moderation",
      response: advertsResponse,
      orgKinds: ["council"],
      summary: "The adverts on the council's job board, newest first, to check",
    },
    async (c) => c.json({ adverts: (await service.listBoardForModeration(orgCtxOf(c))).map(presentAdvert) }),
  );
  r.define(
    {
      ...hubTeam,
      method: "post",
      path: "/api/orgs/:orgId/recruitment/moderation/:advertId/refuse",
      response: advertResponse,
      orgKinds: ["council"],
      summary: "Take an advert off the board with a reason the employer sees (the employer can fix and republish it)",
      body: refuseAdvertInput,
    },
    async (c, { body }) => {
      const advert = await service.refuseAdvert(orgCtxOf(c), advertId(c), body.reason);
      return c.json({ advert: presentAdvert(advert) });
    },
  );
}
