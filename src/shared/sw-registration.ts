import { addMonths } from "./apprenticeship-rules";
import { SWE_NUMBER_PATTERN } from "./sw-census";

// The alerts on a social worker's registration and warrants (issue 20 item 1): pure rules, one
// per alert, read by the worker page, the team page, the "needs attention" list and the service
// lead's home tasks. Facts: reference-data.md §3 (SWE registration renews every year with CPD
// recorded since the last renewal; AMHP re-approval every 5 years), social-work.md §7 (BIA
// further training within the 12 months before each selection, reg. 5(3)(d), except in the
// first 12 months after qualifying; practice educators need post-qualifying experience).

/**
 * A Social Work England number as the register writes it: "SW" and digits, upper case, no spaces
 * ("sw 640 100" is SW640100). The census checks the same form (SWE_NUMBER_PATTERN).
 */
export const normaliseSweNumber = (raw: string) => raw.toUpperCase().replace(/\s+/g, "");
export const isSweNumber = (normalised: string) => SWE_NUMBER_PATTERN.test(normalised);
export const SWE_NUMBER_MESSAGE = "Enter the Social Work England number as SW followed by 4 to 7 digits, like SW640100";
/** Says nothing of who holds it: the recorder may not be allowed to see that worker. */
export const SWE_NUMBER_TAKEN = "This Social Work England number is already recorded for another worker";

/** How far ahead a renewal with no CPD recorded puts the registration at risk. */
export const RENEWAL_WARNING_DAYS = 60;
/** How far ahead an AMHP approval's end is flagged. */
export const AMHP_WARNING_DAYS = 90;
/** How recent a BIA's further training must be, and how long after qualifying none is needed. */
export const BIA_TRAINING_MONTHS = 12;
/** The post-qualifying experience the council expects of a practice educator (years). */
export const PE_MIN_PQE_YEARS = 2;

export const REGISTRATION_ALERTS = [
  "registration_at_risk",
  "registration_lapsed",
  "amhp_ending",
  "amhp_ended",
  "bia_training_due",
  "pe_inexperienced",
] as const;
export type RegistrationAlertKind = (typeof REGISTRATION_ALERTS)[number];

export const REGISTRATION_ALERT_LABELS: Record<RegistrationAlertKind, string> = {
  registration_at_risk: "Registration at risk: renewal soon and no CPD recorded since the last renewal",
  registration_lapsed: "Registration renewal date has passed",
  amhp_ending: "AMHP approval ends within 90 days",
  amhp_ended: "AMHP approval has ended",
  bia_training_due: "BIA further training is more than 12 months old",
  pe_inexperienced: "Practice educator with less than 2 years' post-qualifying experience",
};

export interface RegistrationFacts {
  sweRenewalDate: string | null;
  cpdRecordedOn: string | null;
  amhpApprovedUntil: string | null;
  biaQualifiedOn: string | null;
  biaTrainingOn: string | null;
  peStage: number | null;
  qualifiedOn: string | null;
}

export interface RegistrationAlert {
  kind: RegistrationAlertKind;
  /** Says what is wrong and what to do, in plain English. */
  message: string;
  /** The date the alert turns on (the renewal, the approval's end …), when there is one. */
  dueOn: string | null;
}

const addDays = (day: string, days: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** Every alert on a current worker's registration and warrants on `today`, in a fixed order. */
export function registrationAlerts(f: RegistrationFacts, today: string): RegistrationAlert[] {
  const alerts: RegistrationAlert[] = [];
  if (f.sweRenewalDate) {
    if (f.sweRenewalDate < today)
      alerts.push({
        kind: "registration_lapsed",
        message: "The Social Work England renewal date has passed: check the register and record the new renewal date",
        dueOn: f.sweRenewalDate,
      });
    else if (f.sweRenewalDate <= addDays(today, RENEWAL_WARNING_DAYS)) {
      // CPD counts when recorded since the last renewal, a year before this one.
      const lastRenewal = addMonths(f.sweRenewalDate, -12);
      if (!f.cpdRecordedOn || f.cpdRecordedOn <= lastRenewal)
        alerts.push({
          kind: "registration_at_risk",
          message: "Registration renews within 60 days and no CPD has been recorded since the last renewal",
          dueOn: f.sweRenewalDate,
        });
    }
  }
  if (f.amhpApprovedUntil) {
    if (f.amhpApprovedUntil < today)
      alerts.push({
        kind: "amhp_ended",
        message: "AMHP approval has ended: re-approve or remove the warrant",
        dueOn: f.amhpApprovedUntil,
      });
    else if (f.amhpApprovedUntil <= addDays(today, AMHP_WARNING_DAYS))
      alerts.push({
        kind: "amhp_ending",
        message: "AMHP approval ends within 90 days: arrange re-approval",
        dueOn: f.amhpApprovedUntil,
      });
  }
  if (f.biaQualifiedOn) {
    const exemptUntil = addMonths(f.biaQualifiedOn, BIA_TRAINING_MONTHS);
    const cutoff = addMonths(today, -BIA_TRAINING_MONTHS);
    if (today >= exemptUntil && (!f.biaTrainingOn || f.biaTrainingOn < cutoff))
      alerts.push({
        kind: "bia_training_due",
        message:
          "No BIA further training in the last 12 months: the assessor cannot be selected until they have had some (reg. 5(3)(d))",
        dueOn: f.biaTrainingOn ? addMonths(f.biaTrainingOn, BIA_TRAINING_MONTHS) : exemptUntil,
      });
  }
  if (f.peStage != null) {
    const experienced = f.qualifiedOn ? addMonths(f.qualifiedOn, PE_MIN_PQE_YEARS * 12) : null;
    if (!experienced || experienced > today)
      alerts.push({
        kind: "pe_inexperienced",
        message: f.qualifiedOn
          ? "Practice educator with less than 2 years' post-qualifying experience"
          : "Practice educator with no qualifying date recorded: record when they qualified",
        dueOn: experienced,
      });
  }
  return alerts;
}
