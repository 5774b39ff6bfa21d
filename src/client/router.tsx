import { createRootRoute, createRoute, createRouter } from "@tanstack/react-router";
import { Layout } from "./components/Layout";
import { AdminOrganisationsPage, FailedJobsPage, HubFiguresPage } from "./routes/admin-pages";
import { AcceptInvitationPage, ForgotPasswordPage, ResetPasswordPage, SignInPage } from "./routes/auth-pages";
import { CareerFrameworkPage, CareersEasyReadPage, CareersPage, MyCareerPage, StaffPlansPage } from "./routes/career-pages";
import { FiguresPage, ProviderFiguresPage, TargetsPage } from "./routes/figures-pages";
import { ErrorPage, HomeRedirect, NoOrganisationPage, NotFoundPage, RequireUser } from "./routes/misc-pages";
import { AuditPage, OrgHomePage, ProvidersPage, UsersPage } from "./routes/org-pages";
import { PublicWorkforcePage } from "./routes/public-pages";
import { ReferenceDataPage } from "./routes/reference-pages";
import { ReturnPeriodPage, ReturnsPage } from "./routes/returns-pages";
import { WorkforceSettingsPage } from "./routes/settings-pages";
import { StaffFormPage } from "./routes/staff-form";
import { RecordLeaverPage, StaffPage } from "./routes/staff-pages";
import { UploadPage, UploadResultPage } from "./routes/upload-pages";
import { AgencyPage, VacanciesPage } from "./routes/vacancy-pages";

const tokenSearch = (s: Record<string, unknown>): { token?: string } => (typeof s.token === "string" ? { token: s.token } : {});

const root = createRootRoute({ component: Layout, notFoundComponent: NotFoundPage, errorComponent: ErrorPage });
const signedIn = (Component: () => React.ReactNode) => () => (
  <RequireUser>
    <Component />
  </RequireUser>
);

const routes = [
  createRoute({ getParentRoute: () => root, path: "/", component: HomeRedirect }),
  createRoute({
    getParentRoute: () => root,
    path: "/sign-in",
    component: SignInPage,
    validateSearch: (s: Record<string, unknown>): { next?: string } => (typeof s.next === "string" ? { next: s.next } : {}),
  }),
  createRoute({ getParentRoute: () => root, path: "/forgot-password", component: ForgotPasswordPage }),
  createRoute({ getParentRoute: () => root, path: "/reset-password", component: ResetPasswordPage, validateSearch: tokenSearch }),
  createRoute({ getParentRoute: () => root, path: "/accept-invitation", component: AcceptInvitationPage, validateSearch: tokenSearch }),
  createRoute({ getParentRoute: () => root, path: "/no-organisation", component: signedIn(NoOrganisationPage) }),
  createRoute({ getParentRoute: () => root, path: "/state-of-the-workforce/$slug", component: PublicWorkforcePage }),
  createRoute({
    getParentRoute: () => root,
    path: "/careers",
    component: CareersPage,
    validateSearch: (s: Record<string, unknown>): { council?: string } => (typeof s.council === "string" ? { council: s.council } : {}),
  }),
  createRoute({
    getParentRoute: () => root,
    path: "/careers/easy-read",
    component: CareersEasyReadPage,
    validateSearch: (s: Record<string, unknown>): { council?: string } => (typeof s.council === "string" ? { council: s.council } : {}),
  }),
  createRoute({ getParentRoute: () => root, path: "/orgs/$orgId/my-career", component: signedIn(MyCareerPage) }),
  createRoute({ getParentRoute: () => root, path: "/orgs/$orgId/career-framework", component: signedIn(CareerFrameworkPage) }),
  createRoute({ getParentRoute: () => root, path: "/orgs/$orgId/career-plans", component: signedIn(StaffPlansPage) }),
  createRoute({ getParentRoute: () => root, path: "/orgs/$orgId", component: signedIn(OrgHomePage) }),
  createRoute({ getParentRoute: () => root, path: "/orgs/$orgId/users", component: signedIn(UsersPage) }),
  createRoute({ getParentRoute: () => root, path: "/orgs/$orgId/providers", component: signedIn(ProvidersPage) }),
  createRoute({ getParentRoute: () => root, path: "/orgs/$orgId/audit", component: signedIn(AuditPage) }),
  createRoute({ getParentRoute: () => root, path: "/orgs/$orgId/staff", component: signedIn(StaffPage) }),
  createRoute({ getParentRoute: () => root, path: "/orgs/$orgId/figures", component: signedIn(FiguresPage) }),
  createRoute({ getParentRoute: () => root, path: "/orgs/$orgId/figures/targets", component: signedIn(TargetsPage) }),
  createRoute({ getParentRoute: () => root, path: "/orgs/$orgId/figures/providers/$providerId", component: signedIn(ProviderFiguresPage) }),
  createRoute({ getParentRoute: () => root, path: "/orgs/$orgId/staff/$staffId/leave", component: signedIn(RecordLeaverPage) }),
  createRoute({ getParentRoute: () => root, path: "/orgs/$orgId/staff/new", component: signedIn(StaffFormPage) }),
  createRoute({ getParentRoute: () => root, path: "/orgs/$orgId/staff/$staffId/edit", component: signedIn(StaffFormPage) }),
  createRoute({ getParentRoute: () => root, path: "/orgs/$orgId/returns", component: signedIn(ReturnsPage) }),
  createRoute({ getParentRoute: () => root, path: "/orgs/$orgId/returns/$periodId", component: signedIn(ReturnPeriodPage) }),
  createRoute({ getParentRoute: () => root, path: "/orgs/$orgId/vacancies", component: signedIn(VacanciesPage) }),
  createRoute({ getParentRoute: () => root, path: "/orgs/$orgId/agency", component: signedIn(AgencyPage) }),
  createRoute({ getParentRoute: () => root, path: "/orgs/$orgId/workforce-settings", component: signedIn(WorkforceSettingsPage) }),
  createRoute({ getParentRoute: () => root, path: "/orgs/$orgId/upload", component: signedIn(UploadPage) }),
  createRoute({ getParentRoute: () => root, path: "/orgs/$orgId/uploads/$importId", component: signedIn(UploadResultPage) }),
  createRoute({ getParentRoute: () => root, path: "/admin/organisations", component: signedIn(AdminOrganisationsPage) }),
  createRoute({ getParentRoute: () => root, path: "/admin/reference", component: signedIn(ReferenceDataPage) }),
  createRoute({ getParentRoute: () => root, path: "/admin/hub-figures", component: signedIn(HubFiguresPage) }),
  createRoute({ getParentRoute: () => root, path: "/admin/failed-jobs", component: signedIn(FailedJobsPage) }),
];

export const router = createRouter({ routeTree: root.addChildren(routes), defaultPreload: false });

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
