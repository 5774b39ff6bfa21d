import type { Role, TokenScope } from "../../shared/permissions";
import type { Deps, OrgRef } from "../context";
import type { Logger } from "../lib/logger";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  isHubAdmin: boolean;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    requestId: string;
    log: Logger;
    user: SessionUser | null;
    session: { tokenHash: string; csrfToken: string } | null;
    org: OrgRef | null;
    role: Role | null;
    /** Set when the request came with an organisation's API token instead of a session. */
    apiToken: {
      id: string;
      orgId: string;
      scope: TokenScope;
      createdBy: string | null;
      creatorRole: Role | null;
      creatorIsHubAdmin: boolean;
    } | null;
  };
}
