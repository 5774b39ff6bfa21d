// The minimum price floor, fee rates and tenders (issue 19 item 4). Types come from the shared schema.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { PRICE_FLOOR_CARE_TYPES, PRICE_FLOOR_YEARS } from "../../shared/price-floor";
import type {
  BidInput,
  BidView,
  FeeRateInput,
  FeeRatesResponse,
  FeeRateView,
  PriceFloorResponse,
  TenderInput,
  TenderResponse,
  TenderSummary,
  TendersResponse,
} from "../../shared/schemas/commissioning-price";
import { api } from "../lib/api";

export type {
  BidView,
  FeeRateInput,
  FeeRateView,
  FloorCheck,
  PriceFloorResponse,
  TenderResponse,
  TenderSummary,
} from "../../shared/schemas/commissioning-price";

/** The calculator page's year and care type in the address (a value the API would refuse is dropped). */
export const priceFloorSearch = z.object({
  year: z.enum(PRICE_FLOOR_YEARS).optional().catch(undefined),
  careType: z.enum(PRICE_FLOOR_CARE_TYPES).optional().catch(undefined),
});
export type PriceFloorSearch = z.infer<typeof priceFloorSearch>;

export const priceKeys = {
  all: (orgId: string) => ["orgs", orgId, "commissioning", "price"] as const,
  floor: (orgId: string, year: string | undefined, careType: string) =>
    ["orgs", orgId, "commissioning", "price", "floor", year ?? "", careType] as const,
  feeRates: (orgId: string) => ["orgs", orgId, "commissioning", "price", "fee-rates"] as const,
  tenders: (orgId: string) => ["orgs", orgId, "commissioning", "price", "tenders"] as const,
  tender: (orgId: string, id: string) => ["orgs", orgId, "commissioning", "price", "tenders", id] as const,
};

const base = (orgId: string) => `/api/orgs/${orgId}/commissioning`;

export const priceQueries = {
  floor: (orgId: string, year: string | undefined, careType: string) =>
    queryOptions({
      queryKey: priceKeys.floor(orgId, year, careType),
      queryFn: () =>
        api<PriceFloorResponse>(
          "GET",
          `${base(orgId)}/price-floor?${new URLSearchParams({ ...(year ? { year } : {}), careType })}`,
        ),
    }),
  feeRates: (orgId: string) =>
    queryOptions({
      queryKey: priceKeys.feeRates(orgId),
      queryFn: () => api<FeeRatesResponse>("GET", `${base(orgId)}/fee-rates`),
    }),
  tenders: (orgId: string) =>
    queryOptions({
      queryKey: priceKeys.tenders(orgId),
      queryFn: () => api<TendersResponse>("GET", `${base(orgId)}/tenders`),
    }),
  tender: (orgId: string, id: string) =>
    queryOptions({
      queryKey: priceKeys.tender(orgId, id),
      queryFn: () => api<TenderResponse>("GET", `${base(orgId)}/tenders/${id}`),
    }),
};

export const priceApi = {
  save: (orgId: string, year: string, careType: string, assumptions: Record<string, number>) =>
    api<PriceFloorResponse>("PUT", `${base(orgId)}/price-floor/${year}/${careType}`, { assumptions }),
  reset: (orgId: string, year: string, careType: string) =>
    api<{ removed: string }>("DELETE", `${base(orgId)}/price-floor/${year}/${careType}`),
  addRate: (orgId: string, body: FeeRateInput) => api<FeeRateView>("POST", `${base(orgId)}/fee-rates`, body),
  changeRate: (orgId: string, id: string, body: FeeRateInput) =>
    api<FeeRateView>("PUT", `${base(orgId)}/fee-rates/${id}`, body),
  removeRate: (orgId: string, id: string) => api<{ removed: string }>("DELETE", `${base(orgId)}/fee-rates/${id}`),
  addTender: (orgId: string, body: TenderInput) => api<TenderSummary>("POST", `${base(orgId)}/tenders`, body),
  removeTender: (orgId: string, id: string) => api<{ removed: string }>("DELETE", `${base(orgId)}/tenders/${id}`),
  addBid: (orgId: string, tenderId: string, body: Partial<BidInput>) =>
    api<BidView>("POST", `${base(orgId)}/tenders/${tenderId}/bids`, body),
  removeBid: (orgId: string, tenderId: string, id: string) =>
    api<{ removed: string }>("DELETE", `${base(orgId)}/tenders/${tenderId}/bids/${id}`),
};

const gbp = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });
/** Pounds and pence: £32.14. */
export const pounds = (n: number) => gbp.format(n);
