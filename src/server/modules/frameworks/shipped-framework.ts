import type { CatalogueItem, Framework, Role, Route, Source } from "../../../shared/career/framework";
import { EASY_READ_PATHWAYS, EASY_READ_ROLES } from "./easy-read";

// The framework the hub ships: facts from shared/reference/reference-data.md §1–3 with their
// sources. A council starts its own draft from it. Where the reference notes mark something
// unconfirmed it is left out, not guessed (for example typical durations no official page gives).

const CWP: Source = {
  title: "DHSC, Care workforce pathway for adult social care (January 2024, updated April 2025)",
  url: "https://www.gov.uk/government/publications/care-workforce-pathway-for-adult-social-care",
};
const cwpPage = (slug: string, title: string): Source => ({
  title: `DHSC, Care workforce pathway: ${title}`,
  url: `https://www.gov.uk/government/publications/care-workforce-pathway-for-adult-social-care/${slug}`,
});
const CARE_CERT: Source = {
  title: "Skills for Care, Care Certificate standards (updated March 2025: 16 standards)",
  url: "https://www.skillsforcare.org.uk/Developing-your-workforce/Care-Certificate/Care-Certificate-standards.aspx",
};
const L2_ASCC: Source = {
  title: "Skills for Care, Level 2 Adult Social Care Certificate",
  url: "https://www.skillsforcare.org.uk/Learning-development/qualifications/Level-2-Adult-Social-Care-Certificate-qualification.aspx",
};
const APPS: Source = {
  title:
    "Apprenticeship standards (Institute for Apprenticeships and Technical Education); references from the ESFA standards list",
  url: "https://occupational-maps.instituteforapprenticeships.org/",
};
const PROVIDER_MAPPING: Source = {
  title: "Providers' mappings of qualifications to the pathway (secondary, not the gov.uk text)",
  note: "reference-data.md §1.2",
};
const PCF: Source = {
  title: "BASW, Professional Capabilities Framework (refreshed 2018): nine levels",
  url: "https://www.basw.co.uk/professional-development/professional-capabilities-framework-pcf",
};
const ASYE: Source = {
  title: "DfE, Assessed and Supported Year in Employment (ASYE) framework",
  url: "https://www.gov.uk/guidance/assessed-and-supported-year-in-employment-asye-framework",
};
const SWE: Source = {
  title: "Social Work England, registration and CPD",
  url: "https://www.socialworkengland.org.uk/",
};
const AMHP: Source = {
  title: "Mental Health (Approved Mental Health Professionals) (Approval) (England) Regulations 2008",
  url: "https://legislation.gov.uk/uksi/2008/1206/body/made",
};
const BIA: Source = {
  title:
    "Mental Capacity (DoLS: Standard Authorisations, Assessments and Ordinary Residence) Regulations 2008; university BIA course entry requirements",
  url: "https://www.uclan.ac.uk/courses/best-interest-assessor.php",
};
const PEPS: Source = {
  title: "BASW England, Practice Educator Professional Standards (PEPS 2022)",
  url: "https://www.basw.co.uk/social-work-training/practice-educator-professional-standards-peps",
};
const DFE_ROLES: Source = {
  title: "DfE, child and family social work roles and career stages",
  url: "https://support-for-social-workers.education.gov.uk/explore-roles",
};
const CONSULTANT: Source = {
  title: "Consultant social worker: the Reclaiming Social Work (Hackney) model; not a nationally regulated role",
  url: "https://www.theguardian.com/social-care-network/2014/jan/07/how-get-ahead-consultant-social-worker",
};
const PSW: Source = {
  title: "Principal social worker: Munro Review (2011); DfE role description",
  url: "https://support-for-social-workers.education.gov.uk/explore-roles",
};
const ASCWDS_ROLES: Source = { title: "Skills for Care, ASC-WDS main job roles", note: "reference-data.md §7.1" };

/** The seven values every role category of the Care Workforce Pathway lists. */
const SECTOR_VALUES = [
  "Kind, compassionate and empathetic",
  "Honest, trustworthy and reliable",
  "Respect",
  "Courageous and principled",
  "See the whole person",
  "Flexible, open and learning",
  "Proud and positive",
];
const SOCIAL_WORK_VALUES = [
  "Professionalism",
  "Values and ethics",
  "Diversity and equality",
  "Rights, justice and economic wellbeing",
];

const catalogue: CatalogueItem[] = [
  {
    key: "care_certificate",
    title: "Care Certificate",
    kind: "induction",
    description:
      "16 induction standards (since March 2025), usually completed in the first 12 weeks. Not a qualification.",
    typicalMonths: 3,
    evidence: [{ kind: "field", field: "careCertificate", values: [1] }],
    source: CARE_CERT,
  },
  {
    key: "l2_adult_social_care_certificate",
    title: "Level 2 Adult Social Care Certificate",
    kind: "certificate",
    level: 2,
    description:
      "Ofqual-regulated, 36 credits, assessed by observation; around 6 to 8 months for a new learner. For direct care staff aged 19 and over.",
    typicalMonths: 7,
    evidence: [
      { kind: "field", field: "level2CareCertificate", values: [1] },
      { kind: "qualification", codes: [158] },
    ],
    source: L2_ASCC,
  },
  {
    key: "l2_diploma_care",
    title: "Level 2 Diploma in Care (or another relevant social care qualification at level 2 or above)",
    kind: "diploma",
    level: 2,
    evidence: [{ kind: "socialCareLevel", atLeast: 2 }],
    source: PROVIDER_MAPPING,
  },
  {
    key: "l3_diploma_adult_care",
    title: "Level 3 Diploma in Adult Care (or a relevant social care qualification at level 3 or above)",
    kind: "diploma",
    level: 3,
    evidence: [{ kind: "socialCareLevel", atLeast: 3 }],
    source: PROVIDER_MAPPING,
  },
  {
    key: "l4_diploma_adult_care",
    title: "Level 4 Diploma in Adult Care (or a relevant social care qualification at level 4 or above)",
    kind: "diploma",
    level: 4,
    evidence: [{ kind: "socialCareLevel", atLeast: 4 }],
    source: APPS,
  },
  {
    key: "l5_diploma_leadership",
    title: "Level 5 Diploma in Leadership and Management for Adult Care",
    kind: "diploma",
    level: 5,
    description: "All registered managers must have, or be working towards, a Level 5 diploma.",
    evidence: [{ kind: "socialCareLevel", atLeast: 5 }],
    source: cwpPage("deputy-manager-role-category", "deputy manager"),
  },
  {
    key: "delegated_healthcare_training",
    title: "Training for delegated healthcare activities",
    kind: "training",
    description:
      "Recognised, high-quality and auditable training for activities a regulated professional, such as a nurse or occupational therapist, delegates; with ongoing assessment of competence.",
    evidence: [{ kind: "field", field: "delegatedHealthcare", values: [1] }],
    source: cwpPage("enhanced-care-worker-role-category", "enhanced care worker"),
  },
  {
    key: "ap_adult_care_worker",
    title: "Adult care worker apprenticeship",
    kind: "apprenticeship",
    level: 2,
    standard: "ST0005",
    evidence: [],
    source: APPS,
  },
  {
    key: "ap_lead_adult_care_worker",
    title: "Lead adult care worker apprenticeship",
    kind: "apprenticeship",
    level: 3,
    standard: "ST0006",
    evidence: [],
    source: APPS,
  },
  {
    key: "ap_lead_practitioner",
    title: "Lead practitioner in adult care apprenticeship (includes the Level 4 Diploma in Adult Care)",
    kind: "apprenticeship",
    level: 4,
    standard: "ST0007",
    typicalMonths: 18,
    evidence: [],
    source: APPS,
  },
  {
    key: "ap_leader_in_adult_care",
    title:
      "Leader in adult care apprenticeship (includes the Level 5 Diploma in Leadership and Management for Adult Care)",
    kind: "apprenticeship",
    level: 5,
    standard: "ST0008",
    typicalMonths: 18,
    evidence: [],
    source: APPS,
  },
  {
    key: "ap_social_worker",
    title: "Social worker integrated degree apprenticeship",
    kind: "apprenticeship",
    level: 6,
    standard: "ST0510",
    typicalMonths: 36,
    evidence: [{ kind: "qualification", codes: [315] }],
    source: {
      title: "Skills for Care, social work apprenticeship",
      url: "https://www.skillsforcare.org.uk/Learning-development/Apprenticeships/Social-work-apprenticeship.aspx",
    },
  },
  {
    key: "ap_occupational_therapist",
    title: "Occupational therapist integrated degree apprenticeship",
    kind: "apprenticeship",
    level: 6,
    standard: "ST0517",
    evidence: [],
    source: APPS,
  },
  {
    key: "ap_nursing_associate",
    title: "Nursing associate apprenticeship (foundation degree)",
    kind: "apprenticeship",
    level: 5,
    standard: "ST0827",
    typicalMonths: 24,
    evidence: [],
    source: {
      title: "Nursing associate apprenticeship (NMC 2018 standards): university course pages",
      url: "https://www.staffs.ac.uk/apprenticeships/courses/nursing-associate-level-5",
    },
  },
  {
    key: "ap_registered_nurse",
    title: "Registered nurse degree apprenticeship",
    kind: "apprenticeship",
    level: 6,
    standard: "ST0781",
    typicalMonths: 48,
    evidence: [],
    source: {
      title: "gov.uk, nursing degree apprenticeship factsheet (most take 4 years)",
      url: "https://gov.uk/government/publications/nursing-degree-apprenticeships-factsheet/nursing-degree-apprenticeship-factsheet",
    },
  },
  {
    key: "social_work_course_place",
    title: "A place on a social work degree or the social worker degree apprenticeship",
    kind: "degree",
    level: 6,
    description:
      "Universities decide whom they offer a place on a course Social Work England approves; for the apprenticeship, your employer decides too.",
    evidence: [],
    source: {
      title: "Skills for Care, social work apprenticeship; Social Work England, approved courses",
      url: "https://www.skillsforcare.org.uk/Learning-development/Apprenticeships/Social-work-apprenticeship.aspx",
    },
  },
  {
    key: "social_work_degree",
    title: "Social work degree (BA, MA, or the integrated degree apprenticeship)",
    kind: "degree",
    level: 6,
    evidence: [
      { kind: "qualification", codes: [315] },
      { kind: "jobRole", roles: [6] },
    ],
    source: SWE,
  },
  {
    key: "swe_registration",
    title: "Registration with Social Work England",
    kind: "registration",
    description: "Renewed each year, with at least two pieces of CPD, one with a peer reflection.",
    evidence: [{ kind: "jobRole", roles: [6] }],
    source: SWE,
  },
  {
    key: "asye",
    title: "Assessed and Supported Year in Employment (ASYE)",
    kind: "post_qualifying",
    description:
      "12 months with protected development time and a reduced workload, assessed against the PCF and the post-qualifying standards.",
    typicalMonths: 12,
    evidence: [],
    source: ASYE,
  },
  {
    key: "amhp_programme",
    title: "Approved mental health professional (AMHP) programme",
    kind: "post_qualifying",
    description:
      "A postgraduate programme approved by Social Work England; approval by a local social services authority; 18 hours of relevant training a year; re-approval every 5 years.",
    evidence: [{ kind: "field", field: "amhp", values: [1] }],
    source: AMHP,
  },
  {
    key: "bia_training",
    title: "Best interests assessor (BIA) training",
    kind: "post_qualifying",
    evidence: [],
    source: BIA,
  },
  {
    key: "peps_stage_1",
    title: "Practice educator, stage 1 (PEPS)",
    kind: "post_qualifying",
    evidence: [],
    source: PEPS,
  },
  {
    key: "peps_stage_2",
    title: "Practice educator, stage 2 (PEPS)",
    kind: "post_qualifying",
    description: "Full responsibility for assessing final placements.",
    evidence: [],
    source: PEPS,
  },
  {
    key: "ot_degree",
    title: "Occupational therapy degree (or the integrated degree apprenticeship) and HCPC registration",
    kind: "degree",
    level: 6,
    evidence: [{ kind: "jobRole", roles: [15] }],
    source: APPS,
  },
  {
    key: "nmc_registration",
    title: "Registration with the Nursing and Midwifery Council",
    kind: "registration",
    evidence: [{ kind: "jobRole", roles: [16, 37] }],
    source: { title: "Nursing and Midwifery Council register", url: "https://www.nmc.org.uk/registration/" },
  },
];

type RoleIn = Omit<Role, "values" | "behaviours" | "requirements" | "jobRoles" | "cwpCategories"> &
  Partial<Pick<Role, "values" | "behaviours" | "requirements" | "jobRoles" | "cwpCategories">>;
const r = (x: RoleIn): Role => ({
  values: SECTOR_VALUES,
  behaviours: [],
  requirements: [],
  jobRoles: [],
  cwpCategories: [],
  ...x,
});
const req = (need: "required" | "recommended", ...anyOf: string[]) => ({ anyOf, need });

const roles: Role[] = [
  // Adult social care: the Care Workforce Pathway's eight role categories.
  r({
    key: "new_to_care",
    pathway: "adult_social_care",
    title: "New to care",
    summary: "In a care-providing role that is a start point for a career in social care.",
    whatYouDo:
      "Supports people to live their lives: personal care, everyday life and independent living, at home, in residential care or in supported living.",
    behaviours: [
      "Professionalism: act ethically and professionally",
      "Teamworking",
      "Work ethic: organised, methodical and timely",
      "Continuous improvement of your own development",
    ],
    requirements: [req("recommended", "care_certificate")],
    // Care workers are placed here only when their record says "new to care" (CWPCATEGORY 1);
    // by job role alone they are care or support workers.
    cwpCategories: [1],
    source: cwpPage("new-to-care-role-category-a", "new to care"),
  }),
  r({
    key: "care_support_worker",
    pathway: "adult_social_care",
    title: "Care or support worker",
    summary: "Established in the role, with consolidated skills and experience.",
    whatYouDo: "Personal care and support for people to live their lives, as someone established in the role.",
    behaviours: [
      "Treat all individuals equitably and professionally",
      "Take responsibility for your own actions, showing resilience, determination and impartiality",
      "Build and keep positive relationships",
      "Take an organised approach to time-sensitive tasks",
      "Be open to new digital knowledge and skills",
    ],
    requirements: [
      req("required", "care_certificate"),
      req("recommended", "l2_adult_social_care_certificate", "l2_diploma_care"),
    ],
    jobRoles: [8, 52, 9, 23],
    cwpCategories: [2],
    source: cwpPage("care-or-support-worker-role-category", "care or support worker"),
  }),
  r({
    key: "enhanced_care_worker",
    pathway: "adult_social_care",
    title: "Enhanced care worker",
    summary:
      "Carries out activities delegated by regulated professionals, or gives condition-specific specialist support; no supervisory responsibility.",
    requirements: [
      req("required", "care_certificate"),
      req("required", "l2_adult_social_care_certificate", "l2_diploma_care"),
      req("required", "delegated_healthcare_training"),
    ],
    jobRoles: [8, 52],
    cwpCategories: [3],
    source: cwpPage("enhanced-care-worker-role-category", "enhanced care worker"),
  }),
  r({
    key: "personal_assistant",
    pathway: "adult_social_care",
    title: "Personal assistant",
    summary:
      "Supports someone to live more independently, usually in their own home, employed by that person or their representative, or self-employed.",
    requirements: [req("recommended", "care_certificate")],
    source: cwpPage("personal-assistant-role-category", "personal assistant"),
  }),
  r({
    key: "supervisor_leader",
    pathway: "adult_social_care",
    title: "Supervisor or leader",
    summary:
      "Might be a team leader with some staff management responsibilities, weighing up developing practice or moving into management.",
    requirements: [
      req("required", "care_certificate"),
      req("required", "l2_adult_social_care_certificate", "l2_diploma_care"),
      {
        ...req("recommended", "l3_diploma_adult_care", "ap_lead_adult_care_worker"),
        note: "Providers map the Level 3 Diploma in Adult Care here",
      },
    ],
    jobRoles: [7, 5, 45],
    cwpCategories: [4],
    source: cwpPage("supervisor-or-leader-role-category-c", "supervisor or leader"),
  }),
  r({
    key: "practice_leader",
    pathway: "adult_social_care",
    title: "Practice leader",
    summary:
      "Has specialist skills and expertise in a field of care and leads others' practice through coaching and mentoring, without line managing.",
    requirements: [
      req("required", "l3_diploma_adult_care"),
      req("recommended", "l4_diploma_adult_care", "ap_lead_practitioner"),
    ],
    jobRoles: [7, 23],
    cwpCategories: [5],
    source: cwpPage("practice-leader-role-category-d", "practice leader"),
  }),
  r({
    key: "deputy_manager",
    pathway: "adult_social_care",
    title: "Deputy manager",
    summary:
      "Has people management responsibilities, works closely with the registered manager and acts as manager in their absence.",
    requirements: [
      req("required", "l3_diploma_adult_care"),
      req("recommended", "l5_diploma_leadership", "ap_leader_in_adult_care"),
    ],
    jobRoles: [43],
    cwpCategories: [6],
    source: cwpPage("deputy-manager-role-category", "deputy manager"),
  }),
  r({
    key: "registered_manager",
    pathway: "adult_social_care",
    title: "Registered manager",
    summary:
      "Focused on regulatory and legal requirements; runs the service day to day and makes its strategic decisions.",
    whatYouDo:
      "Registered with the CQC under the Health and Social Care Act 2008: of good character, with the qualifications, competence, skills and experience the role needs.",
    requirements: [
      {
        ...req("required", "l5_diploma_leadership", "ap_leader_in_adult_care"),
        note: "Must have, or be working towards, a Level 5 diploma",
      },
    ],
    jobRoles: [4],
    cwpCategories: [7],
    source: cwpPage("registered-manager-role-category", "registered manager"),
  }),
  // Leadership and management beyond one service.
  r({
    key: "service_manager",
    pathway: "leadership_management",
    title: "Service or operations manager",
    summary: "Manages several services or teams, and the managers who run them.",
    requirements: [req("required", "l5_diploma_leadership", "ap_leader_in_adult_care")],
    jobRoles: [2, 3],
    source: ASCWDS_ROLES,
  }),
  r({
    key: "senior_leader",
    pathway: "leadership_management",
    title: "Senior leader",
    summary: "Leads an organisation or a directorate: strategy, finance, quality and the workforce.",
    jobRoles: [1],
    top: true,
    source: ASCWDS_ROLES,
  }),
  // Adult social work.
  r({
    key: "sw_student",
    pathway: "adult_social_work",
    title: "Social work student or apprentice",
    summary:
      "Studying for a social work degree, or on the social worker integrated degree apprenticeship (PCF levels 1 to 4).",
    values: SOCIAL_WORK_VALUES,
    requirements: [req("required", "social_work_course_place")],
    source: PCF,
  }),
  r({
    key: "asye_social_worker",
    pathway: "adult_social_work",
    title: "Newly qualified social worker (ASYE)",
    summary: "In the Assessed and Supported Year in Employment (PCF level 5).",
    values: SOCIAL_WORK_VALUES,
    requirements: [req("required", "social_work_degree"), req("required", "swe_registration")],
    jobRoles: [6],
    source: ASYE,
  }),
  r({
    key: "social_worker",
    pathway: "adult_social_work",
    title: "Social worker",
    summary: "A qualified, registered social worker who has completed the ASYE (PCF level 6).",
    values: SOCIAL_WORK_VALUES,
    requirements: [
      req("required", "social_work_degree"),
      req("required", "swe_registration"),
      req("recommended", "asye"),
    ],
    jobRoles: [6],
    source: PCF,
  }),
  r({
    key: "experienced_social_worker",
    pathway: "adult_social_work",
    title: "Experienced social worker",
    summary: "Works with complex cases and supports colleagues (PCF level 7).",
    values: SOCIAL_WORK_VALUES,
    requirements: [req("required", "swe_registration"), req("required", "asye")],
    jobRoles: [6],
    source: PCF,
  }),
  r({
    key: "consultant_social_worker",
    pathway: "adult_social_work",
    title: "Consultant social worker",
    summary: "An advanced practitioner who leads a unit's practice while staying in frontline work (PCF level 8).",
    values: SOCIAL_WORK_VALUES,
    requirements: [req("required", "swe_registration"), req("recommended", "peps_stage_2")],
    jobRoles: [6],
    source: CONSULTANT,
  }),
  r({
    key: "amhp",
    pathway: "adult_social_work",
    title: "Approved mental health professional (AMHP)",
    summary:
      "Approved by the council under the Mental Health Act 1983 to coordinate assessments; open to social workers, nurses, occupational therapists and psychologists.",
    values: SOCIAL_WORK_VALUES,
    requirements: [req("required", "amhp_programme")],
    experience: {
      months: 24,
      in: "role",
      note: "Two years after qualifying is a usual course entry requirement, not a rule in law",
    },
    jobRoles: [6],
    source: AMHP,
  }),
  r({
    key: "bia",
    pathway: "adult_social_work",
    title: "Best interests assessor (BIA)",
    summary:
      "Assesses deprivations of liberty under the Mental Capacity Act 2005; open to social workers, nurses, occupational therapists and psychologists.",
    values: SOCIAL_WORK_VALUES,
    requirements: [req("required", "bia_training")],
    experience: { months: 24, in: "role", note: "At least two years after registration" },
    jobRoles: [6],
    source: BIA,
  }),
  r({
    key: "practice_educator",
    pathway: "adult_social_work",
    title: "Practice educator",
    summary: "Supervises, teaches and assesses social work students on placement.",
    values: SOCIAL_WORK_VALUES,
    requirements: [req("required", "swe_registration"), req("required", "peps_stage_1", "peps_stage_2")],
    experience: { months: 36, in: "role", note: "Stage 2 usually asks for three years after qualifying" },
    jobRoles: [6],
    source: PEPS,
  }),
  r({
    key: "sw_team_manager",
    pathway: "adult_social_work",
    title: "Social work team manager",
    summary: "Manages a team of social workers: allocation, supervision, quality and decisions.",
    values: SOCIAL_WORK_VALUES,
    requirements: [req("required", "swe_registration")],
    jobRoles: [3],
    source: DFE_ROLES,
  }),
  r({
    key: "principal_social_worker",
    pathway: "adult_social_work",
    title: "Principal social worker",
    summary:
      "Leads the quality of social work practice across the council and speaks for practice in its strategic leadership (PCF level 9).",
    values: SOCIAL_WORK_VALUES,
    requirements: [req("required", "swe_registration")],
    top: true,
    source: PSW,
  }),
  // Children's social work: the PCF levels and DfE's roles and career stages.
  r({
    key: "cf_student",
    pathway: "childrens_social_work",
    title: "Social work student (children and families)",
    summary: "Studying social work (PCF levels 1 to 4).",
    values: SOCIAL_WORK_VALUES,
    requirements: [req("required", "social_work_course_place")],
    source: PCF,
  }),
  r({
    key: "cf_nqsw",
    pathway: "childrens_social_work",
    title: "Newly qualified social worker (children and families)",
    summary: "In the ASYE in a child and family team (PCF level 5).",
    values: SOCIAL_WORK_VALUES,
    requirements: [req("required", "social_work_degree"), req("required", "swe_registration")],
    jobRoles: [6],
    source: DFE_ROLES,
  }),
  r({
    key: "cf_social_worker",
    pathway: "childrens_social_work",
    title: "Child and family social worker",
    summary: "A registered social worker in a child and family team (PCF level 6).",
    values: SOCIAL_WORK_VALUES,
    requirements: [req("required", "swe_registration"), req("recommended", "asye")],
    jobRoles: [6],
    source: DFE_ROLES,
  }),
  r({
    key: "cf_senior_practitioner",
    pathway: "childrens_social_work",
    title: "Senior practitioner",
    summary: "An experienced practitioner holding complex work (PCF level 7).",
    values: SOCIAL_WORK_VALUES,
    requirements: [req("required", "swe_registration"), req("required", "asye")],
    jobRoles: [6],
    source: DFE_ROLES,
  }),
  r({
    key: "cf_practice_supervisor",
    pathway: "childrens_social_work",
    title: "Practice supervisor",
    summary: "Supervises and develops other practitioners (PCF level 8).",
    values: SOCIAL_WORK_VALUES,
    requirements: [req("required", "swe_registration")],
    jobRoles: [6],
    source: DFE_ROLES,
  }),
  r({
    key: "cf_team_manager",
    pathway: "childrens_social_work",
    title: "Team manager (children and families)",
    summary: "Manages a child and family social work team.",
    values: SOCIAL_WORK_VALUES,
    requirements: [req("required", "swe_registration")],
    jobRoles: [3],
    source: DFE_ROLES,
  }),
  r({
    key: "cf_service_manager",
    pathway: "childrens_social_work",
    title: "Service manager (children and families)",
    summary: "Manages several teams and a service.",
    values: SOCIAL_WORK_VALUES,
    jobRoles: [2],
    source: DFE_ROLES,
  }),
  r({
    key: "cf_head_of_service",
    pathway: "childrens_social_work",
    title: "Head of service (children and families)",
    summary: "Leads children's social care services (PCF level 9, strategic).",
    values: SOCIAL_WORK_VALUES,
    jobRoles: [1],
    top: true,
    source: DFE_ROLES,
  }),
  // Occupational therapy.
  r({
    key: "ot_assistant",
    pathway: "occupational_therapy",
    title: "Occupational therapy assistant",
    summary: "Supports occupational therapists with assessments, equipment and adaptations.",
    jobRoles: [36],
    source: ASCWDS_ROLES,
  }),
  r({
    key: "occupational_therapist",
    pathway: "occupational_therapy",
    title: "Occupational therapist",
    summary: "A registered occupational therapist helping people to do the everyday things that matter to them.",
    requirements: [req("required", "ot_degree")],
    jobRoles: [15],
    source: ASCWDS_ROLES,
  }),
  // Nursing associate and registered nurse.
  r({
    key: "nursing_associate",
    pathway: "nursing",
    title: "Nursing associate",
    summary: "A registered nursing associate, bridging care workers and registered nurses.",
    requirements: [req("required", "ap_nursing_associate"), req("required", "nmc_registration")],
    jobRoles: [37],
    source: {
      title: "Nursing and Midwifery Council: nursing associates",
      url: "https://www.nmc.org.uk/standards/nursing-associates/",
    },
  }),
  r({
    key: "registered_nurse",
    pathway: "nursing",
    title: "Registered nurse",
    summary: "A registered nurse, in a nursing home or in the community.",
    requirements: [req("required", "nmc_registration")],
    jobRoles: [16],
    source: { title: "Nursing and Midwifery Council register", url: "https://www.nmc.org.uk/registration/" },
  }),
];

const route = (
  from: string,
  to: string,
  via: Route["via"],
  how: string,
  items: string[] = [],
  typicalMonths?: number,
): Route => ({ from, to, via, how, items, typicalMonths });

const routes: Route[] = [
  route(
    "new_to_care",
    "care_support_worker",
    ["qualification", "experience"],
    "Complete the Care Certificate, usually in your first 12 weeks, then the Level 2 Adult Social Care Certificate.",
    ["care_certificate", "l2_adult_social_care_certificate"],
    9,
  ),
  route(
    "new_to_care",
    "personal_assistant",
    ["rotation"],
    "Work directly for someone who employs their own support, usually in their own home.",
  ),
  route(
    "personal_assistant",
    "enhanced_care_worker",
    ["qualification"],
    "Train to carry out healthcare activities a nurse or therapist delegates to you.",
    ["delegated_healthcare_training"],
  ),
  route(
    "care_support_worker",
    "enhanced_care_worker",
    ["qualification"],
    "Train to carry out healthcare activities a nurse or therapist delegates to you, or to give specialist support.",
    ["delegated_healthcare_training"],
  ),
  route(
    "care_support_worker",
    "supervisor_leader",
    ["apprenticeship", "qualification", "promotion"],
    "Take the Lead adult care worker apprenticeship or the Level 3 Diploma in Adult Care, then apply for a senior or team leader post.",
    ["ap_lead_adult_care_worker", "l3_diploma_adult_care"],
  ),
  route(
    "care_support_worker",
    "sw_student",
    ["apprenticeship"],
    "The social worker integrated degree apprenticeship: study for a degree while you work.",
    ["ap_social_worker"],
    36,
  ),
  route(
    "care_support_worker",
    "nursing_associate",
    ["apprenticeship"],
    "The nursing associate apprenticeship, a foundation degree.",
    ["ap_nursing_associate"],
    24,
  ),
  route(
    "care_support_worker",
    "ot_assistant",
    ["rotation", "promotion"],
    "Move into an occupational therapy team as an assistant.",
  ),
  route(
    "enhanced_care_worker",
    "practice_leader",
    ["apprenticeship", "qualification"],
    "Develop a specialism and take the Lead practitioner in adult care apprenticeship (Level 4).",
    ["ap_lead_practitioner", "l4_diploma_adult_care"],
    18,
  ),
  route(
    "supervisor_leader",
    "practice_leader",
    ["apprenticeship", "qualification"],
    "Develop practice rather than manage: the Lead practitioner in adult care apprenticeship (Level 4).",
    ["ap_lead_practitioner", "l4_diploma_adult_care"],
    18,
  ),
  route(
    "supervisor_leader",
    "deputy_manager",
    ["promotion"],
    "Take on people management; start the Level 5 diploma if you aim to be a registered manager.",
    ["l5_diploma_leadership"],
  ),
  route("practice_leader", "deputy_manager", ["promotion"], "Move from leading practice to managing people.", [
    "l5_diploma_leadership",
  ]),
  route(
    "deputy_manager",
    "registered_manager",
    ["apprenticeship", "qualification", "promotion"],
    "The Leader in adult care apprenticeship or the Level 5 Diploma in Leadership and Management, then register with the CQC.",
    ["ap_leader_in_adult_care", "l5_diploma_leadership"],
    18,
  ),
  route("registered_manager", "service_manager", ["promotion"], "Manage several services and their managers."),
  route("service_manager", "senior_leader", ["promotion"], "Lead an organisation or a directorate."),
  route(
    "sw_student",
    "asye_social_worker",
    ["qualification"],
    "Qualify, register with Social Work England and start the ASYE.",
    ["social_work_degree", "swe_registration"],
  ),
  route("asye_social_worker", "social_worker", ["experience"], "Complete the 12-month ASYE.", ["asye"], 12),
  route(
    "social_worker",
    "experienced_social_worker",
    ["experience", "promotion"],
    "Build experience of complex work; apply for a senior or experienced social worker post.",
  ),
  route("social_worker", "cf_social_worker", ["rotation"], "Move to a child and family team."),
  route(
    "experienced_social_worker",
    "amhp",
    ["qualification"],
    "Complete an approved AMHP programme and be approved by the council.",
    ["amhp_programme"],
  ),
  route("experienced_social_worker", "bia", ["qualification"], "Complete approved best interests assessor training.", [
    "bia_training",
  ]),
  route(
    "experienced_social_worker",
    "practice_educator",
    ["qualification"],
    "Complete practice educator stage 1, then stage 2.",
    ["peps_stage_1", "peps_stage_2"],
  ),
  route(
    "experienced_social_worker",
    "consultant_social_worker",
    ["promotion"],
    "Lead a unit's practice while staying in frontline work.",
  ),
  route("experienced_social_worker", "sw_team_manager", ["promotion"], "Apply for a team manager post."),
  route("amhp", "sw_team_manager", ["promotion"], "Lead an AMHP or mental health team."),
  route("bia", "sw_team_manager", ["promotion"], "Lead a team."),
  route("practice_educator", "consultant_social_worker", ["promotion"], "Lead practice and learning in a unit."),
  route(
    "consultant_social_worker",
    "principal_social_worker",
    ["promotion"],
    "Lead the quality of practice across the council.",
  ),
  route(
    "sw_team_manager",
    "principal_social_worker",
    ["promotion"],
    "Lead the quality of practice across the council.",
  ),
  route("sw_team_manager", "service_manager", ["promotion"], "Manage several teams and a service."),
  route("cf_student", "cf_nqsw", ["qualification"], "Qualify, register with Social Work England and start the ASYE.", [
    "social_work_degree",
    "swe_registration",
  ]),
  route("cf_nqsw", "cf_social_worker", ["experience"], "Complete the 12-month ASYE.", ["asye"], 12),
  route(
    "cf_social_worker",
    "cf_senior_practitioner",
    ["experience", "promotion"],
    "Build experience of complex work and apply for a senior practitioner post.",
  ),
  route(
    "cf_senior_practitioner",
    "cf_practice_supervisor",
    ["promotion"],
    "Supervise and develop other practitioners.",
  ),
  route("cf_practice_supervisor", "cf_team_manager", ["promotion"], "Apply for a team manager post."),
  route("cf_team_manager", "cf_service_manager", ["promotion"], "Manage several teams and a service."),
  route("cf_service_manager", "cf_head_of_service", ["promotion"], "Lead children's social care services."),
  route(
    "ot_assistant",
    "occupational_therapist",
    ["apprenticeship"],
    "The occupational therapist integrated degree apprenticeship.",
    ["ap_occupational_therapist"],
  ),
  route(
    "occupational_therapist",
    "amhp",
    ["qualification"],
    "Occupational therapists can train as approved mental health professionals.",
    ["amhp_programme"],
  ),
  route(
    "occupational_therapist",
    "bia",
    ["qualification"],
    "Occupational therapists can train as best interests assessors.",
    ["bia_training"],
  ),
  route("occupational_therapist", "service_manager", ["promotion"], "Manage a therapy or reablement service."),
  route("nursing_associate", "registered_nurse", ["apprenticeship"], "The registered nurse degree apprenticeship.", [
    "ap_registered_nurse",
  ]),
  route(
    "registered_nurse",
    "registered_manager",
    ["promotion", "qualification"],
    "Manage a nursing home: the Level 5 diploma and CQC registration.",
    ["l5_diploma_leadership"],
  ),
];

export const SHIPPED_FRAMEWORK: Framework = {
  title: "Care and social work career framework (England)",
  pathways: [
    {
      key: "adult_social_care",
      title: "Adult social care",
      description: "The Care Workforce Pathway's eight role categories, from new to care to registered manager.",
      source: CWP,
    },
    {
      key: "leadership_management",
      title: "Leadership and management",
      description: "Managing services and leading organisations.",
      source: ASCWDS_ROLES,
    },
    {
      key: "adult_social_work",
      title: "Adult social work",
      description: "From student and ASYE to advanced practice, management and principal social worker.",
      source: PCF,
    },
    {
      key: "childrens_social_work",
      title: "Children's social work",
      description: "The PCF levels and DfE's roles and career stages in child and family social work.",
      source: DFE_ROLES,
    },
    {
      key: "occupational_therapy",
      title: "Occupational therapy",
      description: "Occupational therapy assistants and occupational therapists.",
      source: ASCWDS_ROLES,
    },
    {
      key: "nursing",
      title: "Nursing associate and nursing",
      description: "From care work to nursing associate and registered nurse through apprenticeships.",
      source: ASCWDS_ROLES,
    },
  ].map((p) => ({ ...p, easyRead: EASY_READ_PATHWAYS[p.key] })),
  roles: roles.map((role) => ({ ...role, easyRead: EASY_READ_ROLES[role.key] })),
  catalogue,
  routes,
};
