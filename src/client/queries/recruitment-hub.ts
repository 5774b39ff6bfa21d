// The council's recruitment hub (issue 17 items 7 and 8): its values questions, campaigns and
// events, the public list of events, and the recruitment funnel. Types come from the shared schemas.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import type {
  CampaignInput,
  CampaignsResponse,
  FunnelResponse,
  PublicEventsResponse,
  RecruitmentEventInput,
  RecruitmentEventsResponse,
  ValuesQuestionInput,
  ValuesQuestionsResponse,
} from "../../shared/schemas/recruitment-hub";
import { api } from "../lib/api";

export type {
  CampaignView,
  FunnelCount,
  FunnelRow,
  RecruitmentEventView,
  RetentionRow,
  ValuesQuestionView,
} from "../../shared/schemas/recruitment-hub";
export type {
  CampaignsResponse,
  FunnelResponse,
  PublicEventsResponse,
  RecruitmentEventsResponse,
  ValuesQuestionsResponse,
};

/** The funnel page's period, kept in the address (values the API would refuse are dropped). */
export const funnelSearch = z.object({
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});
export type FunnelSearch = z.infer<typeof funnelSearch>;

export const publicEventsSearch = z.object({ council: z.string().max(80).optional().catch(undefined) });

export const hubKeys = {
  all: (orgId: string) => ["orgs", orgId, "recruitment-hub"] as const,
  questions: (orgId: string) => ["orgs", orgId, "recruitment-hub", "questions"] as const,
  campaigns: (orgId: string) => ["orgs", orgId, "recruitment-hub", "campaigns"] as const,
  events: (orgId: string) => ["orgs", orgId, "recruitment-hub", "events"] as const,
  funnel: (orgId: string, s: FunnelSearch) => ["orgs", orgId, "recruitment-funnel", s.from ?? "", s.to ?? ""] as const,
  publicEvents: (slug: string) => ["public-recruitment-events", slug] as const,
};

const query = (s: FunnelSearch) => {
  const p = new URLSearchParams();
  if (s.from) p.set("from", s.from);
  if (s.to) p.set("to", s.to);
  const q = p.toString();
  return q ? `?${q}` : "";
};

export const hubQueries = {
  questions: (orgId: string) =>
    queryOptions({
      queryKey: hubKeys.questions(orgId),
      queryFn: () => api<ValuesQuestionsResponse>("GET", `/api/orgs/${orgId}/recruitment/questions`),
    }),
  campaigns: (orgId: string) =>
    queryOptions({
      queryKey: hubKeys.campaigns(orgId),
      queryFn: () => api<CampaignsResponse>("GET", `/api/orgs/${orgId}/recruitment/campaigns`),
    }),
  events: (orgId: string) =>
    queryOptions({
      queryKey: hubKeys.events(orgId),
      queryFn: () => api<RecruitmentEventsResponse>("GET", `/api/orgs/${orgId}/recruitment/events`),
    }),
  funnel: (orgId: string, s: FunnelSearch) =>
    queryOptions({
      queryKey: hubKeys.funnel(orgId, s),
      queryFn: () => api<FunnelResponse>("GET", `/api/orgs/${orgId}/recruitment/funnel${query(s)}`),
    }),
  publicEvents: (slug: string) =>
    queryOptions({
      queryKey: hubKeys.publicEvents(slug),
      queryFn: () =>
        api<PublicEventsResponse>("GET", `/api/public/recruitment-events?council=${encodeURIComponent(slug)}`),
      retry: false,
    }),
};

export const hubApi = {
  addQuestion: (orgId: string, body: ValuesQuestionInput) =>
    api<unknown>("POST", `/api/orgs/${orgId}/recruitment/questions`, body),
  editQuestion: (orgId: string, id: string, body: ValuesQuestionInput) =>
    api<unknown>("PUT", `/api/orgs/${orgId}/recruitment/questions/${id}`, body),
  retireQuestion: (orgId: string, id: string) =>
    api<unknown>("POST", `/api/orgs/${orgId}/recruitment/questions/${id}/retire`),
  addCampaign: (orgId: string, body: CampaignInput) =>
    api<unknown>("POST", `/api/orgs/${orgId}/recruitment/campaigns`, body),
  editCampaign: (orgId: string, id: string, body: CampaignInput) =>
    api<unknown>("PUT", `/api/orgs/${orgId}/recruitment/campaigns/${id}`, body),
  editEvent: (orgId: string, id: string, body: RecruitmentEventInput) =>
    api<unknown>("PUT", `/api/orgs/${orgId}/recruitment/events/${id}`, body),
  addEvent: (orgId: string, body: RecruitmentEventInput) =>
    api<unknown>("POST", `/api/orgs/${orgId}/recruitment/events`, body),
  deleteEvent: (orgId: string, id: string) => api<unknown>("DELETE", `/api/orgs/${orgId}/recruitment/events/${id}`),
};
