// The Quality Premium Payment (issue 19 item 3): the council's schemes and schedules, delivered
// units, and a provider's own entitlement. Types come from the shared schema.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { PERIOD_PATTERN } from "../../shared/commissioning";
import type {
  DeliveryInput,
  ProviderQppResponse,
  QppLineView,
  QppScheduleResponse,
  QppScheduleView,
  QppSchemeInput,
  QppSchemeResponse,
  QppSchemesResponse,
  QppSchemeView,
} from "../../shared/schemas/commissioning-qpp";
import { api } from "../lib/api";

export type {
  ProviderQppResponse,
  QppLineView,
  QppScheduleResponse,
  QppScheduleView,
  QppSchemeResponse,
  QppSchemesResponse,
  QppSchemeView,
};

/** The scheme page's period in the address (a value the API would refuse is dropped). */
export const qppSearch = z.object({
  period: z.string().regex(PERIOD_PATTERN).optional().catch(undefined),
});
export type QppSearch = z.infer<typeof qppSearch>;

const base = (orgId: string) => `/api/orgs/${orgId}/commissioning/qpp/schemes`;

export const qppKeys = {
  all: (orgId: string) => ["orgs", orgId, "qpp"] as const,
};

export const qppQueries = {
  schemes: (orgId: string) =>
    queryOptions({
      queryKey: [...qppKeys.all(orgId), "schemes"] as const,
      queryFn: () => api<QppSchemesResponse>("GET", base(orgId)),
    }),
  scheme: (orgId: string, schemeId: string) =>
    queryOptions({
      queryKey: [...qppKeys.all(orgId), "scheme", schemeId] as const,
      queryFn: () => api<QppSchemeResponse>("GET", `${base(orgId)}/${schemeId}`),
    }),
  schedule: (orgId: string, schemeId: string, period: string) =>
    queryOptions({
      queryKey: [...qppKeys.all(orgId), "schedule", schemeId, period] as const,
      queryFn: () => api<QppScheduleResponse>("GET", `${base(orgId)}/${schemeId}/schedules/${period}`),
    }),
  provider: (orgId: string) =>
    queryOptions({
      queryKey: [...qppKeys.all(orgId), "provider"] as const,
      queryFn: () => api<ProviderQppResponse>("GET", `/api/orgs/${orgId}/quality-premium`),
    }),
};

export const qppApi = {
  create: (orgId: string, body: QppSchemeInput) => api<QppSchemeResponse>("POST", base(orgId), body),
  update: (orgId: string, schemeId: string, body: QppSchemeInput) =>
    api<QppSchemeResponse>("PUT", `${base(orgId)}/${schemeId}`, body),
  approve: (orgId: string, schemeId: string, period: string) =>
    api<QppScheduleResponse>("POST", `${base(orgId)}/${schemeId}/schedules/${period}/approve`),
  deliver: (orgId: string, contractId: string, period: string, body: DeliveryInput) =>
    api<unknown>("PUT", `/api/orgs/${orgId}/commissioning/contracts/${contractId}/deliveries/${period}`, body),
  /** Where the approved schedule downloads (a plain link: the browser saves the file). */
  fileUrl: (orgId: string, schemeId: string, period: string, format: "csv" | "xlsx") =>
    `${base(orgId)}/${schemeId}/schedules/${period}/schedule.${format}`,
};
