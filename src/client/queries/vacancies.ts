// Vacancies and agency use. Response types live here, one place for the feature.
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { agencyUseInput, closeVacancyInput, openVacancyInput } from "../../shared/schemas";
import { api } from "../lib/api";

export interface Vacancy {
  id: string;
  workplace: { id: string; name: string };
  role: { code: number; label: string };
  openedOn: string;
  closedOn: string | null;
}
export interface AgencyMonth {
  id: string;
  workplace: { id: string; name: string };
  month: string;
  hours: number | null;
  spend: number | null;
  roles: number[];
}

export const vacancyKeys = {
  vacancies: (orgId: string) => ["vacancies", orgId] as const,
  agency: (orgId: string) => ["agency", orgId] as const,
};

export const vacancyQueries = {
  vacancies: (orgId: string) =>
    queryOptions({
      queryKey: vacancyKeys.vacancies(orgId),
      queryFn: () => api<{ vacancies: Vacancy[] }>("GET", `/api/orgs/${orgId}/vacancies`),
    }),
  agency: (orgId: string) =>
    queryOptions({
      queryKey: vacancyKeys.agency(orgId),
      queryFn: () => api<{ agencyUse: AgencyMonth[] }>("GET", `/api/orgs/${orgId}/agency-use`),
    }),
};

export const vacancyApi = {
  open: (orgId: string, body: z.input<typeof openVacancyInput>) =>
    api<unknown>("POST", `/api/orgs/${orgId}/vacancies`, body),
  close: (orgId: string, id: string, body: z.input<typeof closeVacancyInput>) =>
    api<unknown>("POST", `/api/orgs/${orgId}/vacancies/${id}/close`, body),
  saveAgencyMonth: (orgId: string, body: z.input<typeof agencyUseInput>) =>
    api<unknown>("PUT", `/api/orgs/${orgId}/agency-use`, body),
};
