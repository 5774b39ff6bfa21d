import {
  publicStrategyResponse,
  strategyPublicInput,
  strategyPublicSettingResponse,
} from "../../../shared/schemas/strategy-public";
import { systemCtx } from "../../context";
import { orgCtxOf } from "../../http/guards";
import type { Router } from "../../http/route";
import { getStrategyPublicSetting, publicStrategy, setStrategyPublic } from "./public.service";

// A council's strategy progress for the public (issue 16 item 6): the council's switch, and the
// page anyone may read while it is on.

export function strategyPublicRoutes(r: Router) {
  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/strategy-public-page",
      response: strategyPublicSettingResponse,
      orgKinds: ["council"],
      tag: "Strategy",
      scope: "org",
      permission: "strategy.view",
      summary: "Whether the council publishes its strategy's progress (the public and easy-read pages)",
    },
    async (c) => c.json(await getStrategyPublicSetting(orgCtxOf(c))),
  );
  r.define(
    {
      method: "put",
      path: "/api/orgs/:orgId/strategy-public-page",
      body: strategyPublicInput,
      response: strategyPublicSettingResponse,
      orgKinds: ["council"],
      tag: "Strategy",
      scope: "org",
      permission: "strategy.manage",
      summary: "Publish the council's strategy progress for the public, or stop publishing it",
    },
    async (c, { body }) => c.json(await setStrategyPublic(orgCtxOf(c), body.enabled)),
  );
  r.define(
    {
      method: "get",
      path: "/api/public/strategy/:councilSlug",
      response: publicStrategyResponse,
      tag: "Strategy",
      scope: "public",
      summary:
        "A council's approved workforce strategy and its progress every six months, when it publishes them: status counts by recommendation, completed actions with their owning group or role (never a person), and the linked figures protected as the public workforce page's (counts rounded to the nearest 5, nothing resting on fewer than 3 employers or 10 workers, no special category figure). No risk register",
    },
    async (c) => c.json(await publicStrategy(systemCtx(c.var.deps), c.req.param("councilSlug") ?? "")),
  );
}
