import {
  appliedResponse,
  applyInput,
  bookSlotInput,
  candidateApplicationResponse,
  candidateApplicationsResponse,
  candidateProfileInput,
  candidateProfileResponse,
  candidateSignUpInput,
  candidateSignUpResponse,
  deleteAccountInput,
  guestAppliedResponse,
  guestApplyInput,
  invitationsResponse,
  inviteInput,
  joinBoardInput,
  joinBoardResponse,
  openAdvertsResponse,
  poolConsentInput,
  poolConsentResponse,
  poolInvitationResponse,
  poolSearchQuery,
  poolSearchResponse,
  questionsQuery,
  questionsResponse,
  slotsResponse,
  verifyEmailInput,
  verifyEmailResponse,
  withdrawInput,
} from "../../../shared/schemas/candidate";
import { okResponse } from "../../../shared/schemas/common";
import { clientAddress } from "../../http/client-address";
import { clearSessionCookie, setSessionCookie } from "../../http/cookies";
import { ctxOf, orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import { deleteCandidateAccount } from "./account.service";
import * as apply from "./apply.service";
import {
  presentCandidateApplication,
  presentPooledCandidate,
  presentProfile,
  presentSlot,
} from "./candidates.presenter";
import * as candidates from "./candidates.service";
import * as pool from "./pool.service";

// Candidates (issue 17 items 3 and 4): an account, one profile, applications, interview bookings,
// the talent pool with consent, deleting the account; and the employers' view of the pool.

const TAG = "Candidates";
/** A candidate's own routes: the council whose job board they use, their candidate membership there. */
const mine = { scope: "org", permission: "candidate.self", orgKinds: ["council"], tag: TAG } as const;
const appId = (c: Parameters<typeof idParam>[0]) => idParam(c, "applicationId", "application");

export function candidateRoutes(r: Router) {
  r.define(
    {
      method: "post",
      path: "/api/public/candidates",
      response: candidateSignUpResponse,
      tag: TAG,
      scope: "public",
      summary:
        "Create a candidate account on a council's job board and email a link to confirm the address (answers the same whether or not the email has an account; 429 after 10 an hour from one address)",
      body: candidateSignUpInput,
    },
    async (c, { body }) => {
      const message = await candidates.signUpCandidate(ctxOf(c), { ...body, clientAddress: clientAddress(c) });
      return c.json({ ok: true as const, message }, 202);
    },
  );

  r.define(
    {
      method: "post",
      path: "/api/public/candidates/verify",
      response: verifyEmailResponse,
      tag: TAG,
      scope: "public",
      summary:
        "Confirm a candidate's email address with the emailed link, choosing the account's password when it has none yet (an account made by signing up: 400 password_needed without it, the link not used up), and sign them in",
      body: verifyEmailInput,
    },
    async (c, { body }) => {
      const { token, orgId } = await candidates.verifyCandidateEmail(ctxOf(c), body.token, body.password);
      setSessionCookie(c, token);
      return c.json({ ok: true as const, signedIn: true, orgId });
    },
  );

  r.define(
    {
      method: "post",
      path: "/api/candidates/join",
      response: joinBoardResponse,
      tag: TAG,
      scope: "user",
      summary:
        "Use the signed-in account to apply on a council's job board (adds the candidate role there and an empty profile)",
      body: joinBoardInput,
    },
    async (c, { body }) => c.json(await candidates.joinAsCandidate(ctxOf(c), body.council), 201),
  );

  r.define(
    {
      method: "get",
      path: "/api/public/jobs/:advertId/questions",
      response: questionsResponse,
      tag: TAG,
      scope: "public",
      summary: "The values questions an open advert asks applicants (the hub's and the employer's own)",
    },
    async (c) => c.json({ questions: await apply.publicQuestions(ctxOf(c), idParam(c, "advertId", "job")) }),
  );

  r.define(
    {
      method: "post",
      path: "/api/public/jobs/:advertId/apply",
      response: guestAppliedResponse,
      tag: TAG,
      scope: "public",
      summary:
        "Apply for one job without an account (a short form and a confirmation email; 429 after 10 an hour from one address)",
      body: guestApplyInput,
    },
    async (c, { body }) => {
      const message = await apply.applyAsGuest(ctxOf(c), idParam(c, "advertId", "job"), {
        ...body,
        clientAddress: clientAddress(c),
      });
      return c.json({ ok: true as const, message }, 201);
    },
  );

  r.define(
    {
      ...mine,
      method: "get",
      path: "/api/orgs/:orgId/candidate/profile",
      response: candidateProfileResponse,
      summary: "The candidate's profile, and the framework's qualifications and roles it chooses from",
    },
    async (c) => {
      const row = await candidates.getProfile(orgCtxOf(c));
      return c.json({ profile: presentProfile(row), options: row.options });
    },
  );

  r.define(
    {
      ...mine,
      method: "put",
      path: "/api/orgs/:orgId/candidate/profile",
      response: candidateProfileResponse,
      summary: "Save the candidate's profile (qualifications and roles are keys of the council's framework)",
      body: candidateProfileInput,
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      await candidates.saveProfile(ctx, body);
      const row = await candidates.getProfile(ctx);
      return c.json({ profile: presentProfile(row), options: row.options });
    },
  );

  r.define(
    {
      ...mine,
      method: "get",
      path: "/api/orgs/:orgId/candidate/adverts",
      response: openAdvertsResponse,
      summary: "Adverts open on the council's job board, to choose several to apply for at once",
    },
    async (c) => c.json({ adverts: await apply.listBoardAdverts(orgCtxOf(c)) }),
  );

  r.define(
    {
      ...mine,
      method: "get",
      path: "/api/orgs/:orgId/candidate/questions",
      response: questionsResponse,
      summary: "The questions to answer to apply for these adverts (each asked once)",
      query: questionsQuery,
    },
    async (c, { query }) => c.json({ questions: await apply.candidateQuestions(orgCtxOf(c), query.advertIds) }),
  );

  r.define(
    {
      ...mine,
      method: "get",
      path: "/api/orgs/:orgId/candidate/applications",
      response: candidateApplicationsResponse,
      summary: "The candidate's applications and where each is",
    },
    async (c) => c.json({ applications: (await apply.listApplications(orgCtxOf(c))).map(presentCandidateApplication) }),
  );

  r.define(
    {
      ...mine,
      method: "post",
      path: "/api/orgs/:orgId/candidate/applications",
      response: appliedResponse,
      summary: "Apply for one or several open adverts at once with the profile (all or nothing)",
      body: applyInput,
    },
    async (c, { body }) => c.json({ applications: await apply.applyToAdverts(orgCtxOf(c), body) }, 201),
  );

  r.define(
    {
      ...mine,
      method: "post",
      path: "/api/orgs/:orgId/candidate/applications/:applicationId/withdraw",
      response: candidateApplicationResponse,
      summary: "Withdraw an application (frees a booked interview)",
      body: withdrawInput,
    },
    async (c, { body }) =>
      c.json({
        application: presentCandidateApplication(await apply.withdrawApplication(orgCtxOf(c), appId(c), body.reason)),
      }),
  );

  r.define(
    {
      ...mine,
      method: "get",
      path: "/api/orgs/:orgId/candidate/applications/:applicationId/slots",
      response: slotsResponse,
      summary: "Free interview times for an application at the interview stage, and the one booked",
    },
    async (c) => {
      const { slots, booked } = await apply.interviewSlots(orgCtxOf(c), appId(c));
      return c.json({ slots: slots.map(presentSlot), booked: booked ? presentSlot(booked) : null });
    },
  );

  r.define(
    {
      ...mine,
      method: "put",
      path: "/api/orgs/:orgId/candidate/applications/:applicationId/booking",
      response: candidateApplicationResponse,
      summary: "Book (or change) the interview time for an application; emails a calendar file",
      body: bookSlotInput,
    },
    async (c, { body }) =>
      c.json({
        application: presentCandidateApplication(await apply.bookInterview(orgCtxOf(c), appId(c), body.slotId)),
      }),
  );

  r.define(
    {
      ...mine,
      method: "delete",
      path: "/api/orgs/:orgId/candidate/applications/:applicationId/booking",
      response: candidateApplicationResponse,
      summary: "Cancel the booked interview",
    },
    async (c) =>
      c.json({ application: presentCandidateApplication(await apply.cancelInterview(orgCtxOf(c), appId(c))) }),
  );

  r.define(
    {
      ...mine,
      method: "get",
      path: "/api/orgs/:orgId/candidate/pool",
      response: poolConsentResponse,
      summary: "Who can find the candidate in the talent pool, and the history of their choices",
    },
    async (c) => c.json(present(await candidates.getPoolConsent(orgCtxOf(c)))),
  );

  r.define(
    {
      ...mine,
      method: "put",
      path: "/api/orgs/:orgId/candidate/pool",
      response: poolConsentResponse,
      summary:
        "Choose who can find the candidate in the talent pool: nobody, all local employers or chosen ones (recorded; counts at once)",
      body: poolConsentInput,
    },
    async (c, { body }) => c.json(present(await candidates.setPoolConsent(orgCtxOf(c), body))),
  );

  r.define(
    {
      ...mine,
      method: "get",
      path: "/api/orgs/:orgId/candidate/invitations",
      response: invitationsResponse,
      summary: "Employers' invitations to apply",
    },
    async (c) =>
      c.json({
        invitations: (await candidates.listInvitations(orgCtxOf(c))).map((i) => ({
          ...i,
          sentAt: i.sentAt.toISOString(),
        })),
      }),
  );

  r.define(
    {
      ...mine,
      method: "post",
      path: "/api/orgs/:orgId/candidate/account/delete",
      response: okResponse,
      summary:
        "Delete the candidate's account (the profile and pool visibility at once; employers keep applications as ADR 0019 says)",
      body: deleteAccountInput,
    },
    async (c, { body }) => {
      await deleteCandidateAccount(orgCtxOf(c), body.password);
      clearSessionCookie(c);
      return c.json({ ok: true as const });
    },
  );

  // The employers' side of the pool.
  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/recruitment/pool",
      response: poolSearchResponse,
      tag: TAG,
      scope: "org",
      permission: "recruitment.view",
      orgKinds: ["provider", "council"],
      summary:
        "Search the talent pool: only candidates whose consent covers this employer, with only what they shared (no contact details)",
      query: poolSearchQuery,
    },
    async (c, { query }) => {
      const found = await pool.searchPool(orgCtxOf(c), query);
      return c.json({
        candidates: found.rows.map((row) => presentPooledCandidate(row, found)),
        roles: [...found.roles].map(([key, title]) => ({ key, title })),
        adverts: found.adverts,
      });
    },
  );

  r.define(
    {
      method: "post",
      path: "/api/orgs/:orgId/recruitment/pool/:candidateId/invitations",
      response: poolInvitationResponse,
      tag: TAG,
      scope: "org",
      permission: "recruitment.manage",
      orgKinds: ["provider", "council"],
      summary: "Invite a pooled candidate to apply for one of the employer's open adverts (emails them)",
      body: inviteInput,
    },
    async (c, { body }) => {
      const invitation = await pool.inviteFromPool(orgCtxOf(c), idParam(c, "candidateId", "candidate"), body);
      return c.json({ invitation: { id: invitation.id, sentAt: invitation.createdAt.toISOString() } }, 201);
    },
  );
}

function present(p: Awaited<ReturnType<typeof candidates.getPoolConsent>>) {
  return { ...p, history: p.history.map((h) => ({ ...h, recordedAt: h.recordedAt.toISOString() })) };
}
