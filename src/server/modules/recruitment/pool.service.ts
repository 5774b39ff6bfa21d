import { inTransaction, type OrgCtx } from "../../context";
import { badRequest, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { oneLine, queueEmail } from "../mail/mail.service";
import { councilsOf } from "../orgs/commissioning";
import { isOpenAdvert } from "./advert-rules";
import * as repo from "./candidates.repo";
import { profileOptions } from "./candidates.service";

// The talent pool as an employer sees it (issue 17 item 4): only candidates whose consent covers
// this employer, only what they shared (pool.presenter.ts), and invitations to apply.

/** The councils whose job board the employer recruits on: itself if a council, else those commissioning it today. */
async function boardsOf(ctx: OrgCtx) {
  if (ctx.org.kind === "council") return [ctx.org.id];
  return councilsOf(ctx.db, ctx.org.id, isoDate(ctx.deps.now()));
}

async function catalogueOf(ctx: OrgCtx, councilIds: string[]) {
  const options = await Promise.all(councilIds.map((id) => profileOptions(ctx, id)));
  const roles = new Map<string, string>();
  const qualifications = new Map<string, string>();
  for (const o of options) {
    for (const r of o.roles) if (!roles.has(r.key)) roles.set(r.key, r.title);
    for (const q of o.qualifications) if (!qualifications.has(q.key)) qualifications.set(q.key, q.title);
  }
  return { roles, qualifications };
}

export async function searchPool(ctx: OrgCtx, filter: { role?: string; area?: string }) {
  const councils = await boardsOf(ctx);
  const rows = await repo.searchPool(ctx.db, ctx.org.id, councils, filter);
  const { roles, qualifications } = await catalogueOf(ctx, councils);
  return {
    rows,
    roles,
    qualifications,
    adverts: await repo.listOwnOpenAdverts(ctx.db, ctx.org.id, isoDate(ctx.deps.now())),
  };
}

/** Invites a pooled candidate (whose consent covers this employer now) to apply for one of its open adverts. */
export async function inviteFromPool(ctx: OrgCtx, candidateId: string, input: { advertId: string; message: string }) {
  const councils = await boardsOf(ctx);
  const [found] = await repo.searchPool(ctx.db, ctx.org.id, councils, { candidateId });
  if (!found) throw notFound("candidate");
  const advert = await repo.findOwnAdvert(ctx.db, ctx.org.id, input.advertId);
  const today = isoDate(ctx.deps.now());
  if (!advert || !isOpenAdvert(advert, today) || advert.councilId !== found.profile.councilId)
    throw badRequest("validation", "Choose one of your open jobs on the candidate's job board.", [
      { path: "advertId", message: "Choose one of your open jobs" },
    ]);
  return inTransaction(ctx, async (tx) => {
    const invitation = await repo.insertPoolInvitation(tx.db, {
      orgId: tx.org.id,
      candidateUserId: found.profile.userId,
      advertId: advert.id,
      message: input.message,
      createdBy: tx.actor.userId,
      createdAt: tx.deps.now(),
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "pool_invitation",
      entityId: invitation.id,
      after: { advertId: advert.id },
    });
    const email = await repo.findUserEmail(tx.db, found.profile.userId);
    if (email)
      await queueEmail(tx, {
        to: email,
        template: "pool-invitation",
        subject: `${tx.org.name} invites you to apply for ${advert.title}`,
        body: [
          `${oneLine(tx.org.name)} found you in the talent pool and invites you to apply for ${oneLine(advert.title)}.`,
          ...(input.message ? ["", "Their message:", input.message] : []),
          "",
          "See the invitation and apply here:",
          `${tx.deps.env.PUBLIC_URL}/orgs/${found.profile.councilId}/candidate/invitations`,
          "",
          "You are in the pool because you chose to be. You can change who can find you at any time on that page.",
        ].join("\n"),
      });
    return invitation;
  });
}
