/** The ids the harness makes in the target organisation, for routes whose path names one. */
export type Ids = {
  invitationId: string;
  membershipId: string;
  importId: string;
  staffId: string;
  vacancyId: string;
  workplaceId: string;
};

/** A route's case: the body it is sent and its path's parameters (others get a made-up id). */
export type TenancyCases = Record<string, { body?: () => unknown; params?: (ids: Ids) => Record<string, string> }>;
