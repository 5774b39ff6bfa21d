import type { z } from "zod";
import { formulaMessage, hasControlCharacter, lineBreakMessage, startsLikeFormula } from "../text";

/**
 * Free text people type (names, titles, notes): refused when it starts as a spreadsheet formula
 * would (shared/text.ts), and, unless `multiLine`, when it holds a line break or control character
 * (a name with a line break could forge lines in an email). Apply after `.trim()`.
 */
export function freeText(schema: z.ZodString, what: string, opts: { multiLine?: boolean } = {}): z.ZodString {
  const lines = opts.multiLine
    ? schema
    : schema.refine((v) => !hasControlCharacter(v), { error: lineBreakMessage(what) });
  return lines.refine((v) => !startsLikeFormula(v), { error: formulaMessage(what) });
}
