// ASC-WDS bulk upload code lists (../shared/reference/asc-wds.md §2.5). Records keep these codes.

export const CONTRACT = { permanent: 1, temporary: 2, bank: 3, agency: 4, other: 7 } as const;
export const CONTRACT_LABELS: Record<number, string> = { 1: "Permanent", 2: "Temporary", 3: "Pool/Bank", 4: "Agency", 7: "Other" };
/** Directly employed (the denominator of vacancy and turnover rates). */
export const EMPLOYED_CONTRACTS = [1, 2] as const;

export const JOB_ROLES: Record<number, string> = {
  1: "Senior management",
  2: "Middle management",
  3: "First-line manager",
  4: "Registered manager",
  5: "Supervisor",
  6: "Social worker",
  7: "Senior care worker",
  8: "Care worker",
  9: "Community support and outreach work",
  10: "Employment support",
  11: "Advice, guidance and advocacy",
  15: "Occupational therapist",
  16: "Registered nurse",
  17: "Allied health professional (not occupational therapist)",
  23: "Other (directly involved in providing care)",
  24: "Manager (care-related, but not care-providing)",
  25: "Administrative",
  26: "Ancillary staff (non care-providing)",
  27: "Other (not directly involved in providing care)",
  34: "Activities worker, co-ordinator",
  35: "Safeguarding and reviewing officer",
  36: "Occupational therapist assistant",
  37: "Nursing associate",
  38: "Nursing assistant",
  39: "Assessment officer",
  40: "Care co-ordinator",
  42: "Any children's, young people's job role",
  43: "Deputy manager",
  44: "Learning and development lead",
  45: "Team leader",
  46: "Data analyst",
  47: "Data governance manager",
  48: "IT and digital support",
  49: "IT manager",
  50: "IT service desk manager",
  51: "Software developer",
  52: "Support worker",
};

/** Roles ASC-WDS flags as care-providing. */
export const CARE_PROVIDING_ROLES = [4, 5, 7, 8, 9, 23, 45, 52] as const;

export const SERVICES: Record<number, string> = {
  1: "Care home services with nursing",
  2: "Care home services without nursing",
  6: "Day care and day services",
  8: "Domiciliary care services",
  55: "Supported living services",
  54: "Extra care housing services",
  14: "Short breaks, respite care",
  72: "Head office services",
};

export const GENDER = { male: 1, female: 2, unknown: 3, other: 4 } as const;
export const ETHNICITY_UNKNOWN = 99;
export const NATIONALITY = { british: 826, unknown: 998, other: 999 } as const;
export const YES_NO_DK = { yes: 1, no: 2, dontKnow: 999 } as const;
export const PAY_INTERVAL = { annually: 1, hourly: 3, dontKnow: 999 } as const;

/** Reasons for leaving (ASC-WDS worker leave reasons, 2025 wording). */
export const LEAVING_REASONS: Record<number, string> = {
  1: "Moved to another adult social care employer",
  2: "Moved to the health sector",
  3: "Moved to a different sector (for example retail)",
  4: "Moved to a different role in this organisation",
  5: "Chose to leave (destination not known)",
  6: "Retired",
  7: "Employment terminated",
  8: "Reason not listed",
  9: "Reason not known",
};
