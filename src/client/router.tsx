import { createRootRoute, createRoute, createRouter, lazyRouteComponent, Outlet } from "@tanstack/react-router";
import { Layout } from "./components/Layout";
import { poolSearch } from "./queries/candidate";
import { challengesSearch, complianceSearch } from "./queries/commissioning-compliance";
import { contractsSearch } from "./queries/commissioning-contracts";
import { capacitySearch, monitoringSearch } from "./queries/commissioning-monitoring";
import { overviewSearch } from "./queries/commissioning-overview";
import { priceFloorSearch } from "./queries/commissioning-price";
import { qppSearch } from "./queries/commissioning-qpp";
import { figuresSearch } from "./queries/figures";
import { jobsSearch } from "./queries/jobs";
import { applicationsSearch, newAdvertSearch } from "./queries/recruitment";
import { funnelSearch, publicEventsSearch } from "./queries/recruitment-hub";
import { staffSearch } from "./queries/staff";
import { newActionSearch, reportSearch, strategySearch } from "./queries/strategy";
import { bookingsSearch } from "./queries/training-bookings";
import { catalogueSearch, publicCoursesSearch } from "./queries/training-catalogue";
import { matrixSearch } from "./queries/training-delivery";
import { uptakeSearch } from "./queries/training-hub";
import { AcceptInvitationPage, ForgotPasswordPage, ResetPasswordPage, SignInPage } from "./routes/auth-pages";
import type { FiguresPart } from "./routes/figures/dashboards";
import { ErrorPage, HomeRedirect, NoOrganisationPage, NotFoundPage, RequireUser } from "./routes/misc-pages";
import { swWorkersSearch } from "./routes/social-work/workers-search";

// Every other page's code is fetched when it is first opened (route splitting): someone reading the
// public careers roadmap on a phone does not download the dashboards, the upload or the editor.
const page = <M extends Record<string, unknown>, K extends keyof M & string>(load: () => Promise<M>, name: K) =>
  lazyRouteComponent(load, name);
const adminPages = () => import("./routes/admin-pages");
const careerPages = () => import("./routes/career-pages");
const dashboards = () => import("./routes/figures/dashboards");
const orgPages_ = () => import("./routes/org-pages");
const returnsPages = () => import("./routes/returns-pages");
const staffPages = () => import("./routes/staff-pages");
const uploadPages = () => import("./routes/upload-pages");
const vacancyPages = () => import("./routes/vacancy-pages");
const strategyPlanPages = () => import("./routes/strategy/plan-pages");
const strategyRiskPages = () => import("./routes/strategy/risk-pages");
const strategyReportPages = () => import("./routes/strategy/report-pages");

const AdminOrganisationsPage = page(adminPages, "AdminOrganisationsPage");
const FailedJobsPage = page(adminPages, "FailedJobsPage");
const HubFiguresPage = page(adminPages, "HubFiguresPage");
const CareerFrameworkPage = page(careerPages, "CareerFrameworkPage");
const CareersEasyReadPage = page(careerPages, "CareersEasyReadPage");
const CareersPage = page(careerPages, "CareersPage");
const MyCareerPage = page(careerPages, "MyCareerPage");
const StaffPlansPage = page(careerPages, "StaffPlansPage");
const FiguresPage = page(dashboards, "FiguresPage");
const ProviderFiguresPage = page(dashboards, "ProviderFiguresPage");
const figuresPartPage = (part: FiguresPart) =>
  lazyRouteComponent(() => dashboards().then((m) => ({ default: m.figuresPartPage(part) })));
const TargetsPage = page(() => import("./routes/figures/targets-page"), "TargetsPage");
const AuditPage = page(orgPages_, "AuditPage");
const OrgHomePage = page(orgPages_, "OrgHomePage");
const ProvidersPage = page(orgPages_, "ProvidersPage");
const UsersPage = page(orgPages_, "UsersPage");
const PublicWorkforcePage = page(() => import("./routes/public-pages"), "PublicWorkforcePage");
const strategyPublicPages = () => import("./routes/strategy-public-pages");
const PublicStrategyPage = page(strategyPublicPages, "PublicStrategyPage");
const PublicStrategyEasyReadPage = page(strategyPublicPages, "PublicStrategyEasyReadPage");
const ReferenceDataPage = page(() => import("./routes/reference-pages"), "ReferenceDataPage");
const ReturnPeriodPage = page(returnsPages, "ReturnPeriodPage");
const ReturnsPage = page(returnsPages, "ReturnsPage");
const WorkforceSettingsPage = page(() => import("./routes/settings-pages"), "WorkforceSettingsPage");
const StaffFormPage = page(() => import("./routes/staff-form"), "StaffFormPage");
const RecordLeaverPage = page(staffPages, "RecordLeaverPage");
const StaffPage = page(staffPages, "StaffPage");
const UploadPage = page(uploadPages, "UploadPage");
const UploadResultPage = page(uploadPages, "UploadResultPage");
const AgencyPage = page(vacancyPages, "AgencyPage");
const VacanciesPage = page(vacancyPages, "VacanciesPage");
// Candidates (issue 17): their account, applying, their own pages; an employer's search of the talent pool.
const candidateAccountPages = () => import("./routes/candidate/account-pages");
const CandidateSignUpPage = page(candidateAccountPages, "CandidateSignUpPage");
const CandidateVerifyPage = page(candidateAccountPages, "CandidateVerifyPage");
const ApplyPage = page(() => import("./routes/candidate/apply-page"), "ApplyPage");
const candidatePages = () => import("./routes/candidate/candidate-pages");
const CandidateApplicationsPage = page(candidatePages, "CandidateApplicationsPage");
const CandidateBookingPage = page(candidatePages, "CandidateBookingPage");
const CandidateProfilePage = page(candidatePages, "CandidateProfilePage");
const CandidatePoolPage = page(candidatePages, "CandidatePoolPage");
const CandidateInvitationsPage = page(candidatePages, "CandidateInvitationsPage");
const CandidateDeletePage = page(candidatePages, "CandidateDeletePage");
const TalentPoolPage = page(() => import("./routes/candidate/pool-page"), "TalentPoolPage");
// Shared training's hub part (issue 18 items 8 and 9): the pre-employment course, guaranteed interviews, uptake.
const CohortListPage = page(() => import("./routes/training/cohort-list-page"), "CohortListPage");
const CohortPage = page(() => import("./routes/training/cohort-page"), "CohortPage");
const GuaranteedInterviewsPage = page(() => import("./routes/training/interviews-page"), "GuaranteedInterviewsPage");
const TrainingUptakePage = page(() => import("./routes/training/uptake-page"), "TrainingUptakePage");
// Apprenticeships, levy transfers and LDSS funding claims (issue 18 items 6 and 7).
const ApprenticeshipListPage = page(
  () => import("./routes/training/apprenticeship-list-page"),
  "ApprenticeshipListPage",
);
const LevyPage = page(() => import("./routes/training/levy-page"), "LevyPage");
const FundingClaimsPage = page(() => import("./routes/training/funding-claims-page"), "FundingClaimsPage");
// Shared training's catalogue (issue 18 items 1 and 2): courses, sessions, the public list of courses.
const CatalogueHomePage = page(() => import("./routes/training/catalogue-home-page"), "CatalogueHomePage");
const CatalogueCoursePage = page(() => import("./routes/training/catalogue-course-page"), "CatalogueCoursePage");
const NewCoursePage = page(() => import("./routes/training/catalogue-course-form-page"), "NewCoursePage");
const EditCoursePage = page(() => import("./routes/training/catalogue-course-form-page"), "EditCoursePage");
const SessionNewPage = page(() => import("./routes/training/session-new-page"), "SessionNewPage");
const SessionEditPage = page(() => import("./routes/training/session-edit-page"), "SessionEditPage");
const PublicCoursesPage = page(() => import("./routes/training/public-courses-page"), "PublicCoursesPage");
// Shared training's bookings (issue 18 items 2 and 3): book staff on a session, our bookings, my training.
const BookSessionPage = page(() => import("./routes/training/booking-session-page"), "BookSessionPage");
const BookingsPage = page(() => import("./routes/training/booking-list-page"), "BookingsPage");
const MyTrainingPage = page(() => import("./routes/training/my-training-page"), "MyTrainingPage");
// Shared training's delivery (issue 18 items 4 and 5): attendance, the matrix, the public certificate check.
const AttendanceListPage = page(() => import("./routes/training/attendance-list-page"), "AttendanceListPage");
const AttendanceSessionPage = page(() => import("./routes/training/attendance-session-page"), "AttendanceSessionPage");
const TrainingMatrixPage = page(() => import("./routes/training/matrix-page"), "TrainingMatrixPage");
const CertificateCheckPage = page(() => import("./routes/training/certificate-check-page"), "CertificateCheckPage");
const CertificatePage = page(() => import("./routes/training/certificate-check-page"), "CertificatePage");
// Commissioning (issue 19 item 6): the council's commissioning page.
const CommissioningOverviewPage = page(
  () => import("./routes/commissioning/overview-page"),
  "CommissioningOverviewPage",
);
// Commissioning (issue 19 item 2): compliance computed from the data, and challenges.
const ContractCompliancePage = page(
  () => import("./routes/commissioning/contract-compliance-page"),
  "ContractCompliancePage",
);
// The Quality Premium Payment (issue 19 item 3).
const QppSchemesPage = page(() => import("./routes/commissioning/qpp-schemes-page"), "QppSchemesPage");
const QppSchemePage = page(() => import("./routes/commissioning/qpp-scheme-page"), "QppSchemePage");
const ProviderQppPage = page(() => import("./routes/commissioning/provider-qpp-page"), "ProviderQppPage");
const ChallengesPage = page(() => import("./routes/commissioning/challenges-page"), "ChallengesPage");
const ProviderCompliancePage = page(
  () => import("./routes/commissioning/provider-compliance-page"),
  "ProviderCompliancePage",
);
const ProviderComplianceListPage = page(
  () => import("./routes/commissioning/provider-compliance-page"),
  "ProviderComplianceListPage",
);
// Commissioning (issue 19 item 5): contract-monitoring returns and the Capacity Tracker's fields.
const MonitoringReturnsPage = page(
  () => import("./routes/commissioning/monitoring-returns-page"),
  "MonitoringReturnsPage",
);
const MonitoringReturnPage = page(
  () => import("./routes/commissioning/monitoring-return-page"),
  "MonitoringReturnPage",
);
const CouncilMonitoringPage = page(
  () => import("./routes/commissioning/council-monitoring-page"),
  "CouncilMonitoringPage",
);
const CapacityTrackerPage = page(() => import("./routes/commissioning/capacity-tracker-page"), "CapacityTrackerPage");
// Commissioning (issue 19 item 1): contracts and the standards library; a provider's own contracts.
const ContractListPage = page(() => import("./routes/commissioning/contract-list-page"), "ContractListPage");
const ContractPage = page(() => import("./routes/commissioning/contract-page"), "ContractPage");
const NewContractPage = page(() => import("./routes/commissioning/contract-form-page"), "NewContractPage");
const EditContractPage = page(() => import("./routes/commissioning/contract-form-page"), "EditContractPage");
const StandardsPage = page(() => import("./routes/commissioning/standards-page"), "StandardsPage");
const ProviderContractsPage = page(
  () => import("./routes/commissioning/provider-contracts-page"),
  "ProviderContractsPage",
);
const ProviderContractPage = page(
  () => import("./routes/commissioning/provider-contracts-page"),
  "ProviderContractPage",
);
// Commissioning (issue 19 item 4): the minimum price floor, fee rates and tenders.
const PriceFloorPage = page(() => import("./routes/commissioning/price-floor-page"), "PriceFloorPage");
// The council's social work service (issue 20): one file per page under routes/social-work.
const SocialWorkOverviewPage = page(() => import("./routes/social-work/overview-page"), "SocialWorkOverviewPage");
const SwTeamsPage = page(() => import("./routes/social-work/teams-page"), "SwTeamsPage");
const SwTeamPage = page(() => import("./routes/social-work/team-page"), "SwTeamPage");
const SwWorkerPage = page(() => import("./routes/social-work/worker-page"), "SwWorkerPage");
const SwWorkersPage = page(() => import("./routes/social-work/workers-page"), "SwWorkersPage");
const SwSettingsPage = page(() => import("./routes/social-work/settings-page"), "SwSettingsPage");
const MySocialWorkPage = page(() => import("./routes/social-work/my-social-work-page"), "MySocialWorkPage");
const SwRoutesInPage = page(() => import("./routes/social-work/routes-in-page"), "SwRoutesInPage");
const SwTraineePage = page(() => import("./routes/social-work/trainee-page"), "SwTraineePage");
const SwPracticeEducatorsPage = page(
  () => import("./routes/social-work/practice-educators-page"),
  "SwPracticeEducatorsPage",
);
const SwAsyePage = page(() => import("./routes/social-work/asye-page"), "SwAsyePage");
const SwAsyeDetailPage = page(() => import("./routes/social-work/asye-detail-page"), "SwAsyeDetailPage");
const SwSupervisionPage = page(() => import("./routes/social-work/supervision-page"), "SwSupervisionPage");
const SwCaseloadsPage = page(() => import("./routes/social-work/caseloads-page"), "SwCaseloadsPage");
const SwProgressionPage = page(() => import("./routes/social-work/progression-page"), "SwProgressionPage");
const SwProgressionCasePage = page(() => import("./routes/social-work/progression-case-page"), "SwProgressionCasePage");
const ExitInterviewsPage = page(() => import("./routes/social-work/exit-interviews-page"), "ExitInterviewsPage");
const SwAgencyPage = page(() => import("./routes/social-work/agency-page"), "SwAgencyPage");
const SwStartersLeaversPage = page(() => import("./routes/social-work/starters-leavers-page"), "SwStartersLeaversPage");
const SwCensusPage = page(() => import("./routes/social-work/census-page"), "SwCensusPage");
const SwFiguresPage = page(() => import("./routes/social-work/figures-page"), "SwFiguresPage");
const ExitInterviewPublicPage = page(
  () => import("./routes/social-work/exit-interview-public-page"),
  "ExitInterviewPublicPage",
);
const FeeRatesPage = page(() => import("./routes/commissioning/fee-rates-page"), "FeeRatesPage");
const TendersPage = page(() => import("./routes/commissioning/tenders-page"), "TendersPage");
const TenderPage = page(() => import("./routes/commissioning/tender-page"), "TenderPage");
const CandidateCohortsPage = page(() => import("./routes/candidate/cohort-page"), "CandidateCohortsPage");
const textSearch =
  <K extends string>(...keys: K[]) =>
  (s: Record<string, unknown>): Partial<Record<K, string>> =>
    Object.fromEntries(keys.filter((k) => typeof s[k] === "string").map((k) => [k, s[k] as string])) as Partial<
      Record<K, string>
    >;
const StrategyHomePage = page(strategyPlanPages, "StrategyHomePage");
const StrategyActionPage = page(strategyPlanPages, "ActionPage");
const StrategyRisksPage = page(strategyRiskPages, "RisksPage");
const StrategyRiskPage = page(strategyRiskPages, "RiskPage");
const NewRiskPage = page(strategyRiskPages, "NewRiskPage");
const EditRiskPage = page(strategyRiskPages, "EditRiskPage");
const BoardReportPage = page(strategyReportPages, "BoardReportPage");
const StrategyGovernancePage = page(() => import("./routes/strategy/governance-pages"), "GovernancePage");
const strategyPlanEditPages = () => import("./routes/strategy/plan-edit-pages");
const NewStrategyPage = page(strategyPlanEditPages, "NewStrategyPage");
const EditStrategyPage = page(strategyPlanEditPages, "EditStrategyPage");
const ApproveStrategyPage = page(strategyPlanEditPages, "ApproveStrategyPage");
const NewPillarPage = page(strategyPlanEditPages, "NewPillarPage");
const EditPillarPage = page(strategyPlanEditPages, "EditPillarPage");
const NewActionPage = page(strategyPlanEditPages, "NewActionPage");
const EditActionPage = page(strategyPlanEditPages, "EditActionPage");
const strategyGovernanceEditPages = () => import("./routes/strategy/governance-edit-pages");
const NewGroupPage = page(strategyGovernanceEditPages, "NewGroupPage");
const GroupPage = page(strategyGovernanceEditPages, "GroupPage");
const NewMeetingPage = page(strategyGovernanceEditPages, "NewMeetingPage");
const NewForumEntryPage = page(strategyGovernanceEditPages, "NewForumEntryPage");
const EditForumEntryPage = page(strategyGovernanceEditPages, "EditForumEntryPage");

// The public job board (issue 17): the search, an advert's page, the links in job alert emails.
const JobsSearchPage = page(() => import("./routes/jobs/search-page"), "JobsSearchPage");
const JobAdvertPage = page(() => import("./routes/jobs/advert-page"), "JobAdvertPage");
const jobAlertPages = () => import("./routes/jobs/alert-pages");
const ConfirmJobAlertPage = page(jobAlertPages, "ConfirmJobAlertPage");
const UnsubscribeJobAlertPage = page(jobAlertPages, "UnsubscribeJobAlertPage");

// The council's recruitment hub (issue 17 items 7 and 8): values questions, campaigns and events, the funnel.
const recruitmentHubPages = () => import("./routes/recruitment-hub/hub-pages");
const HubQuestionsPage = page(recruitmentHubPages, "HubQuestionsPage");
const HubCampaignsPage = page(recruitmentHubPages, "HubCampaignsPage");
const RecruitmentFunnelPage = page(() => import("./routes/recruitment-hub/funnel-page"), "RecruitmentFunnelPage");
const RecruitmentEventsPage = page(() => import("./routes/recruitment-hub/events-page"), "RecruitmentEventsPage");

// An employer's recruitment (issue 17 items 1, 5, 6): adverts, applications, checks, emails; the hub's moderation.
const advertPages = () => import("./routes/recruitment/advert-pages");
const AdvertsPage = page(advertPages, "AdvertsPage");
const NewAdvertPage = page(advertPages, "NewAdvertPage");
const AdvertPage = page(advertPages, "AdvertPage");
const EditAdvertPage = page(advertPages, "EditAdvertPage");
const applicationPages = () => import("./routes/recruitment/application-pages");
const ApplicationsPage = page(applicationPages, "ApplicationsPage");
const ApplicationPage = page(applicationPages, "ApplicationPage");
const ChecksPage = page(() => import("./routes/recruitment/checks-page"), "ChecksPage");
const EmailTemplatesPage = page(() => import("./routes/recruitment/emails-page"), "EmailTemplatesPage");
const ModerationPage = page(() => import("./routes/recruitment/moderation-page"), "ModerationPage");

const tokenSearch = (s: Record<string, unknown>): { token?: string } =>
  typeof s.token === "string" ? { token: s.token } : {};

/**
 * A page's search params checked by its zod schema. Through a function, so links and navigation
 * are typed by what the schema gives (its output), not by what it would accept.
 */
const searchOf =
  <T,>(schema: { parse: (s: unknown) => T }) =>
  (s: Record<string, unknown>): T =>
    schema.parse(s);

const root = createRootRoute({ component: Layout, notFoundComponent: NotFoundPage, errorComponent: ErrorPage });
const signedIn = (Component: React.ComponentType & { preload?: () => Promise<void> | undefined }) =>
  Object.assign(
    () => (
      <RequireUser>
        <Component />
      </RequireUser>
    ),
    // A lazy page is fetched before the route renders (the router calls preload), as the pages below
    // /orgs/$orgId are: suspended inside RequireUser instead, React logs a misuse of use() (hub admin pages).
    { preload: () => Component.preload?.() },
  );

/**
 * Every page of an organisation is a child of this route: signed in once here, and each page takes
 * the organisation's id from it (`useOrgId()` in lib/org.ts) rather than casting the address's params.
 */
const org = createRoute({
  getParentRoute: () => root,
  path: "/orgs/$orgId",
  component: () => (
    <RequireUser>
      <Outlet />
    </RequireUser>
  ),
});
// Listed apart from addChildren: written inside its call, each route's types would be inferred from
// the call's parameter (any route) and lose their paths, params and search.
const orgChildren = [
  createRoute({ getParentRoute: () => org, path: "/", component: OrgHomePage }),
  createRoute({ getParentRoute: () => org, path: "my-career", component: MyCareerPage }),
  createRoute({ getParentRoute: () => org, path: "career-framework", component: CareerFrameworkPage }),
  createRoute({ getParentRoute: () => org, path: "career-plans", component: StaffPlansPage }),
  createRoute({ getParentRoute: () => org, path: "users", component: UsersPage }),
  createRoute({ getParentRoute: () => org, path: "providers", component: ProvidersPage }),
  createRoute({ getParentRoute: () => org, path: "audit", component: AuditPage }),
  createRoute({
    getParentRoute: () => org,
    path: "staff",
    component: StaffPage,
    validateSearch: searchOf(staffSearch),
  }),
  createRoute({ getParentRoute: () => org, path: "staff/new", component: StaffFormPage }),
  createRoute({ getParentRoute: () => org, path: "staff/$staffId/edit", component: StaffFormPage }),
  createRoute({ getParentRoute: () => org, path: "staff/$staffId/leave", component: RecordLeaverPage }),
  createRoute({
    getParentRoute: () => org,
    path: "figures",
    component: FiguresPage,
    validateSearch: searchOf(figuresSearch),
  }),
  ...(["by-provider", "by-service", "trends", "workforce"] as const).map((part) =>
    createRoute({
      getParentRoute: () => org,
      path: `figures/${part}`,
      component: figuresPartPage(part),
      validateSearch: searchOf(figuresSearch),
    }),
  ),
  createRoute({ getParentRoute: () => org, path: "figures/targets", component: TargetsPage }),
  createRoute({
    getParentRoute: () => org,
    path: "figures/providers/$providerId",
    component: ProviderFiguresPage,
    validateSearch: searchOf(figuresSearch),
  }),
  createRoute({ getParentRoute: () => org, path: "returns", component: ReturnsPage }),
  createRoute({ getParentRoute: () => org, path: "returns/$periodId", component: ReturnPeriodPage }),
  createRoute({ getParentRoute: () => org, path: "vacancies", component: VacanciesPage }),
  createRoute({ getParentRoute: () => org, path: "agency", component: AgencyPage }),
  createRoute({ getParentRoute: () => org, path: "candidate/applications", component: CandidateApplicationsPage }),
  createRoute({ getParentRoute: () => org, path: "candidate/profile", component: CandidateProfilePage }),
  createRoute({
    getParentRoute: () => org,
    path: "candidate/applications/$applicationId/interview",
    component: CandidateBookingPage,
  }),
  createRoute({ getParentRoute: () => org, path: "candidate/pool", component: CandidatePoolPage }),
  createRoute({ getParentRoute: () => org, path: "candidate/invitations", component: CandidateInvitationsPage }),
  createRoute({ getParentRoute: () => org, path: "candidate/delete", component: CandidateDeletePage }),
  createRoute({ getParentRoute: () => org, path: "candidate/cohorts", component: CandidateCohortsPage }),
  // The training catalogue and sessions (issue 18 items 1 and 2).
  createRoute({
    getParentRoute: () => org,
    path: "training",
    component: CatalogueHomePage,
    validateSearch: searchOf(catalogueSearch),
  }),
  createRoute({ getParentRoute: () => org, path: "training/courses/new", component: NewCoursePage }),
  createRoute({ getParentRoute: () => org, path: "training/courses/$courseId", component: CatalogueCoursePage }),
  createRoute({ getParentRoute: () => org, path: "training/courses/$courseId/edit", component: EditCoursePage }),
  createRoute({
    getParentRoute: () => org,
    path: "training/courses/$courseId/sessions/new",
    component: SessionNewPage,
  }),
  createRoute({ getParentRoute: () => org, path: "training/sessions/$sessionId/edit", component: SessionEditPage }),
  // Bookings, waiting lists and self-booking (issue 18 items 2 and 3).
  createRoute({ getParentRoute: () => org, path: "training/sessions/$sessionId/book", component: BookSessionPage }),
  createRoute({
    getParentRoute: () => org,
    path: "training/bookings",
    component: BookingsPage,
    validateSearch: searchOf(bookingsSearch),
  }),
  createRoute({ getParentRoute: () => org, path: "my-training", component: MyTrainingPage }),
  // The pre-employment course and training uptake (issue 18 items 8 and 9).
  createRoute({ getParentRoute: () => org, path: "training/cohorts", component: CohortListPage }),
  createRoute({ getParentRoute: () => org, path: "training/cohorts/$cohortId", component: CohortPage }),
  createRoute({
    getParentRoute: () => org,
    path: "recruitment/guaranteed-interviews",
    component: GuaranteedInterviewsPage,
  }),
  createRoute({ getParentRoute: () => org, path: "apprenticeships", component: ApprenticeshipListPage }),
  createRoute({ getParentRoute: () => org, path: "levy", component: LevyPage }),
  createRoute({ getParentRoute: () => org, path: "training/funding-claims", component: FundingClaimsPage }),
  createRoute({
    getParentRoute: () => org,
    path: "training/uptake",
    component: TrainingUptakePage,
    validateSearch: searchOf(uptakeSearch),
  }),
  createRoute({
    getParentRoute: () => org,
    path: "recruitment/pool",
    component: TalentPoolPage,
    validateSearch: poolSearch,
  }),
  createRoute({ getParentRoute: () => org, path: "workforce-settings", component: WorkforceSettingsPage }),
  createRoute({ getParentRoute: () => org, path: "upload", component: UploadPage }),
  createRoute({ getParentRoute: () => org, path: "uploads/$importId", component: UploadResultPage }),
  createRoute({
    getParentRoute: () => org,
    path: "strategy",
    component: StrategyHomePage,
    validateSearch: searchOf(strategySearch),
  }),
  createRoute({ getParentRoute: () => org, path: "strategy/new", component: NewStrategyPage }),
  createRoute({ getParentRoute: () => org, path: "strategy/edit", component: EditStrategyPage }),
  createRoute({ getParentRoute: () => org, path: "strategy/approve", component: ApproveStrategyPage }),
  createRoute({ getParentRoute: () => org, path: "strategy/pillars/new", component: NewPillarPage }),
  createRoute({ getParentRoute: () => org, path: "strategy/pillars/$pillarId/edit", component: EditPillarPage }),
  createRoute({
    getParentRoute: () => org,
    path: "strategy/actions/new",
    component: NewActionPage,
    validateSearch: searchOf(newActionSearch),
  }),
  createRoute({ getParentRoute: () => org, path: "strategy/actions/$actionId", component: StrategyActionPage }),
  createRoute({ getParentRoute: () => org, path: "strategy/actions/$actionId/edit", component: EditActionPage }),
  createRoute({ getParentRoute: () => org, path: "strategy/risks", component: StrategyRisksPage }),
  createRoute({ getParentRoute: () => org, path: "strategy/risks/new", component: NewRiskPage }),
  createRoute({ getParentRoute: () => org, path: "strategy/risks/$riskId", component: StrategyRiskPage }),
  createRoute({ getParentRoute: () => org, path: "strategy/risks/$riskId/edit", component: EditRiskPage }),
  createRoute({ getParentRoute: () => org, path: "strategy/governance", component: StrategyGovernancePage }),
  createRoute({ getParentRoute: () => org, path: "strategy/governance/groups/new", component: NewGroupPage }),
  createRoute({ getParentRoute: () => org, path: "strategy/governance/groups/$groupId", component: GroupPage }),
  createRoute({
    getParentRoute: () => org,
    path: "strategy/governance/groups/$groupId/meetings/new",
    component: NewMeetingPage,
  }),
  createRoute({ getParentRoute: () => org, path: "strategy/governance/forum/new", component: NewForumEntryPage }),
  createRoute({
    getParentRoute: () => org,
    path: "strategy/governance/forum/$entryId/edit",
    component: EditForumEntryPage,
  }),
  createRoute({
    getParentRoute: () => org,
    path: "strategy/report",
    component: BoardReportPage,
    validateSearch: searchOf(reportSearch),
  }),
  // The council's recruitment hub (issue 17).
  createRoute({ getParentRoute: () => org, path: "recruitment/questions", component: HubQuestionsPage }),
  createRoute({ getParentRoute: () => org, path: "recruitment/campaigns", component: HubCampaignsPage }),
  createRoute({
    getParentRoute: () => org,
    path: "recruitment/funnel",
    component: RecruitmentFunnelPage,
    validateSearch: searchOf(funnelSearch),
  }),
  // An employer's recruitment (issue 17): adverts, applications, checks, emails; the hub's moderation.
  createRoute({ getParentRoute: () => org, path: "recruitment", component: AdvertsPage }),
  createRoute({
    getParentRoute: () => org,
    path: "recruitment/adverts/new",
    component: NewAdvertPage,
    validateSearch: searchOf(newAdvertSearch),
  }),
  createRoute({ getParentRoute: () => org, path: "recruitment/adverts/$advertId", component: AdvertPage }),
  createRoute({ getParentRoute: () => org, path: "recruitment/adverts/$advertId/edit", component: EditAdvertPage }),
  createRoute({
    getParentRoute: () => org,
    path: "recruitment/applications",
    component: ApplicationsPage,
    validateSearch: searchOf(applicationsSearch),
  }),
  createRoute({
    getParentRoute: () => org,
    path: "recruitment/applications/$applicationId",
    component: ApplicationPage,
  }),
  createRoute({
    getParentRoute: () => org,
    path: "recruitment/applications/$applicationId/checks",
    component: ChecksPage,
  }),
  createRoute({ getParentRoute: () => org, path: "recruitment/emails", component: EmailTemplatesPage }),
  createRoute({ getParentRoute: () => org, path: "recruitment/moderation", component: ModerationPage }),
  // Attendance and the training matrix (issue 18 items 4 and 5).
  createRoute({ getParentRoute: () => org, path: "training/delivery", component: AttendanceListPage }),
  createRoute({ getParentRoute: () => org, path: "training/delivery/$sessionId", component: AttendanceSessionPage }),
  createRoute({
    getParentRoute: () => org,
    path: "training/matrix",
    component: TrainingMatrixPage,
    validateSearch: searchOf(matrixSearch),
  }),
  createRoute({
    getParentRoute: () => org,
    path: "commissioning",
    component: CommissioningOverviewPage,
    validateSearch: searchOf(overviewSearch),
  }),
  // Contracts and the standards library (issue 19 item 1).
  createRoute({
    getParentRoute: () => org,
    path: "commissioning/contracts",
    component: ContractListPage,
    validateSearch: searchOf(contractsSearch),
  }),
  createRoute({ getParentRoute: () => org, path: "commissioning/contracts/new", component: NewContractPage }),
  createRoute({ getParentRoute: () => org, path: "commissioning/contracts/$contractId", component: ContractPage }),
  createRoute({
    getParentRoute: () => org,
    path: "commissioning/contracts/$contractId/edit",
    component: EditContractPage,
  }),
  createRoute({ getParentRoute: () => org, path: "commissioning/standards", component: StandardsPage }),
  createRoute({ getParentRoute: () => org, path: "contracts", component: ProviderContractsPage }),
  createRoute({ getParentRoute: () => org, path: "contracts/$contractId", component: ProviderContractPage }),
  // Compliance and challenges (issue 19 item 2).
  createRoute({
    getParentRoute: () => org,
    path: "commissioning/contracts/$contractId/compliance",
    component: ContractCompliancePage,
    validateSearch: searchOf(complianceSearch),
  }),
  createRoute({
    getParentRoute: () => org,
    path: "commissioning/challenges",
    component: ChallengesPage,
    validateSearch: searchOf(challengesSearch),
  }),
  createRoute({
    getParentRoute: () => org,
    path: "contracts/$contractId/compliance",
    component: ProviderCompliancePage,
    validateSearch: searchOf(complianceSearch),
  }),
  createRoute({
    getParentRoute: () => org,
    path: "compliance",
    component: ProviderComplianceListPage,
    validateSearch: searchOf(complianceSearch),
  }),
  // The minimum price floor, fee rates and tenders (issue 19 item 4).
  createRoute({
    getParentRoute: () => org,
    path: "commissioning/price-floor",
    component: PriceFloorPage,
    validateSearch: searchOf(priceFloorSearch),
  }),
  createRoute({ getParentRoute: () => org, path: "commissioning/fee-rates", component: FeeRatesPage }),
  createRoute({ getParentRoute: () => org, path: "commissioning/tenders", component: TendersPage }),
  createRoute({ getParentRoute: () => org, path: "commissioning/tenders/$tenderId", component: TenderPage }),
  // The Quality Premium Payment (issue 19 item 3).
  createRoute({ getParentRoute: () => org, path: "commissioning/quality-premium", component: QppSchemesPage }),
  createRoute({
    getParentRoute: () => org,
    path: "commissioning/quality-premium/$schemeId",
    component: QppSchemePage,
    validateSearch: searchOf(qppSearch),
  }),
  createRoute({ getParentRoute: () => org, path: "quality-premium", component: ProviderQppPage }),
  // Contract-monitoring returns and the Capacity Tracker's fields (issue 19 item 5).
  createRoute({ getParentRoute: () => org, path: "monitoring-returns", component: MonitoringReturnsPage }),
  createRoute({
    getParentRoute: () => org,
    path: "monitoring-returns/$councilId/$period",
    component: MonitoringReturnPage,
  }),
  createRoute({
    getParentRoute: () => org,
    path: "commissioning/monitoring-returns",
    component: CouncilMonitoringPage,
    validateSearch: searchOf(monitoringSearch),
  }),
  createRoute({
    getParentRoute: () => org,
    path: "capacity-tracker",
    component: CapacityTrackerPage,
    validateSearch: searchOf(capacitySearch),
  }),
  // The council's social work service (issue 20).
  createRoute({ getParentRoute: () => org, path: "social-work", component: SocialWorkOverviewPage }),
  createRoute({ getParentRoute: () => org, path: "social-work/teams", component: SwTeamsPage }),
  createRoute({ getParentRoute: () => org, path: "social-work/teams/$teamId", component: SwTeamPage }),
  createRoute({
    getParentRoute: () => org,
    path: "social-work/workers",
    component: SwWorkersPage,
    validateSearch: searchOf(swWorkersSearch),
  }),
  createRoute({ getParentRoute: () => org, path: "social-work/workers/$staffId", component: SwWorkerPage }),
  createRoute({ getParentRoute: () => org, path: "social-work/settings", component: SwSettingsPage }),
  createRoute({ getParentRoute: () => org, path: "my-social-work", component: MySocialWorkPage }),
  createRoute({ getParentRoute: () => org, path: "social-work/routes-in", component: SwRoutesInPage }),
  createRoute({ getParentRoute: () => org, path: "social-work/routes-in/$traineeId", component: SwTraineePage }),
  createRoute({
    getParentRoute: () => org,
    path: "social-work/practice-educators",
    component: SwPracticeEducatorsPage,
  }),
  createRoute({ getParentRoute: () => org, path: "social-work/asye", component: SwAsyePage }),
  createRoute({ getParentRoute: () => org, path: "social-work/asye/$asyeId", component: SwAsyeDetailPage }),
  createRoute({ getParentRoute: () => org, path: "social-work/supervision", component: SwSupervisionPage }),
  createRoute({ getParentRoute: () => org, path: "social-work/caseloads", component: SwCaseloadsPage }),
  createRoute({ getParentRoute: () => org, path: "social-work/progression", component: SwProgressionPage }),
  createRoute({ getParentRoute: () => org, path: "social-work/progression/$caseId", component: SwProgressionCasePage }),
  createRoute({ getParentRoute: () => org, path: "exit-interviews", component: ExitInterviewsPage }),
  createRoute({ getParentRoute: () => org, path: "social-work/agency", component: SwAgencyPage }),
  createRoute({ getParentRoute: () => org, path: "social-work/starters-leavers", component: SwStartersLeaversPage }),
  createRoute({ getParentRoute: () => org, path: "social-work/census", component: SwCensusPage }),
  createRoute({ getParentRoute: () => org, path: "social-work/figures", component: SwFiguresPage }),
];
const orgPages = org.addChildren(orgChildren);

// The public job board (issue 17): the address keeps the search, and a campaign's ?source= on the way to applying.
const jobRoutes = [
  createRoute({
    getParentRoute: () => root,
    path: "/jobs",
    component: JobsSearchPage,
    validateSearch: searchOf(jobsSearch),
  }),
  createRoute({
    getParentRoute: () => root,
    path: "/jobs/$advertId",
    component: JobAdvertPage,
    validateSearch: searchOf(jobsSearch.pick({ source: true })),
  }),
  createRoute({
    getParentRoute: () => root,
    path: "/jobs/alerts/confirm",
    component: ConfirmJobAlertPage,
    validateSearch: tokenSearch,
  }),
  createRoute({
    getParentRoute: () => root,
    path: "/jobs/alerts/unsubscribe",
    component: UnsubscribeJobAlertPage,
    validateSearch: tokenSearch,
  }),
];

const routes = [
  createRoute({ getParentRoute: () => root, path: "/", component: HomeRedirect }),
  createRoute({
    getParentRoute: () => root,
    path: "/jobs/events",
    component: RecruitmentEventsPage,
    validateSearch: searchOf(publicEventsSearch),
  }),
  ...jobRoutes,
  // Anyone sees a council's training courses with free places (issue 18).
  createRoute({
    getParentRoute: () => root,
    path: "/courses",
    component: PublicCoursesPage,
    validateSearch: searchOf(publicCoursesSearch),
  }),
  // Anyone checks a training certificate's code (issue 18 item 4).
  createRoute({ getParentRoute: () => root, path: "/certificates/check", component: CertificateCheckPage }),
  createRoute({ getParentRoute: () => root, path: "/certificates/$code", component: CertificatePage }),
  // A leaver answers the exit interview their employer offered, through their own link (issue 20 item 9).
  createRoute({ getParentRoute: () => root, path: "/exit-interview/$token", component: ExitInterviewPublicPage }),
  createRoute({
    getParentRoute: () => root,
    path: "/sign-in",
    component: SignInPage,
    validateSearch: (s: Record<string, unknown>): { next?: string } =>
      typeof s.next === "string" ? { next: s.next } : {},
  }),
  createRoute({ getParentRoute: () => root, path: "/forgot-password", component: ForgotPasswordPage }),
  createRoute({
    getParentRoute: () => root,
    path: "/reset-password",
    component: ResetPasswordPage,
    validateSearch: tokenSearch,
  }),
  createRoute({
    getParentRoute: () => root,
    path: "/accept-invitation",
    component: AcceptInvitationPage,
    validateSearch: tokenSearch,
  }),
  createRoute({ getParentRoute: () => root, path: "/no-organisation", component: signedIn(NoOrganisationPage) }),
  createRoute({
    getParentRoute: () => root,
    path: "/jobs/account/new",
    component: CandidateSignUpPage,
    validateSearch: textSearch("council", "next"),
  }),
  createRoute({
    getParentRoute: () => root,
    path: "/jobs/account/verify",
    component: CandidateVerifyPage,
    validateSearch: tokenSearch,
  }),
  createRoute({
    getParentRoute: () => root,
    path: "/jobs/$advertId/apply",
    component: ApplyPage,
    validateSearch: textSearch("source"),
  }),
  createRoute({ getParentRoute: () => root, path: "/state-of-the-workforce/$slug", component: PublicWorkforcePage }),
  createRoute({ getParentRoute: () => root, path: "/strategy/$councilSlug", component: PublicStrategyPage }),
  createRoute({
    getParentRoute: () => root,
    path: "/strategy/$councilSlug/easy-read",
    component: PublicStrategyEasyReadPage,
  }),
  createRoute({
    getParentRoute: () => root,
    path: "/careers",
    component: CareersPage,
    validateSearch: (s: Record<string, unknown>): { council?: string } =>
      typeof s.council === "string" ? { council: s.council } : {},
  }),
  createRoute({
    getParentRoute: () => root,
    path: "/careers/easy-read",
    component: CareersEasyReadPage,
    validateSearch: (s: Record<string, unknown>): { council?: string } =>
      typeof s.council === "string" ? { council: s.council } : {},
  }),
  createRoute({
    getParentRoute: () => root,
    path: "/admin/organisations",
    component: signedIn(AdminOrganisationsPage),
  }),
  createRoute({ getParentRoute: () => root, path: "/admin/reference", component: signedIn(ReferenceDataPage) }),
  createRoute({ getParentRoute: () => root, path: "/admin/hub-figures", component: signedIn(HubFiguresPage) }),
  createRoute({ getParentRoute: () => root, path: "/admin/failed-jobs", component: signedIn(FailedJobsPage) }),
  orgPages,
];

export const router = createRouter({ routeTree: root.addChildren(routes), defaultPreload: false });

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
