import {
  addContractStandardInput,
  contractInput,
  contractOptionsResponse,
  contractResponse,
  contractStandardResponse,
  contractsQuery,
  contractsResponse,
  removeContractStandardResponse,
  standardInput,
  standardResponse,
  standardsResponse,
} from "../../../shared/schemas/commissioning-contracts";
import { orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import { isoDate } from "../../lib/time";
import { presentContractSummary, presentStandard } from "./contracts.presenter";
import * as contracts from "./contracts.service";
import * as standards from "./standards.service";

// Contracts and the standards library (issue 19 item 1): the council's library of workforce
// standards, its contracts with prices, workplaces and standards, and a provider's own contracts.

const tag = "Commissioning: contracts";
const COUNCIL = ["council"] as const;
const view = { tag, scope: "org", permission: "commissioning.view", orgKinds: COUNCIL } as const;
const manage = { tag, scope: "org", permission: "commissioning.manage", orgKinds: COUNCIL } as const;
const provider = { tag, scope: "org", permission: "commissioning.view", orgKinds: ["provider"] as const } as const;
const base = "/api/orgs/:orgId/commissioning";

export function contractRoutes(r: Router) {
  // The standards library.
  r.define(
    {
      ...view,
      method: "get",
      path: `${base}/standards`,
      response: standardsResponse,
      summary:
        "The council's library of workforce standards (current first, then archived), each with its threshold in words, what it measures over and how many contracts carry it",
    },
    async (c) => c.json({ standards: (await standards.listStandards(orgCtxOf(c))).map(presentStandard) }),
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${base}/standards`,
      body: standardInput,
      response: standardResponse,
      summary:
        "Add a standard to the library: a kind of rule, a name, a description and a threshold in the kind's unit (a share 0–1, pounds, or none for a yes/no kind; omitted: the kind's default)",
    },
    async (c, { body }) =>
      c.json({ standard: presentStandard(await standards.createStandard(orgCtxOf(c), body)) }, 201),
  );
  r.define(
    {
      ...manage,
      method: "put",
      path: `${base}/standards/:standardId`,
      body: standardInput,
      response: standardResponse,
      summary:
        "Change a library standard's name, description and threshold (its kind only while no contract carries it); contracts without their own threshold follow it",
    },
    async (c, { body }) => {
      const id = idParam(c, "standardId", "standard");
      return c.json({ standard: presentStandard(await standards.updateStandard(orgCtxOf(c), id, body)) });
    },
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${base}/standards/:standardId/archive`,
      response: standardResponse,
      summary: "Archive a library standard: it stays on the contracts that carry it but cannot be added anew",
    },
    async (c) => {
      const id = idParam(c, "standardId", "standard");
      return c.json({ standard: presentStandard(await standards.archiveStandard(orgCtxOf(c), id)) });
    },
  );

  // Contracts.
  r.define(
    {
      ...view,
      method: "get",
      path: `${base}/contracts`,
      query: contractsQuery,
      response: contractsResponse,
      summary:
        "The council's contracts, filtered by service type, provider and a date they are active on, with each one's provider and how many standards it carries",
    },
    async (c, { query }) => {
      const ctx = orgCtxOf(c);
      const rows = await contracts.listContracts(ctx, query);
      const today = isoDate(ctx.deps.now());
      return c.json({ contracts: rows.map((row) => presentContractSummary(row, today)) });
    },
  );
  r.define(
    {
      ...view,
      method: "get",
      path: `${base}/contract-options`,
      response: contractOptionsResponse,
      summary:
        "What the contract form needs: the providers the council commissions or has commissioned, with the dates, and their workplaces",
    },
    async (c) => c.json({ providers: await contracts.contractOptions(orgCtxOf(c)) }),
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${base}/contracts`,
      body: contractInput,
      response: contractResponse,
      summary:
        "Record a contract with a provider the council commissions at its start: reference (unique in the council), service type, lot, framework, dates, value, unit prices by band and the provider's workplaces it covers (none: all)",
    },
    async (c, { body }) => c.json({ contract: await contracts.createContract(orgCtxOf(c), body) }, 201),
  );
  r.define(
    {
      ...view,
      method: "get",
      path: `${base}/contracts/:contractId`,
      response: contractResponse,
      summary:
        "One of the council's contracts with its prices, workplaces and standards (with each one's latest result)",
    },
    async (c) => {
      const id = idParam(c, "contractId", "contract");
      return c.json({ contract: await contracts.getContract(orgCtxOf(c), id) });
    },
  );
  r.define(
    {
      ...manage,
      method: "put",
      path: `${base}/contracts/:contractId`,
      body: contractInput,
      response: contractResponse,
      summary:
        "Change a contract's details; its prices and workplaces are replaced by those sent, in one transaction (the provider cannot change once it has compliance results)",
    },
    async (c, { body }) => {
      const id = idParam(c, "contractId", "contract");
      return c.json({ contract: await contracts.updateContract(orgCtxOf(c), id, body) });
    },
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${base}/contracts/:contractId/standards`,
      body: addContractStandardInput,
      response: contractStandardResponse,
      summary:
        "Add a library standard to a contract, with its own threshold if wanted, measured from a quarter on (default: the last ended quarter, so a result can be computed at once); 409 when the contract carries it already",
    },
    async (c, { body }) => {
      const id = idParam(c, "contractId", "contract");
      return c.json({ standard: await contracts.addContractStandard(orgCtxOf(c), id, body) }, 201);
    },
  );
  r.define(
    {
      ...manage,
      method: "delete",
      path: `${base}/contracts/:contractId/standards/:contractStandardId`,
      response: removeContractStandardResponse,
      summary:
        "Take a standard off a contract: with results, it ends from the current quarter and its history stays; without, it is deleted",
    },
    async (c) => {
      const id = idParam(c, "contractId", "contract");
      const csId = idParam(c, "contractStandardId", "standard on this contract");
      return c.json(await contracts.removeContractStandard(orgCtxOf(c), id, csId));
    },
  );

  // The provider's own contracts.
  r.define(
    {
      ...provider,
      method: "get",
      path: "/api/orgs/:orgId/contracts",
      response: contractsResponse,
      summary: "The provider's own contracts, with every council that holds one",
    },
    async (c) => {
      const ctx = orgCtxOf(c);
      const today = isoDate(ctx.deps.now());
      return c.json({
        contracts: (await contracts.listProviderContracts(ctx)).map((row) => presentContractSummary(row, today)),
      });
    },
  );
  r.define(
    {
      ...provider,
      method: "get",
      path: "/api/orgs/:orgId/contracts/:contractId",
      response: contractResponse,
      summary:
        "One of the provider's own contracts with its prices, workplaces and standards (each with what it measures and over what time); another provider's is not found",
    },
    async (c) => {
      const id = idParam(c, "contractId", "contract");
      return c.json({ contract: await contracts.getProviderContract(orgCtxOf(c), id) });
    },
  );
}
