import type { OrgKind } from "../../../shared/permissions";
import type { Ctx, OrgCtx } from "../../context";
import { badRequest, conflict } from "../../lib/errors";
import { UUID } from "../../lib/ids";
import { slugify } from "../../lib/slug";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { providersOf } from "./commissioning";
import * as repo from "./orgs.repo";

/**
 * The organisations whose data this request may read: the organisation itself, and for a
 * council, the providers it commissions today. The one place read-down is decided.
 */
export async function visibleOrgIds(ctx: OrgCtx, onDate = isoDate(ctx.deps.now())): Promise<string[]> {
  if (ctx.org.kind !== "council") return [ctx.org.id];
  return [ctx.org.id, ...(await providersOf(ctx.db, ctx.org.id, onDate))];
}

async function uniqueSlug(ctx: Ctx, wanted: string) {
  let slug = wanted;
  for (let n = 2; await repo.findOrgBySlug(ctx.db, slug); n++) slug = `${wanted}-${n}`;
  return slug;
}

export async function createOrganisation(
  ctx: Ctx,
  input: { kind: OrgKind; name: string; slug?: string; isDemo?: boolean },
) {
  if (input.slug && (await repo.findOrgBySlug(ctx.db, input.slug))) {
    throw conflict(
      "slug_taken",
      `The short name "${input.slug}" is already used by another organisation. Choose another.`,
    );
  }
  const slug = input.slug ?? (await uniqueSlug(ctx, slugify(input.name)));
  const org = await repo.insertOrg(ctx.db, { kind: input.kind, name: input.name, slug, isDemo: input.isDemo ?? false });
  await recordAudit(ctx, { orgId: org.id, action: "create", entityType: "organisation", entityId: org.id, after: org });
  return org;
}

export async function commissionProvider(
  ctx: Ctx,
  input: { councilId: string; providerId: string; fromDate: string; toDate?: string | null },
) {
  const [council, provider] = await Promise.all([
    repo.findOrgById(ctx.db, input.councilId),
    repo.findOrgById(ctx.db, input.providerId),
  ]);
  if (council?.kind !== "council") throw badRequest("not_a_council", "Only a council can commission providers.");
  if (!provider || provider.kind === "council")
    throw badRequest("not_a_provider", "A council can commission only a provider, training partner or NHS partner.");
  const link = await repo.insertCommissioning(ctx.db, {
    councilId: council.id,
    providerId: provider.id,
    fromDate: input.fromDate,
    toDate: input.toDate ?? null,
  });
  await recordAudit(ctx, {
    orgId: council.id,
    action: "create",
    entityType: "commissioning",
    entityId: link.id,
    after: link,
  });
  return link;
}

export const listCommissionedProviders = (ctx: OrgCtx) => repo.findCommissionedProviders(ctx.db, ctx.org.id);

/** Figures for the organisation's home page: counts only, of staff in post other than agency workers. */
export async function orgSummary(ctx: OrgCtx) {
  const ids = await visibleOrgIds(ctx);
  const own = [ctx.org.id];
  let system: { providers: number; workplaces: number; staffInPost: number } | null = null;
  if (ctx.org.kind === "council") {
    const providerIds = ids.filter((id) => id !== ctx.org.id);
    system = {
      providers: providerIds.length,
      workplaces: await repo.countWorkplaces(ctx.db, ids),
      staffInPost: await repo.countStaffInPost(ctx.db, ids),
    };
  }
  return {
    workplaces: await repo.countWorkplaces(ctx.db, own),
    staffInPost: await repo.countStaffInPost(ctx.db, own),
    system,
  };
}

export const listOrganisations = (ctx: Ctx) => repo.listAllOrgs(ctx.db);

/** Finds an organisation by id or short name (for the CLI). */
export async function findOrg(ctx: Ctx, idOrSlug: string) {
  const isUuid = UUID.test(idOrSlug);
  return (
    (isUuid ? await repo.findOrgById(ctx.db, idOrSlug) : undefined) ?? (await repo.findOrgBySlug(ctx.db, idOrSlug))
  );
}
