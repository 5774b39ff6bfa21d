import { can } from "../../../shared/permissions";
import type { OrgCtx } from "../../context";
import { forbidden } from "../../lib/errors";
import type { ActionRow } from "./strategy.repo";
import * as repo from "./strategy.repo";

// Who may do what to a council's strategy, beyond the route's permission. The council's admin and
// workforce lead (strategy.manage) edit everything; anyone else with strategy.update (a strategy
// group member from a provider or partner) records progress only on the actions they own: as the
// action's owner, or as a member of the group that owns it.

export const canManage = (ctx: OrgCtx) => can(ctx.role, "strategy.manage", ctx.actor.isHubAdmin);
export const canUpdateAny = (ctx: OrgCtx) => canManage(ctx);

/** Who the person asking is in the plan: the groups they belong to here. */
export async function viewerOf(ctx: OrgCtx) {
  const manage = canManage(ctx);
  const update = can(ctx.role, "strategy.update", ctx.actor.isHubAdmin);
  const groups =
    !manage && update && ctx.actor.userId
      ? new Set(await repo.groupIdsOfUser(ctx.db, ctx.org.id, ctx.actor.userId))
      : new Set<string>();
  return {
    manage,
    update,
    /** Whether they may record progress on this action. */
    mayUpdate(action: Pick<ActionRow, "ownerUserId" | "ownerGroupId">) {
      if (manage) return true;
      if (!update || !ctx.actor.userId) return false;
      if (action.ownerUserId === ctx.actor.userId) return true;
      return action.ownerGroupId !== null && groups.has(action.ownerGroupId);
    },
  };
}
export type Viewer = Awaited<ReturnType<typeof viewerOf>>;

export async function assertMayUpdate(ctx: OrgCtx, action: ActionRow) {
  const viewer = await viewerOf(ctx);
  if (!viewer.mayUpdate(action))
    throw forbidden("You can record progress only on the actions you own, or that a group you are in owns.");
}
