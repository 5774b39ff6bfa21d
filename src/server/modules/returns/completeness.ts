// Completeness as defined in shared/design/metrics.md: completeness[field] = workforce with the
// field known ÷ workforce; completeness_score = the mean over the ASC-WDS funding-requirement
// fields (asc-wds.md §4.2). The workforce is everyone in post except agency workers. "Known"
// means answered with a real value: blank and "don't know" (999) are not known.

export interface CompletenessRow {
  contractType: number;
  gender: number | null;
  dateOfBirth: string | null;
  nationality: number | null;
  mainJobRole: number | null;
  mainJobStartDate: string | null;
  recruitmentSource: number | null;
  zeroHours: number | null;
  contractedHours: number | null;
  averageHours: number | null;
  payInterval: number | null;
  payRate: number | null;
  daysSick: number | null;
  careCertificate: number | null;
  socialCareQual: number | null;
  socialCareQualLevel: number | null;
  otherQual: number | null;
  otherQualLevel: number | null;
}

const known = (v: unknown) => v !== null && v !== undefined && v !== 999 && v !== 998;
const employed = (r: CompletenessRow) => r.contractType === 1 || r.contractType === 2;

/** Each field: who it applies to, and whether a row has it. */
export const COMPLETENESS_FIELDS: Record<
  string,
  { appliesTo?: (r: CompletenessRow) => boolean; has: (r: CompletenessRow) => boolean }
> = {
  gender: { has: (r) => r.gender !== null && r.gender !== 3 },
  date_of_birth: { has: (r) => r.dateOfBirth !== null },
  nationality: { has: (r) => known(r.nationality) },
  main_job_role: { has: (r) => r.mainJobRole !== null },
  main_job_start_date: { has: (r) => r.mainJobStartDate !== null },
  recruitment_source: { has: (r) => known(r.recruitmentSource) && r.recruitmentSource !== 16 },
  contract_type: { has: (r) => r.contractType !== null },
  zero_hours: { has: (r) => known(r.zeroHours) },
  hours: {
    has: (r) =>
      employed(r) && r.zeroHours === 2
        ? r.contractedHours !== null
        : r.averageHours !== null || r.contractedHours !== null,
  },
  pay: { has: (r) => (r.payInterval === 1 || r.payInterval === 3) && r.payRate !== null },
  days_sick: { appliesTo: employed, has: (r) => r.daysSick !== null },
  care_certificate: { has: (r) => r.careCertificate !== null },
  social_care_qualification: {
    has: (r) => r.socialCareQual === 2 || (r.socialCareQual === 1 && known(r.socialCareQualLevel)),
  },
  other_qualifications: { has: (r) => r.otherQual === 2 || (r.otherQual === 1 && known(r.otherQualLevel)) },
};

/** Known in SQL: as `known`, for a column of a staff record `s`. */
const knownSql = (c: string) => `(${c} is not null and ${c} not in (998, 999))`;

/**
 * The same fields in SQL over a staff record `s`, for the figures engine, in the same order (the
 * score is their mean): `completeness.test.ts` checks that both give the same answer for every
 * kind of row.
 */
export const COMPLETENESS_SQL: Record<string, { appliesTo?: string; has: string }> = {
  gender: { has: "s.gender is not null and s.gender <> 3" },
  date_of_birth: { has: "s.date_of_birth is not null" },
  nationality: { has: knownSql("s.nationality") },
  main_job_role: { has: "s.main_job_role is not null" },
  main_job_start_date: { has: "s.main_job_start_date is not null" },
  recruitment_source: { has: `${knownSql("s.recruitment_source")} and s.recruitment_source <> 16` },
  contract_type: { has: "s.contract_type is not null" },
  zero_hours: { has: knownSql("s.zero_hours") },
  hours: {
    has: "case when s.contract_type in (1, 2) and s.zero_hours = 2 then s.contracted_hours is not null else s.average_hours is not null or s.contracted_hours is not null end",
  },
  pay: { has: "s.pay_interval in (1, 3) and s.pay_rate is not null" },
  days_sick: { appliesTo: "s.contract_type in (1, 2)", has: "s.days_sick is not null" },
  care_certificate: { has: "s.care_certificate is not null" },
  social_care_qualification: {
    has: `s.social_care_qual = 2 or (s.social_care_qual = 1 and ${knownSql("s.social_care_qual_level")})`,
  },
  other_qualifications: { has: `s.other_qual = 2 or (s.other_qual = 1 and ${knownSql("s.other_qual_level")})` },
};

export function completeness(rows: CompletenessRow[]) {
  const workforce = rows.filter((r) => r.contractType !== 4);
  const byField: Record<string, number | null> = {};
  for (const [name, f] of Object.entries(COMPLETENESS_FIELDS)) {
    const population = f.appliesTo ? workforce.filter(f.appliesTo) : workforce;
    byField[name] = population.length ? population.filter(f.has).length / population.length : null;
  }
  const values = Object.values(byField).filter((v): v is number => v !== null);
  return {
    workforce: workforce.length,
    score: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
    byField,
  };
}
