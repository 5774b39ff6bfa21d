import {
  CQC_SERVICES,
  EMPLOYER_TYPES,
  JOB_ROLES,
  LEAVING_REASONS,
  OTHER_SERVICES,
  SERVICE_CODES,
  SERVICE_USER_CODES,
} from "../../../shared/ascwds/codes";
import type { CsvRow } from "./csv";
import { WORKPLACE_COLUMNS } from "./headers";
import type { ProblemList } from "./problems";
import { type Column, columnsOf, RowReader, STATUSES } from "./row-reader";

export interface DeclaredCount {
  kind: "vacancies" | "starters" | "leavers" | "leaving_reason";
  code: number | null;
  count: number | null;
}

export interface WorkplaceIn {
  line: number;
  localRef: string;
  status: string;
  values: {
    name: string;
    address1: string;
    town: string | null;
    postcode: string;
    employerType: number | null;
    mainService: number;
    otherServices: number[];
    capacity: number | null;
    utilisation: number | null;
    cqcProviderId: string | null;
    cqcLocationId: string | null;
    declaredStaffTotal: number | null;
    ascwds: Record<string, string>;
  };
  declared: DeclaredCount[];
}

const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;
const CQC_ID = /^\d-\d{8,12}$/;
const JOB_ROLE_CODES = new Set(Object.keys(JOB_ROLES).map(Number));
const REASON_CODES = new Set(Object.keys(LEAVING_REASONS).map(Number));

// Answers kept as given (after checking) in the workplace's `ascwds` map, for the round trip.
const KEPT: { column: WorkplaceColumn; allowed?: RegExp; what: string }[] = [
  { column: "ADDRESS2", what: "the second address line" },
  { column: "ADDRESS3", what: "the third address line" },
  { column: "OTHERTYPE", what: "the employer type" },
  { column: "PERMCQC", allowed: /^[01]$/, what: "0 (No) or 1 (Yes)" },
  { column: "PERMLA", allowed: /^[01]$/, what: "0 (No) or 1 (Yes)" },
  { column: "SERVICEDESC", what: "service descriptions" },
  { column: "SERVICEUSERS", allowed: /^\d+(;\d+)*$/, what: "service user codes separated by ;" },
  { column: "OTHERUSERDESC", what: "descriptions of other service users" },
  { column: "DHA", allowed: /^(1|2|999)$/, what: "1 (Yes), 2 (No) or 999 (Don't know)" },
  { column: "DHAACTIVITIES", allowed: /^([1-8](;[1-8])*|999)$/, what: "activity codes 1 to 8 separated by ;, or 999" },
  { column: "REPEATTRAINING", allowed: /^[1-4]$/, what: "1 to 4" },
  { column: "CWPAWARE", allowed: /^([1-4]|999)$/, what: "1 to 4, or 999" },
  {
    column: "CWPUSE",
    allowed: /^(1(;([1-9]|10))*|2|999)$/,
    what: "1 followed by reasons (for example 1;2;5), 2, or 999",
  },
  { column: "CWPUSEDESC", what: "what else the pathway is used for" },
  { column: "SICKPAY", allowed: /^(0|1|unknown)$/i, what: "0 (No), 1 (Yes) or unknown" },
  { column: "PENSION", allowed: /^(0|1|unknown)$/i, what: "0 (No), 1 (Yes) or unknown" },
  {
    column: "ACTUALCONT",
    allowed: /^\d{1,3}(\.\d{1,2})?$/,
    what: "the employer's pension contribution as a percentage",
  },
  { column: "OPTOUTPEN", allowed: /^(1|2|999)$/, what: "1, 2 or 999" },
  { column: "HOLIDAY", allowed: /^\d{1,3}$/, what: "days of leave a year" },
  { column: "SLEEPINS", allowed: /^(1|2|999)$/, what: "1, 2 or 999" },
  { column: "SLEEPINPAY", allowed: /^(1|2|999)$/, what: "1 (Hourly), 2 (Flat rate) or 999" },
  { column: "TRAVELTIME", allowed: /^([1-6]|999)$/, what: "1 to 6, or 999" },
  { column: "TTDIFFRATE", allowed: /^\d{1,3}(\.\d{1,2})?$/, what: "the travel time rate in pounds, for example 12.50" },
];

type WorkplaceColumn = (typeof WORKPLACE_COLUMNS)[number];
const REQUIRED = { required: true } as const;

/** The workplace file's rows, one at a time, with its columns resolved and its reader made once. */
export function workplaceRowReader(
  file: string,
  index: Map<string, number>,
  problems: ProblemList,
): (row: CsvRow) => WorkplaceIn | null {
  const r = new RowReader(file, "workplace", index, problems);
  const col = columnsOf(index, WORKPLACE_COLUMNS);
  return (row) => readWorkplaceRow(r.start(row), col, row);
}

function readWorkplaceRow(r: RowReader, col: Record<WorkplaceColumn, Column>, row: CsvRow): WorkplaceIn | null {
  const localRef = r.text(col.LOCALESTID, 50, "your reference for the workplace");
  if (localRef) r.workplaceRef = localRef;
  const status = r.raw(col.STATUS).toUpperCase();
  if (!STATUSES.has(status))
    r.error(
      col.STATUS,
      "invalid",
      `STATUS "${r.raw(col.STATUS)}" is not recognised: use NEW, UPDATE, UNCHECKED, NOCHANGE or DELETE.`,
    );
  if (status === "DELETE")
    r.error(
      col.STATUS,
      "delete_workplace",
      "A workplace cannot be deleted by upload. Ask your organisation's admin to close it in the hub, or change STATUS to UPDATE.",
    );
  const name = r.text(col.ESTNAME, 120, "the workplace's name");
  const address1 = r.text(col.ADDRESS1, 40, "the first line of the address");
  r.text(col.ADDRESS2, 40);
  r.text(col.ADDRESS3, 40);
  const town = r.text(col.POSTTOWN, 40);
  let postcode = r.text(col.POSTCODE, 10, "the workplace's postcode");
  if (postcode && !POSTCODE.test(postcode)) {
    r.error(col.POSTCODE, "format", `POSTCODE "${postcode}" is not a UK postcode: enter it like WA7 1AB.`);
    postcode = null;
  }
  const employerType = r.code(
    col.ESTTYPE,
    EMPLOYER_TYPES,
    "1 (local authority adult services), 3 (local authority other), 6 (private), 7 (voluntary or charity) or 8 (other)",
    REQUIRED,
  );
  if (employerType === 8 && !r.raw(col.OTHERTYPE))
    r.warn(col.OTHERTYPE, "missing", "ESTTYPE is 8 (Other): say what kind of employer in OTHERTYPE.");
  const mainService = r.code(col.MAINSERVICE, SERVICE_CODES, "the ASC-WDS code of the main service", REQUIRED);
  const regtype = r.code(col.REGTYPE, new Set([0, 2]), "0 (not regulated by the CQC) or 2 (CQC regulated)", REQUIRED);
  if (regtype !== null && mainService !== null && (regtype === 2) !== CQC_SERVICES.has(mainService)) {
    r.error(
      col.REGTYPE,
      "main_service",
      regtype === 2
        ? `REGTYPE is 2 (CQC regulated) but MAINSERVICE ${mainService} is not a CQC-regulated service. Change REGTYPE to 0 or the main service.`
        : `MAINSERVICE ${mainService} is regulated by the CQC but REGTYPE is 0. Change REGTYPE to 2 and give the CQC provider and location IDs.`,
    );
  }
  const provnum = r.raw(col.PROVNUM);
  if (provnum && !CQC_ID.test(provnum))
    r.error(col.PROVNUM, "format", `PROVNUM "${provnum}" is not a CQC provider ID: it looks like 1-123456789.`);
  if (regtype === 2 && !provnum)
    r.error(
      col.PROVNUM,
      "missing",
      "REGTYPE is 2 (CQC regulated): enter the CQC provider ID in PROVNUM, like 1-123456789.",
    );
  const locationId = r.raw(col.LOCATIONID);
  if (locationId && !CQC_ID.test(locationId))
    r.error(
      col.LOCATIONID,
      "format",
      `LOCATIONID "${locationId}" is not a CQC location ID: it looks like 1-123456789.`,
    );
  if (regtype === 2 && !locationId && mainService !== 72)
    r.error(
      col.LOCATIONID,
      "missing",
      "REGTYPE is 2 (CQC regulated): enter the CQC location ID in LOCATIONID, like 1-123456789.",
    );

  // Services, with capacity and utilisation in the same order.
  const all = r.list(col.ALLSERVICES);
  let otherServices: number[] = [];
  if (all.length && mainService !== null) {
    const codes = all.map(Number);
    if (all.some((c) => !/^\d+$/.test(c)) || codes.some((c) => c !== 0 && !SERVICE_CODES.has(c))) {
      r.error(
        col.ALLSERVICES,
        "code",
        "ALLSERVICES has a code that is not an ASC-WDS service: list service codes separated by ;, starting with the main service.",
      );
    } else if (!codes.includes(mainService)) {
      r.error(
        col.ALLSERVICES,
        "main_missing",
        `ALLSERVICES must include the main service (${mainService}). Add it, or write ${mainService};0 if there are no other services.`,
      );
    } else if (codes.includes(0) && codes.length !== 2) {
      r.error(
        col.ALLSERVICES,
        "zero_with_others",
        '0 in ALLSERVICES means "no other services": use it only as MAIN;0.',
      );
    } else otherServices = codes.filter((c) => c !== 0 && c !== mainService);
  }
  const capacities = r.list(col.CAPACITY);
  const utilisations = r.list(col.UTILISATION);
  for (const [column, values] of [
    [col.CAPACITY, capacities],
    [col.UTILISATION, utilisations],
  ] as const) {
    if (values.length && values.length !== all.length)
      r.error(
        column,
        "count",
        `${column.name} has ${values.length} values but ALLSERVICES has ${all.length}: give one value per service, in the same order (blank for none).`,
      );
    if (values.some((v) => v !== "" && !(/^\d{1,4}$/.test(v) && Number(v) < 9999)))
      r.error(column, "range", `${column.name} values must be whole numbers from 0 to 9998, separated by ;.`);
  }
  const mainIndex = mainService === null ? -1 : all.map(Number).indexOf(mainService);
  const capacity = mainIndex >= 0 && capacities[mainIndex] ? Number(capacities[mainIndex]) : null;
  const utilisation = mainIndex >= 0 && utilisations[mainIndex] ? Number(utilisations[mainIndex]) : null;
  if (capacity !== null && utilisation !== null && utilisation > capacity)
    r.warn(
      col.UTILISATION,
      "over_capacity",
      `UTILISATION ${utilisation} is more than CAPACITY ${capacity} for the main service: check both.`,
    );
  if (mainService !== null && OTHER_SERVICES.has(mainService) && !r.list(col.SERVICEDESC)[Math.max(mainIndex, 0)]) {
    r.warn(col.SERVICEDESC, "missing", `MAINSERVICE ${mainService} is an "other" service: describe it in SERVICEDESC.`);
  }
  const users = r.list(col.SERVICEUSERS);
  if (users.some((u) => !SERVICE_USER_CODES.has(Number(u))))
    r.error(
      col.SERVICEUSERS,
      "code",
      "SERVICEUSERS has a code that is not an ASC-WDS service user group: check the codes, separated by ;.",
    );
  const userDescs = r.list(col.OTHERUSERDESC);
  if (userDescs.length && userDescs.length !== users.length)
    r.error(
      col.OTHERUSERDESC,
      "count",
      `OTHERUSERDESC has ${userDescs.length} values but SERVICEUSERS has ${users.length}: give one per group, in the same order (blank where none is needed).`,
    );

  const declaredStaffTotal = r.number(col.TOTALPERMTEMP, 0, 999, {
    required: true,
    what: "the number of permanent and temporary staff",
  });

  // Starters, leavers and vacancies by job role, declared as at the upload's date.
  const declared: DeclaredCount[] = [];
  const roles = r.list(col.ALLJOBROLES);
  if (roles.some((c) => !JOB_ROLE_CODES.has(Number(c))))
    r.error(
      col.ALLJOBROLES,
      "code",
      "ALLJOBROLES has a code that is not an ASC-WDS job role: check the codes, separated by ;.",
    );
  for (const [column, kind] of [
    [col.STARTERS, "starters"],
    [col.LEAVERS, "leavers"],
    [col.VACANCIES, "vacancies"],
  ] as const) {
    const values = r.list(column);
    if (!values.length) continue;
    if (values.length === 1 && values[0] === "999") {
      declared.push({ kind, code: null, count: null });
      continue;
    }
    if (values.length === 1 && values[0] === "0" && !roles.length) {
      declared.push({ kind, code: null, count: 0 });
      continue;
    }
    if (values.length !== roles.length) {
      r.error(
        column,
        "count",
        `${column.name} has ${values.length} values but ALLJOBROLES has ${roles.length}: give one count per job role, in the same order (or 0 for none, 999 if you do not know).`,
      );
      continue;
    }
    if (values.some((v) => !/^\d{1,3}$/.test(v))) {
      r.error(column, "range", `${column.name} counts must be whole numbers from 0 to 999, separated by ;.`);
      continue;
    }
    declared.push(...values.map((v, i) => ({ kind, code: Number(roles[i]), count: Number(v) })));
  }
  const reasons = r.list(col.REASONS);
  const reasonCounts = r.list(col.REASONNOS);
  if (reasons.length || reasonCounts.length) {
    if (reasons.length !== reasonCounts.length)
      r.error(
        col.REASONNOS,
        "count",
        `REASONNOS has ${reasonCounts.length} values but REASONS has ${reasons.length}: give one count per reason.`,
      );
    else if (reasons.some((c) => !REASON_CODES.has(Number(c))) || reasonCounts.some((c) => !/^\d{1,3}$/.test(c))) {
      r.error(
        col.REASONS,
        "code",
        "REASONS must be leaving reason codes 1 to 9 and REASONNOS whole numbers, each separated by ;.",
      );
    } else {
      const totalLeavers = declared.filter((d) => d.kind === "leavers").reduce((s, d) => s + (d.count ?? 0), 0);
      const totalReasons = reasonCounts.reduce((s, c) => s + Number(c), 0);
      if (totalReasons !== totalLeavers)
        r.error(
          col.REASONNOS,
          "total",
          `REASONNOS add up to ${totalReasons} but LEAVERS add up to ${totalLeavers}: they must match.`,
        );
      declared.push(
        ...reasons.map((c, i) => ({
          kind: "leaving_reason" as const,
          code: Number(c),
          count: Number(reasonCounts[i]),
        })),
      );
    }
  }

  const ascwds: Record<string, string> = {};
  for (const k of KEPT) {
    const v = r.raw(col[k.column]);
    if (!v) continue;
    if (k.allowed && !k.allowed.test(v))
      r.warn(
        col[k.column],
        "value",
        `${k.column} "${v}" is not a recognised answer (expected ${k.what}); it will not be saved.`,
      );
    else ascwds[k.column] = v;
  }
  // Capacity and utilisation of the other services, in their ALLSERVICES order (the main service's are columns).
  const others = all.map((c, i) => ({ c, i })).filter(({ c }) => c !== "0" && Number(c) !== mainService);
  const otherCapacity = others.map(({ i }) => capacities[i] ?? "");
  const otherUtilisation = others.map(({ i }) => utilisations[i] ?? "");
  if (otherCapacity.some(Boolean)) ascwds.OTHERCAPACITY = otherCapacity.join(";");
  if (otherUtilisation.some(Boolean)) ascwds.OTHERUTILISATION = otherUtilisation.join(";");

  if (r.hasErrors || !localRef || !name || !address1 || !postcode || mainService === null) return null;
  return {
    line: row.line,
    localRef,
    status,
    values: {
      name,
      address1,
      town,
      postcode: postcode.toUpperCase(),
      employerType,
      mainService,
      otherServices,
      capacity,
      utilisation,
      cqcProviderId: provnum || null,
      cqcLocationId: locationId || null,
      declaredStaffTotal,
      ascwds,
    },
    declared,
  };
}
