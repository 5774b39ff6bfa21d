import {
  comparatorCreate,
  comparatorQuery,
  comparatorResponse,
  comparatorUpdate,
  payFloorCreate,
  payFloorResponse,
  payFloorUpdate,
  referenceResponse,
} from "../../../shared/schemas";
import { ctxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import * as service from "./reference.service";

/** Reference data: anyone signed in reads it; the hub admin corrects and adds figures. */
export function referenceRoutes(r: Router) {
  r.define(
    {
      method: "get",
      path: "/api/reference",
      response: referenceResponse,
      tag: "Reference data",
      scope: "user",
      summary:
        "Pay floors (Real Living Wage, National Living Wage bands) and national comparators, each with its source and edition",
      query: comparatorQuery,
    },
    async (c, { query }) => c.json(await service.listReference(ctxOf(c), query.metric)),
  );
  r.define(
    {
      method: "post",
      path: "/api/admin/reference/pay-floors",
      response: payFloorResponse,
      tag: "Reference data",
      scope: "hub_admin",
      summary: "Add a pay floor (a new rate year or band)",
      body: payFloorCreate,
    },
    async (c, { body }) => c.json({ payFloor: await service.createPayFloor(ctxOf(c), body) }, 201),
  );
  r.define(
    {
      method: "patch",
      path: "/api/admin/reference/pay-floors/:id",
      response: payFloorResponse,
      tag: "Reference data",
      scope: "hub_admin",
      summary: "Correct a pay floor (audited)",
      body: payFloorUpdate,
    },
    async (c, { body }) =>
      c.json({ payFloor: await service.updatePayFloor(ctxOf(c), idParam(c, "id", "pay floor"), body) }),
  );
  r.define(
    {
      method: "post",
      path: "/api/admin/reference/comparators",
      response: comparatorResponse,
      tag: "Reference data",
      scope: "hub_admin",
      summary: "Add a national comparator (a figure from a new edition is a new row)",
      body: comparatorCreate,
    },
    async (c, { body }) => c.json({ comparator: await service.createComparator(ctxOf(c), body) }, 201),
  );
  r.define(
    {
      method: "patch",
      path: "/api/admin/reference/comparators/:id",
      response: comparatorResponse,
      tag: "Reference data",
      scope: "hub_admin",
      summary: "Correct a national comparator (audited)",
      body: comparatorUpdate,
    },
    async (c, { body }) =>
      c.json({ comparator: await service.updateComparator(ctxOf(c), idParam(c, "id", "comparator"), body) }),
  );
}
