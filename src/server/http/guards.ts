import { and, eq } from "drizzle-orm";
import type { Context, MiddlewareHandler } from "hono";
import { can, ORG_KINDS, type OrgKind, type Permission, type Role, TOKEN_MATRIX } from "../../shared/permissions";
import type { Ctx, OrgCtx } from "../context";
import { memberships, organisations } from "../db/schema";
import { AppError, forbidden, notFound, unauthenticated } from "../lib/errors";
import { UUID } from "../lib/ids";
import type { AppEnv } from "./types";

const tokenRefused = () => forbidden("API tokens can be used only on organisation routes (/api/orgs/{orgId}/…).");

export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.var.apiToken) throw tokenRefused();
  if (!c.var.user) throw unauthenticated();
  await next();
};

export const requireHubAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.var.apiToken) throw tokenRefused();
  if (!c.var.user) throw unauthenticated();
  if (!c.var.user.isHubAdmin) throw forbidden("Only the hub administrator can do that.");
  await next();
};

const KIND_PLURALS: Record<OrgKind, string> = {
  council: "councils",
  provider: "care providers",
  training_partner: "training partners",
  nhs_partner: "NHS partners",
};
const KIND_SINGULAR: Record<OrgKind, string> = {
  council: "a council",
  provider: "a care provider",
  training_partner: "a training partner",
  nhs_partner: "an NHS partner",
};

/** "councils", "care providers, training partners and NHS partners": for messages and the API document. */
export function kindsText(kinds: readonly OrgKind[]) {
  const words = kinds.map((k) => KIND_PLURALS[k]);
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}` : (words[0] ?? "");
}

/**
 * A route for some kinds of organisation only (the route spec's orgKinds), asked of another kind:
 * always 403 wrong_org_kind. Only members (and the hub admin) get this far, and they know what
 * kind their organisation is, so saying so discloses nothing; outsiders still get 404.
 */
export function wrongOrgKind(kinds: readonly OrgKind[], org: { name: string; kind: OrgKind }) {
  return new AppError(
    403,
    "wrong_org_kind",
    `This is for ${kindsText(kinds)} only: ${org.name} is ${KIND_SINGULAR[org.kind]}.`,
  );
}

/**
 * Resolves the organisation in the URL and the user's role in it, once per request.
 * Someone who is not a member gets 404, so the existence of other organisations is not disclosed.
 * A member whose organisation is not of a kind the route serves gets 403 wrong_org_kind.
 */
export function requireOrg(permission: Permission, kinds: readonly OrgKind[] = ORG_KINDS): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const orgId = c.req.param("orgId") ?? "";
    const token = c.var.apiToken;
    if (token) {
      // A token belongs to one organisation and can do only what its scope allows.
      if (!UUID.test(orgId) || token.orgId !== orgId) throw notFound("organisation");
      if (!TOKEN_MATRIX[token.scope].includes(permission))
        throw forbidden(`This API token's ${token.scope} scope does not allow that.`);
      // It can do no more than the person who created it can do now (their role may have changed).
      if (!can(token.creatorRole, permission, token.creatorIsHubAdmin)) {
        throw forbidden(
          "This API token can no longer do that: the person who created it no longer has that permission in this organisation. Ask an organisation admin to create a new token.",
        );
      }
      const [org] = await c.var.deps.db.select().from(organisations).where(eq(organisations.id, orgId));
      if (!kinds.includes(org.kind as OrgKind))
        throw wrongOrgKind(kinds, { name: org.name, kind: org.kind as OrgKind });
      c.set("org", { id: org.id, kind: org.kind as OrgKind, name: org.name, slug: org.slug, isDemo: org.isDemo });
      c.set("role", null);
      return next();
    }
    const user = c.var.user;
    if (!user) throw unauthenticated();
    if (!UUID.test(orgId)) throw notFound("organisation");
    const { db } = c.var.deps;
    const [row] = await db
      .select({ org: organisations, role: memberships.role })
      .from(organisations)
      .leftJoin(memberships, and(eq(memberships.orgId, organisations.id), eq(memberships.userId, user.id)))
      .where(eq(organisations.id, orgId));
    if (!row || (!row.role && !user.isHubAdmin)) throw notFound("organisation");
    if (!kinds.includes(row.org.kind as OrgKind))
      throw wrongOrgKind(kinds, { name: row.org.name, kind: row.org.kind as OrgKind });
    const role = (row.role as Role | null) ?? null;
    if (!can(role, permission, user.isHubAdmin)) throw forbidden();
    c.set("org", {
      id: row.org.id,
      kind: row.org.kind as OrgKind,
      name: row.org.name,
      slug: row.org.slug,
      isDemo: row.org.isDemo,
    });
    c.set("role", role);
    await next();
  };
}

/** The service context for the current request. */
export function ctxOf(c: Context<AppEnv>): Ctx {
  const user = c.var.user;
  // A token acts for the person who created it (the audit trail names them).
  const userId = user?.id ?? c.var.apiToken?.createdBy ?? null;
  return {
    db: c.var.deps.db,
    deps: c.var.deps,
    log: c.var.log,
    actor: { userId, isHubAdmin: user?.isHubAdmin ?? false, requestId: c.var.requestId },
  };
}

export function orgCtxOf(c: Context<AppEnv>): OrgCtx {
  const org = c.var.org;
  if (!org) throw new AppError(500, "internal", "Organisation not resolved for this route.");
  return { ...ctxOf(c), org, role: c.var.role };
}
