// What this hub is (a public answer, before anyone signs in).
import { queryOptions } from "@tanstack/react-query";
import type { HubResponse } from "../../shared/schemas";
import { api } from "../lib/api";

export const systemQueries = {
  hub: () =>
    queryOptions({
      queryKey: ["hub"] as const,
      queryFn: () => api<HubResponse>("GET", "/api/hub"),
      staleTime: Infinity,
    }),
};
