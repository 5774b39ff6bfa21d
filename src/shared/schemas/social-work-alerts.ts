import { z } from "zod";
import { REGISTRATION_ALERTS } from "../sw-registration";
import { day } from "./common";

// Social work alerts on people's home pages (issue 20 items 3 and 4): what needs attention in the
// teams one sees (for a team manager or the service lead), and in one's own records (for a worker).
// Each item says what it is in a sentence, how many, and where the page that shows it is.

export const SW_ALERT_KINDS = [
  "supervision_overdue",
  "supervision_due_soon",
  "asye_overdue",
  "asye_due",
  ...REGISTRATION_ALERTS,
] as const;
export type SwAlertKind = (typeof SW_ALERT_KINDS)[number];

export const teamAlertExample = z.object({
  staffRecordId: z.string(),
  name: z.string(),
  teamName: z.string(),
  /** What is due for this person and when, in plain English. */
  detail: z.string(),
});

export const teamAlertItem = z.object({
  kind: z.enum(SW_ALERT_KINDS),
  /** "3 workers are overdue for supervision", in plain English. */
  sentence: z.string(),
  count: z.number().int(),
  /** The page that lists them, relative to the organisation (/social-work/supervision …). */
  path: z.string(),
  /** The first few, most urgent first. */
  examples: z.array(teamAlertExample),
});
export type TeamAlertItem = z.infer<typeof teamAlertItem>;

export const teamAlertsResponse = z.object({
  at: day,
  /** Only the kinds with at least one; empty when nothing needs attention. */
  items: z.array(teamAlertItem),
});
export type TeamAlertsResponse = z.infer<typeof teamAlertsResponse>;

export const myAlertItem = z.object({
  kind: z.enum(SW_ALERT_KINDS),
  /** "Your supervision is overdue: last held 3 May 2026, due 3 June 2026". */
  sentence: z.string(),
  dueOn: day.nullable(),
  employer: z.object({ id: z.string(), name: z.string() }),
  /** The page that shows it, relative to the organisation: /my-social-work. */
  path: z.string(),
});
export type MyAlertItem = z.infer<typeof myAlertItem>;

export const myAlertsResponse = z.object({ at: day, items: z.array(myAlertItem) });
export type MyAlertsResponse = z.infer<typeof myAlertsResponse>;
