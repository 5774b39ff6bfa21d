import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { created } from "./columns";

/** Every write, append-only (a trigger in the migrations refuses UPDATE and DELETE). */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    userId: uuid("user_id"),
    orgId: uuid("org_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
  },
  (t) => [index("audit_log_org_at_idx").on(t.orgId, t.at), index("audit_log_entity_idx").on(t.entityType, t.entityId)],
);

/** Email leaves through this table: the log (default) or SMTP delivers what is queued here. */
export const outbox = pgTable("outbox", {
  id: uuid("id").primaryKey().defaultRandom(),
  toAddress: text("to_address").notNull(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  template: text("template").notNull(),
  /** Files sent with the email: [{ filename, contentType, content }] (an interview's calendar file). */
  attachments: jsonb("attachments").notNull().default([]),
  createdAt: created(),
  sentAt: timestamp("sent_at", { withTimezone: true }),
  attempts: integer("attempts").notNull().default(0),
  lastError: text("last_error"),
});

/**
 * A small Postgres-backed job queue (pg-boss does not run on PGlite; ADR 0012). A running job
 * holds a lease that its worker renews; a lease that runs out means the worker died, and any
 * worker takes the job back. Periodic work has its own lane, so it never holds up uploads.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    /** user (uploads: claimed on their own) | periodic (reminders, email, clean-up, summaries). */
    lane: text("lane").notNull().default("user"),
    orgId: uuid("org_id"),
    payload: jsonb("payload").notNull().default({}),
    status: text("status").notNull().default("queued"), // queued | running | done | failed | cancelled
    progress: integer("progress").notNull().default(0),
    result: jsonb("result"),
    /** Why it failed, in words a user can read (the details are in the log, under the job id). */
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(3),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    /** While running: the worker's claim, and until when it holds the job without renewing. */
    lockedBy: uuid("locked_by"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    createdAt: created(),
  },
  (t) => [
    index("jobs_lane_status_run_at_idx").on(t.lane, t.status, t.runAt),
    // One live row per periodic kind: several processes may all try to schedule it.
    uniqueIndex("jobs_periodic_once").on(t.kind).where(sql`lane = 'periodic' and status in ('queued', 'running')`),
  ],
);

/** Organisation-scoped API tokens for HR and rostering systems. Only the token's SHA-256 is stored. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").notNull(),
    name: text("name").notNull(),
    scope: text("scope").notNull(), // read | write
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters, to recognise a token in the list. */
    prefix: text("prefix").notNull(),
    createdBy: uuid("created_by"),
    createdAt: created(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_org_idx").on(t.orgId)],
);

/** Responses to writes sent with an Idempotency-Key, so a retried request is not applied twice. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    response: jsonb("response").notNull(),
    createdAt: created(),
  },
  (t) => [uniqueIndex("idempotency_keys_org_key").on(t.orgId, t.key)],
);
