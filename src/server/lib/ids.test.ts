import { describe, expect, it } from "vitest";
import { orderedUuid } from "./ids";

describe("time-ordered ids", () => {
  it("are valid version 7 UUIDs that increase, also within one millisecond and past 4,096 in it", () => {
    const ids = Array.from({ length: 10_000 }, () => orderedUuid(1_800_000_000_000));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(orderedUuid(1_800_000_000_001) > ids[ids.length - 1]).toBe(true);
  });
});
