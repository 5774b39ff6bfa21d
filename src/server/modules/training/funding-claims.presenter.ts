import type { FundingClaimsResponse } from "../../../shared/schemas/training-apprenticeships";
import type { listFundingClaims } from "./funding-claims.service";

// What leaves the server of a provider's LDSS claims: the learner's name as recorded (the staff
// record's display id), the course, the days and the parts. No NI number, no special category data.

export function presentFundingClaims(x: Awaited<ReturnType<typeof listFundingClaims>>): FundingClaimsResponse {
  let claimable = 0;
  let claimed = 0;
  const courses = x.courses.map((c) => {
    let cClaimable = 0;
    let cClaimed = 0;
    const learners = c.learners.map((e) => {
      for (const p of e.result.parts) {
        if (p.state === "claimable") cClaimable += p.amountPence;
        if (p.state === "claimed") cClaimed += p.amountPence;
      }
      return {
        bookingId: e.row.bookingId,
        name: e.row.name,
        startedOn: e.startedOn,
        completedOn: e.completedOn,
        eligible: e.result.eligible,
        note: e.result.eligible ? "" : e.result.note,
        parts: e.result.parts,
      };
    });
    claimable += cClaimable;
    claimed += cClaimed;
    return { ...c, learners, claimablePence: cClaimable, claimedPence: cClaimed };
  });
  return { from: x.from, to: x.to, courses, totals: { claimablePence: claimable, claimedPence: claimed } };
}
