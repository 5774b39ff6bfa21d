import { describe, expect, it } from "vitest";
import { jobsQueryString, jobsSearch } from "./jobs";

// The board's filters come from the address, which the router has already read as JSON: "5" is
// a number and "true" a boolean there. The page must still ask the API what the address says.

describe("the job board's filters in the address", () => {
  it("reads numbers and booleans the router made of the address, and asks the API the same", () => {
    const search = jobsSearch.parse({
      council: "halton",
      role: 8,
      q: 123,
      postcode: "WA7 1AB",
      radius: 5,
      payMin: 12.5,
      noExperience: true,
      driving: false,
      sponsorship: "true",
      page: 2,
      source: "SPRING26",
    });
    expect(search).toEqual({
      council: "halton",
      role: "8",
      q: "123",
      postcode: "WA7 1AB",
      radius: 5,
      payMin: 12.5,
      noExperience: true,
      driving: false,
      sponsorship: true,
      page: 2,
      source: "SPRING26",
    });
    // The campaign's source is kept for applying, not sent as a filter.
    expect(Object.fromEntries(new URLSearchParams(jobsQueryString(search)))).toEqual({
      council: "halton",
      role: "8",
      q: "123",
      postcode: "WA7 1AB",
      radius: "5",
      payMin: "12.5",
      noExperience: "true",
      driving: "false",
      sponsorship: "true",
      page: "2",
    });
  });

  it("drops what the API would refuse (a stale or edited link) rather than failing the page", () => {
    expect(
      jobsSearch.parse({
        council: "Not A Slug!",
        radius: 500,
        hours: "lots",
        contract: "agency",
        driving: "maybe",
        page: 0,
      }),
    ).toEqual({});
  });
});
