import { INVITATION_DAYS } from "../../../shared/limits";
import { ADMIN_ROLE_BY_KIND, ROLE_LABELS, ROLES_BY_KIND, type Role } from "../../../shared/permissions";
import { type Ctx, inTransaction, type OrgCtx } from "../../context";
import { hashPassword, newToken, sha256 } from "../../lib/crypto";
import { badRequest, conflict, notFound } from "../../lib/errors";
import { addDays, isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { findUserByEmail, insertUser } from "../auth/auth.repo";
import { oneLine, queueEmail } from "../mail/mail.service";
import * as orgs from "../orgs/orgs.repo";
import { commissionProvider, createOrganisation } from "../orgs/orgs.service";

function assertRoleFits(ctx: OrgCtx, role: Role) {
  if (!ROLES_BY_KIND[ctx.org.kind].includes(role)) {
    const allowed = ROLES_BY_KIND[ctx.org.kind].map((r) => ROLE_LABELS[r]).join(", ");
    throw badRequest(
      "role_not_allowed",
      `A ${ctx.org.kind.replace("_", " ")} cannot give the role "${ROLE_LABELS[role]}". Choose one of: ${allowed}.`,
      [{ path: "role", message: `Choose one of: ${allowed}` }],
    );
  }
}

export async function createInvitation(
  ctx: OrgCtx,
  input: { email: string; role: Role },
  invitedByOrgName = ctx.org.name,
) {
  assertRoleFits(ctx, input.role);
  const existing = await findUserByEmail(ctx.db, input.email);
  if (existing && (await orgs.findMembershipOf(ctx.db, existing.id, ctx.org.id))) {
    throw conflict(
      "already_member",
      `${input.email} is already a member of ${ctx.org.name}. Change their role instead.`,
    );
  }
  const token = newToken();
  const invitation = await orgs.insertInvitation(ctx.db, {
    orgId: ctx.org.id,
    email: input.email,
    role: input.role,
    tokenHash: sha256(token),
    invitedBy: ctx.actor.userId,
    expiresAt: addDays(ctx.deps.now(), INVITATION_DAYS),
  });
  await recordAudit(ctx, {
    orgId: ctx.org.id,
    action: "create",
    entityType: "invitation",
    entityId: invitation.id,
    after: invitation,
  });
  await queueEmail(ctx, {
    to: input.email,
    template: "invitation",
    subject: `You are invited to join ${oneLine(ctx.org.name)} on the Care Workforce Hub`,
    body: [
      // Names stored before line breaks were refused must not forge lines of the email.
      `${oneLine(invitedByOrgName)} has invited you to join ${oneLine(ctx.org.name)} on the Care Workforce Hub as ${ROLE_LABELS[input.role]}.`,
      "",
      `Open this link within ${INVITATION_DAYS} days to accept:`,
      `${ctx.deps.env.PUBLIC_URL}/accept-invitation?token=${token}`,
    ].join("\n"),
  });
  return { invitation, token };
}

/**
 * A council invites a provider: the provider is created, commissioned and its first admin invited,
 * in one go. It is here, not in orgs, because it invites someone: orgs (organisations,
 * commissioning, memberships) is the ground every feature stands on and imports none of them.
 */
export async function inviteProvider(
  ctx: OrgCtx,
  input: { name: string; adminEmail: string; commissionedFrom?: string },
) {
  return inTransaction(ctx, async (tx) => {
    const provider = await createOrganisation(tx, { kind: "provider", name: input.name, isDemo: ctx.org.isDemo });
    const link = await commissionProvider(tx, {
      councilId: ctx.org.id,
      providerId: provider.id,
      fromDate: input.commissionedFrom ?? isoDate(tx.deps.now()),
    });
    const providerCtx: OrgCtx = {
      ...tx,
      org: { id: provider.id, kind: "provider", name: provider.name, slug: provider.slug, isDemo: provider.isDemo },
      role: null,
    };
    const invitation = await createInvitation(
      providerCtx,
      { email: input.adminEmail, role: ADMIN_ROLE_BY_KIND.provider },
      ctx.org.name,
    );
    return { provider, link, invitation };
  });
}

export const inviteUser = (ctx: OrgCtx, input: { email: string; role: Role }) =>
  inTransaction(ctx, (tx) => createInvitation(tx, input));

export async function revokeInvitation(ctx: OrgCtx, invitationId: string) {
  return inTransaction(ctx, async (tx) => {
    const before = await orgs.findInvitation(tx.db, tx.org.id, invitationId);
    if (!before || before.acceptedAt || before.revokedAt) throw notFound("invitation");
    const after = await orgs.revokeInvitationRow(tx.db, tx.org.id, invitationId, tx.deps.now());
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "invitation",
      entityId: invitationId,
      before,
      after,
    });
  });
}

export async function listMembers(ctx: OrgCtx) {
  const [members, invitations] = await Promise.all([
    orgs.findMembers(ctx.db, ctx.org.id),
    orgs.findPendingInvitations(ctx.db, ctx.org.id, ctx.deps.now()),
  ]);
  return { members, invitations };
}

/** An organisation must keep at least one admin, or nobody could manage it. */
async function assertNotLastAdmin(ctx: OrgCtx, membership: { role: string }) {
  const adminRole = ADMIN_ROLE_BY_KIND[ctx.org.kind];
  if (membership.role === adminRole && (await orgs.countMembersWithRole(ctx.db, ctx.org.id, adminRole)) <= 1) {
    throw conflict(
      "last_admin",
      `${ctx.org.name} must keep at least one ${ROLE_LABELS[adminRole]}. Give someone else that role first.`,
    );
  }
}

export async function changeMemberRole(ctx: OrgCtx, membershipId: string, role: Role) {
  assertRoleFits(ctx, role);
  return inTransaction(ctx, async (tx) => {
    const before = await orgs.findMembership(tx.db, tx.org.id, membershipId);
    if (!before) throw notFound("member");
    if (before.role === role) return before;
    await assertNotLastAdmin(tx, before);
    const after = await orgs.updateMembershipRole(tx.db, tx.org.id, membershipId, role);
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "membership",
      entityId: membershipId,
      before,
      after,
    });
    return after;
  });
}

export async function removeMember(ctx: OrgCtx, membershipId: string) {
  return inTransaction(ctx, async (tx) => {
    const before = await orgs.findMembership(tx.db, tx.org.id, membershipId);
    if (!before) throw notFound("member");
    await assertNotLastAdmin(tx, before);
    await orgs.deleteMembership(tx.db, tx.org.id, membershipId);
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "delete",
      entityType: "membership",
      entityId: membershipId,
      before,
    });
  });
}

/**
 * Creates an account directly (CLI and demo seed), with a membership. Without a password the
 * person sets one through a reset link, which is returned.
 */
export async function createUserWithMembership(
  ctx: Ctx,
  input: { email: string; name?: string; password?: string; orgId?: string; role?: Role; isHubAdmin?: boolean },
) {
  return inTransaction(ctx, async (tx) => {
    let user = await findUserByEmail(tx.db, input.email);
    if (!user) {
      user = await insertUser(tx.db, {
        email: input.email,
        name: input.name ?? "",
        passwordHash: input.password ? await hashPassword(input.password) : null,
        isHubAdmin: input.isHubAdmin ?? false,
      });
      const { passwordHash: _omit, ...safe } = user;
      await recordAudit(tx, {
        orgId: input.orgId ?? null,
        action: "create",
        entityType: "user",
        entityId: user.id,
        after: safe,
      });
    }
    let membership = null;
    if (input.orgId && input.role) {
      const org = await orgs.findOrgById(tx.db, input.orgId);
      if (!org) throw notFound("organisation");
      assertRoleFits({ ...tx, org: { ...org, kind: org.kind as never }, role: null }, input.role);
      if (await orgs.findMembershipOf(tx.db, user.id, org.id))
        throw conflict("already_member", `${input.email} is already a member of ${org.name}.`);
      membership = await orgs.insertMembership(tx.db, { userId: user.id, orgId: org.id, role: input.role });
      await recordAudit(tx, {
        orgId: org.id,
        action: "create",
        entityType: "membership",
        entityId: membership.id,
        after: membership,
      });
    }
    return { user, membership };
  });
}
