import { describe, expect, it } from "vitest";
import { buildIcs, foldLine, icsText, icsTime } from "./ics";

const event = {
  uid: "slot-1@care-workforce-hub",
  start: new Date("2026-07-01T13:30:00+01:00"),
  end: new Date("2026-07-01T14:00:00+01:00"),
  stamp: new Date("2026-06-15T09:00:00.123Z"),
  summary: "Interview: Care worker, Oak Care",
  location: "Oak House; 1 High St, Runcorn",
};

/** Unfolds continuation lines (CRLF then a space), as a calendar reading the file does. */
const unfold = (text: string) => text.replace(/\r\n /g, "");

describe("calendar files", () => {
  it("hold one VEVENT in a VCALENDAR, times in UTC, every line ending CRLF", () => {
    const ics = buildIcs(event);
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = unfold(ics).split("\r\n");
    expect(lines).toContain("UID:slot-1@care-workforce-hub");
    expect(lines).toContain("DTSTAMP:20260615T090000Z");
    // 13:30 British Summer Time is 12:30 UTC.
    expect(lines).toContain("DTSTART:20260701T123000Z");
    expect(lines).toContain("DTEND:20260701T130000Z");
    expect(lines).toContain("SUMMARY:Interview: Care worker\\, Oak Care");
    expect(lines).toContain("LOCATION:Oak House\\; 1 High St\\, Runcorn");
    expect(lines).toContain("METHOD:PUBLISH");
    expect(lines).toContain("STATUS:CONFIRMED");
  });

  it("cancel an event by its UID", () => {
    const lines = buildIcs({ ...event, method: "CANCEL", sequence: 1 }).split("\r\n");
    expect(lines).toEqual(expect.arrayContaining(["METHOD:CANCEL", "STATUS:CANCELLED", "SEQUENCE:1"]));
  });

  it("escape backslashes, semicolons, commas and line breaks in text", () => {
    expect(icsText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
    const lines = unfold(buildIcs({ ...event, description: "Bring ID\nAsk for Sam, reception" })).split("\r\n");
    expect(lines).toContain("DESCRIPTION:Bring ID\\nAsk for Sam\\, reception");
  });

  it("fold lines over 75 octets without splitting a character", () => {
    const long = `SUMMARY:${"é".repeat(100)}`;
    const folded = foldLine(long);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    expect(Buffer.byteLength(parts[0], "utf8")).toBeLessThanOrEqual(75);
    for (const p of parts.slice(1)) {
      expect(p.startsWith(" ")).toBe(true);
      expect(Buffer.byteLength(p, "utf8")).toBeLessThanOrEqual(75);
    }
    expect(unfold(folded)).toBe(long);
    expect(folded).not.toContain("\uFFFD");
    expect(foldLine("SHORT:x")).toBe("SHORT:x");
  });

  it("write times without milliseconds", () => {
    expect(icsTime(new Date("2026-01-02T03:04:05.678Z"))).toBe("20260102T030405Z");
  });
});
