import { ETHNICITY_CODES, RECRUITMENT_CODES } from "../../../shared/ascwds/codes";
import { NI_NUMBER, NI_NUMBER_EXAMPLE } from "../../../shared/ascwds/ni-number";
import { type Column, type RowReader, upperCase, yearsBetween } from "./row-reader";
import type { StaffColumns } from "./staff-columns";
import { NO_FIELDS_KEPT, type SpecialField, type StaffDraft } from "./staff-record";

/** The reserved example prefix, accepted only in demo organisations (the demo's NI numbers use it). */
const EXAMPLE_NI = /^QQ\d{6}[A-D]$/;
const SPACES = /\s+/g;
const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;
const L2_CARE_CERTIFICATE = /^([123])(?:;(\d{4}))?$/;
export const YES_NO_DK = new Set([1, 2, 999]);
export const YES_NO_DK_WHAT = "1 (Yes), 2 (No) or 999 (Don't know)";
const GENDERS = new Set([1, 2, 3, 4]);
const DISABILITY = new Set([0, 1, 2, 3]);
const CARE_CERTIFICATE = new Set([1, 2, 3]);
const COUNTRY = (n: number) => n === 826 || n === 998 || n === 999 || (n >= 4 && n <= 894);

/** "Admin" in any case: the sender may not see the value, so what is stored is kept. */
export const isAdmin = (v: string) => v.length === 5 && v.toUpperCase() === "ADMIN";

/** Who the person is: identifiers (never quoted back in a message), equality data, origin, certificate and recruitment. */
export function readStaffPerson(
  r: RowReader,
  c: StaffColumns,
  s: StaffDraft,
  ctx: { asAt: string; allowExampleNi: boolean },
  asAtYear: number,
) {
  readIdentifiers(r, c, s, ctx);
  const v = s.values;
  v.gender = r.code(c.GENDER, GENDERS, "1 (Male), 2 (Female), 3 (Don't know) or 4 (Other)");
  v.ethnicity = keptAsAdmin(r, c.ETHNICITY, s, "ethnicity")
    ? null
    : r.code(
        c.ETHNICITY,
        ETHNICITY_CODES,
        "an ONS ethnicity code from 31 to 47, 98 (other) or 99 (don't know), or Admin to keep what is stored",
      );
  v.nationality = r.code(
    c.NATIONALITY,
    COUNTRY,
    "826 (British), 998 (don't know), 999 (other) or a country's ISO number",
  );
  v.britishCitizenship = r.code(c.BRITISHCITIZENSHIP, YES_NO_DK, YES_NO_DK_WHAT);
  if (v.britishCitizenship !== null && v.nationality === 826)
    r.warn(
      c.BRITISHCITIZENSHIP,
      "british",
      "BRITISHCITIZENSHIP is only asked of people who are not British (NATIONALITY is 826): it will be kept but is not needed.",
    );
  v.countryOfBirth = r.code(
    c.COUNTRYOFBIRTH,
    COUNTRY,
    "826 (United Kingdom), 998 (don't know), 999 (other) or a country's ISO number",
  );
  v.yearOfEntry = r.year(c.YEAROFENTRY, 1920, asAtYear, "the year the person came to the UK");
  v.disabled = keptAsAdmin(r, c.DISABLED, s, "disabled")
    ? null
    : r.code(
        c.DISABLED,
        DISABILITY,
        "0 (No), 1 (Yes), 2 (Undisclosed) or 3 (Don't know), or Admin to keep what is stored",
      );
  v.careCertificate = r.code(c.CARECERT, CARE_CERTIFICATE, "1 (Yes, completed), 2 (No) or 3 (Yes, in progress)");
  readLevel2CareCertificate(r, c, s, asAtYear);
  v.recruitmentSource = r.code(c.RECSOURCE, RECRUITMENT_CODES, "an ASC-WDS source of recruitment code");
  v.healthCareVisa = r.code(c.HANDCVISA, YES_NO_DK, YES_NO_DK_WHAT);
  v.recruitedOutsideUk = r.code(c.INOUTUK, YES_NO_DK, YES_NO_DK_WHAT);
  if (v.recruitedOutsideUk !== null && v.healthCareVisa !== 1)
    r.warn(c.INOUTUK, "without_visa", "INOUTUK is only asked when HANDCVISA is 1 (on a Health and Care Worker visa).");
}

/** NINUMBER, DOB and the home POSTCODE: checked without ever quoting them. */
function readIdentifiers(r: RowReader, c: StaffColumns, s: StaffDraft, ctx: { asAt: string; allowExampleNi: boolean }) {
  const rawNi = niText(r.raw(c.NINUMBER));
  if (rawNi === "ADMIN") s.ni = "keep";
  else if (rawNi) {
    if (NI_NUMBER.test(rawNi) || (ctx.allowExampleNi && EXAMPLE_NI.test(rawNi))) s.ni = rawNi;
    else
      r.error(
        c.NINUMBER,
        "format",
        `NINUMBER is not a valid National Insurance number: two letters, six digits and a letter A to D, like ${NI_NUMBER_EXAMPLE}. Leave it blank if you do not have it.`,
      );
  }
  if (isAdmin(r.raw(c.DOB))) s.dateOfBirth = "keep";
  else {
    let dateOfBirth = r.date(c.DOB, SENSITIVE_WARNING);
    if (dateOfBirth) {
      const age = yearsBetween(dateOfBirth, ctx.asAt);
      if (age < 14 || age > 100) {
        r.warn(c.DOB, "age", "DOB gives an age outside 14 to 100: check the date of birth. It will not be saved.");
        dateOfBirth = null;
      }
    }
    s.dateOfBirth = dateOfBirth;
  }
  const homePostcode = r.raw(c.POSTCODE);
  if (homePostcode && !POSTCODE.test(homePostcode))
    r.warn(c.POSTCODE, "format", "POSTCODE is not a UK postcode (like WA7 1AB); it will not be saved.");
  else if (homePostcode) s.values.homePostcode = upperCase(homePostcode);
}
/** The NI number without spaces, in capitals; the cell itself when it is that already. */
function niText(v: string): string {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c <= 32 || (c >= 97 && c <= 122) || c > 127) return v.replace(SPACES, "").toUpperCase();
  }
  return v;
}
const SENSITIVE_WARNING = { sensitive: true, severity: "warning" } as const;

/** A special category field given as "Admin": remembered as kept, and not read. */
function keptAsAdmin(r: RowReader, column: Column, s: StaffDraft, field: SpecialField) {
  if (!isAdmin(r.raw(column))) return false;
  if (s.kept === NO_FIELDS_KEPT) s.kept = [];
  s.kept.push(field);
  return true;
}

/** L2CARECERT: 1, 1;YYYY (completed in a year from 2024), 2 or 3. */
function readLevel2CareCertificate(r: RowReader, c: StaffColumns, s: StaffDraft, asAtYear: number) {
  const l2 = r.raw(c.L2CARECERT);
  if (!l2) return;
  const m = L2_CARE_CERTIFICATE.exec(l2);
  if (!m || (m[2] && m[1] !== "1") || (m[2] && (Number(m[2]) < 2024 || Number(m[2]) > asAtYear))) {
    r.warn(
      c.L2CARECERT,
      "value",
      `L2CARECERT "${l2}" is not recognised: use 1 (completed), 1;YYYY (completed in a year from 2024), 2 (started) or 3 (no). It will not be saved.`,
    );
  } else {
    s.values.level2CareCertificate = Number(m[1]);
    s.values.level2CareCertificateYear = m[2] ? Number(m[2]) : null;
  }
}
