import { describe, expect, it } from "vitest";
import { startInput } from "../schemas/recruitment";
import { NI_NUMBER, NI_NUMBER_EXAMPLE, NI_NUMBER_MESSAGE } from "./ni-number";

const base = { startDate: "2026-06-15", contract: 1 };
const compact = (ni: string) => ni.replace(/\s+/g, "");

describe("National Insurance number rule and its example (issue 17 trial)", () => {
  it("the example shown in hints is one the rule accepts, on the start form too", () => {
    expect(NI_NUMBER.test(compact(NI_NUMBER_EXAMPLE))).toBe(true);
    const parsed = startInput.safeParse({ ...base, niNumber: NI_NUMBER_EXAMPLE });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.niNumber).toBe("AB123456C");
  });

  it("refuses numbers HMRC never issues, with a message whose example the rule accepts", () => {
    for (const bad of ["QQ 12 34 56 C", "GB123456A", "AO123456A", "AB123456E", "AB12345C"]) {
      const parsed = startInput.safeParse({ ...base, niNumber: bad });
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0].message).toBe(NI_NUMBER_MESSAGE);
    }
    const quoted = /like ([A-Z]{2}(?: \d{2}){3} [A-D])/.exec(NI_NUMBER_MESSAGE)?.[1];
    expect(quoted).toBe(NI_NUMBER_EXAMPLE);
    expect(NI_NUMBER.test(compact(quoted ?? ""))).toBe(true);
  });

  it("a blank number is allowed", () => {
    expect(startInput.safeParse({ ...base, niNumber: "  " }).success).toBe(true);
  });
});
