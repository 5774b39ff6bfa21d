// Joint recruitment's words and codes (issue 17), shared by the server and the browser.

export const APPLICATION_STAGES = [
  "applied",
  "screened",
  "interview",
  "offer",
  "checks",
  "started",
  "withdrawn",
  "rejected",
] as const;
export type ApplicationStage = (typeof APPLICATION_STAGES)[number];

export const STAGE_LABELS: Record<ApplicationStage, string> = {
  applied: "Applied",
  screened: "Screened",
  interview: "Interview",
  offer: "Offer made",
  checks: "Pre-employment checks",
  started: "Started",
  withdrawn: "Withdrawn",
  rejected: "Not taken forward",
};

/** Stages an application no longer moves on from. */
export const CLOSED_STAGES: readonly ApplicationStage[] = ["started", "withdrawn", "rejected"];

export const REJECTION_REASONS = {
  not_eligible: "Not eligible to work in the UK",
  experience: "Did not meet the essential requirements",
  values: "Values did not match the role",
  interview: "Not successful at interview",
  checks: "Pre-employment checks not satisfactory",
  position_filled: "The position was filled",
  no_response: "Did not respond",
  other: "Other",
} as const;
export type RejectionReason = keyof typeof REJECTION_REASONS;

export const CONTRACT_TYPES = ["permanent", "temporary", "bank", "other"] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];
export const CONTRACT_LABELS: Record<ContractType, string> = {
  permanent: "Permanent",
  temporary: "Temporary",
  bank: "Bank (as and when)",
  other: "Other",
};

/** National Living Wage bands an advert's pay is checked against (reference pay floors' bands). */
export const PAY_AGE_BANDS = ["21_plus", "18_20", "under_18", "apprentice"] as const;
export type PayAgeBand = (typeof PAY_AGE_BANDS)[number];
export const PAY_AGE_BAND_LABELS: Record<PayAgeBand, string> = {
  "21_plus": "Aged 21 and over",
  "18_20": "Aged 18 to 20",
  under_18: "Under 18",
  apprentice: "Apprenticeship",
};

export const PAY_UNITS = ["hour", "year"] as const;
export type PayUnit = (typeof PAY_UNITS)[number];

/** Where an application came from (the funnel's "recruitment route"). */
export const SOURCES = ["board", "campaign", "pool_invitation", "alert", "feed", "other"] as const;
export type Source = (typeof SOURCES)[number];
export const SOURCE_LABELS: Record<Source, string> = {
  board: "Job board",
  campaign: "Campaign",
  pool_invitation: "Talent pool invitation",
  alert: "Job alert",
  feed: "Job sites (feed)",
  other: "Other",
};

export const CAMPAIGN_KINDS = ["event", "social_media", "partnership", "pre_employment", "other"] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const CAMPAIGN_KIND_LABELS: Record<CampaignKind, string> = {
  event: "Event",
  social_media: "Social media",
  partnership: "Partnership (school, college, jobcentre)",
  pre_employment: "Pre-employment course with a guaranteed interview",
  other: "Other",
};

export const POOL_VISIBILITY = ["none", "all", "chosen"] as const;
export type PoolVisibility = (typeof POOL_VISIBILITY)[number];

export const RIGHT_TO_WORK = ["yes", "needs_sponsorship", "not_sure"] as const;
export type RightToWork = (typeof RIGHT_TO_WORK)[number];

/** Months after a start at which the funnel asks whether a hire is still in post. */
export const RETENTION_MONTHS = [3, 6, 12] as const;

// The hub's part (values questions, campaigns, the funnel).

/** The seven values of the Care Workforce Pathway (the shipped framework's), as keys questions and adverts name. */
export const SECTOR_VALUES = [
  "compassionate",
  "honest",
  "respect",
  "courageous",
  "whole_person",
  "flexible",
  "proud",
] as const;
export type SectorValue = (typeof SECTOR_VALUES)[number];
export const SECTOR_VALUE_LABELS: Record<SectorValue, string> = {
  compassionate: "Kind, compassionate and empathetic",
  honest: "Honest, trustworthy and reliable",
  respect: "Respect",
  courageous: "Courageous and principled",
  whole_person: "See the whole person",
  flexible: "Flexible, open and learning",
  proud: "Proud and positive",
};

/** A value as people read it ("See the whole person", not "whole_person"); a value outside the seven as it is. */
export function sectorValueLabel(value: string): string {
  return (SECTOR_VALUE_LABELS as Record<string, string>)[value] ?? value;
}

/** Who a campaign is for (the seed strategy's target groups). */
export const CAMPAIGN_AUDIENCES = [
  "young_people",
  "men",
  "career_changers",
  "not_in_work",
  "overseas",
  "everyone",
] as const;
export type CampaignAudience = (typeof CAMPAIGN_AUDIENCES)[number];
export const CAMPAIGN_AUDIENCE_LABELS: Record<CampaignAudience, string> = {
  young_people: "Young people",
  men: "Men",
  career_changers: "Career changers",
  not_in_work: "People not in work",
  overseas: "Overseas recruits (with pastoral support)",
  everyone: "Everyone",
};

/** The funnel's stages in order: an application that reached a later stage passed the earlier ones. */
export const FUNNEL_STAGES = ["views", "applied", "screened", "interview", "offer", "started"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export const FUNNEL_STAGE_LABELS: Record<FunnelStage, string> = {
  views: "Advert views",
  applied: "Applications",
  screened: "Screened",
  interview: "Interviews",
  offer: "Offers",
  started: "Starts",
};
