// Shared training's bookings (issue 18 items 2 and 3): an employer's bookings of its staff, the
// booking page of a session, the self-booking setting, and a member of staff's own training.
// Response types come from the shared schemas.
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type BookingPageResponse,
  type BookingResponse,
  type BookingsResponse,
  type bookInput,
  bookingListQuery,
  type MyTrainingResponse,
  type SessionsToBookResponse,
  type selfBookInput,
  type TrainingSettingsResponse,
} from "../../shared/schemas/training-bookings";
import { api } from "../lib/api";

export type { BookingPageResponse, BookingView } from "../../shared/schemas/training-bookings";

/** The bookings page's filters in the address (values the API refuses are dropped). */
export const bookingsSearch = bookingListQuery.extend({
  when: bookingListQuery.shape.when.catch(undefined),
  staffRecordId: bookingListQuery.shape.staffRecordId.catch(undefined),
  workplaceId: bookingListQuery.shape.workplaceId.catch(undefined),
});
export type BookingsSearch = z.output<typeof bookingsSearch>;

const base = (orgId: string) => `/api/orgs/${orgId}/training/bookings`;

export const trainingBookingKeys = {
  all: (orgId: string) => ["training-bookings", orgId] as const,
  mine: (orgId: string) => ["training-bookings", orgId, "mine"] as const,
  settings: (orgId: string) => ["training-bookings", orgId, "settings"] as const,
};

export const trainingBookingQueries = {
  list: (orgId: string, filter: BookingsSearch) =>
    queryOptions({
      queryKey: [...trainingBookingKeys.all(orgId), "list", filter] as const,
      queryFn: () => {
        const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);
        return api<BookingsResponse>("GET", `${base(orgId)}${q.size ? `?${q}` : ""}`);
      },
    }),
  sessionsToBook: (orgId: string) =>
    queryOptions({
      queryKey: [...trainingBookingKeys.all(orgId), "sessions"] as const,
      queryFn: () => api<SessionsToBookResponse>("GET", `${base(orgId)}/sessions`),
    }),
  bookingPage: (orgId: string, sessionId: string) =>
    queryOptions({
      queryKey: [...trainingBookingKeys.all(orgId), "session", sessionId] as const,
      queryFn: () => api<BookingPageResponse>("GET", `${base(orgId)}/session/${sessionId}`),
    }),
  settings: (orgId: string) =>
    queryOptions({
      queryKey: trainingBookingKeys.settings(orgId),
      queryFn: () => api<TrainingSettingsResponse>("GET", `/api/orgs/${orgId}/training/settings`),
    }),
  mine: (orgId: string) =>
    queryOptions({
      queryKey: trainingBookingKeys.mine(orgId),
      queryFn: () => api<MyTrainingResponse>("GET", `/api/orgs/${orgId}/my-training`),
    }),
};

export type BookingAction = "cancel" | "accept" | "decline";

export const trainingBookingApi = {
  book: (orgId: string, body: z.input<typeof bookInput>) => api<BookingsResponse>("POST", base(orgId), body),
  act: (orgId: string, bookingId: string, action: BookingAction) =>
    api<BookingResponse>("POST", `${base(orgId)}/${bookingId}/${action}`),
  saveSettings: (orgId: string, staffSelfBooking: boolean) =>
    api<TrainingSettingsResponse>("PUT", `/api/orgs/${orgId}/training/settings`, { staffSelfBooking }),
  bookMyself: (orgId: string, body: z.input<typeof selfBookInput>) =>
    api<BookingResponse>("POST", `/api/orgs/${orgId}/my-training/bookings`, body),
  actOnMine: (orgId: string, bookingId: string, action: BookingAction) =>
    api<BookingResponse>("POST", `/api/orgs/${orgId}/my-training/bookings/${bookingId}/${action}`),
};
