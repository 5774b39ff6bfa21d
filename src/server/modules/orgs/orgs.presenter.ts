import { type OrgKind, permissionsFor, type Role } from "../../../shared/permissions";
import type { OrgRow } from "./orgs.repo";

export function presentOrg(org: OrgRow) {
  return { id: org.id, kind: org.kind as OrgKind, name: org.name, slug: org.slug, isDemo: org.isDemo };
}

export function presentOrgWithRole(org: OrgRow, role: Role | null, isHubAdmin: boolean) {
  return { ...presentOrg(org), role, permissions: permissionsFor(role, isHubAdmin) };
}

export function presentProvider(p: {
  link: { id: string; fromDate: string; toDate: string | null };
  org: OrgRow;
  workplaces: number;
  staffInPost: number;
}) {
  return {
    ...presentOrg(p.org),
    commissioning: { id: p.link.id, from: p.link.fromDate, to: p.link.toDate },
    workplaces: p.workplaces,
    staffInPost: p.staffInPost,
  };
}
