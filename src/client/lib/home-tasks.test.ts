import { describe, expect, it } from "vitest";
import { MATRIX } from "../../shared/permissions";
import { homeTasks } from "./home-tasks";

const paths = (role: keyof typeof MATRIX, kind: "council" | "provider" | "training_partner" = "provider") =>
  homeTasks(kind, MATRIX[role]).map((t) => t.path);

describe("the tasks on a home page", () => {
  it("offer the API token link to organisation admins only", () => {
    expect(paths("council_admin", "council")).toContain("/users#api-tokens");
    expect(paths("provider_admin")).toContain("/users#api-tokens");
    for (const role of [
      "council_analyst",
      "commissioner",
      "provider_editor",
      "provider_viewer",
      "staff_member",
    ] as const)
      expect(paths(role), role).not.toContain("/users#api-tokens");
  });

  it("offer each role what its permissions allow, and nothing they do not", () => {
    expect(paths("provider_editor")).toEqual([
      "/figures",
      "/returns",
      "/upload",
      "/staff",
      "/vacancies",
      "/career-plans",
      "/users",
      "~/careers",
    ]);
    expect(paths("provider_viewer")).not.toContain("/upload");
    expect(paths("council_analyst", "council")).toEqual(["/figures", "/providers", "/returns", "~/careers"]);
    expect(paths("staff_member")).toEqual(["/my-career", "~/careers"]);
    // A trainer has nothing of the organisation's to do yet: the roadmap is still there.
    expect(paths("trainer", "training_partner")).toEqual(["~/careers"]);
  });

  it("say what each can do in the words of its role", () => {
    const label = (role: keyof typeof MATRIX, path: string, kind: "council" | "provider" = "provider") =>
      homeTasks(kind, MATRIX[role]).find((t) => t.path === path)?.label;
    expect(label("council_admin", "/returns", "council")).toBe("Set a return period and see who has sent their return");
    expect(label("provider_admin", "/returns")).toBe("Send your workforce return");
    expect(label("provider_viewer", "/returns")).toBe("See your workforce returns");
    expect(label("provider_viewer", "/staff")).toBe("See your staff records");
    expect(label("council_admin", "/career-framework", "council")).toBe("Change and publish your career framework");
    expect(label("provider_admin", "/career-framework")).toBe("Endorse your council's career framework");
  });
});
