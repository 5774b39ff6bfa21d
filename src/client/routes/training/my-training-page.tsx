import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { longDateTimeRange } from "../../../shared/dates";
import { Button, ErrorSummary, SuccessBanner } from "../../components/forms";
import { Page } from "../../components/Page";
import { useOrg, useOrgId } from "../../lib/org";
import {
  type BookingAction,
  trainingBookingApi,
  trainingBookingKeys,
  trainingBookingQueries,
} from "../../queries/training-bookings";
import { BookingActions, BookingStatusTag } from "./booking-list-page";

// My training (issue 18 item 3): a member of staff's own bookings, and whether their employer
// lets them book themselves (then they cancel, accept or decline their own places here).

export function MyTrainingPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const queryClient = useQueryClient();
  const mine = useQuery(trainingBookingQueries.mine(orgId));
  const book = useMutation({
    mutationFn: (v: { sessionId: string; waitingList: boolean }) => trainingBookingApi.bookMyself(orgId, v),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingBookingKeys.mine(orgId) }),
  });
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: BookingAction }) =>
      trainingBookingApi.actOnMine(orgId, id, action),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingBookingKeys.mine(orgId) }),
  });
  const data = mine.data;
  const upcoming = (data?.bookings ?? []).filter((b) => new Date(b.session.endsAt).getTime() > Date.now());
  const past = (data?.bookings ?? []).filter((b) => new Date(b.session.endsAt).getTime() <= Date.now());
  return (
    <Page title="My training" caption={org.data?.name}>
      {act.isSuccess && <SuccessBanner title="Your booking is updated" />}
      {book.isSuccess && (
        <SuccessBanner title={book.data.booking.status === "booked" ? "You are booked" : "You are on the waiting list"}>
          <p className="govuk-body">
            {book.data.booking.session.courseTitle},{" "}
            {longDateTimeRange(book.data.booking.session.startsAt, book.data.booking.session.endsAt)}. We emailed you
            the details{book.data.booking.status === "booked" ? " with a calendar file" : ""}.
          </p>
        </SuccessBanner>
      )}
      <ErrorSummary error={act.error ?? book.error} />
      {mine.error && <p className="govuk-body">{(mine.error as Error).message}</p>}
      {data && (
        <div className="govuk-inset-text">
          {data.canBook ? "Your employer lets you book yourself on training: choose a session below." : data.reason}
        </div>
      )}
      <h2 className="govuk-heading-m">Coming up</h2>
      {data && upcoming.length === 0 && <p className="govuk-body">You are not booked on any training to come.</p>}
      {upcoming.map((b) => (
        <div key={b.id} className="govuk-summary-card">
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">{b.session.courseTitle}</h3>
          </div>
          <div className="govuk-summary-card__content">
            <dl className="govuk-summary-list">
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">When</dt>
                <dd className="govuk-summary-list__value">{longDateTimeRange(b.session.startsAt, b.session.endsAt)}</dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Where</dt>
                <dd className="govuk-summary-list__value">{b.session.venue || "Online"}</dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Status</dt>
                <dd className="govuk-summary-list__value">
                  <BookingStatusTag booking={b} />
                </dd>
              </div>
            </dl>
            {data?.canBook && (
              <BookingActions booking={b} busy={act.isPending} act={(id, action) => act.mutate({ id, action })} />
            )}
          </div>
        </div>
      ))}
      {data?.canBook && (
        <>
          <h2 className="govuk-heading-m">Sessions you can book</h2>
          {data.sessions.length === 0 && <p className="govuk-body">There are no sessions to book at the moment.</p>}
          {data.sessions.length > 0 && (
            <ul className="govuk-list govuk-list--spaced">
              {data.sessions.map((s) => (
                <li key={s.id}>
                  <strong>{s.courseTitle}</strong>, {longDateTimeRange(s.startsAt, s.endsAt)}
                  {s.venue ? `, ${s.venue}` : ""}.{" "}
                  {s.placesForYou > 0
                    ? `${s.placesForYou} ${s.placesForYou === 1 ? "place" : "places"} left.`
                    : "Full."}{" "}
                  <Button
                    type="button"
                    secondary
                    disabled={book.isPending}
                    onClick={() => book.mutate({ sessionId: s.id, waitingList: s.placesForYou === 0 })}
                  >
                    {s.placesForYou > 0 ? "Book" : "Join the waiting list"}
                    <span className="govuk-visually-hidden">
                      {" "}
                      for {s.courseTitle} on {longDateTimeRange(s.startsAt, s.endsAt)}
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <h2 className="govuk-heading-m">Done</h2>
      {data && past.length === 0 && <p className="govuk-body">No training sessions yet.</p>}
      {past.length > 0 && (
        <ul className="govuk-list">
          {past.map((b) => (
            <li key={b.id}>
              {b.session.courseTitle}, {longDateTimeRange(b.session.startsAt, b.session.endsAt)}:{" "}
              <BookingStatusTag booking={b} />
              {b.outcome === "completed" && (
                <>
                  {" "}
                  <a className="govuk-link" href={`/api/orgs/${orgId}/my-training/${b.id}/certificate.pdf`}>
                    Certificate<span className="govuk-visually-hidden"> for {b.session.courseTitle}</span> (PDF)
                  </a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
