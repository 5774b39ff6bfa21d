import { eq } from "drizzle-orm";
import type { Ctx } from "../../context";
import { organisations } from "../../db/schema";
import { DEMO_IN_PRODUCTION } from "../../env";

/**
 * Why the hub must not start: production on a database that holds the demo system (whose
 * sign-ins and password are in the README), unless ALLOW_DEMO_IN_PRODUCTION says so. SEED_DEMO
 * itself is checked with the rest of the environment (env.ts).
 */
export async function demoInProductionProblem(ctx: Ctx): Promise<string | null> {
  const { env } = ctx.deps;
  if (env.NODE_ENV !== "production" || env.ALLOW_DEMO_IN_PRODUCTION) return null;
  const [demo] = await ctx.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.isDemo, true))
    .limit(1);
  return demo
    ? `The hub cannot start: NODE_ENV is production and the database holds the demo system, but ${DEMO_IN_PRODUCTION}.`
    : null;
}
