// The council's own social work service (issue 20): its vocabulary, shared by server and client.
// The rules (due dates, protection, agency flags, census items) live in files of their own
// beside this one (sw-*.ts); this file only names things. Facts: shared/reference/social-work.md.

/** The two services a council runs social work in. */
export const SW_SERVICES = ["adults", "children"] as const;
export type SwService = (typeof SW_SERVICES)[number];
export const SW_SERVICE_LABELS: Record<SwService, string> = {
  adults: "Adults' social work",
  children: "Children and families",
};

/**
 * DfE's five core job types for agency child and family social workers (agency rules, price caps
 * and the quarterly data return: social-work.md §1.2).
 */
export const AGENCY_ROLE_TYPES = [
  "social_worker",
  "senior_social_worker",
  "advanced_practitioner",
  "team_manager",
  "iro_cp_chair",
] as const;
export type AgencyRoleType = (typeof AGENCY_ROLE_TYPES)[number];
export const AGENCY_ROLE_TYPE_LABELS: Record<AgencyRoleType, string> = {
  social_worker: "Social worker",
  senior_social_worker: "Senior social worker",
  advanced_practitioner: "Advanced practitioner",
  team_manager: "Team manager",
  iro_cp_chair: "Independent reviewing officer or child protection chair",
};

export interface SwRoleInfo {
  label: string;
  /** A registered social worker's role: counted in the census and as a social worker in the figures. */
  socialWorker: boolean;
  /** Usually holds cases (counted for caseloads). */
  caseHolding: boolean;
  /** The ASC-WDS main job role a staff record in this role carries (shared/ascwds/codes.ts). */
  ascwdsJobRole: number;
  /** The DfE agency job type an agency worker in this role maps to, when a social work role. */
  agencyRoleType: AgencyRoleType | null;
  /** The career framework role (frameworks/shipped-framework.ts) in each service, when there is one. */
  frameworkRole: Partial<Record<SwService, string>>;
}

/** Roles in the social work service, in order of seniority within each line. */
export const SW_ROLES = {
  asye_social_worker: {
    label: "Newly qualified social worker (ASYE)",
    socialWorker: true,
    caseHolding: true,
    ascwdsJobRole: 6,
    agencyRoleType: "social_worker",
    frameworkRole: { adults: "asye_social_worker", children: "cf_nqsw" },
  },
  social_worker: {
    label: "Social worker",
    socialWorker: true,
    caseHolding: true,
    ascwdsJobRole: 6,
    agencyRoleType: "social_worker",
    frameworkRole: { adults: "social_worker", children: "cf_social_worker" },
  },
  senior_social_worker: {
    label: "Senior social worker",
    socialWorker: true,
    caseHolding: true,
    ascwdsJobRole: 6,
    agencyRoleType: "senior_social_worker",
    frameworkRole: { adults: "experienced_social_worker", children: "cf_senior_practitioner" },
  },
  advanced_practitioner: {
    label: "Advanced practitioner",
    socialWorker: true,
    caseHolding: true,
    ascwdsJobRole: 6,
    agencyRoleType: "advanced_practitioner",
    frameworkRole: { adults: "consultant_social_worker", children: "cf_practice_supervisor" },
  },
  team_manager: {
    label: "Team manager",
    socialWorker: true,
    caseHolding: false,
    ascwdsJobRole: 3,
    agencyRoleType: "team_manager",
    frameworkRole: { adults: "sw_team_manager", children: "cf_team_manager" },
  },
  independent_reviewing_officer: {
    label: "Independent reviewing officer or child protection chair",
    socialWorker: true,
    caseHolding: false,
    ascwdsJobRole: 35,
    agencyRoleType: "iro_cp_chair",
    frameworkRole: {},
  },
  service_manager: {
    label: "Service manager",
    socialWorker: true,
    caseHolding: false,
    ascwdsJobRole: 2,
    agencyRoleType: null,
    frameworkRole: { children: "cf_service_manager" },
  },
  principal_social_worker: {
    label: "Principal social worker",
    socialWorker: true,
    caseHolding: false,
    ascwdsJobRole: 2,
    agencyRoleType: "advanced_practitioner",
    frameworkRole: { adults: "principal_social_worker", children: "principal_social_worker" },
  },
  occupational_therapist: {
    label: "Occupational therapist",
    socialWorker: false,
    caseHolding: true,
    ascwdsJobRole: 15,
    agencyRoleType: null,
    frameworkRole: { adults: "occupational_therapist" },
  },
  family_support_worker: {
    label: "Family support or social work assistant (not registered)",
    socialWorker: false,
    caseHolding: true,
    ascwdsJobRole: 42,
    agencyRoleType: null,
    frameworkRole: {},
  },
} as const satisfies Record<string, SwRoleInfo>;
export type SwRole = keyof typeof SW_ROLES;
export const SW_ROLE_KEYS = Object.keys(SW_ROLES) as SwRole[];
export const swRoleLabel = (role: string) => (SW_ROLES as Record<string, SwRoleInfo>)[role]?.label ?? role;

/** Professional Capabilities Framework levels and post-qualifying stages (reference-data.md §3.2). */
export const PCF_LEVELS = ["student", "asye", "social_worker", "experienced", "advanced", "strategic"] as const;
export type PcfLevel = (typeof PCF_LEVELS)[number];
export const PCF_LEVEL_LABELS: Record<PcfLevel, string> = {
  student: "Student (qualifying)",
  asye: "ASYE (newly qualified)",
  social_worker: "Social worker",
  experienced: "Experienced social worker",
  advanced: "Advanced (practice, management or education)",
  strategic: "Strategic",
};

/** Specialisms a worker may hold; warrants (AMHP, BIA, practice educator) have their own fields. */
export const SW_SPECIALISMS = [
  "safeguarding_adults",
  "mental_health",
  "learning_disability",
  "hospital_discharge",
  "child_protection",
  "children_in_care",
  "care_leavers",
  "disabled_children",
  "fostering",
  "adoption",
  "youth_justice",
  "court",
] as const;
export type SwSpecialism = (typeof SW_SPECIALISMS)[number];
export const SW_SPECIALISM_LABELS: Record<SwSpecialism, string> = {
  safeguarding_adults: "Adult safeguarding",
  mental_health: "Mental health",
  learning_disability: "Learning disability",
  hospital_discharge: "Hospital discharge",
  child_protection: "Child protection",
  children_in_care: "Children in care",
  care_leavers: "Care leavers",
  disabled_children: "Disabled children",
  fostering: "Fostering",
  adoption: "Adoption",
  youth_justice: "Youth justice",
  court: "Court work",
};

/** How someone came into social work (on the worker's profile; the grow-your-own figures read it). */
export const ROUTES_IN = [
  "apprentice",
  "sponsored_masters",
  "step_up",
  "frontline",
  "think_ahead",
  "placement_student",
  "external",
  "unknown",
] as const;
export type RouteIn = (typeof ROUTES_IN)[number];
export const ROUTE_IN_LABELS: Record<RouteIn, string> = {
  apprentice: "Social work degree apprenticeship with the council",
  sponsored_masters: "Master's sponsored by the council",
  step_up: "Step Up to Social Work",
  frontline: "Frontline",
  think_ahead: "Think Ahead",
  placement_student: "Student placement with the council",
  external: "Recruited qualified from elsewhere",
  unknown: "Not known",
};
/** The routes the council itself grows (the "grow your own" share counts these). */
export const GROW_YOUR_OWN_ROUTES: readonly RouteIn[] = [
  "apprentice",
  "sponsored_masters",
  "step_up",
  "frontline",
  "think_ahead",
  "placement_student",
];

/** A trainee's route (routes in, issue 20 item 2): a student on placement or a council-backed trainee. */
export const TRAINEE_ROUTES = [
  "placement",
  "apprentice",
  "sponsored_masters",
  "step_up",
  "frontline",
  "think_ahead",
] as const;
export type TraineeRoute = (typeof TRAINEE_ROUTES)[number];
export const TRAINEE_ROUTE_LABELS: Record<TraineeRoute, string> = {
  placement: "Student on placement",
  apprentice: "Social work degree apprentice",
  sponsored_masters: "Sponsored master's student",
  step_up: "Step Up to Social Work trainee",
  frontline: "Frontline participant",
  think_ahead: "Think Ahead participant",
};
export const TRAINEE_STATUSES = ["in_training", "qualified", "withdrawn"] as const;
export type TraineeStatus = (typeof TRAINEE_STATUSES)[number];

/** ASYE: the reviews at 3, 6 and 9 months and the final assessment at 12 (reference-data.md §3.3). */
export const ASYE_STAGES = ["3_month", "6_month", "9_month", "final"] as const;
export type AsyeStage = (typeof ASYE_STAGES)[number];
export const ASYE_STAGE_LABELS: Record<AsyeStage, string> = {
  "3_month": "3-month review",
  "6_month": "6-month review",
  "9_month": "9-month review",
  final: "Final assessment (12 months)",
};
export const ASYE_STATUSES = ["in_progress", "passed", "failed", "extended", "withdrawn"] as const;
export type AsyeStatus = (typeof ASYE_STATUSES)[number];

/** Kinds of supervision (social-work.md §3.2). */
export const SUPERVISION_TYPES = ["reflective", "case", "group", "management"] as const;
export type SupervisionType = (typeof SUPERVISION_TYPES)[number];
export const SUPERVISION_TYPE_LABELS: Record<SupervisionType, string> = {
  reflective: "Reflective (personal) supervision",
  case: "Case supervision",
  group: "Group supervision",
  management: "Management supervision",
};

/** Case types a monthly caseload is broken down by. */
export const CASE_TYPES = {
  children: ["child_in_need", "child_protection", "child_in_care", "care_leaver", "assessment", "other"],
  adults: ["assessment", "review", "safeguarding", "mental_health_act", "dols", "other"],
} as const;
export const CASE_TYPE_LABELS: Record<string, string> = {
  child_in_need: "Child in need",
  child_protection: "Child protection",
  child_in_care: "Child in care",
  care_leaver: "Care leaver",
  assessment: "Assessment",
  review: "Review",
  safeguarding: "Safeguarding enquiry",
  mental_health_act: "Mental Health Act",
  dols: "Deprivation of Liberty Safeguards",
  other: "Other",
};

/** Where a progression case has got to. */
export const PROGRESSION_STATUSES = ["preparing", "submitted", "approved", "deferred", "declined"] as const;
export type ProgressionStatus = (typeof PROGRESSION_STATUSES)[number];

/** Reasons a leaver can give in an exit interview (voice-wellbeing.md); several may be chosen. */
export const EXIT_REASONS = [
  "pay",
  "workload",
  "caseload",
  "management",
  "supervision",
  "development",
  "progression",
  "hours_flexibility",
  "wellbeing",
  "travel",
  "culture",
  "agency_work",
  "personal",
  "retirement",
  "other",
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];
export const EXIT_REASON_LABELS: Record<ExitReason, string> = {
  pay: "Pay",
  workload: "Workload",
  caseload: "Caseload size or complexity",
  management: "Relationship with my manager",
  supervision: "Supervision and support",
  development: "Training and development",
  progression: "Chances to progress",
  hours_flexibility: "Hours or flexibility",
  wellbeing: "My health or wellbeing",
  travel: "Travel or location",
  culture: "Team or organisation culture",
  agency_work: "Better paid agency work",
  personal: "Personal or family reasons",
  retirement: "Retirement",
  other: "Something else",
};
