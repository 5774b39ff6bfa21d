import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { type Framework, frameworkProblems, frameworkSchema } from "../../../shared/career/framework";
import { type Ctx, inTransaction, type OrgCtx } from "../../context";
import { careerFrameworks, frameworkEndorsements, organisations, providerJobTitles } from "../../db/schema";
import { badRequest, conflict, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { commissionedProviderIds, commissioningCouncilIds } from "../orgs/orgs.repo";
import { SHIPPED_FRAMEWORK } from "./shipped-framework";

// A council's career framework (ADR 0008): one draft it edits, versions it publishes (immutable,
// enforced by a trigger), endorsements by the providers it commissions, and providers' own job
// titles mapped onto the framework's roles.

const requireCouncil = (ctx: OrgCtx) => {
  if (ctx.org.kind !== "council") throw badRequest("validation", "Career frameworks are kept by councils.");
};

/** The latest published framework of a council, or null. */
async function latestPublished(ctx: Ctx, councilId: string) {
  const [row] = await ctx.db
    .select()
    .from(careerFrameworks)
    .where(and(eq(careerFrameworks.councilId, councilId), eq(careerFrameworks.status, "published")))
    .orderBy(desc(careerFrameworks.version))
    .limit(1);
  return row ?? null;
}

/** The framework in force for a council: its latest published version, else the one the hub ships. */
export async function frameworkInForce(ctx: Ctx, councilId: string | null): Promise<{ framework: Framework; version: number | null }> {
  const row = councilId ? await latestPublished(ctx, councilId) : null;
  return row ? { framework: row.document as Framework, version: row.version } : { framework: SHIPPED_FRAMEWORK, version: null };
}

/** The framework for an organisation's people: its own if a council, else that of a council commissioning it (the shipped one until a council publishes its own). */
export async function frameworkForOrg(ctx: OrgCtx): Promise<Framework> {
  if (ctx.org.kind === "council") return (await frameworkInForce(ctx, ctx.org.id)).framework;
  for (const councilId of await commissioningCouncilIds(ctx.db, ctx.org.id, isoDate(ctx.deps.now()))) {
    const inForce = await frameworkInForce(ctx, councilId);
    if (inForce.version !== null) return inForce.framework;
  }
  return SHIPPED_FRAMEWORK;
}

const findDraft = async (ctx: OrgCtx, forUpdate = false) => {
  const query = ctx.db
    .select()
    .from(careerFrameworks)
    .where(and(eq(careerFrameworks.councilId, ctx.org.id), eq(careerFrameworks.status, "draft")));
  return (forUpdate ? await query.for("update") : await query)[0] ?? null;
};

/**
 * The council's draft to edit. Reading never writes: with no draft saved yet, it is the
 * framework in force (its latest version, or the shipped one) with id null, and the first save
 * creates the draft.
 */
export async function getDraft(ctx: OrgCtx): Promise<{ id: string | null; document: unknown; updatedAt: Date | null }> {
  requireCouncil(ctx);
  const draft = await findDraft(ctx);
  if (draft) return draft;
  return { id: null, document: (await frameworkInForce(ctx, ctx.org.id)).framework, updatedAt: null };
}

/** Saves the draft after checking its shape and its links (no broken routes, no dead ends). */
export async function saveDraft(ctx: OrgCtx, document: unknown) {
  requireCouncil(ctx);
  const parsed = frameworkSchema.safeParse(document);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: `document.${i.path.join(".")}`, message: i.message }));
    throw badRequest("validation", `The framework is not valid: ${issues[0].path}: ${issues[0].message}`, issues);
  }
  const problems = frameworkProblems(parsed.data);
  if (problems.length)
    throw badRequest(
      "framework_links",
      `The framework does not hang together: ${problems[0]}.`,
      problems.map((message) => ({ path: "document", message })),
    );
  return inTransaction(ctx, async (tx) => {
    const draft = await findDraft(tx, true);
    const [saved] = draft
      ? await tx.db.update(careerFrameworks).set({ document: parsed.data, updatedAt: tx.deps.now() }).where(eq(careerFrameworks.id, draft.id)).returning()
      : await tx.db.insert(careerFrameworks).values({ councilId: ctx.org.id, status: "draft", document: parsed.data, createdBy: ctx.actor.userId }).returning();
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: draft ? "update" : "create",
      entityType: "career_framework_draft",
      entityId: saved.id,
      after: { roles: parsed.data.roles.length, routes: parsed.data.routes.length },
    });
    return saved;
  });
}

/** Publishes the draft as the next version; it can never change after this. */
export async function publishDraft(ctx: OrgCtx) {
  requireCouncil(ctx);
  return inTransaction(ctx, async (tx) => {
    const draft = await findDraft(tx, true);
    if (!draft) throw conflict("no_draft", "There is no draft to publish. Save a draft first (it may be the current framework unchanged).");
    const problems = frameworkProblems(draft.document as Framework);
    if (problems.length) throw badRequest("framework_links", `The draft does not hang together: ${problems[0]}.`);
    const version = ((await latestPublished(tx, ctx.org.id))?.version ?? 0) + 1;
    const [published] = await tx.db
      .update(careerFrameworks)
      .set({ status: "published", version, publishedAt: tx.deps.now(), publishedBy: ctx.actor.userId })
      .where(eq(careerFrameworks.id, draft.id))
      .returning();
    await recordAudit(tx, { orgId: ctx.org.id, action: "publish", entityType: "career_framework", entityId: draft.id, after: { version } });
    return published;
  });
}

const summary = (row: typeof careerFrameworks.$inferSelect) => ({
  id: row.id,
  status: row.status,
  version: row.version,
  title: (row.document as Framework).title,
  roles: (row.document as Framework).roles.length,
  publishedAt: row.publishedAt,
  updatedAt: row.updatedAt,
});

/**
 * For a council: its draft and published versions, and for each version which of the providers
 * it commissions today have endorsed it and which have not. For a provider: the latest published
 * framework of each council that commissions it, and whether it has endorsed it.
 */
export async function listFrameworks(ctx: OrgCtx) {
  const today = isoDate(ctx.deps.now());
  if (ctx.org.kind === "council") {
    const rows = await ctx.db.select().from(careerFrameworks).where(eq(careerFrameworks.councilId, ctx.org.id)).orderBy(desc(careerFrameworks.version));
    const providerIds = (await commissionedProviderIds(ctx.db, ctx.org.id, today)).map((p) => p.id);
    const providers = providerIds.length
      ? await ctx.db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, providerIds)).orderBy(organisations.name)
      : [];
    const published = rows.filter((r) => r.status === "published");
    const endorsed = published.length
      ? await ctx.db
          .select()
          .from(frameworkEndorsements)
          .where(
            inArray(
              frameworkEndorsements.frameworkId,
              published.map((r) => r.id),
            ),
          )
      : [];
    return {
      kind: "council" as const,
      draft: rows.find((r) => r.status === "draft") ? summary(rows.find((r) => r.status === "draft") as typeof careerFrameworks.$inferSelect) : null,
      versions: published.map((r) => {
        const by = new Map(endorsed.filter((e) => e.frameworkId === r.id).map((e) => [e.providerId, e.endorsedAt]));
        return {
          ...summary(r),
          providers: providers.map((p) => ({ id: p.id, name: p.name, endorsedAt: by.get(p.id) ?? null })),
          endorsedCount: providers.filter((p) => by.has(p.id)).length,
          notYet: providers.filter((p) => !by.has(p.id)).map((p) => p.name),
        };
      }),
    };
  }
  const out = [];
  for (const council_id of await commissioningCouncilIds(ctx.db, ctx.org.id, today)) {
    const row = await latestPublished(ctx, council_id);
    if (!row) continue;
    const [council] = await ctx.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, council_id));
    const [mine] = await ctx.db
      .select()
      .from(frameworkEndorsements)
      .where(and(eq(frameworkEndorsements.frameworkId, row.id), eq(frameworkEndorsements.providerId, ctx.org.id)));
    out.push({ ...summary(row), council: council?.name ?? "", endorsedAt: mine?.endorsedAt ?? null });
  }
  return { kind: "provider" as const, frameworks: out };
}

/** A provider endorses a published version of the framework of a council that commissions it. */
export async function endorse(ctx: OrgCtx, frameworkId: string) {
  if (ctx.org.kind !== "provider") throw badRequest("validation", "Frameworks are endorsed by providers.");
  const [row] = await ctx.db
    .select()
    .from(careerFrameworks)
    .where(and(eq(careerFrameworks.id, frameworkId), isNotNull(careerFrameworks.version)));
  // Only published versions (drafts have no version) of councils that commission this provider
  // exist, as far as it is concerned.
  const commissioned = row ? (await commissioningCouncilIds(ctx.db, ctx.org.id, isoDate(ctx.deps.now()))).includes(row.councilId) : false;
  if (!row || !commissioned) throw notFound("framework");
  return inTransaction(ctx, async (tx) => {
    await tx.db.insert(frameworkEndorsements).values({ frameworkId, providerId: ctx.org.id, endorsedBy: ctx.actor.userId }).onConflictDoNothing();
    await recordAudit(tx, { orgId: ctx.org.id, action: "endorse", entityType: "career_framework", entityId: frameworkId, after: { version: row.version } });
    return { frameworkId, version: row.version, endorsed: true };
  });
}

/** A provider's own job titles and the framework roles they map onto. */
export async function listJobTitles(ctx: OrgCtx) {
  return ctx.db.select().from(providerJobTitles).where(eq(providerJobTitles.providerId, ctx.org.id)).orderBy(providerJobTitles.title);
}

export async function addJobTitle(ctx: OrgCtx, title: string, roleKey: string) {
  if (ctx.org.kind !== "provider") throw badRequest("validation", "Job titles are mapped by providers.");
  // The framework the provider's people are placed in (My career, the dashboards).
  const framework = await frameworkForOrg(ctx);
  if (!framework.roles.some((r) => r.key === roleKey))
    throw badRequest("validation", `${roleKey} is not a role in the framework.`, [{ path: "roleKey", message: "Choose a role from the framework" }]);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.insert(providerJobTitles).values({ providerId: ctx.org.id, title: title.trim(), roleKey }).onConflictDoNothing().returning();
    if (!row) throw conflict("duplicate_title", `You have already mapped "${title.trim()}". Remove it first to map it to another role.`);
    await recordAudit(tx, { orgId: ctx.org.id, action: "create", entityType: "job_title", entityId: row.id, after: { title: row.title, roleKey } });
    return row;
  });
}

export async function removeJobTitle(ctx: OrgCtx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .delete(providerJobTitles)
      .where(and(eq(providerJobTitles.id, id), eq(providerJobTitles.providerId, ctx.org.id)))
      .returning();
    if (!row) throw notFound("job title");
    await recordAudit(tx, { orgId: ctx.org.id, action: "delete", entityType: "job_title", entityId: id, before: { title: row.title, roleKey: row.roleKey } });
    return row;
  });
}
