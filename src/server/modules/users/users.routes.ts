import type { Role } from "../../../shared/permissions";
import {
  changeRoleInput,
  changeRoleResponse,
  invitationResponse,
  inviteProviderInput,
  inviteProviderResponse,
  inviteUserInput,
  membersResponse,
  okResponse,
} from "../../../shared/schemas";
import { orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import { presentOrg } from "../orgs/orgs.presenter";
import { presentInvitation, presentMember } from "./users.presenter";
import * as users from "./users.service";

export function userRoutes(r: Router) {
  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/users",
      response: membersResponse,
      tag: "Users",
      scope: "org",
      permission: "users.view",
      summary: "Members of the organisation and pending invitations",
    },
    async (c) => {
      const { members, invitations } = await users.listMembers(orgCtxOf(c));
      return c.json({ members: members.map(presentMember), invitations: invitations.map(presentInvitation) });
    },
  );

  r.define(
    {
      method: "post",
      path: "/api/orgs/:orgId/invitations",
      response: invitationResponse,
      tag: "Users",
      scope: "org",
      permission: "users.manage",
      summary: "Invite someone to join with a role",
      body: inviteUserInput,
    },
    async (c, { body }) => {
      const { invitation } = await users.inviteUser(orgCtxOf(c), body);
      return c.json({ invitation: presentInvitation(invitation) }, 201);
    },
  );

  r.define(
    {
      method: "delete",
      path: "/api/orgs/:orgId/invitations/:invitationId",
      response: okResponse,
      tag: "Users",
      scope: "org",
      permission: "users.manage",
      summary: "Withdraw an invitation",
    },
    async (c) => {
      await users.revokeInvitation(orgCtxOf(c), idParam(c, "invitationId", "invitation"));
      return c.json({ ok: true });
    },
  );

  r.define(
    {
      method: "patch",
      path: "/api/orgs/:orgId/members/:membershipId",
      response: changeRoleResponse,
      tag: "Users",
      scope: "org",
      permission: "users.manage",
      summary: "Change a member's role",
      body: changeRoleInput,
    },
    async (c, { body }) => {
      const m = await users.changeMemberRole(orgCtxOf(c), idParam(c, "membershipId", "member"), body.role);
      return c.json({ id: m.id, role: m.role as Role });
    },
  );

  r.define(
    {
      method: "delete",
      path: "/api/orgs/:orgId/members/:membershipId",
      response: okResponse,
      tag: "Users",
      scope: "org",
      permission: "users.manage",
      summary: "Remove a member from the organisation",
    },
    async (c) => {
      await users.removeMember(orgCtxOf(c), idParam(c, "membershipId", "member"));
      return c.json({ ok: true });
    },
  );

  r.define(
    {
      method: "post",
      path: "/api/orgs/:orgId/providers",
      response: inviteProviderResponse,
      orgKinds: ["council"],
      tag: "Organisations",
      scope: "org",
      permission: "providers.invite",
      summary: "Invite a provider: create it, commission it and invite its first admin",
      body: inviteProviderInput,
    },
    async (c, { body }) => {
      const { provider, invitation } = await users.inviteProvider(orgCtxOf(c), body);
      return c.json({ provider: presentOrg(provider), invitation: presentInvitation(invitation.invitation) }, 201);
    },
  );
}
