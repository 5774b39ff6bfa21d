import { type Framework, frameworkProblems, frameworkSchema } from "../../../shared/career/framework";
import { type Ctx, inTransaction, type OrgCtx } from "../../context";
import { badRequest, conflict, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { assertCommissions, councilsOf, providersOf } from "../orgs/commissioning";
import * as repo from "./frameworks.repo";
import { SHIPPED_FRAMEWORK } from "./shipped-framework";

// A council's career framework (ADR 0008): one draft it edits, versions it publishes (immutable,
// enforced by a trigger), endorsements by the providers it commissions, and providers' own job
// titles mapped onto the framework's roles.
// Which kind of organisation calls what (councils keep drafts and publish, providers endorse and
// map job titles) is each route's orgKinds, checked by the guard before these run.

/** The latest published framework of a council, or null. */
async function latestPublished(ctx: Ctx, councilId: string) {
  return (await repo.findLatestPublished(ctx.db, councilId)) ?? null;
}

/** The framework in force for a council: its latest published version, else the one the hub ships. */
export async function frameworkInForce(
  ctx: Ctx,
  councilId: string | null,
): Promise<{ framework: Framework; version: number | null }> {
  const row = councilId ? await latestPublished(ctx, councilId) : null;
  return row
    ? { framework: row.document as Framework, version: row.version }
    : { framework: SHIPPED_FRAMEWORK, version: null };
}

/** The framework for an organisation's people: its own if a council, else that of a council commissioning it (the shipped one until a council publishes its own). */
export async function frameworkForOrg(ctx: OrgCtx): Promise<Framework> {
  if (ctx.org.kind === "council") return (await frameworkInForce(ctx, ctx.org.id)).framework;
  for (const councilId of await councilsOf(ctx.db, ctx.org.id, isoDate(ctx.deps.now()))) {
    const inForce = await frameworkInForce(ctx, councilId);
    if (inForce.version !== null) return inForce.framework;
  }
  return SHIPPED_FRAMEWORK;
}

const findDraft = async (ctx: OrgCtx, forUpdate = false) =>
  (await repo.findDraft(ctx.db, ctx.org.id, forUpdate)) ?? null;

/**
 * The council's draft to edit. Reading never writes: with no draft saved yet, it is the
 * framework in force (its latest version, or the shipped one) with id null, and the first save
 * creates the draft.
 */
export async function getDraft(ctx: OrgCtx): Promise<{ id: string | null; document: unknown; updatedAt: Date | null }> {
  const draft = await findDraft(ctx);
  if (draft) return draft;
  return { id: null, document: (await frameworkInForce(ctx, ctx.org.id)).framework, updatedAt: null };
}

/** Saves the draft after checking its shape and its links (no broken routes, no dead ends). */
export async function saveDraft(ctx: OrgCtx, document: unknown) {
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
    const saved = draft
      ? await repo.updateFramework(tx.db, draft.id, { document: parsed.data, updatedAt: tx.deps.now() })
      : await repo.insertDraft(tx.db, {
          councilId: ctx.org.id,
          status: "draft",
          document: parsed.data,
          createdBy: ctx.actor.userId,
        });
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
  return inTransaction(ctx, async (tx) => {
    const draft = await findDraft(tx, true);
    if (!draft)
      throw conflict(
        "no_draft",
        "There is no draft to publish. Save a draft first (it may be the current framework unchanged).",
      );
    const problems = frameworkProblems(draft.document as Framework);
    if (problems.length) throw badRequest("framework_links", `The draft does not hang together: ${problems[0]}.`);
    const version = ((await latestPublished(tx, ctx.org.id))?.version ?? 0) + 1;
    const published = await repo.updateFramework(tx.db, draft.id, {
      status: "published",
      version,
      publishedAt: tx.deps.now(),
      publishedBy: ctx.actor.userId,
    });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "publish",
      entityType: "career_framework",
      entityId: draft.id,
      after: { version },
    });
    return published;
  });
}

const summary = (row: repo.FrameworkRow) => ({
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
    const rows = await repo.listCouncilFrameworks(ctx.db, ctx.org.id);
    const providers = await repo.listOrgNames(ctx.db, await providersOf(ctx.db, ctx.org.id, today));
    const published = rows.filter((r) => r.status === "published");
    const endorsed = await repo.listEndorsements(
      ctx.db,
      published.map((r) => r.id),
    );
    return {
      kind: "council" as const,
      draft: rows.find((r) => r.status === "draft")
        ? summary(rows.find((r) => r.status === "draft") as repo.FrameworkRow)
        : null,
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
  for (const councilId of await councilsOf(ctx.db, ctx.org.id, today)) {
    const row = await latestPublished(ctx, councilId);
    if (!row) continue;
    const [council] = await repo.listOrgNames(ctx.db, [councilId]);
    const mine = await repo.findEndorsement(ctx.db, row.id, ctx.org.id);
    out.push({
      ...summary(row),
      council: council?.name ?? "",
      councilSlug: council?.slug ?? "",
      endorsedAt: mine?.endorsedAt ?? null,
    });
  }
  return { kind: "provider" as const, frameworks: out };
}

/** A provider endorses a published version of the framework of a council that commissions it. */
export async function endorse(ctx: OrgCtx, frameworkId: string) {
  // Only published versions of councils that commission this provider today exist, as far as it is concerned.
  const row = await repo.findPublished(ctx.db, frameworkId);
  if (!row) throw notFound("framework");
  await assertCommissions(ctx.db, row.councilId, ctx.org.id, isoDate(ctx.deps.now()), "framework");
  return inTransaction(ctx, async (tx) => {
    await repo.insertEndorsement(tx.db, { frameworkId, providerId: ctx.org.id, endorsedBy: ctx.actor.userId });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "endorse",
      entityType: "career_framework",
      entityId: frameworkId,
      after: { version: row.version },
    });
    return { frameworkId, version: row.version, endorsed: true };
  });
}

/** A provider's own job titles and the framework roles they map onto. */
export async function listJobTitles(ctx: OrgCtx) {
  return repo.listJobTitles(ctx.db, ctx.org.id);
}

export async function addJobTitle(ctx: OrgCtx, title: string, roleKey: string) {
  // The framework the provider's people are placed in (My career, the dashboards).
  const framework = await frameworkForOrg(ctx);
  if (!framework.roles.some((r) => r.key === roleKey))
    throw badRequest("validation", `${roleKey} is not a role in the framework.`, [
      { path: "roleKey", message: "Choose a role from the framework" },
    ]);
  return inTransaction(ctx, async (tx) => {
    const row = await repo.insertJobTitle(tx.db, { providerId: ctx.org.id, title: title.trim(), roleKey });
    if (!row)
      throw conflict(
        "duplicate_title",
        `You have already mapped "${title.trim()}". Remove it first to map it to another role.`,
      );
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "create",
      entityType: "job_title",
      entityId: row.id,
      after: { title: row.title, roleKey },
    });
    return row;
  });
}

export async function removeJobTitle(ctx: OrgCtx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const row = await repo.deleteJobTitle(tx.db, ctx.org.id, id);
    if (!row) throw notFound("job title");
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "delete",
      entityType: "job_title",
      entityId: id,
      before: { title: row.title, roleKey: row.roleKey },
    });
    return row;
  });
}
