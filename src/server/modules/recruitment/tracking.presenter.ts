import type { ApplicationStage } from "../../../shared/recruitment";
import type { ApplicationDetail, ApplicationSummary, ChecksView } from "../../../shared/schemas/recruitment";
import { RUBRIC } from "../../../shared/schemas/recruitment";
import type { ChecksRow } from "./tracking.repo";
import type { getApplication, listApplications } from "./tracking.service";

// What an employer sees of the applications to its own adverts. Scores are totalled per value
// with the number of assessors, as the reference's rubric advice asks (§3.4).

type ListRow = Awaited<ReturnType<typeof listApplications>>["rows"][number];
type Detail = Awaited<ReturnType<typeof getApplication>>;

export function presentSummary(r: ListRow): ApplicationSummary {
  const a = r.application;
  return {
    id: a.id,
    advert: { id: a.advertId, title: r.advertTitle },
    name: a.name,
    stage: a.stage as ApplicationStage,
    rejectionReason: a.rejectionReason,
    source: a.source,
    submittedAt: a.submittedAt.toISOString(),
    stageChangedAt: a.stageChangedAt.toISOString(),
    interview: r.slotStartsAt ? { startsAt: r.slotStartsAt.toISOString(), place: r.slotPlace ?? "" } : null,
  };
}

export function presentDetail(d: Detail): ApplicationDetail {
  const a = d.application;
  const byValue = new Map<string, { total: number; n: number; assessors: Set<string> }>();
  for (const { score } of d.scores) {
    const v = byValue.get(score.value) ?? { total: 0, n: 0, assessors: new Set<string>() };
    v.total += score.score;
    v.n += 1;
    v.assessors.add(score.assessorId ?? "");
    byValue.set(score.value, v);
  }
  const answers =
    (a.answers as { questionId?: string | null; value: string; question: string; answer: string }[]) ?? [];
  return {
    ...presentSummary({
      application: a,
      advertTitle: d.advert.title,
      slotStartsAt: d.booked?.startsAt ?? null,
      slotPlace: d.booked?.place ?? null,
    }),
    email: a.email,
    phone: a.phone,
    profile: (a.profile as Record<string, unknown>) ?? {},
    answers: answers.map((x) => ({
      questionId: x.questionId ?? null,
      value: x.value,
      question: x.question,
      answer: x.answer,
    })),
    startedOn: a.startedOn,
    staffRecordId: a.staffRecordId,
    candidateDeleted: Boolean(a.candidateDeletedAt),
    history: d.events.map(({ event, by }) => ({
      fromStage: event.fromStage,
      toStage: event.toStage,
      reason: event.reason,
      at: event.at.toISOString(),
      by,
    })),
    notes: d.notes.map(({ note, author }) => ({
      id: note.id,
      body: note.body,
      author,
      createdAt: note.createdAt.toISOString(),
    })),
    scores: d.scores.map(({ score, assessor }) => ({
      id: score.id,
      value: score.value,
      questionId: score.questionId,
      score: score.score,
      evidence: score.evidence,
      assessor,
      createdAt: score.createdAt.toISOString(),
    })),
    totals: [...byValue].map(([value, v]) => ({
      value,
      total: v.total,
      average: Math.round((v.total / v.n) * 10) / 10,
      assessors: v.assessors.size,
    })),
    rubric: Object.fromEntries(Object.entries(RUBRIC).map(([k, v]) => [k, v])),
    values: [...new Set([...d.advert.values, ...answers.map((x) => x.value)])],
    checklist: d.checklist,
  };
}

export function presentChecks(r: ChecksRow | undefined): ChecksView {
  return {
    identitySeenOn: r?.identitySeenOn ?? null,
    dbsLevel: r?.dbsLevel ?? null,
    dbsCertificateNumber: r?.dbsCertificateNumber ?? null,
    dbsIssuedOn: r?.dbsIssuedOn ?? null,
    dbsUpdateService: r?.dbsUpdateService ?? null,
    dbsUpdateCheckedOn: r?.dbsUpdateCheckedOn ?? null,
    rightToWorkMethod: r?.rightToWorkMethod ?? null,
    rightToWorkDocument: r?.rightToWorkDocument ?? null,
    rightToWorkCheckedOn: r?.rightToWorkCheckedOn ?? null,
    rightToWorkExpiresOn: r?.rightToWorkExpiresOn ?? null,
    rightToWorkFollowUpOn: r?.rightToWorkFollowUpOn ?? null,
    references: ((r?.references as ChecksView["references"]) ?? []).map((x) => ({
      referee: x.referee,
      relationship: x.relationship,
      lastCareEmployer: x.lastCareEmployer,
      requestedOn: x.requestedOn,
      receivedOn: x.receivedOn,
      satisfactory: x.satisfactory,
    })),
    historyGapsExplained: r?.historyGapsExplained ?? false,
    historyNotes: r?.historyNotes ?? "",
    healthDeclarationOn: r?.healthDeclarationOn ?? null,
    qualificationsVerifiedOn: r?.qualificationsVerifiedOn ?? null,
    reliedOn: r?.reliedOn ?? [],
    updatedAt: r?.updatedAt.toISOString() ?? null,
  };
}
