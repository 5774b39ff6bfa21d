import type { Role } from "../../../shared/permissions";

export function presentMember(m: {
  membership: { id: string; role: string; createdAt: Date };
  user: { id: string; email: string; name: string; hasPassword: boolean };
}) {
  return {
    id: m.membership.id,
    role: m.membership.role as Role,
    since: m.membership.createdAt.toISOString(),
    user: { id: m.user.id, email: m.user.email, name: m.user.name, active: m.user.hasPassword },
  };
}

export function presentInvitation(i: { id: string; email: string; role: string; createdAt: Date; expiresAt: Date }) {
  return {
    id: i.id,
    email: i.email,
    role: i.role as Role,
    sent: i.createdAt.toISOString(),
    expires: i.expiresAt.toISOString(),
  };
}
