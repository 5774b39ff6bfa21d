// The DfE children's social work workforce census (issue 20 item 10): the summary for a year and
// where its files download. Types come from the shared schema.
import { queryOptions } from "@tanstack/react-query";
import type { CensusProblemView, CensusResponse } from "../../shared/schemas/social-work-census";
import { api } from "../lib/api";

export type { CensusProblemView, CensusResponse };

const base = (orgId: string, year: number) => `/api/orgs/${orgId}/social-work/census/${year}`;

export const censusQueries = {
  year: (orgId: string, year: number) =>
    queryOptions({
      queryKey: ["orgs", orgId, "social-work", "census", year] as const,
      queryFn: () => api<CensusResponse>("GET", base(orgId, year)),
    }),
};

/** Where a census file downloads (a plain link: the browser saves the file). */
export const censusFileUrl = (orgId: string, year: number, file: "workers.csv" | "aggregate.csv" | "census.xlsx") =>
  `${base(orgId, year)}/${file}`;
