import { HEADLINES } from "../../../shared/metrics";
import { type Ctx, inTransaction, type OrgCtx, systemActor } from "../../context";
import { badRequest, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { findOrgBySlug } from "../orgs/orgs.repo";
import { listPayFloors } from "../reference/reference.repo";
import { comparisonDates } from "./dates";
import { MIN_WORKERS } from "./disclosure";
import { distributionsFor } from "./distributions";
import { cellKey, type Figure, type Figures } from "./engine";
import { figuresGrid, pick, protectForScope, workplacesOf } from "./metrics.service";
import { findPublicPage, savePublicPage } from "./public-page.repo";

// A council's public "state of the workforce" page (metrics.md: public outputs round counts to
// the nearest 5). Off until the council switches it on. Read by anyone, so it is protected as the
// strictest reader: a comparison group's rules (3 employers, 10 workers), then rounded.

/** Counts on a public page are rounded to the nearest ROUND_TO. */
export const ROUND_TO = 5;
/** The figures a public page shows: the headlines, less data quality and spend. */
export const PUBLIC_FIGURES = HEADLINES.filter(
  (h) => !["completeness_score", "ethnicity_unknown_share", "agency_spend"].includes(h.name),
).map((h) => h.name);
const COUNTS = new Set(HEADLINES.filter((h) => h.kind === "count").map((h) => h.name));

export const round5 = (n: number) => Math.round(n / ROUND_TO) * ROUND_TO;

/**
 * Public rounding: counts to the nearest 5, and what a figure rests on (`n`) likewise; a rate or
 * median resting on fewer than MIN_WORKERS people is not given; rates to a tenth of a percent.
 */
export function roundForPublic(figures: Figures): Figures {
  const out: Figures = {};
  for (const [name, f] of Object.entries(figures)) {
    if (f.value === null) out[name] = { value: null, reason: f.reason, n: 0 };
    else if (f.n < MIN_WORKERS && !COUNTS.has(name)) out[name] = { value: null, reason: "not_enough_data", n: 0 };
    else {
      const value = COUNTS.has(name) ? round5(f.value) : Math.round(f.value * 1000) / 1000;
      out[name] = { value, n: round5(f.n), ...(f.declared ? { declared: true } : {}) } satisfies Figure;
    }
  }
  return out;
}

async function pageOf(ctx: Ctx, councilId: string) {
  return findPublicPage(ctx.db, councilId);
}

export async function getPublicPageSetting(ctx: OrgCtx) {
  return { enabled: (await pageOf(ctx, ctx.org.id))?.enabled ?? false, slug: ctx.org.slug };
}

export async function setPublicPage(ctx: OrgCtx, enabled: boolean) {
  if (ctx.org.kind !== "council") throw badRequest("validation", "Public workforce pages are for councils.");
  return inTransaction(ctx, async (tx) => {
    const before = await pageOf(tx, ctx.org.id);
    await savePublicPage(tx.db, {
      councilId: ctx.org.id,
      enabled,
      updatedBy: ctx.actor.userId,
      updatedAt: tx.deps.now(),
    });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "update",
      entityType: "public_page",
      entityId: ctx.org.id,
      before: { enabled: before?.enabled ?? false },
      after: { enabled },
    });
    return { enabled, slug: ctx.org.slug };
  });
}

/** The public page of a council that has switched it on; "not found" otherwise, whether or not the council exists. */
export async function publicWorkforce(ctx: Ctx, slug: string) {
  const council = await findOrgBySlug(ctx.db, slug);
  if (council?.kind !== "council" || !(await pageOf(ctx, council.id))?.enabled) throw notFound("page");
  const asCouncil: OrgCtx = {
    ...ctx,
    actor: systemActor,
    org: { id: council.id, kind: "council", name: council.name, slug: council.slug, isDemo: council.isDemo },
    role: null,
  };
  const at = isoDate(ctx.deps.now());
  const ids = await workplacesOf(asCouncil, { kind: "council" }, at);
  // "A quarter ago" and the trend are the dates the council's own dashboard compares (dates.ts).
  const { previousAt, quarters } = comparisonDates(at);
  const dates = [at, previousAt, ...quarters];
  const grid = await figuresGrid(
    asCouncil,
    ids,
    dates.map((d) => ({ at: d, by: "all" as const })),
    PUBLIC_FIGURES,
  );
  // Protected as a comparison group; the page shows no special category figure (PUBLIC_FIGURES),
  // so nothing on it takes part in the council's linked suppression (disclosure.ts).
  const guard = await protectForScope(asCouncil, { kind: "comparison" }, ids, dates);
  const figuresAt = (d: string) =>
    roundForPublic(pick(guard(grid.get(cellKey({ at: d, by: "all" }))?.get("all") as Figures, d), PUBLIC_FIGURES));
  const d = await distributionsFor(ctx.db, ids, at, await listPayFloors(ctx.db));
  return {
    council: { name: council.name, slug: council.slug, isDemo: council.isDemo },
    at,
    roundedTo: ROUND_TO,
    now: figuresAt(at),
    previousAt,
    previous: figuresAt(previousAt),
    trend: quarters.map((q) => ({ at: q, figures: figuresAt(q) })),
    agePyramid: d.agePyramid.map((b) => ({
      band: b.band,
      female: round5(b.female),
      male: round5(b.male),
      other: round5(b.other),
    })),
  };
}
