// ASC-WDS bulk upload code lists (../shared/reference/asc-wds.md §2.5). Records keep these codes.

export const CONTRACT = { permanent: 1, temporary: 2, bank: 3, agency: 4, other: 7 } as const;
export const CONTRACT_LABELS: Record<number, string> = {
  1: "Permanent",
  2: "Temporary",
  3: "Pool/Bank",
  4: "Agency",
  7: "Other",
};
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

// Code sets used by the bulk upload validators.
/**
 * ASC-WDS ethnicity codes and their names (the ONS 2011 groups, as the ASC-WDS reference lists
 * them). The one list: the upload's code set and the forms' options are both read from it.
 */
export const ETHNICITY_LABELS: Record<number, string> = {
  31: "White: English, Welsh, Scottish, Northern Irish or British",
  32: "White: Irish",
  33: "White: Gypsy or Irish Traveller",
  34: "White: any other White background",
  35: "Mixed: White and Black Caribbean",
  36: "Mixed: White and Black African",
  37: "Mixed: White and Asian",
  38: "Mixed: any other mixed or multiple background",
  39: "Asian or Asian British: Indian",
  40: "Asian or Asian British: Pakistani",
  41: "Asian or Asian British: Bangladeshi",
  42: "Asian or Asian British: Chinese",
  43: "Asian or Asian British: any other Asian background",
  44: "Black or Black British: African",
  45: "Black or Black British: Caribbean",
  46: "Black or Black British: any other Black background",
  47: "Other ethnic group: Arab",
  98: "Other ethnic group: any other",
  99: "Don't know",
};
export const ETHNICITY_CODES = new Set(Object.keys(ETHNICITY_LABELS).map(Number));
/** The ethnicity codes as a form's choices, in the reference's order (codes ascending). */
export const ETHNICITY_OPTIONS = Object.entries(ETHNICITY_LABELS).map(([value, label]) => ({ value, label }));
export const RECRUITMENT_CODES = new Set([1, 2, 5, 7, 8, 10, 12, 15, 16, 17, 18]);
export const SERVICE_CODES = new Set([
  1, 2, 5, 6, 7, 8, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 52, 53, 54, 55, 60, 61, 62, 63, 64, 66, 67, 68, 69, 70,
  71, 72, 73, 74, 75,
]);
/** Services regulated by the CQC (REGTYPE 2 needs one as the main service). */
export const CQC_SERVICES = new Set([1, 2, 8, 17, 54, 55, 60, 61, 62, 63, 64, 66, 67, 68, 69, 70, 73, 74]);
/** "Other" services, which need a description (SERVICEDESC). */
export const OTHER_SERVICES = new Set([5, 7, 12, 21, 52, 71, 72, 75]);
export const SERVICE_USER_CODES = new Set([
  1, 2, 3, 4, 5, 6, 7, 8, 9, 18, 19, 20, 21, 22, 23, 25, 26, 27, 28, 29, 31, 45, 46,
]);
export const SERVICE_USERS_NEEDING_DESC = new Set([3, 9, 21]);
export const EMPLOYER_TYPES = new Set([1, 3, 6, 7, 8]);
export const TRAINING_CATEGORIES = new Set([
  1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34,
  35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51,
]);
export const TRAINING_CATEGORY_LABELS: Record<number, string> = {
  1: "Control and restraint",
  2: "Dementia care",
  5: "Emergency aid awareness",
  6: "Fire safety",
  7: "Basic life support and first aid",
  8: "Food hygiene",
  9: "Health and safety awareness",
  10: "Infection prevention and control",
  11: "Leadership and management",
  12: "Learning disability",
  13: "Medication management",
  14: "Mental capacity and liberty safeguards",
  15: "Assisting and moving people",
  16: "Nutrition and hydration",
  17: "Palliative, end of life care",
  18: "Physical disability",
  19: "Positive behaviour support",
  20: "Safeguarding adults",
  21: "Other",
  22: "Dignity, respect, person-centred care",
  23: "Equality and diversity",
  25: "Children's, young people's related training",
  26: "Data management and GDPR",
  27: "Epilepsy",
  28: "Communication",
  29: "Diabetes",
  30: "COSHH",
  31: "Mental health",
  32: "Autism",
  33: "Continence care",
  34: "Duty of care",
  35: "Supervision, performance management",
  36: "Stroke",
  37: "Complaints handling, conflict resolution",
  38: "Personal care",
  39: "Activity provision, wellbeing",
  40: "Sensory disability",
  41: "Oliver McGowan training (eLearning)",
  42: "Oliver McGowan training (Tier 1)",
  43: "Oliver McGowan training (Tier 2)",
  44: "Oral health",
  45: "Moving and handling objects",
  46: "Assisted digital and accessibility",
  47: "Digital leadership skills",
  48: "In-house systems and applications",
  49: "Online safety and security",
  50: "Social media and communications",
  51: "Working with digital technology",
};
export const CWP_CATEGORIES = new Set([1, 2, 3, 4, 5, 6, 7, 998, 999]);
/** Where a leaver went, derived from the reason where the reason names it. */
export const LEAVING_DESTINATIONS: Record<number, string> = {
  1: "adult_social_care",
  2: "health",
  3: "other_sector",
  4: "same_employer",
  6: "retired",
};
/** Where a leaver went, in words (the destinations LEAVING_DESTINATIONS derives from a reason). */
export const LEAVING_DESTINATION_LABELS: Record<string, string> = {
  adult_social_care: "Another adult social care employer",
  health: "The health sector",
  other_sector: "A job outside social care and health",
  same_employer: "Another role with this employer",
  retired: "Retired",
};
/** Where someone who left for `reason` went, in words ("Not known" when the reason does not say). */
export const leavingDestinationLabel = (reason: number | null | undefined) =>
  LEAVING_DESTINATION_LABELS[LEAVING_DESTINATIONS[reason ?? 0] ?? ""] ?? "Not known";
/** Main job roles in the groups ASC-WDS shows them in (its job role groups, 2024), for choosing several. */
export const JOB_ROLE_GROUPS: { name: string; roles: number[] }[] = [
  { name: "Care providing roles", roles: [8, 7, 52, 9, 23] },
  { name: "Managerial and supervisory roles", roles: [4, 43, 45, 5, 3, 2, 1, 24] },
  { name: "Professional and related roles", roles: [16, 37, 38, 6, 15, 36, 17] },
  { name: "IT, digital and data roles", roles: [46, 47, 48, 49, 50, 51] },
  { name: "Other roles", roles: [25, 26, 34, 10, 11, 39, 40, 42, 44, 35, 27] },
];
