import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "./client-address";

describe("the client address behind trusted proxies", () => {
  it("is the right-most hop with one trusted proxy, whatever the client wrote to its left", () => {
    expect(clientAddressFrom("6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddressFrom("203.0.113.7", 1)).toBe("203.0.113.7"); // a client-sent single value, as the browser tests send
  });

  it("skips the configured number of trusted proxies from the right", () => {
    expect(clientAddressFrom("6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    expect(clientAddressFrom("203.0.113.7, 10.0.0.2", 3)).toBe("203.0.113.7"); // fewer hops than proxies: the furthest known
  });

  it("has no answer without the header", () => {
    expect(clientAddressFrom(undefined, 1)).toBeNull();
    expect(clientAddressFrom(" , ", 1)).toBeNull();
  });
});
