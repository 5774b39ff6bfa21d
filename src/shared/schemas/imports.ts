import { z } from "zod";

const isoDate = z.iso.date("Enter the date as YYYY-MM-DD");
const reason = z.number().int().min(1, "Choose a leaving reason").max(9, "Choose a leaving reason");
const leaverDecision = z.object({
  action: z.enum(["keep", "leaver"], { error: "Choose whether to keep them or mark them as leavers" }),
  leavingDate: isoDate.optional(),
  reason: reason.optional(),
});

export const commitImportInput = z.object({
  missing: z.object({ default: leaverDecision, byId: z.record(z.uuid(), leaverDecision).optional() }),
  deleted: leaverDecision.optional(),
});
export type CommitImportInput = z.infer<typeof commitImportInput>;
