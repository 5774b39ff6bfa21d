import { describe, expect, it } from "vitest";
import {
  ADMIN_ROLE_BY_KIND,
  can,
  MATRIX,
  ORG_KINDS,
  PERMISSIONS,
  permissionsFor,
  ROLES,
  ROLES_BY_KIND,
} from "./permissions";

describe("permission matrix", () => {
  it("names only known permissions, and every kind's admin can manage users and see its audit trail", () => {
    for (const role of ROLES) for (const p of MATRIX[role]) expect(PERMISSIONS).toContain(p);
    for (const kind of ORG_KINDS) {
      const admin = ADMIN_ROLE_BY_KIND[kind];
      expect(ROLES_BY_KIND[kind]).toContain(admin);
      expect(can(admin, "users.manage")).toBe(true);
      expect(can(admin, "audit.view")).toBe(true);
    }
  });

  it("keeps special category data and staff records away from councils' analysts, commissioners and personal accounts", () => {
    for (const role of [
      "council_analyst",
      "commissioner",
      "staff_member",
      "candidate",
      "trainer",
      "provider_viewer",
    ] as const) {
      expect(can(role, "staff.viewSensitive"), role).toBe(false);
    }
    for (const role of ["council_analyst", "commissioner", "staff_member", "candidate", "trainer"] as const)
      expect(can(role, "staff.view"), role).toBe(false);
    expect(can("provider_viewer", "staff.edit")).toBe(false);
    expect(can("provider_editor", "users.manage")).toBe(false);
  });

  it("gives the hub admin everything and nobody anything without a role", () => {
    expect(permissionsFor(null, true)).toEqual([...PERMISSIONS]);
    expect(permissionsFor(null)).toEqual([]);
    expect(can(null, "org.view")).toBe(false);
  });
});
