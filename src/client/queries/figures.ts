// The workforce figures: a council's or a provider's dashboard, targets, the public page and the
// national comparators. Response types live here, one place for the feature.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import type { FlowDestination } from "../../shared/metrics";
import type { publicPageInput, targetsInput } from "../../shared/schemas";
import type {
  CouncilDashboardView,
  ProviderDashboardView,
  PublicWorkforceResponse,
} from "../../shared/schemas/metrics";
import { api } from "../lib/api";
import type { Figures } from "../lib/figures";

export interface Comparator {
  id: string;
  metric: string;
  publisher: "sfc" | "dfe";
  edition: string;
  period: string;
  coverage: string;
  value: number;
  definition: string;
  source: string;
  note: string | null;
}
export interface PayFloor {
  id: string;
  kind: "rlw" | "nlw";
  band: string;
  rateYear: string;
  hourlyRate: number;
  announcedOn: string | null;
  applicableFrom: string;
  source: string;
  note: string | null;
}
export interface Breakdown {
  key: string;
  label: string;
  figures: Figures;
}
export interface TrendPoint {
  at: string;
  figures: Figures;
}
export interface Distributions {
  agePyramid: { band: string; female: number; male: number; other: number }[];
  pay: { from: number; to: number | null; count: number }[];
  payLines: { label: string; hourlyRate: number }[];
  leaversByReason: { reason: number; label: string; count: number }[];
  leaversFlow: { destination: FlowDestination; count: number }[];
}
export interface CareerFigures {
  roles: { key: string; title: string; pathway: string; count: number }[];
  unmapped: number;
  movedUp: { value: number | null; n: number; count: number };
}
// The dashboards' and the public page's answers are the server's response schemas (one definition).
export type CouncilDashboard = CouncilDashboardView;
export type ProviderDashboard = ProviderDashboardView;
export type PublicWorkforce = PublicWorkforceResponse;
export interface PublicPageSetting {
  enabled: boolean;
  slug: string;
}

/** The figures pages' address: the date they are as at (today when absent) and the trend's figure. */
export const figuresSearch = z.object({
  at: z.iso.date().optional().catch(undefined),
  figure: z.string().max(100).optional().catch(undefined),
});
export type FiguresSearch = z.infer<typeof figuresSearch>;

export const figureKeys = {
  dashboard: (orgId: string) => ["dashboard", orgId] as const,
  targets: (orgId: string) => ["targets", orgId] as const,
  publicPage: (orgId: string) => ["public-page", orgId] as const,
  reference: ["reference"] as const,
};

const dashboardPath = (orgId: string, at: string, providerId?: string) =>
  `/api/orgs/${orgId}/dashboard?at=${at}${providerId ? `&provider=${providerId}` : ""}`;

export const figureQueries = {
  councilDashboard: (orgId: string, at: string, providerId?: string) =>
    queryOptions({
      queryKey: [...figureKeys.dashboard(orgId), at, providerId ?? ""],
      queryFn: () => api<CouncilDashboard>("GET", dashboardPath(orgId, at, providerId)),
    }),
  providerDashboard: (orgId: string, at: string) =>
    queryOptions({
      queryKey: [...figureKeys.dashboard(orgId), at],
      queryFn: () => api<ProviderDashboard>("GET", dashboardPath(orgId, at)),
    }),
  /** The reference figures: pay floors and the national comparators. */
  reference: () =>
    queryOptions({
      queryKey: figureKeys.reference,
      queryFn: () => api<{ payFloors: PayFloor[]; comparators: Comparator[] }>("GET", "/api/reference"),
    }),
  targets: (orgId: string) =>
    queryOptions({
      queryKey: figureKeys.targets(orgId),
      queryFn: () => api<{ targets: Record<string, number> }>("GET", `/api/orgs/${orgId}/targets`),
    }),
  publicPage: (orgId: string) =>
    queryOptions({
      queryKey: figureKeys.publicPage(orgId),
      queryFn: () => api<PublicPageSetting>("GET", `/api/orgs/${orgId}/public-page`),
    }),
  publicWorkforce: (slug: string) =>
    queryOptions({
      queryKey: ["public-workforce", slug],
      queryFn: () => api<PublicWorkforce>("GET", `/api/public/workforce/${slug}`),
      retry: false,
    }),
};

export const figureApi = {
  saveTargets: (orgId: string, body: z.input<typeof targetsInput>) =>
    api<{ targets: Record<string, number> }>("PUT", `/api/orgs/${orgId}/targets`, body),
  setPublicPage: (orgId: string, body: z.input<typeof publicPageInput>) =>
    api<PublicPageSetting>("PUT", `/api/orgs/${orgId}/public-page`, body),
};
