import { pledgeLeftPence } from "../../../shared/apprenticeship-rules";
import type { MyLevyRequestView, PledgeView } from "../../../shared/schemas/training-apprenticeships";
import type { LevyRequestStatus } from "../../../shared/training";
import type { levyPledges, levyRequests } from "../../db/schema";

// What leaves the server of levy pledges and requests. The pledger sees a request's requester,
// standard, amount, number of starts and the people's names as the requester recorded them; the
// requester sees its own requests; neither sees more of the other's records.

type Pledge = typeof levyPledges.$inferSelect;
type Request = typeof levyRequests.$inferSelect;

export const presentPledge = (p: {
  pledge: Pledge;
  approved: number;
  requests: { r: Request; requester: string; people: string[] }[];
}): PledgeView => ({
  id: p.pledge.id,
  levyPaidPence: Number(p.pledge.levyPaidPence),
  amountPence: Number(p.pledge.amountPence),
  approvedPence: p.approved,
  leftPence: pledgeLeftPence(Number(p.pledge.amountPence), p.approved),
  standards: p.pledge.standards,
  opensOn: p.pledge.opensOn,
  closesOn: p.pledge.closesOn,
  status: p.pledge.status as "open" | "closed",
  notes: p.pledge.notes,
  requests: p.requests.map(({ r, requester, people }) => ({
    id: r.id,
    requester,
    standard: r.standard,
    amountPence: Number(r.amountPence),
    starts: r.staffRecordIds.length,
    people,
    reason: r.reason,
    status: r.status as LevyRequestStatus,
    decisionNote: r.decisionNote,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  })),
});

export const presentMyRequest = (x: {
  r: Request;
  pledger: string;
  people: { id: string; name: string }[];
}): MyLevyRequestView => ({
  id: x.r.id,
  pledgeId: x.r.pledgeId,
  pledger: x.pledger,
  standard: x.r.standard,
  amountPence: Number(x.r.amountPence),
  people: x.people,
  reason: x.r.reason,
  status: x.r.status as LevyRequestStatus,
  decisionNote: x.r.decisionNote,
  createdAt: x.r.createdAt.toISOString(),
});

export const presentOpenPledge = (x: { p: Pledge; pledger: string; left: number }) => ({
  id: x.p.id,
  pledger: x.pledger,
  leftPence: x.left,
  standards: x.p.standards,
  opensOn: x.p.opensOn,
  closesOn: x.p.closesOn,
  notes: x.p.notes,
});
