import type { PostsView, TeamView } from "../../../shared/schemas/social-work-service";
import type { SwService } from "../../../shared/social-work";
import type { TeamRow } from "./teams.repo";

// What leaves the server of a team: its manager by name, its posts on the day and how many of its
// workers have an alert.

export const presentTeam = (t: TeamRow, extra: { posts: PostsView; workers: number; alerts: number }): TeamView => ({
  id: t.id,
  name: t.name,
  service: t.service as SwService,
  serviceArea: t.serviceArea,
  manager: t.managerUserId ? { id: t.managerUserId, name: t.managerName ?? "" } : null,
  caseloadThreshold: t.caseloadThreshold == null ? null : Number(t.caseloadThreshold),
  archivedAt: t.archivedAt?.toISOString() ?? null,
  ...extra,
});
