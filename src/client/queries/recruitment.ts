// An employer's recruitment (issue 17): adverts, the hub's moderation, applications, interview
// times, email templates and pre-employment checks. Response types come from the shared schemas.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import type {
  AdvertResponse,
  AdvertsResponse,
  ApplicationResponse,
  ApplicationsResponse,
  BulkMoveResponse,
  bulkMoveInput,
  ChecksResponse,
  checksInput,
  createAdvertInput,
  EmailTemplateKind,
  EmailTemplatesResponse,
  emailTemplateInput,
  moveInput,
  PayGuideResponse,
  refuseAdvertInput,
  SlotsResponse,
  scoresInput,
  slotInput,
  updateAdvertInput,
} from "../../shared/schemas/recruitment";
import { applicationListQuery } from "../../shared/schemas/recruitment";
import { api } from "../lib/api";

export type {
  AdvertView,
  ApplicationDetail,
  ApplicationSummary,
  ChecksResponse,
  ChecksView,
  PayGuideResponse,
} from "../../shared/schemas/recruitment";

/** The applications board's filters in the address (values the API refuses are dropped). */
export const applicationsSearch = applicationListQuery;
/** The vacancy a new advert is made from, in the address (the vacancies page links to it). */
export const newAdvertSearch = z.object({ vacancyId: z.uuid().optional().catch(undefined) });

const base = (orgId: string) => `/api/orgs/${orgId}/recruitment`;

export const recruitmentKeys = {
  all: (orgId: string) => ["recruitment", orgId] as const,
  adverts: (orgId: string) => ["recruitment", orgId, "adverts"] as const,
  advert: (orgId: string, id: string) => ["recruitment", orgId, "adverts", id] as const,
  applications: (orgId: string) => ["recruitment", orgId, "applications"] as const,
  application: (orgId: string, id: string) => ["recruitment", orgId, "applications", id] as const,
};

export const recruitmentQueries = {
  adverts: (orgId: string) =>
    queryOptions({
      queryKey: recruitmentKeys.adverts(orgId),
      queryFn: () => api<AdvertsResponse>("GET", `${base(orgId)}/adverts`),
    }),
  advert: (orgId: string, id: string) =>
    queryOptions({
      queryKey: recruitmentKeys.advert(orgId, id),
      queryFn: () => api<AdvertResponse>("GET", `${base(orgId)}/adverts/${id}`),
    }),
  payGuide: (orgId: string, band: string) =>
    queryOptions({
      queryKey: ["recruitment", orgId, "pay-guide", band] as const,
      queryFn: () => api<PayGuideResponse>("GET", `${base(orgId)}/pay-guide?band=${encodeURIComponent(band)}`),
    }),
  slots: (orgId: string, advertId: string) =>
    queryOptions({
      queryKey: [...recruitmentKeys.advert(orgId, advertId), "slots"] as const,
      queryFn: () => api<SlotsResponse>("GET", `${base(orgId)}/adverts/${advertId}/slots`),
    }),
  applications: (orgId: string, filter: { advertId?: string; stage?: string }) =>
    queryOptions({
      queryKey: [...recruitmentKeys.applications(orgId), filter] as const,
      queryFn: () => {
        const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);
        return api<ApplicationsResponse>("GET", `${base(orgId)}/applications${q.size ? `?${q}` : ""}`);
      },
    }),
  application: (orgId: string, id: string) =>
    queryOptions({
      queryKey: recruitmentKeys.application(orgId, id),
      queryFn: () => api<ApplicationResponse>("GET", `${base(orgId)}/applications/${id}`),
    }),
  checks: (orgId: string, id: string) =>
    queryOptions({
      queryKey: [...recruitmentKeys.application(orgId, id), "checks"] as const,
      queryFn: () => api<ChecksResponse>("GET", `${base(orgId)}/applications/${id}/checks`),
    }),
  templates: (orgId: string) =>
    queryOptions({
      queryKey: ["recruitment", orgId, "templates"] as const,
      queryFn: () => api<EmailTemplatesResponse>("GET", `${base(orgId)}/email-templates`),
    }),
  moderation: (orgId: string) =>
    queryOptions({
      queryKey: ["recruitment", orgId, "moderation"] as const,
      queryFn: () => api<AdvertsResponse>("GET", `${base(orgId)}/moderation`),
    }),
};

export const recruitmentApi = {
  createAdvert: (orgId: string, body: z.output<typeof createAdvertInput>) =>
    api<AdvertResponse>("POST", `${base(orgId)}/adverts`, body),
  updateAdvert: (orgId: string, id: string, body: z.output<typeof updateAdvertInput>) =>
    api<AdvertResponse>("PATCH", `${base(orgId)}/adverts/${id}`, body),
  publish: (orgId: string, id: string) => api<AdvertResponse>("POST", `${base(orgId)}/adverts/${id}/publish`),
  close: (orgId: string, id: string) => api<AdvertResponse>("POST", `${base(orgId)}/adverts/${id}/close`),
  addSlot: (orgId: string, advertId: string, body: z.output<typeof slotInput>) =>
    api<SlotsResponse>("POST", `${base(orgId)}/adverts/${advertId}/slots`, body),
  removeSlot: (orgId: string, slotId: string) => api<SlotsResponse>("DELETE", `${base(orgId)}/slots/${slotId}`),
  move: (orgId: string, id: string, body: z.input<typeof moveInput>) =>
    api<ApplicationResponse>("POST", `${base(orgId)}/applications/${id}/move`, body),
  bulkMove: (orgId: string, body: z.input<typeof bulkMoveInput>) =>
    api<BulkMoveResponse>("POST", `${base(orgId)}/applications/move`, body),
  addNote: (orgId: string, id: string, body: { body: string }) =>
    api<ApplicationResponse>("POST", `${base(orgId)}/applications/${id}/notes`, body),
  addScores: (orgId: string, id: string, body: z.input<typeof scoresInput>) =>
    api<ApplicationResponse>("POST", `${base(orgId)}/applications/${id}/scores`, body),
  saveChecks: (orgId: string, id: string, body: z.input<typeof checksInput>) =>
    api<ChecksResponse>("PUT", `${base(orgId)}/applications/${id}/checks`, body),
  saveTemplate: (orgId: string, kind: EmailTemplateKind, body: z.input<typeof emailTemplateInput>) =>
    api<EmailTemplatesResponse>("PUT", `${base(orgId)}/email-templates/${kind}`, body),
  refuse: (orgId: string, id: string, body: z.input<typeof refuseAdvertInput>) =>
    api<AdvertResponse>("POST", `${base(orgId)}/moderation/${id}/refuse`, body),
};
