// Candidates (issue 17): their account, profile, applications, interview bookings, pool consent and
// invitations; and an employer's search of the talent pool. Response types from the shared schemas.
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AppliedResponse,
  applyInput,
  CandidateApplicationsResponse,
  CandidateApplicationView,
  CandidateInvitationsResponse,
  CandidateProfileResponse,
  candidateProfileInput,
  candidateSignUpInput,
  deleteAccountInput,
  guestApplyInput,
  inviteInput,
  OpenAdvertsResponse,
  PoolConsentResponse,
  PoolSearchResponse,
  poolConsentInput,
  QuestionsResponse,
  SlotsResponse,
} from "../../shared/schemas/candidate";
import { api } from "../lib/api";

export type {
  CandidateApplicationView,
  CandidateProfileResponse,
  PoolConsentResponse,
  PoolSearchResponse,
  QuestionsResponse,
} from "../../shared/schemas/candidate";

/** The talent pool page's filters in the address (unknown values dropped). */
export const poolSearch = (s: Record<string, unknown>): { role?: string; area?: string } => ({
  ...(typeof s.role === "string" && /^[a-z0-9_]{1,60}$/.test(s.role) ? { role: s.role } : {}),
  ...(typeof s.area === "string" && s.area.length <= 10 ? { area: s.area } : {}),
});

const base = (orgId: string) => `/api/orgs/${orgId}/candidate`;

export const candidateKeys = {
  all: (orgId: string) => ["candidate", orgId] as const,
  applications: (orgId: string) => ["candidate", orgId, "applications"] as const,
  pool: (orgId: string) => ["candidate", orgId, "pool"] as const,
  employerPool: (orgId: string) => ["talent-pool", orgId] as const,
};

export const candidateQueries = {
  profile: (orgId: string) =>
    queryOptions({
      queryKey: [...candidateKeys.all(orgId), "profile"],
      queryFn: () => api<CandidateProfileResponse>("GET", `${base(orgId)}/profile`),
    }),
  adverts: (orgId: string) =>
    queryOptions({
      queryKey: [...candidateKeys.all(orgId), "adverts"],
      queryFn: () => api<OpenAdvertsResponse>("GET", `${base(orgId)}/adverts`),
    }),
  questions: (orgId: string, advertIds: string[]) =>
    queryOptions({
      queryKey: [...candidateKeys.all(orgId), "questions", [...advertIds].sort().join(",")],
      queryFn: () =>
        api<QuestionsResponse>(
          "GET",
          `${base(orgId)}/questions?advertIds=${advertIds.map(encodeURIComponent).join(",")}`,
        ),
      enabled: advertIds.length > 0,
    }),
  applications: (orgId: string) =>
    queryOptions({
      queryKey: candidateKeys.applications(orgId),
      queryFn: () => api<CandidateApplicationsResponse>("GET", `${base(orgId)}/applications`),
    }),
  slots: (orgId: string, applicationId: string) =>
    queryOptions({
      queryKey: [...candidateKeys.applications(orgId), applicationId, "slots"],
      queryFn: () => api<SlotsResponse>("GET", `${base(orgId)}/applications/${applicationId}/slots`),
      retry: false,
    }),
  pool: (orgId: string) =>
    queryOptions({
      queryKey: candidateKeys.pool(orgId),
      queryFn: () => api<PoolConsentResponse>("GET", `${base(orgId)}/pool`),
    }),
  invitations: (orgId: string) =>
    queryOptions({
      queryKey: [...candidateKeys.all(orgId), "invitations"],
      queryFn: () => api<CandidateInvitationsResponse>("GET", `${base(orgId)}/invitations`),
    }),
  publicQuestions: (advertId: string) =>
    queryOptions({
      queryKey: ["job-questions", advertId],
      queryFn: () => api<QuestionsResponse>("GET", `/api/public/jobs/${encodeURIComponent(advertId)}/questions`),
      retry: false,
    }),
  employerPool: (orgId: string, search: { role?: string; area?: string }) =>
    queryOptions({
      queryKey: [...candidateKeys.employerPool(orgId), search.role ?? "", search.area ?? ""],
      queryFn: () => {
        const q = new URLSearchParams();
        if (search.role) q.set("role", search.role);
        if (search.area) q.set("area", search.area);
        return api<PoolSearchResponse>("GET", `/api/orgs/${orgId}/recruitment/pool?${q}`);
      },
    }),
};

export const candidateApi = {
  signUp: (body: z.input<typeof candidateSignUpInput>) =>
    api<{ ok: true; message: string }>("POST", "/api/public/candidates", body),
  join: (council: string) =>
    api<{ orgId: string; emailVerified: boolean }>("POST", "/api/candidates/join", { council }),
  verify: (body: { token: string; password?: string }) =>
    api<{ ok: true; signedIn: boolean; orgId: string }>("POST", "/api/public/candidates/verify", body),
  saveProfile: (orgId: string, body: z.input<typeof candidateProfileInput>) =>
    api<CandidateProfileResponse>("PUT", `${base(orgId)}/profile`, body),
  apply: (orgId: string, body: z.input<typeof applyInput>) =>
    api<AppliedResponse>("POST", `${base(orgId)}/applications`, body),
  applyAsGuest: (advertId: string, body: z.input<typeof guestApplyInput>) =>
    api<{ ok: true; message: string }>("POST", `/api/public/jobs/${encodeURIComponent(advertId)}/apply`, body),
  withdraw: (orgId: string, applicationId: string) =>
    api<{ application: CandidateApplicationView }>("POST", `${base(orgId)}/applications/${applicationId}/withdraw`, {}),
  book: (orgId: string, applicationId: string, slotId: string) =>
    api<{ application: CandidateApplicationView }>("PUT", `${base(orgId)}/applications/${applicationId}/booking`, {
      slotId,
    }),
  cancelBooking: (orgId: string, applicationId: string) =>
    api<{ application: CandidateApplicationView }>("DELETE", `${base(orgId)}/applications/${applicationId}/booking`),
  setPool: (orgId: string, body: z.input<typeof poolConsentInput>) =>
    api<PoolConsentResponse>("PUT", `${base(orgId)}/pool`, body),
  deleteAccount: (orgId: string, body: z.input<typeof deleteAccountInput>) =>
    api<{ ok: true }>("POST", `${base(orgId)}/account/delete`, body),
  invite: (orgId: string, candidateId: string, body: z.input<typeof inviteInput>) =>
    api<{ invitation: { id: string; sentAt: string } }>(
      "POST",
      `/api/orgs/${orgId}/recruitment/pool/${candidateId}/invitations`,
      body,
    ),
};
