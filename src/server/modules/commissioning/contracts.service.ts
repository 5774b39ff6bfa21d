import { lastEndedPeriod, periodBounds, periodOf, STANDARD_KINDS } from "../../../shared/commissioning";
import { longDate } from "../../../shared/dates";
import type {
  AddContractStandardInput,
  ContractInput,
  ContractsQuery,
} from "../../../shared/schemas/commissioning-contracts";
import { thresholdProblem } from "../../../shared/schemas/commissioning-contracts";
import { inTransaction, type OrgCtx } from "../../context";
import { badRequest, conflict, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { commissions } from "../orgs/commissioning";
import { findCommissionedProviders } from "../orgs/orgs.repo";
import { assessPeriod } from "./compliance.service";
import { presentContractDetail } from "./contracts.presenter";
import * as repo from "./contracts.repo";

// A council's contracts with the providers it commissions (issue 19 item 1): service type, lot
// and framework, dates, value, unit prices by band with planned volumes, the provider's
// workplaces it covers (none = all), and the workforce standards it carries from the council's
// library, each from a quarter on. A provider reads its own contracts, with every council that
// holds one. Saving a contract replaces its prices and workplaces in one transaction, audited.

const today = (ctx: OrgCtx) => isoDate(ctx.deps.now());
const invalid = (path: string, message: string) => badRequest("validation", message, [{ path, message }]);

// The council's contracts.

export const listContracts = (ctx: OrgCtx, filter: ContractsQuery) =>
  repo.listContracts(ctx.db, { councilId: ctx.org.id }, filter);

/** The providers the council commissions (now or before), with their workplaces, for the form. */
export async function contractOptions(ctx: OrgCtx) {
  const links = await findCommissionedProviders(ctx.db, ctx.org.id);
  const byProvider = new Map<string, { id: string; name: string; links: { from: string; to: string | null }[] }>();
  for (const l of links) {
    const p = byProvider.get(l.org.id) ?? { id: l.org.id, name: l.org.name, links: [] };
    p.links.push({ from: l.link.fromDate, to: l.link.toDate });
    byProvider.set(l.org.id, p);
  }
  const places = await repo.listWorkplacesOf(ctx.db, [...byProvider.keys()]);
  return [...byProvider.values()]
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map((p) => ({
      ...p,
      links: p.links.sort((a, b) => a.from.localeCompare(b.from)),
      workplaces: places.filter((w) => w.orgId === p.id).map(({ id, name, localRef }) => ({ id, name, localRef })),
    }));
}

async function detail(ctx: OrgCtx, scope: repo.ContractScope, id: string) {
  const row = await repo.findContract(ctx.db, scope, id);
  if (!row) throw notFound("contract");
  return presentContractDetail(row, today(ctx), {
    prices: await repo.listPrices(ctx.db, id),
    workplaces: await repo.listContractWorkplaces(ctx.db, id),
    standards: await repo.listContractStandards(ctx.db, id),
    latest: await repo.listLatestResults(ctx.db, id),
  });
}

export const getContract = (ctx: OrgCtx, id: string) => detail(ctx, { councilId: ctx.org.id }, id);

/** The checks a contract's details need beyond the schema: provider, reference, workplaces. */
async function checkContract(ctx: OrgCtx, input: ContractInput, self?: string) {
  if (!(await commissions(ctx.db, ctx.org.id, input.providerId, input.startDate))) {
    const links = (await findCommissionedProviders(ctx.db, ctx.org.id)).filter((l) => l.org.id === input.providerId);
    if (!links.length)
      throw invalid("providerId", "Choose a provider your council commissions: that provider is not one of them");
    const spans = links
      .map((l) =>
        l.link.toDate
          ? `${longDate(l.link.fromDate)} to ${longDate(l.link.toDate)}`
          : `from ${longDate(l.link.fromDate)}`,
      )
      .join(", ");
    throw invalid(
      "providerId",
      `Your council does not commission ${links[0].org.name} on the start date, ${longDate(input.startDate)} (it does ${spans}): change the start date or the provider`,
    );
  }
  const same = await repo.findContractByReference(ctx.db, ctx.org.id, input.reference);
  if (same && same.id !== self)
    throw conflict(
      "reference_taken",
      `Your council already has a contract with the reference ${input.reference}: give this one its own reference.`,
    );
  const wanted = [...new Set(input.workplaceIds)];
  const own = new Set((await repo.listWorkplacesOfAmong(ctx.db, input.providerId, wanted)).map((w) => w.id));
  const stray = wanted.filter((id) => !own.has(id));
  if (stray.length)
    throw invalid(
      "workplaceIds",
      `Choose only the provider's own workplaces: ${stray.length === 1 ? "one chosen workplace is" : `${stray.length} chosen workplaces are`} not the provider's`,
    );
  return wanted;
}

const contractColumns = (input: ContractInput) => ({
  providerId: input.providerId,
  reference: input.reference,
  name: input.name,
  serviceType: input.serviceType,
  lot: input.lot,
  framework: input.framework,
  startDate: input.startDate,
  endDate: input.endDate,
  annualValue: input.annualValue,
});

const auditContract = (
  c: ReturnType<typeof contractColumns>,
  prices: ContractInput["prices"],
  workplaceIds: string[],
) => ({
  ...c,
  prices: prices.map((p) => ({ band: p.band, unit: p.unit, price: p.price, weeklyVolume: p.weeklyVolume })),
  workplaceIds,
});

export async function createContract(ctx: OrgCtx, input: ContractInput) {
  const id = await inTransaction(ctx, async (tx) => {
    const workplaceIds = await checkContract(tx, input);
    const c = await repo.insertContract(tx.db, { councilId: tx.org.id, ...contractColumns(input) });
    await repo.replacePrices(tx.db, tx.org.id, c.id, input.prices);
    await repo.replaceWorkplaces(tx.db, tx.org.id, c.id, workplaceIds);
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "contract",
      entityId: c.id,
      after: auditContract(contractColumns(input), input.prices, workplaceIds),
    });
    return c.id;
  });
  return getContract(ctx, id);
}

export async function updateContract(ctx: OrgCtx, id: string, input: ContractInput) {
  await inTransaction(ctx, async (tx) => {
    const before = await detail(tx, { councilId: tx.org.id }, id);
    if (before.provider.id !== input.providerId && (await repo.countContractResults(tx.db, tx.org.id, id)) > 0)
      throw conflict(
        "provider_fixed",
        `This contract has compliance results for ${before.provider.name}, so its provider cannot change: end this contract and add a new one for the other provider.`,
      );
    const workplaceIds = await checkContract(tx, input, id);
    await repo.updateContract(tx.db, tx.org.id, id, contractColumns(input));
    await repo.replacePrices(tx.db, tx.org.id, id, input.prices);
    await repo.replaceWorkplaces(tx.db, tx.org.id, id, workplaceIds);
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "contract",
      entityId: id,
      before: auditContract(
        {
          providerId: before.provider.id,
          reference: before.reference,
          name: before.name,
          serviceType: before.serviceType,
          lot: before.lot,
          framework: before.framework,
          startDate: before.startDate,
          endDate: before.endDate,
          annualValue: before.annualValue,
        },
        before.prices,
        before.workplaces.map((w) => w.id),
      ),
      after: auditContract(contractColumns(input), input.prices, workplaceIds),
    });
  });
  return getContract(ctx, id);
}

// A contract's standards.

export async function addContractStandard(ctx: OrgCtx, contractId: string, input: AddContractStandardInput) {
  const csId = await inTransaction(ctx, async (tx) => {
    const contract = await repo.findContract(tx.db, { councilId: tx.org.id }, contractId);
    if (!contract) throw notFound("contract");
    const std = await repo.findStandard(tx.db, tx.org.id, input.standardId);
    if (!std) throw invalid("standardId", "Choose a standard from your council's library");
    const kind = std.s.kind as keyof typeof STANDARD_KINDS;
    const problem = thresholdProblem(kind, input.threshold);
    if (problem) throw invalid("threshold", problem);
    const first = periodOf(contract.c.startDate);
    const fromPeriod = input.fromPeriod ?? [lastEndedPeriod(today(tx)), first].sort().at(-1) ?? first;
    if (fromPeriod < first)
      throw invalid(
        "fromPeriod",
        `The first quarter must be on or after the contract's start (${first}, ${periodBounds(first).label})`,
      );
    if (contract.c.endDate && fromPeriod > periodOf(contract.c.endDate))
      throw invalid(
        "fromPeriod",
        `The first quarter must be before the contract ends on ${longDate(contract.c.endDate)} (${periodOf(contract.c.endDate)})`,
      );
    const threshold = STANDARD_KINDS[kind].unit === "none" ? null : (input.threshold ?? null);
    const existing = await repo.findContractStandardFor(tx.db, contractId, std.s.id);
    if (existing && existing.untilPeriod === null)
      throw conflict("already_carried", `This contract already carries "${std.s.name}".`);
    if (std.s.archivedAt)
      throw invalid(
        "standardId",
        `"${std.s.name}" is archived in your library, so it cannot be added to a contract: choose another standard`,
      );
    if (existing) {
      // Removed before, with results kept: it applies again from its first quarter, as before.
      const cs = await repo.updateContractStandard(tx.db, tx.org.id, existing.id, {
        untilPeriod: null,
        threshold,
      });
      await recordAudit(tx, {
        orgId: tx.org.id,
        action: "reinstate",
        entityType: "contract_standard",
        entityId: cs.id,
        before: { untilPeriod: existing.untilPeriod, threshold: existing.threshold },
        after: { contractId, standardId: std.s.id, untilPeriod: null, threshold },
      });
      return cs.id;
    }
    const cs = await repo.insertContractStandard(tx.db, {
      contractId,
      councilId: tx.org.id,
      standardId: std.s.id,
      threshold,
      fromPeriod,
      addedBy: tx.actor.userId,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "contract_standard",
      entityId: cs.id,
      after: { contractId, standardId: std.s.id, name: std.s.name, threshold, fromPeriod },
    });
    return cs.id;
  });
  // Its result for the last ended quarter, worked out now, so the commissioner sees it at once
  // (compliance also computes missing results whenever they are read).
  const lastEnded = lastEndedPeriod(today(ctx));
  const carried = (await repo.listContractStandards(ctx.db, contractId)).find((x) => x.cs.id === csId);
  if (carried && carried.cs.fromPeriod <= lastEnded) {
    // The standard is saved either way; a failure here is compliance's to report, and the result
    // is worked out again when compliance is read.
    try {
      await assessPeriod(ctx, lastEnded, { contractIds: [contractId] });
    } catch (err) {
      ctx.log.error("compliance could not be worked out after adding a standard", {
        period: lastEnded,
        error: err instanceof Error ? err.message : String(err),
      });
    }
  }
  const contract = await getContract(ctx, contractId);
  const view = contract.standards.find((s) => s.id === csId);
  if (!view) throw notFound("standard");
  return view;
}

/**
 * Takes a standard off a contract. With results, it ends from the current quarter (untilPeriod)
 * so its history stays; without, the row goes.
 */
export async function removeContractStandard(ctx: OrgCtx, contractId: string, csId: string) {
  return inTransaction(ctx, async (tx) => {
    const row = await repo.findContractStandard(tx.db, tx.org.id, contractId, csId);
    if (!row) throw notFound("standard on this contract");
    if (row.cs.untilPeriod)
      throw conflict(
        "already_removed",
        `"${row.s.name}" was already taken off this contract from ${row.cs.untilPeriod} (${periodBounds(row.cs.untilPeriod).label}).`,
      );
    const before = { contractId, standardId: row.s.id, threshold: row.cs.threshold, fromPeriod: row.cs.fromPeriod };
    if ((await repo.countResults(tx.db, tx.org.id, csId)) > 0) {
      const untilPeriod = periodOf(today(tx));
      await repo.updateContractStandard(tx.db, tx.org.id, csId, { untilPeriod });
      await recordAudit(tx, {
        orgId: tx.org.id,
        action: "remove",
        entityType: "contract_standard",
        entityId: csId,
        before: { ...before, untilPeriod: null },
        after: { ...before, untilPeriod },
      });
      return { removed: csId, kept: true, untilPeriod };
    }
    await repo.deleteContractStandard(tx.db, tx.org.id, csId);
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "delete",
      entityType: "contract_standard",
      entityId: csId,
      before,
    });
    return { removed: csId, kept: false, untilPeriod: null };
  });
}

// The provider's own contracts.

export const listProviderContracts = (ctx: OrgCtx) => repo.listContracts(ctx.db, { providerId: ctx.org.id });
export const getProviderContract = (ctx: OrgCtx, id: string) => detail(ctx, { providerId: ctx.org.id }, id);
