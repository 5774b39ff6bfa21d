import type { Context } from "hono";
import { z } from "zod";
import { csvText } from "../../../shared/csv";
import { commitImportInput, importResponse, importsResponse } from "../../../shared/schemas";
import { orgCtxOf } from "../../http/guards";
import { nulMessage } from "../../http/hostile-input";
import { idempotent } from "../../http/idempotency";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import type { AppEnv } from "../../http/types";
import { sha256 } from "../../lib/crypto";
import { AppError, badRequest, conflict, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { doorProblem } from "../ascwds/door";
import type { Problem } from "../ascwds/problems";
import { LIMITS } from "../ascwds/read-upload";
import { workbookOf } from "../ascwds/xlsx";
import { exportAscwds } from "./export.service";
import { receiveUpload } from "./imports.jobs";
import { presentImport, REPORT_HEADER, reportRows } from "./imports.presenter";
import { discardImport, getImport, getImportWithJob, listRecentImports, requestCommit } from "./imports.service";

export { INLINE_BYTES } from "./imports.service";

const importId = (c: Context<AppEnv>) => idParam(c, "importId", "upload");

function attachment(c: Context<AppEnv>, name: string, type: string, body: string | Uint8Array) {
  c.header("content-type", type);
  c.header("content-disposition", `attachment; filename="${name}"`);
  c.header("cache-control", "no-store");
  return c.body(typeof body === "string" ? body : (body as unknown as ArrayBuffer));
}

export function importRoutes(r: Router) {
  r.define(
    {
      method: "post",
      path: "/api/orgs/:orgId/imports",
      response: importResponse,
      tag: "Uploads",
      scope: "org",
      permission: "staff.edit",
      summary:
        "Upload ASC-WDS files (multipart form: files, and asAt as YYYY-MM-DD) to check them and preview the changes",
      form: {
        files: {
          description:
            "The ASC-WDS workplace, staff and training files (CSV), or one XLSX workbook with them as sheets",
          file: true,
          many: true,
        },
        asAt: {
          description:
            "The date (YYYY-MM-DD) the workplace file's declared vacancies, starters and leavers refer to; default today",
        },
      },
      idempotent: true,
      // Three files at the file limit, and room for the form's own parts.
      maxBody: LIMITS.files * LIMITS.fileBytes + 1024 * 1024,
    },
    async (c) => {
      const ctx = orgCtxOf(c);
      const form = await c.req.parseBody({ all: true }).catch(() => {
        throw badRequest("invalid_upload", "Send the files as a multipart form (field name: files).");
      });
      const given = ([] as unknown[]).concat(form.files ?? []).filter((f): f is File => f instanceof File);
      const asAt = typeof form.asAt === "string" && form.asAt ? form.asAt : isoDate(ctx.deps.now());
      if (!/^\d{4}-\d{2}-\d{2}$/.test(asAt) || Number.isNaN(Date.parse(asAt)))
        throw badRequest("validation", "The as-at date must be a real date as YYYY-MM-DD.", [
          { path: "asAt", message: "Enter a real date" },
        ]);
      // File names are stored and quoted in every problem: no NUL (PostgreSQL cannot store it), and short.
      const badName = given.find((f) => f.name.includes("\u0000") || f.name.length > 255);
      if (badName)
        throw badRequest(
          "invalid_file_name",
          badName.name.includes("\u0000")
            ? nulMessage("A file's name")
            : `A file's name is ${badName.name.length} characters long: names can be at most 255 characters. Rename the file and upload it again.`,
          [{ path: "files", message: "Rename the file" }],
        );
      const tooBig = given.find((f) => f.size > LIMITS.fileBytes);
      if (tooBig)
        throw badRequest(
          "too_large",
          `${tooBig.name} is ${(tooBig.size / 1048576).toFixed(1)} MB: files can be at most ${LIMITS.fileBytes / 1048576} MB.`,
          [{ path: "files", message: "Choose smaller files" }],
        );
      const files = await Promise.all(
        given.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
      );
      // A file nobody could read (a damaged workbook, one that unpacks to too much, a binary file, a
      // 49 MB line) is refused before it is stored or read; mistakes in a readable file are reported.
      for (const f of files) {
        const problem = doorProblem(f);
        if (problem)
          throw new AppError(problem.status, problem.code, problem.message, [
            { path: "files", message: problem.message },
          ]);
      }
      // A retried upload (same key, same files) gets the first upload back rather than a second copy.
      const request = { asAt, files: files.map((f) => ({ name: f.name, sha256: sha256(f.bytes) })) };
      return idempotent(c, ctx.org.id, request, async () => {
        const { record, job } = await receiveUpload(ctx, files, asAt);
        // 201 when checked while the browser waited; 202 while the job worker checks it.
        return { status: record.status === "validating" ? 202 : 201, json: { import: presentImport(record, job) } };
      });
    },
  );

  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/imports",
      response: importsResponse,
      tag: "Uploads",
      scope: "org",
      permission: "staff.view",
      summary: "Recent uploads",
    },
    async (c) => {
      const ctx = orgCtxOf(c);
      const rows = await listRecentImports(ctx);
      return c.json({ imports: rows.map((row) => ({ ...presentImport(row, null, 0), preview: undefined })) });
    },
  );

  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/imports/:importId",
      response: importResponse,
      tag: "Uploads",
      scope: "org",
      permission: "staff.view",
      summary: "An upload: its status and progress, problems and preview",
    },
    async (c) => {
      const { record, job } = await getImportWithJob(orgCtxOf(c), importId(c));
      return c.json({ import: presentImport(record, job) });
    },
  );

  r.define(
    {
      method: "post",
      path: "/api/orgs/:orgId/imports/:importId/commit",
      response: importResponse,
      tag: "Uploads",
      scope: "org",
      permission: "staff.edit",
      summary: "Apply a checked upload, saying what happens to staff missing from the file",
      body: commitImportInput,
      idempotent: true,
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const id = importId(c);
      // A retried commit with the same Idempotency-Key gets the first answer instead of a conflict.
      return idempotent(c, ctx.org.id, { id, body }, async () => {
        const { record, queued } = await requestCommit(ctx, id, body);
        return { status: queued ? 202 : 200, json: { import: presentImport(record) } };
      });
    },
  );

  r.define(
    {
      method: "delete",
      path: "/api/orgs/:orgId/imports/:importId",
      response: importResponse,
      tag: "Uploads",
      scope: "org",
      permission: "staff.edit",
      summary: "Cancel an upload that has not been applied: nothing changes, and its files and preview are removed",
    },
    async (c) => {
      const row = await discardImport(orgCtxOf(c), importId(c));
      return c.json({ import: presentImport(row) });
    },
  );

  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/imports/:importId/report",
      tag: "Uploads",
      scope: "org",
      permission: "staff.view",
      summary:
        "The upload's problems as a CSV or XLSX file (format=csv|xlsx); never holds NI numbers or dates of birth",
      query: z.object({ format: z.enum(["csv", "xlsx"], { error: "format must be csv or xlsx" }).default("csv") }),
      produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    },
    async (c, { query }) => {
      const row = await getImport(orgCtxOf(c), importId(c));
      if (row.status === "validating") throw conflict("not_ready", "The upload is still being checked.");
      const rows = reportRows((row.problems as Problem[] | null) ?? []);
      const name = `upload-report-${row.asAt}`;
      if (query.format === "xlsx") {
        const xlsx = await workbookOf([{ name: "Problems", header: REPORT_HEADER, rows }]);
        return attachment(c, `${name}.xlsx`, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx);
      }
      return attachment(c, `${name}.csv`, "text/csv; charset=utf-8", `\ufeff${csvText(REPORT_HEADER, rows)}`);
    },
  );

  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/ascwds/:file",
      tag: "Uploads",
      scope: "org",
      permission: "staff.view",
      summary:
        "Download current data as an ASC-WDS file (workplace.csv, staff.csv or training.csv); uploading it again changes nothing",
      produces: "text/csv",
    },
    async (c) => {
      const ctx = orgCtxOf(c);
      const file = c.req.param("file");
      if (file !== "workplace.csv" && file !== "staff.csv" && file !== "training.csv") throw notFound("file");
      const files = await exportAscwds(ctx);
      const text = files[file.replace(".csv", "") as "workplace" | "staff" | "training"];
      return attachment(c, `${ctx.org.slug}-${file}`, "text/csv; charset=utf-8", text);
    },
  );
}
