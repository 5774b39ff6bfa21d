import { describe, expect, it } from "vitest";
import { advertHoursText, advertPayText } from "./advert-text";

describe("an advert's pay and hours, as the job board and the employers' pages say them", () => {
  it("give hourly pay in pounds and pence and yearly pay in whole pounds, a range only when it is one", () => {
    expect(advertPayText({ payUnit: "hour", payMin: 13, payMax: null })).toBe("£13.00 an hour");
    expect(advertPayText({ payUnit: "hour", payMin: 13.2, payMax: 13.7 })).toBe("£13.20 to £13.70 an hour");
    expect(advertPayText({ payUnit: "hour", payMin: 12.8, payMax: 12.8 })).toBe("£12.80 an hour");
    expect(advertPayText({ payUnit: "year", payMin: 38500.4, payMax: 41500 })).toBe("£38,500 to £41,500 a year");
  });

  it("say hours with the word, and zero hours and bank posts plainly", () => {
    expect(advertHoursText({ zeroHours: false, hoursPerWeek: 37.5 })).toBe("37.5 hours a week");
    expect(advertHoursText({ zeroHours: true, hoursPerWeek: null })).toBe("Zero hours contract: no guaranteed hours");
    expect(advertHoursText({ zeroHours: false, hoursPerWeek: null, contractType: "bank" })).toBe(
      "Bank: no guaranteed hours, work as and when",
    );
    expect(advertHoursText({ zeroHours: false, hoursPerWeek: null, contractType: "permanent" })).toBe(
      "Hours to be agreed",
    );
  });
});
