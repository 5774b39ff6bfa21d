import { z } from "zod";
import { systemCtx } from "./context";
import { handleJob, jobType, pruneFinishedJobs } from "./jobs/worker";
import { discardOldSignInRecords } from "./modules/auth/auth.service";
import { discardStaleImports } from "./modules/imports/imports.service";
import { deliverOutbox } from "./modules/mail/mail.service";
import { refreshSummaries } from "./modules/metrics/refresh";
import { eraseExpiredCandidateData } from "./modules/recruitment/account.service";
import { closeAdvertsPastClosingDate } from "./modules/recruitment/adverts.service";
import { sendJobAlerts } from "./modules/recruitment/board-alerts.service";
import { sendReturnReminders } from "./modules/returns/returns.service";
import { sendAsyeReminders } from "./modules/socialwork/asye-reminders.service";
import { sendSupervisionReminders } from "./modules/socialwork/supervision-reminders.service";
import { chaseOverdueUpdates } from "./modules/strategy/updates.service";
import { sendBookingReminders } from "./modules/training/booking-reminders";
import { sendExpiryReminders } from "./modules/training/expiry-reminders";
import { settleWaitingLists } from "./modules/training/waiting-list";

// Periodic work, as jobs in their own lane (ADR 0012): each kind keeps one row, queued again
// after each run, so a slow refresh of summaries never stands in front of an upload. A periodic
// job that keeps failing is failed (the hub admin sees it) and scheduled afresh.

const none = z.object({}).strict();
const periodic = (kind: string, everyMs: number, leaseMs = 60_000) =>
  jobType({ kind, payload: none, lane: "periodic", everyMs, leaseMs, backoffMs: 5_000 });

export const PERIODIC = {
  outbox: periodic("periodic.deliver-outbox", 2_000),
  reminders: periodic("periodic.return-reminders", 5 * 60_000),
  cleanUp: periodic("periodic.discard-stale-uploads", 10 * 60_000),
  signInRecords: periodic("periodic.discard-old-sign-in-records", 60 * 60_000),
  strategyChases: periodic("periodic.chase-strategy-updates", 60 * 60_000),
  // Job adverts past their closing date leave the board (their vacancy records stay open).
  closeAdverts: periodic("periodic.close-adverts-past-closing-date", 60 * 60_000),
  // Cheap when nothing changed (it compares data versions); a long refresh renews its lease.
  summaries: periodic("periodic.refresh-summaries", 5_000, 2 * 60_000),
  // Each confirmed alert is emailed at most once a day; the hourly run spreads them over the day.
  jobAlerts: periodic("periodic.send-job-alerts", 60 * 60_000, 5 * 60_000),
  // Deleted candidates' applications past their retention (ADR 0019): a day late at most is fine.
  eraseCandidates: periodic("periodic.erase-deleted-candidates", 6 * 60 * 60_000),
  // Training places offered from a waiting list are held for hours: a lapsed offer moves on within minutes.
  trainingOffers: periodic("periodic.settle-training-waiting-lists", 5 * 60_000),
  // Each booking is reminded once, two days before its session.
  trainingReminders: periodic("periodic.send-training-reminders", 60 * 60_000),
  // Required training 60 and 30 days from expiry: each record's reminder once, within the hour it falls due.
  trainingExpiry: periodic("periodic.send-training-expiry-reminders", 60 * 60_000, 5 * 60_000),
  // ASYE reviews due within 14 days or overdue: each emailed to the team manager once.
  asyeReminders: periodic("periodic.send-asye-reminders", 60 * 60_000, 5 * 60_000),
  // Supervision due within 7 days or overdue: each worker emailed once per due date, managers a digest of the overdue.
  supervisionReminders: periodic("periodic.send-supervision-reminders", 60 * 60_000, 5 * 60_000),
};

export const periodicJobs = [
  handleJob(PERIODIC.outbox, { run: async (deps) => ({ delivered: await deliverOutbox(deps) }) }),
  handleJob(PERIODIC.reminders, { run: async (deps) => sendReturnReminders(deps) }),
  handleJob(PERIODIC.cleanUp, {
    run: async (deps) => ({ discarded: await discardStaleImports(deps), jobsPruned: await pruneFinishedJobs(deps) }),
  }),
  handleJob(PERIODIC.signInRecords, { run: async (deps) => discardOldSignInRecords(deps) }),
  handleJob(PERIODIC.strategyChases, { run: async (deps) => ({ emailed: await chaseOverdueUpdates(deps) }) }),
  handleJob(PERIODIC.closeAdverts, { run: async (deps) => ({ closed: await closeAdvertsPastClosingDate(deps) }) }),
  handleJob(PERIODIC.summaries, { run: async (deps) => refreshSummaries(deps) }),
  handleJob(PERIODIC.jobAlerts, { run: async (deps) => sendJobAlerts(deps) }),
  handleJob(PERIODIC.eraseCandidates, { run: async (deps) => eraseExpiredCandidateData(deps) }),
  handleJob(PERIODIC.trainingOffers, { run: async (deps) => settleWaitingLists(systemCtx(deps)) }),
  handleJob(PERIODIC.trainingReminders, { run: async (deps) => sendBookingReminders(deps) }),
  handleJob(PERIODIC.trainingExpiry, { run: async (deps) => sendExpiryReminders(deps) }),
  handleJob(PERIODIC.asyeReminders, { run: async (deps) => sendAsyeReminders(deps) }),
  handleJob(PERIODIC.supervisionReminders, { run: async (deps) => sendSupervisionReminders(deps) }),
];
