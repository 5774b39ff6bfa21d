import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { JOB_ROLES } from "../../../shared/ascwds/codes";
import { longDate, longDateTime, longDateTimeRange } from "../../../shared/dates";
import { Button, ErrorSummary, Select, SuccessBanner } from "../../components/forms";
import { Page } from "../../components/Page";
import { ApiError } from "../../lib/api";
import { useOrgId } from "../../lib/org";
import { trainingBookingApi, trainingBookingKeys, trainingBookingQueries } from "../../queries/training-bookings";

// Book staff on a session (issue 18 item 2): the employer's staff in post on the day, filtered by
// workplace and role, the places it may book now (the fair-places rule), and the waiting list for
// those without one. The server checks everything again and names each person it refuses.

const route = getRouteApi("/orgs/$orgId/training/sessions/$sessionId/book");
const BOOKING_WORDS = { booked: "Booked", offered: "Place offered", waiting: "On the waiting list", cancelled: "" };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function BookSessionPage(): React.ReactNode {
  const orgId = useOrgId();
  const { sessionId } = route.useParams();
  const queryClient = useQueryClient();
  const page = useQuery(trainingBookingQueries.bookingPage(orgId, sessionId));
  const [workplace, setWorkplace] = useState("");
  const [role, setRole] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [waitingList, setWaitingList] = useState(false);
  const book = useMutation({
    mutationFn: () => trainingBookingApi.book(orgId, { sessionId, staffRecordIds: chosen, waitingList }),
    onSuccess: () => {
      setChosen([]);
      return queryClient.invalidateQueries({ queryKey: trainingBookingKeys.all(orgId) });
    },
  });
  const staff = page.data?.staff ?? [];
  const workplaces = useMemo(() => [...new Map(staff.map((s) => [s.workplaceId, s.workplace])).entries()], [staff]);
  const roles = useMemo(() => [...new Set(staff.map((s) => s.mainJobRole))].sort((a, b) => a - b), [staff]);
  const shown = staff.filter(
    (s) => (!workplace || s.workplaceId === workplace) && (!role || String(s.mainJobRole) === role),
  );
  // The server names refused people by their place in the list sent: point each at its checkbox.
  const fields = Object.fromEntries(chosen.map((id, i) => [`staffRecordIds.${i}`, `staff-${id}`]));
  const refusal = book.error instanceof ApiError ? book.error : null;

  if (page.error)
    return (
      <Page title="Book staff on a session">
        <p className="govuk-body">{(page.error as Error).message}</p>
      </Page>
    );
  if (!page.data) return <Page title="Book staff on a session">{null}</Page>;
  const { session, places, waiting } = page.data;
  const past = new Date(session.startsAt).getTime() <= Date.now();
  const over = chosen.length > places.freeForOrg;

  return (
    <Page title={`Book staff on ${session.courseTitle}`} caption="Training">
      {book.isSuccess && (
        <SuccessBanner title="Booking made">
          <p className="govuk-body">
            {book.data.bookings.map((b) => `${b.staff.displayId}: ${BOOKING_WORDS[b.status].toLowerCase()}`).join(", ")}
            . We emailed you the details with a calendar file.{" "}
            <Link to="/orgs/$orgId/training/bookings" params={{ orgId }}>
              See your bookings
            </Link>
          </p>
        </SuccessBanner>
      )}
      <ErrorSummary error={book.error} fields={fields} />
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">When</dt>
          <dd className="govuk-summary-list__value">{longDateTimeRange(session.startsAt, session.endsAt)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Where</dt>
          <dd className="govuk-summary-list__value">{session.venue || "Online"}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Places left for you</dt>
          <dd className="govuk-summary-list__value">
            {plural(places.freeForOrg, "place")} of {session.capacity}
            {places.heldForOrg > 0 && ` (${plural(places.heldForOrg, "place")} held for you)`}
            {!places.released && session.releaseAt && (
              <p className="govuk-hint">
                Places held for other employers are released to everyone on {longDateTime(session.releaseAt)}.
              </p>
            )}
            {waiting > 0 && <p className="govuk-hint">{plural(waiting, "person", "people")} on the waiting list.</p>}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Cancel by</dt>
          <dd className="govuk-summary-list__value">
            {longDateTime(session.cancelBy)} (later counts as a late cancellation)
          </dd>
        </div>
      </dl>
      {session.status === "cancelled" ? (
        <p className="govuk-body">This session was cancelled. Choose another session of the course.</p>
      ) : past ? (
        <p className="govuk-body">This session started on {longDate(session.startsAt)}: it can no longer be booked.</p>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            book.mutate();
          }}
        >
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-one-half">
              <Select
                id="workplace"
                name="workplace"
                label="Workplace"
                value={workplace}
                onChange={setWorkplace}
                options={[
                  { value: "", label: "All workplaces" },
                  ...workplaces.map(([value, label]) => ({ value, label })),
                ]}
              />
            </div>
            <div className="govuk-grid-column-one-half">
              <Select
                id="role"
                name="role"
                label="Job role"
                value={role}
                onChange={setRole}
                options={[
                  { value: "", label: "All roles" },
                  ...roles.map((r) => ({ value: String(r), label: JOB_ROLES[r] ?? String(r) })),
                ]}
              />
            </div>
          </div>
          <div className={`govuk-form-group${refusal?.issues.length ? " govuk-form-group--error" : ""}`}>
            <fieldset className="govuk-fieldset" aria-describedby="staff-hint">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                <h2 className="govuk-fieldset__heading">Who to book</h2>
              </legend>
              <div id="staff-hint" className="govuk-hint">
                Your staff in post on {longDate(session.startsAt)}, by their reference.{" "}
                {plural(chosen.length, "person", "people")} chosen.
              </div>
              {shown.length === 0 && <p className="govuk-body">Nobody matches these filters.</p>}
              <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                {shown.map((s) => (
                  <div className="govuk-checkboxes__item" key={s.id}>
                    <input
                      className="govuk-checkboxes__input"
                      id={`staff-${s.id}`}
                      type="checkbox"
                      disabled={s.booking !== null}
                      checked={chosen.includes(s.id)}
                      onChange={(e) =>
                        setChosen((c) => (e.target.checked ? [...c, s.id] : c.filter((x) => x !== s.id)))
                      }
                    />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor={`staff-${s.id}`}>
                      {s.displayId}, {JOB_ROLES[s.mainJobRole] ?? "role not known"}, {s.workplace}
                      {s.booking && ` (${BOOKING_WORDS[s.booking].toLowerCase()})`}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          {over && (
            <div className="govuk-form-group">
              <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id="waitingList"
                    type="checkbox"
                    checked={waitingList}
                    onChange={(e) => setWaitingList(e.target.checked)}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor="waitingList">
                    Put the {plural(chosen.length - places.freeForOrg, "person", "people")} without a place on the
                    waiting list (the first {plural(places.freeForOrg, "person", "people")} you chose are booked)
                  </label>
                </div>
              </div>
            </div>
          )}
          <Button disabled={chosen.length === 0 || book.isPending}>
            {over && waitingList ? "Book and add to the waiting list" : "Book"}
          </Button>
        </form>
      )}
    </Page>
  );
}
