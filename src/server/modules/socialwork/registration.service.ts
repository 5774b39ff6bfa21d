import { type RegistrationAlert, type RegistrationFacts, registrationAlerts } from "../../../shared/sw-registration";

// A worker's registration alerts (rules: shared/sw-registration.ts): only for someone in post on
// the day (a leaver's lapsed registration is nobody's task).

export function alertsOf(
  profile: RegistrationFacts,
  employment: { endDate: string | null },
  today: string,
): RegistrationAlert[] {
  if (employment.endDate && employment.endDate < today) return [];
  return registrationAlerts(profile, today);
}
