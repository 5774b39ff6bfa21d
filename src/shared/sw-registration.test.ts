import { describe, expect, it } from "vitest";
import { type RegistrationFacts, registrationAlerts } from "./sw-registration";

const none: RegistrationFacts = {
  sweRenewalDate: null,
  cpdRecordedOn: null,
  amhpApprovedUntil: null,
  biaQualifiedOn: null,
  biaTrainingOn: null,
  peStage: null,
  qualifiedOn: null,
};
const kinds = (f: Partial<RegistrationFacts>, today = "2026-06-15") =>
  registrationAlerts({ ...none, ...f }, today).map((a) => a.kind);

describe("registration alerts", () => {
  it("gives none for a worker with nothing recorded", () => {
    expect(kinds({})).toEqual([]);
  });

  it("puts a registration at risk when renewal is within 60 days and no CPD since the last renewal", () => {
    expect(kinds({ sweRenewalDate: "2026-08-14" })).toEqual(["registration_at_risk"]); // 60 days ahead
    expect(kinds({ sweRenewalDate: "2026-08-15" })).toEqual([]); // 61 days ahead
    // CPD recorded on the last renewal day itself is not since it.
    expect(kinds({ sweRenewalDate: "2026-07-01", cpdRecordedOn: "2025-07-01" })).toEqual(["registration_at_risk"]);
    expect(kinds({ sweRenewalDate: "2026-07-01", cpdRecordedOn: "2025-07-02" })).toEqual([]);
    expect(kinds({ sweRenewalDate: "2026-06-15" })).toEqual(["registration_at_risk"]); // today
  });

  it("says a renewal date that has passed has lapsed, whatever CPD", () => {
    expect(kinds({ sweRenewalDate: "2026-06-14", cpdRecordedOn: "2026-06-01" })).toEqual(["registration_lapsed"]);
  });

  it("flags an AMHP approval ending within 90 days or ended", () => {
    expect(kinds({ amhpApprovedUntil: "2026-09-13" })).toEqual(["amhp_ending"]); // 90 days
    expect(kinds({ amhpApprovedUntil: "2026-09-14" })).toEqual([]);
    expect(kinds({ amhpApprovedUntil: "2026-06-15" })).toEqual(["amhp_ending"]);
    expect(kinds({ amhpApprovedUntil: "2026-06-14" })).toEqual(["amhp_ended"]);
  });

  it("needs BIA further training within 12 months, except in the first 12 months after qualifying", () => {
    expect(kinds({ biaQualifiedOn: "2025-07-01" })).toEqual([]); // qualified under 12 months ago
    expect(kinds({ biaQualifiedOn: "2025-06-15" })).toEqual(["bia_training_due"]); // exactly 12 months
    expect(kinds({ biaQualifiedOn: "2020-01-01", biaTrainingOn: "2025-06-15" })).toEqual([]);
    expect(kinds({ biaQualifiedOn: "2020-01-01", biaTrainingOn: "2025-06-14" })).toEqual(["bia_training_due"]);
    const [due] = registrationAlerts(
      { ...none, biaQualifiedOn: "2020-01-01", biaTrainingOn: "2025-03-01" },
      "2026-06-15",
    );
    expect(due.dueOn).toBe("2026-03-01");
  });

  it("flags a practice educator with less than 2 years' post-qualifying experience", () => {
    expect(kinds({ peStage: 1, qualifiedOn: "2024-06-16" })).toEqual(["pe_inexperienced"]);
    expect(kinds({ peStage: 2, qualifiedOn: "2024-06-15" })).toEqual([]);
    expect(kinds({ peStage: 1, qualifiedOn: null })).toEqual(["pe_inexperienced"]);
    expect(kinds({ peStage: null, qualifiedOn: "2026-01-01" })).toEqual([]);
  });

  it("lists several alerts in a fixed order", () => {
    expect(kinds({ sweRenewalDate: "2026-01-01", amhpApprovedUntil: "2026-01-01", peStage: 1 })).toEqual([
      "registration_lapsed",
      "amhp_ended",
      "pe_inexperienced",
    ]);
  });
});
