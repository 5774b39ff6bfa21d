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
      "/contracts",
      "/upload",
      "/staff",
      "/vacancies",
      "/recruitment",
      "/recruitment/pool",
      "/recruitment/funnel",
      "/career-plans",
      "/users",
      "~/careers",
    ]);
    expect(paths("provider_viewer")).not.toContain("/upload");
    expect(paths("council_analyst", "council")).toEqual([
      "/figures",
      "/providers",
      "/returns",
      "/commissioning",
      "~/careers",
    ]);
    expect(paths("staff_member")).toEqual(["/my-career", "~/careers"]);
    // A trainer has nothing of the organisation's to do yet: the roadmap is still there.
    expect(paths("trainer", "training_partner")).toEqual(["~/careers"]);
  });

  it("link a council's commissioning and a provider's own contracts, in the words of the role", () => {
    const label = (role: keyof typeof MATRIX, path: string, kind: "council" | "provider" = "provider") =>
      homeTasks(kind, MATRIX[role]).find((t) => t.path === path)?.label;
    expect(label("commissioner", "/commissioning", "council")).toBe(
      "Manage your contracts, their workforce standards and the Quality Premium",
    );
    expect(label("council_analyst", "/commissioning", "council")).toBe(
      "See your contracts and how providers meet their workforce standards",
    );
    expect(paths("workforce_lead", "council")).not.toContain("/commissioning");
    expect(label("provider_editor", "/contracts")).toBe(
      "See the workforce standards in your contracts and challenge a result",
    );
    expect(label("provider_viewer", "/contracts")).toBe("See the workforce standards in your contracts");
    expect(paths("staff_member")).not.toContain("/contracts");
    expect(paths("commissioner", "council")).not.toContain("/contracts");
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

  it("give a job seeker the job board, their applications, profile and pool choice, not a staff career plan", () => {
    const tasks = homeTasks("council", MATRIX.candidate, "halton");
    expect(tasks.map((t) => t.path)).toEqual([
      "~/jobs?council=halton",
      "/candidate/applications",
      "/candidate/profile",
      "/candidate/pool",
      "~/careers",
    ]);
    expect(paths("staff_member")).toContain("/my-career");
  });

  it("link recruiting employers and the council's hub team to their recruitment pages", () => {
    expect(paths("provider_viewer")).toEqual(expect.arrayContaining(["/recruitment", "/recruitment/pool"]));
    expect(paths("provider_viewer")).not.toContain("/recruitment/campaigns");
    const label = (role: keyof typeof MATRIX, path: string, kind: "council" | "provider" = "provider") =>
      homeTasks(kind, MATRIX[role]).find((t) => t.path === path)?.label;
    expect(label("provider_admin", "/recruitment")).toBe("Advertise your vacancies and track applications");
    expect(label("provider_viewer", "/recruitment")).toBe("See your job adverts and applications");
    expect(paths("workforce_lead", "council")).toEqual(
      expect.arrayContaining(["/recruitment/campaigns", "/recruitment/funnel", "/recruitment/moderation"]),
    );
    expect(paths("workforce_lead", "council")).not.toContain("/recruitment");
    expect(paths("trainer", "training_partner")).not.toContain("/recruitment/funnel");
  });
});
