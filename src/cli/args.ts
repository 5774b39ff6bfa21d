import { parseArgs } from "node:util";

export class UsageError extends Error {}

export type Format = "text" | "json";

/** Parses options strictly: an unknown or malformed option is a usage error that names it. */
export function parse<T extends Record<string, { type: "string" | "boolean"; short?: string }>>(
  argv: string[],
  options: T,
) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...options, format: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    const format = ((values as { format?: string }).format ?? "text") as string;
    if (format !== "text" && format !== "json") throw new UsageError(`--format must be text or json, not "${format}"`);
    return {
      values: values as { [K in keyof T]?: T[K]["type"] extends "boolean" ? boolean : string },
      positionals,
      format: format as Format,
    };
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError((err as Error).message.replace(/^TypeError \[\w+\]: /, ""));
  }
}

export function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required`);
  return value;
}
