import { longDate } from "../../../shared/dates";
import type { MyAlertItem, SwAlertKind, TeamAlertItem } from "../../../shared/schemas/social-work-alerts";
import { ASYE_STAGE_LABELS, type AsyeStage } from "../../../shared/social-work";
import {
  REGISTRATION_ALERT_LABELS,
  REGISTRATION_ALERTS,
  type RegistrationAlertKind,
} from "../../../shared/sw-registration";
import type { MyAlerts, TeamAlerts } from "./alerts.service";

// What the home pages' social work panels say (issue 20 items 3, 4): one sentence per kind of
// alert with how many and the first few, or one sentence per alert of one's own. Kinds with none
// are left out, so an empty list means nothing needs attention.

/** How many of each kind a manager's panel names (the linked page lists them all). */
export const EXAMPLES = 3;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const stageLabel = (stage: string) => ASYE_STAGE_LABELS[stage as AsyeStage] ?? stage;
/** "Final assessment" → "final assessment", leaving acronyms ("BIA", "AMHP") as they are. */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const lastHeldText = (lastHeld: string | null) =>
  lastHeld ? `last held ${longDate(lastHeld)}` : "no supervision recorded";

function item(
  kind: SwAlertKind,
  sentence: string,
  path: string,
  all: readonly { staffRecordId: string; name: string; teamName: string; detail: string }[],
): TeamAlertItem[] {
  return all.length ? [{ kind, sentence, count: all.length, path, examples: all.slice(0, EXAMPLES) }] : [];
}

export function presentTeamAlerts(a: TeamAlerts) {
  const overdue = a.supervision
    .filter((s) => s.state === "overdue")
    .sort((x, y) => y.daysOverdue - x.daysOverdue || x.name.localeCompare(y.name));
  const asye = (state: "overdue" | "due") =>
    a.asyeDue
      .filter((d) => d.state === state)
      .map((d) => ({
        staffRecordId: d.worker.staffRecordId,
        name: d.worker.name,
        teamName: d.team.name,
        detail: `${stageLabel(d.stage)}, due ${longDate(d.due)}`,
      }));
  const asyeOverdue = asye("overdue");
  const asyeDue = asye("due");
  const registration = (kind: RegistrationAlertKind) =>
    a.registration.flatMap((w) =>
      w.alerts
        .filter((x) => x.kind === kind)
        .map((x) => ({
          staffRecordId: w.staffRecordId,
          name: w.name,
          teamName: w.teamName,
          detail: x.dueOn ? `${x.message} (${longDate(x.dueOn)})` : x.message,
        })),
    );
  return {
    at: a.day,
    items: [
      ...item(
        "supervision_overdue",
        `${plural(overdue.length, "worker is", "workers are")} overdue for supervision`,
        "/social-work/supervision",
        overdue.map((s) => ({
          staffRecordId: s.staffRecordId,
          name: s.name,
          teamName: s.teamName,
          detail: `${lastHeldText(s.lastHeld)}, due ${longDate(s.dueOn)}`,
        })),
      ),
      ...item(
        "asye_overdue",
        `${plural(asyeOverdue.length, "ASYE review is", "ASYE reviews are")} overdue`,
        "/social-work/asye",
        asyeOverdue,
      ),
      ...item(
        "asye_due",
        `${plural(asyeDue.length, "ASYE review is", "ASYE reviews are")} due within 14 days`,
        "/social-work/asye",
        asyeDue,
      ),
      ...REGISTRATION_ALERTS.flatMap((kind) => {
        const all = registration(kind);
        return item(
          kind,
          `${REGISTRATION_ALERT_LABELS[kind]} (${plural(all.length, "worker", "workers")})`,
          "/social-work/teams#attention",
          all,
        );
      }),
    ],
  };
}

/** A worker's own registration alert, said to them; null for what is the employer's to act on. */
function myRegistrationSentence(kind: RegistrationAlertKind, dueOn: string | null): string | null {
  const on = longDate(dueOn);
  switch (kind) {
    case "registration_at_risk":
      return `Your Social Work England registration renews on ${on} and no CPD has been recorded since your last renewal: record your CPD and tell your manager`;
    case "registration_lapsed":
      return `Your registration renewal date (${on}) has passed: check your registration with Social Work England and tell your manager the new renewal date`;
    case "amhp_ending":
      return `Your AMHP approval ends on ${on}: arrange re-approval with your manager`;
    case "amhp_ended":
      return `Your AMHP approval ended on ${on}: talk to your manager about re-approval`;
    case "bia_training_due":
      return "You have had no BIA further training in the last 12 months: you cannot be selected as a best interests assessor until you have";
    case "pe_inexperienced":
      // The council's choice of practice educator, not the worker's to fix.
      return null;
  }
}

const MY_PATH = "/my-social-work";

export function presentMyAlerts(a: MyAlerts): { at: string; items: MyAlertItem[] } {
  const items: MyAlertItem[] = [];
  for (const s of a.supervision) {
    if (s.state === "ok") continue;
    const what = s.state === "overdue" ? "is overdue" : "is due soon";
    items.push({
      kind: s.state === "overdue" ? "supervision_overdue" : "supervision_due_soon",
      sentence: `Your supervision ${what}: ${lastHeldText(s.lastHeld)}, due ${longDate(s.dueOn)}`,
      dueOn: s.dueOn,
      employer: s.employer,
      path: MY_PATH,
    });
  }
  for (const s of a.asye) {
    const overdue = s.state === "overdue";
    items.push({
      kind: overdue ? "asye_overdue" : "asye_due",
      sentence: overdue
        ? `Your ASYE ${lowerFirst(stageLabel(s.stage))} is overdue: it was due on ${longDate(s.due)}`
        : `Your ASYE ${lowerFirst(stageLabel(s.stage))} is due on ${longDate(s.due)}`,
      dueOn: s.due,
      employer: s.employer,
      path: MY_PATH,
    });
  }
  for (const r of a.registration) {
    const sentence = myRegistrationSentence(r.kind, r.dueOn);
    if (sentence) items.push({ kind: r.kind, sentence, dueOn: r.dueOn, employer: r.employer, path: MY_PATH });
  }
  return { at: a.day, items };
}
