import { CONTRACT } from "../../../shared/ascwds/codes";
import { agencyPlacements, agencySpend } from "./agency";
import { CALIBRATION } from "./calibration";
import { PROVIDER_NAMES, STREETS, TEMPLATES, type WorkplaceTemplate } from "./catalogue";
import { apportion, DAY, iso, yearsBefore } from "./dates";
import { leavers, linkRejoiners } from "./history";
import { workforceInPost } from "./in-post";
import { Random } from "./random";
import type { DemoData, GenOrg, GenStaff, GenWorkplace } from "./types";
import { vacanciesOverHistory } from "./vacancies";

export { CALIBRATION, NLW_2026, RLW_2025_26 } from "./calibration";
export type { DemoData, GenAgencyMonth, GenOrg, GenStaff, GenVacancy, GenWorkplace } from "./types";

/**
 * The demo system, deterministic for an anchor date and seed: a council, 40 providers, a college
 * and an NHS trust; 60 workplaces; the workforce in post at the anchor (in-post.ts), three years
 * of leavers (history.ts), vacancies (vacancies.ts) and agency workers and spend (agency.ts).
 */
/** Words that say what kind of service a provider runs, not who it is ("Care", "Homes", "Services"). */
const SERVICE_WORDS = new Set(
  "care homes home homecare nursing support supported living services service group residential domiciliary partnership collective".split(
    " ",
  ),
);

/**
 * A workplace named for its provider and its service: the provider's name without the words that
 * say what it does, then the service ("Lowerhouse Care Home" + "Care Home" is "Lowerhouse Care
 * Home", not "Lowerhouse Care Home Care Home"; "Norton Priory Nursing" + "Care Home" is "Norton
 * Priory Care Home").
 */
export function workplaceName(provider: string, service: string) {
  const words = provider.split(" ");
  while (words.length > 1 && SERVICE_WORDS.has(words[words.length - 1].toLowerCase())) words.pop();
  return `${words.join(" ")} ${service}`;
}

export function generateDemo(anchor: string, seed = 20240101): DemoData {
  const rnd = new Random(seed);
  const D = Date.parse(`${anchor}T00:00:00Z`);
  const C = CALIBRATION;

  const orgs = organisations();
  const workplaces = workplacesOf(rnd);
  // Scale sizes so the workforce in post is exactly the calibrated total.
  apportion(
    C.workforce,
    workplaces.map((w) => w.size),
  ).forEach((n, i) => {
    workplaces[i].size = n;
  });

  let niCounter = 0;
  const niNumbers = rnd.shuffle(Array.from({ length: 20000 }, (_, i) => 100000 + i * 37));
  const localCounters = new Map<string, number>();
  const ids = {
    // "QQ" is reserved for example NI numbers, so the demo can never hold a real one.
    nextNi: () => `QQ${String(niNumbers[niCounter++]).padStart(6, "0")}C`,
    nextLocalRef: (w: GenWorkplace) => {
      const n = (localCounters.get(w.key) ?? 0) + 1;
      localCounters.set(w.key, n);
      return `${w.localRef}-${String(n).padStart(4, "0")}`;
    },
  };

  // The history's month ends, its start first and the anchor last.
  const start = yearsBefore(D, C.history.years);
  const steps = 12 * C.history.years;
  const points = Array.from(
    { length: steps + 1 },
    (_, i) => start + Math.round(((D - start) / DAY) * (i / steps)) * DAY,
  );

  const inPost = workforceInPost(rnd, workplaces, D, start, ids);
  const staff: GenStaff[] = [...inPost, ...leavers(rnd, workplaces, inPost, D, points, ids)];
  const at = (t: number, who: (s: GenStaff) => boolean) => {
    const day = new Date(t).toISOString().slice(0, 10);
    return staff.filter((s) => s.startDate <= day && (s.endDate === null || s.endDate > day) && who(s)).length;
  };
  const workforceAt = points.map((t) => at(t, (s) => s.contractType !== CONTRACT.agency));
  const employedAt = points.map((t) =>
    at(t, (s) => s.contractType === CONTRACT.permanent || s.contractType === CONTRACT.temporary),
  );
  staff.push(...agencyPlacements(rnd, workplaces, points, (i) => workforceAt[i], ids.nextLocalRef));
  linkRejoiners(rnd, staff, workplaces);

  return {
    anchor,
    historyStart: iso(start),
    orgs,
    commissioned: orgs.filter((o) => o.kind === "provider").map((o) => o.key),
    workplaces,
    staff,
    vacancies: vacanciesOverHistory(rnd, workplaces, points, (i) => employedAt[i]),
    agency: agencySpend(rnd, workplaces, D),
  };
}

/** One council, 40 providers, a college and an NHS trust. */
function organisations(): GenOrg[] {
  return [
    { key: "council", kind: "council", name: "Halton Borough Council (demo)", slug: "halton" },
    ...PROVIDER_NAMES.map((name, i) => ({
      key: `p${i}`,
      kind: "provider" as const,
      name: `${name} (demo)`,
      slug: `demo-${name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/-$/, "")}`,
    })),
    { key: "college", kind: "training_partner", name: "Riverside College (demo)", slug: "riverside-college" },
    {
      key: "nhs",
      kind: "nhs_partner",
      name: "Halton Community Health NHS Trust (demo)",
      slug: "halton-community-health",
    },
  ];
}

/** Workplaces: 4 run by the council, 56 by providers (12 with two, 2 with three, 26 with one). */
function workplacesOf(rnd: Random): GenWorkplace[] {
  const kinds: WorkplaceTemplate["kind"][] = rnd.shuffle([
    ...Array(18).fill("home_care"),
    ...Array(16).fill("residential"),
    ...Array(10).fill("nursing"),
    ...Array(12).fill("supported_living"),
  ]);
  const perProvider = PROVIDER_NAMES.map((_, i) => (i < 12 ? 2 : i < 14 ? 3 : 1));
  const workplaces: GenWorkplace[] = [];
  const providerIds = new Map<string, string>();
  const providerIdOf = (orgKey: string) => {
    if (!providerIds.has(orgKey)) providerIds.set(orgKey, `1-${rnd.int(100000000, 999999999)}`);
    return providerIds.get(orgKey) as string;
  };
  const addWorkplace = (orgKey: string, kind: WorkplaceTemplate["kind"], name: string, employerType: number) => {
    const t = TEMPLATES[kind];
    const town = rnd.chance(0.5) ? "Runcorn" : "Widnes";
    const capacity = t.capacity
      ? rnd.int(...t.capacity)
      : kind === "home_care" || kind === "supported_living"
        ? rnd.int(40, 160)
        : null;
    workplaces.push({
      key: `w${workplaces.length}`,
      orgKey,
      localRef: `WP${String(workplaces.length + 1).padStart(3, "0")}`,
      name,
      template: kind,
      mainService: t.mainService,
      employerType,
      capacity,
      utilisation: capacity ? Math.round(capacity * rnd.between(0.82, 0.98)) : null,
      address1: `${rnd.int(1, 240)} ${rnd.pick(STREETS)}`,
      town,
      postcode: `${town === "Runcorn" ? "WA7" : "WA8"} ${rnd.int(1, 9)}${rnd.pick("ABDEFGHJLNPQRSTUWXYZ".split(""))}${rnd.pick("ABDEFGHJLNPQRSTUWXYZ".split(""))}`,
      cqcLocationId: kind === "day_services" ? null : `1-${rnd.int(100000000, 999999999)}`,
      cqcProviderId: kind === "day_services" ? null : providerIdOf(orgKey),
      size: rnd.int(...t.size),
    });
  };
  addWorkplace("council", "home_care", "Halton Reablement Service", 1);
  addWorkplace("council", "residential", "Oakmeadow Community Support Centre", 1);
  addWorkplace("council", "day_services", "Halton Day Services", 1);
  addWorkplace("council", "supported_living", "Halton Supported Living Team", 1);
  let k = 0;
  PROVIDER_NAMES.forEach((name, i) => {
    for (let n = 0; n < perProvider[i]; n++) {
      const kind = kinds[k++];
      const suffix = perProvider[i] > 1 ? ` – ${["North", "South", "East"][n]}` : "";
      addWorkplace(`p${i}`, kind, `${workplaceName(name, TEMPLATES[kind].label)}${suffix}`, rnd.chance(0.85) ? 6 : 7);
    }
  });
  return workplaces;
}
