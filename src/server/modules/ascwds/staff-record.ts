// A staff record as the staff file gives it, and the same while its row is being read.

/** The staff record's fields as the file gives them (column names of staff_records in the model). */
export interface StaffValues {
  displayId: string;
  homePostcode: string | null;
  gender: number | null;
  ethnicity: number | null;
  nationality: number | null;
  britishCitizenship: number | null;
  countryOfBirth: number | null;
  yearOfEntry: number | null;
  disabled: number | null;
  careCertificate: number | null;
  level2CareCertificate: number | null;
  level2CareCertificateYear: number | null;
  recruitmentSource: number | null;
  healthCareVisa: number | null;
  recruitedOutsideUk: number | null;
  mainJobStartDate: string | null;
  sectorStartYear: number | null;
  delegatedHealthcare: number | null;
  apprentice: number | null;
  contractType: number;
  zeroHours: number | null;
  daysSick: number | null;
  payInterval: number | null;
  payRate: number | null;
  mainJobRole: number;
  mainJobDesc: string | null;
  contractedHours: number | null;
  averageHours: number | null;
  nmcRegistration: number | null;
  amhp: number | null;
  socialCareQual: number | null;
  socialCareQualLevel: number | null;
  otherQual: number | null;
  otherQualLevel: number | null;
  cwpCategory: number | null;
}

export interface QualificationIn {
  position: number;
  qualificationCode: number;
  year: number | null;
  notes: string | null;
}

export interface StaffIn {
  line: number;
  workplaceRef: string;
  localRef: string;
  status: string;
  /** "keep" = the file says Admin (the value is not in the file): keep what is stored. */
  ni: string | "keep" | null;
  dateOfBirth: string | "keep" | null;
  values: StaffValues;
  qualifications: QualificationIn[];
  newLocalRef: string | null;
  /** TRANSFERSTAFFRECORD: the workplace (LOCALESTID) the record moves to, if it moves. */
  transferTo: string | null;
  /**
   * Special category fields the file gives as "Admin": the sender may not see them (the hub's
   * own downloads write that for users without permission), so what is stored is kept.
   */
  kept: SpecialField[];
}

/** Special category data: shown, downloaded and changed only by users allowed to see it. */
export const SPECIAL_FIELDS = ["ethnicity", "disabled"] as const;
export type SpecialField = (typeof SPECIAL_FIELDS)[number];

type Nullable<T> = { [K in keyof T]: T[K] | null };

/** A staff record while its row is read: the required fields may still be missing. */
export interface StaffDraft extends Omit<StaffIn, "workplaceRef" | "localRef" | "values"> {
  workplaceRef: string | null;
  localRef: string | null;
  values: Nullable<StaffValues>;
}

/**
 * Shared by the records that have none (most): a record's own array is made when it first has
 * one, so that 100,000 records do not keep 200,000 empty arrays. Frozen: nothing adds to these.
 */
export const NO_QUALIFICATIONS = Object.freeze([]) as unknown as QualificationIn[];
export const NO_FIELDS_KEPT = Object.freeze([]) as unknown as SpecialField[];

/** An empty record, its fields in the order the record keeps (one shape for every row). */
export function emptyStaffDraft(line: number): StaffDraft {
  return {
    line,
    workplaceRef: null,
    localRef: null,
    status: "",
    ni: null,
    dateOfBirth: null,
    newLocalRef: null,
    transferTo: null,
    qualifications: NO_QUALIFICATIONS,
    kept: NO_FIELDS_KEPT,
    values: {
      displayId: null,
      homePostcode: null,
      gender: null,
      ethnicity: null,
      nationality: null,
      britishCitizenship: null,
      countryOfBirth: null,
      yearOfEntry: null,
      disabled: null,
      careCertificate: null,
      level2CareCertificate: null,
      level2CareCertificateYear: null,
      recruitmentSource: null,
      healthCareVisa: null,
      recruitedOutsideUk: null,
      mainJobStartDate: null,
      sectorStartYear: null,
      delegatedHealthcare: null,
      apprentice: null,
      contractType: null,
      zeroHours: null,
      daysSick: null,
      payInterval: null,
      payRate: null,
      mainJobRole: null,
      mainJobDesc: null,
      contractedHours: null,
      averageHours: null,
      nmcRegistration: null,
      amhp: null,
      socialCareQual: null,
      socialCareQualLevel: null,
      otherQual: null,
      otherQualLevel: null,
      cwpCategory: null,
    },
  };
}
