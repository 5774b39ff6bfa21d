import type { OrgKind } from "../../../shared/permissions";
import type { WorkplaceTemplate } from "./catalogue";

// The demo system as the generator builds it, before it is written to the database.

export interface GenOrg {
  key: string;
  kind: OrgKind;
  name: string;
  slug: string;
}
export interface GenWorkplace {
  key: string;
  orgKey: string;
  localRef: string;
  name: string;
  template: WorkplaceTemplate["kind"];
  mainService: number;
  employerType: number;
  capacity: number | null;
  utilisation: number | null;
  address1: string;
  town: string;
  postcode: string;
  cqcLocationId: string | null;
  cqcProviderId: string | null;
  size: number;
}
export interface GenStaff {
  orgKey: string;
  workplaceKey: string;
  localRef: string;
  displayId: string;
  ni: string | null;
  dateOfBirth: string | null;
  gender: number;
  ethnicity: number | null;
  nationality: number;
  disabled: number;
  contractType: number;
  zeroHours: number | null;
  contractedHours: number | null;
  averageHours: number | null;
  payInterval: number;
  payRate: number | null;
  mainJobRole: number;
  mainJobStartDate: string;
  startDate: string;
  sectorStartYear: number | null;
  socialCareQual: number;
  socialCareQualLevel: number | null;
  careCertificate: number | null;
  apprentice: number;
  daysSick: number | null;
  cwpCategory: number | null;
  recruitmentSource: number;
  endDate: string | null;
  leavingReason: number | null;
}
export interface GenVacancy {
  orgKey: string;
  workplaceKey: string;
  jobRole: number;
  openedOn: string;
  closedOn: string | null;
}
/** Agency spend and hours for one workplace and month (`month` is the first day of the month). */
export interface GenAgencyMonth {
  orgKey: string;
  workplaceKey: string;
  month: string;
  hours: number;
  spend: number;
  roles: number[];
}
export interface DemoData {
  anchor: string;
  /** The day the demo's records begin (vacancies, leavers, agency months): three years before the anchor. */
  historyStart: string;
  orgs: GenOrg[];
  commissioned: string[];
  workplaces: GenWorkplace[];
  staff: GenStaff[];
  vacancies: GenVacancy[];
  agency: GenAgencyMonth[];
}
