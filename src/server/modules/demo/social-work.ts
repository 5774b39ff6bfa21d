import type { Ctx } from "../../context";
import { seedSwAgency } from "./social-work-agency";
import { seedSwAsye } from "./social-work-asye";
import { seedSocialWorkBase } from "./social-work-base";
import { seedSwExitInterviews } from "./social-work-exits";
import { seedSwProgression } from "./social-work-progression";
import { seedSwRoutesIn } from "./social-work-routes-in";
import { seedSwSupervision } from "./social-work-supervision";
import type { SocialWorkDemoOptions } from "./social-work-types";

/**
 * The council's social work service in the demo (issue 20): its teams, posts and people over three
 * years (social-work-base.ts), then the routes in, ASYEs, supervision and caseloads, progression,
 * agency workers and exit interviews, each a part of its own that reads the base.
 */
export async function seedSocialWork(ctx: Ctx, opts: SocialWorkDemoOptions) {
  const base = await seedSocialWorkBase(ctx, opts);
  await seedSwRoutesIn(ctx, base);
  await seedSwAsye(ctx, base);
  await seedSwSupervision(ctx, base);
  await seedSwProgression(ctx, base);
  await seedSwAgency(ctx, base);
  await seedSwExitInterviews(ctx, base);
  return base;
}
