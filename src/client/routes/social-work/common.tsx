// Pieces every social work page uses: the links at the top of a page, a link to a worker's record,
// and full-time equivalents in words.
import { Link } from "@tanstack/react-router";
import { Fragment } from "react";
import { PCF_LEVEL_LABELS, PCF_LEVELS } from "../../../shared/social-work";

/** Full-time equivalents as the pages show them: at most two decimals, "4.5". */
export const fte = (n: number) => n.toLocaleString("en-GB", { maximumFractionDigits: 2 });

/** The service's pages that take only the organisation in their address. */
export type SwPagePath =
  | "/orgs/$orgId/social-work"
  | "/orgs/$orgId/social-work/agency"
  | "/orgs/$orgId/social-work/asye"
  | "/orgs/$orgId/social-work/caseloads"
  | "/orgs/$orgId/social-work/practice-educators"
  | "/orgs/$orgId/social-work/progression"
  | "/orgs/$orgId/social-work/routes-in"
  | "/orgs/$orgId/social-work/starters-leavers"
  | "/orgs/$orgId/social-work/supervision"
  | "/orgs/$orgId/social-work/teams";

/** The line of links under a page's title, each [address, words], separated by middle dots. */
export function SwPageLinks({ orgId, links }: { orgId: string; links: [SwPagePath, string][] }) {
  return (
    <p className="govuk-body">
      {links.map(([to, label], i) => (
        <Fragment key={to}>
          {i > 0 && " · "}
          <Link to={to} params={{ orgId }} className="govuk-link">
            {label}
          </Link>
        </Fragment>
      ))}
    </p>
  );
}

/** The usual first link: back to the service's overview. */
export const BACK_TO_SERVICE: [SwPagePath, string] = ["/orgs/$orgId/social-work", "Back to the social work service"];

/** A worker's name, linking to their record in the service. */
export function WorkerLink({ orgId, staffId, name }: { orgId: string; staffId: string; name: string }) {
  return (
    <Link to="/orgs/$orgId/social-work/workers/$staffId" params={{ orgId, staffId }} className="govuk-link">
      {name}
    </Link>
  );
}

/** A select's choices for the PCF level, "Not recorded" first. */
export const PCF_OPTIONS = [
  { value: "", label: "Not recorded" },
  ...PCF_LEVELS.map((l) => ({ value: l, label: PCF_LEVEL_LABELS[l] })),
];
