import { describe, expect, it } from "vitest";
import { frameworkSchema } from "../../../shared/career/framework";
import { SHIPPED_FRAMEWORK } from "./shipped-framework";

describe("a council's framework document: free text", () => {
  it("refuses a title that starts like a spreadsheet formula or holds a line break, naming where", () => {
    expect(frameworkSchema.safeParse(SHIPPED_FRAMEWORK).success).toBe(true);
    const [first, ...rest] = SHIPPED_FRAMEWORK.roles;
    for (const title of ['=HYPERLINK("http://evil.test")', "@SUM(1)", "Team\nleader"]) {
      const result = frameworkSchema.safeParse({ ...SHIPPED_FRAMEWORK, roles: [{ ...first, title }, ...rest] });
      expect(result.success, title).toBe(false);
      expect(result.error?.issues[0].path.join(".")).toBe("roles.0.title");
      expect(result.error?.issues[0].message).toMatch(
        /A role's title (cannot start with =, \+, @|must be on one line)/,
      );
    }
    // Descriptions may have several lines, and a dash may start any text.
    const summary = "- Leads a team of care workers.\nPlans the rota.";
    expect(frameworkSchema.safeParse({ ...SHIPPED_FRAMEWORK, roles: [{ ...first, summary }, ...rest] }).success).toBe(
      true,
    );
  });
});
