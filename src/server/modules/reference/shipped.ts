// Reference data shipped with the hub, from ../shared/reference/reference-data.md §4–5, each with
// its sources. Added at start-up when missing (never overwriting a hub admin's edit); a hub admin
// corrects or adds figures on the Reference data page.

const RLW_SOURCES: Record<string, string> = {
  "2019/20":
    "https://payadvice.uk/2019/11/11/living-wage-and-london-living-wage-increases-announced/ ; https://aco.uk.net/page/Living-Wage-Increase",
  "2020/21": "https://www.cipp.org.uk/resources/news/increases-to-the-real-living-wage-confirmed.html",
  "2021/22":
    "https://www.livingwage.org.uk/news/real-living-wage-increases-%C2%A3990-uk-and-%C2%A31105-london-cost-living-rises",
  "2022/23": "https://www.personneltoday.com/hr/new-living-wage-rate-2022-2023/",
  "2023/24": "https://www.livingwage.org.uk/news/real-living-wage-increases-%C2%A312-uk-and-%C2%A31315-london",
  "2024/25": "https://employeebenefits.co.uk/pay-strategy/real-living-wage-rate-to-increase-to-1260/279886.article",
  "2025/26": "https://www.independent.co.uk/bulletin/news/real-living-wage-increase-london-2026-b2850123.html",
};
const SIX_MONTHS = "Implementation deadline not published in the sources: six months after the announcement (derived).";

/** Real Living Wage: [rate year, announced, implementation deadline, UK, London, note]. */
const RLW: [string, string, string, number, number, string | null][] = [
  ["2019/20", "2019-11-11", "2020-05-11", 9.3, 10.75, SIX_MONTHS],
  ["2020/21", "2020-11-09", "2021-05-09", 9.5, 10.85, SIX_MONTHS],
  ["2021/22", "2021-11-15", "2022-05-15", 9.9, 11.05, null],
  ["2022/23", "2022-09-22", "2023-05-14", 10.9, 11.95, "Announced early, in September."],
  ["2023/24", "2023-10-24", "2024-05-01", 12.0, 13.15, null],
  ["2024/25", "2024-10-22", "2025-05-01", 12.6, 13.85, "Announcement date unconfirmed (22 or 23 October 2024)."],
  ["2025/26", "2025-10-22", "2026-04-22", 13.45, 14.8, SIX_MONTHS],
];

const NLW_SOURCE =
  "gov.uk National Minimum Wage and National Living Wage rates, as copied at https://www.bradgatebusinesssupport.co.uk/post/national-minimum-wage-and-national-living-wage-rates";
type Band = [band: string, minAge: number | null, maxAge: number | null, rate: number];
/** National Living Wage and Minimum Wage bands from 1 April of each year. */
const NLW: [string, Band[], string | null][] = [
  [
    "2020-04-01",
    [
      ["25_plus", 25, null, 8.72],
      ["21_24", 21, 24, 8.2],
      ["18_20", 18, 20, 6.45],
      ["under_18", null, 17, 4.55],
      ["apprentice", null, null, 4.15],
    ],
    null,
  ],
  [
    "2021-04-01",
    [
      ["23_plus", 23, null, 8.91],
      ["21_22", 21, 22, 8.36],
      ["18_20", 18, 20, 6.56],
      ["under_18", null, 17, 4.62],
      ["apprentice", null, null, 4.3],
    ],
    null,
  ],
  [
    "2022-04-01",
    [
      ["23_plus", 23, null, 9.5],
      ["21_22", 21, 22, 9.18],
      ["18_20", 18, 20, 6.83],
      ["under_18", null, 17, 4.81],
      ["apprentice", null, null, 4.81],
    ],
    null,
  ],
  [
    "2023-04-01",
    [
      ["23_plus", 23, null, 10.42],
      ["21_22", 21, 22, 10.18],
      ["18_20", 18, 20, 7.49],
      ["under_18", null, 17, 5.28],
      ["apprentice", null, null, 5.28],
    ],
    null,
  ],
  [
    "2024-04-01",
    [
      ["21_plus", 21, null, 11.44],
      ["18_20", 18, 20, 8.6],
      ["under_18", null, 17, 6.4],
      ["apprentice", null, null, 6.4],
    ],
    "The NLW age threshold fell to 21.",
  ],
  [
    "2025-04-01",
    [
      ["21_plus", 21, null, 12.21],
      ["18_20", 18, 20, 10.0],
      ["under_18", null, 17, 7.55],
      ["apprentice", null, null, 7.55],
    ],
    null,
  ],
  [
    "2026-04-01",
    [
      ["21_plus", 21, null, 12.71],
      ["18_20", 18, 20, 10.85],
      ["under_18", null, 17, 8.0],
      ["apprentice", null, null, 8.0],
    ],
    "18–20: one report says £10.50; the gov.uk copy says £10.85.",
  ],
];

export interface ShippedPayFloor {
  kind: "rlw" | "nlw";
  band: string;
  minAge: number | null;
  maxAge: number | null;
  rateYear: string;
  hourlyRate: number;
  announcedOn: string | null;
  applicableFrom: string;
  source: string;
  note: string | null;
}

export const SHIPPED_PAY_FLOORS: ShippedPayFloor[] = [
  ...RLW.flatMap(([rateYear, announcedOn, applicableFrom, uk, london, note]) =>
    (
      [
        ["uk", uk],
        ["london", london],
      ] as const
    ).map(([band, hourlyRate]) => ({
      kind: "rlw" as const,
      band,
      minAge: 18,
      maxAge: null,
      rateYear,
      hourlyRate,
      announcedOn,
      applicableFrom,
      source: RLW_SOURCES[rateYear],
      note,
    })),
  ),
  ...NLW.flatMap(([from, bands, note]) =>
    bands.map(([band, minAge, maxAge, hourlyRate]) => ({
      kind: "nlw" as const,
      band,
      minAge,
      maxAge,
      rateYear: from.slice(0, 4),
      hourlyRate,
      announcedOn: null,
      applicableFrom: from,
      source: NLW_SOURCE,
      note:
        band === "apprentice"
          ? "Apprentices under 19, or 19 and over in the first year of their apprenticeship."
          : note,
    })),
  ),
];

export interface ShippedComparator {
  metric: string;
  publisher: "sfc" | "dfe";
  edition: string;
  period: string;
  coverage: string;
  value: number;
  definition: string;
  source: string;
  note: string | null;
}

const SFC24 =
  "Skills for Care, The state of the adult social care sector and workforce in England, 2024 (2023/24 data)";
const SFC25 =
  "Skills for Care, The state of the adult social care sector and workforce in England, 2025 (2024/25 data)";
const VACANCY = "vacant posts ÷ (filled + vacant posts), as at the data year";
const TURNOVER = "leavers in the year ÷ directly employed staff (permanent and temporary)";
const sfc = (
  metric: string,
  edition: string,
  period: string,
  coverage: string,
  value: number,
  definition: string,
  source: string,
  note: string | null = null,
): ShippedComparator => ({
  metric,
  publisher: "sfc",
  edition,
  period,
  coverage,
  value,
  definition,
  source,
  note,
});
const LGI = "https://lginform.local.gov.uk/reports/downloadCSV/17174/chart-16";

const DFE = (year: string) => `DfE, Children's social work workforce, reporting year ${year} (at 30 September ${year})`;
const DFE_SOURCE: Record<string, string> = {
  "2023":
    "https://explore-education-statistics.service.gov.uk/data-catalogue/data-set/bd4d8c04-716a-4447-af3d-677aa3223917",
  "2024": "https://www.cypnow.co.uk/content/news/fall-in-number-of-agency-childrens-social-workers",
  "2025":
    "https://explore-education-statistics.service.gov.uk/data-catalogue/data-set/6d765688-fb18-4f13-8e8e-be816bc63b17",
};
const dfe = (
  metric: string,
  year: string,
  value: number,
  definition: string,
  note: string | null = null,
): ShippedComparator => ({
  metric,
  publisher: "dfe",
  edition: DFE(year),
  period: year,
  coverage: "england.children_social_work",
  value,
  definition,
  source: DFE_SOURCE[year],
  note,
});
const DERIVED = "Derived from rounded published figures.";

export const SHIPPED_COMPARATORS: ShippedComparator[] = [
  sfc(
    "vacancy_rate",
    SFC24,
    "2023/24",
    "england",
    0.083,
    VACANCY,
    "https://techuk.org/resource/skills-for-care-s-2024-state-of-care-report-the-latest-adult-social-care-workforce-trends.html",
  ),
  sfc("vacancy_rate", SFC24, "2023/24", "england.domiciliary", 0.119, VACANCY, "https://homecareassociation.org.uk/"),
  sfc(
    "vacancy_rate",
    SFC25,
    "2024/25",
    "england",
    0.07,
    VACANCY,
    "https://www.vodg.org.uk/resource/vodg-repsonds-to-skills-for-care-state-of-adult-social-care-report-2025.html",
  ),
  sfc(
    "turnover_rate",
    SFC24,
    "2023/24",
    "england",
    0.248,
    TURNOVER,
    LGI,
    "LG Inform, % adult social care staff turnover 2023/24.",
  ),
  sfc("turnover_rate", SFC24, "2023/24", "england.community", 0.157, TURNOVER, LGI),
  sfc("turnover_rate", SFC24, "2023/24", "england.day", 0.121, TURNOVER, LGI),
  sfc("turnover_rate", SFC24, "2023/24", "england.domiciliary", 0.246, TURNOVER, LGI),
  sfc("turnover_rate", SFC24, "2023/24", "england.residential", 0.271, TURNOVER, LGI),
  sfc(
    "turnover_rate",
    SFC25,
    "2023/24",
    "england.independent_sector",
    0.258,
    TURNOVER,
    "https://bcop.org.uk/news_ncf-respond-to-the-skills-for-care-report-2025",
    "2023/24 as restated in the 2025 edition.",
  ),
  sfc(
    "turnover_rate",
    SFC25,
    "2024/25",
    "england.independent_sector",
    0.247,
    TURNOVER,
    "https://bcop.org.uk/news_ncf-respond-to-the-skills-for-care-report-2025",
  ),
  sfc(
    "zero_hours_share",
    SFC24,
    "2023/24",
    "england",
    0.21,
    "workers on zero-hours contracts ÷ workforce",
    "https://www.rwkgoodman.com/info-hub/workforce-findings-in-skills-for-cares-annual-state-of-care-report/",
  ),
  sfc(
    "zero_hours_share",
    SFC24,
    "2023/24",
    "england.domiciliary",
    0.37,
    "workers on zero-hours contracts ÷ workforce",
    "https://www.rwkgoodman.com/info-hub/workforce-findings-in-skills-for-cares-annual-state-of-care-report/",
  ),
  sfc(
    "age_55_plus_share",
    SFC24,
    "2022/23",
    "england",
    0.29,
    "filled posts held by people aged 55 and over ÷ filled posts",
    "https://kcl.ac.uk/action-ageism-impacts-older-workers-retention-skills-for-care",
    "Cited in the July 2024 Workforce Strategy; the data year is probably 2022/23.",
  ),
  sfc(
    "age_55_plus_share",
    SFC25,
    "2024/25",
    "england",
    0.27,
    "filled posts held by people aged 55 and over ÷ filled posts",
    "https://www.vodg.org.uk/resource/vodg-repsonds-to-skills-for-care-state-of-adult-social-care-report-2025.html",
  ),
  sfc(
    "pay_median_hourly.care_worker",
    SFC24,
    "2023/24",
    "england.independent_sector",
    11.0,
    "median hourly pay of care workers, March",
    "https://www.rwkgoodman.com/info-hub/workforce-findings-in-skills-for-cares-annual-state-of-care-report/",
    "Derived: up 89p (8.8%) from March 2023.",
  ),
  sfc(
    "pay_median_hourly.care_worker",
    SFC25,
    "2024/25",
    "england.independent_sector",
    12.0,
    "median hourly pay of care workers, March",
    "https://www.vodg.org.uk/resource/vodg-repsonds-to-skills-for-care-state-of-adult-social-care-report-2025.html",
  ),
  sfc(
    "qual_l2_plus_share",
    SFC24,
    "2023/24",
    "england.care_workers",
    0.41,
    "care and support workers holding a relevant level 2 or higher qualification",
    "https://www.healthcare-management.uk/domestic-recruitment-retention-challenges-persist-adult-social-care",
  ),
  sfc(
    "qual_l2_plus_share",
    SFC25,
    "2024/25",
    "england.care_workers",
    0.38,
    "care and support workers holding a relevant level 2 or higher qualification",
    "http://www.narrativecare.org/",
  ),
  sfc(
    "gender_share.male",
    SFC25,
    "2024/25",
    "england",
    0.22,
    "men ÷ workforce",
    "https://www.parliamenttoday.com/free/viewnews.html?id=168530",
  ),
  dfe("turnover_rate_fte", "2023", 0.159, "FTE leavers in the year to 30 September ÷ FTE in post at 30 September"),
  dfe("turnover_rate_fte", "2024", 0.138, "FTE leavers in the year to 30 September ÷ FTE in post at 30 September"),
  dfe("turnover_rate_fte", "2025", 0.118, "FTE leavers in the year to 30 September ÷ FTE in post at 30 September"),
  dfe("agency_rate_fte", "2023", 0.178, "agency FTE ÷ (agency FTE + FTE in post)"),
  dfe("agency_rate_fte", "2024", 0.159, "agency FTE ÷ (agency FTE + FTE in post)", DERIVED),
  dfe("agency_rate_fte", "2025", 0.13, "agency FTE ÷ (agency FTE + FTE in post)"),
  dfe("vacancy_rate_fte", "2023", 0.189, "FTE vacancies ÷ (FTE vacancies + FTE in post)"),
  dfe("vacancy_rate_fte", "2024", 0.173, "FTE vacancies ÷ (FTE vacancies + FTE in post)", DERIVED),
  dfe("vacancy_rate_fte", "2025", 0.142, "FTE vacancies ÷ (FTE vacancies + FTE in post)"),
  dfe("filled_posts_fte", "2023", 33119.1, "social workers in post, FTE"),
  dfe("filled_posts_fte", "2024", 34328.2, "social workers in post, FTE"),
  dfe("filled_posts_fte", "2025", 36186.3, "social workers in post, FTE"),
  dfe("filled_posts", "2023", 35199, "social workers in post, headcount"),
  dfe("filled_posts", "2024", 36402, "social workers in post, headcount"),
  dfe("filled_posts", "2025", 38292, "social workers in post, headcount"),
];
