import type { Context, Next } from "hono";
import {
  jobAdvertResponse,
  jobAlertInput,
  jobAlertResponse,
  jobAlertTokenInput,
  jobBoardsResponse,
  jobCountsQuery,
  jobCountsResponse,
  jobSearchQuery,
  jobSearchResponse,
} from "../../../shared/schemas/jobs";
import { systemCtx } from "../../context";
import { clientAddress } from "../../http/client-address";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import type { AppEnv } from "../../http/types";
import { UUID } from "../../lib/ids";
import { MINIMAL_SHELL } from "./board.page";
import { countJobsByRole, jobPage, jobsFeed, listJobBoards, searchJobs, viewJobAdvert } from "./board.service";
import { confirmJobAlert, createJobAlert, unsubscribeJobAlert } from "./board-alerts.service";

// The public job board (issue 17 items 2 and 3): search, each advert's page and JSON-LD, the feed, job alerts.

const tag = "Job board";

export function boardRoutes(r: Router) {
  r.define(
    {
      method: "get",
      path: "/api/public/jobs",
      query: jobSearchQuery,
      response: jobSearchResponse,
      tag,
      scope: "public",
      summary:
        "A council's job board: its published adverts whose closing date has not passed, 20 a page with the total. Filters: q (words in the title or summary), role (a role key of the council's career framework, or an ASC-WDS main job role code), postcode and radius (miles from the postcode district's centre, default 10; nearest first), payMin (pounds an hour; annual pay counted at its hours, or 37.5 a week), hours (full_time, part_time, zero_hours), contract, noExperience, driving, sponsorship (true or false). Newest first without a postcode",
    },
    async (c, { query }) => c.json(await searchJobs(systemCtx(c.var.deps), query)),
  );
  r.define(
    {
      method: "get",
      path: "/api/public/jobs/boards",
      response: jobBoardsResponse,
      tag,
      scope: "public",
      summary: "The councils' job boards, each with how many live adverts it has",
    },
    async (c) => {
      c.header("cache-control", "public, max-age=60");
      return c.json(await listJobBoards(systemCtx(c.var.deps)));
    },
  );
  r.define(
    {
      method: "get",
      path: "/api/public/jobs/counts",
      query: jobCountsQuery,
      response: jobCountsResponse,
      tag,
      scope: "public",
      summary:
        "How many live adverts a council's board has for each role of its career framework (the roadmap's links)",
    },
    async (c, { query }) => {
      c.header("cache-control", "public, max-age=60");
      return c.json(await countJobsByRole(systemCtx(c.var.deps), query.council));
    },
  );
  r.define(
    {
      method: "get",
      path: "/api/public/jobs/feed.xml",
      query: jobCountsQuery,
      produces: "application/xml",
      tag,
      scope: "public",
      summary:
        "A council's live adverts as an RSS 2.0 feed for job sites: each item's link, title, description, pay, place, hours, contract and dates (RSS elements and the job: namespace), newest first",
    },
    async (c, { query }) => {
      const xml = await jobsFeed(systemCtx(c.var.deps), query.council);
      c.header("content-type", "application/xml; charset=utf-8");
      c.header("cache-control", "public, max-age=300");
      return c.body(xml);
    },
  );
  r.define(
    {
      method: "get",
      path: "/api/public/jobs/:advertId",
      response: jobAdvertResponse,
      tag,
      scope: "public",
      summary:
        "A live advert's page: the advert, its pay against the National Living Wage and the Real Living Wage, where the role leads in the council's career framework, the employer's name and the workplace's area. Counts a page view (once a day from one address). 404 once it has closed or passed its closing date",
    },
    async (c) =>
      c.json(
        await viewJobAdvert(
          systemCtx(c.var.deps),
          idParam(c, "advertId", "job. It may have closed or been filled"),
          clientAddress(c),
        ),
      ),
  );

  r.define(
    {
      method: "post",
      path: "/api/public/job-alerts",
      body: jobAlertInput,
      response: jobAlertResponse,
      tag,
      scope: "public",
      summary:
        "Ask for a job alert: an email address and the board's filters (criteria). A link to confirm it is emailed; nothing else is sent before it is opened. Asking again for the same alert sends no second email for 15 minutes",
    },
    async (c, { body }) => c.json(await createJobAlert(systemCtx(c.var.deps), body), 202),
  );
  r.define(
    {
      method: "post",
      path: "/api/public/job-alerts/confirm",
      body: jobAlertTokenInput,
      response: jobAlertResponse,
      tag,
      scope: "public",
      summary: "Confirm a job alert with the token from its email (404 when the link has expired or was used)",
    },
    async (c, { body }) => c.json(await confirmJobAlert(systemCtx(c.var.deps), body.token)),
  );
  r.define(
    {
      method: "post",
      path: "/api/public/job-alerts/unsubscribe",
      body: jobAlertTokenInput,
      response: jobAlertResponse,
      tag,
      scope: "public",
      summary: "Stop a job alert with the token from one of its emails; the alert and its address are removed",
    },
    async (c, { body }) => c.json(await unsubscribeJobAlert(systemCtx(c.var.deps), body.token)),
  );
}

/**
 * `/jobs/:advertId` as the server sends it: the app's HTML (`shell`, or a minimal page when the
 * client is not built) with the advert's title, description and JobPosting JSON-LD; 404 and
 * noindex for a closed or unknown job. Other addresses under /jobs go on to the app.
 */
export function jobPageHandler(shell: string | null) {
  return async (c: Context<AppEnv>, next: Next) => {
    const id = c.req.param("advertId") ?? "";
    if (!UUID.test(id)) return next();
    const page = await jobPage(systemCtx(c.var.deps), id, shell ?? MINIMAL_SHELL);
    c.header("cache-control", "no-cache");
    return c.html(page.html, page.status);
  };
}
