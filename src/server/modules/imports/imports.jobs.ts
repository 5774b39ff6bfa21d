import { eq } from "drizzle-orm";
import type { OrgKind, Role } from "../../../shared/permissions";
import type { Deps, OrgCtx } from "../../context";
import { imports } from "../../db/schema";
import type { JobHandler } from "../../jobs/worker";
import { findOrgById } from "../orgs/orgs.repo";
import { commitStoredImport, type Decisions, validateStoredImport } from "./imports.service";

export interface ImportJobPayload {
  importId: string;
  orgId: string;
  userId: string | null;
  role: Role | null;
  isHubAdmin: boolean;
  decisions?: Decisions;
}

async function ctxFor(deps: Deps, p: ImportJobPayload): Promise<OrgCtx> {
  const org = await findOrgById(deps.db, p.orgId);
  return {
    db: deps.db,
    deps,
    log: deps.log.child({ importId: p.importId }),
    actor: { userId: p.userId, isHubAdmin: p.isHubAdmin },
    org: { id: org.id, kind: org.kind as OrgKind, name: org.name, slug: org.slug, isDemo: org.isDemo },
    role: p.role,
  };
}

/** Large uploads are validated and applied by the job worker; the browser polls the upload's status. */
export const importJobHandlers: Record<string, JobHandler> = {
  "import.validate": async (deps, job, progress) => {
    const p = job.payload as ImportJobPayload;
    await progress(10);
    const row = await validateStoredImport(await ctxFor(deps, p), p.importId);
    return { status: row?.status };
  },
  "import.commit": async (deps, job, progress) => {
    const p = job.payload as ImportJobPayload;
    await progress(10);
    try {
      const row = await commitStoredImport(await ctxFor(deps, p), p.importId, p.decisions as Decisions);
      return { status: row?.status };
    } catch (err) {
      // Nothing was applied (the commit is one transaction): the upload can be tried again.
      await deps.db.update(imports).set({ status: "ready" }).where(eq(imports.id, p.importId));
      throw err;
    }
  },
};
