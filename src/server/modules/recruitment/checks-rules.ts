import { longDate } from "../../../shared/dates";
import { CHECK_ITEMS, CHECK_LABELS, type CheckItem } from "../../../shared/schemas/recruitment";
import type { Issue } from "./advert-rules";

// Pre-employment checks against CQC Schedule 3 and the right-to-work duty
// (shared/reference/recruitment-training.md §2): what is complete and what is missing, and the
// rules a save must meet. Pure functions, tested case by case (checks-rules.test.ts).

export { CHECK_LABELS };

export interface Reference {
  referee: string;
  relationship: string;
  lastCareEmployer: boolean;
  requestedOn: string | null;
  receivedOn: string | null;
  satisfactory: boolean | null;
}

export interface Checks {
  identitySeenOn: string | null;
  dbsLevel: string | null;
  dbsCertificateNumber: string | null;
  dbsIssuedOn: string | null;
  dbsUpdateService: string | null;
  dbsUpdateCheckedOn: string | null;
  rightToWorkMethod: string | null;
  rightToWorkDocument: string | null;
  rightToWorkCheckedOn: string | null;
  rightToWorkExpiresOn: string | null;
  rightToWorkFollowUpOn: string | null;
  references: Reference[];
  historyGapsExplained: boolean;
  historyNotes: string;
  healthDeclarationOn: string | null;
  qualificationsVerifiedOn: string | null;
}

export const EMPTY_CHECKS: Checks = {
  identitySeenOn: null,
  dbsLevel: null,
  dbsCertificateNumber: null,
  dbsIssuedOn: null,
  dbsUpdateService: null,
  dbsUpdateCheckedOn: null,
  rightToWorkMethod: null,
  rightToWorkDocument: null,
  rightToWorkCheckedOn: null,
  rightToWorkExpiresOn: null,
  rightToWorkFollowUpOn: null,
  references: [],
  historyGapsExplained: false,
  historyNotes: "",
  healthDeclarationOn: null,
  qualificationsVerifiedOn: null,
};

/** What is still missing for one item, or "" when it is complete. */
function missingFor(item: CheckItem, c: Checks, today: string): string {
  switch (item) {
    case "identity":
      return c.identitySeenOn ? "" : "See proof of identity with a recent photograph and record the date";
    case "dbs":
      if (!c.dbsLevel || !c.dbsCertificateNumber || !c.dbsIssuedOn)
        return "Record the DBS check's level, certificate number and issue date";
      if (c.dbsUpdateService === "subscribed_checked" && !c.dbsUpdateCheckedOn)
        return "Record the date of the Update Service status check";
      return "";
    case "right_to_work":
      if (!c.rightToWorkMethod || !c.rightToWorkCheckedOn) return "Check the right to work and record how and when";
      if (c.rightToWorkMethod === "manual_document" && !c.rightToWorkDocument)
        return "Record which document was checked";
      if (c.rightToWorkExpiresOn && c.rightToWorkExpiresOn < today)
        return `The permission to work ended on ${longDate(c.rightToWorkExpiresOn)}: check it again`;
      if (c.rightToWorkExpiresOn && !c.rightToWorkFollowUpOn) return "Set a date for the follow-up check";
      return "";
    case "references": {
      const good = c.references.filter((r) => r.receivedOn && r.satisfactory === true);
      if (good.length < 2) return `Receive two satisfactory references (${good.length} so far)`;
      if (!good.some((r) => r.lastCareEmployer))
        return "Receive a satisfactory reference from the last employer in care (if they have worked in care)";
      return "";
    }
    case "history":
      return c.historyGapsExplained ? "" : "Check the full employment history and record why there are gaps";
    case "health":
      return c.healthDeclarationOn ? "" : "Receive the health declaration (after the offer)";
    case "qualifications":
      return c.qualificationsVerifiedOn ? "" : "Verify the qualifications relevant to the job";
  }
}

/**
 * The checklist: each item done or what is missing. Items `relied` on from another employer's
 * bundle the candidate shared count as done when that bundle has them done.
 */
export function checklist(c: Checks, today: string, relied?: { items: CheckItem[]; from: Checks; employer: string }) {
  const items = CHECK_ITEMS.map((item) => {
    const own = missingFor(item, c, today);
    if (own && relied?.items.includes(item) && !missingFor(item, relied.from, today))
      return { item, done: true, missing: "", reliedOn: relied.employer };
    return { item, done: !own, missing: own, reliedOn: null as string | null };
  });
  return { complete: items.every((i) => i.done), items };
}

/** Refusals on saving checks, each naming its field. */
export function checksProblems(c: Checks): Issue[] {
  const issues: Issue[] = [];
  if (c.rightToWorkExpiresOn && !c.rightToWorkFollowUpOn)
    issues.push({
      path: "rightToWorkFollowUpOn",
      message: "The permission to work has an end date: enter the date of the follow-up check",
    });
  if (c.rightToWorkExpiresOn && c.rightToWorkFollowUpOn && c.rightToWorkFollowUpOn > c.rightToWorkExpiresOn)
    issues.push({
      path: "rightToWorkFollowUpOn",
      message: "The follow-up check must be on or before the day the permission ends",
    });
  if (c.dbsUpdateService === "subscribed_checked" && !c.dbsUpdateCheckedOn)
    issues.push({ path: "dbsUpdateCheckedOn", message: "Enter the date of the Update Service status check" });
  c.references.forEach((r, i) => {
    if (r.receivedOn && r.requestedOn && r.receivedOn < r.requestedOn)
      issues.push({ path: `references.${i}.receivedOn`, message: "A reference is received after it is asked for" });
  });
  return issues;
}
