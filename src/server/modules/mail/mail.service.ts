import nodemailer from "nodemailer";
import { oneLine } from "../../../shared/text";
import type { Ctx, Deps } from "../../context";
import { errorFields } from "../../lib/logger";
import * as repo from "./mail.repo";

export interface Email {
  to: string;
  subject: string;
  body: string;
  /** A name for the kind of email, for the log (which never holds the address or the body). */
  template: string;
  /** Files sent with the email (an interview's calendar file): text content, kept in the outbox row. */
  attachments?: Attachment[];
}

export interface Attachment {
  filename: string;
  contentType: string;
  content: string;
}

export { oneLine };

/**
 * Emails are queued in the outbox inside the caller's transaction, and delivered after it commits.
 * The subject is a header, so it is forced onto one line whatever went into it; callers put
 * names people typed into bodies through `oneLine`.
 */
export async function queueEmail(ctx: Ctx, email: Email) {
  const row = await repo.insertOutbox(ctx.db, {
    toAddress: oneLine(email.to),
    subject: oneLine(email.subject),
    body: email.body,
    template: email.template,
    attachments: email.attachments ?? [],
  });
  ctx.log.info("email queued", { outboxId: row.id, template: email.template });
  return row.id;
}

const MAX_ATTEMPTS = 5;

/** The message nodemailer sends for an outbox row, its attachments included. */
export function messageOf(
  mail: { toAddress: string; subject: string; body: string; attachments: unknown },
  from: string,
) {
  const attachments = Array.isArray(mail.attachments) ? (mail.attachments as Attachment[]) : [];
  return {
    from,
    to: mail.toAddress,
    subject: mail.subject,
    text: mail.body,
    ...(attachments.length
      ? {
          attachments: attachments.map((a) => ({
            filename: oneLine(a.filename),
            contentType: a.contentType,
            content: a.content,
          })),
        }
      : {}),
  };
}

/**
 * Delivers queued email: through SMTP when SMTP_URL is set, otherwise to the log, where
 * "delivered" means written to the outbox table and announced (id and template only).
 */
export async function deliverOutbox(deps: Deps, limit = 20): Promise<number> {
  const pending = await repo.listPendingOutbox(deps.db, MAX_ATTEMPTS, limit);
  if (!pending.length) return 0;
  const transport = deps.env.SMTP_URL ? nodemailer.createTransport(deps.env.SMTP_URL) : null;
  for (const mail of pending) {
    try {
      if (transport) await transport.sendMail(messageOf(mail, deps.env.MAIL_FROM));
      await repo.updateOutbox(deps.db, mail.id, { sentAt: deps.now(), attempts: mail.attempts + 1 });
      deps.log.info(transport ? "email sent" : "email logged (no SMTP configured)", {
        outboxId: mail.id,
        template: mail.template,
      });
    } catch (err) {
      await repo.updateOutbox(deps.db, mail.id, {
        attempts: mail.attempts + 1,
        lastError: String((err as Error).message).slice(0, 300),
      });
      deps.log.warn("email delivery failed", { outboxId: mail.id, ...errorFields(err) });
    }
  }
  return pending.length;
}
