import type { CampaignAudience, CampaignKind, SectorValue } from "../../../shared/recruitment";
import type { CampaignView, RecruitmentEventView, ValuesQuestionView } from "../../../shared/schemas/recruitment-hub";

// What leaves the server of the hub's questions, campaigns and events.

export const presentQuestion = (q: {
  id: string;
  value: string;
  question: string;
  guidance: string;
  position: number;
  retiredAt: Date | null;
}): ValuesQuestionView => ({
  id: q.id,
  value: q.value as SectorValue,
  question: q.question,
  guidance: q.guidance,
  position: q.position,
  retiredAt: q.retiredAt?.toISOString() ?? null,
});

/** The job board's address with the campaign's tracked code (the link the council shares). */
export const campaignLink = (councilSlug: string, code: string) =>
  `/jobs?council=${encodeURIComponent(councilSlug)}&source=${encodeURIComponent(code)}`;

export const presentCampaign = (
  councilSlug: string,
  c: {
    id: string;
    name: string;
    kind: string;
    audience: string;
    code: string;
    startsOn: string;
    endsOn: string | null;
    description: string;
  },
): CampaignView => ({
  id: c.id,
  name: c.name,
  kind: c.kind as CampaignKind,
  audience: c.audience as CampaignAudience,
  code: c.code,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  description: c.description,
  link: campaignLink(councilSlug, c.code),
});

export const presentEvent = (row: {
  event: {
    id: string;
    title: string;
    startsAt: Date;
    endsAt: Date | null;
    place: string;
    description: string;
  };
  campaign: { id: string; name: string; code: string } | null;
}): RecruitmentEventView => ({
  id: row.event.id,
  title: row.event.title,
  startsAt: row.event.startsAt.toISOString(),
  endsAt: row.event.endsAt?.toISOString() ?? null,
  place: row.event.place,
  description: row.event.description,
  campaign: row.campaign?.id ? row.campaign : null,
});
