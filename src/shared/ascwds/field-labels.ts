// What people call the fields of a staff record and a workplace, for the upload preview and
// result ("pay rate", not payRate). Keys are the hub's own field names (StaffValues and a
// workplace's values, plus what an upload can change besides them); column codes stay in file reports.

export const STAFF_FIELD_LABELS: Record<string, string> = {
  displayId: "name or ID",
  homePostcode: "home postcode",
  gender: "gender",
  ethnicity: "ethnicity",
  nationality: "nationality",
  britishCitizenship: "British citizenship",
  countryOfBirth: "country of birth",
  yearOfEntry: "year they came to the UK",
  disabled: "disability",
  careCertificate: "Care Certificate",
  level2CareCertificate: "Level 2 Adult Social Care Certificate",
  level2CareCertificateYear: "year of the Level 2 Adult Social Care Certificate",
  recruitmentSource: "where they were recruited from",
  healthCareVisa: "Health and Care Worker visa",
  recruitedOutsideUk: "recruited from outside the UK",
  mainJobStartDate: "start date in main job",
  sectorStartYear: "year they started in social care",
  delegatedHealthcare: "delegated healthcare activities",
  apprentice: "apprenticeship",
  contractType: "contract",
  zeroHours: "zero-hours contract",
  daysSick: "days sick",
  payInterval: "how they are paid",
  payRate: "pay rate",
  mainJobRole: "main job role",
  mainJobDesc: "job title",
  contractedHours: "contracted weekly hours",
  averageHours: "average weekly hours",
  nmcRegistration: "NMC registration",
  amhp: "approved mental health professional",
  socialCareQual: "social care qualification",
  socialCareQualLevel: "social care qualification level",
  otherQual: "other qualification",
  otherQualLevel: "other qualification level",
  cwpCategory: "care workforce pathway role",
  niNumber: "National Insurance number",
  dateOfBirth: "date of birth",
  qualifications: "qualifications",
  localRef: "reference",
  workplace: "workplace",
  endDate: "leaving date",
};

export const WORKPLACE_FIELD_LABELS: Record<string, string> = {
  name: "name",
  address1: "address",
  town: "town",
  postcode: "postcode",
  employerType: "type of employer",
  mainService: "main service",
  otherServices: "other services",
  capacity: "capacity",
  utilisation: "places used",
  cqcProviderId: "CQC provider ID",
  cqcLocationId: "CQC location ID",
  declaredStaffTotal: "total permanent and temporary staff",
  ascwds: "other ASC-WDS answers",
};

/** A field's name in words; a name with no label is split at its capitals rather than shown as code. */
export function fieldLabel(labels: Record<string, string>, key: string): string {
  return labels[key] ?? key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** Field names in words, as a list: "pay rate, main job role and contract". */
export function fieldList(labels: Record<string, string>, keys: string[]): string {
  const words = keys.map((k) => fieldLabel(labels, k));
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}
