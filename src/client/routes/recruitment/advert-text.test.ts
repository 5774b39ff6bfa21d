import { describe, expect, it } from "vitest";
import { advertHoursText, advertPayText } from "./advert-text";

describe("an advert's pay and hours on the employer's and the hub's pages", () => {
  it("give hourly pay in pounds and pence, as the job board does, and yearly pay in whole pounds", () => {
    expect(advertPayText({ payUnit: "hour", payMin: 13, payMax: null })).toBe("£13.00 an hour");
    expect(advertPayText({ payUnit: "hour", payMin: 13.2, payMax: 13.7 })).toBe("£13.20 to £13.70 an hour");
    expect(advertPayText({ payUnit: "hour", payMin: 12.8, payMax: 12.8 })).toBe("£12.80 an hour");
    expect(advertPayText({ payUnit: "year", payMin: 38500, payMax: 41500 })).toBe("£38,500 to £41,500 a year");
  });

  it("say hours with the word, and a zero hours contract plainly", () => {
    expect(advertHoursText({ zeroHours: false, hoursPerWeek: 37.5 })).toBe("37.5 hours a week");
    expect(advertHoursText({ zeroHours: true, hoursPerWeek: null })).toBe("Zero hours contract: no guaranteed hours");
    expect(advertHoursText({ zeroHours: false, hoursPerWeek: null })).toBe("Hours to be agreed");
  });
});
