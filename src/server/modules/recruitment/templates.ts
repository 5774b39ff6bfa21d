import type { EmailTemplateKind } from "../../../shared/schemas/recruitment";
import { oneLine } from "../mail/mail.service";

// The emails a candidate gets when an employer moves their application: the employer's own
// wording (recruitment_email_templates) or these defaults. Placeholders are filled with plain
// text (names through oneLine, so a name cannot forge lines in the email).

/** The words a template may put in braces, each filled in for the candidate. */
const PLACEHOLDER_KEYS = ["name", "jobTitle", "employer", "link"] as const;
type Placeholder = (typeof PLACEHOLDER_KEYS)[number];
const isPlaceholder = (k: string): k is Placeholder => (PLACEHOLDER_KEYS as readonly string[]).includes(k);

export const PLACEHOLDERS = PLACEHOLDER_KEYS.map((k) => `{${k}}`);

/** The first word in braces in `text` that is not a placeholder, or undefined. */
export const unknownPlaceholder = (text: string) =>
  [...text.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]).find((k) => !isPlaceholder(k));

/** The placeholders as a refusal lists them: "{name}, {jobTitle}, {employer} or {link}". */
export const placeholderList = () => `${PLACEHOLDERS.slice(0, -1).join(", ")} or ${PLACEHOLDERS.at(-1)}`;

export const DEFAULT_TEMPLATES: Record<EmailTemplateKind, { subject: string; body: string }> = {
  screened: {
    subject: "Your application for {jobTitle}",
    body: "Dear {name},\n\nThank you for applying for {jobTitle} at {employer}. We have read your application and would like to take it further. We will be in touch about the next step.\n\nSee your applications: {link}\n\n{employer}",
  },
  interview: {
    subject: "Interview for {jobTitle}: choose a time",
    body: "Dear {name},\n\nWe would like to interview you for {jobTitle} at {employer}. Please choose an interview time that suits you on your applications page:\n\n{link}\n\n{employer}",
  },
  offer: {
    subject: "Job offer: {jobTitle}",
    body: "Dear {name},\n\nWe are pleased to offer you the job of {jobTitle} at {employer}, subject to pre-employment checks. We will contact you about the details.\n\n{employer}",
  },
  checks: {
    subject: "Pre-employment checks for {jobTitle}",
    body: "Dear {name},\n\nBefore you start as {jobTitle} at {employer} we need to complete some checks: identity, a DBS check, your right to work, references and a health declaration. We will tell you what we need from you.\n\n{employer}",
  },
  started: {
    subject: "Welcome to {employer}",
    body: "Dear {name},\n\nWelcome to {employer}. We are glad you are joining us as {jobTitle}.\n\n{employer}",
  },
  rejected: {
    subject: "Your application for {jobTitle}",
    body: "Dear {name},\n\nThank you for your interest in {jobTitle} at {employer}. We are sorry to tell you that we will not be taking your application further this time.\n\nWe wish you well in finding the right job in care.\n\n{employer}",
  },
};

/**
 * The interview email when the job has no free interview times: the interview wording (the
 * employer's own or the default) asks the candidate to choose a time, which they cannot yet.
 */
export const INTERVIEW_TIMES_TO_FOLLOW = {
  subject: "Interview for {jobTitle}",
  body: "Dear {name},\n\nWe would like to interview you for {jobTitle} at {employer}. We are setting the interview times and will be in touch with them. There is nothing you need to do yet.\n\nSee your applications: {link}\n\n{employer}",
};

export function fill(template: string, values: Record<Placeholder, string>) {
  return template.replace(/\{([^}]*)\}/g, (whole, k: string) => (isPlaceholder(k) ? oneLine(values[k]) : whole));
}
