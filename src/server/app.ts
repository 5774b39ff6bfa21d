import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { Deps } from "./context";
import { type AdmissionLimits, admission } from "./http/admission";
import { refuseNulInAddress } from "./http/hostile-input";
import { csrf, loadSession, noStore, onError, requestContext } from "./http/middleware";
import { Router } from "./http/route";
import type { AppEnv } from "./http/types";
import { AppError } from "./lib/errors";
import { adminRoutes } from "./modules/admin/admin.routes";
import { agencyRoutes } from "./modules/agency/agency.routes";
import { authRoutes } from "./modules/auth/auth.routes";
import { sessionFromToken } from "./modules/auth/auth.service";
import { careersRoutes } from "./modules/careers/careers.routes";
import { complianceRoutes } from "./modules/commissioning/compliance.routes";
import { contractRoutes } from "./modules/commissioning/contracts.routes";
import { monitoringRoutes } from "./modules/commissioning/monitoring.routes";
import { commissioningOverviewRoutes } from "./modules/commissioning/overview.routes";
import { priceFloorRoutes } from "./modules/commissioning/price-floor.routes";
import { qppRoutes } from "./modules/commissioning/qpp.routes";
import { importRoutes } from "./modules/imports/imports.routes";
import { recordRoutes } from "./modules/imports/records.routes";
import { metricsRoutes } from "./modules/metrics/metrics.routes";
import { orgRoutes } from "./modules/orgs/orgs.routes";
import { advertRoutes } from "./modules/recruitment/adverts.routes";
import { boardRoutes, jobPageHandler } from "./modules/recruitment/board.routes";
import { candidateRoutes } from "./modules/recruitment/candidates.routes";
import { recruitmentHubRoutes } from "./modules/recruitment/hub.routes";
import { trackingRoutes } from "./modules/recruitment/tracking.routes";
import { referenceRoutes } from "./modules/reference/reference.routes";
import { returnRoutes } from "./modules/returns/returns.routes";
import { socialWorkAgencyRoutes } from "./modules/socialwork/agency.routes";
import { socialWorkAlertRoutes } from "./modules/socialwork/alerts.routes";
import { asyeRoutes } from "./modules/socialwork/asye.routes";
import { censusRoutes } from "./modules/socialwork/census.routes";
import { exitInterviewRoutes } from "./modules/socialwork/exit-interviews.routes";
import { socialWorkFigureRoutes } from "./modules/socialwork/figures.routes";
import { progressionRoutes } from "./modules/socialwork/progression.routes";
import { socialWorkRoutesInRoutes } from "./modules/socialwork/routes-in.routes";
import { socialWorkServiceRoutes } from "./modules/socialwork/service.routes";
import { supervisionRoutes } from "./modules/socialwork/supervision.routes";
import { staffRoutes } from "./modules/staff/staff.routes";
import { strategyRoutes } from "./modules/strategy/strategy.routes";
import { strategyPublicRoutes } from "./modules/strategy/strategy-public.routes";
import { strategyReportRoutes } from "./modules/strategy-report/strategy-report.routes";
import { systemRoutes } from "./modules/system/system.routes";
import { tokenRoutes } from "./modules/tokens/tokens.routes";
import { tokenFromBearer } from "./modules/tokens/tokens.service";
import { apprenticeshipRoutes } from "./modules/training/apprenticeships.routes";
import { trainingBookingRoutes } from "./modules/training/bookings.routes";
import { trainingCatalogueRoutes } from "./modules/training/catalogue.routes";
import { trainingDeliveryRoutes } from "./modules/training/delivery.routes";
import { trainingHubRoutes } from "./modules/training/hub.routes";
import { userRoutes } from "./modules/users/users.routes";
import { vacancyRoutes } from "./modules/vacancies/vacancies.routes";

export const CLIENT_DIR = new URL("../../dist/client", import.meta.url).pathname;

/** Builds the HTTP app: middleware in order, the modules' routes, then the built SPA. */
export function createApp(deps: Deps, opts: { admission?: AdmissionLimits } = {}) {
  const app = new Hono<AppEnv>();
  app.use("*", async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  app.use("*", requestContext);
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      referrerPolicy: "same-origin",
    }),
  );
  app.use("/api/*", noStore);
  app.use("/api/*", refuseNulInAddress);
  // Before anything that touches the database: past capacity, a quick 503 beats a slow timeout.
  const { middleware: admit, lanes } = admission(opts.admission);
  app.use("*", admit);
  app.use("/api/*", loadSession({ session: sessionFromToken, bearer: tokenFromBearer }));
  app.use("/api/*", csrf);
  app.onError(onError);

  // In tests every JSON answer is checked against its route's response schema.
  const router = new Router(app, { checkResponses: deps.env.NODE_ENV === "test" });
  systemRoutes(router);
  authRoutes(router);
  orgRoutes(router);
  userRoutes(router);
  adminRoutes(router);
  importRoutes(router);
  staffRoutes(router);
  vacancyRoutes(router);
  referenceRoutes(router);
  metricsRoutes(router);
  careersRoutes(router);
  agencyRoutes(router);
  tokenRoutes(router);
  recordRoutes(router);
  returnRoutes(router);
  strategyRoutes(router);
  strategyPublicRoutes(router);
  strategyReportRoutes(router);
  boardRoutes(router);
  advertRoutes(router);
  trackingRoutes(router);
  candidateRoutes(router);
  recruitmentHubRoutes(router);
  trainingCatalogueRoutes(router);
  trainingBookingRoutes(router);
  trainingDeliveryRoutes(router);
  apprenticeshipRoutes(router);
  trainingHubRoutes(router);
  contractRoutes(router);
  complianceRoutes(router);
  qppRoutes(router);
  priceFloorRoutes(router);
  monitoringRoutes(router);
  commissioningOverviewRoutes(router);
  socialWorkServiceRoutes(router);
  socialWorkRoutesInRoutes(router);
  asyeRoutes(router);
  supervisionRoutes(router);
  progressionRoutes(router);
  exitInterviewRoutes(router);
  socialWorkAgencyRoutes(router);
  censusRoutes(router);
  socialWorkFigureRoutes(router);
  socialWorkAlertRoutes(router);

  app.all("/api/*", () => {
    throw new AppError(404, "not_found", "There is no API endpoint at this address. See /api/docs for the list.");
  });

  // A job's page carries its JobPosting JSON-LD in the HTML the server sends (issue 17), built
  // or not: without the client, in a minimal page of its own.
  const built = existsSync(`${CLIENT_DIR}/index.html`);
  app.get("/jobs/:advertId", jobPageHandler(built ? readFileSync(`${CLIENT_DIR}/index.html`, "utf8") : null));

  // The single-page app: hashed assets (cached for a year), then index.html for any page address.
  if (built) {
    const indexHtml = readFileSync(`${CLIENT_DIR}/index.html`, "utf8");
    app.use(
      "/assets/*",
      serveStatic({
        root: relative(process.cwd(), CLIENT_DIR),
        // The build writes .br and .gz copies (vite.config.ts): sent to browsers that accept them.
        precompressed: true,
        onFound: (_path, c) => c.header("cache-control", "public, max-age=31536000, immutable"),
      }),
    );
    app.get("*", (c) => {
      c.header("cache-control", "no-cache");
      return c.html(indexHtml);
    });
  } else {
    app.get("*", (c) =>
      c.text("The web client is not built yet: run `npm run build` (npm start does this for you).", 503),
    );
  }
  return { app, router, lanes };
}
