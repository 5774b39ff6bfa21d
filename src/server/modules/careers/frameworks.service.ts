import { and, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { type Framework, frameworkProblems, frameworkSchema } from "../../../shared/career/framework";
import { type Ctx, inTransaction, type OrgCtx } from "../../context";
import { careerFrameworks, frameworkEndorsements, organisations, providerJobTitles } from "../../db/schema";
import { AppError, badRequest, conflict, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { commissionedProviderIds } from "../orgs/orgs.repo";
import { SHIPPED_FRAMEWORK } from "./shipped-framework";

// A council's career framework (ADR 0008): one draft it edits, versions it publishes (immutable,
// enforced by a trigger), endorsements by the providers it commissions, and providers' own job
// titles mapped onto the framework's roles.

const requireCouncil = (ctx: OrgCtx) => {
  if (ctx.org.kind !== "council") throw badRequest("validation", "Career frameworks are kept by councils.");
};

/** The councils that commission a provider on a date. */
export async function councilsOf(ctx: Ctx, providerId: string, onDate: string): Promise<string[]> {
  const rows = await ctx.db.execute(
    sql`select distinct council_id from commissioning where provider_id = ${providerId} and from_date <= ${onDate}::date and (to_date is null or to_date >= ${onDate}::date) order by council_id`,
  );
  return (rows.rows as { council_id: string }[]).map((r) => r.council_id);
}

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

/** The council's draft, started from its latest published version (or the shipped framework) when there is none. */
export async function getDraft(ctx: OrgCtx) {
  requireCouncil(ctx);
  const [draft] = await ctx.db
    .select()
    .from(careerFrameworks)
    .where(and(eq(careerFrameworks.councilId, ctx.org.id), eq(careerFrameworks.status, "draft")));
  if (draft) return draft;
  const { framework } = await frameworkInForce(ctx, ctx.org.id);
  const [created] = await ctx.db.insert(careerFrameworks).values({ councilId: ctx.org.id, status: "draft", document: framework, createdBy: ctx.actor.userId }).returning();
  return created;
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
    const draft = await getDraft(tx);
    const [saved] = await tx.db.update(careerFrameworks).set({ document: parsed.data, updatedAt: tx.deps.now() }).where(eq(careerFrameworks.id, draft.id)).returning();
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "update",
      entityType: "career_framework_draft",
      entityId: draft.id,
      after: { roles: parsed.data.roles.length, routes: parsed.data.routes.length },
    });
    return saved;
  });
}

/** Publishes the draft as the next version; it can never change after this. */
export async function publishDraft(ctx: OrgCtx) {
  requireCouncil(ctx);
  return inTransaction(ctx, async (tx) => {
    const [draft] = await tx.db
      .select()
      .from(careerFrameworks)
      .where(and(eq(careerFrameworks.councilId, ctx.org.id), eq(careerFrameworks.status, "draft")))
      .for("update");
    if (!draft) throw conflict("no_draft", "There is no draft to publish. Start one by editing the framework.");
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
  for (const council_id of await councilsOf(ctx, ctx.org.id, today)) {
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
  // Only a framework of a council that commissions this provider exists, as far as it is concerned.
  const commissioned = row ? (await commissionedProviderIds(ctx.db, row.councilId, isoDate(ctx.deps.now()))).some((p) => p.id === ctx.org.id) : false;
  if (!row || !commissioned) throw notFound("framework");
  if (row.status !== "published") throw new AppError(409, "not_published", "Only a published framework can be endorsed.");
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
  const roles = new Set(SHIPPED_FRAMEWORK.roles.map((r) => r.key));
  for (const council_id of await councilsOf(ctx, ctx.org.id, isoDate(ctx.deps.now()))) for (const r of (await frameworkInForce(ctx, council_id)).framework.roles) roles.add(r.key);
  if (!roles.has(roleKey)) throw badRequest("validation", `${roleKey} is not a role in the framework.`, [{ path: "roleKey", message: "Choose a role from the framework" }]);
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
