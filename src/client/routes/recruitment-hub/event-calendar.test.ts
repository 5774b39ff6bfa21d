import { describe, expect, it } from "vitest";
import { splitEvents } from "./event-calendar";

const at = (title: string, startsAt: string, endsAt: string | null = null) => ({ title, startsAt, endsAt });

describe("the hub's events calendar order (issue 17 trial)", () => {
  it("puts upcoming events first, soonest first, and past ones apart, newest first", () => {
    const now = new Date("2026-06-15T12:00:00Z");
    const events = [
      at("Spring fair", "2026-03-01T10:00:00Z", "2026-03-01T15:00:00Z"),
      at("Open day", "2026-06-01T10:00:00Z"),
      at("Summer fair", "2026-07-20T10:00:00Z"),
      at("Course taster", "2026-06-16T09:00:00Z"),
      at("Going on now", "2026-06-15T10:00:00Z", "2026-06-15T14:00:00Z"),
      at("This morning", "2026-06-15T09:00:00Z", "2026-06-15T11:00:00Z"),
    ];
    const { upcoming, past } = splitEvents(events, now);
    expect(upcoming.map((e) => e.title)).toEqual(["Going on now", "Course taster", "Summer fair"]);
    expect(past.map((e) => e.title)).toEqual(["This morning", "Open day", "Spring fair"]);
  });

  it("an event without an end time is past once it has started", () => {
    const { upcoming, past } = splitEvents([at("Talk", "2026-06-15T11:59:00Z")], new Date("2026-06-15T12:00:00Z"));
    expect(upcoming).toEqual([]);
    expect(past.map((e) => e.title)).toEqual(["Talk"]);
  });
});
