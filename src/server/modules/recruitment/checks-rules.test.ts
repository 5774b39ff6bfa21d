import { describe, expect, it } from "vitest";
import { type Checks, checklist, checksProblems, EMPTY_CHECKS, type Reference } from "./checks-rules";

const today = "2026-06-15";
const ref = (r: Partial<Reference> = {}): Reference => ({
  referee: "A. Referee",
  relationship: "Manager",
  lastCareEmployer: false,
  requestedOn: "2026-05-01",
  receivedOn: "2026-05-10",
  satisfactory: true,
  ...r,
});
const complete: Checks = {
  identitySeenOn: "2026-05-01",
  dbsLevel: "enhanced_barred_adults",
  dbsCertificateNumber: "001234567890",
  dbsIssuedOn: "2026-05-20",
  dbsUpdateService: "not_subscribed",
  dbsUpdateCheckedOn: null,
  rightToWorkMethod: "share_code",
  rightToWorkDocument: null,
  rightToWorkCheckedOn: "2026-05-01",
  rightToWorkExpiresOn: null,
  rightToWorkFollowUpOn: null,
  references: [ref({ lastCareEmployer: true }), ref()],
  historyGapsExplained: true,
  historyNotes: "",
  healthDeclarationOn: "2026-06-01",
  qualificationsVerifiedOn: "2026-05-02",
};
const missing = (c: Partial<Checks>) =>
  Object.fromEntries(
    checklist({ ...complete, ...c }, today)
      .items.filter((i) => !i.done)
      .map((i) => [i.item, i.missing]),
  );

describe("pre-employment checklist", () => {
  it("is complete when every Schedule 3 item and the right to work are recorded", () => {
    expect(checklist(complete, today).complete).toBe(true);
  });

  it("lists every item as missing for an empty bundle", () => {
    const list = checklist(EMPTY_CHECKS, today);
    expect(list.complete).toBe(false);
    expect(list.items.filter((i) => !i.done).map((i) => i.item)).toEqual([
      "identity",
      "dbs",
      "right_to_work",
      "references",
      "history",
      "health",
      "qualifications",
    ]);
  });

  it("needs the DBS level, certificate number and issue date, and the status check date when it was checked", () => {
    expect(missing({ dbsCertificateNumber: null })).toEqual({
      dbs: "Record the DBS check's level, certificate number and issue date",
    });
    expect(missing({ dbsUpdateService: "subscribed_checked" })).toEqual({
      dbs: "Record the date of the Update Service status check",
    });
    expect(missing({ dbsUpdateService: "subscribed_checked", dbsUpdateCheckedOn: "2026-06-01" })).toEqual({});
  });

  it("needs the right to work checked, the document for a manual check, a follow-up with an expiry, and no lapse", () => {
    expect(missing({ rightToWorkCheckedOn: null })).toEqual({
      right_to_work: "Check the right to work and record how and when",
    });
    expect(missing({ rightToWorkMethod: "manual_document" })).toEqual({
      right_to_work: "Record which document was checked",
    });
    expect(missing({ rightToWorkExpiresOn: "2027-01-31" })).toEqual({
      right_to_work: "Set a date for the follow-up check",
    });
    expect(missing({ rightToWorkExpiresOn: "2026-06-01", rightToWorkFollowUpOn: "2026-05-01" })).toEqual({
      right_to_work: "The permission to work ended on 1 June 2026: check it again",
    });
    expect(missing({ rightToWorkExpiresOn: "2027-01-31", rightToWorkFollowUpOn: "2027-01-01" })).toEqual({});
  });

  it("needs two satisfactory references received, one from the last care employer", () => {
    expect(missing({ references: [ref({ lastCareEmployer: true })] }).references).toBe(
      "Receive two satisfactory references (1 so far)",
    );
    expect(missing({ references: [ref({ lastCareEmployer: true }), ref({ receivedOn: null })] }).references).toBe(
      "Receive two satisfactory references (1 so far)",
    );
    expect(missing({ references: [ref({ lastCareEmployer: true }), ref({ satisfactory: false })] }).references).toBe(
      "Receive two satisfactory references (1 so far)",
    );
    expect(missing({ references: [ref(), ref()] }).references).toMatch(/from the last employer in care/);
  });

  it("needs gaps in the history explained, the health declaration and the qualifications verified", () => {
    expect(Object.keys(missing({ historyGapsExplained: false }))).toEqual(["history"]);
    expect(Object.keys(missing({ healthDeclarationOn: null }))).toEqual(["health"]);
    expect(Object.keys(missing({ qualificationsVerifiedOn: null }))).toEqual(["qualifications"]);
  });

  it("counts items relied on from a shared bundle only where that bundle has them", () => {
    const own = { ...complete, dbsLevel: null, identitySeenOn: null };
    const relied = checklist(own, today, { items: ["dbs"], from: complete, employer: "Oak Care" });
    expect(relied.items.find((i) => i.item === "dbs")).toMatchObject({ done: true, reliedOn: "Oak Care" });
    // Identity was not relied on, so it is still missing.
    expect(relied.items.find((i) => i.item === "identity")?.done).toBe(false);
    const bare = checklist(own, today, { items: ["dbs"], from: EMPTY_CHECKS, employer: "Oak Care" });
    expect(bare.items.find((i) => i.item === "dbs")?.done).toBe(false);
  });
});

describe("saving checks", () => {
  it("requires a follow-up date on or before the expiry when the permission to work ends", () => {
    expect(checksProblems({ ...complete, rightToWorkExpiresOn: "2027-01-31" })).toEqual([
      {
        path: "rightToWorkFollowUpOn",
        message: "The permission to work has an end date: enter the date of the follow-up check",
      },
    ]);
    expect(
      checksProblems({ ...complete, rightToWorkExpiresOn: "2027-01-31", rightToWorkFollowUpOn: "2027-02-01" })[0].path,
    ).toBe("rightToWorkFollowUpOn");
    expect(checksProblems(complete)).toEqual([]);
  });

  it("requires the status check date when the Update Service was checked, and references received after asked", () => {
    expect(checksProblems({ ...complete, dbsUpdateService: "subscribed_checked" })[0].path).toBe("dbsUpdateCheckedOn");
    expect(
      checksProblems({ ...complete, references: [ref({ requestedOn: "2026-05-10", receivedOn: "2026-05-01" })] })[0]
        .path,
    ).toBe("references.0.receivedOn");
  });
});
