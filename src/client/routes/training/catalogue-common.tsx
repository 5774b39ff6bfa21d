import { Link } from "@tanstack/react-router";
import { londonInstant, longDateTimeRange } from "../../../shared/dates";
import { formatPence, TRAINING_DELIVERY_LABELS, TRAINING_FUNDING_LABELS } from "../../../shared/training";
import type { CourseView, SessionView } from "../../queries/training-catalogue";

// Pieces the catalogue's pages share: how a course's cost, a session's place and its free places are put.

export const FUNDING_SHORT: Record<CourseView["funding"], string> = {
  free_commissioned: "Free",
  ldss: "LDSS funded",
  levy: "Levy funded",
  charged: "Charged",
};

export function costText(c: Pick<CourseView, "costPence" | "funding">): string {
  if (c.funding === "charged") return `${formatPence(c.costPence)} a learner`;
  if (c.funding === "free_commissioned") return "Free to commissioned providers";
  return `${TRAINING_FUNDING_LABELS[c.funding]}${c.costPence ? ` (${formatPence(c.costPence)} a learner)` : ""}`;
}

export const deliveryText = (d: CourseView["delivery"]) => TRAINING_DELIVERY_LABELS[d];

export function refreshText(months: number | null): string {
  if (!months) return "Does not expire";
  if (months % 12 === 0) return months === 12 ? "Every year" : `Every ${months / 12} years`;
  return `Every ${months} months`;
}

export const placeText = (s: Pick<SessionView, "venue" | "link">) => s.venue || (s.link ? "Online" : "To be confirmed");
/** A day ("2026-07-01", from the date boxes) and a time typed as "09:30" in the UK, as an instant; what was typed when the time is not one (the server names it). */
export const sessionInstant = (day: string, time: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) && /^\d{1,2}:\d{2}$/.test(time)
    ? londonInstant(day, time.padStart(5, "0"))
    : `${day}T${time}`;

export const whenText = (s: Pick<SessionView, "startsAt" | "endsAt">) => longDateTimeRange(s.startsAt, s.endsAt);

/** Free places as a tag: the places the viewer may book, and those held for it. */
export function PlacesTag({ session: s }: { session: SessionView }): React.ReactNode {
  if (s.status === "cancelled") return <strong className="govuk-tag govuk-tag--grey">Cancelled</strong>;
  if (s.places.freeForYou === 0)
    return (
      <strong className="govuk-tag govuk-tag--red">
        {s.places.freeTotal === 0 ? "Full" : "No places for you yet"}
      </strong>
    );
  return (
    <strong className="govuk-tag govuk-tag--green">
      {s.places.freeForYou} {s.places.freeForYou === 1 ? "place" : "places"}
      {s.places.heldForYou ? ` (${s.places.heldForYou} held for you)` : ""}
    </strong>
  );
}

export function CourseLink({ orgId, id, title }: { orgId: string; id: string; title: string }): React.ReactNode {
  return (
    <Link to="/orgs/$orgId/training/courses/$courseId" params={{ orgId, courseId: id }} className="govuk-link">
      {title}
    </Link>
  );
}
