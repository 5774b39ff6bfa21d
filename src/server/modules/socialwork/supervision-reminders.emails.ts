import { longDate } from "../../../shared/dates";
import { plural } from "../../../shared/text";
import { oneLine } from "../mail/mail.service";

// The supervision reminder emails' words (issue 20 item 4): the worker's own and the team
// manager's digest. Only names, teams and dates: nothing about a worker's health, cases or
// supervision notes. Names people typed go through oneLine so a line break cannot forge a line.

export interface WorkerReminder {
  orgId: string;
  orgName: string;
  dueOn: string;
  lastHeld: string | null;
  state: "overdue" | "due_soon";
}

export function workerReminderEmail(r: WorkerReminder, publicUrl: string) {
  const overdue = r.state === "overdue";
  return {
    template: "supervision_reminder_worker",
    subject: overdue ? "Your supervision is overdue" : "Your supervision is due soon",
    body: [
      overdue
        ? `Your supervision at ${oneLine(r.orgName)} was due on ${longDate(r.dueOn)} and is now overdue.`
        : `Your next supervision at ${oneLine(r.orgName)} is due on ${longDate(r.dueOn)}.`,
      r.lastHeld
        ? `Your last supervision was on ${longDate(r.lastHeld)}.`
        : "No supervision has been recorded for you yet.",
      "",
      "Talk to your supervisor or team manager to arrange it.",
      "",
      `See your supervision in My social work: ${publicUrl}/orgs/${r.orgId}/my-social-work`,
    ].join("\n"),
  };
}

export interface DigestLine {
  name: string;
  teamName: string;
  dueOn: string;
  daysOverdue: number;
}

export function managerDigestEmail(
  d: { orgId: string; orgName: string; lines: readonly DigestLine[] },
  publicUrl: string,
) {
  return {
    template: "supervision_overdue_digest",
    subject: "Supervision overdue in your teams",
    body: [
      `Supervision is overdue for these social workers at ${oneLine(d.orgName)}:`,
      "",
      ...d.lines.map(
        (l) =>
          `- ${oneLine(l.name)} (${oneLine(l.teamName)}): was due on ${longDate(l.dueOn)}, ${plural(l.daysOverdue, "day")} ago`,
      ),
      "",
      "We tell you about each overdue supervision once.",
      `Record each supervision once it is held: ${publicUrl}/orgs/${d.orgId}/social-work/supervision`,
    ].join("\n"),
  };
}
