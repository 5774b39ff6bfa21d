import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { longDate, longDateTime } from "../../../shared/dates";
import { formatPence } from "../../../shared/training";
import { Button, ErrorSummary, fieldErrors, SuccessBanner, TextArea } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { useOrg } from "../../lib/org";
import { catalogueApi, catalogueKeys, catalogueQueries, type SessionView } from "../../queries/training-catalogue";
import { costText, deliveryText, PlacesTag, placeText, refreshText, whenText } from "./catalogue-common";

// A course in the catalogue (issue 18 items 1 and 2): what it is and gives, who pays, and its
// sessions to come with the places the organisation may book. The offerer edits and withdraws
// it, adds sessions and cancels them (their bookings are cancelled and the employers emailed).

const route = getRouteApi("/orgs/$orgId/training/courses/$courseId");

const ALLOCATION_TEXT: Record<SessionView["allocation"], string> = {
  open: "Open to all",
  quota: "Places held for named providers",
  by_size: "Places held in proportion to providers' staff",
};

function CancelSession({ orgId, session: s, onDone }: { orgId: string; session: SessionView; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const cancel = useMutation({
    mutationFn: () => catalogueApi.cancelSession(orgId, s.id, reason),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: catalogueKeys.all(orgId) });
      onDone();
    },
  });
  const id = `reason-${s.id}`;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        cancel.mutate();
      }}
    >
      <ErrorSummary error={cancel.error} fields={{ reason: id }} />
      <TextArea
        id={id}
        label={`Why is the session on ${longDate(s.startsAt)} cancelled?`}
        hint="The employers of everyone booked are emailed this reason, and their bookings are cancelled."
        value={reason}
        onChange={setReason}
        error={fieldErrors(cancel.error).reason}
        rows={2}
      />
      <Button warning disabled={cancel.isPending}>
        Cancel session
      </Button>
    </form>
  );
}

export function CatalogueCoursePage(): React.ReactNode {
  const { orgId, courseId } = route.useParams();
  const queryClient = useQueryClient();
  const data = useQuery(catalogueQueries.course(orgId, courseId));
  const org = useOrg(orgId);
  // Employers book their staff (bookings' page); a training partner's admin also holds training.book, so the kind decides.
  const canBook =
    (org.data?.kind === "provider" || org.data?.kind === "council") &&
    (org.data?.permissions.includes("training.book") ?? false);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const withdraw = useMutation({
    mutationFn: () => catalogueApi.withdrawCourse(orgId, courseId),
    onSuccess: (res) => {
      queryClient.setQueryData(catalogueKeys.course(orgId, courseId), res);
      queryClient.invalidateQueries({ queryKey: catalogueKeys.courses(orgId) });
      setDone("Course withdrawn from the catalogue");
    },
  });
  if (data.error) return <ErrorSummary error={data.error} />;
  if (!data.data) return <p className="govuk-body">Loading…</p>;
  const { course: c, sessions } = data.data;
  const mine = c.yours && c.status !== "withdrawn";
  return (
    <Page title={c.title} caption={c.offeredBy.name}>
      {done && <SuccessBanner title={done} />}
      <ErrorSummary error={withdraw.error} />
      {c.status !== "published" && (
        <p className="govuk-body">
          <strong className="govuk-tag govuk-tag--grey">{c.status === "draft" ? "Draft" : "Withdrawn"}</strong>
        </p>
      )}
      {c.summary && <p className="govuk-body-l">{c.summary}</p>}
      <dl className="govuk-summary-list">
        {(
          [
            ["Delivery", deliveryText(c.delivery)],
            ["Length", `${c.hours} hours`],
            ["ASC-WDS category", c.category.label],
            ["Gives", c.frameworkItem?.title ?? "Not a framework requirement"],
            ["Level", c.level === null ? "Not levelled" : `Level ${c.level}`],
            ["Refresh", refreshText(c.refreshMonths)],
            ["Cost", costText(c)],
            ...(c.funding === "ldss" && c.ldssPence !== null
              ? [["Learning and Development Support Scheme", `${formatPence(c.ldssPence)} a learner (${c.ldssKind})`]]
              : []),
            ["Prerequisites", c.prerequisites || "None"],
            ["For", c.audience === "staff" ? "The care workforce" : "People not yet working in care"],
          ] as [string, string][]
        ).map(([k, v]) => (
          <div className="govuk-summary-list__row" key={k}>
            <dt className="govuk-summary-list__key">{k}</dt>
            <dd className="govuk-summary-list__value">{v}</dd>
          </div>
        ))}
      </dl>
      {mine && (
        <div className="govuk-button-group">
          <Link
            to="/orgs/$orgId/training/courses/$courseId/sessions/new"
            params={{ orgId, courseId }}
            className="govuk-button"
          >
            Add a session
          </Link>
          <Link
            to="/orgs/$orgId/training/courses/$courseId/edit"
            params={{ orgId, courseId }}
            className="govuk-button govuk-button--secondary"
          >
            Edit course
          </Link>
          <Button warning type="button" disabled={withdraw.isPending} onClick={() => withdraw.mutate()}>
            Withdraw course
          </Button>
        </div>
      )}
      <Table<SessionView>
        caption={sessions.length ? "Sessions coming up" : "No sessions coming up"}
        rowKey={(s) => s.id}
        rows={sessions}
        columns={[
          { header: "When", cell: (s) => whenText(s) },
          {
            header: "Where",
            cell: (s) => (
              <>
                {placeText(s)}
                {s.trainerName && (
                  <>
                    <br />
                    <span className="govuk-body-s">Trainer: {s.trainerName}</span>
                  </>
                )}
              </>
            ),
          },
          {
            header: "Places",
            cell: (s) => (
              <>
                <PlacesTag session={s} />
                <br />
                <span className="govuk-body-s">
                  {s.places.freeTotal} of {s.places.capacity} free
                  {!s.places.released && s.releaseAt
                    ? `; held places open to all from ${longDateTime(s.releaseAt)}`
                    : ""}
                </span>
              </>
            ),
          },
          canBook &&
            c.audience === "staff" &&
            c.status === "published" && {
              header: "Book",
              hiddenHeader: true,
              cell: (s) =>
                s.status === "cancelled" ? null : (
                  <Link
                    to="/orgs/$orgId/training/sessions/$sessionId/book"
                    params={{ orgId, sessionId: s.id }}
                    className="govuk-link"
                  >
                    Book staff<span className="govuk-visually-hidden"> on the session on {longDate(s.startsAt)}</span>
                  </Link>
                ),
            },
          c.yours && {
            header: "Places held",
            cell: (s) =>
              s.offerer ? (
                <>
                  <span className="govuk-body-s">
                    {ALLOCATION_TEXT[s.allocation]}; {s.offerer.taken} taken
                  </span>
                  {s.offerer.quotas.length > 0 && (
                    <ul className="govuk-list govuk-body-s">
                      {s.offerer.quotas.map((q) => (
                        <li key={q.orgId}>
                          {q.name}: {q.taken} of {q.places}
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              ) : null,
          },
          c.yours && {
            header: "Actions",
            hiddenHeader: true,
            cell: (s) =>
              s.status === "cancelled" ? (
                <span className="govuk-body-s">Cancelled: {s.cancelledReason}</span>
              ) : cancelling === s.id ? (
                <CancelSession
                  orgId={orgId}
                  session={s}
                  onDone={() => {
                    setCancelling(null);
                    setDone(`Session on ${longDate(s.startsAt)} cancelled; the employers have been emailed`);
                  }}
                />
              ) : (
                <div className="govuk-button-group">
                  <Link
                    to="/orgs/$orgId/training/sessions/$sessionId/edit"
                    params={{ orgId, sessionId: s.id }}
                    className="govuk-link"
                  >
                    Change<span className="govuk-visually-hidden"> the session on {longDate(s.startsAt)}</span>
                  </Link>
                  <Button secondary type="button" onClick={() => setCancelling(s.id)}>
                    Cancel<span className="govuk-visually-hidden"> the session on {longDate(s.startsAt)}</span>
                  </Button>
                </div>
              ),
          },
        ]}
      />
      <p className="govuk-body">
        <Link to="/orgs/$orgId/training" params={{ orgId }} className="govuk-link">
          Back to the catalogue
        </Link>
      </p>
    </Page>
  );
}
