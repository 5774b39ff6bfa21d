import { csvText } from "../../../shared/csv";
import { longMonth } from "../../../shared/dates";
import { workbookOf } from "../ascwds/xlsx";
import type { agencyReturn } from "./agency-return.service";

// The DfE agency return as files. DfE's exact field names are UNCONFIRMED (social-work.md §1.3),
// so the columns say plainly what they hold. The CSV is the assignment-level part; the XLSX adds
// the council-level part (compliance per rule, cap breaches, agencies flagged, monthly cost).

type Return = Awaited<ReturnType<typeof agencyReturn>>;

export const RETURN_HEADER = [
  "Job type",
  "Hourly rate paid (£)",
  "Assignment start date",
  "Assignment end date",
  "Social Work England number",
  "Project team or packaged model",
];

export function returnRows(r: Return, asText = true): (string | number | null)[][] {
  return r.rows.map((x) => [
    x.jobTypeLabel ?? "",
    asText ? x.hourlyRate.toFixed(2) : x.hourlyRate,
    x.startDate,
    x.endDate ?? "",
    x.sweNumber ?? "",
    x.projectTeam ? "Yes" : "No",
  ]);
}

export const returnCsv = (r: Return) => `\ufeff${csvText(RETURN_HEADER, returnRows(r))}`;

export const returnXlsx = (r: Return) =>
  workbookOf([
    { name: "Assignments", header: RETURN_HEADER, rows: returnRows(r, false) },
    {
      name: "Compliance",
      header: ["Rule", "Assignments in scope", "Compliant", "Not compliant", "To check", "Explanations"],
      rows: r.compliance.map((c) => [
        c.label,
        c.inScope,
        c.compliant,
        c.notCompliant,
        c.toCheck,
        c.explanations.join("; "),
      ]),
    },
    {
      name: "Cap breaches",
      header: ["Job type", "Hourly rate paid (£)", "Cap (£)", "Signed off by", "Agency"],
      rows: r.capBreaches.map((b) => [
        b.jobTypeLabel ?? "",
        b.hourlyRate,
        b.hourlyCap,
        b.signedOffBy ?? "Not signed off",
        b.agencyName,
      ]),
    },
    {
      name: "Agencies flagged",
      header: ["Agency", "Assignments flagged", "Rules"],
      rows: r.flaggedAgencies.map((a) => [a.agencyName, a.assignments, a.rules.join("; ")]),
    },
    {
      name: "Monthly cost",
      header: ["Month", "Cost of the agency workforce (£)"],
      rows: [...r.monthlyCost.map((m) => [longMonth(m.month), m.cost]), ["Quarter", r.totalCost]],
    },
  ]);
