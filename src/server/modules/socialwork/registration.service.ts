import { leftBy } from "../../../shared/sw-in-post";
import { type RegistrationAlert, type RegistrationFacts, registrationAlerts } from "../../../shared/sw-registration";

// A worker's registration alerts (rules: shared/sw-registration.ts): none once they have left (their
// end date is the first day out of post, shared/sw-in-post.ts), as a leaver's lapsed registration is
// nobody's task. A starter not yet in post keeps theirs: it should be sorted before their first day.

export function alertsOf(
  profile: RegistrationFacts,
  employment: { endDate: string | null },
  today: string,
): RegistrationAlert[] {
  if (leftBy(employment, today)) return [];
  return registrationAlerts(profile, today);
}
