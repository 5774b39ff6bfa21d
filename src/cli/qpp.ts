import { z } from "zod";
import type { Ctx } from "../server/context";
import { councilEntitlements } from "../server/modules/commissioning/qpp.service";
import { periodBounds } from "../shared/commissioning";
import { pounds } from "../shared/qpp";
import { type Format, parse, required, UsageError } from "./args";

// `hub qpp`: a council's Quality Premium schedules for a period from the command line (issue 19
// item 3), as the scheme page gives them: each provider's standards met and entitlement per scheme.

export const QPP_USAGE = `  qpp --org <council> --period <YYYY-Qn> [--scheme <id or name>] [--format json|text]
                                            The Quality Premium Payment for a period: per scheme (all the council's, or
                                            --scheme), each provider's contracts with standards met and entitlement,
                                            before and after the budget cap; approved schedules as approved, others as
                                            computed now (draft)`;

export function parseQppArgs(argv: string[]) {
  const { values, format } = parse(argv, {
    org: { type: "string" },
    period: { type: "string" },
    scheme: { type: "string" },
  });
  const period = required(values.period, "--period").toUpperCase();
  const ok = z
    .string()
    .regex(/^\d{4}-Q[1-4]$/)
    .safeParse(period);
  if (!ok.success) throw new UsageError(`--period must be a quarter like 2026-Q3, not "${values.period}"`);
  return { org: required(values.org, "--org"), period, scheme: values.scheme, format: format as Format };
}

export async function qppOutput(
  ctx: Ctx,
  council: { id: string; name: string },
  args: ReturnType<typeof parseQppArgs>,
) {
  const rows = await councilEntitlements(ctx, council.id, args.period, args.scheme);
  const schemes = rows.map((r) => ({
    id: r.scheme.id,
    name: r.scheme.name,
    status: r.schedule.status,
    totalBeforeCap: r.schedule.totalBeforeCap,
    total: r.schedule.total,
    budgetCap: r.schedule.budgetCap,
    scaled: r.schedule.scaled,
    scale: r.schedule.scale,
    capNote: r.schedule.capNote,
    providers: r.providers.map((p) => ({
      providerId: p.providerId,
      providerName: p.providerName,
      standardsMet: p.lines.reduce((n, l) => n + l.standardsMet, 0),
      standardsTotal: p.lines.reduce((n, l) => n + l.standardsTotal, 0),
      entitlement: Math.round(p.lines.reduce((n, l) => n + l.amount * 100, 0)) / 100,
      contracts: p.lines.map((l) => ({
        reference: l.contractReference,
        standards: l.standards.map((s) => ({ name: s.name, status: s.status, met: s.met })),
        standardsMet: l.standardsMet,
        standardsTotal: l.standardsTotal,
        units: l.units,
        amountBeforeCap: l.amountBeforeCap,
        amount: l.amount,
        working: l.working,
      })),
    })),
  }));
  const text = [
    `${council.name}: Quality Premium Payment for ${args.period} (${periodBounds(args.period).label})`,
    ...(schemes.length ? [] : ["  No scheme covers this period."]),
    ...schemes.flatMap((s) => [
      `  ${s.name} (${s.status}): ${pounds(s.total)} payable. ${s.capNote}`,
      ...s.providers.map(
        (p) =>
          `    ${p.providerName}: ${p.standardsMet} of ${p.standardsTotal} standards met, ${pounds(p.entitlement)}`,
      ),
    ]),
  ];
  return { format: args.format, data: { council: council.name, period: args.period, schemes }, text: text.join("\n") };
}
