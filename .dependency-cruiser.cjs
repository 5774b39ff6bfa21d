// Imports run from higher layers to lower ones, and never in a circle (docs/ARCHITECTURE.md,
// "Layers"; ADR 0016). `npm run lint:deps` checks this file's rules; `npm run lint` runs it.
//
//   main.ts, jobs-thread.main.ts, periodic-jobs.ts, app.ts, boot.ts, cli/   (composition)
//   modules/<feature>/*.routes.ts  →  http/                                 (the web)
//   modules/<feature>/*.service.ts →  *.repo.ts  →  db/                     (the work)
//   context.ts, env.ts, lib/, shared/                                        (the ground)
//
// Features import each other one way only (a feature folder never takes part in a circle), and
// tests may import anything: they are not cruised.

const SERVER = "^src/server/";
const MODULES = "^src/server/modules/";
/** Code that may use http/: a feature's routes, and the system module that documents the API. */
const BESIDE_HTTP = "\\.routes\\.ts$|^src/server/modules/system/";
const TOP = "^src/(server/(main|jobs-thread\\.main|periodic-jobs|app|boot)\\.ts$|server/jobs-thread\\.main\\.boot\\.mjs$|cli/)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Files that import each other in a circle: move what both need into a lower file, or have the caller pass it in.",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-circular-features",
      severity: "error",
      scope: "folder",
      comment: "Feature folders that import each other: one of them is a lower feature (or a helper belongs in lib/ or shared/).",
      from: { path: MODULES },
      to: { circular: true },
    },
    {
      name: "composition-is-the-top",
      severity: "error",
      comment: "main, the jobs thread's entry, the job catalogue, app, boot and the CLI put the hub together: nothing below imports them.",
      from: { path: SERVER, pathNot: TOP },
      to: { path: TOP },
    },
    {
      name: "shared-stands-alone",
      severity: "error",
      comment: "src/shared is read by the server and the browser: it imports neither.",
      from: { path: "^src/shared/" },
      to: { path: "^src/(server|client|cli)/" },
    },
    {
      name: "client-not-server",
      severity: "error",
      comment: "The browser's code reaches the server through the API only (shared schemas and types are in src/shared).",
      from: { path: "^src/client/" },
      to: { path: "^src/(server|cli)/" },
    },
    {
      name: "lib-is-ground",
      severity: "error",
      comment: "src/server/lib holds helpers every layer uses: it imports no feature, database, web or job code.",
      from: { path: "^src/server/lib/" },
      to: { path: "^src/server/(modules|db|http|jobs)/|^src/server/context\\.ts$" },
    },
    {
      name: "db-knows-no-features",
      severity: "error",
      comment: "The database layer (client, schema, bulk writes) knows no feature: whoever needs data after migrating calls it after migrate().",
      from: { path: "^src/server/db/" },
      to: { path: "^src/server/(modules|http|jobs)/|^src/server/context\\.ts$" },
    },
    {
      name: "http-knows-no-features",
      severity: "error",
      comment: "Middleware and guards serve every route: features plug into them (app.ts passes in what they need), never the reverse.",
      from: { path: "^src/server/http/" },
      to: { path: MODULES },
    },
    {
      name: "jobs-know-no-features",
      severity: "error",
      comment: "The job queue runs any feature's jobs: the features register them (periodic-jobs.ts, imports.jobs.ts).",
      from: { path: "^src/server/jobs/" },
      to: { path: MODULES },
    },
    {
      name: "only-routes-use-http",
      severity: "error",
      comment: "Below the routes, code does not know it is serving a web request; route-definition types are the exception. modules/system describes the web API itself (the OpenAPI document).",
      from: { path: MODULES, pathNot: BESIDE_HTTP },
      to: { path: "^src/server/http/", pathNot: "^src/server/http/(route|types)\\.ts$" },
    },
    {
      name: "only-types-from-http-below-routes",
      severity: "error",
      comment: "Below the routes, only the route-definition types of http/ may be imported, and as types.",
      from: { path: MODULES, pathNot: BESIDE_HTTP },
      to: { path: "^src/server/http/(route|types)\\.ts$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "services-not-routes",
      severity: "error",
      comment: "Routes call services; a service never calls a route.",
      from: { path: MODULES, pathNot: "\\.routes\\.ts$" },
      to: { path: "\\.routes\\.ts$" },
    },
    {
      name: "repositories-are-low",
      severity: "error",
      comment: "A repository runs queries: it calls no service, route or presenter.",
      from: { path: "\\.repo\\.ts$" },
      to: { path: "\\.(service|routes|presenter)\\.ts$" },
    },
  ],
  options: {
    // Tests sit above everything and may import anything.
    exclude: { path: "\\.test\\.tsx?$|\\.e2e\\.ts$|node_modules" },
    doNotFollow: { path: "node_modules" },
    // `import type` counts: a type-only import in a circle still ties the two files together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
  },
};
