import { JOB_ROLES } from "../../../shared/ascwds/codes";
import type { AdvertView } from "../../../shared/schemas/recruitment";
import { type AdvertWithExtras, advertFields } from "./adverts.service";

// What an employer (and the council's hub) sees of an advert: pay in pounds, never a person.

export function presentAdvert(r: AdvertWithExtras): AdvertView {
  const a = r.advert;
  return {
    id: a.id,
    status: a.status as AdvertView["status"],
    closedReason: a.closedReason,
    moderationNote: a.moderationNote,
    employer: { id: a.orgId, name: r.employerName },
    board: { id: a.councilId, name: r.boardName },
    vacancyId: a.vacancyId,
    workplace: { id: a.workplaceId, name: r.workplaceName },
    place: { postcode: a.postcode, outward: a.outward },
    jobRole: { code: a.jobRole, label: JOB_ROLES[a.jobRole] ?? String(a.jobRole) },
    ...advertFields(a),
    publishedAt: a.publishedAt?.toISOString() ?? null,
    closedAt: a.closedAt?.toISOString() ?? null,
    questions: r.questions.map((q) => ({ id: q.id, value: q.value, question: q.question, guidance: q.guidance })),
    counts: r.counts,
  };
}
