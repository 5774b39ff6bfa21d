import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { type DateParts, datePartsOf } from "../../../shared/date-input";
import { londonWallTime } from "../../../shared/dates";
import type { UpdateSessionInput } from "../../../shared/schemas/training-catalogue";
import { DateInput } from "../../components/DateInput";
import { Button, ErrorSummary, fieldErrors, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { checkDates, type DateProblems, firstBox } from "../../lib/date-checks";
import { catalogueApi, catalogueKeys, catalogueQueries, type SessionView } from "../../queries/training-catalogue";
import { sessionInstant } from "./catalogue-common";

// Changing a session's time, place, trainer or capacity (issue 18 item 2). How places are shared
// is kept as set; the server refuses a capacity below the places already taken.

const route = getRouteApi("/orgs/$orgId/training/sessions/$sessionId/edit");

function EditForm({ orgId, session: s }: { orgId: string; session: SessionView }): React.ReactNode {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const start = londonWallTime(s.startsAt);
  const end = londonWallTime(s.endsAt);
  const [day, setDay] = useState<DateParts>(datePartsOf(start.day));
  const [dateProblems, setDateProblems] = useState<DateProblems | null>(null);
  const [v, setV] = useState({
    start: start.time,
    end: end.time,
    venue: s.venue,
    link: s.link,
    trainerName: s.trainerName,
    capacity: String(s.places.capacity),
  });
  const set = (k: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const save = useMutation({
    mutationFn: (isoDay: string) => {
      const body: UpdateSessionInput = {
        startsAt: sessionInstant(isoDay, v.start),
        endsAt: sessionInstant(isoDay, v.end),
        venue: v.venue,
        link: v.link,
        trainerName: v.trainerName,
        capacity: Number(v.capacity),
      };
      return catalogueApi.updateSession(orgId, s.id, body);
    },
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: catalogueKeys.all(orgId) });
      navigate({ to: "/orgs/$orgId/training/courses/$courseId", params: { orgId, courseId: s.courseId } });
    },
  });
  const errors = fieldErrors(dateProblems?.error ?? save.error);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const dates = checkDates({ day: { value: day, what: "Date" } });
        setDateProblems(dates.ok ? null : dates.problems);
        if (dates.ok) save.mutate(dates.values.day ?? "");
      }}
    >
      <ErrorSummary
        error={dateProblems?.error ?? save.error}
        fields={{ day: firstBox("day", dateProblems, "day"), startsAt: "day-day", endsAt: "end" }}
      />
      <DateInput
        id="day"
        legend="Date"
        hint="For example 14 12 2026"
        value={day}
        onChange={setDay}
        error={errors.day ?? errors.startsAt}
        errorParts={dateProblems?.parts.day}
      />
      <TextInput
        id="start"
        name="start"
        label="Starts at (UK time)"
        value={v.start}
        onChange={set("start")}
        width="govuk-input--width-20"
      />
      <TextInput
        id="end"
        name="end"
        label="Ends at (UK time)"
        value={v.end}
        onChange={set("end")}
        error={errors.endsAt}
        width="govuk-input--width-20"
      />
      <TextInput id="venue" name="venue" label="Venue" value={v.venue} onChange={set("venue")} error={errors.venue} />
      <TextInput id="link" name="link" label="Joining link" value={v.link} onChange={set("link")} error={errors.link} />
      <TextInput
        id="trainerName"
        name="trainerName"
        label="Trainer's name"
        value={v.trainerName}
        onChange={set("trainerName")}
        error={errors.trainerName}
      />
      <TextInput
        id="capacity"
        name="capacity"
        label="Places"
        value={v.capacity}
        onChange={set("capacity")}
        error={errors.capacity}
        width="govuk-input--width-20"
      />
      <div className="govuk-button-group">
        <Button disabled={save.isPending}>Save changes</Button>
        <Link
          to="/orgs/$orgId/training/courses/$courseId"
          params={{ orgId, courseId: s.courseId }}
          className="govuk-link"
        >
          Cancel
        </Link>
      </div>
    </form>
  );
}

export function SessionEditPage(): React.ReactNode {
  const { orgId, sessionId } = route.useParams();
  const data = useQuery(catalogueQueries.session(orgId, sessionId));
  if (data.error) return <ErrorSummary error={data.error} />;
  if (!data.data) return <p className="govuk-body">Loading…</p>;
  return (
    <Page title="Change a session" caption={data.data.session.courseTitle}>
      <EditForm orgId={orgId} session={data.data.session} />
    </Page>
  );
}
