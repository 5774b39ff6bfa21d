import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { longDate, longDateTime } from "../../../shared/dates";
import { TRAINING_OUTCOME_LABELS } from "../../../shared/training";
import { Button, ErrorSummary, SuccessBanner } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { useOrg, useOrgId, useWorkplaceOptions } from "../../lib/org";
import {
  type BookingAction,
  type BookingView,
  trainingBookingApi,
  trainingBookingKeys,
  trainingBookingQueries,
} from "../../queries/training-bookings";
import { certificateUrl } from "../../queries/training-delivery";

// Our bookings (issue 18 items 2 and 3): the employer's staff's bookings, upcoming or past, with
// cancel, and accept or decline for places offered from the waiting list; the provider's admin
// chooses whether staff with a personal account may book themselves.

const route = getRouteApi("/orgs/$orgId/training/bookings");

/** A booking's state in words, as a GOV.UK tag. */
export function BookingStatusTag({ booking: b }: { booking: BookingView }): React.ReactNode {
  if (b.outcome)
    return (
      <strong className={`govuk-tag ${b.outcome === "completed" ? "govuk-tag--green" : "govuk-tag--red"}`}>
        {TRAINING_OUTCOME_LABELS[b.outcome]}
      </strong>
    );
  if (b.status === "cancelled")
    return <strong className="govuk-tag govuk-tag--grey">{b.lateCancellation ? "Cancelled late" : "Cancelled"}</strong>;
  if (b.status === "offered") return <strong className="govuk-tag govuk-tag--yellow">Place offered</strong>;
  if (b.status === "waiting")
    return (
      <strong className="govuk-tag govuk-tag--blue">
        Waiting list{b.waitingPosition ? `, number ${b.waitingPosition}` : ""}
      </strong>
    );
  return <strong className="govuk-tag">Booked</strong>;
}

/** The buttons a booking offers now (none once its session has started or it was cancelled). */
export function BookingActions({
  booking: b,
  act,
  busy,
}: {
  booking: BookingView;
  act: (id: string, action: BookingAction) => void;
  busy: boolean;
}): React.ReactNode {
  if (b.status === "cancelled" || new Date(b.session.startsAt).getTime() <= Date.now()) return null;
  const who = `${b.staff.displayId} on ${b.session.courseTitle}`;
  return (
    <div className="govuk-button-group">
      {b.status === "offered" && (
        <>
          <p className="govuk-body-s govuk-!-margin-bottom-1">Held until {longDateTime(b.offeredUntil)}</p>
          <Button type="button" disabled={busy} onClick={() => act(b.id, "accept")}>
            Accept place<span className="govuk-visually-hidden"> for {who}</span>
          </Button>
          <Button type="button" secondary disabled={busy} onClick={() => act(b.id, "decline")}>
            Decline<span className="govuk-visually-hidden"> place for {who}</span>
          </Button>
        </>
      )}
      {b.status !== "offered" && (
        <Button type="button" warning disabled={busy} onClick={() => act(b.id, "cancel")}>
          {b.status === "waiting" ? "Leave waiting list" : "Cancel"}
          <span className="govuk-visually-hidden"> for {who}</span>
        </Button>
      )}
    </div>
  );
}

/** Sessions to come with the places this employer may book, each linking to its booking page. */
function SessionsToBook({ orgId }: { orgId: string }): React.ReactNode {
  const sessions = useQuery(trainingBookingQueries.sessionsToBook(orgId));
  if (!sessions.data) return null;
  const rows = sessions.data.sessions.slice(0, 30);
  if (rows.length === 0) return <p className="govuk-body">There are no sessions to come to book on.</p>;
  return (
    <Table
      caption="Book staff on a session"
      rowKey={(s) => s.id}
      rows={rows}
      columns={[
        { header: "Course", cell: (s) => s.courseTitle },
        { header: "Date", cell: (s) => longDate(s.startsAt) },
        {
          header: "Places for you",
          numeric: true,
          cell: (s) => (s.placesForYou > 0 ? s.placesForYou : "Full (waiting list)"),
        },
        {
          header: "Book",
          hiddenHeader: true,
          cell: (s) => (
            <Link
              to="/orgs/$orgId/training/sessions/$sessionId/book"
              params={{ orgId, sessionId: s.id }}
              className="govuk-link"
            >
              Book staff
              <span className="govuk-visually-hidden">
                {" "}
                on {s.courseTitle}, {longDate(s.startsAt)}
              </span>
            </Link>
          ),
        },
      ]}
    />
  );
}

function SelfBookingSetting({ orgId }: { orgId: string }): React.ReactNode {
  const queryClient = useQueryClient();
  const settings = useQuery(trainingBookingQueries.settings(orgId));
  const [value, setValue] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (on: boolean) => trainingBookingApi.saveSettings(orgId, on),
    onSuccess: (data) => queryClient.setQueryData(trainingBookingKeys.settings(orgId), data),
  });
  if (!settings.data) return null;
  const current = value ?? (settings.data.staffSelfBooking ? "yes" : "no");
  return (
    <section aria-labelledby="self-booking">
      <h2 className="govuk-heading-m" id="self-booking">
        Staff booking themselves
      </h2>
      {save.isSuccess && <SuccessBanner title="Setting saved" />}
      <ErrorSummary error={save.error} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(current === "yes");
        }}
      >
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset" aria-describedby="self-booking-hint">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
              May staff with a personal account book themselves on training?
            </legend>
            <div id="self-booking-hint" className="govuk-hint">
              They book and cancel only their own places, under the same place rules as you.
            </div>
            <div className="govuk-radios govuk-radios--small govuk-radios--inline" data-module="govuk-radios">
              {[
                ["yes", "Yes"],
                ["no", "No, we book for them"],
              ].map(([v, label]) => (
                <div className="govuk-radios__item" key={v}>
                  <input
                    className="govuk-radios__input"
                    id={`self-booking-${v}`}
                    name="staffSelfBooking"
                    type="radio"
                    checked={current === v}
                    onChange={() => setValue(v)}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={`self-booking-${v}`}>
                    {label}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <Button secondary disabled={save.isPending}>
          Save setting
        </Button>
      </form>
    </section>
  );
}

export function BookingsPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/orgs/$orgId/training/bookings" });
  const queryClient = useQueryClient();
  const filter = { ...search, when: search.when ?? "upcoming" };
  const list = useQuery(trainingBookingQueries.list(orgId, filter));
  const workplaces = useWorkplaceOptions(orgId, "id", "All workplaces");
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: BookingAction }) => trainingBookingApi.act(orgId, id, action),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingBookingKeys.all(orgId) }),
  });
  const can = (p: string) => org.data?.permissions.includes(p as never) ?? false;
  const rows = list.data?.bookings ?? [];
  const done = act.data?.booking;
  return (
    <Page title="Our training bookings" caption={org.data?.name}>
      {done && (
        <SuccessBanner title="Booking updated">
          <p className="govuk-body">
            {done.staff.displayId} on {done.session.courseTitle}:{" "}
            {done.status === "booked"
              ? "place accepted"
              : done.lateCancellation
                ? "cancelled (a late cancellation)"
                : "cancelled"}
            .
          </p>
        </SuccessBanner>
      )}
      <ErrorSummary error={act.error} />
      <p className="govuk-body">
        Book staff on a session from the list below, or find courses in the{" "}
        <Link to="/orgs/$orgId/training" params={{ orgId }}>
          training catalogue
        </Link>
        . When a place comes free it is offered to the first person on the waiting list for a day.
      </p>
      <form
        className="govuk-!-margin-bottom-6"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          navigate({
            search: {
              when: (data.get("when") as "upcoming" | "past") || undefined,
              workplaceId: (data.get("workplaceId") as string) || undefined,
            },
          });
        }}
      >
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <FilterSelect
              id="when"
              label="Sessions"
              value={filter.when}
              options={[
                { value: "upcoming", label: "Upcoming" },
                { value: "past", label: "Past" },
              ]}
            />
          </div>
          <div className="govuk-grid-column-one-half">
            <FilterSelect id="workplaceId" label="Workplace" value={search.workplaceId ?? ""} options={workplaces} />
          </div>
        </div>
        <Button secondary>Apply filters</Button>
      </form>
      {list.error && <p className="govuk-body">{(list.error as Error).message}</p>}
      {list.data && rows.length === 0 && <p className="govuk-body">No bookings match these filters.</p>}
      {rows.length > 0 && (
        <Table
          caption={filter.when === "past" ? "Past sessions" : "Upcoming sessions"}
          rowKey={(b) => b.id}
          rows={rows}
          columns={[
            { header: "Course", cell: (b) => b.session.courseTitle, sortValue: (b) => b.session.courseTitle },
            { header: "Date", cell: (b) => longDate(b.session.startsAt), sortValue: (b) => b.session.startsAt },
            { header: "Person", cell: (b) => `${b.staff.displayId}${b.selfBooked ? " (booked themselves)" : ""}` },
            { header: "Workplace", cell: (b) => b.staff.workplace },
            {
              header: "Status",
              cell: (b) => (
                <>
                  <BookingStatusTag booking={b} />
                  {b.outcome === "completed" && (
                    <>
                      {" "}
                      <a className="govuk-link" href={certificateUrl(orgId, b.id)}>
                        Certificate<span className="govuk-visually-hidden"> for {b.staff.displayId}</span> (PDF)
                      </a>
                    </>
                  )}
                </>
              ),
            },
            can("training.book") && {
              header: "Actions",
              hiddenHeader: true,
              cell: (b) => (
                <BookingActions booking={b} busy={act.isPending} act={(id, action) => act.mutate({ id, action })} />
              ),
            },
          ]}
        />
      )}
      {can("training.book") && <SessionsToBook orgId={orgId} />}
      {org.data?.kind === "provider" && can("training.book") && can("users.manage") && (
        <SelfBookingSetting orgId={orgId} />
      )}
    </Page>
  );
}

function FilterSelect({
  id,
  label,
  value,
  options,
}: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}): React.ReactNode {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <select className="govuk-select" id={id} name={id} defaultValue={value}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
