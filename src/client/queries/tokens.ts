// API tokens for an organisation's other systems. Response types live here, one place for the feature.
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { createTokenInput } from "../../shared/schemas";
import { api } from "../lib/api";

export interface Token {
  id: string;
  name: string;
  scope: "read" | "write";
  prefix: string;
  createdAt: string;
  createdBy: { id: string; name: string; email: string } | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** limited: its creator's role no longer allows all of its scope; creator_left: it no longer works. */
  status: "active" | "limited" | "creator_left" | "revoked";
}

export const tokenKeys = { tokens: (orgId: string) => ["tokens", orgId] as const };

export const tokenQueries = {
  tokens: (orgId: string) =>
    queryOptions({
      queryKey: tokenKeys.tokens(orgId),
      queryFn: () => api<{ tokens: Token[] }>("GET", `/api/orgs/${orgId}/api-tokens`),
    }),
};

export const tokenApi = {
  create: (orgId: string, body: z.input<typeof createTokenInput>) =>
    api<{ secret: string }>("POST", `/api/orgs/${orgId}/api-tokens`, body),
  revoke: (orgId: string, id: string) => api<unknown>("DELETE", `/api/orgs/${orgId}/api-tokens/${id}`),
};
