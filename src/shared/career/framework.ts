import { z } from "zod";
import { freeText } from "../schemas/text";

// The career framework's shape (issue 5): pathways, roles with their requirements, a catalogue of
// qualifications and training with how the hub recognises each in ASC-WDS records, and
// progression routes between roles. A framework is one document, so that a council's draft and
// each published version are whole and can be compared.

const source = z.object({
  title: freeText(z.string().min(3), "A source's title"),
  url: z.url().optional(),
  note: freeText(z.string(), "A source's note", { multiLine: true }).optional(),
});
export type Source = z.infer<typeof source>;

/** How the hub recognises an item in a staff record (any one rule is enough). */
const evidence = z.discriminatedUnion("kind", [
  /** A staff-file field with one of these codes (for example CARECERT 1 "Yes, completed"). */
  z.object({
    kind: z.literal("field"),
    field: z.enum(["careCertificate", "level2CareCertificate", "amhp", "delegatedHealthcare", "apprentice"]),
    values: z.array(z.number()).min(1),
  }),
  /** A relevant social care qualification at this level or above (SCQUAL). */
  z.object({ kind: z.literal("socialCareLevel"), atLeast: z.number().int().min(0).max(8) }),
  /** One of these ASC-WDS qualification codes among the record's qualifications (QUALACHnn). */
  z.object({ kind: z.literal("qualification"), codes: z.array(z.number().int()).min(1) }),
  /** Training in one of these ASC-WDS training categories, still valid. */
  z.object({ kind: z.literal("training"), categories: z.array(z.number().int()).min(1) }),
  /** Holding one of these ASC-WDS main job roles implies it (for example a registration the role needs). */
  z.object({ kind: z.literal("jobRole"), roles: z.array(z.number().int()).min(1) }),
]);
export type Evidence = z.infer<typeof evidence>;

export const ITEM_KINDS = [
  "induction",
  "certificate",
  "diploma",
  "apprenticeship",
  "degree",
  "post_qualifying",
  "registration",
  "training",
] as const;
const item = z.object({
  key: z.string().regex(/^[a-z0-9_]+$/),
  title: freeText(z.string().min(3), "An item's title"),
  kind: z.enum(ITEM_KINDS),
  level: z.number().int().min(0).max(8).optional(),
  /** Apprenticeship standard reference, for example ST0005. */
  standard: z
    .string()
    .regex(/^ST\d{4}$/)
    .optional(),
  typicalMonths: z.number().positive().optional(),
  description: freeText(z.string(), "An item's description", { multiLine: true }).optional(),
  evidence: z.array(evidence),
  source,
});
export type CatalogueItem = z.infer<typeof item>;

/** Met by any one of the items (for example the Level 2 Adult Social Care Certificate or a level 2 diploma). */
const requirement = z.object({
  anyOf: z.array(z.string()).min(1),
  need: z.enum(["required", "recommended"]),
  note: z.string().optional(),
});
export type Requirement = z.infer<typeof requirement>;

const role = z.object({
  key: z.string().regex(/^[a-z0-9_]+$/),
  pathway: z.string(),
  title: freeText(z.string().min(3), "A role's title"),
  summary: freeText(z.string().min(10), "A role's summary", { multiLine: true }),
  whatYouDo: freeText(z.string(), "What you do", { multiLine: true }).optional(),
  values: z.array(z.string()),
  behaviours: z.array(z.string()),
  requirements: z.array(requirement),
  /** Months of experience: in the sector, or in the current role. */
  experience: z
    .object({ months: z.number().int().positive(), in: z.enum(["sector", "role"]), note: z.string().optional() })
    .optional(),
  /** The council's pay guidance for the role (for example a grade and when it changes). */
  payGuidance: freeText(z.string(), "Pay guidance", { multiLine: true }).optional(),
  /** ASC-WDS main job roles (MAINJOBROLE codes) and Care Workforce Pathway categories (CWPCATEGORY) that map to this role. */
  jobRoles: z.array(z.number().int()),
  cwpCategories: z.array(z.number().int()),
  /** A top role: the end of its pathway, so it needs no route onwards. */
  top: z.boolean().optional(),
  /** The role in easy read: short sentences in everyday words, one idea a line. */
  easyRead: z.array(z.string().min(3)).optional(),
  source,
});
export type Role = z.infer<typeof role>;

export const ROUTE_KINDS = ["apprenticeship", "qualification", "promotion", "rotation", "experience"] as const;
const route = z.object({
  from: z.string(),
  to: z.string(),
  via: z.array(z.enum(ROUTE_KINDS)).min(1),
  how: freeText(z.string().min(10), "How a route is taken", { multiLine: true }),
  /** Catalogue items the route goes through. */
  items: z.array(z.string()).default([]),
  typicalMonths: z.number().positive().optional(),
});
export type Route = z.infer<typeof route>;

const pathway = z.object({
  key: z.string().regex(/^[a-z0-9_]+$/),
  title: freeText(z.string().min(3), "A pathway's title"),
  description: freeText(z.string().min(10), "A pathway's description", { multiLine: true }),
  /** One line in easy read. */
  easyRead: z.string().min(3).optional(),
  source,
});

export const frameworkSchema = z.object({
  title: freeText(z.string().min(3), "The framework's title"),
  pathways: z.array(pathway).min(1),
  roles: z.array(role).min(1),
  catalogue: z.array(item),
  routes: z.array(route),
});
export type Framework = z.infer<typeof frameworkSchema>;

/**
 * What is wrong with a framework's links: roles in unknown pathways, routes or requirements
 * naming roles or items that do not exist, and roles with no route onwards that are not top
 * roles (a dead end). Empty when it hangs together.
 */
export function frameworkProblems(f: Framework): string[] {
  const problems: string[] = [];
  const pathways = new Set(f.pathways.map((p) => p.key));
  const roles = new Map(f.roles.map((r) => [r.key, r]));
  const items = new Set(f.catalogue.map((i) => i.key));
  const duplicates = (keys: string[]) => keys.filter((k, i) => keys.indexOf(k) !== i);
  for (const k of duplicates(f.roles.map((r) => r.key))) problems.push(`role ${k} appears twice`);
  for (const k of duplicates(f.catalogue.map((i) => i.key))) problems.push(`catalogue item ${k} appears twice`);
  for (const r of f.roles) {
    if (!pathways.has(r.pathway)) problems.push(`role ${r.key}: pathway ${r.pathway} does not exist`);
    for (const q of r.requirements)
      for (const k of q.anyOf)
        if (!items.has(k)) problems.push(`role ${r.key}: requirement ${k} is not in the catalogue`);
  }
  for (const rt of f.routes) {
    if (!roles.has(rt.from)) problems.push(`route ${rt.from} → ${rt.to}: role ${rt.from} does not exist`);
    if (!roles.has(rt.to)) problems.push(`route ${rt.from} → ${rt.to}: role ${rt.to} does not exist`);
    if (rt.from === rt.to) problems.push(`route ${rt.from} → ${rt.to} goes nowhere`);
    for (const k of rt.items)
      if (!items.has(k)) problems.push(`route ${rt.from} → ${rt.to}: ${k} is not in the catalogue`);
  }
  for (const r of f.roles) {
    const onwards = f.routes.some((rt) => rt.from === r.key);
    if (!onwards && !r.top)
      problems.push(`role ${r.key} ("${r.title}") is a dead end: add a route onwards or mark it a top role`);
    if (onwards && r.top) problems.push(`role ${r.key} ("${r.title}") is marked a top role but has routes onwards`);
  }
  return problems;
}
