import { describe, expect, it } from "vitest";
import { milesBetween, normalisePostcode, outwardCode } from "./postcode";

describe("postcodes", () => {
  it("normalises full postcodes and refuses other shapes", () => {
    expect(normalisePostcode(" wa7 1ab ")).toBe("WA7 1AB");
    expect(normalisePostcode("L241AB")).toBe("L24 1AB");
    expect(normalisePostcode("EC1A1BB")).toBe("EC1A 1BB");
    expect(normalisePostcode("WA7")).toBeNull();
    expect(normalisePostcode("not a postcode")).toBeNull();
  });
  it("takes the outward code of a full postcode or of a district typed alone", () => {
    expect(outwardCode("wa8 7xy")).toBe("WA8");
    expect(outwardCode("wa8")).toBe("WA8");
    expect(outwardCode("EC1A 1BB")).toBe("EC1A");
    expect(outwardCode("12345")).toBeNull();
  });
  it("measures miles between points", () => {
    // Runcorn to Widnes centres are about 3 miles apart; Liverpool to Manchester about 31.
    expect(milesBetween({ lat: 53.333, lng: -2.703 }, { lat: 53.365, lng: -2.733 })).toBeCloseTo(2.6, 0);
    expect(milesBetween({ lat: 53.4084, lng: -2.9916 }, { lat: 53.4808, lng: -2.2426 })).toBeGreaterThan(30);
    expect(milesBetween({ lat: 53.4, lng: -2.6 }, { lat: 53.4, lng: -2.6 })).toBe(0);
  });
});
