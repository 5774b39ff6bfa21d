import { createHmac } from "node:crypto";
import { longDate } from "../../../shared/dates";
import {
  JOBS_PAGE_SIZE,
  type JobAlertInput,
  type JobAlertResponse,
  jobAlertCriteria,
  jobAlertInput,
} from "../../../shared/schemas/jobs";
import { type Ctx, type Deps, inTransaction, systemCtx } from "../../context";
import { newToken, sha256 } from "../../lib/crypto";
import { AppError, badRequest } from "../../lib/errors";
import { addDays, addMinutes } from "../../lib/time";
import { oneLine, queueEmail } from "../mail/mail.service";
import * as repo from "./board.repo";
import { boardFilter, councilBoard } from "./board.service";

// Job alerts (issue 17 item 2): an email address follows a board search. Nothing is sent until
// the person confirms by the emailed link; then a periodic job emails, at most once a day, the
// adverts published since the last email that match. Links carry a token the table keeps only
// as its SHA-256. One pending alert per address and search: asking again within a few minutes
// sends no second email, and at most three unconfirmed alerts go to one address in a day, so the
// form cannot be used to flood someone's inbox.

/** How long a confirmation link works; unconfirmed alerts are then removed with their address. */
export const CONFIRM_DAYS = 7;
/** Asking again for the same pending alert within this time sends nothing more. */
export const RESEND_MINUTES = 15;
/** At most this many unconfirmed alerts to one address in a day: more asks send nothing (different searches cannot flood an inbox either). */
export const PENDING_PER_DAY = 3;
/** The least time between two alert emails to one address for one search. */
export const ALERT_EVERY_HOURS = 24;
const PENDING_MESSAGE =
  "Check your email. We have sent you a link to confirm your job alert. We will not email you any jobs until you open it.";

/**
 * The unsubscribe token of a confirmed alert: derived from its id with the hub's secret, so each
 * alert email can carry the same working link while the table holds only its hash.
 */
const unsubscribeToken = (secret: string, alertId: string) =>
  createHmac("sha256", `job-alert-unsubscribe:${secret}`).update(alertId).digest("base64url");

/** The criteria as stored: the filters given, in a fixed order, empty ones left out (so the same search is the same alert). */
function canonicalCriteria(raw: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(raw).sort()) {
    const value = raw[key]?.trim();
    if (value) out[key] = value;
  }
  return out;
}

function parseCriteria(raw: Record<string, string>) {
  const parsed = jobAlertCriteria.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({
    path: ["criteria", ...i.path].join("."),
    message: i.code === "unrecognized_keys" ? "An alert follows the board's filters only" : i.message,
  }));
  throw badRequest("validation", issues[0]?.message ?? "The search is not valid.", issues);
}

const base = (ctx: Ctx) => ctx.deps.env.PUBLIC_URL;

export async function createJobAlert(ctx: Ctx, input: JobAlertInput): Promise<JobAlertResponse> {
  const body = jobAlertInput.parse(input);
  const council = await councilBoard(ctx, body.council);
  const criteria = canonicalCriteria(body.criteria);
  // The search must make sense now (a postcode the hub knows, a role of the framework).
  await boardFilter(ctx, council.id, parseCriteria(criteria));
  const email = body.email.toLowerCase();
  const now = ctx.deps.now();
  return inTransaction(ctx, async (tx) => {
    const same = await repo.findSameAlert(tx.db, council.id, email, criteria);
    // Already following this search, or asked a moment ago: the same answer, and no second email.
    if (same?.confirmedAt || (same && same.createdAt > addMinutes(now, -RESEND_MINUTES)))
      return { status: "pending", message: PENDING_MESSAGE };
    // Someone asking for many different searches to one address: no more confirmation emails today.
    if (!same && (await repo.countPendingAlertsTo(tx.db, email, addDays(now, -1))) >= PENDING_PER_DAY)
      return { status: "pending", message: PENDING_MESSAGE };
    const token = newToken();
    if (same) await repo.updateAlert(tx.db, same.id, { tokenHash: sha256(token), createdAt: now });
    else
      await repo.insertAlert(tx.db, {
        councilId: council.id,
        email,
        criteria,
        tokenHash: sha256(token),
        createdAt: now,
      });
    await queueEmail(tx, {
      to: email,
      template: "job_alert_confirm",
      subject: `Confirm your job alert for care jobs in ${council.name}`,
      body: [
        `You asked for emails about new care jobs in ${oneLine(council.name)}${describe(criteria)}.`,
        "",
        "Confirm your job alert by opening this link:",
        `${base(ctx)}/jobs/alerts/confirm?token=${token}`,
        "",
        `The link works for ${CONFIRM_DAYS} days. If you did not ask for this, ignore this email: we will not email you again.`,
      ].join("\n"),
    });
    return { status: "pending", message: PENDING_MESSAGE };
  });
}

/** "" or ": care worker, within 10 miles of WA7 1AB" from the stored criteria. */
function describe(criteria: Record<string, string>): string {
  const parts: string[] = [];
  if (criteria.q) parts.push(`"${oneLine(criteria.q)}"`);
  if (criteria.role) parts.push(`role ${criteria.role}`);
  if (criteria.postcode) parts.push(`within ${criteria.radius ?? "10"} miles of ${oneLine(criteria.postcode)}`);
  if (criteria.payMin) parts.push(`paying at least £${criteria.payMin} an hour`);
  if (criteria.contract) parts.push(criteria.contract);
  if (criteria.hours) parts.push(criteria.hours.replace("_", " "));
  return parts.length ? ` (${parts.join(", ")})` : "";
}

const gone = () =>
  new AppError(404, "not_found", "This link has expired or has already been used. Sign up for the job alert again.");

export async function confirmJobAlert(ctx: Ctx, token: string): Promise<JobAlertResponse> {
  const alert = await repo.findAlertByTokenHash(ctx.db, sha256(token));
  const now = ctx.deps.now();
  if (!alert || alert.confirmedAt || alert.createdAt < addDays(now, -CONFIRM_DAYS)) throw gone();
  // The confirmation link is spent: from now on the alert answers to its unsubscribe token.
  await repo.updateAlert(ctx.db, alert.id, {
    confirmedAt: now,
    tokenHash: sha256(unsubscribeToken(ctx.deps.secret, alert.id)),
  });
  return {
    status: "confirmed",
    message: "Your job alert is set up. We will email you when new jobs that match your search are published.",
  };
}

/** Stops an alert (pending or confirmed) and removes it with its address; the same answer for a link already used. */
export async function unsubscribeJobAlert(ctx: Ctx, token: string): Promise<JobAlertResponse> {
  const alert = await repo.findAlertByTokenHash(ctx.db, sha256(token));
  if (alert) await repo.deleteAlert(ctx.db, alert.id);
  return { status: "unsubscribed", message: "You have unsubscribed. We will not email you this job alert again." };
}

/**
 * The periodic job: each confirmed alert not emailed for a day gets the adverts published since
 * its last email (or its confirmation) that match its search, if there are any; unconfirmed
 * alerts whose link has expired are removed.
 */
export async function sendJobAlerts(deps: Deps): Promise<{ emailed: number; removed: number }> {
  const ctx = systemCtx(deps);
  const now = deps.now();
  const removed = await repo.deleteUnconfirmedAlerts(deps.db, addDays(now, -CONFIRM_DAYS));
  let emailed = 0;
  for (const alert of await repo.listAlertsDue(deps.db, new Date(now.getTime() - ALERT_EVERY_HOURS * 3_600_000))) {
    const since = alert.lastSentAt ?? alert.confirmedAt ?? alert.createdAt;
    const council = await repo.findCouncilById(deps.db, alert.councilId);
    let rows: repo.BoardRow[] = [];
    try {
      const criteria = jobAlertCriteria.parse(alert.criteria);
      const { filter } = await boardFilter(ctx, alert.councilId, criteria);
      rows = await repo.searchAdverts(
        deps.db,
        { ...filter, publishedAfter: since, publishedUpTo: now },
        { limit: JOBS_PAGE_SIZE, offset: 0 },
      );
    } catch (err) {
      // A search that no longer makes sense (a role the framework dropped): skipped, not failed.
      deps.log.warn("job alert skipped", { alertId: alert.id, reason: (err as Error).message });
    }
    await inTransaction(ctx, async (tx) => {
      if (rows.length && council) {
        const total = rows[0].total;
        await queueEmail(tx, {
          to: alert.email,
          template: "job_alert",
          subject: `${total} new care ${total === 1 ? "job" : "jobs"} in ${council.name}`,
          body: [
            `New care jobs in ${oneLine(council.name)} that match your job alert${describe(alert.criteria as Record<string, string>)}:`,
            "",
            ...rows.flatMap((r) => [
              `${oneLine(r.title)}, ${oneLine(r.employer_name)}`,
              `Closes ${longDate(r.closing_date)}`,
              `${base(ctx)}/jobs/${r.id}?source=alert`,
              "",
            ]),
            total > rows.length ? `And ${total - rows.length} more on the job board.` : "",
            `Stop these emails: ${base(ctx)}/jobs/alerts/unsubscribe?token=${unsubscribeToken(deps.secret, alert.id)}`,
          ].join("\n"),
        });
        emailed++;
      }
      await repo.updateAlert(tx.db, alert.id, { lastSentAt: now });
    });
  }
  return { emailed, removed };
}
