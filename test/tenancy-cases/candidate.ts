import type { TenancyCases } from "./types";

const NOBODY = "00000000-0000-4000-8000-000000000000";

/** Tenant-isolation cases for the candidate routes of joint recruitment (issue 17): see test/tenancy.test.ts. */
export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/candidate/profile": {},
  "put /api/orgs/:orgId/candidate/profile": { body: () => ({ experience: "Intruder" }) },
  "get /api/orgs/:orgId/candidate/adverts": {},
  "get /api/orgs/:orgId/candidate/questions": {},
  "get /api/orgs/:orgId/candidate/applications": {},
  "post /api/orgs/:orgId/candidate/applications": { body: () => ({ advertIds: [NOBODY], answers: [] }) },
  "post /api/orgs/:orgId/candidate/applications/:applicationId/withdraw": { body: () => ({}) },
  "get /api/orgs/:orgId/candidate/applications/:applicationId/slots": {},
  "put /api/orgs/:orgId/candidate/applications/:applicationId/booking": { body: () => ({ slotId: NOBODY }) },
  "delete /api/orgs/:orgId/candidate/applications/:applicationId/booking": {},
  "get /api/orgs/:orgId/candidate/pool": {},
  "put /api/orgs/:orgId/candidate/pool": { body: () => ({ visibility: "all" }) },
  "get /api/orgs/:orgId/candidate/invitations": {},
  "post /api/orgs/:orgId/candidate/account/delete": { body: () => ({ password: "correct horse battery staple" }) },
  "get /api/orgs/:orgId/recruitment/pool": {},
  "post /api/orgs/:orgId/recruitment/pool/:candidateId/invitations": { body: () => ({ advertId: NOBODY }) },
};
