import { describe, expect, it } from "vitest";
import { pageOf, swWorkersSearch } from "./workers-search";

describe("the social work workers list's address", () => {
  it("keeps the filters the API accepts and drops ones it would refuse", () => {
    const id = "0b5f3c1e-8a4d-4c2b-9f1a-2d3e4f5a6b7c";
    expect(
      swWorkersSearch.parse({
        service: "children",
        teamId: id,
        role: "social_worker",
        routeIn: "frontline",
        attention: "true",
        page: "2",
      }),
    ).toEqual({
      service: "children",
      teamId: id,
      role: "social_worker",
      routeIn: "frontline",
      attention: "true",
      page: 2,
    });
    expect(
      swWorkersSearch.parse({
        service: "pets",
        teamId: "not-a-team",
        role: "wizard",
        routeIn: "chimney",
        leavers: "yes",
        page: "0",
      }),
    ).toEqual({});
  });

  it("pages the list 50 at a time, the last page when asked for one past the end", () => {
    const rows = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(rows, undefined)).toMatchObject({ page: 1, pages: 3, rows: rows.slice(0, 50) });
    expect(pageOf(rows, 3).rows).toEqual(rows.slice(100));
    expect(pageOf(rows, 9)).toMatchObject({ page: 3, pages: 3 });
    expect(pageOf([], 1)).toEqual({ rows: [], page: 1, pages: 1 });
  });
});
