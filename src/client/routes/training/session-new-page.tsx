import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { type DateParts, datePartsOf } from "../../../shared/date-input";
import type { CreateSessionInput } from "../../../shared/schemas/training-catalogue";
import { PLACE_ALLOCATION } from "../../../shared/training";
import { DateInput } from "../../components/DateInput";
import { Button, ErrorSummary, fieldErrors, Select, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { checkDates, type DateProblems, firstBox } from "../../lib/date-checks";
import { catalogueApi, catalogueKeys, catalogueQueries } from "../../queries/training-catalogue";
import { sessionInstant } from "./catalogue-common";

// Adding a dated session to a course (issue 18 item 2): when and where, the trainer, the places
// and how they are shared between providers (open, named quotas, or by providers' size), and
// when held places are released to everyone (7 days before the start unless given).

const route = getRouteApi("/orgs/$orgId/training/courses/$courseId/sessions/new");

const ALLOCATION_LABELS: Record<(typeof PLACE_ALLOCATION)[number], string> = {
  open: "Open: first come, first served",
  quota: "Quotas: hold places for named providers",
  by_size: "By size: hold places in proportion to each provider's staff",
};

export function SessionNewPage(): React.ReactNode {
  const { orgId, courseId } = route.useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const course = useQuery(catalogueQueries.course(orgId, courseId));
  const options = useQuery(catalogueQueries.options(orgId));
  const [day, setDay] = useState<DateParts>(datePartsOf(null));
  const [releaseDay, setReleaseDay] = useState<DateParts>(datePartsOf(null));
  const [dateProblems, setDateProblems] = useState<DateProblems | null>(null);
  const [v, setV] = useState({
    start: "09:30",
    end: "16:00",
    venue: "",
    link: "",
    trainerName: "",
    trainerUserId: "",
    capacity: "12",
    allocation: "open",
    releaseTime: "09:00",
    cancelHours: "48",
  });
  const [quotas, setQuotas] = useState<Record<string, string>>({});
  const set = (k: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const save = useMutation({
    mutationFn: (dates: { day: string; releaseDay: string | null }) => {
      const body: CreateSessionInput = {
        startsAt: sessionInstant(dates.day, v.start),
        endsAt: sessionInstant(dates.day, v.end),
        venue: v.venue,
        link: v.link,
        trainerName: v.trainerName,
        trainerUserId: v.trainerUserId || null,
        capacity: Number(v.capacity),
        allocation: v.allocation as CreateSessionInput["allocation"],
        quotas:
          v.allocation === "quota"
            ? Object.entries(quotas)
                .filter(([, n]) => n.trim() !== "" && Number(n) > 0)
                .map(([orgId, n]) => ({ orgId, places: Number(n) }))
            : [],
        releaseAt: v.allocation !== "open" && dates.releaseDay ? sessionInstant(dates.releaseDay, v.releaseTime) : null,
        cancelHours: Number(v.cancelHours),
      };
      return catalogueApi.createSession(orgId, courseId, body);
    },
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: catalogueKeys.all(orgId) });
      navigate({ to: "/orgs/$orgId/training/courses/$courseId", params: { orgId, courseId } });
    },
  });
  const errors = fieldErrors(dateProblems?.error ?? save.error);
  const councilId = course.data?.course.councilId;
  const providers = (options.data?.providers ?? []).filter((p) => p.councilId === councilId);
  return (
    <Page title="Add a session" caption={course.data?.course.title}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const dates = checkDates({
            day: { value: day, what: "Date" },
            releaseDay: {
              value: releaseDay,
              what: "Release date",
              optional: true,
            },
          });
          setDateProblems(dates.ok ? null : dates.problems);
          if (dates.ok)
            save.mutate({
              day: dates.values.day ?? "",
              releaseDay: v.allocation === "open" ? null : dates.values.releaseDay,
            });
        }}
      >
        <ErrorSummary
          error={dateProblems?.error ?? save.error}
          fields={{
            day: firstBox("day", dateProblems, "day"),
            startsAt: "day-day",
            endsAt: "end",
            releaseDay: firstBox("releaseDay", dateProblems, "releaseDay"),
            releaseAt: "releaseDay-day",
          }}
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
          hint="For example 09:30"
          value={v.start}
          onChange={set("start")}
          width="govuk-input--width-20"
        />
        <TextInput
          id="end"
          name="end"
          label="Ends at (UK time)"
          hint="For example 16:00"
          value={v.end}
          onChange={set("end")}
          error={errors.endsAt}
          width="govuk-input--width-20"
        />
        <TextInput
          id="venue"
          name="venue"
          label="Venue"
          hint="Needed for classroom courses"
          value={v.venue}
          onChange={set("venue")}
          error={errors.venue}
        />
        <TextInput
          id="link"
          name="link"
          label="Joining link"
          hint="Needed for online courses; starts https://"
          value={v.link}
          onChange={set("link")}
          error={errors.link}
        />
        <TextInput
          id="trainerName"
          name="trainerName"
          label="Trainer's name"
          value={v.trainerName}
          onChange={set("trainerName")}
          error={errors.trainerName}
        />
        <Select
          id="trainerUserId"
          name="trainerUserId"
          label="Trainer's account (optional)"
          hint="They will see the list of people booked and mark attendance"
          value={v.trainerUserId}
          onChange={set("trainerUserId")}
          error={errors.trainerUserId}
          options={[
            { value: "", label: "None" },
            ...(options.data?.trainers ?? []).map((t) => ({ value: t.userId, label: t.name || t.userId })),
          ]}
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
        <Select
          id="allocation"
          name="allocation"
          label="How places are shared"
          value={v.allocation}
          onChange={set("allocation")}
          error={errors.allocation}
          options={PLACE_ALLOCATION.map((a) => ({ value: a, label: ALLOCATION_LABELS[a] }))}
        />
        {v.allocation === "quota" && (
          <fieldset className="govuk-fieldset" id="quotas">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Places held for each provider</legend>
            {errors.quotas && <p className="govuk-error-message">{errors.quotas}</p>}
            {providers.map((p) => (
              <TextInput
                key={p.id}
                id={`quota-${p.id}`}
                name={`quota-${p.id}`}
                label={p.staff === null ? p.name : `${p.name} (${p.staff} staff)`}
                value={quotas[p.id] ?? ""}
                onChange={(n) => setQuotas((q) => ({ ...q, [p.id]: n }))}
                width="govuk-input--width-20"
              />
            ))}
          </fieldset>
        )}
        {v.allocation !== "open" && (
          <>
            <DateInput
              id="releaseDay"
              legend="Release held places to everyone on (optional)"
              hint="Leave empty to release them 7 days before the start"
              value={releaseDay}
              onChange={setReleaseDay}
              error={errors.releaseDay ?? errors.releaseAt}
              errorParts={dateProblems?.parts.releaseDay}
            />
            <TextInput
              id="releaseTime"
              name="releaseTime"
              label="At (UK time)"
              value={v.releaseTime}
              onChange={set("releaseTime")}
              width="govuk-input--width-20"
            />
          </>
        )}
        <TextInput
          id="cancelHours"
          name="cancelHours"
          label="Late cancellation after (hours before the start)"
          value={v.cancelHours}
          onChange={set("cancelHours")}
          error={errors.cancelHours}
          width="govuk-input--width-20"
        />
        <div className="govuk-button-group">
          <Button disabled={save.isPending}>Add session</Button>
          <Link to="/orgs/$orgId/training/courses/$courseId" params={{ orgId, courseId }} className="govuk-link">
            Cancel
          </Link>
        </div>
      </form>
    </Page>
  );
}
