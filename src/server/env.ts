import { z } from "zod";

// Every variable the hub reads, validated once at boot. .env.example documents each one.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Loopback by default: the demo's password is in the README, so listening wider is a choice made by setting HOST. */
  HOST: z.string().default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  /** The public address of the hub, used in links in emails. */
  PUBLIC_URL: z.url().optional(),
  /** Installation secret: keys NI-number hashes and encryption. Required in production. */
  HUB_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Trust X-Forwarded-Proto / X-Forwarded-For from a reverse proxy. */
  TRUST_PROXY: z.stringbool().default(false),
  /** How many proxies in front of the hub append to X-Forwarded-For (the client is that many from the right). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1, "must be 1 or more").max(10, "must be 10 or fewer").default(1),
  /** Seed the demo system into an empty database at boot. Default: true, except in production. */
  SEED_DEMO: z.stringbool().optional(),
  /** Let production run with the demo system (whose password is public) seeded. */
  ALLOW_DEMO_IN_PRODUCTION: z.stringbool().default(false),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().default("Care Workforce Hub <no-reply@localhost>"),
});

export type Env = Omit<z.infer<typeof schema>, "SEED_DEMO"> & { PUBLIC_URL: string; SEED_DEMO: boolean };

/** Why production must not run with the demo system, and how to go on. */
export const DEMO_IN_PRODUCTION =
  "the demo system's sign-ins and password are published in the README, so anyone could sign in to it. Use a database without the demo (SEED_DEMO=false and a new DATA_DIR or DATABASE_URL), or set ALLOW_DEMO_IN_PRODUCTION=true if this really is a demonstration";

export class EnvError extends Error {}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  // Treat empty strings as unset, as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${i.path.join(".")}: ${i.message} (got ${JSON.stringify(cleaned[String(i.path[0])] ?? null)})`,
    );
    throw new EnvError(
      `Invalid environment, the hub cannot start:\n${lines.join("\n")}\nSee .env.example for every variable.`,
    );
  }
  const env = {
    ...parsed.data,
    PUBLIC_URL: (parsed.data.PUBLIC_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/$/, ""),
    SEED_DEMO: parsed.data.SEED_DEMO ?? parsed.data.NODE_ENV !== "production",
  };
  if (env.NODE_ENV === "production" && !env.HUB_SECRET) {
    throw new EnvError(
      "Invalid environment, the hub cannot start:\n  HUB_SECRET: required in production (32+ random characters)",
    );
  }
  if (env.NODE_ENV === "production" && env.SEED_DEMO && !env.ALLOW_DEMO_IN_PRODUCTION) {
    throw new EnvError(
      `Invalid environment, the hub cannot start:\n  SEED_DEMO: true in production, but ${DEMO_IN_PRODUCTION}.`,
    );
  }
  return env;
}
