import { CONTRACT_LABELS, JOB_ROLES, LEAVING_REASONS } from "../../../shared/ascwds/codes";
import {
  leaverResponse,
  recordLeaverInput,
  staffListQuery,
  staffListResponse,
  staffRecordResponse,
  workforceSettingsInput,
  workforceSettingsResponse,
  workplacesResponse,
} from "../../../shared/schemas";
import { orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import { notFound } from "../../lib/errors";
import { staffRowOf } from "../imports/export.service";
import { PAGE_SIZE } from "./staff.repo";
import * as staff from "./staff.service";
import { getWorkforceSettings, saveWorkforceSettings } from "./workforce-settings.service";

export function staffRoutes(r: Router) {
  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/staff",
      response: staffListResponse,
      tag: "Staff",
      scope: "org",
      permission: "staff.view",
      summary: "Find and filter staff records (no NI numbers or dates of birth)",
      query: staffListQuery,
    },
    async (c, { query }) => {
      const { total, rows } = await staff.listStaff(orgCtxOf(c), query);
      return c.json({
        total,
        page: query.page,
        pageSize: PAGE_SIZE,
        staff: rows.map((s) => ({
          id: s.id,
          reference: s.localRef,
          name: s.displayId,
          role: { code: s.mainJobRole, label: JOB_ROLES[s.mainJobRole] ?? String(s.mainJobRole) },
          contract: { code: s.contractType, label: CONTRACT_LABELS[s.contractType] ?? String(s.contractType) },
          workplace: { id: s.workplaceId, name: s.workplaceName },
          startDate: s.startDate,
          endDate: s.endDate,
          leavingReason: s.leavingReason ? LEAVING_REASONS[s.leavingReason] : null,
        })),
      });
    },
  );

  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/staff/:staffId",
      response: staffRecordResponse,
      tag: "Staff",
      scope: "org",
      permission: "staff.edit",
      summary:
        'One current staff record as its complete ASC-WDS row, for editing. NI number, date of birth, ethnicity and disability read "Admin" for users not allowed to see them; sent back as "Admin", they are kept.',
    },
    async (c) => {
      const id = idParam(c, "staffId", "staff record");
      const row = await staffRowOf(orgCtxOf(c), id);
      if (!row) throw notFound("staff record");
      return c.json({ id, record: row });
    },
  );

  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/workplaces",
      response: workplacesResponse,
      tag: "Staff",
      scope: "org",
      permission: "workplaces.view",
      summary: "The organisation's workplaces",
    },
    async (c) => c.json({ workplaces: await staff.listWorkplaces(orgCtxOf(c)) }),
  );

  r.define(
    {
      method: "post",
      path: "/api/orgs/:orgId/staff/:staffId/leave",
      response: leaverResponse,
      tag: "Staff",
      scope: "org",
      permission: "staff.edit",
      summary: "Record that someone has left (the record is kept)",
      body: recordLeaverInput,
    },
    async (c, { body }) => {
      const id = idParam(c, "staffId", "staff record");
      const s = await staff.recordLeaver(orgCtxOf(c), id, body);
      return c.json({ id: s.id, endDate: s.endDate, leavingReason: s.leavingReason });
    },
  );

  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/workforce-settings",
      response: workforceSettingsResponse,
      tag: "Staff",
      scope: "org",
      permission: "staff.view",
      summary:
        "The employer's standard working week (for FTE) and mandatory training by job role (for training compliance)",
    },
    async (c) => c.json(await getWorkforceSettings(orgCtxOf(c))),
  );

  r.define(
    {
      method: "put",
      path: "/api/orgs/:orgId/workforce-settings",
      response: workforceSettingsResponse,
      tag: "Staff",
      scope: "org",
      permission: "workplaces.edit",
      summary: "Set the standard working week and the mandatory training by job role (audited)",
      body: workforceSettingsInput,
    },
    async (c, { body }) => c.json(await saveWorkforceSettings(orgCtxOf(c), body)),
  );
}
