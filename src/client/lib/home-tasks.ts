// What each person can do, for their home page: one task for each thing their role's permissions
// allow (src/shared/permissions.ts), in the order a person in that role would reach for them.
import type { OrgKind, Permission } from "../../shared/permissions";

export interface HomeTask {
  /** Below the organisation's address (`/orgs/:id`), or an address of its own when it starts with "~". */
  path: string;
  label: string;
  hint: string;
}

interface Candidate {
  path: string;
  when: (has: (p: Permission) => boolean, kind: OrgKind) => boolean;
  label: (has: (p: Permission) => boolean, kind: OrgKind) => string;
  hint: string;
}

const TASKS: Candidate[] = [
  // A job seeker's account on a council's job board: what they came for first, without the
  // staff member's career plan (they have no staff record there).
  {
    path: "~/jobs?council={slug}",
    when: (has) => has("candidate.self"),
    label: () => "Find care jobs and apply",
    hint: "Every care job with employers in the area: apply for several at once with your profile.",
  },
  {
    path: "/candidate/applications",
    when: (has) => has("candidate.self"),
    label: () => "See your applications and book interviews",
    hint: "Where each application is, and the interview times employers offer you.",
  },
  {
    path: "/candidate/profile",
    when: (has) => has("candidate.self"),
    label: () => "Fill in your profile",
    hint: "Once: each employer you apply to gets a copy.",
  },
  {
    path: "/candidate/pool",
    when: (has) => has("candidate.self"),
    label: () => "Choose whether local employers can find you",
    hint: "The talent pool: employers who can see you may invite you to apply.",
  },
  {
    path: "/my-career",
    when: (has) => has("self.view") && !has("candidate.self"),
    label: () => "See your record, training and career plan",
    hint: "What you need for the next step in care, and the plan you share with your employer.",
  },
  {
    path: "/figures",
    when: (has) => has("metrics.view"),
    label: (_h, kind) =>
      kind === "council" ? "See the workforce figures for your local care system" : "See your workforce figures",
    hint: "Vacancies, turnover, pay, training and more, with what needs attention first.",
  },
  {
    path: "/figures/targets",
    when: (has) => has("metrics.manage"),
    label: () => "Set targets for the headline figures",
    hint: "The figures show whether they are on target.",
  },
  {
    path: "/providers",
    when: (has) => has("providers.view"),
    label: (has) =>
      has("providers.invite")
        ? "See the providers you commission and invite new ones"
        : "See the providers you commission",
    hint: "Each provider's workplaces and staff in post.",
  },
  {
    path: "/returns",
    when: (has) => has("returns.view"),
    label: (has) =>
      has("returns.manage")
        ? "Set a return period and see who has sent their return"
        : has("returns.submit")
          ? "Send your workforce return"
          : "See your workforce returns",
    hint: "Returns keep a copy of the data as at a date for the council.",
  },
  // Commissioning (issue 19): a council's contracts and their standards; a provider's own contracts.
  {
    path: "/commissioning",
    when: (has, kind) => kind === "council" && has("commissioning.view"),
    label: (has) =>
      has("commissioning.manage")
        ? "Manage your contracts, their workforce standards and the Quality Premium"
        : "See your contracts and how providers meet their workforce standards",
    hint: "Compliance across providers, challenges to decide, Quality Premium totals and prices against the price floor.",
  },
  {
    path: "/contracts",
    when: (has, kind) => kind === "provider" && has("commissioning.view"),
    label: (has) =>
      has("commissioning.respond")
        ? "See the workforce standards in your contracts and challenge a result"
        : "See the workforce standards in your contracts",
    hint: "Whether you meet each standard, with the evidence and what to fix, and your Quality Premium.",
  },
  {
    path: "/upload",
    when: (has) => has("staff.edit"),
    label: () => "Upload your ASC-WDS files",
    hint: "Workplace, staff and training files: check what will change before it is saved.",
  },
  {
    path: "/staff",
    when: (has) => has("staff.view"),
    label: (has) => (has("staff.edit") ? "Add or update staff records and record leavers" : "See your staff records"),
    hint: "Everyone in post, and those who have left.",
  },
  {
    path: "/vacancies",
    when: (has) => has("staff.view"),
    label: (has) => (has("staff.edit") ? "Record vacancies and agency use" : "See vacancies and agency use"),
    hint: "Open posts and agency hours by month.",
  },
  {
    path: "/recruitment",
    when: (has) => has("recruitment.view"),
    label: (has) =>
      has("recruitment.manage")
        ? "Advertise your vacancies and track applications"
        : "See your job adverts and applications",
    hint: "Adverts on the council's job board, applications by stage, interviews and pre-employment checks.",
  },
  {
    path: "/recruitment/pool",
    when: (has) => has("recruitment.view"),
    label: () => "Search the talent pool and invite people to apply",
    hint: "People looking for care work who chose to let you find them.",
  },
  {
    path: "/recruitment/campaigns",
    when: (has) => has("recruitment.hub"),
    label: () => "Run recruitment campaigns and events",
    hint: "Tracked links and codes, and the events job seekers see on your job board.",
  },
  {
    path: "/recruitment/funnel",
    // The funnel is a figure (metrics.view), for councils and providers that recruit.
    when: (has, kind) =>
      kind !== "training_partner" && has("metrics.view") && (has("recruitment.hub") || has("recruitment.view")),
    label: () => "See the recruitment funnel and how long hires stay",
    hint: "From advert views to starts, and hires still in post at 3, 6 and 12 months, by route.",
  },
  {
    path: "/recruitment/moderation",
    when: (has) => has("recruitment.hub"),
    label: () => "Check the job adverts on your board",
    hint: "Every advert, newest first: take one off the board if it should not be there.",
  },
  {
    path: "/career-framework",
    when: (has) => has("careers.manage") || has("careers.endorse"),
    label: (has) =>
      has("careers.manage") ? "Change and publish your career framework" : "Endorse your council's career framework",
    hint: "The roles and routes the public career roadmap shows.",
  },
  {
    path: "/career-plans",
    when: (has) => has("careers.plans"),
    label: () => "See the development plans your staff have shared",
    hint: "Goals and training your staff are working towards.",
  },
  {
    path: "/users",
    when: (has) => has("users.view"),
    label: (has) => (has("users.manage") ? "Invite people and manage their roles" : "See who has access"),
    hint: "Everyone in your organisation who uses the hub.",
  },
  {
    path: "/users#api-tokens",
    when: (has) => has("users.manage"),
    label: () => "Connect another system through the API",
    hint: "Create an API token for your HR or rostering system.",
  },
  {
    path: "/audit",
    when: (has) => has("audit.view"),
    label: () => "See the audit trail of every change",
    hint: "Who changed what, and when.",
  },
  {
    path: "~/careers",
    when: () => true,
    label: () => "Explore careers in care and social work",
    hint: "The public roadmap: roles, what you need and where they lead.",
  },
];

/** The tasks for a role's permissions in an organisation of this kind ({slug} in a path is the organisation's). */
export function homeTasks(kind: OrgKind, permissions: readonly Permission[], slug = ""): HomeTask[] {
  const has = (p: Permission) => permissions.includes(p);
  return TASKS.filter((t) => t.when(has, kind)).map((t) => ({
    path: t.path.replace("{slug}", encodeURIComponent(slug)),
    label: t.label(has, kind),
    hint: t.hint,
  }));
}
