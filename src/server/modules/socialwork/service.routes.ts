import {
  addWorkerInput,
  atQuery,
  establishmentQuery,
  establishmentResponse,
  leaverInput,
  mySocialWorkResponse,
  overviewResponse,
  profileInput,
  setEstablishmentInput,
  settingsInput,
  settingsResponse,
  teamDetailResponse,
  teamInput,
  teamResponse,
  teamsQuery,
  teamsResponse,
  workerResponse,
  workersQuery,
  workersResponse,
} from "../../../shared/schemas/social-work-service";
import { ctxOf, orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import { getEstablishment, setEstablishment } from "./establishment.service";
import { mySocialWork } from "./self.service";
import { getSettings, saveSettings } from "./settings.service";
import * as teams from "./teams.service";
import * as workers from "./workers.service";

// The social work service (issue 20): teams, posts and the establishment, the workers' profiles
// (registration, level, grade, warrants) with their alerts, settings, the overview, and a
// worker's own records. Whose records: access.ts; the routes only say who may ask at all.

const tag = "Social work: service";
const COUNCIL = ["council"] as const;
const figures = { tag, scope: "org", permission: "socialwork.figures", orgKinds: COUNCIL } as const;
const view = { tag, scope: "org", permission: "socialwork.view", orgKinds: COUNCIL } as const;
const manage = { tag, scope: "org", permission: "socialwork.manage", orgKinds: COUNCIL } as const;
const base = "/api/orgs/:orgId/social-work";

export function socialWorkServiceRoutes(r: Router) {
  r.define(
    {
      ...figures,
      method: "get",
      path: `${base}/overview`,
      query: atQuery,
      response: overviewResponse,
      summary:
        "The service at a glance on a date (default today): per service, teams, workers in post, funded, filled, vacant and agency-covered posts (FTE), and how many workers have each registration alert (1–4 withheld for figures-only viewers)",
    },
    async (c, { query }) => c.json(await teams.serviceOverview(orgCtxOf(c), query.at)),
  );

  // Teams.
  r.define(
    {
      ...view,
      method: "get",
      path: `${base}/teams`,
      query: teamsQuery,
      response: teamsResponse,
      summary:
        "The teams the user may see (a team manager: the teams they manage) with service area, manager, posts on a date and workers with alerts; for the service lead also who may manage a team",
    },
    async (c, { query }) => c.json(await teams.listTeams(orgCtxOf(c), query)),
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${base}/teams`,
      body: teamInput,
      response: teamResponse,
      summary:
        "Add a team: name, service, service area, manager (a member with the team manager or service lead role) and its own caseload threshold (none: the service's)",
    },
    async (c, { body }) => c.json({ team: await teams.createTeam(orgCtxOf(c), body) }, 201),
  );
  r.define(
    {
      ...view,
      method: "get",
      path: `${base}/teams/:teamId`,
      query: atQuery,
      response: teamDetailResponse,
      summary: "A team: its posts by role on a date, the funded posts' history, and its workers with their alerts",
    },
    async (c, { query }) => c.json(await teams.getTeam(orgCtxOf(c), idParam(c, "teamId", "team"), query.at)),
  );
  r.define(
    {
      ...manage,
      method: "put",
      path: `${base}/teams/:teamId`,
      body: teamInput,
      response: teamResponse,
      summary:
        "Change a team's name, service (only while it has no workers), service area, manager and caseload threshold",
    },
    async (c, { body }) => c.json({ team: await teams.updateTeam(orgCtxOf(c), idParam(c, "teamId", "team"), body) }),
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${base}/teams/:teamId/archive`,
      response: teamResponse,
      summary: "Archive a team with nobody in post: it leaves the lists and its posts stop counting",
    },
    async (c) => c.json({ team: await teams.archiveTeam(orgCtxOf(c), idParam(c, "teamId", "team")) }),
  );

  // The establishment.
  r.define(
    {
      ...view,
      method: "get",
      path: `${base}/establishment`,
      query: establishmentQuery,
      response: establishmentResponse,
      summary:
        "Posts by team and role on a date (default today): funded FTE, filled FTE (contracted hours / 37, at most 1 each), vacant FTE (funded − filled, not below 0) and agency cover FTE, with each service's totals",
    },
    async (c, { query }) => c.json(await getEstablishment(orgCtxOf(c), query)),
  );
  r.define(
    {
      ...manage,
      method: "put",
      path: `${base}/teams/:teamId/establishment`,
      body: setEstablishmentInput,
      response: teamDetailResponse,
      summary: "Set a role's funded posts (FTE) in a team from a date; earlier figures stay as history",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const id = idParam(c, "teamId", "team");
      await setEstablishment(ctx, id, body);
      return c.json(await teams.getTeam(ctx, id));
    },
  );

  // Workers.
  r.define(
    {
      ...view,
      method: "get",
      path: `${base}/workers`,
      query: workersQuery,
      response: workersResponse,
      summary:
        "The workers the user may see, in post (leavers too with leavers=true), filtered by service, team, role, route in (routeIn), or those with a registration or warrant alert (attention=true)",
    },
    async (c, { query }) => c.json({ workers: await workers.listWorkers(orgCtxOf(c), query) }),
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${base}/workers`,
      body: addWorkerInput,
      response: workerResponse,
      summary:
        "Add a worker: the staff record at the team's service workplace and the social work profile, in one transaction",
    },
    async (c, { body }) => c.json({ worker: await workers.addWorker(orgCtxOf(c), body) }, 201),
  );
  r.define(
    {
      ...view,
      method: "get",
      path: `${base}/workers/:staffId`,
      response: workerResponse,
      summary:
        "A worker's profile: team, role, registration (SWE number, renewal, CPD), PCF level, grade, specialisms, warrants, route in, alerts",
    },
    async (c) => c.json({ worker: await workers.getWorker(orgCtxOf(c), idParam(c, "staffId", "social worker")) }),
  );
  r.define(
    {
      ...manage,
      method: "patch",
      path: `${base}/workers/:staffId`,
      body: profileInput,
      response: workerResponse,
      summary:
        "Change a worker's profile: any of team (same service), role, PCF level, grade, registration, specialisms, warrants, qualified on, route in",
    },
    async (c, { body }) =>
      c.json({ worker: await workers.updateProfile(orgCtxOf(c), idParam(c, "staffId", "social worker"), body) }),
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${base}/workers/:staffId/leave`,
      body: leaverInput,
      response: workerResponse,
      summary: "Record that a worker left: the leaving date and the ASC-WDS reason for leaving",
    },
    async (c, { body }) =>
      c.json({ worker: await workers.recordLeaver(orgCtxOf(c), idParam(c, "staffId", "social worker"), body) }),
  );

  // Settings.
  r.define(
    {
      ...view,
      method: "get",
      path: `${base}/settings`,
      response: settingsResponse,
      summary:
        "The service's settings (the defaults until saved): caseload thresholds, ASYE protection share, practice educator payment, ESG rates",
    },
    async (c) => c.json({ settings: await getSettings(orgCtxOf(c)) }),
  );
  r.define(
    {
      ...manage,
      method: "put",
      path: `${base}/settings`,
      body: settingsInput,
      response: settingsResponse,
      summary: "Save the service's settings",
    },
    async (c, { body }) => c.json({ settings: await saveSettings(orgCtxOf(c), body) }),
  );

  // A worker's own.
  r.define(
    {
      tag,
      scope: "user",
      method: "get",
      path: "/api/me/social-work",
      response: mySocialWorkResponse,
      summary:
        "My social work records: for each of my staff records with a social work profile, the employer, team, role, registration, warrants and alerts",
    },
    async (c) => c.json({ records: await mySocialWork(ctxOf(c)) }),
  );
}
