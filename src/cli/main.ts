import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { openDeps, prepareDatabase } from "../server/boot";
import { systemCtx } from "../server/context";
import type { Database } from "../server/db/client";
import { EnvError, loadEnv } from "../server/env";
import { AppError } from "../server/lib/errors";
import { createLogger } from "../server/lib/logger";
import { resolveSecret } from "../server/lib/secret";
import { isoDate } from "../server/lib/time";
import { requestPasswordReset } from "../server/modules/auth/auth.service";
import { findSettings } from "../server/modules/commissioning/price-floor.repo";
import { databaseIsEmpty, seedDemo } from "../server/modules/demo/seed";
import { dumpSql } from "../server/modules/export/sql-dump";
import { applyUpload, summaryOf, validateUpload } from "../server/modules/imports/imports.service";
import { metricsFor } from "../server/modules/metrics/metrics.service";
import { commissionProvider, createOrganisation, findOrg } from "../server/modules/orgs/orgs.service";
import { recruitmentFunnel } from "../server/modules/recruitment/funnel.service";
import { generateBoardReport, type ReportFormat } from "../server/modules/strategy-report/strategy-report.service";
import { presentMatrix } from "../server/modules/training/delivery.presenter";
import { trainingMatrix } from "../server/modules/training/matrix.service";
import { matrixCsv } from "../server/modules/training/matrix-export";
import { trainingUptake } from "../server/modules/training/uptake.service";
import { createUserWithMembership } from "../server/modules/users/users.service";
import { csvLineDefused } from "../shared/csv";
import { ORG_KINDS, type OrgKind, ROLES, type Role } from "../shared/permissions";
import { email as emailSchema, orgName as orgNameSchema, slug as slugSchema } from "../shared/schemas";
import { boardReportQuarter } from "../shared/schemas/strategy-report";
import { type Format, parse, required, UsageError } from "./args";
import { CENSUS_USAGE, censusOutput, parseCensusArgs } from "./census";
import { PRICE_FLOOR_USAGE, parsePriceFloorArgs, priceFloorOutput } from "./price-floor";
import { parseQppArgs, QPP_USAGE, qppOutput } from "./qpp";

const USAGE = `Usage: hub <command> [options]   (or: npm run hub -- <command> [options])

Commands:
  seed [--reset] [--anchor YYYY-MM-DD]      Load the demo system into an empty database (--reset wipes it first)
  org create --kind <kind> --name <name> [--slug <slug>] [--council <id-or-slug>]
                                            Create an organisation (kinds: ${ORG_KINDS.join(", ")})
  user create --email <e> --org <id-or-slug> --role <role> [--name <name>]
                                            Create a user in an organisation and email them a link to set a password
                                            (roles: ${ROLES.join(", ")})
  import --org <id-or-slug> [--commit] [--as-at YYYY-MM-DD] [--leavers-date YYYY-MM-DD] <file>...
                                            Validate ASC-WDS files (CSV or XLSX) and print the report; with --commit apply
                                            them, marking staff missing from a staff file, and rows marked DELETE, as
                                            leavers on --leavers-date (default the as-at date) with the reason "Reason not
                                            known" (the file does not say why). Exit code 1 when there are errors.
  metrics --org <id-or-slug> [--scope employer|council|workplace:<ref>] [--at YYYY-MM-DD] [--metrics a,b]
          [--format json|csv|text]          Print workforce figures as { "<name>": value } (names as in docs/metrics.md;
                                            rates as fractions, money in pounds; null when there is no data)
  report board --org <council> --quarter <YYYY-Qn> --out <file.docx|file.pdf>
                                            Generate the council's quarterly board report (Word or PDF, as the file's
                                            extension says), kept with every report generated before
  recruitment funnel --org <council|employer> [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                                            The recruitment funnel (stages) and retention of hires by route, as
                                            { stages: [{ stage, count }], byRoute: [{ route, hires, retained3m, ... }] };
                                            counts withheld as on the page are null with the reason (docs/metrics.md)
  training uptake --org <council|provider|training partner> [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                                            Training uptake (bookings, attended, completions, did not attend, late
                                            cancellations, places unused) in total and by provider, course and month, as
                                            the page gives it; a council's whole quarters, counts withheld null with the reason
  training matrix --org <provider|council> [--format csv|json|text]
                                            The training matrix: staff in post × the training the organisation requires,
                                            each valid, expiring (within 60 days), expired or missing, as the page and its
                                            CSV export give it
${PRICE_FLOOR_USAGE}
${QPP_USAGE}
${CENSUS_USAGE}
  export [--out <file.sql>]                 Write a SQL dump of the embedded database (loads into PostgreSQL with psql)

Every command reads DATA_DIR and DATABASE_URL like the server, and takes --format text|json.`;

type Out = { format: Format; data: Record<string, unknown>; text: string; exitCode?: number };

function check<T>(schema: z.ZodType<T>, value: unknown, flag: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new UsageError(`${flag}: ${r.error.issues[0]?.message}`);
  return r.data;
}

async function run(argv: string[], io: CliIo): Promise<Out> {
  const [command, sub, ...rest] = argv;
  if (!command || command === "help" || command === "--help") throw new UsageError("");
  const env = loadEnv(io.env);
  const quiet = createLogger(env.LOG_LEVEL === "debug" ? "debug" : "warn");

  const withDb = async <T>(fn: (ctx: ReturnType<typeof systemCtx>, database: Database) => Promise<T>) => {
    if (io.database)
      return fn(
        systemCtx({ db: io.database.db, env, log: quiet, secret: resolveSecret(env), now: () => new Date() }),
        io.database,
      );
    const { deps, database } = await openDeps(env, quiet);
    try {
      return await fn(systemCtx(deps), database);
    } finally {
      await database.close();
    }
  };

  if (command === "seed") {
    const { values, format } = parse([sub, ...rest].filter(Boolean) as string[], {
      reset: { type: "boolean" },
      anchor: { type: "string" },
    });
    const anchor = values.anchor
      ? check(z.iso.date("--anchor must be a date as YYYY-MM-DD"), values.anchor, "--anchor")
      : isoDate(new Date());
    if (values.reset && env.NODE_ENV === "production")
      throw new UsageError("seed --reset wipes the database and is refused when NODE_ENV=production");
    return withDb(async (ctx, database) => {
      if (values.reset) {
        await ctx.db.execute(
          sql.raw("DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;"),
        );
        await prepareDatabase(database);
      } else if (!(await databaseIsEmpty(ctx))) {
        throw new UsageError(
          "The database already has organisations in it. Use seed --reset to wipe it and load the demo system.",
        );
      }
      const result = await seedDemo(ctx, { anchor });
      const text = [
        `Demo system loaded as at ${anchor}: ${result.counts.organisations} organisations, ${result.counts.workplaces} workplaces, ${result.counts.staffRecords} staff records.`,
        ...result.credentials.map((c) => `  ${c.role.padEnd(34)} ${c.email}`),
        `  Password: ${result.credentials[0].password}`,
      ].join("\n");
      return { format, data: { anchor, ...result.counts, users: result.credentials }, text };
    });
  }

  if (command === "org" && sub === "create") {
    const { values, format } = parse(rest, {
      kind: { type: "string" },
      name: { type: "string" },
      slug: { type: "string" },
      council: { type: "string" },
    });
    const kind = check(
      z.enum(ORG_KINDS, { error: `--kind must be one of: ${ORG_KINDS.join(", ")}` }),
      required(values.kind, "--kind"),
      "--kind",
    ) as OrgKind;
    const name = check(orgNameSchema, required(values.name, "--name"), "--name");
    const slug = values.slug ? check(slugSchema, values.slug, "--slug") : undefined;
    return withDb(async (ctx) => {
      const council = values.council ? await findOrg(ctx, values.council) : undefined;
      if (values.council && council?.kind !== "council")
        throw new UsageError(`--council: no council with id or short name "${values.council}"`);
      const org = await ctx.db.transaction(async (tx) => {
        const c = { ...ctx, db: tx };
        const created = await createOrganisation(c, { kind, name, slug });
        if (council)
          await commissionProvider(c, { councilId: council.id, providerId: created.id, fromDate: isoDate(new Date()) });
        return created;
      });
      return {
        format,
        data: { id: org.id, kind: org.kind, name: org.name, slug: org.slug, commissionedBy: council?.id ?? null },
        text: `Created ${org.kind} "${org.name}" (id ${org.id}, short name ${org.slug})${council ? `, commissioned by ${council.name}` : ""}.`,
      };
    });
  }

  if (command === "user" && sub === "create") {
    const { values, format } = parse(rest, {
      email: { type: "string" },
      org: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
    });
    const email = check(emailSchema, required(values.email, "--email"), "--email");
    const role = check(
      z.enum(ROLES, { error: `--role must be one of: ${ROLES.join(", ")}` }),
      required(values.role, "--role"),
      "--role",
    ) as Role;
    const orgRef = required(values.org, "--org");
    return withDb(async (ctx) => {
      const org = await findOrg(ctx, orgRef);
      if (!org) throw new UsageError(`--org: no organisation with id or short name "${orgRef}"`);
      const { user, membership } = await createUserWithMembership(ctx, {
        email,
        name: values.name,
        orgId: org.id,
        role,
      });
      // They choose their own password through the emailed link.
      await requestPasswordReset(ctx, { email });
      return {
        format,
        data: {
          userId: user.id,
          email,
          organisation: { id: org.id, slug: org.slug },
          role,
          membershipId: membership?.id ?? null,
          passwordLinkEmailed: true,
        },
        text: `Created ${email} as ${role} in ${org.name}. An email with a link to set their password is in the outbox.`,
      };
    });
  }

  if (command === "import") {
    const { values, positionals, format } = parse([sub, ...rest].filter(Boolean) as string[], {
      org: { type: "string" },
      commit: { type: "boolean" },
      "as-at": { type: "string" },
      "leavers-date": { type: "string" },
    });
    const orgRef = required(values.org, "--org");
    const date = z.iso.date("must be a date as YYYY-MM-DD");
    const asAt = values["as-at"] ? check(date, values["as-at"], "--as-at") : isoDate(new Date());
    const leaversDate = values["leavers-date"] ? check(date, values["leavers-date"], "--leavers-date") : asAt;
    if (leaversDate > asAt) throw new UsageError(`--leavers-date ${leaversDate} is after --as-at ${asAt}`);
    if (!positionals.length)
      throw new UsageError(
        "give the files to import, for example: hub import --org my-care workplace.csv staff.csv training.csv",
      );
    const files = positionals.map((path) => {
      if (!existsSync(path)) throw new UsageError(`no such file: ${path}`);
      return { name: basename(path), bytes: new Uint8Array(readFileSync(path)) };
    });
    return withDb(async (ctx) => {
      const org = await findOrg(ctx, orgRef);
      if (!org) throw new UsageError(`--org: no organisation with id or short name "${orgRef}"`);
      const orgCtx = {
        ...ctx,
        org: { id: org.id, kind: org.kind as OrgKind, name: org.name, slug: org.slug, isDemo: org.isDemo },
        role: null,
      };
      const v = await validateUpload(orgCtx, files, asAt);
      const summary = summaryOf(v);
      const problems = v.parsed.problems.map(({ file, line, column, code, severity, message }) => ({
        file,
        line,
        column,
        code,
        severity,
        message,
      }));
      let applied: unknown = null;
      if (values.commit && !v.parsed.errors) {
        applied = (
          await applyUpload(orgCtx, files, asAt, {
            missing: { default: { action: "leaver", leavingDate: leaversDate, reason: 9 } },
            deleted: { default: { leavingDate: leaversDate, reason: 9 } },
          })
        ).applied;
      }
      const failed = v.parsed.errors > 0;
      const text = [
        `${org.name}: ${summary.rows.workplace} workplace, ${summary.rows.staff} staff and ${summary.rows.training} training rows as at ${asAt}.`,
        `${summary.errors} error${summary.errors === 1 ? "" : "s"}, ${summary.warnings} warning${summary.warnings === 1 ? "" : "s"}.`,
        ...problems
          .slice(0, 200)
          .map(
            (p) =>
              `  ${p.severity.toUpperCase()} ${p.file}${p.line ? ` line ${p.line}` : ""}${p.column ? ` ${p.column}` : ""} [${p.code}] ${p.message}`,
          ),
        ...(problems.length > 200 ? [`  … and ${problems.length - 200} more (use --format json for all)`] : []),
        v.preview ? `Changes: ${JSON.stringify(v.preview.totals)}` : "",
        applied
          ? `Applied: ${JSON.stringify(applied)}`
          : values.commit
            ? "Nothing was changed because of the errors."
            : "Validated only: add --commit to apply.",
      ].filter(Boolean);
      return {
        format,
        data: { summary: { ...summary, asAt, committed: Boolean(applied), applied }, problems },
        text: text.join("\n"),
        exitCode: failed ? 1 : 0,
      };
    });
  }

  if (command === "metrics") {
    // --format csv is this command's own: take it out before the shared parser (text|json).
    const args = [sub, ...rest].filter(Boolean) as string[];
    const csvAt = args.findIndex((a, i) => (a === "--format" && args[i + 1] === "csv") || a === "--format=csv");
    const csv = csvAt >= 0;
    if (csv) args.splice(csvAt, args[csvAt] === "--format=csv" ? 1 : 2);
    const { values, format } = parse(args, {
      org: { type: "string" },
      scope: { type: "string" },
      at: { type: "string" },
      metrics: { type: "string" },
    });
    const orgRef = required(values.org, "--org");
    const at = values.at ? check(z.iso.date("must be a date as YYYY-MM-DD"), values.at, "--at") : isoDate(new Date());
    const names = (values.metrics ?? "")
      .split(",")
      .map((m) => m.trim())
      .filter(Boolean);
    return withDb(async (ctx) => {
      const org = await findOrg(ctx, orgRef);
      if (!org) throw new UsageError(`--org: no organisation with id or short name "${orgRef}"`);
      const orgCtx = {
        ...ctx,
        org: { id: org.id, kind: org.kind as OrgKind, name: org.name, slug: org.slug, isDemo: org.isDemo },
        role: null,
      };
      let result: Awaited<ReturnType<typeof metricsFor>>;
      try {
        result = await metricsFor(orgCtx, values.scope, at, names);
      } catch (e) {
        if (e instanceof AppError && e.status === 400) throw new UsageError(e.message);
        throw e;
      }
      const flat = Object.fromEntries(Object.entries(result.figures).map(([k, f]) => [k, f.value]));
      const lines = Object.entries(result.figures).map(
        ([k, f]) => `${k}: ${f.value === null ? `no value (${f.reason})` : f.value}`,
      );
      if (csv)
        return {
          format: "text" as const,
          data: flat,
          // Through the shared writer, like every file the hub writes: quoted and defused.
          text: [
            ["metric", "value", "reason", "n"],
            ...Object.entries(result.figures).map(([k, f]) => [k, f.value, f.reason ?? null, f.n]),
          ]
            .map(csvLineDefused)
            .join("\n"),
        };
      return { format, data: flat, text: [`${org.name}, ${result.scope.kind}, as at ${at}:`, ...lines].join("\n") };
    });
  }

  if (command === "report" && sub === "board") {
    const { values, format } = parse(rest, {
      org: { type: "string" },
      quarter: { type: "string" },
      out: { type: "string" },
    });
    const orgRef = required(values.org, "--org");
    const quarter = check(boardReportQuarter, required(values.quarter, "--quarter"), "--quarter");
    const out = required(values.out, "--out");
    const ext = /\.(docx|pdf)$/i.exec(out)?.[1]?.toLowerCase() as ReportFormat | undefined;
    if (!ext) throw new UsageError(`--out must name a .docx or .pdf file, not "${out}"`);
    return withDb(async (ctx) => {
      const org = await findOrg(ctx, orgRef);
      if (org?.kind !== "council") throw new UsageError(`--org: no council with id or short name "${orgRef}"`);
      const orgCtx = {
        ...ctx,
        org: { id: org.id, kind: org.kind as OrgKind, name: org.name, slug: org.slug, isDemo: org.isDemo },
        role: null,
      };
      const report = await generateBoardReport(orgCtx, quarter, ext);
      writeFileSync(out, report.bytes);
      return {
        format,
        data: { file: out, format: ext, quarter, bytes: report.bytes.length, sha256: report.sha256, id: report.id },
        text: `Wrote ${out}: ${org.name}'s board report for ${quarter} (${report.bytes.length.toLocaleString("en-GB")} bytes, SHA-256 ${report.sha256.slice(0, 12)}…), kept as version ${report.id}.`,
      };
    });
  }

  if (command === "training" && sub === "matrix") {
    // --format csv is this command's own, as for metrics: take it out before the shared parser.
    const args = [...rest];
    const csvAt = args.findIndex((a, i) => (a === "--format" && args[i + 1] === "csv") || a === "--format=csv");
    const csv = csvAt >= 0;
    if (csv) args.splice(csvAt, args[csvAt] === "--format=csv" ? 1 : 2);
    const { values, format } = parse(args, { org: { type: "string" } });
    const orgRef = required(values.org, "--org");
    return withDb(async (ctx) => {
      const org = await findOrg(ctx, orgRef);
      if (org?.kind !== "council" && org?.kind !== "provider")
        throw new UsageError(`--org: no council or care provider with id or short name "${orgRef}"`);
      const orgCtx = {
        ...ctx,
        org: { id: org.id, kind: org.kind as OrgKind, name: org.name, slug: org.slug, isDemo: org.isDemo },
        role: null,
      };
      const m = await trainingMatrix(orgCtx, {});
      const data = presentMatrix(m);
      if (csv)
        return {
          format: "text" as const,
          data,
          text: matrixCsv(m)
            .replace(/^\ufeff/, "")
            .trimEnd(),
        };
      const text = [
        `${org.name}: training matrix on ${m.day} (${m.rows.length} staff in post)`,
        ...m.categories.map((c) => {
          const cells = m.rows.flatMap((r) => r.cells.filter((x) => x.category === c.category && x.state));
          const n = (state: string) => cells.filter((x) => x.state === state).length;
          return `  ${c.label}: ${n("valid")} valid, ${n("expiring")} expiring, ${n("expired")} expired, ${n("missing")} missing`;
        }),
      ];
      return { format, data, text: text.join("\n") };
    });
  }

  if (command === "recruitment" && sub === "funnel") {
    const { values, format } = parse(rest, {
      org: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
    });
    const orgRef = required(values.org, "--org");
    const date = z.iso.date("must be a date as YYYY-MM-DD");
    const from = values.from ? check(date, values.from, "--from") : undefined;
    const to = values.to ? check(date, values.to, "--to") : undefined;
    return withDb(async (ctx) => {
      const org = await findOrg(ctx, orgRef);
      if (org?.kind !== "council" && org?.kind !== "provider")
        throw new UsageError(`--org: no council or care provider with id or short name "${orgRef}"`);
      const orgCtx = {
        ...ctx,
        org: { id: org.id, kind: org.kind as OrgKind, name: org.name, slug: org.slug, isDemo: org.isDemo },
        role: null,
      };
      const f = await recruitmentFunnel(orgCtx, { from, to });
      const data = funnelForCli(f);
      const show = (c: { count: number | null; reason?: string }) => (c.count === null ? `- (${c.reason})` : c.count);
      const text = [
        `${org.name}: recruitment funnel ${f.from} to ${f.to}`,
        ...data.stages.map((s) => `  ${s.stage.padEnd(10)} ${show(s)}`),
        "Retention of hires (retained of those whose mark has passed):",
        ...[...f.retention, f.retentionAll].map(
          (r) =>
            `  ${r.label}: ${show(r.hires)} hires; ${r.marks.map((m) => `${m.months} months ${show(m.retained)} of ${show(m.eligible)}`).join(", ")}`,
        ),
      ];
      return { format, data, text: text.join("\n") };
    });
  }

  if (command === "training" && sub === "uptake") {
    const { values, format } = parse(rest, {
      org: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
    });
    const orgRef = required(values.org, "--org");
    const date = z.iso.date("must be a date as YYYY-MM-DD");
    const from = values.from ? check(date, values.from, "--from") : undefined;
    const to = values.to ? check(date, values.to, "--to") : undefined;
    return withDb(async (ctx) => {
      const org = await findOrg(ctx, orgRef);
      if (org?.kind !== "council" && org?.kind !== "provider" && org?.kind !== "training_partner")
        throw new UsageError(`--org: no council, care provider or training partner with id or short name "${orgRef}"`);
      const orgCtx = {
        ...ctx,
        org: { id: org.id, kind: org.kind as OrgKind, name: org.name, slug: org.slug, isDemo: org.isDemo },
        role: null,
      };
      const u = await trainingUptake(orgCtx, { from, to });
      const show = (c: { count: number | null; reason?: string }) => (c.count === null ? `- (${c.reason})` : c.count);
      const line = (label: string, c: typeof u.total) =>
        `  ${label}: ${Object.entries(c)
          .map(([k, v]) => `${k} ${show(v)}`)
          .join(", ")}`;
      const text = [
        `${org.name}: training uptake ${u.from} to ${u.to}`,
        line("All", u.total),
        ...(
          [
            ["By provider", u.byProvider],
            ["By course", u.byCourse],
            ["By month", u.byMonth],
          ] as const
        ).flatMap(([title, rows]) => [title, ...rows.map((r) => line(r.label, r.counts))]),
      ];
      return { format, data: u, text: text.join("\n") };
    });
  }

  if (command === "price-floor") {
    const args = parsePriceFloorArgs([sub, ...rest].filter((a) => a !== undefined) as string[]);
    if (!args.org) return priceFloorOutput(args, null);
    const orgRef = args.org;
    return withDb(async (ctx) => {
      const org = await findOrg(ctx, orgRef);
      if (org?.kind !== "council") throw new UsageError(`--org: no council with id or short name "${orgRef}"`);
      const row = await findSettings(ctx.db, org.id, args.year, args.careType);
      return priceFloorOutput(args, (row?.assumptions as Record<string, number> | undefined) ?? null, org.name);
    });
  }

  if (command === "qpp") {
    const args = parseQppArgs([sub, ...rest].filter((a) => a !== undefined) as string[]);
    return withDb(async (ctx) => {
      const org = await findOrg(ctx, args.org);
      if (org?.kind !== "council") throw new UsageError(`--org: no council with id or short name "${args.org}"`);
      return qppOutput(ctx, org, args);
    });
  }

  if (command === "census") {
    const args = parseCensusArgs([sub, ...rest].filter((a) => a !== undefined) as string[]);
    return withDb(async (ctx) => {
      const org = await findOrg(ctx, args.org);
      if (org?.kind !== "council") throw new UsageError(`--org: no council with id or short name "${args.org}"`);
      return censusOutput(ctx, org, args);
    });
  }

  if (command === "export") {
    const { values, format } = parse([sub, ...rest].filter(Boolean) as string[], { out: { type: "string" } });
    const out = values.out ?? `hub-export-${isoDate(new Date())}.sql`;
    return withDb(async (_ctx, database) => {
      const dump = await dumpSql(database);
      writeFileSync(out, dump);
      return {
        format,
        data: { file: out, bytes: Buffer.byteLength(dump) },
        text: `Wrote ${out} (${Buffer.byteLength(dump).toLocaleString("en-GB")} bytes). Load it into PostgreSQL with: psql <database> -f ${out}`,
      };
    });
  }

  throw new UsageError(`unknown command "${[command, sub].filter(Boolean).join(" ")}"`);
}

/**
 * The funnel as `hub recruitment funnel` prints it: each stage's count, and per route the hires
 * and how many were retained at 3, 6 and 12 months (with how many were due); a withheld count is
 * null and its reason is in `reasons` under the same name.
 */
function funnelForCli(f: Awaited<ReturnType<typeof recruitmentFunnel>>) {
  const stages = Object.entries(f.stages).map(([stage, c]) => ({
    stage,
    count: c.count,
    ...(c.reason ? { reason: c.reason } : {}),
  }));
  const byRoute = [...f.retention, f.retentionAll].map((r) => {
    const fields: Record<string, { count: number | null; reason?: string }> = { hires: r.hires };
    for (const m of r.marks) {
      fields[`retained${m.months}m`] = m.retained;
      fields[`eligible${m.months}m`] = m.eligible;
    }
    const reasons = Object.fromEntries(
      Object.entries(fields)
        .filter(([, c]) => c.reason)
        .map(([k, c]) => [k, c.reason]),
    );
    return {
      route: r.key === "all" ? "all" : r.label,
      ...Object.fromEntries(Object.entries(fields).map(([k, c]) => [k, c.count])),
      ...(Object.keys(reasons).length ? { reasons } : {}),
    };
  });
  return { org: f.org.name, from: f.from, to: f.to, stages, byRoute };
}

/** Where a command writes, and the environment it reads: the process's own, or a test's. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** An open database to run against, left open, instead of opening the one the environment names (the tests' own). */
  database?: Database;
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
};

/** Runs one `hub` command and resolves to its exit code. The tests call it in process, with their own io. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const wantsJson = argv.includes("--format=json") || argv.join(" ").includes("--format json");
  try {
    const out = await run(argv, io);
    io.stdout(out.format === "json" ? `${JSON.stringify(out.data)}\n` : `${out.text}\n`);
    return out.exitCode ?? 0;
  } catch (err) {
    const usage = err instanceof UsageError;
    const message = usage
      ? err.message
      : err instanceof EnvError || err instanceof AppError
        ? err.message
        : `${(err as Error).message}`;
    if (wantsJson)
      io.stdout(
        `${JSON.stringify({ error: { code: usage ? "usage" : err instanceof AppError ? err.code : "failed", message } })}\n`,
      );
    else io.stderr(usage ? `${message ? `hub: ${message}\n\n` : ""}${USAGE}\n` : `hub: ${message}\n`);
    return usage && !message ? 0 : usage ? 2 : 1;
  }
}

// Run as the `hub` command (bin/hub.mjs, npm run hub), not when a test imports `main`. The exit
// is forced, as before: a command that failed half way may leave a database connection open.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
