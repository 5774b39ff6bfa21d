import { describe, expect, it } from "vitest";
import { z } from "zod";
import { emptyStaffDraft } from "../server/modules/ascwds/staff-record";
import { fieldList, STAFF_FIELD_LABELS, WORKPLACE_FIELD_LABELS } from "./ascwds/field-labels";
import { freeText } from "./schemas/text";
import { plural } from "./text";

describe("words for people", () => {
  it("a count agrees with its noun: 1 staff record, 3 staff records, 1 person, 2 people", () => {
    expect(plural(1, "staff record")).toBe("1 staff record");
    expect(plural(3, "staff record")).toBe("3 staff records");
    expect(plural(0, "workplace")).toBe("0 workplaces");
    expect(plural(1, "person", "people")).toBe("1 person");
    expect(plural(2, "person", "people")).toBe("2 people");
    expect(plural(12345, "row")).toBe("12,345 rows");
  });

  it("fields an upload changes are named in words, never as the hub's field names", () => {
    expect(fieldList(STAFF_FIELD_LABELS, ["payRate"])).toBe("pay rate");
    expect(fieldList(STAFF_FIELD_LABELS, ["payRate", "mainJobRole", "niNumber"])).toBe(
      "pay rate, main job role and National Insurance number",
    );
    expect(fieldList(WORKPLACE_FIELD_LABELS, ["declaredStaffTotal", "postcode"])).toBe(
      "total permanent and temporary staff and postcode",
    );
    // Every field of a staff record an upload compares, and what else it can change, has a label of its own.
    for (const key of [...Object.keys(emptyStaffDraft(1).values), "qualifications", "localRef", "workplace"])
      expect(STAFF_FIELD_LABELS[key], key).toBeTruthy();
  });
});

describe("multi-line free text", () => {
  it("keeps line breaks and tabs but refuses every other control character", () => {
    const notes = freeText(z.string(), "Notes", { multiLine: true });
    expect(notes.safeParse("First line\nSecond\r\n\tindented").success).toBe(true);
    for (const hidden of ["a\u0001b", "a\u000bb", "a\u001b[31mred", "a\u007fb", "a\u0085b"])
      expect(notes.safeParse(hidden).success, JSON.stringify(hidden)).toBe(false);
  });
});
