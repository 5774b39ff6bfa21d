// The one permission matrix, used by the server (to refuse) and the client (to hide).
// Roles are held per organisation through a membership; the hub admin is an
// installation-wide flag on the user, not a membership.

export const ORG_KINDS = ["council", "provider", "training_partner", "nhs_partner"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
/** The kinds a council can commission (and ask for returns, and whose frameworks they read). */
export const COMMISSIONED_KINDS = ["provider", "training_partner", "nhs_partner"] as const satisfies readonly OrgKind[];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  council: "Council",
  provider: "Care provider",
  training_partner: "Training partner",
  nhs_partner: "NHS partner",
};

export const ROLES = [
  "council_admin",
  "council_analyst",
  "commissioner",
  "provider_admin",
  "provider_editor",
  "provider_viewer",
  "trainer",
  "staff_member",
  "candidate",
  "workforce_lead",
  "board_member",
  "steering_member",
  "sw_lead",
  "sw_manager",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  council_admin: "Council admin",
  council_analyst: "Council analyst",
  commissioner: "Commissioner",
  provider_admin: "Organisation admin",
  provider_editor: "Editor",
  provider_viewer: "Viewer",
  trainer: "Trainer",
  staff_member: "Staff member (personal account)",
  candidate: "Candidate (personal account)",
  workforce_lead: "Workforce lead",
  board_member: "Board member",
  steering_member: "Strategy group member",
  sw_lead: "Social work service lead",
  sw_manager: "Social work team manager",
};

/** Which roles an organisation of each kind may grant. */
export const ROLES_BY_KIND: Record<OrgKind, readonly Role[]> = {
  // A strategy group member from a provider or partner is given steering_member at the council
  // when added to a group, and loses it when they leave the last one (modules/strategy).
  council: [
    "council_admin",
    "workforce_lead",
    "council_analyst",
    "commissioner",
    "board_member",
    "steering_member",
    "sw_lead",
    "sw_manager",
    "staff_member",
    "candidate",
  ],
  provider: ["provider_admin", "provider_editor", "provider_viewer", "staff_member"],
  training_partner: ["provider_admin", "trainer"],
  nhs_partner: ["provider_admin", "provider_viewer", "staff_member"],
};

/** The admin role an organisation of each kind is given when it is created or invited. */
export const ADMIN_ROLE_BY_KIND: Record<OrgKind, Role> = {
  council: "council_admin",
  provider: "provider_admin",
  training_partner: "provider_admin",
  nhs_partner: "provider_admin",
};

export const PERMISSIONS = [
  "org.view", // see the organisation's home page and name
  "users.view",
  "users.manage", // invite, change role, remove
  "audit.view",
  "providers.view", // council: the providers it commissions
  "providers.invite", // council: invite a provider and its first admin
  "workplaces.view",
  "workplaces.edit",
  "staff.view",
  "staff.edit",
  "staff.viewSensitive", // NI number, date of birth, ethnicity, disability
  "metrics.view",
  "metrics.manage", // a council: set targets for its headline figures
  "careers.manage", // a council: edit and publish its career framework, see who has endorsed it
  "careers.endorse", // a provider: endorse a published framework, map its own job titles
  "careers.view", // the frameworks' versions and who has endorsed them; a provider's job title mappings
  "careers.plans", // the development plans staff have shared with their employer
  "self.view", // personal account: my own record, training, career plan
  "returns.view", // a council: return periods and who has submitted; a provider: its own returns
  "returns.manage", // a council: set return periods
  "returns.submit", // a provider: submit its return
  "strategy.view", // a council: its workforce strategy, progress, risks and governance
  "strategy.update", // record progress on actions: any action with strategy.manage, else those they own (a person or their group)
  "strategy.manage", // a council: edit the plan, approve it, the register, groups, meetings and the forum log
  "strategy.reports", // the quarterly board report and its kept versions: the council's own people and its board, not group members from outside
  "recruitment.view", // an employer: its adverts, the applications to them and the talent pool as candidates consented
  "recruitment.manage", // an employer: publish adverts, move applications, score, offer interview slots, edit its email templates
  "recruitment.checks", // an employer: pre-employment checks (DBS, right to work, references): sensitive, the employer's admins only
  "recruitment.hub", // a council's recruitment hub: moderate adverts on its board, the hub's values questions, campaigns and events
  "candidate.self", // a candidate: their profile, applications, interview bookings, pool consent and account
  "training.view", // the area's training catalogue and sessions; an employer: its own bookings, apprenticeships and funding claims
  "training.book", // an employer: book and cancel its staff on sessions, record apprenticeships, request levy, mark claims made
  "training.offer", // the council's hub team and training partners: their courses, sessions, places and quotas
  "training.deliver", // trainers: the lists of people booked on their sessions, attendance and outcomes
  "training.hub", // a council: the pre-employment course and its cohorts, training uptake across the area
  "levy.pledge", // a levy-paying employer (the council, an NHS partner): pledge levy and decide requests for it
  "commissioning.view", // a council: its contracts, compliance, Quality Premium and the price floor; a provider: its own contracts, results and entitlement
  "commissioning.manage", // a council's commissioner: contracts, the standards library, decide challenges, schemes and approving schedules, fee rates and tenders
  "commissioning.respond", // a provider: challenge a result, confirm its contract-monitoring return
  "socialwork.figures", // a council: its social work service's figures, with disclosure control (no one's records)
  "socialwork.view", // the council's social work records: every team with socialwork.manage, else the teams one manages (socialwork/access.ts)
  "socialwork.supervise", // record supervisions, caseloads, ASYE reviews and development reviews for the workers one may see
  "socialwork.manage", // the service lead: teams, establishment, standards, trainees, progression decisions, agency, payments, the census
  "exits.manage", // an employer: offer exit interviews to its leavers and read the reasons they gave
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ORG_ADMIN: Permission[] = ["org.view", "users.view", "users.manage", "audit.view"];
const PROVIDER_DATA_READ: Permission[] = ["workplaces.view", "staff.view", "metrics.view"];
const PROVIDER_DATA_WRITE: Permission[] = ["workplaces.edit", "staff.edit"];
const STRATEGY_EDIT: Permission[] = ["strategy.view", "strategy.update", "strategy.manage", "strategy.reports"];
const RECRUITING: Permission[] = ["recruitment.view", "recruitment.manage"];
const TRAINING_BOOKING: Permission[] = ["training.view", "training.book"];
/** The council's hub team and a training partner's admin: run courses and sessions, mark attendance. */
const TRAINING_OFFER: Permission[] = ["training.view", "training.offer", "training.deliver"];

export const MATRIX: Record<Role, readonly Permission[]> = {
  // The council also runs its own services, so its admin manages its own staff records.
  council_admin: [
    ...ORG_ADMIN,
    "providers.view",
    "providers.invite",
    ...PROVIDER_DATA_READ,
    ...PROVIDER_DATA_WRITE,
    "staff.viewSensitive",
    "returns.view",
    "returns.manage",
    "metrics.manage",
    "careers.manage",
    "careers.view",
    "careers.plans",
    ...STRATEGY_EDIT,
    // The council recruits for its own services, and runs the area's recruitment hub.
    ...RECRUITING,
    "recruitment.checks",
    "recruitment.hub",
    // The council books its own services' staff, runs the hub's courses, and pays the levy.
    ...TRAINING_BOOKING,
    ...TRAINING_OFFER,
    "training.hub",
    "levy.pledge",
    "commissioning.view",
    "commissioning.manage",
    // The service's figures, not its people's supervision, caseloads or ASYE (the service lead's).
    "socialwork.figures",
    "exits.manage",
  ],
  // Leads the workforce strategy: edits the plan and reads the figures it is measured by.
  workforce_lead: [
    "org.view",
    "providers.view",
    "workplaces.view",
    "metrics.view",
    "returns.view",
    ...STRATEGY_EDIT,
    "recruitment.hub",
    ...TRAINING_OFFER,
    "training.hub",
    "socialwork.figures",
  ],
  council_analyst: [
    "org.view",
    "providers.view",
    "workplaces.view",
    "metrics.view",
    "returns.view",
    "careers.view",
    "strategy.view",
    "strategy.update",
    "strategy.reports",
    "training.view",
    "commissioning.view",
    "socialwork.figures",
  ],
  commissioner: [
    "org.view",
    "providers.view",
    "workplaces.view",
    "metrics.view",
    "metrics.manage",
    "returns.view",
    "careers.view",
    "strategy.view",
    "strategy.update",
    "strategy.reports",
    "training.view",
    "commissioning.view",
    "commissioning.manage",
  ],
  // Reads the strategy, its progress and the board report (the board the steering group reports to).
  board_member: ["org.view", "strategy.view", "strategy.reports"],
  // A member of a strategy group from outside the council: reads the plan, updates the actions they own.
  steering_member: ["org.view", "strategy.view", "strategy.update"],
  // The council's principal social worker or head of service: the whole social work service.
  sw_lead: [
    "org.view",
    "careers.view",
    "socialwork.figures",
    "socialwork.view",
    "socialwork.supervise",
    "socialwork.manage",
    "exits.manage",
  ],
  // A team manager: the teams they manage (socialwork/access.ts), their supervision, caseloads and ASYEs.
  sw_manager: ["org.view", "socialwork.figures", "socialwork.view", "socialwork.supervise"],
  provider_admin: [
    ...ORG_ADMIN,
    ...PROVIDER_DATA_READ,
    ...PROVIDER_DATA_WRITE,
    "staff.viewSensitive",
    "returns.view",
    "returns.submit",
    "careers.endorse",
    "careers.view",
    "careers.plans",
    ...RECRUITING,
    "recruitment.checks",
    // The same role administers a training partner (offer courses) and an NHS partner (pledge levy):
    // each route's orgKinds says which kind of organisation it serves.
    ...TRAINING_BOOKING,
    ...TRAINING_OFFER,
    "levy.pledge",
    "commissioning.view",
    "commissioning.respond",
    "exits.manage",
  ],
  provider_editor: [
    "org.view",
    "users.view",
    ...PROVIDER_DATA_READ,
    ...PROVIDER_DATA_WRITE,
    "returns.view",
    "returns.submit",
    "careers.plans",
    ...RECRUITING,
    ...TRAINING_BOOKING,
    "commissioning.view",
    "commissioning.respond",
  ],
  provider_viewer: [
    "org.view",
    ...PROVIDER_DATA_READ,
    "returns.view",
    "careers.plans",
    "recruitment.view",
    "training.view",
    "commissioning.view",
  ],
  // A training partner's trainer: the catalogue, and the people booked on its sessions, nothing else.
  trainer: ["org.view", "training.view", "training.deliver"],
  staff_member: ["org.view", "self.view"],
  candidate: ["org.view", "self.view", "candidate.self"],
};

export function can(role: Role | null | undefined, permission: Permission, isHubAdmin = false): boolean {
  if (isHubAdmin) return true;
  if (!role) return false;
  return MATRIX[role].includes(permission);
}

export function permissionsFor(role: Role | null, isHubAdmin = false): Permission[] {
  if (isHubAdmin) return [...PERMISSIONS];
  return role ? [...MATRIX[role]] : [];
}

export const TOKEN_SCOPES = ["read", "write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/**
 * What an organisation's API token may do: read or write workforce data, nothing else. Never
 * careers.plans (a person's development plan is theirs and their managers'), careers.view or
 * anything of users, audit or returns.
 */
export const TOKEN_MATRIX: Record<TokenScope, readonly Permission[]> = {
  read: ["org.view", "workplaces.view", "staff.view"],
  write: ["org.view", "workplaces.view", "staff.view", "workplaces.edit", "staff.edit"],
};
