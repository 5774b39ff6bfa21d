import { type RecordsResponse, recordsInput, recordsResponse } from "../../../shared/schemas";
import { plural } from "../../../shared/text";
import { BODY_LIMITS } from "../../http/body-limit";
import { orgCtxOf } from "../../http/guards";
import { idempotent } from "../../http/idempotency";
import type { Router } from "../../http/route";
import { badRequest } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { csvLine } from "../ascwds/csv";
import { formMessage } from "../ascwds/form-messages";
import { STAFF_COLUMNS, WORKPLACE_COLUMNS } from "../ascwds/headers";
import { applyUpload, validateUpload } from "./imports.service";

/** Records sent as JSON become a one-sheet upload, so they meet exactly the same rules as files. */
function asFile(name: string, columns: readonly string[], records: Record<string, string | number | null>[]) {
  const rows = records.map((r) =>
    columns.map((c) =>
      c === "STATUS" ? String(r[c] ?? "UPDATE") : r[c] === null || r[c] === undefined ? "" : String(r[c]),
    ),
  );
  return { name, bytes: new TextEncoder().encode(`${[columns.join(","), ...rows.map(csvLine)].join("\n")}\n`) };
}

export function recordRoutes(r: Router) {
  for (const [kind, columns] of [
    ["workplaces", WORKPLACE_COLUMNS],
    ["staff", STAFF_COLUMNS],
  ] as const) {
    r.define(
      {
        method: "post",
        path: `/api/orgs/:orgId/records/${kind}`,
        response: recordsResponse,
        tag: "Records API",
        scope: "org",
        permission: kind === "staff" ? "staff.edit" : "workplaces.edit",
        summary: `Create or update ${kind === "staff" ? "staff records" : "workplaces"} from JSON objects keyed by ASC-WDS column names; all or nothing; send an Idempotency-Key to retry safely`,
        body: recordsInput,
        maxBody: BODY_LIMITS.records,
        idempotent: true,
      },
      async (c, { body }) => {
        const ctx = orgCtxOf(c);
        // Nothing sent is dropped silently: a key that is not a column of the file is refused.
        const known = new Set<string>(columns);
        const unknown = [...new Set(body.records.flatMap((r) => Object.keys(r)).filter((k) => !known.has(k)))];
        if (unknown.length) {
          throw badRequest(
            "unknown_columns",
            `${unknown.slice(0, 10).join(", ")} ${unknown.length === 1 ? "is not a column" : "are not columns"} of the ASC-WDS ${kind === "staff" ? "staff" : "workplace"} file. Use the column names exactly, in capitals (see /api/docs).`,
            unknown.map((k) => ({ path: k, message: "Not an ASC-WDS column" })),
          );
        }
        return idempotent<RecordsResponse>(c, ctx.org.id, body, async () => {
          const asAt = body.asAt ?? isoDate(ctx.deps.now());
          const file = asFile(`${kind}.json`, columns, body.records);
          const checked = await validateUpload(ctx, [file], asAt);
          const problems = checked.parsed.problems.map((p) => ({
            ...p,
            file: `${kind}.json`,
            record: p.line ? p.line - 1 : null,
          }));
          if (checked.parsed.errors)
            return {
              status: 422,
              json: {
                error: {
                  code: "records_invalid",
                  message: `${plural(checked.parsed.errors, "problem")} to fix; nothing was changed.`,
                  // The same errors for a form: keyed by the column sent, worded as the staff
                  // record form labels its fields (the problems keep the column codes).
                  issues:
                    kind === "staff"
                      ? checked.parsed.problems
                          .filter((p) => p.severity === "error")
                          .map((p) => ({ path: p.column ?? "", message: formMessage(p) }))
                      : [],
                },
                problems,
              },
            };
          // Records sent through the API never imply that others have left.
          const result = await applyUpload(ctx, [file], asAt, { missing: { default: { action: "keep" } } });
          return {
            status: 200,
            json: { applied: result.applied, changes: result.summary.changes, warnings: problems },
          };
        });
      },
    );
  }
}
