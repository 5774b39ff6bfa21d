import type { z } from "zod";
import {
  formulaMessage,
  hasControlCharacter,
  hasHiddenCharacter,
  hiddenCharacterMessage,
  lineBreakMessage,
  startsLikeFormula,
} from "../text";

/**
 * Free text people type (names, titles, notes): refused when it starts as a spreadsheet formula
 * would (shared/text.ts), and, unless `multiLine`, when it holds a line break or control character
 * (a name with a line break could forge lines in an email); multi-line text may hold line breaks
 * and tabs but no other control character. Apply after `.trim()`.
 */
export function freeText(schema: z.ZodString, what: string, opts: { multiLine?: boolean } = {}): z.ZodString {
  const lines = opts.multiLine
    ? schema.refine((v) => !hasHiddenCharacter(v), { error: hiddenCharacterMessage(what) })
    : schema.refine((v) => !hasControlCharacter(v), { error: lineBreakMessage(what) });
  return lines.refine((v) => !startsLikeFormula(v), { error: formulaMessage(what) });
}
