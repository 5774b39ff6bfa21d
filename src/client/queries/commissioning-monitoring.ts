// Enter once, reuse everywhere (issue 19 item 5): a provider's contract-monitoring returns, one
// quarter's return and confirming it, the council's view of a quarter, and the NHS Capacity
// Tracker's workforce fields, with their downloads. Types come from the shared schemas.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { PERIOD_PATTERN } from "../../shared/commissioning";
import type {
  CapacityTrackerResponse,
  ConfirmMonitoringInput,
  CouncilMonitoringResponse,
  MonitoringReturnResponse,
  MonitoringReturnsResponse,
} from "../../shared/schemas/commissioning-monitoring";
import { api } from "../lib/api";

export type {
  CapacityTrackerResponse,
  ConfirmMonitoringInput,
  CouncilMonitoringResponse,
  MonitoringReturnResponse,
  MonitoringReturnsResponse,
};

/** The council page's quarter, kept in the address (a badly written one is dropped). */
export const monitoringSearch = z.object({ period: z.string().regex(PERIOD_PATTERN).optional().catch(undefined) });
export type MonitoringSearch = z.infer<typeof monitoringSearch>;
/** The Capacity Tracker page's date, kept in the address. */
export const capacitySearch = z.object({ at: z.iso.date().optional().catch(undefined) });
export type CapacitySearch = z.infer<typeof capacitySearch>;

const one = (orgId: string, councilId: string, period: string) =>
  `/api/orgs/${orgId}/monitoring-returns/${councilId}/${period}`;

export const monitoringKeys = {
  all: (orgId: string) => ["orgs", orgId, "monitoring-returns"] as const,
  one: (orgId: string, councilId: string, period: string) =>
    ["orgs", orgId, "monitoring-returns", councilId, period] as const,
  council: (orgId: string, period: string | undefined) =>
    ["orgs", orgId, "commissioning-monitoring", period ?? ""] as const,
  capacity: (orgId: string, at: string | undefined) => ["orgs", orgId, "capacity-tracker", at ?? ""] as const,
};

export const monitoringQueries = {
  list: (orgId: string) =>
    queryOptions({
      queryKey: monitoringKeys.all(orgId),
      queryFn: () => api<MonitoringReturnsResponse>("GET", `/api/orgs/${orgId}/monitoring-returns`),
    }),
  one: (orgId: string, councilId: string, period: string) =>
    queryOptions({
      queryKey: monitoringKeys.one(orgId, councilId, period),
      queryFn: () => api<MonitoringReturnResponse>("GET", one(orgId, councilId, period)),
    }),
  council: (orgId: string, period: string | undefined) =>
    queryOptions({
      queryKey: monitoringKeys.council(orgId, period),
      queryFn: () =>
        api<CouncilMonitoringResponse>(
          "GET",
          `/api/orgs/${orgId}/commissioning/monitoring-returns${period ? `?period=${period}` : ""}`,
        ),
    }),
  capacity: (orgId: string, at: string | undefined) =>
    queryOptions({
      queryKey: monitoringKeys.capacity(orgId, at),
      queryFn: () => api<CapacityTrackerResponse>("GET", `/api/orgs/${orgId}/capacity-tracker${at ? `?at=${at}` : ""}`),
    }),
};

export const monitoringFiles = {
  returnFile: (orgId: string, councilId: string, period: string, format: "csv" | "xlsx") =>
    `${one(orgId, councilId, period)}/monitoring-return.${format}`,
  council: (orgId: string, period: string) =>
    `/api/orgs/${orgId}/commissioning/monitoring-returns.csv?period=${period}`,
  capacity: (orgId: string, at: string) => `/api/orgs/${orgId}/capacity-tracker.csv?at=${at}`,
  ascwds: (orgId: string, file: "workplace.csv" | "staff.csv" | "training.csv") => `/api/orgs/${orgId}/ascwds/${file}`,
};

export const monitoringApi = {
  confirm: (orgId: string, councilId: string, period: string, body: ConfirmMonitoringInput) =>
    api<MonitoringReturnResponse>("POST", `${one(orgId, councilId, period)}/confirm`, body),
};
