// Shared training's delivery (issue 18 items 4 and 5): a trainer's sessions and outcomes, the
// training matrix and its exports, and the public certificate check. Types come from the shared schemas.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import type {
  CertificateCheckResponse,
  DeliverySessionResponse,
  DeliverySessionsResponse,
  MatrixResponse,
  MatrixSummaryResponse,
  OutcomesInput,
} from "../../shared/schemas/training-delivery";
import { MATRIX_STATES } from "../../shared/training";
import { api } from "../lib/api";

export type {
  DeliveryPersonView,
  DeliverySessionView,
  MatrixRowView,
  SuggestedSessionView,
} from "../../shared/schemas/training-delivery";
export type {
  CertificateCheckResponse,
  DeliverySessionResponse,
  DeliverySessionsResponse,
  MatrixResponse,
  MatrixSummaryResponse,
};

/** The matrix page's filters, kept in the address (values the API would refuse are dropped). */
export const matrixSearch = z.object({
  workplaceId: z.uuid().optional().catch(undefined),
  role: z.coerce.number().int().optional().catch(undefined),
  state: z.enum(MATRIX_STATES).optional().catch(undefined),
});
export type MatrixSearch = z.infer<typeof matrixSearch>;

export const matrixQueryString = (s: MatrixSearch) => {
  const p = new URLSearchParams();
  if (s.workplaceId) p.set("workplaceId", s.workplaceId);
  if (s.role !== undefined) p.set("role", String(s.role));
  if (s.state) p.set("state", s.state);
  const q = p.toString();
  return q ? `?${q}` : "";
};

export const deliveryKeys = {
  sessions: (orgId: string) => ["orgs", orgId, "training-delivery", "sessions"] as const,
  session: (orgId: string, id: string) => ["orgs", orgId, "training-delivery", "sessions", id] as const,
  matrix: (orgId: string, s: MatrixSearch) =>
    ["orgs", orgId, "training-matrix", s.workplaceId ?? "", s.role ?? "", s.state ?? ""] as const,
  certificate: (code: string) => ["public-certificate", code] as const,
  matrixSummary: (orgId: string) => ["orgs", orgId, "training-matrix-summary"] as const,
};

export const deliveryQueries = {
  sessions: (orgId: string) =>
    queryOptions({
      queryKey: deliveryKeys.sessions(orgId),
      queryFn: () => api<DeliverySessionsResponse>("GET", `/api/orgs/${orgId}/training/delivery/sessions`),
    }),
  session: (orgId: string, id: string) =>
    queryOptions({
      queryKey: deliveryKeys.session(orgId, id),
      queryFn: () => api<DeliverySessionResponse>("GET", `/api/orgs/${orgId}/training/delivery/sessions/${id}`),
    }),
  matrix: (orgId: string, s: MatrixSearch) =>
    queryOptions({
      queryKey: deliveryKeys.matrix(orgId, s),
      queryFn: () => api<MatrixResponse>("GET", `/api/orgs/${orgId}/training/matrix${matrixQueryString(s)}`),
    }),
  /** A council's view of its providers' matrices: counts per category, small ones withheld. */
  matrixSummary: (orgId: string) =>
    queryOptions({
      queryKey: deliveryKeys.matrixSummary(orgId),
      queryFn: () => api<MatrixSummaryResponse>("GET", `/api/orgs/${orgId}/training/matrix-summary`),
    }),
  certificate: (code: string) =>
    queryOptions({
      queryKey: deliveryKeys.certificate(code),
      queryFn: () => api<CertificateCheckResponse>("GET", `/api/public/certificates/${encodeURIComponent(code)}`),
      retry: false,
    }),
};

export const deliveryApi = {
  markOutcomes: (orgId: string, sessionId: string, body: OutcomesInput) =>
    api<DeliverySessionResponse>("PUT", `/api/orgs/${orgId}/training/delivery/sessions/${sessionId}/outcomes`, body),
};

/** Where the matrix's exports are, with the page's filters. */
export const matrixExportUrl = (orgId: string, format: "csv" | "xlsx", s: MatrixSearch) =>
  `/api/orgs/${orgId}/training/matrix.${format}${matrixQueryString(s)}`;

/** Where an employer downloads a completed booking's certificate. */
export const certificateUrl = (orgId: string, bookingId: string) =>
  `/api/orgs/${orgId}/training/bookings/${bookingId}/certificate.pdf`;
