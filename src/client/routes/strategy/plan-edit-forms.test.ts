import { describe, expect, it } from "vitest";
import { actionInput, updateActionInput } from "../../../shared/schemas/strategy";
import { actionDefaults, actionForm, pillarForm, targetText } from "./plan-edit-forms";

// The plan's forms: what people type becomes what the API takes (a rate's target typed as a
// percentage, pay in pounds, an owner chosen from one list of people and groups), and once the
// plan is approved a change without a reason is refused before it is sent.

const pillarId = "0b8a5a3e-8c1f-4d3f-9a57-0c3f8f5f6c11";
const groupId = "6f1c2b9e-1d2a-4f7e-8b3c-2a1d9e8f7c60";
const blank = { day: "", month: "", year: "" };
const typed = {
  pillarId,
  number: 2,
  title: "Run a joint recruitment campaign",
  phase: "activation" as const,
  owner: `group:${groupId}`,
  partners: "Halton College\n\n  Job Centre Plus ",
  startOn: { day: "1", month: "4", year: "2027" },
  dueOn: blank,
  inputs: "",
  outputs: "",
  outcomes: "",
  measures: [
    {
      metric: "vacancy_rate",
      target: "9",
      direction: "lower" as const,
      byDate: { day: "31", month: "3", year: "2028" },
    },
    {
      metric: "pay_median_hourly.care_worker",
      target: "£12.60",
      direction: "higher" as const,
      byDate: { day: "31", month: "3", year: "2028" },
    },
  ],
  reason: "",
};

describe("the action form", () => {
  it("gives the API its input: targets as a fraction or in pounds, the owner, lines and dates", () => {
    const out = actionForm(false).parse(typed);
    expect(out.owner).toEqual({ groupId });
    expect(out.partners).toEqual(["Halton College", "Job Centre Plus"]);
    expect(out.startOn).toBe("2027-04-01");
    expect(out.dueOn).toBeNull();
    expect(out.measures.map((m) => m.target)).toEqual([0.09, 12.6]);
    expect(out.reason).toBeUndefined();
    // What the server reads, as it reads it.
    expect(actionInput.parse(out).measures[0]).toEqual({
      metric: "vacancy_rate",
      target: 0.09,
      direction: "lower",
      byDate: "2028-03-31",
    });
  });

  it("refuses a target that is not a number, on the target's box, in words", () => {
    const r = actionForm(false).safeParse({ ...typed, measures: [{ ...typed.measures[0], target: "nine" }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["measures.0.target", "Enter the target as a percentage, for example 9"],
    ]);
  });

  it("asks why once the plan is approved, and sends the reason", () => {
    const r = actionForm(true).safeParse(typed);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["reason", "Enter the reason for the change"],
    ]);
    const out = actionForm(true).parse({ ...typed, reason: " A new recruitment lead " });
    expect(updateActionInput.parse(out).reason).toBe("A new recruitment lead");
  });

  it("fills its boxes from an action so that saving unchanged gives back the same measures", () => {
    for (const t of [0.09, 0.123, 0.0725]) expect(Number(targetText("vacancy_rate", t)) / 100).toBeCloseTo(t, 10);
    expect(targetText("agency_spend", 125000)).toBe("125000");
    const defaults = actionDefaults(
      {
        id: "a",
        ref: "R1.2",
        pillarId,
        number: 2,
        title: "Campaign",
        phase: "activation",
        owner: { kind: "user", id: groupId, name: "Wendy" },
        partners: [],
        partnerOrgs: [],
        startOn: null,
        dueOn: "2027-03-31",
        inputs: "",
        outputs: "",
        outcomes: "",
        measures: [
          {
            id: "m",
            metric: "vacancy_rate",
            label: "Vacancy rate",
            target: 0.123,
            direction: "lower",
            byDate: "2028-03-31",
          },
        ],
        latest: null,
        canUpdate: true,
      },
      pillarId,
    );
    const out = actionForm(true).parse({ ...defaults, reason: "Typo" });
    expect(out.owner).toEqual({ userId: groupId });
    expect(out.dueOn).toBe("2027-03-31");
    expect(out.measures[0].target).toBe(0.123);
  });
});

describe("the recommendation or enabler form", () => {
  it("reads aims one a line and asks why once approved", () => {
    const values = { kind: "enabler" as const, number: 1, title: "A workforce hub", aims: "One\n\nTwo\n", reason: "" };
    expect(pillarForm(false).parse(values).aims).toEqual(["One", "Two"]);
    expect(pillarForm(true).safeParse(values).success).toBe(false);
  });
});
